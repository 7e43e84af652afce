PasserelleSearch.load("fr/t/g",{"g":[["gestion","gestion","EwKA"],["guid","guide","CqNA"]]});
