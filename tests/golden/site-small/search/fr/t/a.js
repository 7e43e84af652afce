PasserelleSearch.load("fr/t/a",{"g":[["a0","a0","FtOA"],["alert","alert","FpPA"],["atlas","atlas","A2DAE9KA"],["avant","avant","A2DABoGA"]]});
