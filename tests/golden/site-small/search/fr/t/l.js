PasserelleSearch.load("fr/t/l",{"g":[["latium","latium","DiLA"],["lien","lien","A6DAFkFA"]]});
