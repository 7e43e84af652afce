PasserelleSearch.load("it/t/f",{"g":[["fictiv","fictive","DtOA"],["finanz","finanziamento","DyGAByGA"],["fittiz","fittizia fittizio","CzJAB0EA"],["formazion","formazione","C8GABqIA"]]});
