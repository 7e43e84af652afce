PasserelleSearch.load("it/t/d",{"g":[["descritt","descritto","CuIA"],["document","documento","AiGA"],["domand","domande","AgJA"]]});
