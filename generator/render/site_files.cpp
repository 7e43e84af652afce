// Files of the whole site: the root language picker, 404.html, the assets (with content hashes
// in their names) — and render_site, which puts every part of the rendering together.
#include <algorithm>
#include <atomic>
#include <functional>

#include "base/content_hash.h"
#include "model/footer.h"
#include "model/urls.h"
#include "base/parallel.h"
#include "theme/templates.h"
#include "render/views.h"
#include "base/text.h"

namespace passerelle {

void RenderedPages::add(const PageFrame& frame, std::string html,
                        std::vector<std::string> sources) {
  listed.emplace_back(frame.path, frame.translations);
  add_unlisted(frame, std::move(html), std::move(sources));
}

void RenderedPages::add_unlisted(const PageFrame& frame, std::string html,
                                 std::vector<std::string> sources) {
  OutputFile file{output_file_of(frame.path), std::move(html), std::move(sources)};
  if (sink) sink->put(std::move(file));
  else files.push_back(std::move(file));
  ++counts.total;
  ++counts.per_language[frame.language->code];
}

bool RenderedPages::keep(const RenderContext& context, const PageFrame& frame,
                         const std::string& unit) {
  return keep(context, frame, unit.empty() ? std::vector<std::string>{} : std::vector<std::string>{unit});
}

bool RenderedPages::keep(const RenderContext& context, const PageFrame& frame,
                         const std::vector<std::string>& units) {
  if (!context.kept || !sink) return false;  // a plan without a sink: render_pages_of
  const FileSummary* file = context.kept->find(output_file_of(frame.path), units);
  if (!file || !sink->keep(*file)) return false;
  listed.emplace_back(frame.path, frame.translations);
  ++counts.total;
  ++counts.per_language[frame.language->code];
  return true;
}

void RenderedPages::add_root(std::string path, std::string html) {
  OutputFile file{std::move(path), std::move(html)};
  if (sink) sink->put(std::move(file));
  else files.push_back(std::move(file));
  ++counts.total;
}

namespace {

/// css/site.css → css/site.<hash>.css, so that browsers may cache assets forever.
std::string hashed_name(const std::string& path, const std::string& bytes) {
  size_t dot = path.rfind('.');
  size_t slash = path.rfind('/');
  bool hashable = ends_with(path, ".css") || ends_with(path, ".js");
  if (!hashable || dot == std::string::npos || (slash != std::string::npos && dot < slash)) return path;
  return path.substr(0, dot) + "." + content_hash(bytes) + path.substr(dot);
}

View languages_view(const RenderContext& context, const std::function<std::string(const std::string&)>& href) {
  View languages = View::list();
  for (const auto& language : context.site.config.languages) {
    const auto& strings = context.theme.strings.at(language.code);
    View t;
    for (const auto& [key, value] : strings.text) t.set(key, value);
    languages.push(View().set("code", language.code).set("name", language.name)
                       .set("dir", language.direction).set("title", language.title)
                       .set("description", language.description)
                       .set("href", href(home_path(language)))
                       .set("guidelines_href", href(guidelines_path(language)))
                       .set("directory_href", href(directory_path(language)))
                       .set("search_href", href(search_path(language)))
                       .set("t", std::move(t)));
  }
  return languages;
}

View root_frame(const RenderContext& context, const std::function<std::string(const std::string&)>& href) {
  const auto& config = context.site.config;
  const auto& language = *config.language(config.default_language);
  View assets;
  for (const auto& [source, published] : context.asset_paths) {
    std::string key;
    for (char c : source) key += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
    assets.set(key, href(published));
  }
  View t;
  for (const auto& [key, value] : context.theme.strings.at(language.code).text) t.set(key, value);
  View alternates = View::list();
  for (const auto& other : config.languages) {
    alternates.push(View().set("hreflang", other.code).set("href", absolute_url(config, home_path(other))));
  }
  return View().set("lang", language.code).set("dir", language.direction)
      .set("site_title", language.title).set("document_title", language.title)
      .set("description", language.description).set("assets", std::move(assets)).set("t", std::move(t))
      .set("alternates", std::move(alternates)).set("languages", languages_view(context, href));
}

/// The theme's site.css as it can sit inside <style>: nothing when it could end the element.
std::string inline_stylesheet(const Theme& theme) {
  for (const auto& file : theme.static_files) {
    if (file.path != "css/site.css") continue;
    if (ascii_lower(file.bytes).find("</style") != std::string::npos) return "";
    return file.bytes;
  }
  return "";
}

/// 404.html is served at any depth, on hosts that are not always the production one: its
/// styles are inline, its links and script start from the root of base_url's path
/// ("/", "/guide/"), which is where a host serves the site.
View not_found_view(const RenderContext& context) {
  const auto& config = context.site.config;
  std::string root = root_path(config);
  View view = root_frame(context, [&](const std::string& path) { return root + path; });
  std::string title, description;
  for (const auto& language : config.languages) {
    const auto& strings = context.theme.strings.at(language.code);
    title += (title.empty() ? "" : " · ") + strings.get("not_found_title");
    description += (description.empty() ? "" : " · ") + strings.get("not_found_text");
  }
  const auto& brand = config.language(config.default_language)->short_title;
  view.set("document_title", title + " — " + brand)
      .set("description", description)
      .set("brand", brand)
      .set("inline_css", inline_stylesheet(context.theme));
  return view;
}

void render_root_pages(const RenderContext& context, RenderedPages& out, Diagnostics& diagnostics) {
  const auto& config = context.site.config;
  View root = root_frame(context, [&](const std::string& path) {
    return page_url("", path, config.page_links);  // assets are files: they stay as they are
  });
  root.set("canonical", absolute_url(config, ""));
  root.set("x_default", absolute_url(config, ""));
  out.add_root("index.html", context.theme.templates.render("root", root, diagnostics, context.worker));
  out.add_root("404.html", context.theme.templates.render("404", not_found_view(context),
                                                          diagnostics, context.worker));
}

/// One unit of rendering work; jobs are independent and each fills its own output.
using RenderJob = std::function<void(const RenderContext&, RenderedPages&, Diagnostics&)>;

std::vector<RenderJob> render_jobs(const Site& site) {
  constexpr size_t kActorsPerJob = 500;
  std::vector<RenderJob> jobs;
  for (const auto& language : site.config.languages) {
    const LanguageConfig* l = &language;
    jobs.push_back([l](auto& c, auto& out, auto& d) { render_content_pages(c, *l, out, d); });
    jobs.push_back([l](auto& c, auto& out, auto& d) { render_directory_listings(c, *l, out, d); });
    jobs.push_back([l](auto& c, auto& out, auto& d) { render_print_edition(c, *l, out, d); });
    jobs.push_back([l](auto& c, auto& out, auto& d) { render_search_page(c, *l, out, d); });
    jobs.push_back([l](auto& c, auto& out, auto& d) { render_tag_pages(c, *l, out, d); });
    for (size_t first = 0; first < site.actors.size(); first += kActorsPerJob) {
      jobs.push_back([l, first](auto& c, auto& out, auto& d) {
        render_actor_pages(c, *l, first, first + kActorsPerJob, out, d);
      });
    }
  }
  return jobs;
}

/// Runs the jobs on the theme's workers; each page goes to `sink` as it is rendered (every
/// file's bytes depend on the model only), the rest is kept in job order, so the output does
/// not depend on which thread ran what.
void run_jobs(const RenderContext& base, const std::vector<RenderJob>& jobs, OutputSink& sink,
              std::vector<RenderedPages>& outputs, std::vector<Diagnostics>& diagnostics,
              const std::atomic<bool>* cancelled) {
  outputs.resize(jobs.size());
  for (auto& output : outputs) output.sink = &sink;
  diagnostics.resize(jobs.size());
  size_t workers = std::min(base.theme.templates.workers(), jobs.size());
  std::vector<RenderContext> contexts(std::max<size_t>(workers, 1), base);
  for (size_t worker = 0; worker < contexts.size(); ++worker) contexts[worker].worker = worker;
  for_each_index(jobs.size(), workers, [&](size_t worker, size_t job) {
    jobs[job](contexts[worker], outputs[job], diagnostics[job]);
  }, cancelled);
}

/// The context of a rendering: the model, the theme and where its assets are published (the
/// assets themselves go to `out`).
RenderContext render_context(const Site& site, const Theme& theme, RenderedPages& out) {
  RenderContext context{site, theme, {}, {}, {}, 0};
  std::vector<const Actor*> actors;
  for (const auto& actor : site.actors) actors.push_back(&actor);
  context.actors_by_name = actors_by_name(actors);
  for (const auto& language : site.config.languages) {
    // The legal notice and the accessibility statement are linked from the footer instead.
    auto& menu = context.menu_pages[language.code];
    for (const Page* page : site.pages_of(language.code, PageKind::kPage)) {
      if (!is_footer_page(site.config, *page)) menu.push_back(page);
    }
  }
  for (const auto& file : theme.static_files) {
    std::string published = hashed_name(file.path, file.bytes);
    context.asset_paths[file.path] = published;
    OutputFile asset{published, file.bytes};
    if (out.sink) out.sink->put(std::move(asset));
    else out.files.push_back(std::move(asset));
  }
  return context;
}

}  // namespace

RenderedSite render_site(const Site& site, const Theme& theme, OutputSink& sink,
                         Diagnostics& diagnostics, const std::atomic<bool>* cancelled,
                         const KeptOutputs* kept) {
  RenderedPages out;
  out.sink = &sink;
  RenderContext context = render_context(site, theme, out);
  context.kept = kept;
  std::vector<RenderedPages> outputs;
  std::vector<Diagnostics> job_diagnostics;
  run_jobs(context, render_jobs(site), sink, outputs, job_diagnostics, cancelled);
  for (size_t i = 0; i < outputs.size(); ++i) {
    for (auto& entry : outputs[i].listed) out.listed.push_back(std::move(entry));
    out.counts.total += outputs[i].counts.total;
    for (const auto& [language, n] : outputs[i].counts.per_language) out.counts.per_language[language] += n;
    diagnostics.append(job_diagnostics[i]);
  }
  render_root_pages(context, out, diagnostics);
  return {std::move(out.counts), std::move(out.listed)};
}

OutputPlan render_pages_of(const Site& site, const Theme& theme,
                           const std::set<std::string>& source_paths, Diagnostics& diagnostics) {
  RenderedPages assets;
  RenderContext context = render_context(site, theme, assets);
  RenderedPages out;
  for (const auto& page : site.pages) {
    if (source_paths.count(page.source_path)) render_content_page(context, page, out, diagnostics);
  }
  for (const auto& actor : site.actors) {
    if (!source_paths.count(actor.record.path)) continue;
    for (const auto& language : site.config.languages) {
      render_actor_page(context, language, actor, out, diagnostics);
    }
  }
  return std::move(out.files);
}

}  // namespace passerelle
