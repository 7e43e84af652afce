PasserelleSearch.load("it/t/g",{"g":[["gestion","gestione","DkLA"],["guid","guida","B6NA"]]});
