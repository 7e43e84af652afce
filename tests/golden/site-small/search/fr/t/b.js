PasserelleSearch.load("fr/t/b",{"g":[["budget","budget","AkEAB8JA"]]});
