PasserelleSearch.load("it/t/i",{"g":[["ifram","iframe","EsKA"],["img","img","EsKA"],["inform","informativo","C+KA"],["introdu","introduzione","AiIA"],["ital","italia italiano","CyMA"]]});
