PasserelleSearch.load("it/t/a",{"g":[["a0","a0","ExOA"],["alert","alert","EnPA"],["atlas","atlas","AgEADxKA"]]});
