PasserelleSearch.load("it/t/f",{"g":[["fictiv","fictive","DxOA"],["finanz","finanziamento","D2GAB2GA"],["fittiz","fittizia fittizio","CzJAB6EA"],["formazion","formazione","CiHABsIA"]]});
