PasserelleSearch.load("it/t/r",{"g":[["rientr","rientro","AlPA"],["riflett","riflettere","A+GA"],["rom","roma","CkLA"]]});
