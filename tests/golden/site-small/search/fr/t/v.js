PasserelleSearch.load("fr/t/v",{"g":[["ver","vers","AkJA"],["voir","voir","EwHA"]]});
