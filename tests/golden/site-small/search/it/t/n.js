PasserelleSearch.load("it/t/n",{"g":[["ngo","ngo","DvOA"],["nom","nom","EvOA"]]});
