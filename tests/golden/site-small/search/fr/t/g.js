PasserelleSearch.load("fr/t/g",{"g":[["gard","gardez","A2EB"],["gestion","gestion","EiLA"],["guid","guide","CuNA"]]});
