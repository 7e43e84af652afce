#include "search/count_cache.h"

#include <functional>

#include "base/cache_file.h"
#include "base/key_hash.h"

namespace passerelle::search {

namespace {

// Raised whenever the file's layout or what a key covers changes.
constexpr std::string_view kFormat = "passerelle-search-counts-2";

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
  put_number(out, counted.terms.names.size());
  for (const auto& name : counted.terms.names) put_text(out, name);
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
  // A form is mostly its term and an ending ("formations": "format" + "ions").
  put_number(out, counted.terms.form_terms.size());
  for (const auto& [form, term] : counted.terms.form_terms) {
    put_number(out, counted.terms.numbers.at(term));
    size_t shared = common_prefix(form, term);
    put_number(out, shared);
    put_text(out, std::string_view(form).substr(shared));
  }
  return out;
}

std::optional<CountedDocument> decode_counted(std::string_view bytes) {
  ByteReader in{bytes};
  CountedDocument counted;
  counted.length = in.raw<double>();
  for (size_t n = in.count(); n > 0 && in.ok; --n) counted.terms.names.emplace_back(in.text());
  const auto& names = counted.terms.names;
  for (size_t n = in.count(); n > 0 && in.ok; --n) {
    TermUse use;
    uint64_t flags = in.number();
    use.in_title = flags & kInTitle;
    use.in_text = flags & kInText;
    use.term = static_cast<uint32_t>(in.number());
    use.block = static_cast<uint32_t>(in.number());
    use.frequency = flags & kRealFrequency ? in.raw<double>() : static_cast<double>(in.number());
    if (use.term >= names.size()) in.ok = false;
    counted.uses.push_back(use);
  }
  for (size_t n = in.count(); n > 0 && in.ok; --n) {
    uint64_t term = in.number();
    uint64_t shared = in.number();
    auto ending = in.text();
    if (term >= names.size() || shared > names[term].size()) in.ok = false;
    if (!in.ok) break;
    counted.terms.form_terms.emplace(names[term].substr(0, shared) + std::string(ending), names[term]);
  }
  if (!in.ok || in.at != bytes.size()) return std::nullopt;
  return counted;
}

CountCache CountCache::parse(std::string bytes, std::string_view stamp) {
  CountCache cache;
  cache.entries_ = CacheEntries::parse(std::move(bytes), cache_header(kFormat, stamp));
  return cache;
}

CountCache CountCache::read(const std::string& path, std::string_view stamp) {
  CountCache cache;
  cache.entries_ = CacheEntries::read(path, cache_header(kFormat, stamp));
  return cache;
}

std::optional<std::string_view> CountCache::find(std::string_view key) const {
  const std::string_view* found = entries_.find(key);
  if (!found) return std::nullopt;
  return *found;
}

void add_to_cache(CountCaching& caching, std::string_view key, std::string_view encoded) {
  if (caching.next.empty()) caching.next = cache_header(kFormat, caching.stamp);
  put_cache_entry(caching.next, key, encoded);
}

}  // namespace passerelle::search
