#include <algorithm>
#include <set>

#include "content/page_schema.h"
#include "model/footer.h"
#include "model/print_edition.h"
#include "base/parallel.h"
#include "model/site.h"
#include "model/urls.h"
#include "messages/messages.h"
#include "base/suggest.h"
#include "base/text.h"

namespace passerelle {

const Page* Site::find_page(const std::string& language, const std::string& key) const {
  for (const auto& page : pages) {
    if (page.language == language && page.translation_key == key) return &page;
  }
  return nullptr;
}

std::vector<const Page*> Site::pages_of(const std::string& language, PageKind kind) const {
  std::vector<const Page*> result;
  for (const auto& page : pages) {
    if (page.language == language && page.kind == kind) result.push_back(&page);
  }
  return result;
}

struct LinkTargets {
  std::map<std::string, std::string> page_paths;  // page key → site path
  std::map<std::string, std::string> guideline_slugs;  // page key → slug, guidelines only
  std::set<std::string> actor_ids;
  // For "did you mean" in link errors: every page's slug, and each actor's id and names.
  std::map<std::string, std::string> page_slugs;  // page key → slug
  std::vector<SuggestionCandidate> actor_names;
  MediaFiles media;  // the pictures and downloads links may name
  std::map<std::string, MarkdownLabels> labels;  // per language: footnotes' and callouts' words
};

namespace {

// Ids the page templates give to their own elements; headings must not take them.
const std::set<std::string> kTemplateIds = {"main", "toc", "top", "site-search", "language-menu",
                                            "skip", "content", "facets", "results", "toc-title", "home-guidelines", "home-directory", "actor-contact", "actor-about", "actor-services", "facets-title"};

bool is_french(const std::string& language) { return is_language(language, "fr"); }

MarkdownLabels labels_in(const LinkTargets& targets, const std::string& language) {
  auto found = targets.labels.find(language);
  return found == targets.labels.end() ? MarkdownLabels{} : found->second;
}

std::string page_key(const std::string& language, const std::string& relative_path) {
  return "page:" + language + ":" + relative_path;
}

std::string actor_key(const std::string& id) { return "actor:" + id; }

/// Joins a relative Markdown path to the folder of the file it is written in; empty when the
/// path leaves the language folder.
std::string join_relative(const std::string& from_file, const std::string& target) {
  return join_relative_path(from_file, target).value_or("");
}


/// Where a text's links are resolved from, and where the files they name are published.
struct LinkSource {
  std::string self_key;       // the page's or actor's target key
  std::string relative_file;  // below content/<lang>/; "actor.md" for a record's text
  std::string from_path;      // the site path links are written from
  std::string page_path;      // the site path of the page: its files go there
  bool has_folder = true;     // false for a record: its files come from content/media/ only
  std::vector<PublishedFile>* files = nullptr;  // where the files named are collected
  // How links to pages end; the print edition's links to pages become absolute URLs of the
  // site on the web, whose folders answer, so they keep kFolder.
  PageLinks page_links = PageLinks::kFolder;
};

class LinkContext {
 public:
  LinkContext(const LinkTargets& targets, const LanguageConfig& language, LinkSource source)
      : targets_(targets),
        language_(language),
        self_key_(std::move(source.self_key)),
        relative_file_(std::move(source.relative_file)),
        from_path_(std::move(source.from_path)),
        page_path_(std::move(source.page_path)),
        has_folder_(source.has_folder),
        files_(source.files),
        page_links_(source.page_links) {}

  LinkResolution operator()(const std::string& written) const {
    size_t hash = written.find('#');
    std::string target = written.substr(0, hash);
    std::string fragment = hash == std::string::npos ? "" : written.substr(hash + 1);
    if (target.empty()) return {"#" + fragment, "", self_key_, fragment};
    if (starts_with(target, "@/actors/")) return actor(target.substr(9), fragment);
    if (starts_with(target, "@/")) return page(target.substr(2), written, fragment);
    bool has_scheme = target.find(':') != std::string::npos && target.find(':') < target.find('/');
    if (has_scheme || starts_with(target, "//")) return {written, "", "", ""};
    if (ends_with(target, ".md")) return page(join_relative(relative_file_, target), written, fragment);
    if (names_file(target)) return file(target, written, fragment);
    return {written, "", "", ""};
  }

