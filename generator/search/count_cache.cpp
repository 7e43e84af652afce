#include "search/count_cache.h"

#include <algorithm>
#include <functional>

#include "base/cache_file.h"
#include "base/key_hash.h"

namespace passerelle::search {

namespace {

// Raised whenever the file's layout or what a key covers changes.
constexpr std::string_view kCountsFormat = "passerelle-search-counts-4";

// The entry of the terms and forms: 32 characters that no KeyHash::hex() key can be.
constexpr std::string_view kTermsKey = "terms and forms of the language.";
static_assert(kTermsKey.size() == 32);

// A use's flags: in the title, in the text, and its frequency written as a double (it is a
// sum of whole field weights, written as a whole number, unless a weight is not whole).
constexpr uint64_t kInTitle = 1, kInText = 2, kRealFrequency = 4;

/// Whether `value` is a whole number that put_number() writes exactly.
bool is_whole(double value) {
  return value >= 0 && value < 4294967296.0 && value == static_cast<double>(static_cast<uint64_t>(value));
}

size_t common_prefix(std::string_view a, std::string_view b) {
  size_t n = 0;
  while (n < a.size() && n < b.size() && a[n] == b[n]) ++n;
  return n;
}

/// Sorted names, each written as what it shares with the one before and the rest.
void put_sorted(std::string& out, const std::vector<const std::string*>& names) {
  put_number(out, names.size());
  std::string_view before;
  for (const auto* name : names) {
    size_t shared = common_prefix(before, *name);
    put_number(out, shared);
    put_text(out, std::string_view(*name).substr(shared));
    before = *name;
  }
}

std::vector<std::string> read_sorted(ByteReader& in) {
  std::vector<std::string> names;
  for (size_t n = in.count(); n > 0 && in.ok; --n) {
    uint64_t shared = in.number();
    auto rest = in.text();
    if (names.empty() ? shared > 0 : shared > names.back().size()) in.ok = false;
    if (!in.ok) break;
    std::string name = names.empty() ? std::string() : names.back().substr(0, shared);
    name += rest;
    names.push_back(std::move(name));
  }
  return names;
}

/// The terms entry: the terms, then each form as its term's number and its own text.
std::optional<LanguageTerms> decode_terms(std::string_view bytes) {
  ByteReader in{bytes};
  auto names = read_sorted(in);
  std::vector<uint32_t> form_terms;
  for (size_t n = in.count(); n > 0 && in.ok; --n) form_terms.push_back(static_cast<uint32_t>(in.number()));
  auto forms = read_sorted(in);
  if (!in.ok || in.at != bytes.size()) return std::nullopt;
  return LanguageTerms::sorted(std::move(names), std::move(forms), std::move(form_terms));
}

/// What a document's entry names its terms entry by: a file rewritten by another build (which
/// numbers its terms anew) while this one appends to it leaves entries that are not read as
/// numbers of the new terms.
uint64_t table_id(std::string_view terms_entry) { return std::hash<std::string_view>{}(terms_entry); }

}  // namespace

std::string count_key(const Document& document, const std::string& language, size_t block_chars) {
  KeyHash key;
  key.add(language).add(static_cast<int64_t>(block_chars));
  for (const auto* fields : {&document.fields, &document.text}) {
    key.add(static_cast<int64_t>(fields->size()));
    for (const auto& field : *fields) key.add(static_cast<int64_t>(field.field)).add(field.text);
  }
  return key.hex();
}

std::string encode_counted(const CountedDocument& counted) {
  std::string out;
  put_raw(out, counted.length);
  put_number(out, counted.uses.size());
  for (const auto& use : counted.uses) {
    bool whole = is_whole(use.frequency);
    put_number(out, (use.in_title ? kInTitle : 0) | (use.in_text ? kInText : 0) |
                        (whole ? 0 : kRealFrequency));
    put_number(out, use.term);
    put_number(out, use.block);
    if (whole) put_number(out, static_cast<uint64_t>(use.frequency));
    else put_raw(out, use.frequency);
  }
  put_number(out, counted.forms.size());
  for (uint32_t form : counted.forms) put_number(out, form);
  return out;
}

std::optional<CountedDocument> decode_counted(std::string_view bytes, size_t term_count, size_t form_count) {
  ByteReader in{bytes};
  CountedDocument counted;
  counted.numbered = true;
  counted.length = in.raw<double>();
  for (size_t n = in.count(); n > 0 && in.ok; --n) {
    TermUse use;
    uint64_t flags = in.number();
    use.in_title = flags & kInTitle;
    use.in_text = flags & kInText;
    uint64_t term = in.number();
    use.block = static_cast<uint32_t>(in.number());
    use.frequency = flags & kRealFrequency ? in.raw<double>() : static_cast<double>(in.number());
    if (term >= term_count) in.ok = false;
    use.term = static_cast<uint32_t>(term);
    counted.uses.push_back(use);
  }
  for (size_t n = in.count(); n > 0 && in.ok; --n) {
    uint64_t form = in.number();
    if (form >= form_count) in.ok = false;
    counted.forms.push_back(static_cast<uint32_t>(form));
  }
  if (!in.ok || in.at != bytes.size()) return std::nullopt;
  return counted;
}

CountCache CountCache::of(CacheEntries entries) {
  CountCache cache;
  const std::string_view* terms_entry = entries.find(kTermsKey);
  auto terms = terms_entry ? decode_terms(*terms_entry) : std::nullopt;
  if (!terms) return cache;  // the documents' numbers mean nothing without it
  cache.table_id_ = table_id(*terms_entry);
  cache.term_count_ = terms->term_count();
  cache.form_count_ = terms->form_count();
  cache.terms_ = std::move(*terms);
  cache.entries_ = std::move(entries);
  cache.has_terms_ = true;
  return cache;
}

CountCache CountCache::parse(std::string bytes, std::string_view stamp) {
  return of(CacheEntries::parse(std::move(bytes), cache_header(kCountsFormat, stamp)));
}

CountCache CountCache::read(const std::string& path, std::string_view stamp) {
  return of(CacheEntries::read(path, cache_header(kCountsFormat, stamp)));
}

std::optional<std::string_view> CountCache::entry(std::string_view key) const {
  const std::string_view* found = has_terms_ ? entries_.find(key) : nullptr;
  if (!found) return std::nullopt;
  return *found;
}

std::optional<CountedDocument> CountCache::find(std::string_view key) const {
  auto bytes = entry(key);
  if (!bytes) return std::nullopt;
  ByteReader in{*bytes};
  if (in.raw<uint64_t>() != table_id_ || !in.ok) return std::nullopt;  // numbered for other terms
  return decode_counted(bytes->substr(in.at), term_count_, form_count_);
}

std::string CountCache::appended(const std::vector<std::string>& keys,
                                 const std::vector<const CountedDocument*>& documents) const {
  std::string out;
  for (size_t i = 0; i < keys.size(); ++i) {
    std::string entry;
    put_raw(entry, table_id_);
    entry += encode_counted(*documents[i]);
    put_cache_entry(out, keys[i], entry);
  }
  return out;
}

std::string encode_cache(std::string_view stamp, const LanguageTerms& terms,
                         const std::vector<std::string>& keys,
                         const std::vector<std::vector<TermUse>>& uses,
                         const std::vector<std::vector<uint32_t>>& forms,
                         const std::vector<double>& lengths) {
  // The terms and forms the documents use, sorted, and their new numbers.
  constexpr uint32_t kUnused = UINT32_MAX;
  std::vector<uint32_t> term_number(terms.term_count(), kUnused), form_number(terms.form_count(), kUnused);
  for (const auto& document : uses) {
    for (const auto& use : document) term_number[use.term] = 0;
  }
  for (const auto& document : forms) {
    for (uint32_t form : document) {
      form_number[form] = 0;
      term_number[terms.form_term(form)] = 0;
    }
  }
  // The first ones (the last cache's) are sorted already: only those added are sorted, then
  // merged in.
  auto sorted = [](size_t count, size_t sorted_count, std::vector<uint32_t>& numbers, auto text_of) {
    std::vector<uint32_t> used;
    size_t sorted_used = 0;
    for (uint32_t i = 0; i < count; ++i) {
      if (numbers[i] == kUnused) continue;
      used.push_back(i);
      if (i < sorted_count) sorted_used = used.size();
    }
    auto by_text = [&](uint32_t a, uint32_t b) { return text_of(a) < text_of(b); };
    auto middle = used.begin() + static_cast<std::ptrdiff_t>(sorted_used);
    std::sort(middle, used.end(), by_text);
    std::inplace_merge(used.begin(), middle, used.end(), by_text);
    std::vector<const std::string*> texts;
    for (uint32_t n = 0; n < used.size(); ++n) {
      numbers[used[n]] = n;
      texts.push_back(&text_of(used[n]));
    }
    return std::make_pair(used, texts);
  };
  auto [used_terms, term_texts] = sorted(terms.term_count(), terms.sorted_terms(), term_number,
                                         [&](uint32_t t) -> const std::string& { return terms.name(t); });
  auto [used_forms, form_texts] = sorted(terms.form_count(), terms.sorted_forms(), form_number,
                                         [&](uint32_t f) -> const std::string& { return terms.form_text(f); });
  std::string table;
  put_sorted(table, term_texts);
  put_number(table, used_forms.size());
  for (uint32_t form : used_forms) put_number(table, term_number[terms.form_term(form)]);
  put_sorted(table, form_texts);

  std::string out = cache_header(kCountsFormat, stamp);
  put_cache_entry(out, kTermsKey, table);
  uint64_t id = table_id(table);
  for (size_t d = 0; d < keys.size(); ++d) {
    CountedDocument counted;
    counted.length = lengths[d];
    counted.uses = uses[d];
    for (auto& use : counted.uses) use.term = term_number[use.term];
    for (uint32_t form : forms[d]) counted.forms.push_back(form_number[form]);
    std::string entry;
    put_raw(entry, id);
    entry += encode_counted(counted);
    put_cache_entry(out, keys[d], entry);
  }
  return out;
}

}  // namespace passerelle::search
