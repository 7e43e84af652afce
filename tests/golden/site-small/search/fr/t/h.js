PasserelleSearch.load("fr/t/h",{"g":[["haut","haut","AwFA"]]});
