PasserelleSearch.load("fr/t/s",{"g":[["san","sans","BgMA"],["script","script","F/PA"],["sit","site","C4KA"],["solo","solo","DgIA"],["sportello","sportello","D+KA"],["src","src","FwKA"]]});
