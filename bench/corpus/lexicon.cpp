#include "lexicon.h"

#include <stdexcept>

#include "random.h"

namespace corpus {

namespace {

// Nouns are written "m:singular" or "f:singular", with "|plural" when the plural is not regular.
// Each pair means the same thing in French and Italian (genders may differ).
const char* const kAgents[][2] = {
    {"m:migrant", "m:migrante"},
    {"f:famille", "f:famiglia"},
    {"f:association", "f:associazione"},
    {"m:conseiller", "m:consulente"},
    {"m:partenaire", "m:partner|partner"},
    {"m:entrepreneur", "m:imprenditore"},
    {"f:banque", "f:banca"},
    {"f:coopérative", "f:cooperativa"},
    {"f:commune", "m:comune"},
    {"f:administration", "f:amministrazione"},
    {"m:jeune", "m:giovane"},
    {"f:femme", "f:donna"},
    {"m:formateur", "m:formatore"},
    {"m:employeur", "m:datore di lavoro|datori di lavoro"},
    {"m:client", "m:cliente"},
    {"m:fournisseur", "m:fornitore"},
    {"m:organisme", "m:ente"},
    {"f:agence", "f:agenzia"},
    {"m:ministère", "m:ministero"},
    {"f:fondation", "f:fondazione"},
    {"m:réseau|réseaux", "f:rete"},
    {"m:centre", "m:centro"},
    {"m:bureau|bureaux", "m:ufficio"},
    {"m:expert", "m:esperto"},
    {"m:chercheur", "m:ricercatore"},
    {"m:artisan", "m:artigiano"},
    {"m:agriculteur", "m:agricoltore"},
    {"m:commerçant", "m:commerciante"},
    {"m:investisseur", "m:investitore"},
    {"f:entreprise", "f:impresa"},
    {"m:consulat", "m:consolato"},
    {"f:chambre de commerce|chambres de commerce", "f:camera di commercio|camere di commercio"},
    {"m:syndicat", "m:sindacato"},
    {"m:étudiant", "m:studente"},
    {"m:diplômé", "m:laureato"},
    {"m:travailleur", "m:lavoratore"},
    {"m:bénévole", "m:volontario"},
    {"m:responsable", "m:responsabile"},
    {"m:porteur de projet|porteurs de projet", "m:promotore"},
    {"m:opérateur", "m:operatore"},
};

const char* const kThings[][2] = {
    {"m:projet", "m:progetto"},
    {"m:retour", "m:rientro"},
    {"f:formation", "f:formazione"},
    {"m:plan d'affaires|plans d'affaires", "m:piano d'impresa|piani d'impresa"},
    {"m:financement", "m:finanziamento"},
    {"f:activité", "f:attività"},
    {"m:marché", "m:mercato"},
    {"m:crédit", "m:credito"},
    {"f:étape", "f:fase"},
    {"m:document", "m:documento"},
    {"f:compétence", "f:competenza"},
    {"f:expérience", "f:esperienza"},
    {"m:besoin", "m:bisogno"},
    {"m:objectif", "m:obiettivo"},
    {"m:coût", "m:costo"},
    {"m:investissement", "m:investimento"},
    {"m:service", "m:servizio"},
    {"m:produit", "m:prodotto"},
    {"m:contrat", "m:contratto"},
    {"m:emploi", "m:impiego|impieghi"},
    {"m:résultat", "m:risultato"},
    {"f:démarche", "m:adempimento"},
    {"m:budget", "m:budget|budget"},
    {"m:salaire", "m:salario"},
    {"m:diplôme", "m:diploma|diplomi"},
    {"f:qualification", "f:qualifica"},
    {"m:prix|prix", "m:prezzo"},
    {"f:recette", "m:ricavo"},
    {"m:équipement", "f:attrezzatura"},
    {"m:local|locaux", "m:locale"},
    {"m:terrain", "m:terreno"},
    {"f:clientèle", "f:clientela"},
    {"f:concurrence", "f:concorrenza"},
    {"m:prêt", "m:prestito"},
    {"f:garantie", "f:garanzia"},
    {"m:taux|taux", "m:tasso"},
    {"m:intérêt", "m:interesse"},
    {"m:remboursement", "m:rimborso"},
    {"m:apport", "m:apporto"},
    {"f:épargne", "m:risparmio"},
    {"m:transfert", "m:trasferimento"},
    {"m:envoi de fonds|envois de fonds", "f:rimessa"},
    {"f:douane", "f:dogana"},
    {"f:autorisation", "f:autorizzazione"},
    {"m:permis|permis", "m:permesso"},
    {"m:titre de séjour|titres de séjour", "m:permesso di soggiorno|permessi di soggiorno"},
    {"f:pension", "f:pensione"},
    {"f:cotisation", "m:contributo"},
    {"m:droit", "m:diritto"},
    {"f:loi", "f:legge"},
    {"f:règle", "f:regola"},
    {"m:conseil", "m:consiglio"},
    {"f:orientation", "m:orientamento"},
    {"m:accompagnement", "m:accompagnamento"},
    {"m:suivi", "m:monitoraggio"},
    {"f:étude", "m:studio"},
    {"f:enquête", "f:indagine"},
    {"f:donnée", "m:dato"},
    {"m:territoire", "m:territorio"},
    {"f:région", "f:regione"},
    {"f:ville", "f:città"},
    {"m:village", "m:villaggio"},
    {"m:quartier", "m:quartiere"},
    {"m:pays|pays", "m:paese"},
    {"f:diaspora", "f:diaspora"},
    {"m:lien", "m:legame"},
    {"m:échange", "m:scambio"},
    {"m:partenariat", "m:partenariato"},
    {"f:coopération", "f:cooperazione"},
    {"m:développement", "m:sviluppo"},
    {"f:réintégration", "f:reintegrazione"},
    {"f:insertion", "m:inserimento"},
    {"m:stage", "m:tirocinio"},
    {"m:atelier", "m:laboratorio"},
    {"m:cours|cours", "m:corso"},
    {"m:module", "m:modulo"},
    {"m:programme", "m:programma|programmi"},
    {"m:outil", "m:strumento"},
    {"m:guide", "f:guida"},
    {"f:fiche", "f:scheda"},
    {"m:calendrier", "m:calendario"},
    {"m:délai", "m:termine"},
    {"m:risque", "m:rischio"},
    {"f:difficulté", "f:difficoltà"},
    {"f:solution", "f:soluzione"},
    {"f:question", "f:questione"},
    {"f:réponse", "f:risposta"},
    {"f:décision", "f:decisione"},
    {"m:choix|choix", "f:scelta"},
    {"f:idée", "f:idea"},
    {"m:secteur", "m:settore"},
    {"f:agriculture", "f:agricoltura"},
    {"m:tourisme", "m:turismo"},
    {"m:commerce", "m:commercio"},
    {"m:artisanat", "m:artigianato"},
    {"f:santé", "f:salute"},
    {"f:éducation", "f:istruzione"},
    {"m:logement", "m:alloggio"},
    {"m:revenu", "m:reddito"},
    {"f:dépense", "f:spesa"},
    {"f:comptabilité", "f:contabilità"},
    {"f:facture", "f:fattura"},
    {"m:impôt", "f:imposta"},
    {"f:taxe", "f:tassa"},
    {"m:registre", "m:registro"},
    {"m:statut", "m:statuto"},
    {"f:société", "f:società"},
    {"m:capital|capitaux", "m:capitale"},
    {"m:associé", "m:socio|soci"},
    {"f:assemblée", "f:assemblea"},
    {"f:réunion", "f:riunione"},
    {"m:rapport", "f:relazione"},
    {"m:bilan", "m:bilancio"},
    {"f:évaluation", "f:valutazione"},
    {"m:critère", "m:criterio"},
    {"f:procédure", "f:procedura"},
    {"f:demande", "f:domanda"},
    {"m:formulaire", "m:formulario"},
    {"m:rendez-vous|rendez-vous", "m:appuntamento"},
    {"m:entretien", "m:colloquio"},
    {"f:information", "f:informazione"},
    {"m:site", "m:sito"},
    {"f:plateforme", "f:piattaforma"},
    {"f:opportunité", "f:opportunità"},
    {"m:potentiel", "m:potenziale"},
    {"f:stratégie", "f:strategia"},
    {"f:priorité", "f:priorità"},
    {"f:ressource", "f:risorsa"},
    {"m:moyen", "m:mezzo"},
    {"m:matériel", "m:materiale"},
    {"f:machine", "f:macchina"},
    {"m:véhicule", "m:veicolo"},
    {"m:stock", "f:scorta"},
    {"f:vente", "f:vendita"},
    {"m:achat", "m:acquisto"},
    {"f:exportation", "f:esportazione"},
    {"f:importation", "f:importazione"},
    {"f:production", "f:produzione"},
    {"f:qualité", "f:qualità"},
    {"f:norme", "f:norma"},
    {"f:certification", "f:certificazione"},
    {"m:label", "m:marchio"},
    {"f:communication", "f:comunicazione"},
    {"f:publicité", "f:pubblicità"},
    {"m:contact", "m:contatto"},
    {"f:confiance", "f:fiducia"},
    {"m:parcours|parcours", "m:percorso"},
    {"m:avenir", "m:futuro"},
    {"f:vie", "f:vita"},
    {"m:travail|travaux", "m:lavoro"},
    {"m:métier", "m:mestiere"},
    {"f:profession", "f:professione"},
    {"f:coopérative agricole|coopératives agricoles", "f:cooperativa agricola|cooperative agricole"},
    {"m:microcrédit", "m:microcredito"},
    {"f:assurance", "f:assicurazione"},
    {"m:fonds|fonds", "m:fondo"},
    {"f:subvention", "f:sovvenzione"},
    {"m:dispositif", "m:dispositivo"},
    {"m:secteur informel|secteurs informels", "m:settore informale|settori informali"},
};

// Adjectives: the masculine singular, or "masculine|feminine" when the feminine is irregular.
const char* const kAdjectives[][2] = {
    {"professionnel", "professionale"},
    {"local", "locale"},
    {"économique", "economico"},
    {"social", "sociale"},
    {"administratif", "amministrativo"},
    {"financier", "finanziario"},
    {"important", "importante"},
    {"nécessaire", "necessario"},
    {"personnel", "personale"},
    {"régional", "regionale"},
    {"marocain", "marocchino"},
    {"italien", "italiano"},
    {"juridique", "giuridico"},
    {"petit", "piccolo"},
    {"durable", "sostenibile"},
    {"commercial", "commerciale"},
    {"utile", "utile"},
    {"pratique", "pratico"},
    {"national", "nazionale"},
    {"international", "internazionale"},
    {"culturel", "culturale"},
    {"agricole", "agricolo"},
    {"artisanal", "artigianale"},
    {"public|publique", "pubblico"},
    {"privé", "privato"},
    {"familial", "familiare"},
    {"qualifié", "qualificato"},
    {"concret|concrète", "concreto"},
    {"solide", "solido"},
    {"complet|complète", "completo"},
    {"précis", "preciso"},
    {"clair", "chiaro"},
    {"simple", "semplice"},
    {"rapide", "rapido"},
    {"réel", "reale"},
    {"européen", "europeo"},
    {"rural", "rurale"},
    {"urbain", "urbano"},
    {"technique", "tecnico"},
    {"numérique", "digitale"},
    {"mensuel", "mensile"},
    {"annuel", "annuale"},
    {"initial", "iniziale"},
    {"collectif", "collettivo"},
    {"individuel", "individuale"},
    {"efficace", "efficace"},
    {"disponible", "disponibile"},
    {"accessible", "accessibile"},
    {"fiable", "affidabile"},
    {"réaliste", "realistico"},
    {"prudent", "prudente"},
    {"responsable", "responsabile"},
    {"spécifique", "specifico"},
    {"général", "generale"},
    {"principal", "principale"},
    {"stable", "stabile"},
    {"régulier|régulière", "regolare"},
    {"solidaire", "solidale"},
    {"temporaire", "temporaneo"},
    {"saisonnier|saisonnière", "stagionale"},
    {"circulaire", "circolare"},
    {"productif", "produttivo"},
    {"innovant", "innovativo"},
    {"compétent", "competente"},
    {"officiel", "ufficiale"},
    {"fiscal", "fiscale"},
};

// Regular verbs only (-er in French, -are in Italian), so the rules below inflect them.
const char* const kVerbs[][2] = {
    {"accompagner", "accompagnare"},
    {"préparer", "preparare"},
    {"organiser", "organizzare"},
    {"financer", "finanziare"},
    {"présenter", "presentare"},
    {"étudier", "studiare"},
    {"créer", "creare"},
    {"développer", "sviluppare"},
    {"renforcer", "rafforzare"},
    {"valoriser", "valorizzare"},
    {"évaluer", "valutare"},
    {"informer", "informare"},
    {"orienter", "orientare"},
    {"former", "formare"},
    {"aider", "aiutare"},
    {"encourager", "incoraggiare"},
    {"analyser", "analizzare"},
    {"améliorer", "migliorare"},
    {"associer", "associare"},
    {"identifier", "identificare"},
    {"vérifier", "verificare"},
    {"planifier", "pianificare"},
    {"consulter", "consultare"},
    {"contacter", "contattare"},
    {"documenter", "documentare"},
    {"déclarer", "dichiarare"},
    {"enregistrer", "registrare"},
    {"chercher", "cercare"},
    {"trouver", "trovare"},
    {"utiliser", "utilizzare"},
    {"réaliser", "realizzare"},
    {"lancer", "lanciare"},
    {"exporter", "esportare"},
    {"importer", "importare"},
    {"calculer", "calcolare"},
    {"estimer", "stimare"},
    {"comparer", "confrontare"},
    {"négocier", "negoziare"},
    {"signer", "firmare"},
    {"respecter", "rispettare"},
    {"expliquer", "spiegare"},
    {"montrer", "mostrare"},
    {"indiquer", "indicare"},
    {"examiner", "esaminare"},
    {"recruter", "reclutare"},
    {"échanger", "scambiare"},
    {"rencontrer", "incontrare"},
    {"écouter", "ascoltare"},
    {"simplifier", "semplificare"},
    {"faciliter", "facilitare"},
    {"motiver", "motivare"},
    {"coordonner", "coordinare"},
    {"mobiliser", "mobilitare"},
    {"sensibiliser", "sensibilizzare"},
    {"installer", "installare"},
    {"équiper", "attrezzare"},
    {"adapter", "adattare"},
    {"visiter", "visitare"},
    {"préciser", "precisare"},
    {"limiter", "limitare"},
    {"fixer", "fissare"},
    {"assurer", "assicurare"},
    {"contrôler", "controllare"},
    {"préserver", "preservare"},
    {"rembourser", "rimborsare"},
    {"louer", "affittare"},
    {"commercialiser", "commercializzare"},
    {"cultiver", "coltivare"},
    {"transformer", "trasformare"},
    {"livrer", "consegnare"},
    {"publier", "pubblicare"},
    {"animer", "animare"},
    {"encadrer", "inquadrare"},
    {"déposer", "depositare"},
    {"demander", "domandare"},
    {"exploiter", "sfruttare"},
    {"gagner", "guadagnare"},
    {"épargner", "risparmiare"},
    {"tester", "testare"},
    {"conseiller", "consigliare"},
    {"certifier", "certificare"},
    {"fonder", "fondare"},
    {"administrer", "amministrare"},
    {"piloter", "pilotare"},
};

const char* const kAdverbs[][2] = {
    {"souvent", "spesso"},           {"aussi", "anche"},
    {"toujours", "sempre"},          {"déjà", "già"},
    {"rapidement", "rapidamente"},   {"régulièrement", "regolarmente"},
    {"directement", "direttamente"}, {"progressivement", "progressivamente"},
    {"concrètement", "concretamente"}, {"également", "ugualmente"},
    {"facilement", "facilmente"},    {"généralement", "generalmente"},
    {"activement", "attivamente"},   {"largement", "ampiamente"},
    {"parfois", "talvolta"},         {"rarement", "raramente"},
    {"surtout", "soprattutto"},      {"mieux", "meglio"},
};

const char* const kConnectors[][2] = {
    {"Ensuite,", "Poi,"},
    {"Par ailleurs,", "Inoltre,"},
    {"En pratique,", "In pratica,"},
    {"Enfin,", "Infine,"},
    {"Cependant,", "Tuttavia,"},
    {"Dans ce cas,", "In questo caso,"},
    {"Le plus souvent,", "Il più delle volte,"},
    {"Dans un premier temps,", "In un primo momento,"},
    {"Pour cette raison,", "Per questo motivo,"},
    {"En général,", "In generale,"},
    {"Au Maroc,", "In Marocco,"},
    {"En Italie,", "In Italia,"},
    {"Avant le départ,", "Prima della partenza,"},
    {"Après le retour,", "Dopo il rientro,"},
    {"Concrètement,", "Concretamente,"},
    {"De plus,", "Per di più,"},
    {"Souvent,", "Spesso,"},
    {"Dans la plupart des cas,", "Nella maggior parte dei casi,"},
};

// The last word of a preposition decides contractions: "de", "à" (French), "di", "a", "da",
// "in", "su" (Italian) merge with the article that follows.
const char* const kPrepositions[][2] = {
    {"pour", "per"},           {"avec", "con"},
    {"dans", "in"},            {"auprès de", "presso"},
    {"grâce à", "grazie a"},   {"sur", "su"},
    {"en faveur de", "a favore di"}, {"selon", "secondo"},
    {"sans", "senza"},         {"au sein de", "all'interno di"},
    {"à propos de", "a proposito di"}, {"pendant", "durante"},
    {"avant", "prima di"},     {"après", "dopo"},
    {"à travers", "attraverso"}, {"en lien avec", "in collegamento con"},
};

bool ends_with(const std::string& text, const std::string& suffix) {
  return text.size() >= suffix.size() &&
         text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string drop(const std::string& text, size_t count) { return text.substr(0, text.size() - count); }

/// Splits "m:word|plural" into gender, singular and the explicit plural (empty if none).
void split_entry(const std::string& entry, bool& feminine, std::string& singular, std::string& plural) {
  if (entry.size() < 3 || entry[1] != ':' || (entry[0] != 'm' && entry[0] != 'f'))
    throw std::logic_error("noun entry without gender: " + entry);
  feminine = entry[0] == 'f';
  std::string rest = entry.substr(2);
  size_t bar = rest.find('|');
  singular = rest.substr(0, bar);
  plural = bar == std::string::npos ? "" : rest.substr(bar + 1);
}

WordList word_list(const char* const (*pairs)[2], size_t count) {
  WordList list;
  for (size_t i = 0; i < count; ++i) list.items.push_back({pairs[i][0], pairs[i][1]});
  list.weights = zipf_weights(count);
  return list;
}

}  // namespace

Noun french_noun(const std::string& entry) {
  Noun noun;
  split_entry(entry, noun.feminine, noun.singular, noun.plural);
  if (!noun.plural.empty()) return noun;
  const std::string& s = noun.singular;
  if (ends_with(s, "s") || ends_with(s, "x") || ends_with(s, "z")) noun.plural = s;
  else if (ends_with(s, "eau") || ends_with(s, "eu")) noun.plural = s + "x";
  else if (ends_with(s, "al")) noun.plural = drop(s, 2) + "aux";
  else noun.plural = s + "s";
  return noun;
}

Noun italian_noun(const std::string& entry) {
  Noun noun;
  split_entry(entry, noun.feminine, noun.singular, noun.plural);
  if (!noun.plural.empty()) return noun;
  const std::string& s = noun.singular;
  // Words ending in a consonant or a stressed vowel do not change in the plural.
  if (ends_with(s, "à") || ends_with(s, "è") || ends_with(s, "ì") || ends_with(s, "ò") ||
      ends_with(s, "ù") || std::string("aeiou").find(s.back()) == std::string::npos) {
    noun.plural = s;
  } else if (ends_with(s, "ca") || ends_with(s, "ga")) {
    noun.plural = drop(s, 1) + "he";
  } else if (ends_with(s, "co") || ends_with(s, "go")) {
    noun.plural = drop(s, 1) + "hi";
  } else if (ends_with(s, "io")) {
    noun.plural = drop(s, 1);
  } else if (noun.feminine && ends_with(s, "a")) {
    noun.plural = drop(s, 1) + "e";
  } else {
    noun.plural = drop(s, 1) + "i";
  }
  return noun;
}

Adjective french_adjective(const std::string& entry) {
  size_t bar = entry.find('|');
  std::string m = entry.substr(0, bar);
  std::string f;
  if (bar != std::string::npos) f = entry.substr(bar + 1);
  else if (ends_with(m, "e")) f = m;
  else if (ends_with(m, "el")) f = m + "le";
  else if (ends_with(m, "en")) f = m + "ne";
  else if (ends_with(m, "if")) f = drop(m, 1) + "ve";
  else if (ends_with(m, "er")) f = drop(m, 2) + "ère";
  else if (ends_with(m, "eux")) f = drop(m, 1) + "se";
  else f = m + "e";
  std::string mp = ends_with(m, "s") || ends_with(m, "x") ? m
                   : ends_with(m, "al")                   ? drop(m, 2) + "aux"
                                                          : m + "s";
  return Adjective{{m, f, mp, f + "s"}};
}

Adjective italian_adjective(const std::string& entry) {
  const std::string& m = entry;
  std::string stem = drop(m, 1);
  if (ends_with(m, "e")) return Adjective{{m, m, stem + "i", stem + "i"}};
  if (ends_with(m, "co")) return Adjective{{m, stem + "a", stem + "i", stem + "he"}};
  if (ends_with(m, "io")) return Adjective{{m, stem + "a", stem, stem + "e"}};
  return Adjective{{m, stem + "a", stem + "i", stem + "e"}};
}

Verb french_verb(const std::string& infinitive) {
  if (!ends_with(infinitive, "er")) throw std::logic_error("not an -er verb: " + infinitive);
  std::string stem = drop(infinitive, 2);
  Verb verb;
  verb.infinitive = infinitive;
  verb.third_singular = stem + "e";
  verb.third_plural = stem + "ent";
  if (ends_with(stem, "g")) verb.first_plural = stem + "eons";
  else if (ends_with(stem, "c")) verb.first_plural = drop(stem, 1) + "çons";
  else verb.first_plural = stem + "ons";
  verb.participle = Adjective{{stem + "é", stem + "ée", stem + "és", stem + "ées"}};
  return verb;
}

Verb italian_verb(const std::string& infinitive) {
  if (!ends_with(infinitive, "are")) throw std::logic_error("not an -are verb: " + infinitive);
  std::string stem = drop(infinitive, 3);
  Verb verb;
  verb.infinitive = infinitive;
  verb.third_singular = stem + "a";
  verb.third_plural = stem + "ano";
  if (ends_with(stem, "c") || ends_with(stem, "g")) verb.first_plural = stem + "hiamo";
  else if (ends_with(stem, "i")) verb.first_plural = stem + "amo";
  else verb.first_plural = stem + "iamo";
  verb.participle = Adjective{{stem + "ato", stem + "ata", stem + "ati", stem + "ate"}};
  return verb;
}

Lexicon build_lexicon() {
  Lexicon lexicon;
  for (const auto& pair : kAgents) lexicon.agents.push_back({french_noun(pair[0]), italian_noun(pair[1])});
  for (const auto& pair : kThings) lexicon.things.push_back({french_noun(pair[0]), italian_noun(pair[1])});
  for (const auto& pair : kAdjectives)
    lexicon.adjectives.push_back({french_adjective(pair[0]), italian_adjective(pair[1])});
  for (const auto& pair : kVerbs) lexicon.verbs.push_back({french_verb(pair[0]), italian_verb(pair[1])});
  lexicon.agent_weights = zipf_weights(lexicon.agents.size());
  lexicon.thing_weights = zipf_weights(lexicon.things.size());
  lexicon.adjective_weights = zipf_weights(lexicon.adjectives.size());
  lexicon.verb_weights = zipf_weights(lexicon.verbs.size());
  lexicon.adverbs = word_list(kAdverbs, std::size(kAdverbs));
  lexicon.connectors = word_list(kConnectors, std::size(kConnectors));
  lexicon.prepositions = word_list(kPrepositions, std::size(kPrepositions));
  return lexicon;
}

}  // namespace corpus
