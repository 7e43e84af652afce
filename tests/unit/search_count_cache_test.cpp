// The search index's count cache: an index built from the last build's counts is the index
// counted afresh, whatever the cache file holds.
#include <catch2/catch.hpp>

#include "search/count_cache.h"
#include "search/index.h"

using namespace passerelle::search;

namespace count_cache_test {

Document guideline(const std::string& title, const std::string& summary, const std::string& body) {
  Document d;
  d.kind = "guideline";
  d.title = title;
  d.path = "fr/lignes-directrices/" + std::to_string(title.size()) + "/";
  d.fields = {{Field::kTitle, title}, {Field::kHeading, "Étapes du retour"}};
  d.text = {{Field::kSummary, summary}, {Field::kBody, body}};
  return d;
}

std::vector<Document> documents() {
  std::vector<Document> out;
  for (int i = 0; i < 600; ++i) {  // slices of 256 counted on two threads or more
    std::string n = std::to_string(i);
    out.push_back(guideline("Formation " + n, "Les coopératives accompagnent le retour.",
                            "Une formation professionnelle " + n + " pour les migrants de retour. "
                            "Les associations d'Agadir et de Turin financent des projets agricoles. "
                            "L'épargne des familles soutient l'investissement."));
  }
  return out;
}

/// Every part of two indexes that the files are written from.
void check_same(const Index& a, const Index& b) {
  REQUIRE(a.documents.size() == b.documents.size());
  for (size_t d = 0; d < a.documents.size(); ++d) {  // a cached document's are cut when asked
    CHECK(document_blocks(a, d) == document_blocks(b, d));
  }
  CHECK(a.suffixes == b.suffixes);
  CHECK(a.families == b.families);
  REQUIRE(a.terms.size() == b.terms.size());
  for (auto x = a.terms.begin(), y = b.terms.begin(); x != a.terms.end(); ++x, ++y) {
    CAPTURE(x->first);
    REQUIRE(x->first == y->first);
    CHECK(x->second.forms == y->second.forms);
    REQUIRE(x->second.postings.size() == y->second.postings.size());
    for (size_t i = 0; i < x->second.postings.size(); ++i) {
      const auto& p = x->second.postings[i];
      const auto& q = y->second.postings[i];
      CHECK(std::tie(p.document, p.impact, p.in_title, p.block) ==
            std::tie(q.document, q.impact, q.in_title, q.block));
    }
  }
}

/// An index of `docs` with a cache: the last build's file `previous`; `caching` keeps the
/// next one.
Index cached_index(std::vector<Document> docs, const std::string& previous, CountCaching& caching,
                   const std::string& stamp = "program-1") {
  Analyzer analyzer("fr");
  caching.stamp = stamp;
  caching.previous = CountCache::parse(previous, stamp);
  return build_index(std::move(docs), analyzer, 360, &caching);
}

/// The entry `file` has for `document`, as a build numbering with that file's terms would
/// append it.
std::string entry_of(const std::string& file, const Document& document) {
  auto cache = CountCache::parse(file, "program-1");
  std::string key = count_key(document, "fr", 360);
  auto entry = cache.entry(key);
  REQUIRE(entry);
  std::string out;
  passerelle::put_cache_entry(out, key, *entry);
  return out;
}

Index fresh_index(std::vector<Document> docs) {
  Analyzer analyzer("fr");
  return build_index(std::move(docs), analyzer, 360);
}

}  // namespace count_cache_test

using namespace count_cache_test;

TEST_CASE("an index from the last build's counts is the index counted afresh") {
  auto docs = documents();
  CountCaching first;
  auto counted = cached_index(docs, "", first);
  CHECK(first.counted == docs.size());
  CHECK(first.changed);
  check_same(counted, fresh_index(docs));

  CountCaching second;
  auto recalled = cached_index(docs, first.next, second);
  CHECK(second.previous.size() == docs.size());
  CHECK(second.counted == 0);
  CHECK_FALSE(second.changed);
  CHECK(second.next == first.next);
  check_same(recalled, counted);

  // One document edited, one removed: only the edited one is counted again.
  docs[7].text[1].text += " Une phrase nouvelle sur l'irrigation.";
  docs.erase(docs.begin() + 200);
  CountCaching third;
  auto edited = cached_index(docs, second.next, third);
  CHECK(third.counted == 1);
  CHECK(third.changed);
  check_same(edited, fresh_index(docs));
}

TEST_CASE("a count cache of another program, or damaged, only costs counting again") {
  auto docs = documents();
  CountCaching first;
  cached_index(docs, "", first);
  auto expected = fresh_index(docs);

  SECTION("another program wrote it") {
    CountCaching other;
    check_same(cached_index(docs, first.next, other, "program-2"), expected);
    CHECK(other.previous.size() == 0);
    CHECK(other.counted == docs.size());
  }
  SECTION("the file was cut short") {
    CountCaching cut;
    check_same(cached_index(docs, first.next.substr(0, first.next.size() / 2), cut), expected);
    CHECK(cut.counted > 0);
    CHECK(cut.counted < docs.size());
  }
  SECTION("bytes of an entry were changed") {
    std::string damaged = first.next;
    for (size_t at = damaged.size() / 3; at < damaged.size(); at += 997) damaged[at] ^= 0x5A;
    CountCaching read;
    check_same(cached_index(docs, damaged, read), expected);
  }
}

