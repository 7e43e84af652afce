PasserelleSearch.load("it/t/g",{"g":[["gestion","gestione","DyKA"],["guid","guida","ByNA"]]});
