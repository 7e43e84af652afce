#include "search/files.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <map>
#include <set>
#include <tuple>

#include <nlohmann/json.hpp>

#include "base/key_hash.h"
#include "base/parallel.h"
#include "base/text.h"
#include "model/urls.h"

namespace passerelle::search {

namespace {

using nlohmann::ordered_json;

const char* kBase64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// `data` as JSON for a script, with what could end a string or a <script> element early
/// escaped: U+2028 and U+2029 (line ends to older parsers) and < > & (a file pasted inline
/// stays inert). Outside strings JSON has none of them, so the escapes land inside strings.
std::string script_json(const ordered_json& data) {
  std::string json = data.dump(-1, ' ', false, ordered_json::error_handler_t::replace);
  std::string out;
  out.reserve(json.size());
  for (size_t i = 0; i < json.size(); ++i) {
    char c = json[i];
    if (c == '\xE2' && (json.compare(i, 3, "\xE2\x80\xA8") == 0 || json.compare(i, 3, "\xE2\x80\xA9") == 0)) {
      out += json[i + 2] == '\xA8' ? "\\u2028" : "\\u2029";
      i += 2;
    } else if (c == '<' || c == '>' || c == '&') {
      out += c == '<' ? "\\u003c" : c == '>' ? "\\u003e" : "\\u0026";
    } else {
      out += c;
    }
  }
  return out;
}

/// The whole file: one call that registers `data` under `name` (its path without .js).
OutputFile script_file(const std::string& name, const ordered_json& data) {
  return {std::string(kIndexFolder) + name + ".js",
          "PasserelleSearch.load(" + script_json(name) + "," + script_json(data) + ");\n"};
}

void encode_number(std::string& out, uint32_t value) {
  do {
    uint32_t digit = value & 31;
    value >>= 5;
    if (value) digit |= 32;
    out += kBase64[digit];
  } while (value);
}

std::vector<std::string> split_code_points(std::string_view text) {
  std::vector<std::string> points;
  for (size_t i = 0; i < text.size();) {
    size_t length = 1;
    while (i + length < text.size() && (static_cast<unsigned char>(text[i + length]) & 0xC0) == 0x80) ++length;
    points.emplace_back(text.substr(i, length));
    i += length;
  }
  return points;
}

/// One shard: the forms whose longest key prefix is `key`, and for a shard that was split by
/// one more letter, the most frequent terms below it (so that a short prefix still gets
/// suggestions from one file).
struct Shard {
  std::string key;
  std::vector<std::string> forms;
  std::vector<std::string> completions;  // terms
};

class ShardBuilder {
 public:
  ShardBuilder(const Index& index, const Layout& layout) : index_(index), layout_(layout) {
    for (const auto& [term, entry] : index.terms) {
      for (const auto& form : entry.forms) form_terms_[form] = term;
      posting_bytes_[term] = encode_postings(entry.postings).size();
    }
  }

  std::vector<Shard> build() {
    std::vector<std::string> forms;
    for (const auto& [form, term] : form_terms_) forms.push_back(form);
    split("", forms);
    std::sort(shards_.begin(), shards_.end(), [](const Shard& a, const Shard& b) { return a.key < b.key; });
    return std::move(shards_);
  }

  const std::string& term_of(const std::string& form) const { return form_terms_.at(form); }

 private:
  size_t bytes(const std::vector<std::string>& forms) const {
    std::set<std::string> terms;
    size_t total = 0;
    for (const auto& form : forms) {
      total += form.size() + 1;
      const auto& term = form_terms_.at(form);
      if (terms.insert(term).second) total += term.size() + posting_bytes_.at(term) + 10;
    }
    return total;
  }

  void split(const std::string& key, const std::vector<std::string>& forms) {
    std::set<std::string> terms;
    for (const auto& form : forms) terms.insert(form_terms_.at(form));
    bool small = bytes(forms) <= layout_.shard_bytes || terms.size() <= 1;
    if (!key.empty() && (small || code_points(key) >= layout_.max_key_length)) {
      shards_.push_back({key, forms, {}});
      return;
    }
    std::vector<std::string> own;
    std::map<std::string, std::vector<std::string>> children;
    for (const auto& form : forms) {
      if (form == key) {
        own.push_back(form);
      } else {
        std::string next = split_code_points(std::string_view(form).substr(key.size())).front();
        children[key + next].push_back(form);
      }
    }
    for (const auto& [child, child_forms] : children) split(child, child_forms);
    if (key.empty()) return;
    // Suggestions for the bare prefix: the terms found in the most documents.
    std::vector<std::string> below;
    for (const auto& term : terms) below.push_back(term);
    std::stable_sort(below.begin(), below.end(), [&](const std::string& a, const std::string& b) {
      return index_.terms.at(a).postings.size() > index_.terms.at(b).postings.size();
    });
    if (below.size() > layout_.completions) below.resize(layout_.completions);
    shards_.push_back({key, own, below});
  }

