PasserelleSearch.load("it/t/o",{"g":[["onerror","onerror","EyKA"],["ong","ong","A8CADhGABkEA"],["oriental","orientale","DyKA"],["oujd","oujda","DmMA"]]});