 private:
  LinkResolution actor(std::string id, const std::string& fragment) const {
    if (ends_with(id, "/")) id.pop_back();
    if (!targets_.actor_ids.count(id)) return {"", missing_actor(id), "", ""};
    std::string href = page_url(from_path_, actor_path(language_, id), page_links_);
    return {fragment.empty() ? href : href + "#" + fragment, "", actor_key(id), fragment};
  }

  LinkResolution page(const std::string& relative, const std::string& written,
                      const std::string& fragment) const {
    std::string key = page_key(language_.code, relative);
    auto it = relative.empty() ? targets_.page_paths.end() : targets_.page_paths.find(key);
    if (it == targets_.page_paths.end() && ends_with(relative, ".md")) {
      // A page moved into a folder of its own (x/index.md) keeps the links written to x.md.
      key = page_key(language_.code, relative.substr(0, relative.size() - 3) + "/index.md");
      it = targets_.page_paths.find(key);
    }
    if (it == targets_.page_paths.end()) return {"", missing_page(relative, written), "", ""};
    std::string href = page_url(from_path_, it->second, page_links_);
    return {fragment.empty() ? href : href + "#" + fragment, "", key, fragment};
  }

  std::string missing_actor(const std::string& id) const {
    auto ids = suggest_values(id, targets_.actor_names);
    for (auto& candidate : ids) candidate = "@/actors/" + candidate;
    return ids.empty() ? format_message(tr("no actor '%1$s' (expected directory-data/actors/%2$s.toml)"),
                                        id, id)
                       : format_message(tr("no actor '%1$s' (expected directory-data/actors/%2$s.toml); "
                                        "did you mean %3$s?"),
                                        id, id, quoted_alternatives(ids));
  }

  /// A link to a page that is not there: the pages of the language whose file name or slug is
  /// close, written as the link was (relative in the same folder, else from the root "@/").
  std::string missing_page(const std::string& relative, const std::string& written) const {
    std::string prefix = "page:" + language_.code + ":";
    std::string folder = relative.substr(0, relative.rfind('/') + 1);
    std::string stem = relative.substr(folder.size());
    if (ends_with(stem, ".md")) stem.resize(stem.size() - 3);
    bool from_root = starts_with(written, "@/");
    std::string written_folder = written.substr(0, written.find('#'));
    written_folder = written_folder.substr(0, written_folder.rfind('/') + 1);
    std::vector<SuggestionCandidate> pages;
    bool slug_written = false;
    for (const auto& [key, slug] : targets_.page_slugs) {
      if (!starts_with(key, prefix)) continue;
      std::string path = key.substr(prefix.size());
      std::string name = path.substr(path.rfind('/') + 1);
      if (name == "_index.md") continue;
      slug_written = slug_written || (slug == stem && name != stem + ".md");
      bool here = !from_root && starts_with(path, folder) && path.find('/', folder.size()) == std::string::npos;
      pages.push_back({here ? written_folder + name : "@/" + path,
                       {name.substr(0, name.size() - 3), slug}});
    }
    auto candidates = suggest_values(stem, pages);
    std::string file = "content/" + language_.code + "/" + relative;
    if (candidates.empty()) return format_message(tr("link to '%1$s': no page %2$s"), written, file);
    if (slug_written) {
      return format_message(tr("link to '%1$s': no page %2$s; a link names the page's file, not its "
                            "slug: did you mean %3$s?"),
                            written, file, quoted_alternatives(candidates));
    }
    return format_message(tr("link to '%1$s': no page %2$s; did you mean %3$s?"),
                          written, file, quoted_alternatives(candidates));
  }

  /// A relative path whose last part has an extension: a file, not a folder of the site.
  static bool names_file(const std::string& target) {
    std::string last = target.substr(target.rfind('/') + 1);
    return last.find('.') != std::string::npos && last != "." && last != "..";
  }

