PasserelleSearch.load("it/t/_627_",{"g":[["اطلس","اطلس","D5OA"]]});
