// Passerelle directory filters: progressive enhancement of the directory index. The page
// already has the filter links every directory page has (partials/facets.mustache: country,
// kind, sector, each with an item that lifts it, values in the order of their labels, counts
// within the selection). With the engine of search.js (loaded before this file) the same links
// filter the cards in place instead of opening the static page, a text box narrows them by
// name or word, the counts follow, and the state lives in the URL (?country=&kind=&sector=&q=,
// which each link's href carries too, so that it opens in a new tab as it is). Without
// JavaScript the links lead to the static pages, which list the same actors. Text only ever
// reaches the page through textContent and DOM nodes.
(function () {
  'use strict';

  var engine = window.PasserelleSearch && window.PasserelleSearch.engine;
  var layout = document.querySelector('[data-directory-filter]');
  if (!engine || !layout) return;
  var LANG = engine.lang;
  var openIndex = engine.openIndex;
  var loadFile = engine.loadFile;
  var searchLanguage = engine.searchLanguage;
  var el = engine.el;
  var count = engine.count;
  var params = engine.params;
  var setParams = engine.setParams;
  var debounce = engine.debounce;
  var FACETS = ['country', 'kind', 'sector'];

  function directoryFilter(layout) {
    var strings = {};
    Object.keys(layout.dataset).forEach(function (key) {
      if (key.indexOf('t') === 0) strings[key.charAt(1).toLowerCase() + key.slice(2)] = layout.dataset[key];
    });
    var nav = layout.querySelector('[data-facets]');
    var results = layout.querySelector('.directory-results');
    var total = document.querySelector('[data-result-count]');
    var cards = Array.from(layout.querySelectorAll('.actor-card[data-actor]'));
    if (!nav || !results) return;

    Promise.all([openIndex(LANG), loadFile(LANG + '/facets')]).then(function (loaded) {
      build(loaded[1]);
    }).catch(function () {
      layout.dataset.searchReady = '';  // the links lead to the static pages
    });

    function build(data) {
      var actors = {};  // id → { doc, country, kind, sector: [keys] }
      var byDoc = {};
      data.actors.forEach(function (a) {
        actors[a[0]] = { doc: a[1], country: a[2], kind: a[3], sector: a[5] ? a[5].split(' ') : [] };
        byDoc[a[1]] = a[0];
      });
      var links = [];  // { facet, value, a, li, number, spoken }
      nav.querySelectorAll('[data-facet]').forEach(function (list) {
        list.querySelectorAll('a[data-value]').forEach(function (a) {
          links.push({ facet: list.dataset.facet, value: a.dataset.value, a: a, li: a.parentNode,
            number: a.querySelector('.count'), spoken: a.querySelector('.visually-hidden') });
        });
      });
      var known = function (facet, value) {
        return links.some(function (l) { return l.facet === facet && l.value === value; }) ? value : '';
      };

      var p = params();
      var state = { q: p.get('q') || '' };
      // One value per facet, as on the static pages; a list (an older URL) keeps its first.
      FACETS.forEach(function (facet) { state[facet] = known(facet, (p.get(facet) || '').split(',')[0]); });
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
      (nav.querySelector('.facets-fold') || nav).appendChild(clear);
      var empty = el('p', 'filter-empty', strings.none);
      empty.hidden = true;
      results.prepend(empty);
      if (total) total.setAttribute('role', 'status');  // the one count, announced when it changes

      function has(a, facet, value) {
        return facet === 'sector' ? a.sector.indexOf(value) >= 0 : a[facet] === value;
      }

      /// Whether actor `id` is shown by the state, with facet `facet` set to `value` if given.
      function matches(id, facet, value) {
        var a = actors[id];
        if (!a) return false;
        if (textMatches && !textMatches.has(id)) return false;
        return FACETS.every(function (f) {
          var v = f === facet ? value : state[f];
          return !v || has(a, f, v);
        });
      }

      /// "?country=MA&q=…" for the state with `facet` set to `value`: the index, filtered.
      function hrefWith(facet, value) {
        var query = new URLSearchParams();
        if (state.q) query.set('q', state.q);
        FACETS.forEach(function (f) {
          var v = f === facet ? value : state[f];
          if (v) query.set(f, v);
        });
        var here = location.pathname.split('/').pop() || './';  // index.html from disk
        var search = query.toString();
        return here + (search ? '?' + search : '');
      }

      /// Shows the matching cards; updates every link's count, target and mark in place, so
      /// that the focus and the screen reader's position stay where they are.
      function draw() {
        var ids = Object.keys(actors);
        links.forEach(function (l) {
          var n = ids.filter(function (id) { return matches(id, l.facet, l.value); }).length;
          var current = state[l.facet] === l.value;
          l.number.textContent = String(n);
          if (l.spoken) l.spoken.textContent = ' (' + count(strings, 'actors', n) + ')';
          l.a.href = hrefWith(l.facet, l.value);
          if (current) l.a.setAttribute('aria-current', 'page');
          else l.a.removeAttribute('aria-current');
          l.li.hidden = n === 0 && !current;  // as on the static pages, which have no such link
        });
        var shown = 0;
        cards.forEach(function (card) {
          var show = matches(card.dataset.actor);
          card.hidden = !show;
          if (show) shown++;
        });
        layout.querySelectorAll('.country-group').forEach(function (group) {
          var n = group.querySelectorAll('.actor-card:not([hidden])').length;
          group.hidden = n === 0;
          var small = group.querySelector('.group-count');
          if (small) small.textContent = count(strings, 'actors', n);
        });
        var chosen = nav.querySelector('[data-facets-selection]');
        if (chosen) {
          chosen.textContent = '';
          links.forEach(function (l) {
            if (l.value && state[l.facet] === l.value) chosen.appendChild(el('span', 'facets-chosen', l.a.querySelector('.facet-label').textContent));
          });
        }
        empty.hidden = shown > 0;
        if (total) total.textContent = count(strings, 'actors', shown);
        clear.disabled = !state.q && FACETS.every(function (f) { return !state[f]; });
        layout.dataset.searchDone = location.search;  // up to date with the URL
      }

      function update(save) {
        if (save) {
          var values = { q: state.q };
          FACETS.forEach(function (f) { values[f] = state[f]; });
          setParams(values);
        }
        var mine = ++sequence;
        var query = state.q;
        if (!query.trim()) {
          textMatches = null;
          draw();
          return Promise.resolve();
        }
        return searchLanguage(LANG, query, { prefix: true, kinds: ['actor'] }).then(function (result) {
          if (mine !== sequence) return;
          textMatches = new Set(result.hits.map(function (h) { return byDoc[h.doc]; }));
          draw();
        }, function () {
          if (mine !== sequence) return;
          textMatches = null;
          draw();
        });
      }

      links.forEach(function (l) {
        l.a.addEventListener('click', function (event) {
          // A new tab or window opens the href, which says the same.
          if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
          event.preventDefault();
          state[l.facet] = l.value;
          update(true);
        });
      });
      var typed = debounce(function () { update(true); }, 120);
      text.addEventListener('input', function () {
        state.q = text.value;
        typed();
      });
      clear.addEventListener('click', function () {
        state = { q: '', country: '', kind: '', sector: '' };
        text.value = '';
        update(true);
        text.focus();
      });
      layout.classList.add('is-enhanced');
      update(false).then(function () { layout.dataset.searchReady = ''; });
    }
  }

  directoryFilter(layout);
})();
