PasserelleSearch.load("fr/d/2",{"k":"page","t":"À propos","u":"fr/a-propos/","m":"","n":1,"x":"Qui fait ce guide. Un site de test, écrit pour les tests."});
