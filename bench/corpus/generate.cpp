#include "generate.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>
#include <set>

#include "config/config.h"
#include "content/directory.h"
#include "content/pages.h"
#include "files.h"
#include "base/filesystem.h"
#include "places.h"
#include "prose.h"
#include "base/text.h"

namespace fs = std::filesystem;

namespace corpus {

namespace {

constexpr const char* kMarker = ".passerelle-corpus";
constexpr int kVersion = 4;  // bump when the output changes for a given seed

struct Heads {
  Bi title;
  Bi first_heading;
  std::string slug[2];  // per language, unique
};

struct ActorSummary {
  std::string id;
  std::string name;
};

std::string file_name(int index) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "guideline-%04d.md", index + 1);
  return buffer;
}

/// A slug of at most `max_words` words, unique among `taken` (a numeric suffix otherwise).
std::string unique_slug(const std::string& text, size_t max_words, std::set<std::string>& taken) {
  std::string slug = passerelle::slugify(text);
  size_t words = 0, cut = slug.size();
  for (size_t i = 0; i < slug.size(); ++i) {
    if (slug[i] == '-' && ++words == max_words) {
      cut = i;
      break;
    }
  }
  slug = slug.substr(0, std::min<size_t>(cut, 60));
  // Do not end on a dangling article or preposition ("…-pour-le").
  static const std::set<std::string> kDangling = {"de", "d", "des", "du", "la", "le", "les", "l", "pour",
                                                  "et", "di", "del", "della", "dei", "per", "il", "lo",
                                                  "gli", "e", "a", "al", "au", "aux", "un", "une"};
  while (true) {
    while (!slug.empty() && slug.back() == '-') slug.pop_back();
    size_t dash = slug.rfind('-');
    if (dash == std::string::npos || !kDangling.count(slug.substr(dash + 1))) break;
    slug.resize(dash);
  }
  std::string candidate = slug;
  for (int n = 2; !taken.insert(candidate).second; ++n) candidate = slug + "-" + std::to_string(n);
  return candidate;
}

std::string fixed(double value, int decimals) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
  return buffer;
}

// ── Actors ──────────────────────────────────────────────────────────────────

struct KindNames {
  const char* kind;
  std::vector<Pair<std::string>> prefixes;
  const char* arabic;
};

const std::vector<KindNames> kKindNames = {
    {"ngo", {{"Association", "Associazione"}, {"Collectif", "Comitato"}}, "جمعية"},
    {"foundation", {{"Fondation", "Fondazione"}}, "مؤسسة"},
    {"public-body",
     {{"Agence régionale", "Agenzia regionale"}, {"Office provincial", "Ufficio provinciale"},
      {"Délégation", "Delegazione"}},
     "الوكالة الجهوية"},
    {"research-centre",
     {{"Centre d'études", "Centro studi"}, {"Observatoire", "Osservatorio"},
      {"Institut de recherche", "Istituto di ricerca"}},
     "مركز الدراسات"},
    {"cooperative", {{"Coopérative", "Cooperativa"}, {"Coopérative sociale", "Cooperativa sociale"}},
     "تعاونية"},
    {"international-organisation", {{"Bureau", "Ufficio"}, {"Mission", "Missione"}}, "مكتب"},
    {"association", {{"Association", "Associazione"}, {"Amicale", "Circolo"}, {"Union", "Unione"}},
     "جمعية"},
};

const char* const kArabicThemes[] = {
    "التنمية المحلية",      "الهجرة والتنمية",   "العودة وإعادة الإدماج", "التكوين المهني",
    "دعم المقاولات",        "المرأة القروية",    "الشباب",                "التضامن",
    "الجالية المغربية",     "التعاون الدولي",    "الاقتصاد الاجتماعي",    "التشغيل",
};

const char* const kFrenchStopWords[] = {"pour", "le", "la", "les", "des", "de", "du", "d", "l", "et",
                                       "per", "lo", "il", "i", "gli", "dei", "degli", "delle",
                                       "della", "del", "dello", "di", "e", "al", "alla", "un",
                                       "une", "au", "aux", "dell", "all", "nel", "nella"};

