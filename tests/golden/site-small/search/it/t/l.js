PasserelleSearch.load("it/t/l",{"g":[["laz","lazio","CsLA"],["link","link","AiGA"]]});
