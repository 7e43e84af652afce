#include "search/index.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <set>
#include <unordered_map>
#include <unordered_set>

namespace passerelle::search {

namespace {

bool is_sentence_end(std::string_view text, size_t i) {
  // A sentence ends at . ! ? or … followed by a space.
  if (i + 1 >= text.size() || text[i + 1] != ' ') return false;
  char c = text[i];
  if (c == '.' || c == '!' || c == '?') return true;
  return i >= 2 && text.substr(i - 2, 3) == "…";
}

std::vector<std::string_view> sentences(std::string_view text) {
  std::vector<std::string_view> out;
  size_t start = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (is_sentence_end(text, i)) {
      out.push_back(text.substr(start, i + 1 - start));
      start = i + 2;
    }
  }
  if (start < text.size()) out.push_back(text.substr(start));
  return out;
}

/// Pieces of one long sentence, cut between words.
std::vector<std::string> cut_words(std::string_view sentence, size_t max_chars) {
  std::vector<std::string> pieces;
  std::string piece;
  size_t start = 0;
  while (start <= sentence.size()) {
    size_t end = sentence.find(' ', start);
    if (end == std::string_view::npos) end = sentence.size();
    std::string_view word = sentence.substr(start, end - start);
    if (!piece.empty() && code_points(piece) + 1 + code_points(word) > max_chars) {
      pieces.push_back(piece);
      piece.clear();
    }
    if (!piece.empty()) piece += ' ';
    piece += word;
    start = end + 1;
  }
  if (!piece.empty()) pieces.push_back(piece);
  return pieces;
}

}  // namespace

std::vector<std::string> split_blocks(std::string_view text, size_t max_chars) {
  std::vector<std::string> blocks;
  std::string block;
  auto add = [&](const std::string& piece) {
    if (!block.empty() && code_points(block) + 1 + code_points(piece) > max_chars) {
      blocks.push_back(block);
      block.clear();
    }
    if (!block.empty()) block += ' ';
    block += piece;
  };
  for (auto sentence : sentences(text)) {
    if (code_points(sentence) <= max_chars) {
      add(std::string(sentence));
    } else {
      for (const auto& piece : cut_words(sentence, max_chars)) add(piece);
    }
  }
  if (!block.empty()) blocks.push_back(block);
  return blocks;
}

