PasserelleSearch.load("it/t/o",{"g":[["ogni","ogni","AoGA"],["onerror","onerror","EyKA"],["ong","ong","AuCADlGABkEA"],["oriental","orientale","DkLA"],["oujd","oujda","D4MA"]]});
