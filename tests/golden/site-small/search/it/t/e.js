PasserelleSearch.load("it/t/e",{"g":[["ente","ente","C+MA"]]});
