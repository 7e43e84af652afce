PasserelleSearch.load("it/t/m",{"g":[["marocc","marocco","DgHAB2GA"],["microcred","microcredito","DiLA"],["modul","modulo","AoMA"]]});
