PasserelleSearch.load("fr/t/g",{"g":[["gestion","gestion","E0KA"],["guid","guide","CqNA"]]});
