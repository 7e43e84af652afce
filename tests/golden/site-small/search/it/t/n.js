PasserelleSearch.load("it/t/n",{"g":[["ngo","ngo","DxOA"],["nom","nom","ExOA"]]});
