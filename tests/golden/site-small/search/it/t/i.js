PasserelleSearch.load("it/t/i",{"g":[["ifram","iframe","EyKA"],["img","img","EyKA"],["inform","informativo","CiLA"],["introdu","introduzione","AqHA"],["ital","italia italiano","C0MA"]]});
