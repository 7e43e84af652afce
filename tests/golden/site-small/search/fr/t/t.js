PasserelleSearch.load("fr/t/t",{"g":[["test","test tests","CuNA"],["text","texte","FmIA"],["tient","tient","A2EC"],["titr","titre","A2EB"],["tout","tout","B2JA"]]});
