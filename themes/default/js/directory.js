// Passerelle directory filters: progressive enhancement of the directory index. The index is
// split in pages (…/page/2/), each with the filter links every directory page has
// (partials/facets.mustache: country, kind, sector, each with an item that lifts it, values in
// the order of their labels, counts within the selection), which lead to the static facet
// pages, themselves split in pages. With the engine of search.js (loaded before this file) the
// same links filter the whole directory in place, a text box narrows it by name or word, the
// counts follow, and the state lives in the URL (?country=&kind=&sector=&q=&page=, which each
// link's href carries too, so that it opens in a new tab as it is).
//
// Nothing is loaded until the visitor filters (or arrives with a filter in the URL): then the
// actors' facet data (search/<lang>/facets.js: ids, names, facet codes, not cards) is loaded
// once, the matching actors are computed over all of them, and only the cards of the page shown
// are built, from that data. Text only ever reaches the page through textContent and DOM nodes.
(function () {
  'use strict';

  var engine = window.PasserelleSearch && window.PasserelleSearch.engine;
  var layout = document.querySelector('[data-directory-filter]');
  if (!engine || !layout) return;
  var LANG = engine.lang;
  var loadFile = engine.loadFile;
  var searchLanguage = engine.searchLanguage;
  var el = engine.el;
  var count = engine.count;
  var params = engine.params;
  var setParams = engine.setParams;
  var debounce = engine.debounce;
  var siteHref = engine.href;
  var FACETS = ['country', 'kind', 'sector'];
  var NEIGHBOURS = 2;  // page numbers shown around the current one (render/pagination.cpp)

  function format(pattern, values) {
    return pattern.replace(/\{(\w+)\}/g, function (all, key) { return key in values ? values[key] : all; });
  }

  function directoryFilter(layout) {
    var strings = {};
    Object.keys(layout.dataset).forEach(function (key) {
      if (key.indexOf('t') === 0 && key.length > 1) strings[key.charAt(1).toLowerCase() + key.slice(2)] = layout.dataset[key];
    });
    var nav = layout.querySelector('[data-facets]');
    var results = layout.querySelector('.directory-results');
    var total = document.querySelector('[data-result-count]');
    var pageSize = Math.max(1, parseInt(layout.dataset.pageSize, 10) || 50);
    var indexHref = layout.dataset.index || './';
    if (!nav || !results) return;

    var links = [];  // { facet, value, a, li, number, spoken, page }
    nav.querySelectorAll('[data-facet]').forEach(function (list) {
      list.querySelectorAll('a[data-value]').forEach(function (a) {
        // `page`: the static page of the value, which the country headings link to.
        links.push({ facet: list.dataset.facet, value: a.dataset.value, a: a, li: a.parentNode,
          number: a.querySelector('.count'), spoken: a.querySelector('.visually-hidden'),
          page: a.getAttribute('href') });
      });
    });
    var known = function (facet, value) {
      return links.some(function (l) { return l.facet === facet && l.value === value; }) ? value : '';
    };

    var p = params();
    var state = { q: p.get('q') || '', page: Math.max(1, parseInt(p.get('page'), 10) || 1) };
    // One value per facet, as on the static pages; a list (an older URL) keeps its first.
    FACETS.forEach(function (facet) { state[facet] = known(facet, (p.get(facet) || '').split(',')[0]); });
    var data = null;         // the facet data, once loaded
    var loading = null;      // its promise
    var textMatches = null;  // ids matching the text query, null when there is none
    var sequence = 0;

    var textRow = el('div', 'filter-text');
    textRow.setAttribute('role', 'search');
    var textLabel = el('label', 'filter-label', strings.text);
    textLabel.htmlFor = 'filter-q';
    var text = el('input', 'filter-input');
    text.type = 'search';
    text.id = 'filter-q';
    text.name = 'q';
    text.autocomplete = 'off';
    text.value = state.q;
    textRow.appendChild(textLabel);
    textRow.appendChild(text);
    // First in the filters, after their summary (a control inside a <summary> is nested in it).
    var summary = nav.querySelector('summary');
    if (summary) summary.after(textRow);
    else nav.querySelector('h2').after(textRow);
    var clear = el('button', 'button filter-clear', strings.clear);
    clear.type = 'button';
    clear.disabled = !filtered();
    (nav.querySelector('.facets-fold') || nav).appendChild(clear);
    var empty = el('p', 'filter-empty', strings.none);
    empty.hidden = true;
    results.prepend(empty);
    if (total) total.setAttribute('role', 'status');  // the one count, announced when it changes

    function filtered() {
      return !!state.q || FACETS.some(function (f) { return state[f]; });
    }

    /// The actors' facet data: { actors: {id: actor}, list: [actor], byDoc, labels, order }.
    function load() {
      if (!loading) {
        loading = loadFile(LANG + '/facets').then(function (raw) {
          var labels = {};  // facet → key → label
          var order = {};   // country key → place in the list of countries, by label
          raw.groups.forEach(function (g) {
            labels[g[0]] = {};
            g[1].forEach(function (item, i) {
              labels[g[0]][item[0]] = item[1];
              if (g[0] === 'country') order[item[0]] = i;
            });
          });
          var byDoc = {};
          var list = raw.actors.map(function (a) {
            byDoc[a[1]] = a[0];
            return { id: a[0], country: a[2], kind: a[3], region: a[4], sector: a[5] ? a[5].split(' ') : [],
              name: a[6] || a[0], short: a[7] || '', city: a[8] || '', website: a[9] || '', rank: a[10] || 0 };
          });
          // The index's order: countries by label, then names.
          list.sort(function (x, y) {
            return ((order[x.country] || 0) - (order[y.country] || 0)) || (x.rank - y.rank);
          });
          data = { list: list, byDoc: byDoc, labels: labels, page: raw.page };
          return data;
        });
        loading.catch(function () { loading = null; });  // a later filter may try again
      }
      return loading;
    }

    function has(a, facet, value) {
      return facet === 'sector' ? a.sector.indexOf(value) >= 0 : a[facet] === value;
    }

    /// "?country=MA&q=…" for the state with `changes`: the index, filtered.
    function hrefWith(changes) {
      var query = new URLSearchParams();
      var next = Object.assign({}, state, { page: 1 }, changes);
      if (next.q) query.set('q', next.q);
      FACETS.forEach(function (f) { if (next[f]) query.set(f, next[f]); });
      if (next.page > 1) query.set('page', String(next.page));
      var search = query.toString();
      return indexHref + (search ? '?' + search : '');
    }

    /// Counts every link's value among the actors the other filters keep, in one pass.
    function counts(list) {
      var n = {};
      FACETS.forEach(function (f) { n[f] = { '': 0 }; });
      list.forEach(function (a) {
        if (textMatches && !textMatches.has(a.id)) return;
        var misses = FACETS.filter(function (f) { return state[f] && !has(a, f, state[f]); });
        if (misses.length > 1) return;
        FACETS.forEach(function (f) {
          if (misses.length === 1 && misses[0] !== f) return;  // another filter leaves it out
          var counted = n[f];
          counted['']++;
          (f === 'sector' ? a.sector : [a[f]]).forEach(function (v) { counted[v] = (counted[v] || 0) + 1; });
        });
      });
      return n;
    }

    function card(a) {
      var li = el('li', 'actor-card');
      li.dataset.actor = a.id;
      var title = el('h3', 'actor-name');
      var link = el('a');
      link.href = siteHref(data.page.replace('{id}', a.id));
      link.appendChild(el('bdi', '', a.name));
      title.appendChild(link);
      if (a.short) {
        title.appendChild(document.createTextNode(' '));
        title.appendChild(el('abbr', 'short-name', a.short));
      }
      li.appendChild(title);
      var place = [a.city, data.labels.region[a.region], data.labels.country[a.country]].filter(Boolean);
      li.appendChild(el('p', 'actor-place', place.join(strings.listSeparator || ', ')));
      var kind = el('p', 'actor-kind');
      kind.appendChild(el('span', 'badge', data.labels.kind[a.kind] || a.kind));
      li.appendChild(kind);
      var sectors = el('ul', 'sector-list');
      a.sector.forEach(function (s) { sectors.appendChild(el('li', '', data.labels.sector[s] || s)); });
      li.appendChild(sectors);
      if (/^https?:\/\//i.test(a.website)) {
        var contact = el('p', 'actor-contact');
        var site = el('a', '', strings.website);
        site.href = a.website;
        site.rel = 'noopener';
        contact.appendChild(site);
        li.appendChild(contact);
      }
      return li;
    }

    /// The page's cards, under the headings of their countries, as the static pages have them.
    function groups(shown, matching) {
      var perCountry = {};
      matching.forEach(function (a) { perCountry[a.country] = (perCountry[a.country] || 0) + 1; });
      var sections = [];
      var list = null;
      shown.forEach(function (a) {
        if (!list || list.dataset.country !== a.country) {
          var section = el('section', 'country-group');
          var id = 'country-' + a.country;
          section.setAttribute('aria-labelledby', id);
          var heading = el('h2');
          heading.id = id;
          var target = links.find(function (l) { return l.facet === 'country' && l.value === a.country; });
          var label = data.labels.country[a.country] || a.country;
          if (target) {
            var link = el('a', '', label);
            link.href = target.page;
            heading.appendChild(link);
          } else {
            heading.appendChild(document.createTextNode(label));
          }
          heading.appendChild(document.createTextNode(' '));
          heading.appendChild(el('span', 'group-count', count(strings, 'actors', perCountry[a.country])));
          section.appendChild(heading);
          list = el('ul', 'actor-list');
          list.dataset.country = a.country;
          section.appendChild(list);
          sections.push(section);
        }
        list.appendChild(card(a));
      });
      sections.forEach(function (s) { s.querySelector('ul').removeAttribute('data-country'); });
      return sections;
    }

    /// The pagination of partials/pagination.mustache, its links carrying the state.
    function pagination(pages) {
      if (pages <= 1) return null;
      var nav = el('nav', 'pagination');
      nav.setAttribute('aria-label', strings.pagination);
      nav.appendChild(el('p', 'pagination-status', format(strings.pageOf, { n: state.page, count: pages })));
      var list = el('ul');
      var item = function (className, label, number, rel) {
        var li = el('li', className);
        var a = el('a', '', label);
        a.href = hrefWith({ page: number });
        a.dataset.page = String(number);
        if (rel) a.rel = rel;
        li.appendChild(a);
        list.appendChild(li);
        return a;
      };
      if (state.page > 1) item('pagination-previous', strings.previousPage, state.page - 1, 'prev');
      var gap = false;
      for (var n = 1; n <= pages; n++) {
        var near = n === 1 || n === pages || (n + NEIGHBOURS >= state.page && n <= state.page + NEIGHBOURS);
        if (!near) {
          if (!gap) {
            var dots = el('li', 'pagination-gap', '…');
            dots.setAttribute('aria-hidden', 'true');
            list.appendChild(dots);
          }
          gap = true;
          continue;
        }
        gap = false;
        var a = item('', String(n), n);
        a.setAttribute('aria-label', format(strings.pageNumber, { n: n, count: pages }));
        if (n === state.page) a.setAttribute('aria-current', 'page');
      }
      if (state.page < pages) item('pagination-next', strings.nextPage, state.page + 1, 'next');
      nav.appendChild(list);
      nav.addEventListener('click', function (event) {
        var a = event.target.closest('a[data-page]');
        if (!a || !plainClick(event)) return;
        event.preventDefault();
        state.page = Number(a.dataset.page);
        update(true).then(function () {
          // As search.js after "more": the visitor goes on at the first new result.
          var first = results.querySelector('.actor-card a');
          if (first) first.focus();
        });
      });
      return nav;
    }

    /// Draws the state: the links' counts, targets and marks updated in place (the focus and
    /// the screen reader's position stay where they are), the matching cards of the page.
    function draw() {
      var n = counts(data.list);
      links.forEach(function (l) {
        var number = n[l.facet][l.value] || 0;
        var current = state[l.facet] === l.value;
        l.number.textContent = String(number);
        if (l.spoken) l.spoken.textContent = ' (' + count(strings, 'actors', number) + ')';
        var change = {};
        change[l.facet] = l.value;
        l.a.href = hrefWith(change);
        if (current) l.a.setAttribute('aria-current', 'page');
        else l.a.removeAttribute('aria-current');
        l.li.hidden = number === 0 && !current;  // as on the static pages, which have no such link
      });
      var matching = data.list.filter(function (a) {
        if (textMatches && !textMatches.has(a.id)) return false;
        return FACETS.every(function (f) { return !state[f] || has(a, f, state[f]); });
      });
      var pages = Math.max(1, Math.ceil(matching.length / pageSize));
      state.page = Math.min(state.page, pages);
      var shown = matching.slice((state.page - 1) * pageSize, state.page * pageSize);
      results.querySelectorAll('.country-group, .pagination').forEach(function (e) { e.remove(); });
      groups(shown, matching).forEach(function (section) { results.appendChild(section); });
      var pager = pagination(pages);
      if (pager) results.appendChild(pager);
      var chosen = nav.querySelector('[data-facets-selection]');
      if (chosen) {
        chosen.textContent = '';
        links.forEach(function (l) {
          if (l.value && state[l.facet] === l.value) chosen.appendChild(el('span', 'facets-chosen', l.a.querySelector('.facet-label').textContent));
        });
      }
      empty.hidden = matching.length > 0;
      if (total) total.textContent = count(strings, 'actors', matching.length);
      clear.disabled = !filtered();
      layout.dataset.searchDone = location.search;  // up to date with the URL
    }

    function update(save) {
      if (save) {
        var values = { q: state.q, page: state.page > 1 ? String(state.page) : '' };
        FACETS.forEach(function (f) { values[f] = state[f]; });
        setParams(values);
      }
      var mine = ++sequence;
      var query = state.q;
      results.setAttribute('aria-busy', 'true');
      var matched = !query.trim() ? Promise.resolve(null)
        : searchLanguage(LANG, query, { prefix: true, kinds: ['actor'] });
      return Promise.all([load(), matched]).then(function (loaded) {
        if (mine !== sequence) return;
        var result = loaded[1];
        textMatches = result ? new Set(result.hits.map(function (h) { return data.byDoc[h.doc]; })) : null;
        draw();
      }, function () {
        if (mine !== sequence) return;
        // The data did not load: the links lead to the static pages, as without JavaScript.
        if (data) {
          textMatches = null;
          draw();
        }
      }).then(function () {
        if (mine === sequence) results.removeAttribute('aria-busy');
      });
    }

    function plainClick(event) {
      // A new tab or window opens the href, which says the same.
      return !(event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey);
    }

    links.forEach(function (l) {
      l.a.addEventListener('click', function (event) {
        if (!plainClick(event)) return;
        event.preventDefault();
        state[l.facet] = l.value;
        state.page = 1;
        update(true);
      });
    });
    var typed = debounce(function () { update(true); }, 120);
    text.addEventListener('input', function () {
      state.q = text.value;
      state.page = 1;
      typed();
    });
    clear.addEventListener('click', function () {
      state = { q: '', page: 1, country: '', kind: '', sector: '' };
      text.value = '';
      update(true);
      text.focus();
    });
    layout.classList.add('is-enhanced');
    // The page as published is the state without filters: it stays as it is, with no data
    // loaded, unless the URL asks for a filter or another page of the results.
    var ready = filtered() || p.get('page') ? update(false) : Promise.resolve();
    ready.then(function () {
      if (!layout.dataset.searchDone) layout.dataset.searchDone = location.search;
      layout.dataset.searchReady = '';
    });
  }

  directoryFilter(layout);
})();
