PasserelleSearch.load("it/t/f",{"g":[["fictiv","fictive","DvOA"],["finanz","finanziamento","D0GAB0GA"],["fittiz","fittizia fittizio","CzJAB4EA"],["formazion","formazione","CgHABsIA"]]});
