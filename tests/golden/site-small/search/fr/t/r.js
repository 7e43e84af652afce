PasserelleSearch.load("fr/t/r",{"g":[["realist","realiste","BmJA"],["reflech","reflechir","AkGA"],["repet","repete","AkGA"],["retour","retour","A5OA"],["rom","roma","D+KA"]]});
