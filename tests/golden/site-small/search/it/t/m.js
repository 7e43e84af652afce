PasserelleSearch.load("it/t/m",{"g":[["marocc","marocco","D8GAB8GA"],["microcred","microcredito","D+KA"],["modul","modulo","A8LA"]]});
