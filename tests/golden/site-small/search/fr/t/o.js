PasserelleSearch.load("fr/t/o",{"g":[["onerror","onerror","FwKA"],["ong","ong","A4CAE7GAB4EA"],["organ","organisme","D+KA"],["oriental","oriental","EwKA"],["oujd","oujda","EkMA"]]});
