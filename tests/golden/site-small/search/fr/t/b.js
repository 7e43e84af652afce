PasserelleSearch.load("fr/t/b",{"g":[["budget","budget","A2DAB8JA"]]});
