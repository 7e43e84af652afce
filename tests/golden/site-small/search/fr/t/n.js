PasserelleSearch.load("fr/t/n",{"g":[["ngo","ngo","EtOA"],["nom","nom","FtOA"]]});
