PasserelleSearch.load("it/t/m",{"g":[["marocc","marocco","DyGAByGA"],["microcred","microcredito","DsKA"]]});
