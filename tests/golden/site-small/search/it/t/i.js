PasserelleSearch.load("it/t/i",{"g":[["ifram","iframe","E+KA"],["img","img","E+KA"],["inform","informativo","CsLA"],["introdu","introduzione","AiGA"],["ital","italia italiano","C+MA"]]});
