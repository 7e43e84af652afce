PasserelleSearch.load("fr/t/b",{"g":[["banqu","banque","A2EC"],["budget","budget","A+EBBkKA"]]});
