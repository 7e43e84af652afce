PasserelleSearch.load("it/d/1",{"k":"page","t":"Chi siamo","u":"it/chi-siamo/","m":"","n":1,"x":"Chi cura questa guida. Un sito di prova, scritto per i test."});
