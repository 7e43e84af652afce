PasserelleSearch.load("it/t/l",{"g":[["laz","lazio","C+KA"],["link","link","AiIA"]]});
