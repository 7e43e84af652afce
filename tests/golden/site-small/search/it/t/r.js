PasserelleSearch.load("it/t/r",{"g":[["retr","retro","AqGA"],["rientr","rientro","A5OA"],["riflett","riflettere","AqGA"],["rig","riga","E0KA"],["rom","roma","CyLA"]]});
