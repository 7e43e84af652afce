PasserelleSearch.load("fr/t/o",{"g":[["onerror","onerror","F0KA"],["ong","ong","AyCAE9GAB6EA"],["organ","organisme","DiLA"],["oriental","oriental","E0KA"],["oujd","oujda","EoMA"]]});
