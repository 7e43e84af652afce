PasserelleSearch.load("it/t/n",{"g":[["ngo","ngo","D7OA"],["nom","nom","EvOA"]]});
