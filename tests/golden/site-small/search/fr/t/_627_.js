PasserelleSearch.load("fr/t/_627_",{"g":[["اطلس","اطلس","ExOA"]]});
