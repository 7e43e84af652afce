PasserelleSearch.load("fr/t/g",{"g":[["gard","gardez","A2EB"],["gestion","gestion","EgLA"],["guid","guide","C0NA"]]});
