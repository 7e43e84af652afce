#include "search/analyzer.h"

#include <libstemmer.h>
#include <utf8proc.h>

#include <algorithm>
#include <cstdlib>

#include "search/data.h"
#include "search/stop_words.h"

namespace passerelle::search {

namespace {

const auto* as_bytes(std::string_view text) {
  return reinterpret_cast<const utf8proc_uint8_t*>(text.data());
}

void append_code_point(std::string& out, utf8proc_int32_t code_point) {
  utf8proc_uint8_t buffer[4];
  auto length = utf8proc_encode_char(code_point, buffer);
  out.append(reinterpret_cast<const char*>(buffer), static_cast<size_t>(length));
}

/// Calls `visit(code_point)` for each code point of valid UTF-8 text; stops at invalid bytes.
template <typename Visit>
void for_each_code_point(std::string_view text, Visit visit) {
  size_t i = 0;
  while (i < text.size()) {
    utf8proc_int32_t code_point = 0;
    auto length = utf8proc_iterate(as_bytes(text) + i, static_cast<utf8proc_ssize_t>(text.size() - i),
                                   &code_point);
    if (length <= 0) return;
    visit(code_point);
    i += static_cast<size_t>(length);
  }
}

bool find_invalid(std::string_view text) {
  size_t i = 0;
  while (i < text.size()) {
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      ++i;
      continue;
    }
    utf8proc_int32_t c = 0;
    auto length = utf8proc_iterate(as_bytes(text) + i, static_cast<utf8proc_ssize_t>(text.size() - i), &c);
    if (length <= 0) return true;
    i += static_cast<size_t>(length);
  }
  return false;
}

bool is_word_character(utf8proc_int32_t code_point) {
  switch (utf8proc_category(code_point)) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
    case UTF8PROC_CATEGORY_ND: case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
      return true;
    default:
      return false;
  }
}

bool is_digit(utf8proc_int32_t code_point) {
  auto category = utf8proc_category(code_point);
  return category == UTF8PROC_CATEGORY_ND || category == UTF8PROC_CATEGORY_NL ||
         category == UTF8PROC_CATEGORY_NO;
}

bool is_latin_letter(utf8proc_int32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7);
}

bool is_arabic_letter(utf8proc_int32_t c) { return c >= 0x620 && c <= 0x6FF && !is_digit(c); }

/// Languages written in Arabic script whose Snowball stemmer libstemmer has.
bool writes_arabic_script(const std::string& base) { return base == "ar"; }

/// Whether every letter of the word is of the language's script: the words its stemmer knows
/// what to do with. An actor's Arabic name on a French page stays as it is, and so do numbers.
bool is_in_script(std::string_view word, bool arabic) {
  bool in_script = true;
  for_each_code_point(word, [&](utf8proc_int32_t c) {
    in_script = in_script && (arabic ? is_arabic_letter(c) : is_latin_letter(c));
  });
  return in_script;
}

}  // namespace

namespace {

/// Unicode's folding of a run of text (NFKC, case fold, marks and ignorables stripped).
std::string utf8proc_fold(std::string_view text) {
  utf8proc_uint8_t* mapped = nullptr;
  auto options = static_cast<utf8proc_option_t>(UTF8PROC_COMPOSE | UTF8PROC_COMPAT |
                                                UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK |
                                                UTF8PROC_IGNORE);
  auto length = utf8proc_map(as_bytes(text), static_cast<utf8proc_ssize_t>(text.size()), &mapped, options);
  if (length < 0) return std::string(text);
  std::string out(reinterpret_cast<const char*>(mapped), static_cast<size_t>(length));
  std::free(mapped);
  return out;
}

/// What Unicode leaves alone: ligatures French writes, apostrophes, the Arabic tatweel.
void append_folded(std::string& out, utf8proc_int32_t c) {
  switch (c) {
    case 0x0153: out += "oe"; break;                            // œ
    case 0x00E6: out += "ae"; break;                            // æ
    case 0x2019: case 0x2018: case 0x02BC: out += '\''; break;  // ’ ‘ ʼ
    case 0x0640: break;                                         // Arabic tatweel (elongation)
    case 0x0629: append_code_point(out, 0x0647); break;         // taa marbuta → haa (light10)
    case 0x0649: append_code_point(out, 0x064A); break;         // alef maqsura → yaa (light10)
    default: append_code_point(out, c);
  }
}

/// Latin letters with accents and Arabic letters fold one by one; anything else (Hangul,
/// for instance, which must be recomposed) goes through utf8proc_map as a run.
bool folds_alone(utf8proc_int32_t c) { return c < 0x250 || (c >= 0x600 && c < 0x700); }

}  // namespace

