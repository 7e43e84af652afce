PasserelleSearch.load("it/t/d",{"g":[["descritt","descritto","CiIA"],["domand","domande","AsKA"]]});
