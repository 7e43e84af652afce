PasserelleSearch.load("it/t/m",{"g":[["marocc","marocco","D0GAB0GA"],["microcred","microcredito","DyKA"],["modul","modulo","AqHA"]]});
