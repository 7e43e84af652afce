PasserelleSearch.load("fr/t/m",{"g":[["maroc","maroc","EgHABgHA"],["mettr","mettre","BgMA"],["microcred","microcredit","EwKA"],["mois","mois","AkGA"]]});
