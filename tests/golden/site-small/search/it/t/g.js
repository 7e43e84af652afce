PasserelleSearch.load("it/t/g",{"g":[["gestion","gestione","DiLA"],["guid","guida","B4NA"]]});
