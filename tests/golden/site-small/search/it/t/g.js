PasserelleSearch.load("it/t/g",{"g":[["gestion","gestione","DsKA"],["guid","guida","BwNA"]]});
