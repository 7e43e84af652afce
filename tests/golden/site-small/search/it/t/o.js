PasserelleSearch.load("it/t/o",{"g":[["onerror","onerror","EsKA"],["ong","ong","AkDADhGABiEA"],["oriental","orientale","DsKA"],["oujd","oujda","DiMA"]]});
