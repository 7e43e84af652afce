PasserelleSearch.load("it/t/m",{"g":[["marocc","marocco","DiHAB2GA"],["microcred","microcredito","DkLA"],["modul","modulo","AkMA"]]});
