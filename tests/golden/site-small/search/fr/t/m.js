PasserelleSearch.load("fr/t/m",{"g":[["maroc","maroc","EkHABkHA"],["mettr","mettre","BkMA"],["microcred","microcredit","E2KA"],["mois","mois","AwFA"]]});
