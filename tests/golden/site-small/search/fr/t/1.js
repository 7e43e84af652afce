PasserelleSearch.load("fr/t/1",{"g":[["1","1","FgLA"]]});
