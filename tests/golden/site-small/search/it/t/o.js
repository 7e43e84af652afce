PasserelleSearch.load("it/t/o",{"g":[["onerror","onerror","E0KA"],["ong","ong","AuCADjGABkEA"],["oriental","orientale","DiLA"],["oujd","oujda","D0MA"]]});
