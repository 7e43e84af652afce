PasserelleSearch.load("it/t/r",{"g":[["rientr","rientro","A5PA"],["riflett","riflettere","AiIA"],["rom","roma","C+KA"]]});
