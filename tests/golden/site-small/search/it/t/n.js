PasserelleSearch.load("it/t/n",{"g":[["ngo","ngo","DtOA"],["nom","nom","EtOA"]]});