std::string acronym(const std::string& name) {
  std::string letters;
  std::string folded = passerelle::fold_text(name);
  size_t i = 0;
  while (i < folded.size() && letters.size() < 6) {
    size_t end = folded.find_first_of(" '-", i);
    if (end == std::string::npos) end = folded.size();
    std::string word = folded.substr(i, end - i);
    bool stop = false;
    for (const char* s : kFrenchStopWords) stop = stop || word == s;
    if (!word.empty() && !stop && word[0] >= 'a' && word[0] <= 'z') letters += char(word[0] - 'a' + 'A');
    i = end + 1;
  }
  return letters;
}

template <typename Map>
std::vector<std::string> keys_of(const Map& map) {
  std::vector<std::string> keys;
  for (const auto& [key, value] : map) keys.push_back(key);
  return keys;
}

struct ActorContext {
  const Lexicon& lexicon;
  const passerelle::Vocabulary& vocabulary;
  uint64_t seed;
};

/// One record, drawn from its own random stream; returns its TOML text and fills `summary`.
std::string actor_record(const ActorContext& context, int index, std::set<std::string>& ids,
                         ActorSummary& summary) {
  Rng rng(context.seed, "actor", index);
  Prose prose(context.lexicon, rng);
  const auto& vocabulary = context.vocabulary;

  auto countries = keys_of(vocabulary.countries);
  std::string country;
  if (vocabulary.countries.count("MA") && vocabulary.countries.count("IT")) {
    country = rng.chance(55) ? "MA" : "IT";
  } else {
    country = rng.pick(countries);
  }
  bool italian = country == "IT";
  Language own = italian ? Language::kItalian : Language::kFrench;
  Language other = italian ? Language::kFrench : Language::kItalian;

  std::vector<std::string> regions;
  for (const auto& [key, term] : vocabulary.regions) {
    if (term.country == country) regions.push_back(key);
  }
  std::string region = regions.empty() ? "" : rng.pick(regions);
  const RegionPlaces* places = places_of(region);
  const City* city = places ? &places->cities[rng.below(places->cities.size())] : nullptr;
  std::string city_name = city ? city->name : "";

  auto kinds = keys_of(vocabulary.kinds);
  std::string kind = rng.pick(kinds);
  auto sector_keys = keys_of(vocabulary.sectors);
  auto sector_weights = zipf_weights(sector_keys.size());
  std::set<std::string> sector_set;
  int sector_count = std::min<int>(rng.range(1, 3), static_cast<int>(sector_keys.size()));
  while (static_cast<int>(sector_set.size()) < sector_count) {
    sector_set.insert(sector_keys[rng.weighted(sector_weights)]);
  }

  std::vector<std::string> spoken;
  auto speak = [&](const char* code, int percent) {
    if (vocabulary.languages.count(code) && rng.chance(percent)) spoken.push_back(code);
  };
  if (italian) {
    speak("it", 100), speak("ar", 50), speak("fr", 40), speak("en", 30);
  } else {
    speak("ar", 100), speak("fr", 80), speak("zgh", 25), speak("it", 20), speak("en", 20);
  }
  if (spoken.empty() && !vocabulary.languages.empty()) spoken.push_back(vocabulary.languages.begin()->first);

  // The name, in the country's language; the other language and Arabic go to other_names.
  const KindNames* kind_names = nullptr;
  for (const auto& k : kKindNames) {
    if (kind == k.kind) kind_names = &k;
  }
  Pair<std::string> prefix = kind_names ? kind_names->prefixes[rng.below(kind_names->prefixes.size())]
                                        : Pair<std::string>{"Organisation", "Organizzazione"};
  Bi name{prefix.fr, prefix.it};
  if (rng.chance(50)) {
    name += both(" ") + prose.beneficiaries_after_de();
  } else {
    name += Bi{" pour ", " per "} + prose.noun_phrase();
  }
  if (!city_name.empty() && rng.chance(50)) name += both(" ") + of_city(city_name);
  summary.name = name.in(own);
  std::string short_name = acronym(summary.name);
  summary.id = unique_slug(summary.name, 6, ids);

  std::string arabic = std::string(kind_names ? kind_names->arabic : "منظمة") + " " +
                       kArabicThemes[rng.below(std::size(kArabicThemes))];
  if (city && city->arabic[0] != '\0') arabic += std::string(" في ") + city->arabic;

  // Contact details: example.org addresses only.
  std::string website = "https://" + summary.id + ".example.org/";
  std::string email = (rng.chance(50) ? "contact@" : "info@") + summary.id + ".example.org";
  // Draws one per statement: the order of evaluation of function arguments is unspecified.
  int part[3];
  for (int& p : part) p = rng.range(10, 99);
  int line = rng.range(1000, 9999);
  char digits[64];
  if (italian) {
    std::snprintf(digits, sizeof digits, "+39 %s %04d %02d%02d", places ? places->phone_prefix : "06",
                  line, part[0], part[1]);
  } else {
    std::snprintf(digits, sizeof digits, "+212 %s %02d %02d %02d",
                  places ? places->phone_prefix : "5 37", part[0], part[1], part[2]);
  }
  std::string phone = digits;
  std::string street = italian ? rng.pick(italian_streets()) : rng.pick(moroccan_streets());
  int number = rng.range(1, 180);
  std::string address;
  if (italian) {
    address = street + " " + std::to_string(number) + ", " + (city ? city->postcode : "00100") + " " + city_name;
  } else {
    address = std::to_string(number) + ", " + street + ", " + (city ? city->postcode : "10000") + " " + city_name;
  }
  double latitude = (city ? city->latitude : (italian ? 42.5 : 31.8)) + (rng.range(-1500, 1500) / 100000.0);
  double longitude = (city ? city->longitude : (italian ? 12.5 : -7.1)) + (rng.range(-1500, 1500) / 100000.0);
  std::string reviewed = date_from_days(days_from_date(2024, 1, 1) + rng.range(0, 1000));

  Bi services_items[4];
  int services = rng.range(1, 4);
  for (int i = 0; i < services; ++i) services_items[i] = prose.service();

  Bi where = city ? Bi{"à " + city_name, "a " + city_name} : Bi{"au niveau national", "a livello nazionale"};
  Bi opening = Bi{summary.name + " intervient ", summary.name + " opera "} + where +
               Bi{" auprès ", " a favore "} + prose.beneficiaries_after_de() + both(".");
  Bi first = opening + both(" ") + prose.sentences(rng.range(1, 2));
  Bi second = prose.sentences(rng.range(2, 3));

  std::string out;
  out += "name = " + toml_string(summary.name) + "\n";
  out += "short_name = " + toml_string(short_name) + "\n";
  out += "country = " + toml_string(country) + "\n";
  if (!region.empty()) out += "region = " + toml_string(region) + "\n";
  if (!city_name.empty()) out += "city = " + toml_string(city_name) + "\n";
  out += "kind = " + toml_string(kind) + "\n";
  auto list = [](const std::vector<std::string>& items) {
    std::string text = "[";
    for (size_t i = 0; i < items.size(); ++i) text += (i ? ", " : "") + toml_string(items[i]);
    return text + "]";
  };
  out += "sectors = " + list({sector_set.begin(), sector_set.end()}) + "\n";
  out += "languages = " + list(spoken) + "\n";
  out += "website = " + toml_string(website) + "\n";
  out += "email = " + toml_string(email) + "\n";
  out += "phone = " + toml_string(phone) + "\n";
  out += "address = " + toml_string(address) + "\n";
  out += "coordinates = { lat = " + fixed(latitude, 5) + ", lon = " + fixed(longitude, 5) + " }\n";
  out += "last_reviewed = " + reviewed + "\n";
  out += "other_names = [\n";
  out += "  { name = " + toml_string(name.in(other)) + ", lang = \"" + (italian ? "fr" : "it") + "\" },\n";
  out += "  { name = " + toml_string(arabic) + ", lang = \"ar\" },\n";
  out += "]\n\n[services]\n";
  for (Language language : {Language::kFrench, Language::kItalian}) {
    std::vector<std::string> items;
    for (int i = 0; i < services; ++i) items.push_back(services_items[i].in(language));
    out += std::string(language == Language::kFrench ? "fr" : "it") + " = " + list(items) + "\n";
  }
  out += "\n[description]\n";
  out += "fr = \"\"\"\n" + first.fr + "\n\n" + second.fr + "\n\"\"\"\n";
  out += "it = \"\"\"\n" + first.it + "\n\n" + second.it + "\n\"\"\"\n";
  return out;
}

