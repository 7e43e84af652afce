PasserelleSearch.load("fr/t/m",{"g":[["maroc","maroc","EkHABkHA"],["mettr","mettre","BkMA"],["microcred","microcredit","E0KA"],["mois","mois","A2FA"]]});
