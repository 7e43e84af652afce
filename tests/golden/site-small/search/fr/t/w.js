PasserelleSearch.load("fr/t/w",{"g":[["warning","warning","A2EB"]]});
