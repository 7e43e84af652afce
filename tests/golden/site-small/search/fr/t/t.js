PasserelleSearch.load("fr/t/t",{"g":[["test","test tests","CqNA"],["text","texte","FwHA"],["titr","titre","AkGA"],["tout","tout","BmJA"]]});