std::string fold(std::string_view text) {
  if (find_invalid(text)) return std::string(text);
  std::string out;
  out.reserve(text.size());
  std::string slow;  // a run of code points for utf8proc_map
  auto flush_slow = [&] {
    if (slow.empty()) return;
    for_each_code_point(utf8proc_fold(slow), [&](utf8proc_int32_t c) { append_folded(out, c); });
    slow.clear();
  };
  const auto options = static_cast<utf8proc_option_t>(UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD |
                                                      UTF8PROC_STRIPMARK | UTF8PROC_IGNORE);
  size_t i = 0;
  while (i < text.size()) {
    auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x80) {  // most of French and Italian text
      flush_slow();
      out += static_cast<char>(byte >= 'A' && byte <= 'Z' ? byte + 32 : byte);
      ++i;
      continue;
    }
    utf8proc_int32_t c = 0;
    auto length = utf8proc_iterate(as_bytes(text) + i, static_cast<utf8proc_ssize_t>(text.size() - i), &c);
    if (folds_alone(c)) {
      flush_slow();
      utf8proc_int32_t decomposed[8];
      int last_boundclass = 0;
      auto n = utf8proc_decompose_char(c, decomposed, 8, options, &last_boundclass);
      if (n < 0 || n > 8) {
        slow.append(text.substr(i, static_cast<size_t>(length)));
      } else {
        for (utf8proc_ssize_t k = 0; k < n; ++k) append_folded(out, decomposed[k]);
      }
    } else {
      slow.append(text.substr(i, static_cast<size_t>(length)));
    }
    i += static_cast<size_t>(length);
  }
  flush_slow();
  return out;
}

