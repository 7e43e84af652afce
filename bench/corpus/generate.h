// Writes a complete synthetic Passerelle site: site.toml and the vocabulary taken from the
// repository, N bilingual guidelines and M actor records, all drawn from a seed.
#pragma once

#include <cstdint>
#include <string>

namespace corpus {

struct CorpusOptions {
  uint64_t seed = 1;
  int guidelines = 0;      // per language
  int actors = 0;
  std::string repository;  // where site.toml and directory-data/vocabulary.toml are read
  std::string out;         // the site folder to write
};

/// Writes the corpus; returns an error message, empty on success. `out` must be absent, empty,
/// or a corpus written before by this tool (it is then replaced).
std::string generate_corpus(const CorpusOptions& options);

/// "YYYY-MM-DD" of `days` after 1970-01-01.
std::string date_from_days(int64_t days);
/// Days from 1970-01-01 to the given date.
int64_t days_from_date(int year, int month, int day);

/// A TOML basic string literal, with its quotes.
std::string toml_string(const std::string& text);

}  // namespace corpus
