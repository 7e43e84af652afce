PasserelleSearch.load("it/t/d",{"g":[["descritt","descritto","C0IA"],["document","documento","AoGA"],["domand","domande","AoJA"],["dop","dopo","EwHA"]]});
