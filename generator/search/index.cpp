#include "search/index.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <optional>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "base/parallel.h"
#include "search/count_cache.h"
#include "search/counting.h"

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

namespace {

/// The text blocks of `document`'s long fields, each piece handed to `piece_cut` as it is cut,
/// with its field and the number of its block. Blocks are cut from each long field, and the end of one
/// field shares a block with the start of the next when they fit together (a short summary
/// and the first lines).
std::vector<std::string> text_blocks(
    const Document& document, size_t block_chars,
    const std::function<void(const std::string& piece, Field field, uint32_t block)>& piece_cut) {
  std::vector<std::string> blocks;
  std::string block;
  for (const auto& field : document.text) {
    for (auto& piece : split_blocks(field.text, block_chars)) {
      if (!block.empty() && code_points(block) + 1 + code_points(piece) > block_chars) {
        blocks.push_back(std::move(block));
        block.clear();
      }
      piece_cut(piece, field.field, static_cast<uint32_t>(blocks.size()));
      block += (block.empty() ? "" : " ") + piece;
    }
  }
  if (!block.empty()) blocks.push_back(std::move(block));
  return blocks;
}

/// Counts each word of `document` once, with its field's weight; a word of the long fields
/// also remembers the first block it is used in.
CountedDocument count_document(const Document& document, Analyzer& analyzer, size_t block_chars) {
  CountedDocument counted;
  Terms& terms = counted.terms;
  std::unordered_map<uint32_t, size_t> place;  // term → index in counted.uses
  auto count = [&](const std::string& text, Field field, std::optional<uint32_t> block) {
    for (auto& token : analyzer.analyze(text)) {
      uint32_t term = terms.number(token.term);
      auto [found, added] = place.try_emplace(term, counted.uses.size());
      if (added) counted.uses.push_back({term});
      auto& use = counted.uses[found->second];
      if (block && (added || !use.in_text)) {
        use.block = *block;
        use.in_text = true;
      }
      use.frequency += field_weight(field);
      use.in_title = use.in_title || field == Field::kTitle;
      counted.length += 1;
      terms.form_terms.emplace(std::move(token.form), std::move(token.term));
    }
  };
  for (const auto& field : document.fields) count(field.text, field.field, std::nullopt);
  counted.blocks = text_blocks(document, block_chars, [&](const std::string& piece, Field field, uint32_t block) {
    count(piece, field, block);
  });
  counted.uses.shrink_to_fit();
  return counted;
}

/// Gives `counted`'s uses and word forms the language's numbers, numbering those new to it.
void number_for_language(CountedDocument& counted, LanguageTerms& terms) {
  std::vector<uint32_t> numbers;
  numbers.reserve(counted.terms.names.size());
  for (const auto& name : counted.terms.names) numbers.push_back(terms.term(name));
  for (auto& use : counted.uses) use.term = numbers[use.term];
  counted.forms.reserve(counted.terms.form_terms.size());
  for (const auto& [form, term] : counted.terms.form_terms) {
    counted.forms.push_back(terms.form(form, numbers[counted.terms.numbers.at(term)]));
  }
  counted.terms = {};
  counted.numbered = true;
}

/// The counts of `document`: from `caching`'s last build when it has them (numbered for the
/// language), else counted (then `counted_anew` is set).
CountedDocument counts_of(const Document& document, Analyzer& analyzer, size_t block_chars,
                          const CountCaching* caching, const std::string& key, bool& counted_anew) {
  counted_anew = false;
  if (caching) {
    if (auto cached = caching->previous.find(key)) {
      // The cache leaves the text out (it is most of a document): the document keeps it, and
      // its blocks are cut only if its files are made again (document_blocks()).
      cached->blocks_cut = false;
      return std::move(*cached);
    }
  }
  counted_anew = true;
  return count_document(document, analyzer, block_chars);
}

/// Counts every document on the machine's cores, a slice at a time (so that only a slice's
/// words are held as strings), and hands each to `take` in document order. Once counted, a
/// document's fields are dropped: its blocks hold the text. With `caching`, a document the
/// last build counted is taken from its cache.
void count_documents(std::vector<Document>& documents, Analyzer& analyzer, size_t block_chars,
                     CountCaching* caching, const std::function<void(CountedDocument)>& take) {
  constexpr size_t kSlice = 256;
  size_t workers = std::min(worker_count(), std::max<size_t>(1, documents.size() / kSlice));
  std::vector<Analyzer> helpers;  // libstemmer's stemmers are not thread-safe: one each
  for (size_t worker = 1; worker < workers; ++worker) helpers.emplace_back(analyzer.language());
  for (size_t first = 0; first < documents.size(); first += kSlice) {
    size_t end = std::min(documents.size(), first + kSlice);
    std::vector<CountedDocument> slice(end - first);
    std::vector<std::string> keys(slice.size());
    std::vector<char> anew(slice.size(), 0);
    for_each_index(slice.size(), workers, [&](size_t worker, size_t i) {
      Document& document = documents[first + i];
      if (caching) keys[i] = count_key(document, analyzer.language(), block_chars);
      bool counted_anew = false;
      slice[i] = counts_of(document, worker == 0 ? analyzer : helpers[worker - 1], block_chars,
                           caching, keys[i], counted_anew);
      anew[i] = counted_anew;
      document.fields = {};
      if (slice[i].blocks_cut) document.text = {};  // its blocks hold it
    });
    for (size_t i = 0; i < slice.size(); ++i) {
      if (caching) {
        caching->counted += anew[i];
        slice[i].key = std::move(keys[i]);
      }
      take(std::move(slice[i]));
    }
  }
  // A document gone since the last build also changes the cache.
  if (caching) caching->changed = caching->counted > 0 || caching->previous.size() != documents.size();
}

/// Hands the next cache to `caching`: the entries of the documents counted anew, when the
/// file can take them (their terms all in it), else the whole file.
void save_counts(CountCaching& caching, const LanguageTerms& terms, const std::vector<std::string>& keys,
                 const std::vector<std::vector<TermUse>>& uses, const std::vector<std::vector<uint32_t>>& forms,
                 const std::vector<double>& lengths, const std::vector<size_t>& counted_anew) {
  const CountCache& previous = caching.previous;
  bool same_terms = terms.term_count() == previous.term_count() && terms.form_count() == previous.form_count();
  if (caching.changed && caching.append && same_terms && previous.appendable(keys.size())) {
    std::vector<std::string> new_keys;
    std::vector<CountedDocument> documents(counted_anew.size());
    std::vector<const CountedDocument*> pointers;
    for (size_t i = 0; i < counted_anew.size(); ++i) {
      size_t d = counted_anew[i];
      new_keys.push_back(keys[d]);
      documents[i].uses = uses[d];
      documents[i].forms = forms[d];
      documents[i].length = lengths[d];
      pointers.push_back(&documents[i]);
    }
    if (!new_keys.empty()) caching.append(previous.appended(new_keys, pointers));
  } else if (caching.changed || !caching.save) {
    caching.next = encode_cache(caching.stamp, terms, keys, uses, forms, lengths);
    if (caching.save && caching.changed) caching.save(std::move(caching.next));
  }
  if (caching.save) {
    caching.previous = {};
    caching.next = {};
  }
}

}  // namespace

