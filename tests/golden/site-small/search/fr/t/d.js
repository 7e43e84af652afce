PasserelleSearch.load("fr/t/d",{"g":[["dang","danger","BkMA"],["depart","depart","AwFA"],["descritto","descritto","DmIA"],["di","di","D1OA"],["dure","duree","AwFA"]]});
