PasserelleSearch.load("it/t/g",{"g":[["gestion","gestione","D+KA"],["guid","guida","B0NA"]]});
