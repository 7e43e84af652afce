PasserelleSearch.load("it/t/n",{"g":[["ngo","ngo","D5OA"],["nom","nom","ExOA"]]});
