PasserelleSearch.load("it/t/o",{"g":[["ogni","ogni","AiGA"],["onerror","onerror","E+KA"],["ong","ong","AsCADhGABoEA"],["oriental","orientale","D+KA"],["oujd","oujda","DwMA"]]});
