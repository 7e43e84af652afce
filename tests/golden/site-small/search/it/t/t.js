PasserelleSearch.load("it/t/t",{"g":[["test","test testo","BmHAD4EA"],["tip","tip","AoGA"]]});
