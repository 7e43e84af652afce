PasserelleSearch.load("it/t/d",{"g":[["descritt","descritto","CyIA"],["document","documento","AqGA"],["domand","domande","AqJA"]]});
