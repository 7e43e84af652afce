PasserelleSearch.load("it/t/i",{"g":[["ifram","iframe","EyKA"],["img","img","EyKA"],["inform","informativo","C0LA"],["introdu","introduzione","AoGA"],["ital","italia italiano","CkNA"]]});
