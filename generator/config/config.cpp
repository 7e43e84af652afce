#include "config/config.h"

#include <set>

#include "base/text.h"
#include "base/toml_fields.h"
#include "messages/messages.h"

namespace passerelle {

const LanguageConfig* SiteConfig::language(const std::string& code) const {
  for (const auto& language : languages) {
    if (language.code == code) return &language;
  }
  return nullptr;
}

bool is_http_url(std::string_view url) {
  size_t colon = url.find("://");
  if (colon == std::string_view::npos) return false;
  std::string scheme = ascii_lower(url.substr(0, colon));  // schemes are case-insensitive
  size_t host = colon + 3;
  return (scheme == "http" || scheme == "https") && url.size() > host && url[host] != '/' &&
         url.find_first_of(" \t\r\n<>\"") == std::string_view::npos;
}

std::string with_trailing_slash(std::string url) {
  if (url.empty() || url.back() != '/') url += '/';
  return url;
}

namespace {

bool is_language_code(std::string_view code) {
  if (code.empty() || code.size() > 12) return false;
  for (char c : code) {
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-')) return false;
  }
  return true;
}

void read_sections(TomlReader& language, LanguageConfig& config) {
  const toml::table* table = language.table("sections", true);
  if (!table) return;
  TomlReader sections(*table, language.path(), language.diagnostics(),
                      "languages." + config.code + ".sections");
  sections.reject_unknown({"guidelines", "directory", "search", "country", "kind", "sector", "print", "tags"});
  auto slug = [&](std::string_view key, const char* fallback) {
    auto value = sections.string(key, fallback == nullptr);
    std::string result = value.value_or(fallback ? fallback : "");
    if (value && !is_valid_id(*value)) {
      sections.diagnostics().error(sections.location(key),
                                   format_message(tr("section slug '%1$s' must use only a-z, 0-9 "
                                                     "and single hyphens"),
                                                  *value));
    }
    return result;
  };
  config.sections.guidelines = slug("guidelines", nullptr);
  config.sections.directory = slug("directory", nullptr);
  config.sections.search = slug("search", "search");
  config.sections.country = slug("country", "country");
  config.sections.kind = slug("kind", "kind");
  config.sections.sector = slug("sector", "sector");
  config.sections.print = slug("print", "print");
  config.sections.tags = slug("tags", "tags");
}

/// A table of one line of text per language code (footer.funder, print.publisher), read
/// into `lines`; which languages it must name is checked once they are known
/// (check_line_languages).
void read_language_lines(TomlReader& reader, std::string_view key, const std::string& name,
                         std::map<std::string, std::string>& lines, SourceLocation& location) {
  const toml::table* table = reader.table(key, false);
  if (!table) return;
  location = reader.location(key);
  for (const auto& [code, node] : *table) {
    auto text = node.value<std::string>();
    if (!text || text->empty()) {
      reader.diagnostics().error(location_of(node, reader.path()),
                                 format_message(tr("%1$s.%2$s must be the text in that language, "
                                                   "as a string"),
                                                name, std::string(code.str())));
      continue;
    }
    lines[std::string(code.str())] = *text;
  }
}

/// Once such a table is given, it needs a line for every language, and only declared ones.
void check_line_languages(const SiteConfig& config, const std::string& name,
                          const std::map<std::string, std::string>& lines,
                          const SourceLocation& location, Diagnostics& diagnostics) {
  if (lines.empty()) return;
  for (const auto& [code, text] : lines) {
    if (!config.language(code)) {
      diagnostics.error(location, format_message(tr("%1$s names language '%2$s', which site.toml "
                                                    "does not declare"),
                                                 name, code));
    }
  }
  for (const auto& language : config.languages) {
    if (!lines.count(language.code)) {
      diagnostics.error(location, format_message(tr("%1$s has no line for language '%2$s'"), name,
                                                 language.code));
    }
  }
}

void read_print(TomlReader& site, PrintConfig& print) {
  const toml::table* table = site.table("print", false);
  if (!table) return;
  TomlReader reader(*table, site.path(), site.diagnostics(), "print");
  reader.reject_unknown({"annex", "publisher", "volume_guidelines"});
  print.annex = reader.boolean("annex").value_or(true);
  if (auto size = reader.integer("volume_guidelines")) {
    if (*size < 0) {
      reader.diagnostics().error(reader.location("volume_guidelines"),
                                 tr("print.volume_guidelines must be 0 (never split the edition) "
                                    "or a number of guidelines"));
    } else {
      print.volume_guidelines = *size;
    }
  }
  read_language_lines(reader, "publisher", "print.publisher", print.publisher,
                      print.publisher_location);
}

void read_listings(TomlReader& site, int64_t& page_size) {
  const toml::table* table = site.table("listings", false);
  if (!table) return;
  TomlReader reader(*table, site.path(), site.diagnostics(), "listings");
  reader.reject_unknown({"page_size"});
  if (auto size = reader.integer("page_size")) {
    if (*size < 1 || *size > 1000) {
      reader.diagnostics().error(reader.location("page_size"),
                                 tr("listings.page_size must be a number of entries from 1 to "
                                    "1000"));
    } else {
      page_size = *size;
    }
  }
}

std::optional<LanguageConfig> read_language(const toml::table& table, const std::string& path,
                                            Diagnostics& diagnostics) {
  TomlReader reader(table, path, diagnostics, "languages");
  reader.reject_unknown({"code", "name", "direction", "title", "short_title", "description",
                         "sections"});
  LanguageConfig language;
  auto code = reader.string("code", true);
  if (!code) return std::nullopt;
  if (!is_language_code(*code)) {
    diagnostics.error(reader.location("code"),
                      format_message(tr("language code '%1$s' must be a BCP 47 code such as fr or "
                                        "it"),
                                     *code));
    return std::nullopt;
  }
  language.code = *code;
  language.name = reader.string("name", true).value_or(language.code);
  language.direction = reader.string("direction", false).value_or("ltr");
  if (language.direction != "ltr" && language.direction != "rtl") {
    diagnostics.error(reader.location("direction"),
                      tr("field 'languages.direction' must be \"ltr\" or \"rtl\""));
  }
  language.title = reader.string("title", true).value_or("");
  language.short_title = reader.string("short_title", false).value_or(language.title);
  language.description = reader.string("description", false).value_or("");
  read_sections(reader, language);
  return language;
}

/// [footer]: strings only here; the model checks the contact and that the pages exist.
void read_footer(TomlReader& site, FooterConfig& footer) {
  const toml::table* table = site.table("footer", false);
  if (!table) return;
  TomlReader reader(*table, site.path(), site.diagnostics(), "footer");
  reader.reject_unknown({"contact", "legal_notice", "accessibility", "funder"});
  auto read = [&](std::string_view key, std::string& value, SourceLocation& location) {
    value = reader.string(key, false).value_or("");
    location = reader.location(key);
  };
  read("contact", footer.contact, footer.contact_location);
  read("legal_notice", footer.legal_notice, footer.legal_notice_location);
  read("accessibility", footer.accessibility, footer.accessibility_location);
  read_language_lines(reader, "funder", "footer.funder", footer.funder, footer.funder_location);
}

void read_budgets(TomlReader& site, Budgets& budgets) {
  const toml::table* table = site.table("budgets", false);
  if (!table) return;
  TomlReader reader(*table, site.path(), site.diagnostics(), "budgets");
  reader.reject_unknown({"search_index_bytes", "search_query_bytes", "page_bytes", "picture_bytes",
                         "download_bytes"});
  auto read = [&](std::string_view key, Budget& budget) {
    auto value = reader.integer(key);
    if (!value) return;
    budget.location = reader.location(key);
    if (*value <= 0) {
      reader.diagnostics().error(budget.location,
                                 format_message(tr("budget '%1$s' must be a positive number of "
                                                   "bytes"),
                                                std::string(key)));
      return;
    }
    budget.bytes = *value;
  };
  read("search_index_bytes", budgets.search_index_bytes);
  read("search_query_bytes", budgets.search_query_bytes);
  read("page_bytes", budgets.page_bytes);
  read("picture_bytes", budgets.picture_bytes);
  read("download_bytes", budgets.download_bytes);
}

/// [redirects]: "/former/path/" = "/where/it/leads/", both from the site's root.
void read_redirects(const toml::table& site, const std::string& path, Diagnostics& diagnostics,
                    std::vector<ConfiguredRedirect>& redirects) {
  const auto* table = site.get_as<toml::table>("redirects");
  if (!table) {
    if (site.contains("redirects")) {
      diagnostics.error(location_of(*site.get("redirects"), path),
                        tr("[redirects] must be a table of \"/former/path/\" = \"/new/path/\""));
    }
    return;
  }
  for (const auto& [key, node] : *table) {
    SourceLocation location = location_of(node, path);
    auto target = node.value<std::string>();
    if (!target) {
      diagnostics.error(location, format_message(tr("redirect '%1$s' must lead to a path, as a "
                                                    "string such as \"/fr/\""),
                                                 std::string(key.str())));
      continue;
    }
    redirects.push_back({std::string(key.str()), *target, location});
  }
}

}  // namespace

std::optional<SiteConfig> parse_site_config(std::string_view text, const std::string& path,
                                            Diagnostics& diagnostics) {
  int errors_before = diagnostics.error_count();
  auto table = parse_toml(text, path, diagnostics);
  if (!table) return std::nullopt;
  TomlReader reader(*table, path, diagnostics);
  reader.reject_unknown({"base_url", "default_language", "allow_raw_html", "theme", "languages", "print", "budgets",
                         "review_months", "redirects", "redirects_file", "taxonomies", "footer",
                         "listings"});
  SiteConfig config;
  config.base_url = with_trailing_slash(reader.string("base_url", true).value_or("/"));
  if (!is_http_url(config.base_url)) {
    diagnostics.error(reader.location("base_url"),
                      tr("base_url must be an absolute http(s) URL such as https://example.org/"));
  }
  config.allow_raw_html = reader.boolean("allow_raw_html").value_or(false);
  config.review_months = reader.integer("review_months").value_or(config.review_months);
  if (config.review_months < 1 || config.review_months > 120) {
    diagnostics.error(reader.location("review_months"),
                      tr("review_months must be a number of months from 1 to 120"));
  }
  config.theme = reader.string("theme", false).value_or("default");
  if (!is_valid_id(config.theme)) {
    diagnostics.error(reader.location("theme"),
                      tr("theme name must use only a-z, 0-9 and hyphens"));
  }
  read_print(reader, config.print);
  read_listings(reader, config.listing_page_size);
  read_footer(reader, config.footer);
  read_redirects(*table, path, diagnostics, config.redirects);
  config.redirects_file = reader.boolean("redirects_file").value_or(false);
  read_budgets(reader, config.budgets);
  std::set<std::string> codes;
  if (const auto* languages = reader.array("languages", true)) {
    for (const auto& node : *languages) {
      const auto* language_table = node.as_table();
      if (!language_table) {
        diagnostics.error(location_of(node, path), tr("each [[languages]] entry must be a table"));
        continue;
      }
      auto language = read_language(*language_table, path, diagnostics);
      if (!language) continue;
      if (!codes.insert(language->code).second) {
        diagnostics.error(location_of(*language_table, path),
                          format_message(tr("language '%1$s' is declared twice"),
                                         language->code));
        continue;
      }
      config.languages.push_back(std::move(*language));
    }
  }
  if (config.languages.empty() && table->contains("languages")) {
    diagnostics.error(reader.location("languages"), tr("site.toml declares no [[languages]]"));
  }
  config.default_language =
      reader.string("default_language", false).value_or(
          config.languages.empty() ? "" : config.languages.front().code);
  if (!config.languages.empty() && !config.language(config.default_language)) {
    diagnostics.error(reader.location("default_language"),
                      format_message(tr("default_language '%1$s' is not one of the declared "
                                        "languages"),
                                     config.default_language));
  }
  config.taxonomies = read_taxonomies(*table, path, config.languages, diagnostics);
  check_line_languages(config, "footer.funder", config.footer.funder, config.footer.funder_location,
                       diagnostics);
  check_line_languages(config, "print.publisher", config.print.publisher,
                       config.print.publisher_location, diagnostics);
  if (diagnostics.error_count() > errors_before) return std::nullopt;
  return config;
}

}  // namespace passerelle
