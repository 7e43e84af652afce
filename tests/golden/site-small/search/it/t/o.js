PasserelleSearch.load("it/t/o",{"g":[["onerror","onerror","E0KA"],["ong","ong","A2CADhGABkEA"],["oriental","orientale","D0KA"],["oujd","oujda","DoMA"]]});
