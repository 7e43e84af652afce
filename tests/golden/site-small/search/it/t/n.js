PasserelleSearch.load("it/t/n",{"g":[["ngo","ngo","DzOA"],["nom","nom","EzOA"]]});
