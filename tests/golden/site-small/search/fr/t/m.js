PasserelleSearch.load("fr/t/m",{"g":[["maroc","maroc","EuHABuHA"],["mettr","mettre","BsMA"],["microcred","microcredit","EiLA"],["mois","mois","A2EB"]]});
