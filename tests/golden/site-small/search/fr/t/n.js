PasserelleSearch.load("fr/t/n",{"g":[["ngo","ngo","ErOA"],["nom","nom","FrOA"]]});
