PasserelleSearch.load("fr/t/l",{"g":[["latium","latium","DsLA"],["lien","lien","AkDBFsFA"]]});
