PasserelleSearch.load("fr/t/t",{"g":[["test","test tests","CsNA"],["text","texte","F4HA"],["titr","titre","AwFA"],["tout","tout","BqJA"]]});
