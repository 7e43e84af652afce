PasserelleSearch.load("fr/t/t",{"g":[["test","test tests","C0NA"],["text","texte","FiIA"],["tient","tient","A2EC"],["titr","titre","A2EB"]]});
