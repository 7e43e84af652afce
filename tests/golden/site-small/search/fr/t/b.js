PasserelleSearch.load("fr/t/b",{"g":[["budget","budget","A6DAB8JA"]]});
