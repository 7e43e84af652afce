// Passerelle directory filters: progressive enhancement of the directory index. With the
// engine of search.js (loaded before this file), the static facet links give way to filters
// by country, kind, sector and region, combinable with each other and with a text query; each
// value shows how many actors it would leave; the state lives in the URL; the count is
// announced through a live region. Without JavaScript the static facet pages remain.
// Text only ever reaches the page through textContent and DOM nodes.
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

  function directoryFilter(layout) {
    var strings = {};
    Object.keys(layout.dataset).forEach(function (key) {
      if (key.indexOf('t') === 0) strings[key.charAt(1).toLowerCase() + key.slice(2)] = layout.dataset[key];
    });
    var staticFacets = layout.querySelector('.facets');
    var results = layout.querySelector('.directory-results');
    var cards = Array.from(layout.querySelectorAll('.actor-card[data-actor]'));

    Promise.all([openIndex(LANG), loadFile(LANG + '/facets')]).then(function (loaded) {
      build(loaded[1]);
    }).catch(function () {
      layout.dataset.searchReady = '';  // the static facet links stay
    });

    function build(data) {
      var actors = {};  // id → { doc, country, kind, region, sectors }
      var byDoc = {};
      data.actors.forEach(function (a) {
        actors[a[0]] = { doc: a[1], country: a[2], kind: a[3], region: a[4], sectors: a[5] ? a[5].split(' ') : [] };
        byDoc[a[1]] = a[0];
      });
      var groups = {};
      data.groups.forEach(function (g) { groups[g[0]] = g[1]; });
      var known = function (group, value) {
        return groups[group].some(function (v) { return v[0] === value; }) ? value : '';
      };

      var p = params();
      var state = {
        q: p.get('q') || '',
        country: known('country', p.get('country') || ''),
        kind: known('kind', p.get('kind') || ''),
        region: known('region', p.get('region') || ''),
        sector: (p.get('sector') || '').split(',').filter(function (s) { return known('sector', s); })
      };
      var textMatches = null;  // ids matching the text query, null when there is none
      var sequence = 0;

      var section = el('section', 'filters');
      section.setAttribute('aria-labelledby', 'filters-title');
      var heading = el('h2', '', strings.title);
      heading.id = 'filters-title';
      section.appendChild(heading);
      var form = el('form', 'filter-form');
      form.setAttribute('role', 'search');
      form.setAttribute('aria-labelledby', 'filters-title');
      form.addEventListener('submit', function (event) { event.preventDefault(); });
      var textLabel = el('label', 'filter-label', strings.text);
      textLabel.htmlFor = 'filter-q';
      var text = el('input', 'filter-input');
      text.type = 'search';
      text.id = 'filter-q';
      text.name = 'q';
      text.autocomplete = 'off';
      text.value = state.q;
      form.appendChild(textLabel);
      form.appendChild(text);
      // On small screens the groups fold away under one line, unless some are in use.
      var more = el('details', 'filter-more');
      var summary = el('summary', '', [strings.country, strings.kind, strings.sector, strings.region].join(strings.separator || ', '));
      more.appendChild(summary);
      more.open = window.matchMedia('(min-width: 60rem)').matches ||
        !!(state.country || state.kind || state.region || state.sector.length);
      var controls = el('div', 'filter-groups');
      more.appendChild(controls);
      form.appendChild(more);
      var clear = el('button', 'button filter-clear', strings.clear);
      clear.type = 'button';
      form.appendChild(clear);
      section.appendChild(form);
      var status = el('p', 'filter-status');  // above the results, announced when it changes
      status.setAttribute('role', 'status');
      var empty = el('p', 'filter-empty', strings.none);
      empty.hidden = true;
      results.prepend(status, empty);
      staticFacets.hidden = true;
      staticFacets.after(section);

      function matches(id, skip) {
        var a = actors[id];
        if (!a) return false;
        if (textMatches && !textMatches.has(id)) return false;
        if (skip !== 'country' && state.country && a.country !== state.country) return false;
        if (skip !== 'kind' && state.kind && a.kind !== state.kind) return false;
        if (skip !== 'region' && state.region && a.region !== state.region) return false;
        return state.sector.every(function (s) { return a.sectors.indexOf(s) >= 0; });
      }

      function countWhere(predicate) {
        var n = 0;
        Object.keys(actors).forEach(function (id) { if (predicate(id, actors[id])) n++; });
        return n;
      }

      // Every control is built once; refresh() updates its counts and states in place, so
      // that the focus and the screen reader's position stay where they are.
      var refreshers = [];

      function option(fieldset, type, name, id, value, text, isChecked, onChange, countOf) {
        var row = el('div', 'facet-option');
        var input = el('input');
        input.type = type;
        input.name = name;
        input.id = id;
        input.value = value;
        input.addEventListener('change', function () { onChange(input.checked); });
        var label = el('label', '', text + ' ');
        label.htmlFor = id;
        var number = el('span', 'count');
        label.appendChild(number);
        row.appendChild(input);
        row.appendChild(label);
        fieldset.appendChild(row);
        refreshers.push(function () {
          var n = countOf();
          input.checked = isChecked();
          input.disabled = n === 0 && !input.checked;
          number.textContent = String(n);
        });
      }

      function radios(group, legend, anyLabel) {
        var fieldset = el('fieldset', 'facet-fieldset');
        fieldset.appendChild(el('legend', '', legend));
        var values = [['', anyLabel]].concat(groups[group]);
        values.forEach(function (v, i) {
          option(fieldset, 'radio', 'filter-' + group, 'filter-' + group + '-' + i, v[0], v[1],
            function () { return state[group] === v[0]; },
            function () { state[group] = v[0]; update(true); },
            function () { return countWhere(function (id, a) { return matches(id, group) && (!v[0] || a[group] === v[0]); }); });
        });
        return fieldset;
      }

      function sectorBoxes() {
        var fieldset = el('fieldset', 'facet-fieldset');
        fieldset.appendChild(el('legend', '', strings.sector));
        var hint = el('p', 'filter-hint', strings.sectorsHint);
        hint.id = 'filter-sector-hint';
        fieldset.setAttribute('aria-describedby', hint.id);
        fieldset.appendChild(hint);
        groups.sector.forEach(function (v, i) {
          option(fieldset, 'checkbox', 'filter-sector', 'filter-sector-' + i, v[0], v[1],
            function () { return state.sector.indexOf(v[0]) >= 0; },
            function (checked) {
              state.sector = state.sector.filter(function (s) { return s !== v[0]; }).concat(checked ? [v[0]] : []);
              update(true);
            },
            function () { return countWhere(function (id, a) { return matches(id) && a.sectors.indexOf(v[0]) >= 0; }); });
        });
        return fieldset;
      }

      function regionSelect() {
        var wrap = el('div', 'facet-fieldset facet-select');
        var label = el('label', '', strings.region);
        label.htmlFor = 'filter-region';
        var select = el('select');
        select.id = 'filter-region';
        select.name = 'region';
        [['', strings.anyRegion]].concat(groups.region).forEach(function (v) {
          var item = el('option');
          item.value = v[0];
          select.appendChild(item);
          refreshers.push(function () {
            var n = countWhere(function (id, a) { return matches(id, 'region') && (!v[0] || a.region === v[0]); });
            item.textContent = v[1] + ' (' + n + ')';
            item.selected = state.region === v[0];
            item.disabled = n === 0 && !item.selected;
          });
        });
        select.addEventListener('change', function () {
          state.region = select.value;
          update(true);
        });
        wrap.appendChild(label);
        wrap.appendChild(select);
        return wrap;
      }

      controls.appendChild(radios('country', strings.country, strings.anyCountry));
      controls.appendChild(radios('kind', strings.kind, strings.anyKind));
      controls.appendChild(sectorBoxes());
      if (groups.region.length) controls.appendChild(regionSelect());

      /// Shows the matching cards and updates every count.
      function draw() {
        refreshers.forEach(function (refresh) { refresh(); });
        var shownIds = new Set();
        cards.forEach(function (card) {
          var show = matches(card.dataset.actor);
          card.hidden = !show;
          if (show) shownIds.add(card.dataset.actor);
        });
        layout.querySelectorAll('.country-group').forEach(function (group) {
          var n = group.querySelectorAll('.actor-card:not([hidden])').length;
          group.hidden = n === 0;
          var small = group.querySelector('.group-count');
          if (small) small.textContent = count(strings, 'actors', n);
        });
        empty.hidden = shownIds.size > 0;
        status.textContent = count(strings, 'actors', shownIds.size);
        clear.disabled = !state.q && !state.country && !state.kind && !state.region && state.sector.length === 0;
        layout.dataset.searchDone = location.search;  // up to date with the URL
      }

      function update(save) {
        if (save) {
          setParams({ q: state.q, country: state.country, kind: state.kind, sector: state.sector.join(','), region: state.region });
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

      var typed = debounce(function () { update(true); }, 120);
      text.addEventListener('input', function () {
        state.q = text.value;
        typed();
      });
      clear.addEventListener('click', function () {
        state = { q: '', country: '', kind: '', region: '', sector: [] };
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