// ── Guidelines ──────────────────────────────────────────────────────────────

Heads guideline_heads(const Lexicon& lexicon, uint64_t seed, int index) {
  Rng rng(seed, "guideline-head", index);
  Prose prose(lexicon, rng);
  Heads heads;
  heads.title = prose.title();
  heads.first_heading = prose.title();
  return heads;
}

const Pair<std::string> kTableHeaders[] = {
    {"Étape", "Fase"},        {"Question", "Domanda"}, {"Responsable", "Responsabile"},
    {"Document", "Documento"}, {"Délai", "Tempi"},     {"Coût", "Costo"},
    {"Organisme", "Ente"},    {"Remarque", "Nota"},    {"Priorité", "Priorità"},
};

Bi table_value(Rng& rng) {
  int amount = rng.range(2, 90);
  switch (rng.below(5)) {
    case 0: return {std::to_string(amount % 12 + 1) + " mois", std::to_string(amount % 12 + 1) + " mesi"};
    case 1: return {std::to_string(amount % 8 + 1) + " semaines", std::to_string(amount % 8 + 1) + " settimane"};
    case 2: return {std::to_string(amount) + " 000 dirhams", std::to_string(amount) + ".000 dirham"};
    case 3: return {std::to_string(amount * 50) + " euros", std::to_string(amount * 50) + " euro"};
    default: return rng.chance(50) ? Bi{"Oui", "Sì"} : Bi{"Non", "No"};
  }
}