TEST_CASE("a counted document that is cut or changed anywhere is refused, never misread") {
  auto docs = documents();
  CountCaching caching;
  cached_index({docs.front()}, "", caching);
  auto cache = CountCache::parse(caching.next, "program-1");
  REQUIRE(cache.size() == 1);
  size_t terms = cache.term_count(), forms = cache.form_count();
  CHECK(terms > 5);
  CHECK(forms >= terms);
  Analyzer analyzer("fr");
  std::string key = count_key(docs.front(), "fr", 360);
  auto entry = cache.entry(key);
  REQUIRE(entry);
  REQUIRE(entry->size() > 8);
  auto counts = entry->substr(8);  // after the id of the terms it is numbered with
  REQUIRE(decode_counted(counts, terms, forms));
  REQUIRE(cache.find(key));
  for (size_t size = 0; size < counts.size(); ++size) {
    CAPTURE(size);
    CHECK_FALSE(decode_counted(counts.substr(0, size), terms, forms));
  }
  CHECK_FALSE(decode_counted(std::string(counts) + "x", terms, forms));
  // A number beyond the cache's terms or forms is not read as some other term.
  CHECK_FALSE(decode_counted(counts, terms - 1, forms));
  CHECK_FALSE(decode_counted(counts, terms, forms - 1));
}

TEST_CASE("a count key covers the text, the fields, the language and the block size") {
  auto docs = documents();
  const auto& d = docs.front();
  std::string key = count_key(d, "fr", 360);
  CHECK(key.size() == 32);
  CHECK(count_key(d, "fr", 360) == key);
  CHECK(count_key(d, "it", 360) != key);
  CHECK(count_key(d, "fr", 200) != key);
  Document moved = d;  // the same text in another field weighs differently
  moved.text[0].field = Field::kBody;
  CHECK(count_key(moved, "fr", 360) != key);
  Document edited = d;
  edited.fields[0].text += "s";
  CHECK(count_key(edited, "fr", 360) != key);
}

TEST_CASE("a count cache with somewhere to save it hands its file over once the counting ends") {
  auto docs = documents();
  CountCaching kept;
  auto expected = cached_index(docs, "", kept);

  CountCaching saving;
  std::vector<std::string> saved;
  saving.save = [&](std::string next) { saved.push_back(std::move(next)); };
  check_same(cached_index(docs, "", saving), expected);
  REQUIRE(saved.size() == 1);
  CHECK(saved[0] == kept.next);
  CHECK(saving.next.empty());

  CountCaching unchanged;
  saved.clear();
  unchanged.save = [&](std::string next) { saved.push_back(std::move(next)); };
  check_same(cached_index(docs, kept.next, unchanged), expected);
  CHECK(saved.empty());  // nothing counted anew: the file stays as it is
  CHECK(unchanged.previous.size() == 0);  // let go of as soon as the counting ended
}

TEST_CASE("a language's terms from a cache are found by name; new ones are numbered after them") {
  CHECK_FALSE(LanguageTerms::sorted({"b", "a"}, {}, {}));         // not sorted
  CHECK_FALSE(LanguageTerms::sorted({"a", "a"}, {}, {}));         // repeated
  CHECK_FALSE(LanguageTerms::sorted({"a"}, {"ab", "aa"}, {0, 0}));  // forms not sorted
  CHECK_FALSE(LanguageTerms::sorted({"a"}, {"ab"}, {1}));         // a form of no term
  auto terms = LanguageTerms::sorted({"epargn", "format", "retour"}, {"epargne", "formation"}, {0, 1});
  REQUIRE(terms);
  CHECK(terms->term("format") == 1);
  CHECK(terms->term("retour") == 2);
  CHECK(terms->term("agricol") == 3);  // new: after the cache's
  CHECK(terms->term("agricol") == 3);
  CHECK(terms->name(3) == "agricol");
  CHECK(terms->form("formation", 1) == 1);
  CHECK(terms->form("agricoles", 3) == 2);
  CHECK(terms->form_text(2) == "agricoles");
  CHECK(terms->form_term(2) == 3);
  CHECK(terms->term_count() == 4);
  CHECK(terms->form_count() == 3);
}

TEST_CASE("a document counted anew with terms the cache has is appended to its file") {
  auto docs = documents();
  CountCaching first;
  auto expected = cached_index(docs, "", first);
  std::string file = first.next;

  // An edit with words the site uses already: its entry is appended, the file not rewritten.
  docs[7].text[1].text += " Les coopératives accompagnent le retour.";
  CountCaching second;
  std::vector<std::string> appended, saved;
  second.append = [&](std::string entries) { appended.push_back(std::move(entries)); };
  second.save = [&](std::string next) { saved.push_back(std::move(next)); };
  check_same(cached_index(docs, file, second), fresh_index(docs));
  CHECK(second.counted == 1);
  REQUIRE(appended.size() == 1);
  CHECK(saved.empty());
  CHECK(appended[0].size() < file.size() / 100);
  file += appended[0];

  // The next build finds it there.
  CountCaching third;
  check_same(cached_index(docs, file, third), fresh_index(docs));
  CHECK(third.counted == 0);

  // A word new to the site: the terms change, the whole file is written.
  docs[8].text[1].text += " Une zanzibarite inédite.";
  CountCaching fourth;
  appended.clear();
  fourth.append = [&](std::string entries) { appended.push_back(std::move(entries)); };
  fourth.save = [&](std::string next) { saved.push_back(std::move(next)); };
  check_same(cached_index(docs, file, fourth), fresh_index(docs));
  CHECK(appended.empty());
  REQUIRE(saved.size() == 1);

  // Entries appended for other terms than the file's (another build rewrote it meanwhile)
  // are not read as numbers of its terms.
  std::string rewritten = saved[0] + entry_of(file, docs[9]);
  CountCaching fifth;
  check_same(cached_index(docs, rewritten, fifth), fresh_index(docs));
  CHECK(fifth.counted == 1);
}
