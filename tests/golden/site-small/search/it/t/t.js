PasserelleSearch.load("it/t/t",{"g":[["test","test testo","B8GAD0EA"]]});
