#include "markdown/markdown_memo.h"

#include "base/key_hash.h"

namespace passerelle {

namespace {

/// Everything a render reads besides the answers of its resolver.
std::string render_key(const MarkdownSource& source, const MarkdownOptions& options) {
  KeyHash key;
  key.add(source.text).add(source.path).add(int64_t{source.first_line})
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

}  // namespace

RenderedMarkdown MarkdownMemo::render(const MarkdownSource& source, const MarkdownOptions& options,
                                      const LinkResolver& resolve, Diagnostics& diagnostics) {
  std::string key = render_key(source, options);
  std::shared_ptr<const Entry> entry;
  {
    std::lock_guard lock(mutex_);
    if (auto found = previous_.find(key); found != previous_.end()) entry = found->second;
    else if (auto made = current_.find(key); made != current_.end()) entry = made->second;
  }
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
      current_.emplace(key, entry);
      ++hits_;
      return entry->rendered;
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
  std::lock_guard lock(mutex_);
  ++misses_;
  if (!reported.items().empty()) {
    diagnostics.append(reported);
    return std::move(made->rendered);
  }
  RenderedMarkdown result = made->rendered;
  current_.insert_or_assign(key, std::move(made));
  return result;
}

void MarkdownMemo::build_finished() {
  std::lock_guard lock(mutex_);
  previous_ = std::move(current_);
  current_.clear();
  hits_ = misses_ = 0;
}

size_t MarkdownMemo::hits() const {
  std::lock_guard lock(mutex_);
  return hits_;
}

size_t MarkdownMemo::misses() const {
  std::lock_guard lock(mutex_);
  return misses_;
}

}  // namespace passerelle
