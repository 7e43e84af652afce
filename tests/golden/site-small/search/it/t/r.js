PasserelleSearch.load("it/t/r",{"g":[["retr","retro","AiGA"],["rientr","rientro","AxOA"],["riflett","riflettere","AiGA"],["rom","roma","CsLA"]]});
