PasserelleSearch.load("fr/t/n",{"g":[["ngo","ngo","ExOA"],["nom","nom","FxOA"]]});
