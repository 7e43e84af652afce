// The index's document files kept between builds (search/file_memo.h): a document whose files
// the last build made from the same data is not encoded again, and the files a build hands
// over, made or kept, are always those of a build without the memo.
#include <catch2/catch.hpp>

#include <map>
#include <mutex>
#include <set>

#include "search/file_memo.h"
#include "search/files.h"
#include "fixture_site.h"

using namespace passerelle;
using namespace passerelle::search;

namespace file_memo_test {

std::vector<Document> documents() {
  std::vector<Document> out;
  for (int i = 0; i < 300; ++i) {  // on two threads or more; some long enough for chunk files
    std::string n = std::to_string(i);
    Document d;
    d.kind = "guideline";
    d.title = "Formation " + n;
    d.path = "fr/lignes-directrices/formation-" + n + "/";
    d.fields = {{Field::kTitle, d.title}};
    std::string body;
    for (int s = 0; s < (i % 7) * 12; ++s) body += "Une phrase " + n + " sur l'épargne des familles. ";
    d.text = {{Field::kSummary, "Les coopératives accompagnent le retour " + n + "."},
              {Field::kBody, body}};
    out.push_back(std::move(d));
  }
  return out;
}

const LanguageConfig& french() { return *test_support::fixture_site().site.config.language("fr"); }

/// One build of the index of `docs`: with the last build's count cache and memo, what it
/// saves of both, and every file it hands over, made or kept (path → bytes, the kept ones
/// looked up in `output`, the last build's files).
struct Built {
  std::string counts, memo;
  std::map<std::string, std::string> files;
  std::set<std::string> made;
  size_t kept_documents = 0, encoded_documents = 0;
};

Built build(std::vector<Document> docs, const Built& last, bool output_has_files = true) {
  Built built;
  CountCaching caching;
  caching.stamp = "program-1";
  caching.previous = CountCache::parse(last.counts, caching.stamp);
  caching.save = [&](std::string next) { built.counts = std::move(next); };
  built.counts = last.counts;
  FileReuse reuse;
  reuse.stamp = caching.stamp;
  reuse.previous = FileMemo::parse(last.memo, reuse.stamp);
  built.memo = last.memo;
  std::mutex mutex;
  reuse.keep = [&](const FileSummary& file) {
    auto found = last.files.find(file.path);
    if (!output_has_files || found == last.files.end()) return false;
    if (!matches_summary(found->second, file)) return false;
    std::lock_guard<std::mutex> lock(mutex);
    built.files[file.path] = found->second;
    return true;
  };
  reuse.save = [&](std::string next) { built.memo = std::move(next); };
  Analyzer analyzer("fr");
  auto index = build_index(std::move(docs), analyzer, 360, &caching);
  for (auto& file : index_files(index, test_support::fixture_site().site, french(), {}, &reuse)) {
    REQUIRE(built.files.count(file.path) == 0);  // never both kept and made
    built.made.insert(file.path);
    built.files[file.path] = std::move(file.bytes);
  }
  built.kept_documents = reuse.kept;
  built.encoded_documents = reuse.encoded;
  return built;
}

std::map<std::string, std::string> without_memo(std::vector<Document> docs) {
  Analyzer analyzer("fr");
  auto index = build_index(std::move(docs), analyzer, 360);
  std::map<std::string, std::string> files;
  for (auto& file : index_files(index, test_support::fixture_site().site, french(), {})) {
    files[file.path] = std::move(file.bytes);
  }
  return files;
}

size_t document_files_made(const Built& built) {
  size_t n = 0;
  for (const auto& path : built.made) n += path.find("/d/") != std::string::npos || path.find("/x/") != std::string::npos;
  return n;
}

// The cases are in the namespace too: in a unity build, its helpers' names would otherwise
// meet other tests' (documents(), french()).

TEST_CASE("a document whose files the last build made the same keeps them") {
  auto docs = documents();
  Built first = build(docs, {});
  CHECK(first.encoded_documents == docs.size());
  CHECK(first.kept_documents == 0);
  CHECK(first.files == without_memo(docs));
  REQUIRE_FALSE(first.memo.empty());

  Built second = build(docs, first);
  CHECK(second.kept_documents == docs.size());
  CHECK(document_files_made(second) == 0);
  CHECK(second.memo == first.memo);
  CHECK(second.files == first.files);  // the manifest's version included

  // One document edited: its files alone are made again; one removed: the documents after it
  // change numbers, so theirs are made again too.
  docs[7].text[1].text += " Une phrase nouvelle sur l'irrigation.";
  Built edited = build(docs, second);
  CHECK(edited.encoded_documents == 1);
  CHECK(edited.files == without_memo(docs));
  CHECK(edited.memo != second.memo);
  docs.erase(docs.begin() + 290);
  Built removed = build(docs, edited);
  CHECK(removed.encoded_documents == docs.size() - 290);
  CHECK(removed.files == without_memo(docs));
}

TEST_CASE("document files the output no longer holds are made again") {
  auto docs = documents();
  Built first = build(docs, {});
  Built second = build(docs, first, /*output_has_files=*/false);
  CHECK(second.kept_documents == 0);
  CHECK(second.files == first.files);
  // A file changed in the output since: its document's files are made again.
  Built changed_by_hand = first;
  changed_by_hand.files["search/fr/d/12.js"] += " ";
  Built third = build(docs, changed_by_hand);
  CHECK(third.encoded_documents == 1);
  CHECK(third.made.count("search/fr/d/12.js") == 1);
  CHECK(third.files == first.files);
}

TEST_CASE("a memo of another program, or damaged, only costs encoding again") {
  auto docs = documents();
  Built first = build(docs, {});
  auto memo = FileMemo::parse(first.memo, "program-1");
  CHECK(memo.size() == docs.size());
  CHECK(FileMemo::parse(first.memo, "program-2").size() == 0);
  Built damaged = first;
  for (size_t at = damaged.memo.size() / 3; at < damaged.memo.size(); at += 101) damaged.memo[at] ^= 0x5A;
  Built rebuilt = build(docs, damaged);
  CHECK(rebuilt.encoded_documents > 0);
  CHECK(rebuilt.files == first.files);
}

TEST_CASE("a list of file summaries that is cut or changed is refused, never misread") {
  std::vector<FileSummary> files = {{"search/fr/d/1.js", 1234, 987654321, {}},
                                    {"search/fr/x/1-1.js", 99, 42, {"content/fr/a.md"}}};
  std::string bytes = encode_file_summaries(files);
  auto decoded = decode_file_summaries(bytes);
  REQUIRE(decoded);
  REQUIRE(decoded->size() == 2);
  CHECK((*decoded)[1].path == "search/fr/x/1-1.js");
  CHECK((*decoded)[1].size == 99);
  CHECK((*decoded)[1].hash == 42);
  CHECK((*decoded)[1].sources == std::vector<std::string>{"content/fr/a.md"});
  for (size_t size = 0; size < bytes.size(); ++size) {
    CAPTURE(size);
    CHECK_FALSE(decode_file_summaries(bytes.substr(0, size)));
  }
  CHECK_FALSE(decode_file_summaries(bytes + "x"));
}

}  // namespace file_memo_test
