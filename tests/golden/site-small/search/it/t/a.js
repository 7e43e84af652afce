PasserelleSearch.load("it/t/a",{"g":[["a0","a0","EzOA"],["alert","alert","EpPA"],["atlas","atlas","A6DADtKA"]]});
