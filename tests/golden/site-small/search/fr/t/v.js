PasserelleSearch.load("fr/t/v",{"g":[["ver","vers","AsHB"],["verso","verso","A2EC"],["voir","voir","AkDCEuFA"]]});
