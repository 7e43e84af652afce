PasserelleSearch.load("it/t/d",{"g":[["descritt","descritto","C8HA"],["domand","domande","AkLA"]]});