struct GuidelineContext {
  const Lexicon& lexicon;
  uint64_t seed;
  const std::vector<Heads>& heads;
  const std::vector<ActorSummary>& actors;
};

/// The Markdown bodies (French and Italian) of guideline `index`, with its links.
Bi guideline_body(const GuidelineContext& context, int index) {
  Rng rng(context.seed, "guideline-body", index);
  Prose prose(context.lexicon, rng);
  int count = static_cast<int>(context.heads.size());
  int target_words = rng.range(600, 1300);  // the last paragraph of a section overshoots
  int sections = rng.range(4, 7);

  // Links: 2 to 4 other guidelines (one perhaps to a heading), one actor; each lands in a
  // section drawn now so that both languages get the same structure.
  std::vector<int> targets;
  int wanted = std::min(rng.range(2, 4), count - 1);
  while (static_cast<int>(targets.size()) < wanted) {
    int target = static_cast<int>(rng.below(count));
    if (target != index && std::find(targets.begin(), targets.end(), target) == targets.end()) {
      targets.push_back(target);
    }
  }
  bool with_fragment = rng.chance(50);
  std::multimap<int, Bi> link_sentences;  // section → sentence
  for (size_t k = 0; k < targets.size(); ++k) {
    int target = targets[k];
    const Heads& heads = context.heads[target];
    std::string path = "@/guidelines/" + file_name(target);
    Bi sentence;
    if (k == 0 && with_fragment) {
      std::string fr_id = passerelle::slugify(heads.first_heading.fr);
      std::string it_id = passerelle::slugify(heads.first_heading.it);
      sentence = Bi{"Voir la partie [" + heads.first_heading.fr + "](" + path + "#" + fr_id +
                        ") de la fiche « " + heads.title.fr + " ».",
                    "Vedi la sezione [" + heads.first_heading.it + "](" + path + "#" + it_id +
                        ") della scheda «" + heads.title.it + "»."};
    } else {
      switch (rng.below(3)) {
        case 0:
          sentence = Bi{"La fiche [" + heads.title.fr + "](" + path + ") ",
                        "La scheda [" + heads.title.it + "](" + path + ") "} +
                     prose.predicate_singular() + both(".");
          break;
        case 1:
          sentence = Bi{"Voir aussi la fiche [" + heads.title.fr + "](" + path + ").",
                        "Vedi anche la scheda [" + heads.title.it + "](" + path + ")."};
          break;
        default:
          sentence = Bi{"Pour en savoir plus, consultez [" + heads.title.fr + "](" + path + ").",
                        "Per saperne di più, consultate [" + heads.title.it + "](" + path + ")."};
      }
    }
    link_sentences.emplace(static_cast<int>(rng.below(sections)), sentence);
  }
  if (!context.actors.empty()) {
    const ActorSummary& actor = context.actors[rng.below(context.actors.size())];
    std::string link = "[" + actor.name + "](@/actors/" + actor.id + ")";
    Bi sentence = rng.chance(50) ? Bi{link + " ", link + " "} + prose.predicate_singular() + both(".")
                                 : Bi{"Il est possible de s'adresser à " + link + ".",
                                      "È possibile rivolgersi a " + link + "."};
    link_sentences.emplace(static_cast<int>(rng.below(sections)), sentence);
  }
  if (rng.chance(30)) {
    std::string n = std::to_string(index + 1);
    link_sentences.emplace(static_cast<int>(rng.below(sections)),
                           Bi{"Des ressources complémentaires sont publiées sur [le site du programme]"
                              "(https://www.example.org/ressources/" + n + ").",
                              "Altre risorse sono pubblicate sul [sito del programma]"
                              "(https://www.example.org/risorse/" + n + ")."});
  }
  int bullet_section = static_cast<int>(rng.below(sections));
  int numbered_section = static_cast<int>(rng.below(sections));
  int table_section = static_cast<int>(rng.below(sections));

  Bi body = prose.sentences(rng.range(3, 5)) + both("\n\n");
  int section_words = (target_words - count_words(body.fr)) / sections;
  for (int section = 0; section < sections; ++section) {
    Bi heading = section == 0 ? context.heads[index].first_heading : prose.title();
    body += both("## ") + heading + both("\n\n");
    int section_start = count_words(body.fr);
    int words = 0;
    bool first_paragraph = true;
    auto paragraph = [&]() {
      Bi text = prose.sentences(rng.range(2, 5));
      if (first_paragraph) {
        auto [from, to] = link_sentences.equal_range(section);
        for (auto it = from; it != to; ++it) text += both(" ") + it->second;
        first_paragraph = false;
      }
      words += count_words(text.fr);
      body += text + both("\n\n");
    };
    paragraph();
    if (section == bullet_section) {
      int items = rng.range(3, 6);
      bool leads = rng.chance(60);
      Bi intro = leads ? prose.noun_phrase() : prose.sentence();
      body += leads ? Bi{capitalize(intro.fr) + " :", capitalize(intro.it) + ":"} : intro;
      body += both("\n\n");
      for (int i = 0; i < items; ++i) {
        bool last = i == items - 1;
        if (leads) {
          Bi lead = prose.noun_phrase();
          Bi a = prose.noun_phrase(), b = prose.noun_phrase();
          body += both("- **") + lead + Bi{"** : ", "**: "} + a + Bi{" et ", " e "} + b +
                  Bi{last ? "." : " ;", last ? "." : ";"} + both("\n");
        } else {
          body += both("- ") + prose.sentence() + both("\n");
        }
      }
      body += both("\n");
    }
    if (section == numbered_section) {
      int steps = rng.range(3, 6);
      body += prose.sentence() + both("\n\n");
      for (int i = 0; i < steps; ++i) {
        Bi step = prose.step();
        body += both(std::to_string(i + 1) + ". ") + Bi{capitalize(step.fr), capitalize(step.it)} + both(".\n");
      }
      body += both("\n");
    }
    if (section == table_section) {
      size_t first = rng.below(std::size(kTableHeaders));
      size_t second = (first + 1 + rng.below(std::size(kTableHeaders) - 1)) % std::size(kTableHeaders);
      body += prose.sentence() + both("\n\n");
      // The first column is named after the topic of the table, the two others are fixed names.
      body += both("| ") + prose.label() + both(" | ") +
              Bi{kTableHeaders[first].fr + " | " + kTableHeaders[second].fr + " |\n",
                 kTableHeaders[first].it + " | " + kTableHeaders[second].it + " |\n"};
      body += both("|---|---|---|\n");
      int rows = rng.range(3, 6);
      for (int row = 0; row < rows; ++row) {
        body += cat({both("| "), prose.label(), both(" | "), prose.label(), both(" | "), table_value(rng),
                     both(" |\n")});
      }
      body += both("\n");
    }
    int subsections = rng.chance(40) ? rng.range(1, 2) : 0;
    for (int sub = 0; sub < subsections; ++sub) {
      body += both("### ") + prose.label() + both("\n\n");
      paragraph();
    }
    words = count_words(body.fr) - section_start;  // lists and tables count too
    while (words < section_words) paragraph();
  }
  return body;
}

