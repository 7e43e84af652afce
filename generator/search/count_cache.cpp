#include "search/count_cache.h"

#include <cstring>
#include <functional>

#include "base/key_hash.h"

namespace passerelle::search {

namespace {

// Raised whenever the file's layout or what a key covers changes.
constexpr std::string_view kFormat = "passerelle-search-counts-1 ";
constexpr size_t kKeyLength = 32;  // KeyHash::hex()

/// What an entry's bytes are checked against: a damaged entry could otherwise read as
/// another document's counts. Only this program reads its files, so std::hash will do.
uint64_t checksum_of(std::string_view bytes) { return std::hash<std::string_view>{}(bytes); }

void put_number(std::string& out, uint64_t value) {
  do {
    unsigned char byte = value & 0x7F;
    value >>= 7;
    out += static_cast<char>(value ? byte | 0x80 : byte);
  } while (value);
}

void put_text(std::string& out, std::string_view text) {
  put_number(out, text.size());
  out += text;
}

/// `value` byte for byte: a double exactly as the scores are computed from it, a checksum.
template <typename T>
void put_raw(std::string& out, T value) {
  char bytes[sizeof value];
  std::memcpy(bytes, &value, sizeof value);
  out.append(bytes, sizeof bytes);
}

/// Reads what the put_ functions wrote; once anything is out of bounds, `ok` is false and
/// every read gives zero or nothing.
struct Reader {
  std::string_view bytes;
  size_t at = 0;
  bool ok = true;

  uint64_t number() {
    uint64_t value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (at >= bytes.size()) break;
      auto byte = static_cast<unsigned char>(bytes[at++]);
      value |= static_cast<uint64_t>(byte & 0x7F) << shift;
      if (!(byte & 0x80)) return value;
    }
    ok = false;
    return 0;
  }
  std::string_view text() {
    uint64_t size = number();
    if (!ok || size > bytes.size() - at) {
      ok = false;
      return {};
    }
    auto text = bytes.substr(at, size);
    at += size;
    return text;
  }
  /// A value written byte for byte (put_raw).
  template <typename T>
  T raw() {
    T value{};
    if (bytes.size() - at < sizeof value) {
      ok = false;
      return value;
    }
    std::memcpy(&value, bytes.data() + at, sizeof value);
    at += sizeof value;
    return value;
  }
  /// A count of items of at least one byte each: never more than the bytes left.
  size_t count() {
    uint64_t n = number();
    if (n > bytes.size() - at) ok = false;
    return ok ? n : 0;
  }
};

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
  Reader in{bytes};
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
  std::string header = std::string(kFormat) + std::string(stamp) + "\n";
  if (bytes.compare(0, header.size(), header) != 0) return cache;
  cache.bytes_ = std::make_shared<const std::string>(std::move(bytes));
  std::string_view all = *cache.bytes_;
  Reader in{all, header.size()};
  while (in.at < all.size()) {
    auto key = all.substr(in.at, kKeyLength);
    in.at += key.size();
    auto checksum = in.raw<uint64_t>();
    auto entry = in.text();
    if (!in.ok) break;  // a cut file: the entries before the cut are whole
    cache.entries_.emplace(key, Entry{entry, checksum});
  }
  return cache;
}

std::optional<std::string_view> CountCache::find(std::string_view key) const {
  auto found = entries_.find(key);
  if (found == entries_.end() || checksum_of(found->second.bytes) != found->second.checksum) {
    return std::nullopt;
  }
  return found->second.bytes;
}

void add_to_cache(CountCaching& caching, std::string_view key, std::string_view encoded) {
  if (caching.next.empty()) caching.next = std::string(kFormat) + caching.stamp + "\n";
  caching.next += key;
  put_raw(caching.next, checksum_of(encoded));
  put_text(caching.next, encoded);
}

}  // namespace passerelle::search
