PasserelleSearch.load("it/t/i",{"g":[["ifram","iframe","E0KA"],["img","img","E0KA"],["inform","informativo","CyLA"],["introdu","introduzione","AqGA"],["ital","italia italiano","CiNA"]]});
