PasserelleSearch.load("fr/t/m",{"g":[["maroc","maroc","EqHABqHA"],["mettr","mettre","B8MA"],["microcred","microcredit","EgLA"],["mois","mois","A2EB"]]});
