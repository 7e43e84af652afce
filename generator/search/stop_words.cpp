// Stop words and elided articles per language. The stop words are the Snowball project's
// lists for French and Italian (function words: articles, prepositions, pronouns, forms of
// être/avoir, essere/avere/fare/stare), written with their accents; the analyzer folds them.
#include "search/stop_words.h"

#include "search/data.h"

namespace passerelle::search {

namespace {

const char* kFrenchStopWords =
    "au aux avec ce ces dans de des du elle en et eux il ils je la le les leur lui ma mais me "
    "même mes moi mon ne nos notre nous on ou par pas pour qu que qui sa se ses son sur ta te "
    "tes toi ton tu un une vos votre vous c d j l à m n s t y été étée étées étés étant étante "
    "étants étantes suis es est sommes êtes sont serai seras sera serons serez seront serais "
    "serait serions seriez seraient étais était étions étiez étaient fus fut fûmes fûtes "
    "furent sois soit soyons soyez soient fusse fusses fût fussions fussiez fussent ayant "
    "ayante ayantes ayants eu eue eues eus ai as avons avez ont aurai auras aura aurons aurez "
    "auront aurais aurait aurions auriez auraient avais avait avions aviez avaient eut eûmes "
    "eûtes eurent aie aies ait ayons ayez aient eusse eusses eût eussions eussiez eussent";

const char* kItalianStopWords =
    "ad al allo ai agli all agl alla alle con col coi da dal dallo dai dagli dall dagl dalla "
    "dalle di del dello dei degli dell degl della delle in nel nello nei negli nell negl nella "
    "nelle su sul sullo sui sugli sull sugl sulla sulle per tra contro io tu lui lei noi voi "
    "loro mio mia miei mie tuo tua tuoi tue suo sua suoi sue nostro nostra nostri nostre "
    "vostro vostra vostri vostre mi ti ci vi lo la li le gli ne il un uno una ma ed se perché "
    "anche come dov dove che chi cui non più quale quanto quanti quanta quante quello quelli "
    "quella quelle questo questi questa queste si tutto tutti a c e i l o ho hai ha abbiamo "
    "avete hanno abbia abbiate abbiano avrò avrai avrà avremo avrete avranno avrei avresti "
    "avrebbe avremmo avreste avrebbero avevo avevi aveva avevamo avevate avevano ebbi avesti "
    "ebbe avemmo aveste ebbero avessi avesse avessimo avessero avendo avuto avuta avuti avute "
    "sono sei è siamo siete sia siate siano sarò sarai sarà saremo sarete saranno sarei "
    "saresti sarebbe saremmo sareste sarebbero ero eri era eravamo eravate erano fui fosti fu "
    "fummo foste furono fossi fosse fossimo fossero essendo faccio fai facciamo fanno faccia "
    "facciate facciano farò farai farà faremo farete faranno farei faresti farebbe faremmo "
    "fareste farebbero facevo facevi faceva facevamo facevate facevano feci facesti fece "
    "facemmo faceste fecero facessi facesse facessimo facessero facendo sto stai sta stiamo "
    "stanno stia stiate stiano starò starai starà staremo starete staranno starei staresti "
    "starebbe staremmo stareste starebbero stavo stavi stava stavamo stavate stavano stetti "
    "stesti stette stemmo steste stettero stessi stesse stessimo stessero stando";

// Articles and pronouns written with an apostrophe before a word: "l'entreprise",
// "qu'il", "dell'impresa", "un'azienda".
const char* kFrenchElisions = "c d j l m n qu s t jusqu lorsqu puisqu quoiqu";
const char* kItalianElisions =
    "c l d m s t v un all dall dell nell sull coll pell gl agl dagl degl negl sugl quell quest";

std::vector<std::string> split(const char* list) {
  std::vector<std::string> words;
  std::string word;
  for (const char* c = list;; ++c) {
    if (*c == ' ' || *c == '\0') {
      if (!word.empty()) words.push_back(word);
      word.clear();
      if (*c == '\0') break;
    } else {
      word += *c;
    }
  }
  return words;
}

}  // namespace

std::vector<std::string> stop_words_for(const std::string& language) {
  std::string base = base_language(language);
  if (base == "fr") return split(kFrenchStopWords);
  if (base == "it") return split(kItalianStopWords);
  return {};
}

std::vector<std::string> elisions_for(const std::string& language) {
  std::string base = base_language(language);
  if (base == "fr") return split(kFrenchElisions);
  if (base == "it") return split(kItalianElisions);
  return {};
}

}  // namespace passerelle::search
