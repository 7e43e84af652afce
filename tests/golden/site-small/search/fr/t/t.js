PasserelleSearch.load("fr/t/t",{"g":[["test","test tests","CqNA"],["text","texte","F2HA"],["titr","titre","A2FA"],["tout","tout","BqJA"]]});
