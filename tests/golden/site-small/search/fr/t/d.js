PasserelleSearch.load("fr/t/d",{"g":[["dang","danger","BgMA"],["descritto","descritto","DgIA"],["di","di","DzOA"],["dure","duree","AkGA"]]});
