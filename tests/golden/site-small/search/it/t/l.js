PasserelleSearch.load("it/t/l",{"g":[["laz","lazio","CkLA"],["link","link","A+GA"]]});