  /// A picture or download: in the folder of the page's source (or below it), published
  /// beside the page; or in content/media/, published once in media/.
  LinkResolution file(const std::string& target, const std::string& written,
                      const std::string& fragment) const {
    std::string source_file = "content/" + language_.code + "/" + relative_file_;
    std::string path = join_relative_path(source_file, target).value_or("");
    auto found = targets_.media.find(path);
    if (found == targets_.media.end()) return {"", missing_file(path, written), "", ""};
    std::string folder = source_file.substr(0, source_file.rfind('/') + 1);
    std::string shared = kSharedMediaFolder;
    std::string site_path;
    if (starts_with(path, shared)) {
      site_path = "media/" + path.substr(shared.size());
    } else if (has_folder_ && starts_with(path, folder)) {
      site_path = page_path_ + path.substr(folder.size());
    } else {
      return {"", format_message(tr("link to '%1$s': %2$s is outside %3$s; a page publishes the "
                                    "files of its own folder (and below) and those of %4$s"),
                                 written, path, has_folder_ ? folder : shared, shared),
              "", ""};
    }
    if (const std::string& problem = found->second.problem; !problem.empty()) {
      return {"", format_message(tr("the picture %1$s is refused: %2$s"), path, problem), "", ""};
    }
    const MediaFile& media = found->second;
    std::string href = relative_url(from_path_, site_path);
    LinkResolution link{fragment.empty() ? href : href + "#" + fragment, "", "file:" + site_path, ""};
    if (!media.picture.variants.empty()) {
      link.picture = publish_variants(media, site_path);
    } else {
      link.picture = {media.picture.width, media.picture.height, "", ""};
      if (files_) files_->push_back({path, site_path, media.bytes});
    }
    if (!is_picture(path)) {
      link.note = file_type_label(path) + ", " +
                  file_size_text(found->second.bytes->size(), language_.code);
    }
    return link;
  }

  /// A photo published as its variants (content/pictures.h), beside `site_path`, whose name
  /// the largest in the source's format keeps: srcset lists them all, WebP apart.
  PictureSources publish_variants(const MediaFile& media, const std::string& site_path) const {
    const auto& variants = media.picture.variants;
    int largest = variants.back().width;
    for (const auto& variant : variants) {
      std::string path = variant_path(site_path, variant, variant.width == largest);
      if (files_) files_->push_back({media.path, path, variant.bytes});
    }
    auto published = published_sizes(media.picture, site_path);
    return {published.width, published.height, srcset_of(published.sources, from_path_),
            srcset_of(published.webp_sources, from_path_)};
  }

  std::string missing_file(const std::string& path, const std::string& written) const {
    if (path.empty()) {
      return format_message(tr("link to '%1$s': the file would be outside content/"), written);
    }
    std::string lower = ascii_lower(path);
    for (const auto& [candidate, file] : targets_.media) {
      if (ascii_lower(candidate) == lower) {
        return format_message(tr("link to '%1$s': no file %2$s; %3$s differs only in capitals, "
                                 "and the published site tells them apart"),
                              written, path, candidate);
      }
    }
    if (starts_with(written, "www.")) {
      return format_message(tr("link to '%1$s': no file %2$s; for a web address, write "
                               "https://%1$s"),
                            written, path);
    }
    return format_message(tr("link to '%1$s': no file %2$s"), written, path);
  }

  const LinkTargets& targets_;
  const LanguageConfig& language_;
  std::string self_key_;
  std::string relative_file_;
  std::string from_path_;
  std::string page_path_;
  bool has_folder_;
  std::vector<PublishedFile>* files_;
  PageLinks page_links_;
};

/// Links of a guideline inside the print edition: to a guideline (itself included), the chapter
/// or heading in the edition; to an actor, its entry in the annex when there is one; to any
/// other page, its absolute URL, since the edition travels as a PDF or on paper; to a picture
/// or download, the file the site publishes, which a PDF embeds.
class PrintLinkContext {
 public:
  PrintLinkContext(const LinkTargets& targets, const SiteConfig& config,
                   const LanguageConfig& language, const std::string& self_key,
                   const std::string& relative_file, const std::string& page_path)
      : targets_(targets),
        config_(config),
        edition_path_(print_edition_path(language)),
        from_root_(targets, language, {self_key, relative_file, "", page_path}) {}

