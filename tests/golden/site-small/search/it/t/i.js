PasserelleSearch.load("it/t/i",{"g":[["ifram","iframe","E0KA"],["img","img","E0KA"],["inform","informativo","CkLA"],["introdu","introduzione","A+GA"],["ital","italia italiano","C2MA"]]});
