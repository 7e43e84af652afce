PasserelleSearch.load("fr/t/l",{"g":[["latium","latium","D+KA"],["lien","lien","AkEAFgFA"]]});
