PasserelleSearch.load("fr/t/f",{"g":[["fait","fait","CqNA"],["fictiv","fictive","E3OA"],["financ","financement","EgHABgHA"],["fittizio","fittizio","D/OA"],["format","formation","DqHAB4IA"]]});