std::string guideline_file(const Heads& heads, Language language, const Bi& summary,
                           const std::string& date, const std::string& updated, int weight,
                           const std::vector<std::string>& tags, const std::string& body) {
  std::string out = "+++\n";
  out += "title = " + toml_string(heads.title.in(language)) + "\n";
  out += "summary = " + toml_string(summary.in(language)) + "\n";
  out += "date = " + date + "\n";
  if (!updated.empty()) out += "updated = " + updated + "\n";
  out += "weight = " + std::to_string(weight) + "\n";
  out += "tags = [";
  for (size_t i = 0; i < tags.size(); ++i) out += (i ? ", " : "") + toml_string(tags[i]);
  out += "]\n";
  out += "slug = " + toml_string(heads.slug[language == Language::kFrench ? 0 : 1]) + "\n";
  out += "+++\n\n" + body;
  while (out.size() > 1 && out[out.size() - 1] == '\n' && out[out.size() - 2] == '\n') out.pop_back();
  return out;
}

std::string marker_text(const CorpusOptions& options) {
  return "version = " + std::to_string(kVersion) + "\nseed = " + std::to_string(options.seed) +
         "\nguidelines = " + std::to_string(options.guidelines) +
         "\nactors = " + std::to_string(options.actors) + "\n";
}

