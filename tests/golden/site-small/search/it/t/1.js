PasserelleSearch.load("it/t/1",{"g":[["1","1","E0KA"]]});
