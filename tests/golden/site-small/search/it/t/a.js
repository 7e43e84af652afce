PasserelleSearch.load("it/t/a",{"g":[["a0","a0","EtOA"],["alert","alert","ElPA"],["atlas","atlas","AkFADvKA"]]});
