PasserelleSearch.load("fr/t/d",{"g":[["dang","danger","BkMA"],["depart","depart","A2FA"],["descritto","descritto","DkIA"],["di","di","D1OA"],["dure","duree","A2FA"]]});
