PasserelleSearch.load("it/t/t",{"g":[["test","test testo","BiHADgFA"],["tip","tip","AiGA"]]});