/// site.toml of the repository without its leading comment lines, without its [budgets] and
/// [listings] tables, whose sizes are those of the bundled site (23 actors in pages of 10, so
/// that its tests go through pages), not of a corpus hundreds of times larger, which gets the
/// defaults; and without the footer's legal pages, which a corpus does not write.
std::string adapted_site_toml(const std::string& original) {
  std::string out = "# A synthetic Passerelle site written by passerelle-corpus (see bench/).\n";
  bool leading = true, in_bundled_sizes = false, in_footer = false;
  std::string comments;  // comment lines waiting for the line they introduce
  for (size_t start = 0; start < original.size();) {
    size_t end = original.find('\n', start);
    std::string line = original.substr(start, end == std::string::npos ? std::string::npos : end - start + 1);
    start = end == std::string::npos ? original.size() : end + 1;
    if (leading && line[0] == '#') continue;
    leading = false;
    if (line[0] == '[') {
      in_bundled_sizes = line.rfind("[budgets]", 0) == 0 || line.rfind("[listings]", 0) == 0;
      in_footer = line.rfind("[footer]", 0) == 0;
    }
    if (in_footer && (line.rfind("legal_notice", 0) == 0 || line.rfind("accessibility", 0) == 0)) {
      comments.clear();
      continue;
    }
    if (line[0] == '#') {
      comments += line;
      continue;
    }
    if (!in_bundled_sizes) out += comments + line;
    comments.clear();
  }
  return out + comments;
}

}  // namespace

std::string toml_string(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out + "\"";
}

int64_t days_from_date(int year, int month, int day) {
  // Howard Hinnant's days_from_civil.
  year -= month <= 2;
  int64_t era = (year >= 0 ? year : year - 399) / 400;
  int64_t year_of_era = year - era * 400;
  int64_t day_of_year = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  int64_t day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + day_of_era - 719468;
}

std::string date_from_days(int64_t days) {
  days += 719468;
  int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  int64_t day_of_era = days - era * 146097;
  int64_t year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  int64_t day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  int64_t mp = (5 * day_of_year + 2) / 153;
  int64_t day = day_of_year - (153 * mp + 2) / 5 + 1;
  int64_t month = mp < 10 ? mp + 3 : mp - 9;
  int64_t year = year_of_era + era * 400 + (month <= 2);
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", static_cast<int>(year), static_cast<int>(month),
                static_cast<int>(day));
  return buffer;
}

