PasserelleSearch.load("it/t/l",{"g":[["laz","lazio","C0LA"],["link","link","AoGA"]]});
