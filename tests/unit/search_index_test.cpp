// The search index: documents from the site model, postings, shards, and the files the client
// loads (their format is docs/search-index.md).
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "pipeline/build.h"
#include "search/files.h"
#include "search/index.h"
#include "search/report.h"
#include "fixture_site.h"

using namespace passerelle;
using namespace passerelle::search;

namespace {

const LanguageConfig& french() { return *test_support::fixture_site().site.config.language("fr"); }

struct EveryLanguage {
  OutputPlan files;
};

/// The index files of every language of a site, as the build writes them.
EveryLanguage site_search_files(const Site& site) { return {search_files(site)}; }

std::string manifest_version(const OutputPlan& files, const std::string& language) {
  for (const auto& file : files) {
    if (file.path == "search/" + language + "/manifest.js") {
      auto json = file.bytes.substr(file.bytes.find('{'));
      json = json.substr(0, json.rfind('}') + 1);
      return nlohmann::json::parse(json)["v"].get<std::string>();
    }
  }
  return "";
}

Document document(std::string title, std::string body) {
  Document d;
  d.kind = "guideline";
  d.title = title;
  d.path = "fr/x/";
  d.fields = {{Field::kTitle, title}};
  d.text = {{Field::kBody, body}};
  return d;
}

const TermEntry& entry(const Index& index, Analyzer& analyzer, const std::string& word) {
  std::string folded = fold(word);
  if (is_arabic_word(folded)) folded = arabic_light_stem(folded);  // as analyze() does
  auto found = index.terms.find(analyzer.term(folded));
  REQUIRE(found != index.terms.end());
  return found->second;
}

/// The data handed to PasserelleSearch.load in a file, after checking the call's name.
nlohmann::json payload(const OutputFile& file) {
  const std::string prefix = "PasserelleSearch.load(\"";
  REQUIRE(file.bytes.rfind(prefix, 0) == 0);
  size_t name_end = file.bytes.find('"', prefix.size());
  std::string name = file.bytes.substr(prefix.size(), name_end - prefix.size());
  CHECK("search/" + name + ".js" == file.path);
  REQUIRE(file.bytes.substr(file.bytes.size() - 3) == ");\n");
  return nlohmann::json::parse(file.bytes.substr(name_end + 2, file.bytes.size() - name_end - 5));
}

const OutputFile* find(const OutputPlan& files, const std::string& path) {
  for (const auto& file : files) {
    if (file.path == path) return &file;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("documents: guidelines, pages and actors with their fields") {
  auto documents = documents_of(test_support::fixture_site().site, french());
  REQUIRE(documents.size() == 2 + 1 + 3);  // two guidelines, the about page, three actors
  CHECK(documents[0].kind == "guideline");
  CHECK(documents[0].title == "Préparer le retour");  // by weight
  CHECK(documents[0].path == "fr/lignes-directrices/preparer-le-retour/");
  CHECK(documents[2].kind == "page");
  const auto& atlas = documents[4];
  CHECK(atlas.kind == "actor");
  CHECK(atlas.actor_id == "ong-atlas");
  CHECK(atlas.path == "fr/annuaire/ong-atlas/");
  CHECK(atlas.meta == "ONG · Oujda, Maroc");
  std::string titles;
  for (const auto& field : atlas.fields) {
    if (field.field == Field::kTitle) titles += field.text + "|";
  }
  CHECK(titles == "ONG Atlas (fictive)|ATLAS|أطلس|Atlas NGO|");
  REQUIRE(atlas.text.size() == 2);
  CHECK(atlas.text[0].text == "Une ONG fictive d'Oujda. Voir le crédit.");
  CHECK(atlas.text[1].text == "Formation à la gestion. Conseil en microcrédit.");
  CHECK(atlas.text[1].field == Field::kSummary);  // services weigh like a summary
}

TEST_CASE("documents: an actor's place is joined with the language's list separator") {
  auto documents = documents_of(test_support::fixture_site().site, french(), "، ");  // the Arabic comma
  CHECK(documents[4].meta == "ONG · Oujda، Maroc");
}

TEST_CASE("blocks are cut at sentence ends and never exceed the limit") {
  std::string text = "Une phrase courte. Une autre phrase ici ! Et une troisième ? " + std::string(50, 'x') + " fin";
  auto blocks = split_blocks(text, 30);
  std::string joined;
  for (const auto& block : blocks) {
    if (block.find(' ') != std::string::npos) CHECK(code_points(block) <= 30);
    joined += (joined.empty() ? "" : " ") + block;
  }
  CHECK(blocks[0] == "Une phrase courte.");
  // A word longer than the limit is kept whole rather than cut.
  CHECK(joined == text);
  CHECK(split_blocks("", 30).empty());
}

TEST_CASE("postings: stems join forms, titles are flagged, blocks point at the first use") {
  Analyzer analyzer("fr");
  std::string long_text;
  for (int i = 0; i < 30; ++i) long_text += "Une phrase de remplissage sans rien. ";
  auto index = build_index({document("Les formations", "Une formation pour tous."),
                            document("Autre chose", long_text + "Parler de formation ici."),
                            document("Rien", "Sans rapport. Des projets, un projet, des plans.")},
                           analyzer, 120);
  const auto& formation = entry(index, analyzer, "formation");
  CHECK(formation.forms == std::set<std::string>{"formation", "formations"});
  REQUIRE(formation.postings.size() == 2);
  CHECK(formation.postings[0].document == 0);
  CHECK(formation.postings[0].in_title);
  CHECK(formation.postings[1].document == 1);
  CHECK_FALSE(formation.postings[1].in_title);
  // In the title and the text of a short document, the word weighs more.
  CHECK(formation.postings[0].impact > formation.postings[1].impact);
  for (const auto& [term, e] : index.terms) {
    for (const auto& p : e.postings) CHECK((p.impact >= 1 && p.impact <= 255));
  }
  // The block of the first use really contains the word.
  const auto& blocks = index.blocks[1];
  REQUIRE(formation.postings[1].block < blocks.size());
  CHECK_THAT(blocks[formation.postings[1].block], Catch::Contains("formation"));
  CHECK(index.terms.count(analyzer.term("de")) == 0);  // a stop word
  // Endings stemming removed, for forms the client has not seen.
  CHECK(std::find(index.suffixes.begin(), index.suffixes.end(), "s") != index.suffixes.end());
}

TEST_CASE("postings survive their base64 VLQ encoding") {
  std::vector<Posting> postings = {{0, 1, false, 0}, {3, 255, true, 7}, {4000, 17, false, 1200}, {70000, 2, true, 0}};
  auto encoded = encode_postings(postings);
  CHECK(encoded.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/") == std::string::npos);
  auto decoded = decode_postings(encoded);
  REQUIRE(decoded.size() == postings.size());
  for (size_t i = 0; i < postings.size(); ++i) {
    CHECK(decoded[i].document == postings[i].document);
    CHECK(decoded[i].impact == postings[i].impact);
    CHECK(decoded[i].in_title == postings[i].in_title);
    CHECK(decoded[i].block == postings[i].block);
  }
  CHECK(encode_postings({{0, 1, false, 0}}) == "ACA");
}

TEST_CASE("shard file names keep a-z and digits, other code points in hex") {
  CHECK(shard_file_name("fo") == "fo");
  CHECK(shard_file_name("20") == "20");
  CHECK(shard_file_name("ال") == "_627__644_");
  CHECK(shard_file_name("ça") == "_e7_a");
}

TEST_CASE("documents counted on several threads, in slices, keep their terms and numbers") {
  // More documents than one slice of counting holds (256): terms first met in a later slice
  // and words every document shares must still land on the right documents.
  Analyzer analyzer("fr");
  std::vector<Document> documents;
  const size_t count = 700;
  auto unique_word = [](size_t i) {
    // Consonants only: the stemmer finds no ending to remove, so each word is its own term.
    const std::string letters = "bcdfghjklmnpqrtvwxz";
    std::string word = "zk";
    for (size_t n = i; ; n /= letters.size()) {
      word += letters[n % letters.size()];
      if (n < letters.size()) break;
    }
    return word;
  };
  for (size_t i = 0; i < count; ++i) {
    std::string body = "coopérative " + unique_word(i) + (i % 2 ? " irrigation" : "");
    documents.push_back(document("Titre", body));
  }
  auto index = build_index(documents, analyzer, 360);
  REQUIRE(index.documents.size() == count);
  const auto& shared = entry(index, analyzer, "coopérative").postings;
  REQUIRE(shared.size() == count);
  for (size_t i = 0; i < count; ++i) CHECK(shared[i].document == i);
  const auto& odd = entry(index, analyzer, "irrigation").postings;
  REQUIRE(odd.size() == count / 2);
  for (size_t i = 0; i < odd.size(); ++i) CHECK(odd[i].document == 2 * i + 1);
  for (size_t i : {size_t{0}, size_t{255}, size_t{256}, size_t{511}, size_t{699}}) {
    const auto& own = entry(index, analyzer, unique_word(i)).postings;
    REQUIRE(own.size() == 1);
    CHECK(own[0].document == i);
    CHECK(index.blocks[i].front().find(unique_word(i)) != std::string::npos);
  }
  CHECK(entry(index, analyzer, "coopérative").forms.count("cooperative") == 1);
}

TEST_CASE("every word form is in the shard of its longest key prefix, even when shards split") {
  Analyzer analyzer("fr");
  std::vector<Document> documents;
  std::vector<std::string> words = {"formation", "former", "forme", "formulaire", "fort", "forum", "fonds",
                                    "fondation", "foire", "femme", "familles", "المنظمة", "2009"};
  for (size_t i = 0; i < 40; ++i) {
    std::string body;
    for (size_t w = 0; w < words.size(); ++w) {
      if ((i + w) % 3 != 0) body += words[w] + " ";
    }
    documents.push_back(document("Titre " + std::to_string(i), body));
  }
  auto index = build_index(documents, analyzer, 360);
  Layout layout;
  layout.shard_bytes = 300;  // tiny: forces splits below "fo"
  auto files = index_files(index, test_support::fixture_site().site, french(), layout);
  auto manifest = payload(*find(files, "search/fr/manifest.js"));
  std::set<std::string> keys;
  for (size_t start = 0, end; start <= manifest["keys"].get<std::string>().size(); start = end + 1) {
    const std::string all = manifest["keys"];
    end = all.find(' ', start);
    if (end == std::string::npos) end = all.size();
    keys.insert(all.substr(start, end - start));
  }
  CHECK(keys.count("fo") == 1);
  CHECK(keys.count("for") == 1);  // split one letter further
  for (const auto& word : words) {
    std::string form = fold(word);
    if (is_arabic_word(form)) form = arabic_light_stem(form);  // the client light-stems it too
    // The client's rule: the longest key that is a prefix of the word.
    std::string key;
    for (const auto& k : keys) {
      if (form.rfind(k, 0) == 0 && k.size() > key.size()) key = k;
    }
    INFO(word << " → shard " << key);
    const auto* file = find(files, "search/fr/t/" + shard_file_name(key) + ".js");
    REQUIRE(file);
    bool found = false;
    auto shard = payload(*file);
    for (const auto& group : shard["g"]) {
      std::string forms = " " + group[1].get<std::string>() + " ";
      if (forms.find(" " + form + " ") != std::string::npos) {
        found = true;
        CHECK(group[0] == analyzer.term(form));
        CHECK(decode_postings(group[2].get<std::string>()).size() == entry(index, analyzer, word).postings.size());
      }
    }
    CHECK(found);
  }
  // "former" and "formation" (a family of data/fr.txt, two Snowball stems) are related.
  bool family = false;
  for (const auto& line : manifest["fam"]) {
    std::string members = " " + line.get<std::string>() + " ";
    family = family || (members.find(":formation ") != std::string::npos && members.find(":former ") != std::string::npos);
  }
  CHECK(family);
  // A split shard suggests the most frequent words below it.
  auto fo = payload(*find(files, "search/fr/t/fo.js"));
  REQUIRE(fo.contains("c"));
  CHECK(fo["c"].size() > 0);
  CHECK(fo["c"].size() <= layout.completions);
}

TEST_CASE("the fixture's index files: manifest, documents, blocks, facets") {
  auto search = site_search_files(test_support::fixture_site().site);
  const auto* manifest_file = find(search.files, "search/fr/manifest.js");
  REQUIRE(manifest_file);
  auto manifest = payload(*manifest_file);
  CHECK(manifest["lang"] == "fr");
  CHECK(manifest["docs"] == 6);
  CHECK(manifest["kinds"] == nlohmann::json::parse(R"([["guideline",0,2],["page",2,3],["actor",3,6]])"));
  CHECK_THAT(manifest["elision"].get<std::string>(), Catch::Contains("qu"));
  CHECK_THAT(" " + manifest["stop"].get<std::string>() + " ", Catch::Contains(" les "));

  auto atlas = payload(*find(search.files, "search/fr/d/4.js"));
  CHECK(atlas["k"] == "actor");
  CHECK(atlas["t"] == "ONG Atlas (fictive)");
  CHECK(atlas["u"] == "fr/annuaire/ong-atlas/");
  CHECK(atlas["n"] == 1);  // the description and the services fit in one block

  // In Italian the fixture has one guideline: Atlas is document 3 there.
  auto facets = payload(*find(search.files, "search/it/facets.js"));
  CHECK(facets["groups"][0] == nlohmann::json::parse(R"(["country",[["IT","Italia"],["MA","Marocco"]]])"));
  CHECK(facets["page"] == "it/elenco/{id}/");
  bool found = false;
  const auto& actors = facets["actors"];
  for (const auto& actor : actors) {
    if (actor[0] == "ong-atlas") {
      found = true;
      // Facet codes, then what directory.js draws its card with; 2: third by name.
      auto expected = nlohmann::json::parse(R"j(["ong-atlas",3,"MA","ngo","oriental","training finance",)j"
                                            R"j("ONG Atlas (fictive)","ATLAS","Oujda","https://atlas.example.org/",2])j");
      CHECK(actor == expected);
    }
  }
  CHECK(found);
  // Every file, in every language, is a well-formed registration call.
  for (const auto& file : search.files) {
    INFO(file.path);
    payload(file);
  }
}

TEST_CASE("each language's manifest names the version of its other files") {
  auto before = site_search_files(test_support::fixture_site().site);
  std::string fr = manifest_version(before.files, "fr"), it = manifest_version(before.files, "it");
  CHECK(fr.size() == 10);
  CHECK(fr != it);
  Site edited = test_support::fixture_site().site;
  for (auto& page : edited.pages) {
    if (page.language == "fr") page.plain_text += " nouveauté";
  }
  auto after = site_search_files(edited);
  CHECK(manifest_version(after.files, "fr") != fr);  // French files changed: a new version
  CHECK(manifest_version(after.files, "it") == it);  // Italian ones did not
}

TEST_CASE("hostile record values stay inert in the index files") {
  auto search = site_search_files(test_support::fixture_site().site);
  bool seen = false;
  for (const auto& file : search.files) {
    INFO(file.path);
    CHECK(file.bytes.find('<') == std::string::npos);  // JSON escapes: no </script>, no tags
    CHECK(file.bytes.find("\xE2\x80\xA8") == std::string::npos);  // nor a raw line separator
    CHECK(file.bytes.find('\n') == file.bytes.size() - 1);
    if (file.path.find("/d/") != std::string::npos && payload(file)["t"] == "<script>alert('nom')</script> & \"Cie\"") {
      seen = true;
    }
  }
  CHECK(seen);
}

TEST_CASE("the size report measures the index and the heaviest page") {
  auto search = site_search_files(test_support::fixture_site().site);
  OutputPlan plan = search.files;
  plan.push_back({"fr/index.html", std::string(5000, 'x')});
  plan.push_back({"it/index.html", std::string(7000, 'x')});
  auto report = measure(plan, test_support::fixture_site().site.config);
  REQUIRE(report.languages.size() == 2);
  const auto& fr = report.languages[0];
  size_t total = 0, files = 0, largest_shard = 0;
  for (const auto& file : search.files) {
    if (file.path.rfind("search/fr/", 0) != 0) continue;
    total += file.bytes.size();
    ++files;
    if (file.path.rfind("search/fr/t/", 0) == 0) largest_shard = std::max(largest_shard, file.bytes.size());
  }
  CHECK(fr.index_bytes == total);
  CHECK(fr.files == files);
  CHECK(fr.largest_shard_bytes == largest_shard);
  CHECK(fr.query_bytes > find(plan, "search/fr/manifest.js")->bytes.size() + largest_shard);
  CHECK(fr.query_bytes < total);
  CHECK(report.heaviest_page == "it/index.html");
  CHECK(report.heaviest_page_bytes == 7000);
}

TEST_CASE("a long text's first five blocks are in its document file, the others eight to a file") {
  Analyzer analyzer("fr");
  std::string text;
  for (int i = 0; i < 20; ++i) text += "Phrase numéro " + std::to_string(i) + " assez longue pour remplir un bloc. ";
  auto index = build_index({document("Titre", text)}, analyzer, 60);
  REQUIRE(index.blocks[0].size() == 20);
  auto files = index_files(index, test_support::fixture_site().site, french(), {});
  const auto& blocks = index.blocks[0];
  auto d = payload(*find(files, "search/fr/d/0.js"));
  CHECK(d["x"] == blocks[0]);
  CHECK(d["y"] == nlohmann::json(std::vector<std::string>(blocks.begin() + 1, blocks.begin() + 5)));
  auto manifest = payload(*find(files, "search/fr/manifest.js"));
  CHECK(manifest["inline"] == 5);
  CHECK(manifest["chunk"] == 8);
  // The client finds block b ≥ 5 as item (b - 5) % 8 of chunk (b - 5) / 8 + 1.
  std::vector<std::string> stored;
  for (const auto& name : {"1", "2"}) {
    const auto* chunk = find(files, std::string("search/fr/x/0-") + name + ".js");
    REQUIRE(chunk);
    auto data = payload(*chunk);
    for (const auto& block : data["x"]) stored.push_back(block);
  }
  CHECK(find(files, "search/fr/x/0-3.js") == nullptr);
  CHECK(stored == std::vector<std::string>(blocks.begin() + 5, blocks.end()));
}

TEST_CASE("a short text travels whole in its document file") {
  Analyzer analyzer("fr");
  std::string text;
  for (int i = 0; i < 5; ++i) text += "Phrase numéro " + std::to_string(i) + " assez longue pour remplir un bloc. ";
  auto index = build_index({document("Titre", text)}, analyzer, 60);
  REQUIRE(index.blocks[0].size() == 5);
  auto files = index_files(index, test_support::fixture_site().site, french(), {});
  auto d = payload(*find(files, "search/fr/d/0.js"));
  CHECK(d["x"] == index.blocks[0][0]);
  CHECK(d["y"] == nlohmann::json(std::vector<std::string>(index.blocks[0].begin() + 1, index.blocks[0].end())));
  CHECK(find(files, "search/fr/x/0-1.js") == nullptr);
}

TEST_CASE("the search output plans every language's index, sorted by path, into the build") {
  const Site& site = test_support::fixture_site().site;
  OutputPlan files = search_files(site);
  OutputPlan expected;
  for (const auto& language : site.config.languages) {
    for (auto& file : language_search_files(site, language)) expected.push_back(std::move(file));
  }
  REQUIRE(files.size() == expected.size());
  CHECK(std::is_sorted(files.begin(), files.end(),
                       [](const OutputFile& a, const OutputFile& b) { return a.path < b.path; }));
  sort_by_path(expected);
  for (size_t i = 0; i < files.size(); ++i) {
    CHECK(files[i].path == expected[i].path);
    CHECK(files[i].bytes == expected[i].bytes);
  }
  // The build puts them next to the pages, once each.
  static DiskSourceTree tree(std::string(PASSERELLE_FIXTURES) + "/site-small");
  static DiskSourceTree bundled(PASSERELLE_BUNDLED_THEMES);
  Diagnostics diagnostics;
  auto built = build_site(tree, bundled, {}, diagnostics);
  REQUIRE(built);
  size_t in_plan = 0;
  for (const auto& file : built->plan) in_plan += file.path.rfind("search/", 0) == 0;
  CHECK(in_plan == files.size());
  std::atomic<bool> cancelled{true};
  CHECK(search_files(site, &cancelled).empty());  // no language started
}
