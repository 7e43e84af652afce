PasserelleSearch.load("fr/t/o",{"g":[["onerror","onerror","F2KA"],["ong","ong","AwCAE9GAB6EA"],["organ","organisme","DkLA"],["oriental","oriental","E2KA"],["oujd","oujda","EoMA"]]});
