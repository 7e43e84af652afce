PasserelleSearch.load("fr/t/h",{"g":[["haut","haut","A2EB"]]});
