PasserelleSearch.load("it/t/d",{"g":[["descritt","descritto","CkIA"],["domand","domande","AgKA"]]});
