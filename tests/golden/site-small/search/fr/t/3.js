PasserelleSearch.load("fr/t/3",{"g":[["3","3","AkDBFsFA"]]});
