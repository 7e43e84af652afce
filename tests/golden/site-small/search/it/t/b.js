PasserelleSearch.load("it/t/b",{"g":[["bast","basta","AqGA"]]});
