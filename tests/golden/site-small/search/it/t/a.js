PasserelleSearch.load("it/t/a",{"g":[["a0","a0","EvOA"],["alert","alert","EnPA"],["atlas","atlas","A+DADxKA"]]});
