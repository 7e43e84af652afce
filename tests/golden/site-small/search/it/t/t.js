PasserelleSearch.load("it/t/t",{"g":[["test","test testo","B+GAD6EA"]]});
