PasserelleSearch.load("fr/t/q",{"g":[["question","questions","AsHA"]]});
