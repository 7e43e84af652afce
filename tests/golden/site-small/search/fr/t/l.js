PasserelleSearch.load("fr/t/l",{"g":[["latium","latium","DkLA"],["lien","lien","A2DAFmFA"]]});
