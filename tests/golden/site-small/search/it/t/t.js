PasserelleSearch.load("it/t/t",{"g":[["test","test testo","BkHAD4EA"],["tip","tip","AqGA"]]});