Index build_index(std::vector<Document> documents, Analyzer& analyzer, size_t block_chars) {
  Index index;
  index.language = analyzer.language();
  index.stop_words = analyzer.stop_words();
  index.elisions = analyzer.elisions();

  struct Counts {
    double frequency = 0;  // weighted by field
    bool in_title = false;
    bool in_text = false;  // seen in a long field: `block` is where
    uint32_t block = 0;
  };
  // Hash maps while counting (most of the work); the index itself is sorted.
  std::vector<std::unordered_map<std::string, Counts>> per_document;
  std::vector<double> lengths;
  std::unordered_map<std::string, std::string> form_terms;
  for (const auto& document : documents) {
    std::unordered_map<std::string, Counts> counts;
    double length = 0;
    // Each word is counted once, with its field's weight; a word of the long fields also
    // remembers the first block it is used in (0 for words only in short fields).
    auto count = [&](const std::string& text, Field field, std::optional<uint32_t> block) {
      for (auto& token : analyzer.analyze(text)) {
        auto [entry, added] = counts.try_emplace(token.term);
        auto& c = entry->second;
        if (block && (added || !c.in_text)) {
          c.block = *block;
          c.in_text = true;
        }
        c.frequency += field_weight(field);
        c.in_title = c.in_title || field == Field::kTitle;
        length += 1;
        form_terms.emplace(std::move(token.form), std::move(token.term));
      }
    };
    for (const auto& field : document.fields) count(field.text, field.field, std::nullopt);
    // Blocks are cut from each long field, and the end of one field shares a block with the
    // start of the next when they fit together (a short summary and the first lines).
    std::vector<std::string> blocks;
    std::string block;
    for (const auto& field : document.text) {
      for (auto& piece : split_blocks(field.text, block_chars)) {
        if (!block.empty() && code_points(block) + 1 + code_points(piece) > block_chars) {
          blocks.push_back(std::move(block));
          block.clear();
        }
        count(piece, field.field, static_cast<uint32_t>(blocks.size()));
        block += (block.empty() ? "" : " ") + piece;
      }
    }
    if (!block.empty()) blocks.push_back(std::move(block));
    index.blocks.push_back(std::move(blocks));
    per_document.push_back(std::move(counts));
    lengths.push_back(length);
  }

  std::unordered_map<std::string, TermEntry> terms;
  for (const auto& [form, term] : form_terms) terms[term].forms.insert(form);

  double n = static_cast<double>(documents.size());
  double average = 0;
  for (double length : lengths) average += length;
  average = documents.empty() ? 1 : std::max(1.0, average / n);
  for (const auto& counts : per_document) {
    for (const auto& [term, count] : counts) terms.at(term).postings.push_back({});  // one per document
  }
  struct Scored {
    TermEntry* entry;
    uint32_t document;
    double score;
    const Counts* counts;
  };
  std::vector<Scored> scored;
  double best = 0;
  for (uint32_t d = 0; d < per_document.size(); ++d) {
    double norm = 1 - kBm25B + kBm25B * lengths[d] / average;
    for (const auto& [term, count] : per_document[d]) {
      auto& entry = terms.at(term);
      double df = static_cast<double>(entry.postings.size());
      double idf = std::log(1 + (n - df + 0.5) / (df + 0.5));
      double tf = count.frequency;
      double score = idf * tf * (kBm25K1 + 1) / (tf + kBm25K1 * norm);
      best = std::max(best, score);
      scored.push_back({&entry, d, score, &count});
    }
  }
  for (auto& [term, entry] : terms) entry.postings.clear();
  for (const auto& s : scored) {  // by document, so postings come out sorted
    auto impact = static_cast<uint32_t>(std::lround(255 * s.score / (best > 0 ? best : 1)));
    s.entry->postings.push_back({s.document, std::clamp<uint32_t>(impact, 1, 255), s.counts->in_title, s.counts->block});
  }
  for (auto& [term, entry] : terms) index.terms.emplace(term, std::move(entry));

  // Endings stemming removed, for the client to recognise forms it has not seen: "imprese"
  // is stem "impres" + "e" even in a text that only says "impresa".
  if (analyzer.has_stemmer()) {
    std::map<std::string, int> endings;
    for (const auto& [form, term] : form_terms) {
      if (form.size() > term.size() && form.compare(0, term.size(), term) == 0) {
        std::string ending = form.substr(term.size());
        if (code_points(ending) <= 6) endings[ending]++;
      }
    }
    for (const auto& [ending, count] : endings) {
      if (count >= 2) index.suffixes.push_back(ending);
    }
  }
  // Families whose words the site uses under at least two terms: the client then also looks up
  // a query word's relatives ("former" finds the pages that say "formation").
  // A family word the site never writes, of a term it uses, teaches its ending: the client
  // then finds "risparmiare" (stem "risparm" + "iare") on a site that only says "risparmio".
  std::set<std::string> endings(index.suffixes.begin(), index.suffixes.end());
  for (const auto& family : analyzer.families()) {
    std::vector<std::pair<std::string, std::string>> members;
    for (const auto& word : family) {
      std::string term = analyzer.term(word);
      auto found = index.terms.find(term);
      if (found == index.terms.end()) continue;
      if (analyzer.has_stemmer() && word.size() > term.size() && word.compare(0, term.size(), term) == 0 &&
          !found->second.forms.count(word))
        endings.insert(word.substr(term.size()));
      bool known = std::any_of(members.begin(), members.end(), [&](const auto& m) { return m.first == term; });
      if (known) continue;
      const auto& forms = found->second.forms;
      members.emplace_back(term, forms.count(word) ? word : *forms.begin());
    }
    if (members.size() >= 2) index.families.push_back(std::move(members));
  }
  index.suffixes.assign(endings.begin(), endings.end());
  index.documents = std::move(documents);
  return index;
}

}  // namespace passerelle::search