  const Index& index_;
  const Layout& layout_;
  std::map<std::string, std::string> form_terms_;
  std::map<std::string, size_t> posting_bytes_;
  std::vector<Shard> shards_;
};

ordered_json group(const std::string& term, const std::vector<std::string>& forms,
                   const std::vector<Posting>& postings) {
  return ordered_json::array({term, join_with(forms, " "), encode_postings(postings)});
}

ordered_json shard_data(const Index& index, const Shard& shard, const ShardBuilder& builder,
                        const Layout& layout) {
  std::map<std::string, std::vector<std::string>> by_term;
  for (const auto& form : shard.forms) by_term[builder.term_of(form)].push_back(form);
  auto groups = ordered_json::array();
  for (const auto& [term, forms] : by_term) groups.push_back(group(term, forms, index.terms.at(term).postings));
  auto completions = ordered_json::array();
  for (const auto& term : shard.completions) {
    const auto& entry = index.terms.at(term);
    std::vector<std::string> forms;
    for (const auto& form : entry.forms) {
      if (starts_with(form, shard.key)) forms.push_back(form);
    }
    // The best postings, the first documents among equals. A popular term is in several
    // shards' suggestions with thousands of postings: only the best few are sorted.
    std::vector<Posting> best(std::min(entry.postings.size(), layout.completion_postings));
    std::partial_sort_copy(entry.postings.begin(), entry.postings.end(), best.begin(), best.end(),
                           [](const Posting& a, const Posting& b) {
                             return a.impact != b.impact ? a.impact > b.impact : a.document < b.document;
                           });
    std::sort(best.begin(), best.end(), [](const Posting& a, const Posting& b) { return a.document < b.document; });
    completions.push_back(group(term, forms, best));
  }
  ordered_json data = {{"g", std::move(groups)}};
  if (!shard.completions.empty()) data["c"] = std::move(completions);
  return data;
}

/// Facet values used by at least one actor (the model counted them), sorted by label as a
/// reader expects.
ordered_json facet_group(const std::string& name, const SiteTerms& terms,
                         const std::map<std::string, long>& used, const std::string& language) {
  auto items = ordered_json::array();
  for (const SiteTerm* term : terms_by_label(terms, language, &used)) {
    items.push_back({term->key, term->label(language)});
  }
  return ordered_json::array({name, std::move(items)});
}

/// The facet values of every actor, and what directory.js needs to draw its card (name, short
/// name, city, website, place in reading order): the filters work over the whole directory
/// while its pages list a few actors each.
ordered_json facets_data(const Index& index, const Site& site, const LanguageConfig& language) {
  // Reading order: by folded name, then id, as the directory's pages list them.
  std::map<std::string, const Actor*> by_id;
  std::vector<std::pair<std::string, const Actor*>> keyed;
  for (const auto& actor : site.actors) {
    by_id[actor.record.id] = &actor;
    keyed.emplace_back(fold_text(actor.record.name), &actor);
  }
  std::sort(keyed.begin(), keyed.end(), [](const auto& a, const auto& b) {
    return std::tie(a.first, a.second->record.id) < std::tie(b.first, b.second->record.id);
  });
  std::map<const Actor*, size_t> rank;
  for (size_t i = 0; i < keyed.size(); ++i) rank[keyed[i].second] = i;
  auto actors = ordered_json::array();
  for (uint32_t d = 0; d < index.documents.size(); ++d) {
    const auto& document = index.documents[d];
    if (document.kind != "actor") continue;
    auto row = ordered_json::array({document.actor_id, d, document.country, document.actor_kind,
                                    document.region, join_with(document.sectors, " ")});
    auto found = by_id.find(document.actor_id);
    if (found != by_id.end()) {
      const auto& record = found->second->record;
      for (const std::string* field : {&record.name, &record.short_name, &record.city, &record.website}) {
        row.push_back(*field);
      }
      row.push_back(rank[found->second]);
    }
    actors.push_back(std::move(row));
  }
  const std::string& code = language.code;
  const auto& v = site.terms;
  const auto& used = site.facets;
  auto groups = ordered_json::array({facet_group("country", v.countries, used.countries, code),
                                     facet_group("kind", v.kinds, used.kinds, code),
                                     facet_group("sector", v.sectors, used.sectors, code),
                                     facet_group("region", v.regions, used.regions, code)});
  // An actor's page from the index folder's parent, "{id}" standing for its id.
  std::string page = linked_path(actor_path(language, "{id}"), site.config.page_links);
  return {{"groups", std::move(groups)}, {"page", page}, {"actors", std::move(actors)}};
}

/// [slug, label, [document, …]] per tag of the language, in the order of its tags index.
ordered_json tags_data(const Index& index, const Site& site, const std::string& language) {
  auto tags = ordered_json::array();
  auto terms = site.tags.by_language.find(language);
  if (terms == site.tags.by_language.end()) return tags;
  for (const auto& term : terms->second) {
    auto documents = ordered_json::array();
    for (uint32_t d = 0; d < index.documents.size(); ++d) {
      const auto& slugs = index.documents[d].tags;
      if (std::find(slugs.begin(), slugs.end(), term.slug) != slugs.end()) documents.push_back(d);
    }
    if (!documents.empty()) tags.push_back({term.slug, term.label, std::move(documents)});
  }
  return tags;
}

ordered_json manifest_data(const Index& index, const Site& site, const LanguageConfig& language,
                           const std::vector<std::string>& keys, const Layout& layout,
                           const std::string& version) {
  auto kinds = ordered_json::array();
  for (size_t d = 0; d < index.documents.size();) {
    size_t end = d;
    while (end < index.documents.size() && index.documents[end].kind == index.documents[d].kind) ++end;
    kinds.push_back({index.documents[d].kind, d, end});
    d = end;
  }
  // "term:form term:form …" per family; terms and forms are runs of letters, so ':' and ' '
  // cannot occur in them.
  auto families = ordered_json::array();
  for (const auto& family : index.families) {
    std::vector<std::string> members;
    for (const auto& [term, form] : family) members.push_back(term + ":" + form);
    families.push_back(join_with(members, " "));
  }
  return {{"format", 1}, {"v", version}, {"lang", language.code}, {"name", language.name},
          {"dir", language.direction}, {"docs", index.documents.size()}, {"kinds", std::move(kinds)},
          {"inline", std::max<size_t>(1, layout.inline_blocks)},
          {"chunk", std::max<size_t>(1, layout.blocks_per_file)}, {"keys", join_with(keys, " ")},
          {"stop", join_with(index.stop_words, " ")}, {"elision", join_with(index.elisions, " ")},
          {"suffix", join_with(index.suffixes, " ")}, {"fam", std::move(families)}, {"tags", tags_data(index, site, language.code)}};
}

/// A short name of every file's bytes, for the manifest to name: a kept file has only its
/// summary, so the summaries are what is hashed.
std::string version_of(const std::vector<FileSummary>& files) {
  KeyHash hash;
  for (const auto& file : files) {
    hash.add(file.path).add(static_cast<int64_t>(file.size)).add(static_cast<int64_t>(file.hash));
  }
  return hash.hex().substr(0, 10);
}

}  // namespace

std::string shard_file_name(std::string_view key) {
  std::string name;
  for (const auto& point : split_code_points(key)) {
    unsigned char c = static_cast<unsigned char>(point[0]);
    if (point.size() == 1 && ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
      name += point;
      continue;
    }
    // Decode the UTF-8 sequence to its code point.
    uint32_t code = point.size() == 1 ? c : c & (0xFF >> (point.size() + 1));
    for (size_t i = 1; i < point.size(); ++i) code = (code << 6) | (static_cast<unsigned char>(point[i]) & 0x3F);
    char hex[12];
    std::snprintf(hex, sizeof hex, "_%x_", code);
    name += hex;
  }
  return name;
}

std::string encode_postings(const std::vector<Posting>& postings) {
  std::string out;
  uint32_t previous = 0;
  for (const auto& posting : postings) {
    encode_number(out, posting.document - previous);
    encode_number(out, posting.impact * 2 + (posting.in_title ? 1 : 0));
    encode_number(out, posting.block);
    previous = posting.document;
  }
  return out;
}

std::vector<Posting> decode_postings(std::string_view text) {
  std::vector<uint32_t> numbers;
  uint32_t value = 0;
  int shift = 0;
  for (char c : text) {
    const char* at = std::strchr(kBase64, c);
    if (!at || c == '\0') return {};
    auto digit = static_cast<uint32_t>(at - kBase64);
    value |= (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
    } else {
      numbers.push_back(value);
      value = 0;
      shift = 0;
    }
  }
  std::vector<Posting> postings;
  uint32_t document = 0;
  for (size_t i = 0; i + 2 < numbers.size(); i += 3) {
    document += numbers[i];
    postings.push_back({document, numbers[i + 1] / 2, (numbers[i + 1] & 1) != 0, numbers[i + 2]});
  }
  return postings;
}

namespace {

/// Blocks [first, end) as a JSON array.
ordered_json block_items(const std::vector<std::string>& blocks, size_t first, size_t end) {
  return ordered_json(std::vector<std::string>(blocks.begin() + first, blocks.begin() + end));
}

/// The files of document `d`: its own (title, address, first blocks) and its other blocks,
/// `blocks_per_file` at a time.
std::vector<OutputFile> document_files(const Index& index, size_t d, const Site& site,
                                       const std::string& code, const Layout& layout) {
  const auto& document = index.documents[d];
  std::vector<std::string> cut;
  if (index.blocks[d].empty() && !document.text.empty()) cut = document_blocks(index, d);
  const auto& blocks = cut.empty() ? index.blocks[d] : cut;
  std::string n = std::to_string(d);
  std::vector<OutputFile> files;
  // A document file carries the first `inline_blocks` blocks: a short text (most actors)
  // travels whole in one file, and a result's page knows from the matched block alone
  // whether its text is there or in a chunk, so it fetches both files at once.
  size_t inline_end = std::min(blocks.size(), std::max<size_t>(1, layout.inline_blocks));
  ordered_json data = {{"k", document.kind}, {"t", document.title},
                       {"u", linked_path(document.path, site.config.page_links)},
                       {"m", document.meta}, {"n", blocks.size()},
                       {"x", blocks.empty() ? "" : blocks[0]}};
  if (inline_end > 1) data["y"] = block_items(blocks, 1, inline_end);
  if (!document.aliases.empty()) data["a"] = document.aliases;
  if (!document.sector_labels.empty()) data["s"] = document.sector_labels;
  files.push_back(script_file(code + "/d/" + n, data));
  size_t per_file = std::max<size_t>(1, layout.blocks_per_file);
  // Then blocks i, i+1… (i = inline_blocks) in x/<n>-1, k at a time: block b is item
  // (b - i) % k of chunk (b - i) / k + 1.
  for (size_t first = inline_end; first < blocks.size(); first += per_file) {
    std::string chunk = std::to_string((first - inline_end) / per_file + 1);
    ordered_json chunk_data = {{"x", block_items(blocks, first, std::min(blocks.size(), first + per_file))}};
    files.push_back(script_file(code + "/x/" + n + "-" + chunk, chunk_data));
  }
  return files;
}

/// The key of everything document `d`'s files are made from: its text (as counted, by its
/// count_key()), its number, the fields its file shows, the layout and how links are written.
std::string document_files_key(const Index& index, size_t d, const Site& site, const Layout& layout) {
  const auto& document = index.documents[d];
  KeyHash key;
  key.add(index.text_keys[d]).add(index.language).add(static_cast<int64_t>(d));
  key.add(document.kind).add(document.title).add(document.meta);
  key.add(linked_path(document.path, site.config.page_links));
  key.add(document.aliases).add(document.sector_labels);
  key.add(static_cast<int64_t>(layout.inline_blocks)).add(static_cast<int64_t>(layout.blocks_per_file));
  return key.hex();
}

/// The files of each document, into `files`, and their summaries, in document order. With
/// `reuse`, a document the last build made the same files of keeps them (their summaries
/// only); its next memo is saved when anything changed.
std::vector<FileSummary> document_outputs(const Index& index, const Site& site, const std::string& code,
                                          const Layout& layout, FileReuse* reuse, OutputPlan& files) {
  size_t count = index.documents.size();
  if (index.text_keys.size() != count) reuse = nullptr;  // counted without a cache
  std::vector<std::string> keys(reuse ? count : 0);
  std::vector<std::vector<FileSummary>> summaries(count);
  std::vector<std::vector<OutputFile>> made(count);
  std::vector<char> kept(count, 0);
  for_each_index(count, worker_count(), [&](size_t, size_t d) {
    std::set<std::string> taken;
    if (reuse) {
      keys[d] = document_files_key(index, d, site, layout);
      if (auto previous = reuse->previous.find(keys[d])) {
        for (const auto& file : *previous) {
          if (reuse->keep(file)) taken.insert(file.path);
        }
        if (taken.size() == previous->size()) {
          summaries[d] = std::move(*previous);
          kept[d] = 1;
          return;
        }
      }
    }
    for (auto& file : document_files(index, d, site, code, layout)) {
      summaries[d].push_back(summary_of(file));
      if (!taken.count(file.path)) made[d].push_back(std::move(file));
    }
  });
  std::vector<FileSummary> all;
  std::string next;
  if (reuse) next = file_memo_header(reuse->stamp);
  for (size_t d = 0; d < count; ++d) {
    for (auto& file : made[d]) files.push_back(std::move(file));
    if (reuse) put_cache_entry(next, keys[d], encode_file_summaries(summaries[d]));
    for (auto& summary : summaries[d]) all.push_back(std::move(summary));
    if (reuse) (kept[d] ? reuse->kept : reuse->encoded) += 1;
  }
  if (reuse && reuse->save && (reuse->encoded > 0 || reuse->previous.size() != count)) {
    reuse->previous = {};
    reuse->save(std::move(next));
  }
  return all;
}

}  // namespace

/// Shards and documents are encoded on every core, each into its own slot, then listed in
/// order: the files do not depend on which thread made what.
OutputPlan index_files(const Index& index, const Site& site, const LanguageConfig& language,
                       const Layout& layout, FileReuse* reuse) {
  const std::string& code = language.code;
  ShardBuilder builder(index, layout);
  auto shards = builder.build();
  std::vector<std::string> keys;
  for (const auto& shard : shards) keys.push_back(shard.key);
  OutputPlan files(shards.size());
  for_each_index(shards.size(), worker_count(), [&](size_t, size_t i) {
    files[i] = script_file(code + "/t/" + shard_file_name(shards[i].key),
                           shard_data(index, shards[i], builder, layout));
  });
  std::vector<FileSummary> summaries(files.size());
  for_each_index(files.size(), worker_count(), [&](size_t, size_t i) { summaries[i] = summary_of(files[i]); });
  for (auto& summary : document_outputs(index, site, code, layout, reuse, files)) {
    summaries.push_back(std::move(summary));
  }
  files.push_back(script_file(code + "/facets", facets_data(index, site, language)));
  summaries.push_back(summary_of(files.back()));
  // Only the manifest is loaded unversioned; it names the version of the other files, so pages
  // need not carry it and an edit changes only the pages that show what was edited.
  std::string version = version_of(summaries);
  files.push_back(script_file(code + "/manifest", manifest_data(index, site, language, keys, layout, version)));
  return files;
}

OutputPlan language_search_files(const Site& site, const LanguageConfig& language, const Layout& layout,
                                 std::string_view list_separator, CountCaching* caching,
                                 FileReuse* reuse) {
  Analyzer analyzer(language.code);
  auto index = build_index(documents_of(site, language, list_separator), analyzer,
                           layout.block_chars, caching);
  return index_files(index, site, language, layout, reuse);
}

OutputPlan search_files(const Site& site, const std::atomic<bool>* cancelled,
                        const ListSeparators& list_separators) {
  const auto& languages = site.config.languages;
  std::vector<OutputPlan> plans(languages.size());
  for_each_index(languages.size(), worker_count(), [&](size_t, size_t i) {
    auto separator = list_separators.find(languages[i].code);
    plans[i] = language_search_files(site, languages[i], {},
                                     separator == list_separators.end() ? ", " : separator->second);
  }, cancelled);
  OutputPlan files;
  for (auto& plan : plans) {
    for (auto& file : plan) files.push_back(std::move(file));
  }
  sort_by_path(files);
  return files;
}

}  // namespace passerelle::search
