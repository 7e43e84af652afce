PasserelleSearch.load("it/t/l",{"g":[["laz","lazio","CiLA"],["link","link","AqHA"]]});
