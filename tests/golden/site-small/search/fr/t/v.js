PasserelleSearch.load("fr/t/v",{"g":[["verso","verso","A2EC"],["voir","voir","AkDCEsFA"]]});
