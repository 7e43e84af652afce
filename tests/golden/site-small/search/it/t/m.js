PasserelleSearch.load("it/t/m",{"g":[["marocc","marocco","D2GAB2GA"],["microcred","microcredito","D0KA"],["modul","modulo","A6MA"]]});