std::vector<std::string> document_blocks(const Index& index, size_t d) {
  if (!index.blocks[d].empty() || index.documents[d].text.empty()) return index.blocks[d];
  return text_blocks(index.documents[d], index.block_chars, [](const std::string&, Field, uint32_t) {});
}

Index build_index(std::vector<Document> documents, Analyzer& analyzer, size_t block_chars,
                  CountCaching* caching) {
  Index index;
  index.language = analyzer.language();
  index.block_chars = block_chars;
  index.stop_words = analyzer.stop_words();
  index.elisions = analyzer.elisions();

  LanguageTerms terms = caching ? caching->previous.take_terms() : LanguageTerms{};
  std::vector<std::vector<TermUse>> per_document;
  std::vector<std::vector<uint32_t>> forms;  // each document's word forms
  std::vector<double> lengths;
  std::vector<size_t> counted_anew;  // documents not found in the cache
  count_documents(documents, analyzer, block_chars, caching, [&](CountedDocument counted) {
    if (!counted.numbered) {
      number_for_language(counted, terms);
      counted_anew.push_back(per_document.size());
    }
    index.blocks.push_back(std::move(counted.blocks));
    if (caching) index.text_keys.push_back(std::move(counted.key));
    per_document.push_back(std::move(counted.uses));
    forms.push_back(std::move(counted.forms));
    lengths.push_back(counted.length);
  });
  if (caching) save_counts(*caching, terms, index.text_keys, per_document, forms, lengths, counted_anew);
  // The forms the documents use (a cache's terms may hold others, of documents gone since).
  std::vector<char> form_used(terms.form_count(), 0);
  for (const auto& document : forms) {
    for (uint32_t form : document) form_used[form] = 1;
  }
  forms = {};
  std::vector<TermEntry> entries(terms.term_count());
  for (uint32_t form = 0; form < form_used.size(); ++form) {
    if (form_used[form]) entries[terms.form_term(form)].forms.insert(terms.form_text(form));
  }
  std::vector<uint32_t> document_frequency(terms.term_count(), 0);
  for (const auto& uses : per_document) {
    for (const auto& use : uses) document_frequency[use.term]++;
  }

  double n = static_cast<double>(documents.size());
  double average = 0;
  for (double length : lengths) average += length;
  average = documents.empty() ? 1 : std::max(1.0, average / n);
  auto score = [&](uint32_t d, const TermUse& use) {
    double norm = 1 - kBm25B + kBm25B * lengths[d] / average;
    double df = static_cast<double>(document_frequency[use.term]);
    double idf = std::log(1 + (n - df + 0.5) / (df + 0.5));
    double tf = use.frequency;
    return idf * tf * (kBm25K1 + 1) / (tf + kBm25K1 * norm);
  };
  // Impacts are scores scaled to the best one: a first pass finds it, a second scores again.
  double best = 0;
  for (uint32_t d = 0; d < per_document.size(); ++d) {
    for (const auto& use : per_document[d]) best = std::max(best, score(d, use));
  }
  for (uint32_t t = 0; t < entries.size(); ++t) entries[t].postings.reserve(document_frequency[t]);
  for (uint32_t d = 0; d < per_document.size(); ++d) {  // by document, so postings come out sorted
    for (const auto& use : per_document[d]) {
      auto impact = static_cast<uint32_t>(std::lround(255 * score(d, use) / (best > 0 ? best : 1)));
      entries[use.term].postings.push_back({d, std::clamp<uint32_t>(impact, 1, 255), use.in_title, use.block});
    }
    per_document[d] = {};
  }
  for (uint32_t t = 0; t < entries.size(); ++t) {
    if (document_frequency[t] > 0) index.terms.emplace(terms.name(t), std::move(entries[t]));
  }

  // Endings stemming removed, for the client to recognise forms it has not seen: "imprese"
  // is stem "impres" + "e" even in a text that only says "impresa".
  if (analyzer.has_stemmer()) {
    std::map<std::string, int> endings;
    for (uint32_t f = 0; f < form_used.size(); ++f) {
      if (!form_used[f]) continue;
      const std::string& form = terms.form_text(f);
      const std::string& term = terms.name(terms.form_term(f));
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
