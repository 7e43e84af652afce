PasserelleSearch.load("fr/t/v",{"g":[["ver","vers","AyIA"],["voir","voir","E2HA"]]});