std::string generate_corpus(const CorpusOptions& options) {
  // The settings and vocabulary are the repository's, read with the generator's own loaders.
  passerelle::DiskSourceTree repository(options.repository);
  passerelle::Diagnostics diagnostics;
  auto site_text = passerelle::read_text_file(repository, "site.toml", diagnostics);
  auto vocabulary_text = passerelle::read_text_file(repository, "directory-data/vocabulary.toml", diagnostics);
  if (!site_text || !vocabulary_text) return "cannot read site.toml and the vocabulary in " + options.repository;
  auto config = passerelle::parse_site_config(*site_text, "site.toml", diagnostics);
  if (!config) return "site.toml of " + options.repository + " is invalid";
  auto vocabulary =
      passerelle::parse_vocabulary(*vocabulary_text, "directory-data/vocabulary.toml", *config, diagnostics);
  if (!vocabulary) return "the vocabulary of " + options.repository + " is invalid";
  for (const auto& language : config->languages) {
    if (language.code != "fr" && language.code != "it") {
      return "the corpus writes French and Italian only; site.toml has '" + language.code + "'";
    }
  }

  fs::path out(options.out);
  if (auto problem = prepare_folder(out, kMarker); !problem.empty()) return problem;
  std::string error;
  if (!write_file(out / "site.toml", adapted_site_toml(*site_text), error)) return error;
  if (!write_file(out / "directory-data" / "vocabulary.toml", *vocabulary_text, error)) return error;

  Lexicon lexicon = build_lexicon();

  std::vector<ActorSummary> actors(options.actors);
  std::set<std::string> ids = {"pays", "type", "secteur", "paese", "tipo", "settore",
                               "country", "kind", "sector"};
  ActorContext actor_context{lexicon, *vocabulary, options.seed};
  for (int i = 0; i < options.actors; ++i) {
    std::string record = actor_record(actor_context, i, ids, actors[i]);
    if (!write_file(out / "directory-data" / "actors" / (actors[i].id + ".toml"), record, error)) return error;
  }

  std::vector<Heads> heads(options.guidelines);
  std::set<std::string> slugs[2] = {{"lignes-directrices", "annuaire", "recherche"},
                                    {"linee-guida", "elenco", "ricerca"}};
  for (int i = 0; i < options.guidelines; ++i) {
    heads[i] = guideline_heads(lexicon, options.seed, i);
    heads[i].slug[0] = unique_slug(heads[i].title.fr, 8, slugs[0]);
    heads[i].slug[1] = unique_slug(heads[i].title.it, 8, slugs[1]);
  }
  GuidelineContext guideline_context{lexicon, options.seed, heads, actors};
  for (int i = 0; i < options.guidelines; ++i) {
    Rng rng(options.seed, "guideline-meta", i);
    Prose prose(lexicon, rng);
    Bi summary = prose.sentences(rng.range(1, 2));
    int64_t day = days_from_date(2023, 1, 1) + rng.range(0, 900);
    std::string date = date_from_days(day);
    std::string updated = rng.chance(50) ? date_from_days(day + rng.range(10, 500)) : "";
    std::vector<std::string> tags[2];
    std::set<size_t> picked;
    int tag_count = rng.range(2, 4);
    while (static_cast<int>(picked.size()) < tag_count) picked.insert(rng.weighted(lexicon.thing_weights));
    for (size_t tag : picked) {
      tags[0].push_back(lexicon.things[tag].fr.singular);
      tags[1].push_back(lexicon.things[tag].it.singular);
    }
    Bi body = guideline_body(guideline_context, i);
    int weight = (i + 1) * 10;
    for (Language language : {Language::kFrench, Language::kItalian}) {
      std::string code = language == Language::kFrench ? "fr" : "it";
      std::string text = guideline_file(heads[i], language, summary, date, updated, weight,
                                        tags[language == Language::kFrench ? 0 : 1], body.in(language));
      if (!write_file(out / "content" / code / "guidelines" / file_name(i), text + "\n", error)) return error;
    }
  }

  // Home pages and the guidelines index introduction.
  Rng rng(options.seed, "home");
  Prose prose(lexicon, rng);
  Bi home_title = prose.title(), home_summary = prose.sentence();
  Bi home_body = prose.sentences(4);
  if (options.guidelines > 0) {
    std::string path = "@/guidelines/" + file_name(0);
    home_body += Bi{" Le plus simple est de commencer par [" + heads[0].title.fr + "](" + path + ").",
                    " Il modo più semplice è cominciare da [" + heads[0].title.it + "](" + path + ")."};
  }
  home_body += both("\n\n") + prose.sentences(3);
  Bi index_body = prose.sentences(4);
  for (Language language : {Language::kFrench, Language::kItalian}) {
    std::string code = language == Language::kFrench ? "fr" : "it";
    std::string home = "+++\ntitle = " + toml_string(home_title.in(language)) +
                       "\nsummary = " + toml_string(home_summary.in(language)) + "\n+++\n\n" +
                       home_body.in(language) + "\n";
    std::string index = "+++\ntitle = " +
                        toml_string(language == Language::kFrench ? "Lignes directrices" : "Linee guida") +
                        "\n+++\n\n" + index_body.in(language) + "\n";
    if (!write_file(out / "content" / code / "_index.md", home, error)) return error;
    if (!write_file(out / "content" / code / "guidelines" / "_index.md", index, error)) return error;
  }
  if (!write_file(out / kMarker, marker_text(options), error)) return error;
  return "";
}

}  // namespace corpus
