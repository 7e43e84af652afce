PasserelleSearch.load("it/t/r",{"g":[["retr","retro","AoGA"],["rientr","rientro","A5OA"],["riflett","riflettere","AoGA"],["rig","riga","EyKA"],["rom","roma","C0LA"]]});
