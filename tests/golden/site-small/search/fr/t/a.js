PasserelleSearch.load("fr/t/a",{"g":[["a0","a0","FrOA"],["alert","alert","FnPA"],["atlas","atlas","AkEAE9KA"],["avant","avant","BmJA"]]});
