PasserelleSearch.load("it/t/g",{"g":[["gestion","gestione","D0KA"],["guid","guida","ByNA"]]});
