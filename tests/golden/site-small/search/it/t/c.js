PasserelleSearch.load("it/t/c",{"g":[["calc","calc","EtOA"],["cie","cie","EtOA"],["cmd","cmd","EtOA"],["comun","comune","C5OA"],["consulent","consulenza","DsKA"],["cur","cura","BwNA"]]});
