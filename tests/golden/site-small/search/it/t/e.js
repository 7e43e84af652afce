PasserelleSearch.load("it/t/e",{"g":[["ente","ente","CiNA"]]});
