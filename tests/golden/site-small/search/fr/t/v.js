PasserelleSearch.load("fr/t/v",{"g":[["ver","vers","AsIA"],["voir","voir","E4HA"]]});
