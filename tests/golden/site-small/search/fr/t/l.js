PasserelleSearch.load("fr/t/l",{"g":[["latium","latium","DwLA"],["lien","lien","AkDBFuFA"]]});
