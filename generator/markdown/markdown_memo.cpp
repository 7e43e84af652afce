#include "markdown/markdown_memo.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <filesystem>

#include "base/filesystem.h"
#include "base/key_hash.h"

namespace passerelle {

namespace {

// Raised whenever what a key covers or how an entry is written changes.
constexpr std::string_view kFormat = "passerelle-markdown-1";

/// Everything a render reads besides the answers of its resolver.
std::string render_key(const MarkdownSource& source, const MarkdownOptions& options) {
  KeyHash key;
  key.add(kFormat).add(source.text).add(source.path).add(int64_t{source.first_line})
      .add(int64_t{source.first_column});
  key.add_flag(options.allow_raw_html)
      .add(std::vector<std::string>(options.reserved_ids.begin(), options.reserved_ids.end()))
      .add_flag(options.french_spacing).add(options.id_prefix).add(int64_t{options.heading_shift})
      .add_flag(options.responsive_pictures).add_flag(options.figures)
      .add_flag(options.footnotes).add_flag(options.footnotes_at_foot_of_page);
  const MarkdownLabels& labels = options.labels;
  key.add(labels.notes).add(labels.back_to_text).add(labels.back_to_reference).add(labels.note)
      .add(labels.tip).add(labels.important).add(labels.warning).add(labels.caution);
  return key.hex();
}

bool same(const LinkResolution& a, const LinkResolution& b) {
  return a.href == b.href && a.error == b.error && a.target == b.target &&
         a.fragment == b.fragment && a.note == b.note && a.picture.width == b.picture.width &&
         a.picture.height == b.picture.height && a.picture.srcset == b.picture.srcset &&
         a.picture.webp_srcset == b.picture.webp_srcset;
}

void put_location(std::string& out, const SourceLocation& location) {
  put_text(out, location.path);
  put_number(out, static_cast<uint64_t>(location.line));
  put_number(out, static_cast<uint64_t>(location.column));
}

SourceLocation read_location(ByteReader& in) {
  SourceLocation location{std::string(in.text())};
  location.line = static_cast<int>(in.number());
  location.column = static_cast<int>(in.number());
  return location;
}

/// A count, then each item as `put` writes it.
template <typename List, typename Put>
void put_list(std::string& out, const List& items, Put put) {
  put_number(out, items.size());
  for (const auto& item : items) put(item);
}

template <typename T>
std::string encode_entry(const T& entry) {
  const RenderedMarkdown& r = entry.rendered;
  std::string out;
  put_text(out, r.html);
  put_text(out, r.plain_text);
  put_number(out, r.single_paragraph ? 1 : 0);
  put_list(out, r.headings, [&](const Heading& h) {
    put_number(out, static_cast<uint64_t>(h.level));
    put_text(out, h.id);
    put_text(out, h.text);
  });
  put_list(out, r.fragment_references, [&](const FragmentReference& f) {
    put_text(out, f.target);
    put_text(out, f.fragment);
    put_location(out, f.location);
  });
  put_list(out, r.link_places, [&](const LinkPlace& place) {
    put_text(out, place.href);
    put_location(out, place.location);
  });
  put_list(out, r.downloads, [&](const DownloadLink& d) {
    for (const auto* text : {&d.text, &d.target, &d.note}) put_text(out, *text);
  });
  put_list(out, entry.links, [&](const auto& link) {
    const auto& [href, answer] = link;
    put_text(out, href);
    for (const auto* text : {&answer.href, &answer.error, &answer.target, &answer.fragment, &answer.note}) {
      put_text(out, *text);
    }
    put_number(out, static_cast<uint64_t>(answer.picture.width));
    put_number(out, static_cast<uint64_t>(answer.picture.height));
    put_text(out, answer.picture.srcset);
    put_text(out, answer.picture.webp_srcset);
  });
  return out;
}

/// What encode_entry() wrote; false for bytes that are not such an entry.
template <typename T>
bool decode_entry(std::string_view bytes, T& entry) {
  ByteReader in{bytes};
  RenderedMarkdown& r = entry.rendered;
  r.html = in.text();
  r.plain_text = in.text();
  r.single_paragraph = in.number() == 1;
  for (size_t n = in.count(); n > 0 && in.ok; --n) {
    Heading h;
    h.level = static_cast<int>(in.number());
    h.id = in.text();
    h.text = in.text();
    r.headings.push_back(std::move(h));
  }
  for (size_t n = in.count(); n > 0 && in.ok; --n) {
    FragmentReference f;
    f.target = in.text();
    f.fragment = in.text();
    f.location = read_location(in);
    r.fragment_references.push_back(std::move(f));
  }
  for (size_t n = in.count(); n > 0 && in.ok; --n) {
    LinkPlace place;
    place.href = in.text();
    place.location = read_location(in);
    r.link_places.push_back(std::move(place));
  }
  for (size_t n = in.count(); n > 0 && in.ok; --n) {
    DownloadLink d;
    d.text = in.text();
    d.target = in.text();
    d.note = in.text();
    r.downloads.push_back(std::move(d));
  }
  for (size_t n = in.count(); n > 0 && in.ok; --n) {
    std::string href(in.text());
    LinkResolution answer;
    for (auto* text : {&answer.href, &answer.error, &answer.target, &answer.fragment, &answer.note}) {
      *text = in.text();
    }
    answer.picture.width = static_cast<int>(in.number());
    answer.picture.height = static_cast<int>(in.number());
    answer.picture.srcset = in.text();
    answer.picture.webp_srcset = in.text();
    entry.links.emplace_back(std::move(href), std::move(answer));
  }
  return in.ok && in.at == bytes.size();
}

/// Writes all of `bytes` (one call for an entry, so that two builds adding to one file at
/// once do not interleave inside an entry); false when it could not.
bool write_all(int descriptor, std::string_view bytes) {
  while (!bytes.empty()) {
    ssize_t n = ::write(descriptor, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    bytes.remove_prefix(static_cast<size_t>(n));
  }
  return true;
}

}  // namespace

std::unique_ptr<MarkdownMemo> MarkdownMemo::open_file(const std::string& path,
                                                      const std::string& stamp) {
  auto memo = std::make_unique<MarkdownMemo>();
  memo->path_ = path;
  memo->header_ = cache_header(kFormat, stamp);
  memo->stored_ = CacheEntries::read(path, memo->header_);
  if (memo->stored_->whole()) {
    memo->written_path_ = path;
    memo->descriptor_ = ::open(path.c_str(), O_WRONLY | O_APPEND | O_CLOEXEC);
  } else {
    // Nothing usable: a new file, which replaces the old one when the build succeeds.
    std::error_code ignored;
    std::filesystem::create_directories(std::filesystem::path(path).parent_path(), ignored);
    memo->rewriting_ = true;
    memo->written_path_ = path + ".tmp" + std::to_string(::getpid());
    memo->descriptor_ = ::open(memo->written_path_.c_str(),
                               O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (memo->descriptor_ >= 0 && !write_all(memo->descriptor_, memo->header_)) memo->write_failed_ = true;
  }
  return memo;
}

MarkdownMemo::~MarkdownMemo() {
  if (descriptor_ >= 0) ::close(descriptor_);
  if (rewriting_ && !written_path_.empty()) ::unlink(written_path_.c_str());  // not saved
}

std::shared_ptr<const MarkdownMemo::Entry> MarkdownMemo::find_in_memory(const std::string& key) {
  std::lock_guard lock(mutex_);
  if (auto found = previous_.find(key); found != previous_.end()) return found->second;
  if (auto made = current_.find(key); made != current_.end()) return made->second;
  return nullptr;
}

std::optional<MarkdownMemo::Entry> MarkdownMemo::find_in_file(const std::string& key) const {
  const std::string_view* bytes = stored_ ? stored_->find(key) : nullptr;
  Entry entry;
  if (!bytes || !decode_entry(*bytes, entry)) return std::nullopt;
  return entry;
}

RenderedMarkdown MarkdownMemo::render(const MarkdownSource& source, const MarkdownOptions& options,
                                      const LinkResolver& resolve, Diagnostics& diagnostics) {
  std::string key = render_key(source, options);
  // From memory (serve), shared; or decoded from the file (build), this render's own.
  std::shared_ptr<const Entry> shared = stored_ ? nullptr : find_in_memory(key);
  std::optional<Entry> decoded = stored_ ? find_in_file(key) : std::nullopt;
  const Entry* entry = shared ? shared.get() : decoded ? &*decoded : nullptr;
  // The links are asked once each, as a render asks them (the resolver records the files
  // they name): a render that follows reuses these answers.
  std::vector<std::pair<std::string, LinkResolution>> asked;
  if (entry) {
    bool unchanged = true;
    for (const auto& [href, answer] : entry->links) {
      asked.emplace_back(href, resolve(href));
      unchanged = unchanged && same(asked.back().second, answer);
    }
    if (unchanged) {
      std::lock_guard lock(mutex_);
      ++hits_;
      if (shared) {
        current_.emplace(key, shared);
        return shared->rendered;
      }
      if (used_.insert(key).second) used_bytes_ += stored_->find(key)->size();
      return std::move(decoded->rendered);  // decoded for this render alone: taken, not copied
    }
  }
  auto made = std::make_shared<Entry>();
  size_t next = 0;
  // The same text asks the same links in the same order (md4c walks the text; an answer
  // changes what is written, not what is asked).
  LinkResolver recording = [&](const std::string& href) {
    bool replayed = next < asked.size() && asked[next].first == href;
    LinkResolution answer = replayed ? asked[next].second : resolve(href);
    next = replayed ? next + 1 : asked.size();
    made->links.emplace_back(href, answer);
    return answer;
  };
  Diagnostics reported;
  made->rendered = render_markdown(source, options, recording, reported);
  if (!reported.items().empty()) {
    std::lock_guard lock(mutex_);
    ++misses_;
    diagnostics.append(reported);
    return std::move(made->rendered);
  }
  if (stored_) {
    add_to_file(key, *made);
    return std::move(made->rendered);  // written out: taken, not copied
  }
  RenderedMarkdown result = made->rendered;
  std::lock_guard lock(mutex_);
  ++misses_;
  current_.insert_or_assign(key, std::move(made));
  return result;
}

void MarkdownMemo::add_to_file(const std::string& key, const Entry& entry) {
  std::string encoded = encode_entry(entry);
  std::string record;
  put_cache_entry(record, key, encoded);
  std::lock_guard lock(mutex_);
  ++misses_;
  used_.insert(key);
  fresh_.insert(key);
  used_bytes_ += encoded.size();
  if (descriptor_ >= 0 && !write_failed_ && !write_all(descriptor_, record)) write_failed_ = true;
}

void MarkdownMemo::save() {
  std::lock_guard lock(mutex_);
  if (!stored_ || descriptor_ < 0) return;
  if (rewriting_) {
    // The entries this build took from the old file, after those it rendered anew.
    for (const auto& key : used_) {
      const std::string_view* entry = fresh_.count(key) ? nullptr : stored_->find(key);
      if (!entry) continue;
      std::string record;
      put_cache_entry(record, key, *entry);
      if (!write_failed_ && !write_all(descriptor_, record)) write_failed_ = true;
    }
    ::close(descriptor_);
    descriptor_ = -1;
    std::error_code error;
    if (!write_failed_) std::filesystem::rename(written_path_, path_, error);
    if (write_failed_ || error) ::unlink(written_path_.c_str());
    written_path_.clear();
    return;
  }
  ::close(descriptor_);
  descriptor_ = -1;
  // Mostly texts no page has any more (each edit leaves its old render): written again with
  // only what this build used.
  constexpr size_t kSmallFile = 1 << 20;
  size_t size = stored_->entry_bytes();
  if (size < kSmallFile || size <= 2 * used_bytes_) return;
  auto bytes = read_whole_file(path_);
  if (!bytes) return;
  CacheEntries all = CacheEntries::parse(std::move(*bytes), header_);
  std::string out = header_;
  for (const auto& key : used_) {
    if (const std::string_view* entry = all.find(key)) put_cache_entry(out, key, *entry);
  }
  write_cache_file(path_, out);
}

size_t MarkdownMemo::hits() const {
  std::lock_guard lock(mutex_);
  return hits_;
}

size_t MarkdownMemo::misses() const {
  std::lock_guard lock(mutex_);
  return misses_;
}

void MarkdownMemo::build_finished() {
  std::lock_guard lock(mutex_);
  previous_ = std::move(current_);
  current_.clear();
  hits_ = misses_ = 0;
}

}  // namespace passerelle
