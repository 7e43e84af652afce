PasserelleSearch.load("it/t/l",{"g":[["laz","lazio","CyLA"],["link","link","AqGA"]]});
