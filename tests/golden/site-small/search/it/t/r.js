PasserelleSearch.load("it/t/r",{"g":[["rientr","rientro","ArPA"],["riflett","riflettere","AqHA"],["rom","roma","CiLA"]]});
