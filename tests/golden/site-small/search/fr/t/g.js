PasserelleSearch.load("fr/t/g",{"g":[["gestion","gestion","E2KA"],["guid","guide","CsNA"]]});