  LinkResolution operator()(const std::string& written) const {
    LinkResolution link = from_root_(written);
    if (!link.error.empty() || link.target.empty()) return link;  // broken or external: as is
    if (auto slug = targets_.guideline_slugs.find(link.target); slug != targets_.guideline_slugs.end()) {
      // Fragments naming the template's own ids (#toc…) have no place in the edition.
      bool heading = !link.fragment.empty() && !kTemplateIds.count(link.fragment);
      link.href = "#" + print_anchor(slug->second, heading ? link.fragment : "");
    } else if (starts_with(link.target, "actor:") && config_.print.annex) {
      link.href = "#" + print_actor_anchor(link.target.substr(6));
    } else if (starts_with(link.target, "file:")) {
      link.href = relative_url(edition_path_, link.href);  // from_root_: relative to the root
    } else {
      link.href = config_.base_url + link.href;  // from_root_ made it relative to the root
    }
    return link;
  }

 private:
  const LinkTargets& targets_;
  const SiteConfig& config_;
  std::string edition_path_;
  LinkContext from_root_;
};

void check_page_slug(const PageSource& source, const LanguageConfig& language,
                     Diagnostics& diagnostics) {
  if (source.kind == PageKind::kGuideline && source.slug == language.sections.print) {
    diagnostics.error({source.path, 0, 0},
                      format_message(tr("slug '%1$s' is the folder of the print edition "
                                        "(sections.print of language '%2$s' in site.toml); choose "
                                        "another slug, or set [languages.sections] print"),
                                     source.slug, language.code));
  }
  if (source.kind != PageKind::kPage) return;
  const auto& s = language.sections;
  if (source.slug == s.guidelines || source.slug == s.directory || source.slug == s.search) {
    diagnostics.error({source.path, 0, 0},
                      format_message(tr("slug '%1$s' is the name of a section; choose another"),
                                     source.slug));
  }
}

LinkTargets collect_targets(const std::vector<PageSource>& sources, const SiteConfig& config,
                            const std::vector<ActorRecord>& actors, Diagnostics& diagnostics) {
  LinkTargets targets;
  for (const auto& language : config.languages) {
    targets.labels[language.code] = markdown_labels(language.code);
  }
  std::map<std::string, std::string> owner_of_path;
  std::map<std::string, std::string> owner_of_key;
  for (const auto& source : sources) {
    const auto& language = *config.language(source.language);
    check_page_slug(source, language, diagnostics);
    std::string path = page_kind_path(source.kind, language, source.slug);
    auto [path_owner, fresh_path] = owner_of_path.emplace(path, source.path);
    if (!fresh_path) {
      diagnostics.error({source.path, 0, 0},
                        format_message(tr("this page has the same URL /%1$s as %2$s: change one "
                                          "slug"),
                                       path, path_owner->second));
    }
    auto [key_owner, fresh_key] =
        owner_of_key.emplace(source.language + ":" + source.translation_key, source.path);
    if (!fresh_key) {
      diagnostics.error({source.path, 0, 0},
                        format_message(tr("translation key '%1$s' is also used by %2$s"),
                                       source.translation_key, key_owner->second));
    }
    targets.page_paths[page_key(source.language, source.relative_path)] = path;
    if (source.kind == PageKind::kGuideline) {
      targets.guideline_slugs[page_key(source.language, source.relative_path)] = source.slug;
    }
    targets.page_slugs[page_key(source.language, source.relative_path)] = source.slug;
  }
  for (const auto& actor : actors) {
    targets.actor_ids.insert(actor.id);
    SuggestionCandidate names{actor.id, {actor.id, actor.name, actor.short_name}};
    for (const auto& other : actor.other_names) names.names.push_back(other.name);
    targets.actor_names.push_back(std::move(names));
    for (const auto& language : config.languages) {
      const auto& s = language.sections;
      if (actor.id == s.country || actor.id == s.kind || actor.id == s.sector) {
        diagnostics.error({actor.path, 0, 0},
                          format_message(tr("actor id '%1$s' is the name of a directory section "
                                            "in %2$s; rename the file"),
                                         actor.id, language.code));
      }
    }
  }
  return targets;
}

/// render_markdown(), through `memo` when there is one.
RenderedMarkdown render_text(MarkdownMemo* memo, const MarkdownSource& source,
                             const MarkdownOptions& options, const LinkResolver& resolve,
                             Diagnostics& diagnostics) {
  return memo ? memo->render(source, options, resolve, diagnostics)
              : render_markdown(source, options, resolve, diagnostics);
}

Page render_page(const PageSource& source, const SiteConfig& config, const LinkTargets& targets,
                 std::vector<FragmentReference>& fragments, Diagnostics& diagnostics,
                 MarkdownMemo* memo = nullptr) {
  const auto& language = *config.language(source.language);
  Page page;
  page.kind = source.kind;
  page.language = source.language;
  page.source_path = source.path;
  page.title = is_french(source.language) ? french_spacing(source.title) : source.title;
  page.summary = is_french(source.language) ? french_spacing(source.summary) : source.summary;
  page.date = source.date;
  page.updated = source.updated;
  page.weight = source.weight;
  page.tags = source.tags;
  page.tags_line = source.tags_line;
  page.taxonomy_terms = source.taxonomy_terms;
  page.taxonomy_lines = source.taxonomy_lines;
  page.aliases = source.aliases;
  page.aliases_line = source.aliases_line;
  page.draft = source.draft;
  page.translation_key = source.translation_key;
  page.slug = source.slug;
  page.path = page_kind_path(source.kind, language, source.slug);
  std::string self = page_key(source.language, source.relative_path);
  LinkContext context(targets, language,
                      {self, source.relative_path, page.path, page.path, true, &page.files,
                       config.page_links});
  MarkdownOptions options{config.allow_raw_html, kTemplateIds, is_french(source.language), "", 0};
  options.labels = labels_in(targets, source.language);
  auto rendered = render_text(memo, {source.body, source.path, source.body_line}, options,
                              LinkResolver(context), diagnostics);
  page.html = std::move(rendered.html);
  page.headings = std::move(rendered.headings);
  page.plain_text = std::move(rendered.plain_text);
  page.link_places = std::move(rendered.link_places);
  for (auto& link : rendered.downloads) {
    std::string path = link.target.substr(link.target.find(':') + 1);
    bool listed = std::any_of(page.downloads.begin(), page.downloads.end(),
                              [&](const Download& download) { return download.path == path; });
    if (!listed) page.downloads.push_back({std::move(link.text), std::move(path), std::move(link.note)});
  }
  if (source.kind == PageKind::kGuideline) {
    // Rendered again as a chapter of the print edition. Problems in the text were reported by
    // the rendering above; this one's diagnostics are the same and are dropped.
    MarkdownOptions print_options = options;
    print_options.id_prefix = print_heading_prefix(source.slug);
    print_options.heading_shift = 1;
    print_options.responsive_pictures = false;
    print_options.footnotes_at_foot_of_page = true;
    PrintLinkContext print_links(targets, config, language, self, source.relative_path, page.path);
    Diagnostics repeated;
    auto print = render_text(memo, {source.body, source.path, source.body_line}, print_options,
                             LinkResolver(print_links), repeated);
    page.print_html = std::move(print.html);
    page.link_places.insert(page.link_places.end(), print.link_places.begin(),
                            print.link_places.end());
  }
  for (auto& reference : rendered.fragment_references) fragments.push_back(std::move(reference));
  return page;
}

/// The text of `texts` in `language`, or the first language of the site that has one.
template <typename T>
std::pair<const T*, std::string> text_for(const std::map<std::string, T>& texts,
                                          const SiteConfig& config, const std::string& language) {
  if (auto it = texts.find(language); it != texts.end()) return {&it->second, language};
  for (const auto& other : config.languages) {
    if (auto it = texts.find(other.code); it != texts.end()) return {&it->second, other.code};
  }
  return {nullptr, ""};
}

/// The record's `logo`: a picture of content/media/, checked as a link to it would be, and
/// reported at the record's line.
void assemble_logo(const ActorRecord& record, const SiteConfig& config, const LinkTargets& targets,
                   Actor& actor, Diagnostics& diagnostics) {
  if (record.logo.empty()) return;
  const std::string source = kSharedMediaFolder + record.logo;
  auto line = record.lines.find("logo");
  SourceLocation where{record.path, line == record.lines.end() ? 0 : line->second, 0};
  if (!is_picture(source)) {
    diagnostics.error(where, format_message(tr("logo '%1$s' is not a picture (PNG, JPEG, WebP, "
                                               "SVG, GIF or AVIF)"),
                                            record.logo));
    return;
  }
  auto found = targets.media.find(source);
  if (found == targets.media.end()) {
    std::string near;
    for (const auto& [path, file] : targets.media) {
      if (ascii_lower(path) == ascii_lower(source)) near = path;
    }
    diagnostics.error(where, near.empty()
        ? format_message(tr("logo '%1$s': no file %2$s"), record.logo, source)
        : format_message(tr("logo '%1$s': no file %2$s; %3$s differs only in capitals, and the "
                            "published site tells them apart"),
                         record.logo, source, near));
    return;
  }
  if (!found->second.problem.empty()) {
    diagnostics.error(where, format_message(tr("the picture %1$s is refused: %2$s"), source,
                                            found->second.problem));
    return;
  }
  // Published as a link from the root to it would be.
  LinkContext context(targets, config.languages.front(),
                      {actor_key(record.id), "actor.md", "", "", false, &actor.logo_files});
  context("../media/" + record.logo);
  actor.logo = published_sizes(found->second.picture, "media/" + record.logo);
}

Actor assemble_actor(ActorRecord record, const SiteConfig& config, const LinkTargets& targets,
                     std::vector<FragmentReference>& fragments, Diagnostics& diagnostics,
                     MarkdownMemo* memo = nullptr) {
  Actor actor;
  assemble_logo(record, config, targets, actor, diagnostics);
  for (const auto& language : config.languages) {
    auto [description, from] = text_for(record.descriptions, config, language.code);
    if (description) {
      // A borrowed text is reported once, in its own language.
      Diagnostics borrowed;
      Diagnostics& sink = from == language.code ? diagnostics : borrowed;
      std::vector<PublishedFile> files;
      std::string path = actor_path(language, record.id);
      LinkContext context(targets, language, {actor_key(record.id), "actor.md", path, path, false,
                                              &files, config.page_links});
      MarkdownOptions options{false, kTemplateIds, is_french(from), "", 0};
      options.labels = labels_in(targets, language.code);
      auto rendered = render_text(memo, {description->text, record.path, description->line},
                                  options, LinkResolver(context), sink);
      if (from == language.code) {
        for (auto& reference : rendered.fragment_references) fragments.push_back(reference);
      }
      actor.descriptions[language.code] = {rendered.html, rendered.plain_text, from,
                                           from == language.code, rendered.link_places,
                                           std::move(files)};
    }
    auto [services, services_from] = text_for(record.services, config, language.code);
    if (services) {
      actor.services[language.code] = *services;
      actor.services_language[language.code] = services_from;
    }
  }
  actor.record = std::move(record);
  return actor;
}

int language_rank(const SiteConfig& config, const std::string& code) {
  for (size_t i = 0; i < config.languages.size(); ++i) {
    if (config.languages[i].code == code) return static_cast<int>(i);
  }
  return static_cast<int>(config.languages.size());
}

}  // namespace

std::optional<Site> assemble_site(SiteConfig config, std::vector<PageSource> sources,
                                  Directory directory, MediaFiles media, Diagnostics& diagnostics,
                                  MarkdownMemo* memo) {
  int errors_before = diagnostics.error_count();
  Site site = assemble_site_past_errors(std::move(config), std::move(sources),
                                        std::move(directory), std::move(media), diagnostics, memo);
  if (diagnostics.error_count() > errors_before) return std::nullopt;
  return site;
}

Site assemble_site_past_errors(SiteConfig config, std::vector<PageSource> sources,
                               Directory directory, MediaFiles media, Diagnostics& diagnostics,
                               MarkdownMemo* memo) {
  auto link_targets =
      std::make_shared<LinkTargets>(collect_targets(sources, config, directory.actors, diagnostics));
  link_targets->media = std::move(media);
  const LinkTargets& targets = *link_targets;
  SiteVocabulary terms = resolve_vocabulary(directory.vocabulary, config, diagnostics);
  // Each page and actor is rendered on its own, in parallel, into its own slot; the slots are
  // then gathered in order, so the result is the same whatever thread ran what.
  size_t workers = worker_count();
  Site site;
  site.pages.resize(sources.size());
  std::vector<std::vector<FragmentReference>> page_fragments(sources.size());
  std::vector<Diagnostics> page_diagnostics(sources.size());
  for_each_index(sources.size(), workers, [&](size_t, size_t i) {
    site.pages[i] = render_page(sources[i], config, targets, page_fragments[i], page_diagnostics[i],
                                memo);
  });
  site.actors.resize(directory.actors.size());
  std::vector<std::vector<FragmentReference>> actor_fragments(directory.actors.size());
  std::vector<Diagnostics> actor_diagnostics(directory.actors.size());
  for_each_index(directory.actors.size(), workers, [&](size_t, size_t i) {
    site.actors[i] = assemble_actor(std::move(directory.actors[i]), config, targets, actor_fragments[i],
                                    actor_diagnostics[i], memo);
    resolve_actor_terms(site.actors[i], terms, config, actor_diagnostics[i]);
  });
  std::map<std::string, std::set<std::string>> ids_of_target;
  std::vector<FragmentReference> fragments;
  for (size_t i = 0; i < sources.size(); ++i) {
    auto& ids = ids_of_target[page_key(sources[i].language, sources[i].relative_path)];
    for (const auto& heading : site.pages[i].headings) ids.insert(heading.id);
  }
  for (auto* part : {&page_fragments, &actor_fragments}) {
    for (auto& list : *part) fragments.insert(fragments.end(), list.begin(), list.end());
  }
  for (auto* part : {&page_diagnostics, &actor_diagnostics}) {
    for (const auto& list : *part) diagnostics.append(list);
  }
  for (const auto& reference : fragments) {
    if (starts_with(reference.target, "actor:")) continue;  // actor pages have no headings
    const auto& ids = ids_of_target[reference.target];
    if (ids.count(reference.fragment) || kTemplateIds.count(reference.fragment)) continue;
    auto hints = suggest(reference.fragment, std::vector<std::string>(ids.begin(), ids.end()));
    for (auto& hint : hints) hint = "#" + hint;
    diagnostics.error(reference.location,
                      hints.empty()
                          ? format_message(tr("no heading with id '%1$s' in the linked page"),
                                           reference.fragment)
                          : format_message(tr("no heading with id '%1$s' in the linked page; did you "
                                           "mean %2$s?"),
                                           reference.fragment, quoted_alternatives(hints)));
  }
  std::sort(site.pages.begin(), site.pages.end(), [&](const Page& a, const Page& b) {
    auto rank = [&](const Page& p) {
      return std::tuple(language_rank(config, p.language), static_cast<int>(p.kind), p.weight,
                        p.title, p.path);
    };
    return rank(a) < rank(b);
  });
  std::sort(site.actors.begin(), site.actors.end(),
            [](const Actor& a, const Actor& b) { return a.record.id < b.record.id; });
  site.config = std::move(config);
  site.terms = std::move(terms);
  site.facets = count_facets(site.actors);
  site.tags = collect_tags(site.pages, "tags", directory.vocabulary.tags, diagnostics);
  for (const auto& taxonomy : site.config.taxonomies) {
    if (find_page_field(taxonomy.key)) {
      diagnostics.error(taxonomy.location,
                        format_message(tr("taxonomy key '%1$s' is already a front-matter field"),
                                       taxonomy.key));
    }
    site.taxonomies[taxonomy.key] = collect_tags(site.pages, taxonomy.key,
                                                 directory.vocabulary.taxonomies[taxonomy.key], diagnostics);
  }
  site.link_targets = std::move(link_targets);
  check_footer(site, diagnostics);
  return site;
}

namespace {

/// Whether the page made from `source` is at the same place in `previous` (same URL, kind,
/// translation key and tags), so that rendering it again changes no other page's links.
bool same_place(const PageSource& source, const Page& previous, const SiteConfig& config) {
  return (source.kind == PageKind::kGuideline || source.kind == PageKind::kPage) &&
         source.kind == previous.kind && source.language == previous.language &&
         source.translation_key == previous.translation_key && source.tags == previous.tags &&
         source.taxonomy_terms == previous.taxonomy_terms &&
         page_kind_path(source.kind, *config.language(source.language), source.slug) == previous.path;
}

/// Pages of `previous` the views of the changed pages read: the menu's, the changed pages'
/// other versions and their neighbours in the guidelines' order.
std::vector<bool> pages_around(const Site& previous,
                               const std::map<std::string, const PageSource*>& changed) {
  std::vector<bool> kept(previous.pages.size(), false);
  std::set<std::string> keys;
  for (const auto& page : previous.pages) {
    if (changed.count(page.source_path)) keys.insert(page.translation_key);
  }
  for (size_t i = 0; i < previous.pages.size(); ++i) {
    const Page& page = previous.pages[i];
    kept[i] = kept[i] || page.kind == PageKind::kPage || keys.count(page.translation_key);
    if (!changed.count(page.source_path) || page.kind != PageKind::kGuideline) continue;
    // Pages are sorted by language and kind: the neighbours are the nearest guidelines of
    // the same language.
    auto same_list = [&](size_t j) {
      return previous.pages[j].kind == PageKind::kGuideline && previous.pages[j].language == page.language;
    };
    if (i > 0 && same_list(i - 1)) kept[i - 1] = true;
    if (i + 1 < previous.pages.size() && same_list(i + 1)) kept[i + 1] = true;
  }
  return kept;
}

}  // namespace

std::optional<Site> assemble_part(const Site& previous, const std::vector<const PageSource*>& pages,
                                  const std::vector<const ActorRecord*>& records,
                                  Diagnostics& diagnostics) {
  const SiteConfig& config = previous.config;
  if (!previous.link_targets) return std::nullopt;
  std::map<std::string, const PageSource*> changed_pages;
  for (const auto* source : pages) changed_pages[source->path] = source;
  size_t pages_in_place = 0;
  for (const auto& page : previous.pages) {
    auto source = changed_pages.find(page.source_path);
    if (source == changed_pages.end()) continue;
    if (!same_place(*source->second, page, config)) return std::nullopt;
    ++pages_in_place;
  }
  if (pages_in_place != changed_pages.size()) return std::nullopt;
  for (const auto* record : records) {
    // previous.actors is sorted by id.
    auto it = std::lower_bound(previous.actors.begin(), previous.actors.end(), record->id,
                               [](const Actor& a, const std::string& id) { return a.record.id < id; });
    if (it == previous.actors.end() || it->record.id != record->id) return std::nullopt;
  }

  // The pages are where they were and no file came or went: the links of `previous` hold.
  const LinkTargets& targets = *previous.link_targets;
  int errors_before = diagnostics.error_count();
  std::vector<FragmentReference> fragments;  // checked by the complete build
  Site part;
  part.config = config;
  part.terms = previous.terms;
  part.facets = previous.facets;  // the counts of the complete site, not of this part
  part.tags = previous.tags;      // the same: the changed pages' tags are as they were
  part.taxonomies = previous.taxonomies;
  part.link_targets = previous.link_targets;
  auto kept = pages_around(previous, changed_pages);
  for (size_t i = 0; i < previous.pages.size(); ++i) {
    const Page& page = previous.pages[i];
    if (auto source = changed_pages.find(page.source_path); source != changed_pages.end()) {
      part.pages.push_back(
          render_page(*source->second, config, targets, fragments, diagnostics));
    } else if (kept[i]) {
      part.pages.push_back(page);
    }
  }
  for (const auto* record : records) {
    part.actors.push_back(assemble_actor(*record, config, targets, fragments, diagnostics));
    resolve_actor_terms(part.actors.back(), part.terms, config, diagnostics);
  }
  if (diagnostics.error_count() > errors_before) return std::nullopt;
  return part;
}

}  // namespace passerelle