namespace {

bool starts_with(std::string_view word, std::string_view prefix) {
  return word.size() >= prefix.size() && word.compare(0, prefix.size(), prefix) == 0;
}

bool ends_with(std::string_view word, std::string_view suffix) {
  return word.size() >= suffix.size() && word.compare(word.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

bool is_arabic_word(std::string_view word) { return !word.empty() && is_in_script(word, true); }

std::string arabic_light_stem(std::string_view folded_word) {
  // Light10 (Larkey, Ballesteros and Connell, 2002): "and", the article with the prepositions
  // joined to it, then common suffixes, each once. fold() has already made the alef forms
  // plain alef, taa marbuta haa and alef maqsura yaa, so "ية" is written "يه" here.
  static const char* const kArticles[] = {"وال", "بال", "كال", "فال", "لل", "ال"};
  static const char* const kSuffixes[] = {"ها", "ان", "ات", "ون", "ين", "يه", "ه", "ي"};
  std::string word(folded_word);
  const std::string_view waw = "و";
  if (starts_with(word, waw) && code_points(word) - 1 >= 3) word.erase(0, waw.size());
  for (const char* article : kArticles) {
    std::string_view a = article;
    if (starts_with(word, a) && code_points(word) - code_points(a) >= 2) {
      word.erase(0, a.size());
      break;
    }
  }
  for (const char* suffix : kSuffixes) {
    std::string_view x = suffix;
    if (ends_with(word, x) && code_points(word) - code_points(x) >= 2) word.erase(word.size() - x.size());
  }
  return word;
}

size_t code_points(std::string_view text) {
  size_t count = 0;
  for (char c : text) count += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return count;
}

std::vector<std::string> split_words(std::string_view folded, const std::vector<std::string>& elisions) {
  std::vector<utf8proc_int32_t> points;
  for_each_code_point(folded, [&](utf8proc_int32_t c) { points.push_back(c); });
  std::vector<std::string> words;
  std::string word;
  size_t length = 0;
  bool digit = false;
  auto flush = [&] {
    if (length > 0 && length <= kMaxWordLength && (length >= 2 || digit)) words.push_back(word);
    word.clear();
    length = 0;
    digit = false;
  };
  for (size_t i = 0; i < points.size(); ++i) {
    utf8proc_int32_t c = points[i];
    if (is_word_character(c)) {
      append_code_point(word, c);
      ++length;
      digit = digit || is_digit(c);
      continue;
    }
    // "l'entreprise": the article before an apostrophe and a letter is not a word of its own.
    bool elided = c == '\'' && length > 0 && i + 1 < points.size() && is_word_character(points[i + 1]) &&
                  std::find(elisions.begin(), elisions.end(), word) != elisions.end();
    if (elided) {
      word.clear();
      length = 0;
      digit = false;
    } else {
      flush();
    }
  }
  flush();
  return words;
}

void Analyzer::StemmerDeleter::operator()(::sb_stemmer* stemmer) const { sb_stemmer_delete(stemmer); }

Analyzer::Analyzer(const std::string& language) : language_(language) {
  std::string base = base_language(language);
  // libstemmer knows languages by their ISO 639 code ("fr", "it"); null when it has none.
  stemmer_.reset(sb_stemmer_new(base.c_str(), "UTF_8"));
  arabic_script_ = writes_arabic_script(base);
  auto data = language_data_for(language);
  for (const auto& word : stop_words_for(language)) stop_words_.push_back(fold(word));
  for (const auto& word : data.stop) stop_words_.push_back(fold(word));
  for (const auto& word : data.splits) splits_.push_back(fold(word));
  // The longest beginning wins: "cooperativ" before a shorter "coop".
  std::sort(splits_.begin(), splits_.end(), [](const std::string& a, const std::string& b) {
    return a.size() != b.size() ? a.size() > b.size() : a < b;
  });
  for (const auto& family : data.families) {
    std::vector<std::string> folded;
    for (const auto& word : family) folded.push_back(fold(word));
    families_.push_back(std::move(folded));
  }
  for (const auto& word : elisions_for(language)) elisions_.push_back(fold(word));
  std::sort(stop_words_.begin(), stop_words_.end());
  stop_words_.erase(std::unique(stop_words_.begin(), stop_words_.end()), stop_words_.end());
  stop_set_.insert(stop_words_.begin(), stop_words_.end());
  std::sort(elisions_.begin(), elisions_.end());
}

Analyzer::~Analyzer() = default;
Analyzer::Analyzer(Analyzer&&) noexcept = default;
Analyzer& Analyzer::operator=(Analyzer&&) noexcept = default;

bool Analyzer::is_stop_word(std::string_view folded_word) const {
  return stop_set_.count(std::string(folded_word)) > 0;
}

std::string Analyzer::term(const std::string& folded_word) {
  if (is_arabic_word(folded_word)) return folded_word;  // analyze() light-stemmed it already
  for (const auto& split : splits_) {
    if (starts_with(folded_word, split)) return split;
  }
  if (!stemmer_ || !is_in_script(folded_word, arabic_script_)) return folded_word;
  // A text uses the same words again and again: each is stemmed once.
  if (auto known = terms_.find(folded_word); known != terms_.end()) return known->second;
  const sb_symbol* stem = sb_stemmer_stem(stemmer_.get(), reinterpret_cast<const sb_symbol*>(folded_word.data()),
                                          static_cast<int>(folded_word.size()));
  if (!stem) return folded_word;  // out of memory: the word itself still matches itself
  std::string result(reinterpret_cast<const char*>(stem), static_cast<size_t>(sb_stemmer_length(stemmer_.get())));
  if (result.empty()) result = folded_word;
  terms_.emplace(folded_word, result);
  return result;
}

std::vector<Token> Analyzer::analyze(std::string_view text) {
  std::vector<Token> tokens;
  for (auto& word : split_words(fold(text), elisions_)) {
    if (stop_set_.count(word)) continue;
    // Arabic words, on every site (an actor's Arabic name), are light-stemmed by the client
    // too: their stem is the form it looks up, so a clitic the site never wrote still matches.
    if (is_arabic_word(word)) word = arabic_light_stem(word);
    std::string stem = term(word);
    tokens.push_back({std::move(word), std::move(stem)});
  }
  return tokens;
}

}  // namespace passerelle::search
