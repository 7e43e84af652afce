// The minimal Hugo layouts that produce the same pages as Passerelle's default theme: home per
// language, guideline with its table of contents, section lists, actor page, taxonomy pages.
// They use the theme's CSS classes and UI strings (site.Params.t, copied from the theme's
// i18n files) so that the pages carry about the same markup as Passerelle's.
#include "hugo.h"

namespace corpus {

const std::vector<std::pair<std::string, std::string>>& hugo_layouts() {
  static const std::vector<std::pair<std::string, std::string>> kLayouts = {
      {"_default/baseof.html", R"(<!DOCTYPE html>
<html lang="{{ site.Language.Lang }}" dir="{{ site.Language.LanguageDirection | default "ltr" }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ if .IsHome }}{{ site.Title }}{{ else }}{{ .Title }} · {{ site.Title }}{{ end }}</title>
<meta name="description" content="{{ with .Description }}{{ . }}{{ else }}{{ site.Params.description }}{{ end }}">
<meta name="color-scheme" content="light dark">
<link rel="canonical" href="{{ .Permalink }}">
{{ range .AllTranslations }}<link rel="alternate" hreflang="{{ .Language.Lang }}" href="{{ .Permalink }}">
{{ end }}{{ with site.Home.OutputFormats.Get "rss" }}<link rel="alternate" type="application/rss+xml" title="{{ site.Params.t.feed }}" href="{{ .RelPermalink }}">
{{ end }}<link rel="icon" href="{{ "favicon.svg" | relURL }}" type="image/svg+xml">
<link rel="stylesheet" href="{{ "css/site.css" | relURL }}">
</head>
<body>
<a class="skip-link" href="#main">{{ site.Params.t.skip_to_content }}</a>
<header class="site-header">
<div class="wrap header-inner">
<a class="brand" href="{{ site.Home.RelPermalink }}"><span class="brand-mark" aria-hidden="true"></span><span class="brand-text">{{ site.Title }}</span></a>
<nav class="language-switcher" aria-label="{{ site.Params.t.language_switcher }}">
<ul>
<li><span class="current" lang="{{ site.Language.Lang }}" aria-current="true">{{ site.Language.LanguageName }}</span></li>
{{ range .Translations }}<li><a href="{{ .RelPermalink }}" lang="{{ .Language.Lang }}" hreflang="{{ .Language.Lang }}">{{ .Language.LanguageName }}</a></li>
{{ end }}</ul>
</nav>
{{ partialCached "nav.html" . site.Language.Lang }}
</div>
</header>
{{ if not .IsHome }}{{ with .Parent }}<nav class="breadcrumbs wrap" aria-label="{{ site.Params.t.breadcrumb }}">
<ol>
<li><a href="{{ site.Home.RelPermalink }}">{{ site.Params.t.home }}</a></li>
{{ if not .IsHome }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>
{{ end }}<li><span aria-current="page">{{ $.Title }}</span></li>
</ol>
</nav>{{ end }}{{ end }}
{{ block "main" . }}{{ end }}
<footer class="site-footer">
<div class="wrap footer-inner">
<p class="footer-about">{{ site.Params.t.footer_about }}</p>
<ul class="footer-links">
{{ with site.Home.OutputFormats.Get "rss" }}<li><a href="{{ .RelPermalink }}">{{ site.Params.t.feed }}</a></li>{{ end }}
</ul>
</div>
</footer>
</body>
</html>
)"},
      {"partials/nav.html", R"(<nav class="site-nav" aria-label="{{ site.Params.t.main_navigation }}">
<ul>
<li><a href="{{ site.Home.RelPermalink }}">{{ site.Params.t.home }}</a></li>
{{ with site.GetPage (printf "/%s" site.Params.guidelines) }}<li><a href="{{ .RelPermalink }}">{{ site.Params.t.guidelines }}</a></li>{{ end }}
{{ with site.GetPage (printf "/%s" site.Params.directory) }}<li><a href="{{ .RelPermalink }}">{{ site.Params.t.directory_short }}</a></li>{{ end }}
{{ range where site.RegularPages "Section" "" }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>
{{ end }}</ul>
</nav>
)"},
      {"index.html", R"({{ define "main" }}
<main id="main">
<section class="hero">
<div class="wrap">
<h1>{{ .Title }}</h1>
{{ with .Description }}<p class="lead">{{ . }}</p>{{ end }}
<p class="hero-actions">{{ with site.GetPage (printf "/%s" site.Params.guidelines) }}<a class="button primary" href="{{ .RelPermalink }}">{{ site.Params.t.read_guidelines }}</a>{{ end }} {{ with site.GetPage (printf "/%s" site.Params.directory) }}<a class="button" href="{{ .RelPermalink }}">{{ site.Params.t.find_actor }}</a>{{ end }}</p>
</div>
</section>
<div class="wrap home-body">
{{ with .Content }}<div class="prose home-intro">{{ . }}</div>{{ end }}
<section class="home-section" aria-labelledby="home-guidelines">
<h2 id="home-guidelines">{{ site.Params.t.guidelines }}</h2>
<ol class="guideline-list">
{{ with site.GetPage (printf "/%s" site.Params.guidelines) }}{{ range .Pages.ByWeight }}<li class="guideline-item"><h3><a href="{{ .RelPermalink }}">{{ .Title }}</a></h3><p>{{ .Description }}</p></li>
{{ end }}{{ end }}</ol>
</section>
<section class="home-section" aria-labelledby="home-directory">
<h2 id="home-directory">{{ site.Params.t.directory }}</h2>
<p>{{ site.Params.t.directory_description }}</p>
<ul class="country-tiles">
{{ range site.Taxonomies.countries.ByCount }}<li><a href="{{ .Page.RelPermalink }}"><span class="tile-label">{{ .Page.Title }}</span> <span class="tile-count">{{ .Count }}</span></a></li>
{{ end }}</ul>
</section>
</div>
</main>
{{ end }}
)"},
      {"_default/list.html", R"({{ define "main" }}
<main id="main" class="wrap">
<header class="page-header">
<h1>{{ .Title }}</h1>
</header>
{{ with .Content }}<div class="prose intro">{{ . }}</div>{{ end }}
{{ if eq .Section site.Params.directory }}
<div class="directory-layout">
{{ partial "facets.html" . }}
<div class="directory-results">
{{ range .Pages.GroupByParam "country_label" }}<section class="country-group">
<h2>{{ .Key }} <span class="group-count">{{ len .Pages }}</span></h2>
<ul class="actor-list">
{{ range .Pages.ByTitle }}{{ partial "actor-card.html" . }}{{ end }}</ul>
</section>
{{ end }}</div>
</div>
{{ else }}
<ol class="guideline-list">
{{ range .Pages.ByWeight }}<li class="guideline-item">
<h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2>
<p>{{ .Description }}</p>
<p class="meta"><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date | time.Format ":date_long" }}</time>{{ if ne .Lastmod .Date }} · {{ site.Params.t.updated }} <time datetime="{{ .Lastmod.Format "2006-01-02" }}">{{ .Lastmod | time.Format ":date_long" }}</time>{{ end }}</p>
</li>
{{ end }}</ol>
{{ end }}
</main>
{{ end }}
)"},
      {"_default/single.html", R"({{ define "main" }}
<main id="main" class="wrap" data-pagefind-body>
<article class="guideline">
<header class="page-header">
<h1>{{ .Title }}</h1>
{{ with .Description }}<p class="lead">{{ . }}</p>{{ end }}
<p class="meta">{{ site.Params.t.published }} <time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date | time.Format ":date_long" }}</time>{{ if ne .Lastmod .Date }} · {{ site.Params.t.updated }} <time datetime="{{ .Lastmod.Format "2006-01-02" }}">{{ .Lastmod | time.Format ":date_long" }}</time>{{ end }}</p>
</header>
<div class="article-layout">
<nav class="toc" id="toc" aria-labelledby="toc-title">
<h2 id="toc-title">{{ site.Params.t.contents }}</h2>
{{ .TableOfContents }}
</nav>
<div class="prose">
{{ .Content }}
</div>
</div>
{{ with .Params.tags }}<p class="tags"><span class="tags-label">{{ site.Params.t.tags }}</span> {{ range . }}<span class="tag">{{ . }}</span> {{ end }}</p>{{ end }}
<nav class="pager" aria-label="{{ site.Params.t.guidelines }}">
{{ with .PrevInSection }}<a class="pager-previous" rel="prev" href="{{ .RelPermalink }}"><span class="pager-label">{{ site.Params.t.previous }}</span> <span class="pager-title">{{ .Title }}</span></a>{{ end }}
{{ with .NextInSection }}<a class="pager-next" rel="next" href="{{ .RelPermalink }}"><span class="pager-label">{{ site.Params.t.next }}</span> <span class="pager-title">{{ .Title }}</span></a>{{ end }}
</nav>
</article>
</main>
{{ end }}
)"},
      {"actor/single.html", R"({{ define "main" }}
<main id="main" class="wrap" data-pagefind-body>
<article class="actor">
<header class="page-header">
<h1><bdi>{{ .Title }}</bdi>{{ with .Params.short_name }} <abbr class="short-name">{{ . }}</abbr>{{ end }}</h1>
<p class="actor-summary"><span class="badge">{{ .Params.kind_label }}</span> <span class="actor-place">{{ .Params.place }}</span></p>
</header>
<div class="actor-layout">
<div class="actor-main">
<section class="actor-section" aria-labelledby="actor-about">
<h2 id="actor-about">{{ site.Params.t.about_actor }}</h2>
{{ if .Params.description_untranslated }}<p class="untranslated">{{ site.Params.t.untranslated_text }} {{ .Params.description_lang }}</p>{{ end }}
<div class="prose" lang="{{ .Params.description_lang }}">
{{ .Content }}
</div>
</section>
{{ with .Params.services }}<section class="actor-section" aria-labelledby="actor-services">
<h2 id="actor-services">{{ site.Params.t.services }}</h2>
{{ if $.Params.services_untranslated }}<p class="untranslated">{{ site.Params.t.untranslated_text }} {{ $.Params.services_lang }}</p>{{ end }}
<ul class="services" lang="{{ $.Params.services_lang }}">
{{ range . }}<li>{{ . }}</li>
{{ end }}</ul>
</section>{{ end }}
</div>
<aside class="actor-facts" aria-labelledby="actor-contact">
<h2 id="actor-contact">{{ site.Params.t.contact }}</h2>
<dl>
<dt>{{ site.Params.t.kind }}</dt><dd>{{ range .GetTerms "kinds" }}<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a>{{ end }}</dd>
<dt>{{ site.Params.t.location }}</dt><dd>{{ with .Params.city }}{{ . }}<br>{{ end }}{{ with .Params.region_label }}{{ . }}<br>{{ end }}{{ range .GetTerms "countries" }}<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a>{{ end }}</dd>
<dt>{{ site.Params.t.sectors }}</dt><dd><ul class="sector-links">{{ range .GetTerms "sectors" }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}</ul></dd>
{{ with .Params.spoken }}<dt>{{ site.Params.t.languages_spoken }}</dt><dd>{{ range . }}<span class="spoken">{{ . }}</span> {{ end }}</dd>{{ end }}
{{ with .Params.other_names }}<dt>{{ site.Params.t.also_known_as }}</dt><dd><ul class="other-names">{{ range . }}<li lang="{{ .lang }}">{{ .name }}</li>{{ end }}</ul></dd>{{ end }}
{{ with .Params.website }}<dt>{{ site.Params.t.website }}</dt><dd><a href="{{ . }}" rel="noopener">{{ . }}</a></dd>{{ end }}
{{ with .Params.email }}<dt>{{ site.Params.t.email }}</dt><dd><a href="mailto:{{ . }}">{{ . }}</a></dd>{{ end }}
{{ with .Params.phone }}<dt>{{ site.Params.t.phone }}</dt><dd><a href="tel:{{ replace . " " "" }}">{{ . }}</a></dd>{{ end }}
{{ with .Params.address }}<dt>{{ site.Params.t.address }}</dt><dd>{{ . }}</dd>{{ end }}
{{ with .Params.coordinates }}<dt>{{ site.Params.t.map }}</dt><dd><a href="https://www.openstreetmap.org/?mlat={{ .lat }}&amp;mlon={{ .lon }}" rel="noopener">OpenStreetMap</a></dd>{{ end }}
</dl>
<p class="reviewed">{{ site.Params.t.last_reviewed }} <time datetime="{{ .Params.last_reviewed }}">{{ .Date | time.Format ":date_long" }}</time></p>
</aside>
</div>
</article>
</main>
<script type="application/ld+json">{{ dict "@context" "https://schema.org" "@type" "Organization" "name" .Title "url" (.Params.website | default "") "email" (.Params.email | default "") "telephone" (.Params.phone | default "") "address" (.Params.address | default "") | jsonify | safeJS }}</script>
{{ end }}
)"},
      {"partials/actor-card.html", R"(<li class="actor-card">
<h3 class="actor-name"><a href="{{ .RelPermalink }}"><bdi>{{ .Title }}</bdi></a>{{ with .Params.short_name }} <abbr class="short-name">{{ . }}</abbr>{{ end }}</h3>
<p class="actor-place">{{ .Params.place }}</p>
<p class="actor-kind"><span class="badge">{{ .Params.kind_label }}</span></p>
<ul class="sector-list">
{{ range .Params.sectors }}<li>{{ . }}</li>
{{ end }}</ul>
{{ with .Params.website }}<p class="actor-contact"><a href="{{ . }}" rel="noopener">{{ site.Params.t.website }}</a></p>{{ end }}
</li>
)"},
      {"partials/facets.html", R"(<nav class="facets" aria-labelledby="facets-title">
<h2 id="facets-title">{{ site.Params.t.narrow }}</h2>
{{ $current := .RelPermalink }}
{{ range $taxonomy := slice "countries" "kinds" "sectors" }}<section class="facet-group">
<h3>{{ index site.Params.t (index (dict "countries" "country" "kinds" "kind" "sectors" "sectors") $taxonomy) }}</h3>
<ul>
{{ range (index site.Taxonomies $taxonomy).Alphabetical }}<li>{{ if eq .Page.RelPermalink $current }}<span class="facet current" aria-current="page">{{ .Page.Title }} <span class="count">{{ .Count }}</span></span>{{ else }}<a class="facet" href="{{ .Page.RelPermalink }}">{{ .Page.Title }} <span class="count">{{ .Count }}</span></a>{{ end }}</li>
{{ end }}</ul>
</section>
{{ end }}</nav>
)"},
      {"_default/term.html", R"({{ define "main" }}
<main id="main" class="wrap">
<header class="page-header">
<h1>{{ .Title }}</h1>
<p class="result-count">{{ len .Pages }}{{ with site.GetPage (printf "/%s" site.Params.directory) }} · <a href="{{ .RelPermalink }}">{{ site.Params.t.all_actors }}</a>{{ end }}</p>
</header>
<div class="directory-layout">
{{ partial "facets.html" . }}
<div class="directory-results">
<ul class="actor-list">
{{ range .Pages.ByTitle }}{{ partial "actor-card.html" . }}{{ end }}</ul>
</div>
</div>
</main>
{{ end }}
)"},
      {"_default/terms.html", R"({{ define "main" }}
<main id="main" class="wrap">
<header class="page-header">
<h1>{{ .Title }}</h1>
</header>
<ul>
{{ range .Data.Terms.Alphabetical }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> <span class="count">{{ .Count }}</span></li>
{{ end }}</ul>
</main>
{{ end }}
)"},
      {"404.html", R"({{ define "main" }}
<main id="main" class="wrap">
<h1>{{ site.Params.t.not_found_title }}</h1>
<p>{{ site.Params.t.not_found_text }}</p>
<p><a href="{{ site.Home.RelPermalink }}">{{ site.Params.t.back_home }}</a></p>
</main>
{{ end }}
)"},
  };
  return kLayouts;
}

}  // namespace corpus
