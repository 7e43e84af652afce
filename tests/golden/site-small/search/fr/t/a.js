PasserelleSearch.load("fr/t/a",{"g":[["a0","a0","FxOA"],["alert","alert","FrPA"],["atlas","atlas","AkDBE7KA"]]});
