// Passerelle search client: no dependencies, no eval, no inline script, no wasm.
//
// The index (format: docs/search-index.md) is a folder of classic scripts that each call
// PasserelleSearch.load(name, data). They are loaded by adding <script src> elements, which
// works where fetching and module scripts do not: pages opened from disk (file://), strict
// Content Security Policies (script-src 'self') and any static host.
//
// It is loaded only by the pages that use it: the search page and the directory's index. What
// it does there:
//  - on file:// pages, search forms get an action that opens index.html (the offline edition,
//    `build --offline`, already names it; a page of the web edition opened from disk does not);
//  - the search page ([data-search-page]): results while typing, kind, language and tag facets,
//    the query in the URL.
// The theme ships it minified (themes/default/static/js/, by scripts/minify-theme-js.sh).
// The directory's filters are in directory.js, which uses this engine.
//
// Text from the index only ever lands in the page through textContent and DOM nodes.
(function () {
  'use strict';

  var script = document.currentScript;
  if (!script || !script.dataset.root) return;
  var ROOT = script.dataset.root;            // the index folder, relative to this page
  var LANG = script.dataset.lang || document.documentElement.lang;
  var SITE_ROOT = ROOT.replace(/search\/$/, '');
  var FROM_DISK = location.protocol === 'file:';

  var MAX_WORDS = 10;        // words of a query that are looked up (a 10 kB paste is cut here)
  var MAX_QUERY_CHARS = 500;
  var MIN_PREFIX = 2;        // the last word is completed from this many letters on
  var MIN_TYPO = 5;          // one typo is forgiven in words at least this long
  var MAX_EXPANSIONS = 40;   // completions of a prefix that are scored
  var PAGE_SIZE = 10;
  var FIRST_RESULTS = 3;     // results fetched and shown before the rest of a page
  var MAX_TAG_OPTIONS = 12;  // the tag facet lists the most frequent tags among the results
  var NEAR_BONUS = 1.5;      // all the words of a query in the same text block
  var FAMILY_FACTOR = 0.8;   // a word of the same derivation family ("former" for "formation")
  var TITLE_BOOST = 1;       // a document with every (weighted) query word in its title counts double
  var COVERAGE_POWER = 2;    // how much missing query words (weighted by rarity) cost
  var GOOD_COVERAGE = 0.75;  // "most of the words" results this good need no apology
  var LOAD_TIMEOUT = 10000;

  // ------------------------------------------------------------------ loading index files

  var waiting = {};  // name → resolve function of a file being loaded
  var files = {};    // name → promise of its data

  // Every file but a manifest is named with its language's version (in the manifest), so that
  // a new build is never mixed with cached files; pages themselves carry no version.
  function loadFile(name) {
    if (files[name]) return files[name];
    var lang = name.slice(0, name.indexOf('/'));
    var isManifest = name === lang + '/manifest';
    var versioned = isManifest ? Promise.resolve('') : loadFile(lang + '/manifest').then(function (m) { return m.v || ''; });
    var promise = versioned.then(function (version) { return loadScript(name, version); });
    files[name] = promise;
    promise.catch(function () { delete files[name]; });  // a later search may try again
    return promise;
  }

  function loadScript(name, version) {
    return new Promise(function (resolve, reject) {
      var element = document.createElement('script');
      var timer = setTimeout(function () { fail('timed out'); }, LOAD_TIMEOUT);
      function fail(why) {
        clearTimeout(timer);
        delete waiting[name];
        element.remove();
        reject(new Error('search index file ' + name + ': ' + why));
      }
      waiting[name] = function (data) {
        clearTimeout(timer);
        delete waiting[name];
        resolve(data);
      };
      element.async = true;
      element.src = ROOT + name + '.js' + (version ? '?v=' + encodeURIComponent(version) : '');
      element.onerror = function () { fail('not found'); };
      element.onload = function () {
        element.remove();
        if (waiting[name]) fail('did not register');
      };
      document.head.appendChild(element);
    });
  }

  // ------------------------------------------------------------------ text analysis
  // The same folding and splitting as the generator (generator/search/analyzer.cpp).

  var WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;
  var DIGIT = /\p{N}/u;
  var WORD_RUN = /[\p{L}\p{M}\p{N}]+/gu;

  function fold(text) {
    return text.normalize('NFKD')
      .replace(/[\p{M}\p{Default_Ignorable_Code_Point}\u0640]/gu, '')
      .toLowerCase()
      .replace(/ß/g, 'ss').replace(/ς/g, 'σ').replace(/œ/g, 'oe').replace(/æ/g, 'ae')
      .replace(/[\u2019\u2018\u02BC]/g, "'")
      .replace(/\u0629/g, '\u0647').replace(/\u0649/g, '\u064A')  // taa marbuta, alef maqsura
      .normalize('NFC');
  }

  var ARABIC_WORD = /^(?:(?![\u0660-\u0669\u06F0-\u06F9])[\u0620-\u06FF])+$/;  // letters, not digits
  var ARABIC_ARTICLES = ['\u0648\u0627\u0644', '\u0628\u0627\u0644', '\u0643\u0627\u0644', '\u0641\u0627\u0644', '\u0644\u0644', '\u0627\u0644'];
  var ARABIC_SUFFIXES = ['\u0647\u0627', '\u0627\u0646', '\u0627\u062A', '\u0648\u0646', '\u064A\u0646', '\u064A\u0647', '\u0647', '\u064A'];

  /// Light10-style stem of a folded Arabic word, as the generator's arabic_light_stem()
  /// (analyzer.cpp): "و", the article and the prepositions joined to it, common suffixes.
  function arabicStem(word) {
    if (!ARABIC_WORD.test(word)) return word;
    var w = word;
    if (w.charAt(0) === '\u0648' && w.length - 1 >= 3) w = w.slice(1);
    for (var i = 0; i < ARABIC_ARTICLES.length; i++) {
      var a = ARABIC_ARTICLES[i];
      if (w.startsWith(a) && w.length - a.length >= 2) { w = w.slice(a.length); break; }
    }
    ARABIC_SUFFIXES.forEach(function (x) {
      if (w.endsWith(x) && w.length - x.length >= 2) w = w.slice(0, w.length - x.length);
    });
    return w;
  }

  function splitWords(folded, elisions) {
    var chars = Array.from(folded);
    var words = [];
    var word = '';
    var length = 0;
    var digit = false;
    function flush() {
      if (length > 0 && length <= 40 && (length >= 2 || digit)) words.push(word);
      word = '';
      length = 0;
      digit = false;
    }
    for (var i = 0; i < chars.length; i++) {
      var c = chars[i];
      if (WORD_CHAR.test(c)) {
        word += c;
        length++;
        digit = digit || DIGIT.test(c);
      } else if (c === "'" && length > 0 && i + 1 < chars.length && WORD_CHAR.test(chars[i + 1]) && elisions.has(word)) {
        word = '';  // "l'entreprise": the article goes
        length = 0;
        digit = false;
      } else {
        flush();
      }
    }
    flush();
    return words;
  }

  /// Optimal string alignment distance, stopping early above 1.
  function withinOneEdit(a, b) {
    a = Array.from(a);
    b = Array.from(b);
    if (Math.abs(a.length - b.length) > 1) return false;
    var i = 0;
    while (i < a.length && i < b.length && a[i] === b[i]) i++;
    if (i === a.length && i === b.length) return true;
    var rest = function (x, y) { return a.slice(x).join('') === b.slice(y).join(''); };
    if (a.length === b.length) {
      return rest(i + 1, i + 1) ||
        (a[i] === b[i + 1] && a[i + 1] === b[i] && rest(i + 2, i + 2));  // transposition
    }
    return a.length > b.length ? rest(i + 1, i) : rest(i, i + 1);
  }

  // ------------------------------------------------------------------ the index of a language

  var B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  var B64_VALUE = {};
  for (var b = 0; b < B64.length; b++) B64_VALUE[B64[b]] = b;

  function decodePostings(text) {
    var numbers = [];
    var value = 0;
    var shift = 0;
    for (var i = 0; i < text.length; i++) {
      var digit = B64_VALUE[text[i]];
      value += (digit & 31) * Math.pow(2, shift);
      if (digit & 32) {
        shift += 5;
      } else {
        numbers.push(value);
        value = 0;
        shift = 0;
      }
    }
    var postings = [];
    var doc = 0;
    for (var n = 0; n + 2 < numbers.length; n += 3) {
      doc += numbers[n];
      postings.push({ doc: doc, impact: numbers[n + 1] >> 1, title: (numbers[n + 1] & 1) === 1, block: numbers[n + 2] });
    }
    return postings;
  }

  function words(list) { return new Set(list ? list.split(' ') : []); }

  var indexes = {};  // language → promise of its manifest, prepared

  function openIndex(lang) {
    if (!indexes[lang]) {
      indexes[lang] = loadFile(lang + '/manifest').then(function (m) {
        return {
          lang: lang, name: m.name, dir: m.dir, docs: m.docs, kinds: m.kinds, inline: m.inline, chunk: m.chunk,
          keys: words(m.keys), stop: words(m.stop), elisions: words(m.elision), suffixes: words(m.suffix),
          families: familiesByTerm(m.fam || []),
          tags: tagsByDocument(m.tags || []), shards: {}
        };
      });
      indexes[lang].catch(function () { delete indexes[lang]; });
    }
    return indexes[lang];
  }

  /// term → the other members ({ term, form }) of its derivation families ("term:form …").
  function familiesByTerm(list) {
    var byTerm = new Map();
    list.forEach(function (line) {
      var members = line.split(' ').map(function (m) {
        var at = m.indexOf(':');
        return { term: m.slice(0, at), form: m.slice(at + 1) };
      });
      members.forEach(function (m) {
        var others = byTerm.get(m.term) || [];
        members.forEach(function (o) { if (o.term !== m.term) others.push(o); });
        byTerm.set(m.term, others);
      });
    });
    return byTerm;
  }

  /// doc → its tags ({ slug, label }), from the manifest's [slug, label, [doc, …]] entries.
  function tagsByDocument(entries) {
    var byDoc = {};
    entries.forEach(function (entry) {
      entry[2].forEach(function (doc) {
        (byDoc[doc] = byDoc[doc] || []).push({ slug: entry[0], label: entry[1] });
      });
    });
    return byDoc;
  }

  function kindOf(index, doc) {
    for (var i = 0; i < index.kinds.length; i++) {
      if (doc >= index.kinds[i][1] && doc < index.kinds[i][2]) return index.kinds[i][0];
    }
    return 'page';
  }

  function shardFileName(key) {
    var name = '';
    Array.from(key).forEach(function (c) {
      name += /^[a-z0-9]$/.test(c) ? c : '_' + c.codePointAt(0).toString(16) + '_';
    });
    return name;
  }

  /// The shard holding `word`: the longest shard key that is a prefix of it.
  function shardFor(index, word) {
    var chars = Array.from(word);
    for (var n = Math.min(chars.length, 8); n >= 1; n--) {
      var key = chars.slice(0, n).join('');
      if (index.keys.has(key)) {
        if (!index.shards[key]) {
          index.shards[key] = loadFile(index.lang + '/t/' + shardFileName(key)).then(function (data) {
            var group = function (g) { return { term: g[0], forms: g[1].split(' '), raw: g[2], postings: null }; };
            return { key: key, groups: data.g.map(group), completions: (data.c || []).map(group) };
          });
        }
        return index.shards[key];
      }
    }
    return Promise.resolve(null);
  }

  function postingsOf(group) {
    if (!group.postings) group.postings = decodePostings(group.raw);
    return group.postings;
  }

  /// Terms a query word stands for, each with how much a match counts: the exact word form
  /// (1), a form with a known ending (0.9: "imprese" when only "impresa" was seen), the other
  /// words of its derivation families (× 0.8, from their own shards), completions of the last
  /// word while typing (0.7), and one typo in longer words (0.5).
  function candidatesFor(index, word, isPrefix) {
    return directCandidates(index, word, isPrefix).then(function (found) {
      var relatives = [];
      found.forEach(function (c, term) {
        if (c.factor < 0.9) return;
        (index.families.get(term) || []).forEach(function (r) {
          if (!found.has(r.term)) relatives.push({ relative: r, factor: c.factor * FAMILY_FACTOR });
        });
      });
      return Promise.all(relatives.map(function (r) {
        return shardFor(index, r.relative.form).then(function (shard) {
          var group = shard && shard.groups.find(function (g) { return g.term === r.relative.term; });
          var current = group && found.get(group.term);
          if (group && (!current || current.factor < r.factor)) found.set(group.term, { group: group, factor: r.factor, forms: group.forms });
        }, function () { /* a relative's shard missing: the word's own matches stand */ });
      })).then(function () { return found; });
    });
  }

  function directCandidates(index, word, isPrefix) {
    return shardFor(index, word).then(function (shard) {
      var found = new Map();  // term → { group, factor, forms }
      if (!shard) return found;
      var add = function (group, factor, forms) {
        var current = found.get(group.term);
        if (!current || current.factor < factor) found.set(group.term, { group: group, factor: factor, forms: forms || group.forms });
      };
      shard.groups.forEach(function (g) { if (g.forms.indexOf(word) >= 0) add(g, 1); });
      if (found.size === 0) {
        shard.groups.forEach(function (g) {
          if (word !== g.term && word.startsWith(g.term) && index.suffixes.has(word.slice(g.term.length))) add(g, 0.9);
        });
      }
      if (isPrefix && Array.from(word).length >= MIN_PREFIX) {
        var completions = [];
        shard.groups.concat(shard.completions).forEach(function (g) {
          var forms = g.forms.filter(function (f) { return f !== word && f.startsWith(word); });
          if (forms.length && !found.has(g.term)) completions.push({ group: g, forms: forms });
        });
        completions.sort(function (a, b) { return b.group.raw.length - a.group.raw.length; });
        completions.slice(0, MAX_EXPANSIONS).forEach(function (c) { add(c.group, 0.7, c.forms); });
      }
      if (found.size === 0 && Array.from(word).length >= MIN_TYPO) {
        shard.groups.forEach(function (g) {
          var close = g.forms.filter(function (f) { return Array.from(f).length >= MIN_TYPO - 1 && withinOneEdit(word, f); });
          if (close.length) add(g, 0.5, close);
        });
      }
      return found;
    });
  }

  /// The words of a query for a language, as the index has them.
  function analyze(index, query) {
    var folded = fold(query.slice(0, MAX_QUERY_CHARS));
    var list = [];
    splitWords(folded, index.elisions).forEach(function (w) {
      if (index.stop.has(w)) return;
      w = arabicStem(w);  // as the index has Arabic words, on every site
      if (list.indexOf(w) < 0) list.push(w);
    });
    return list.slice(0, MAX_WORDS);
  }

  /// Documents of one language matching every word of the query, ranked: those with more of
  /// the words in their title (or name) first, then by the BM25F scores of the build.
  function searchLanguage(lang, query, options) {
    return openIndex(lang).then(function (index) {
      var list = analyze(index, query);
      if (list.length === 0) return { index: index, words: [], hits: [] };
      var typingLast = options.prefix && !/\s$/.test(query);
      return Promise.all(list.map(function (w, i) {
        return candidatesFor(index, w, typingLast && i === list.length - 1);
      })).then(function (perWord) {
        var highlight = new Set();
        var tables = perWord.map(function (candidates) {
          var table = new Map();  // doc → { score, title, block }
          candidates.forEach(function (c) {
            c.forms.forEach(function (f) { highlight.add(f); });
            postingsOf(c.group).forEach(function (p) {
              var score = p.impact * c.factor;
              var hit = table.get(p.doc);
              if (!hit) {
                table.set(p.doc, { score: score, title: p.title, block: p.block });
              } else {
                if (score > hit.score) { hit.score = score; hit.block = p.block; }
                hit.title = hit.title || p.title;
              }
            });
          });
          return table;
        });
        // Every document with any of the words. Each word weighs by its rarity (a word in few
        // documents says more about what is searched); a word no document has weighs nothing.
        // A document's coverage is the share of that weight it has, in any field and in its
        // title. Those with every word are `hits`, the others `partial`: search() ranks them
        // together, the directory's text filter keeps to `hits`.
        var weights = tables.map(function (table) { return table.size ? Math.log(1 + index.docs / table.size) : 0; });
        var total = weights.reduce(function (a, b) { return a + b; }, 0) || 1;
        var hits = [];
        var partial = [];
        perDocument(tables, weights).forEach(function (m, doc) {
          var kind = kindOf(index, doc);
          if (options.kinds && options.kinds.indexOf(kind) < 0) return;
          var hit = { lang: lang, index: index, doc: doc, kind: kind, tags: index.tags[doc] || [], score: m.score, titles: m.titles, words: m.words, block: bestBlock(m.blocks), highlight: highlight };
          hit.coverage = m.weight / total;
          // Words first used in the same block are likely near each other ("plan d'affaires").
          var near = m.blocks.length > 1 && m.blocks.filter(function (b) { return b === hit.block; }).length;
          if (near && near === tables.length) hit.score *= NEAR_BONUS;
          else if (near > 1) hit.score *= 1 + (NEAR_BONUS - 1) * (near - 1) / (tables.length - 1);
          hit.rank = hit.score * Math.pow(hit.coverage, COVERAGE_POWER) * (1 + TITLE_BOOST * m.titleWeight / total);
          (m.words < tables.length ? partial : hits).push(hit);
        });
        var unknown = tables.filter(function (table) { return table.size === 0; }).length;
        return { index: index, words: list, hits: hits, partial: partial, unknown: unknown };
      });
    });
  }

  /// doc → { words, weight, score, titles, titleWeight, blocks }: of the words (one table
  /// each) the document has, how many and their weight, the sum of their scores, how many in
  /// its title and their weight, and each one's block.
  function perDocument(tables, weights) {
    var found = new Map();
    tables.forEach(function (table, w) {
      table.forEach(function (hit, doc) {
        var m = found.get(doc);
        if (!m) found.set(doc, (m = { words: 0, weight: 0, score: 0, titles: 0, titleWeight: 0, blocks: [] }));
        m.words++;
        m.weight += weights[w];
        m.score += hit.score;
        m.titles += hit.title ? 1 : 0;
        m.titleWeight += hit.title ? weights[w] : 0;
        m.blocks.push(hit.block);
      });
    });
    return found;
  }

  /// The block where most query words appear (the first one on a tie).
  function bestBlock(blocks) {
    var counts = {};
    var best = blocks[0];
    blocks.forEach(function (b) {
      counts[b] = (counts[b] || 0) + 1;
      if (counts[b] > counts[best] || (counts[b] === counts[best] && b < best)) best = b;
    });
    return best;
  }

  function rank(hits, languages) {
    return hits.sort(function (a, b) {
      return b.rank - a.rank || b.score - a.score ||
        languages.indexOf(a.lang) - languages.indexOf(b.lang) || a.doc - b.doc;
    });
  }

  /// Searches the given languages at once and ranks everything together. When no document has
  /// every word, the result is `partial`: the documents with the most of the words.
  function search(query, languages, options) {
    return Promise.all(languages.map(function (lang) { return searchLanguage(lang, query, options); }))
      .then(function (results) {
        var hits = [];
        var complete = false;
        var unknown = true;  // a word of the query is in no document of any language
        results.forEach(function (r) {
          hits = hits.concat(r.hits, r.partial || []);
          complete = complete || r.hits.length > 0;
          unknown = unknown && r.unknown > 0;
        });
        var indexes = results.map(function (r) { return r.index; });
        hits = rank(hits, languages);
        // Documents with most of the (rarer) words are shown with the others, ranked lower;
        // the status line only says so when no document has every word and the best ones
        // miss much of the query, or a word is nowhere on the site.
        var partial = !complete && hits.length > 0 && (unknown || hits[0].coverage < GOOD_COVERAGE);
        return { hits: hits, indexes: indexes, partial: partial };
      });
  }

  // ------------------------------------------------------------------ results: text and snippets

  function documentOf(hit) { return loadFile(hit.lang + '/d/' + hit.doc); }

  /// The text of the hit's block: the document file holds the first `inline` blocks, chunk
  /// files the rest, so the chunk is known, and fetched alongside the document, from the hit.
  function blockText(hit) {
    var first = hit.index.inline || 1;
    if (hit.block < first) {
      return documentOf(hit).then(function (doc) { return hit.block === 0 ? doc.x : (doc.y || [])[hit.block - 1] || doc.x; });
    }
    var per = hit.index.chunk || 1;
    var chunk = loadFile(hit.lang + '/x/' + hit.doc + '-' + (Math.floor((hit.block - first) / per) + 1));
    return Promise.all([documentOf(hit), chunk.catch(function () { return null; })]).then(function (both) {
      return (both[1] && both[1].x[(hit.block - first) % per]) || both[0].x;
    });
  }

  /// Words of `text` with their places, and whether each is one of the matched forms.
  function marked(text, highlight) {
    var out = [];
    var match;
    WORD_RUN.lastIndex = 0;
    while ((match = WORD_RUN.exec(text))) {
      out.push({ start: match.index, end: match.index + match[0].length, hit: highlight.has(arabicStem(fold(match[0]))) });
    }
    return out;
  }

  /// Appends `text` to `parent`, with matched words in <mark>.
  function appendMarked(parent, text, highlight) {
    var at = 0;
    marked(text, highlight).forEach(function (w) {
      if (!w.hit) return;
      parent.appendChild(document.createTextNode(text.slice(at, w.start)));
      var mark = document.createElement('mark');
      mark.textContent = text.slice(w.start, w.end);
      parent.appendChild(mark);
      at = w.end;
    });
    parent.appendChild(document.createTextNode(text.slice(at)));
  }

  /// About 30 words of the block around the densest group of matches.
  function snippet(text, highlight) {
    var SPAN = 30;
    var list = marked(text, highlight);
    if (list.length <= SPAN) return text;
    var best = 0;
    var bestCount = -1;
    for (var i = 0; i < list.length; i++) {
      if (!list[i].hit) continue;
      var count = 0;
      for (var j = i; j < Math.min(list.length, i + SPAN); j++) count += list[j].hit ? 1 : 0;
      if (count > bestCount) { bestCount = count; best = i; }
    }
    var first = Math.max(0, Math.min(best - 4, list.length - SPAN));
    var last = Math.min(list.length, first + SPAN) - 1;
    var start = first === 0 ? 0 : list[first].start;
    var end = last === list.length - 1 ? text.length : list[last].end;
    return (start > 0 ? '… ' : '') + text.slice(start, end) + (end < text.length ? ' …' : '');
  }

  /// When neither the title nor the snippet shows a matched word, what does: an actor's other
  /// name (the Arabic name, an acronym) or sector label, as { kind: 'aka' | 'sector', text }.
  function why(doc, shown, highlight) {
    var has = function (text) { return marked(text, highlight).some(function (w) { return w.hit; }); };
    if (shown.some(has)) return null;
    var alias = (doc.a || []).find(has);
    if (alias) return { kind: 'aka', text: alias };
    var sector = (doc.s || []).find(has);
    return sector ? { kind: 'sector', text: sector } : null;
  }

  function href(path) {
    var url = SITE_ROOT + path;
    return FROM_DISK && /\/$/.test(url) ? url + 'index.html' : url;
  }

  /// Title, link, kind, meta line and snippet of the hits, fetched in parallel.
  function details(hits) {
    return Promise.all(hits.map(function (hit) {
      return Promise.all([documentOf(hit), blockText(hit)]).then(function (both) {
        var doc = both[0];
        var shown = snippet(both[1] || '', hit.highlight);
        return { hit: hit, title: doc.t, kind: doc.k, url: doc.u, href: href(doc.u), meta: doc.m, text: shown, why: why(doc, [doc.t, shown], hit.highlight) };
      });
    }));
  }

  // ------------------------------------------------------------------ small DOM helpers

  /// Resolves once what the page just changed has been painted (or soon, in a hidden tab).
  function afterPaint() {
    return new Promise(function (resolve) {
      var fallback = setTimeout(resolve, 100);
      requestAnimationFrame(function () {
        clearTimeout(fallback);
        setTimeout(resolve, 0);
      });
    });
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function format(pattern, values) {
    return pattern.replace(/\{(\w+)\}/g, function (all, key) { return key in values ? values[key] : all; });
  }

  function count(strings, base, n) {
    return format(n === 1 ? strings[base + 'One'] : strings[base + 'Other'], { n: n });
  }

  function params() { return new URLSearchParams(location.search); }

  function setParams(values) {
    var p = new URLSearchParams();
    Object.keys(values).forEach(function (key) { if (values[key]) p.set(key, values[key]); });
    var query = p.toString();
    try {
      history.replaceState(null, '', location.pathname + (query ? '?' + query : '') + location.hash);
    } catch (e) { /* some file:// setups refuse: the URL just does not follow */ }
  }

  function debounce(fn, ms) {
    var timer;
    return function () {
      clearTimeout(timer);
      timer = setTimeout(fn, ms);
    };
  }

  function radioGroup(name, legend, options, selected, onChange) {
    var fieldset = el('fieldset', 'facet-fieldset');
    fieldset.appendChild(el('legend', '', legend));
    options.forEach(function (option, i) {
      var id = name + '-' + i;
      var row = el('div', 'facet-option');
      var input = el('input');
      input.type = 'radio';
      input.name = name;
      input.id = id;
      input.value = option.value;
      input.checked = option.value === selected;
      input.disabled = option.count === 0 && !input.checked;
      input.addEventListener('change', function () { onChange(option.value); });
      var label = el('label', '', option.label + ' ');
      label.htmlFor = id;
      label.appendChild(el('span', 'count', String(option.count)));
      row.appendChild(input);
      row.appendChild(label);
      fieldset.appendChild(row);
    });
    return fieldset;
  }

  // ------------------------------------------------------------------ the search page

  function searchPage(root) {
    var strings = {};
    Object.keys(root.dataset).forEach(function (key) {
      if (key.indexOf('t') === 0) strings[key.charAt(1).toLowerCase() + key.slice(2)] = root.dataset[key];
    });
    var form = root.querySelector('.search-form');
    var input = root.querySelector('.search-input');
    var everywhere = root.querySelector('#search-all');
    var status = root.querySelector('.search-status');
    var refine = root.querySelector('.search-refine');
    var facets = refine.querySelector('.search-facets');
    // The facets sit beside the results on wide screens, folded above them on phones.
    var wide = window.matchMedia('(min-width: 60rem)');
    var unfold = function () { refine.open = wide.matches; };
    unfold();
    if (wide.addEventListener) wide.addEventListener('change', unfold);
    var list = root.querySelector('.search-results');
    var languages = Array.from(document.querySelectorAll('link[rel="alternate"][hreflang]'))
      .map(function (link) { return link.hreflang; })
      .filter(function (code, i, all) { return code !== 'x-default' && all.indexOf(code) === i; });
    if (languages.indexOf(LANG) < 0) languages.unshift(LANG);
    languages.sort(function (a, b) { return (b === LANG) - (a === LANG); });

    var state = { q: '', all: false, lang: '', kind: '', tag: '' };
    var found = null;   // the last search: { query, hits, indexes }
    var shown = 0;
    var sequence = 0;   // searches started
    var rendering = 0;  // result lists started

    var p = params();
    state.q = p.get('q') || '';
    state.kind = ['guideline', 'actor', 'page'].indexOf(p.get('kind')) >= 0 ? p.get('kind') : '';
    state.tag = p.get('tag') || '';
    var langParam = p.get('lang') || '';
    state.all = langParam !== '';
    state.lang = langParam === 'all' ? '' : langParam;
    input.value = state.q;
    if (everywhere) everywhere.checked = state.all;

    function save() {
      setParams({ q: state.q, lang: state.all ? state.lang || 'all' : '', kind: state.kind, tag: state.tag });
    }

    function hasTag(hit, slug) {
      return hit.tags.some(function (tag) { return tag.slug === slug; });
    }

    /// The hits the facets other than `except` let through.
    function filtered(except) {
      return found.hits.filter(function (h) {
        return (except === 'kind' || !state.kind || h.kind === state.kind) &&
          (except === 'lang' || !state.lang || h.lang === state.lang) &&
          (except === 'tag' || !state.tag || hasTag(h, state.tag));
      });
    }

    function visible() { return filtered(''); }

    /// The tags of `hits`, most frequent first, with the selected one kept even at 0.
    function tagOptions(hits) {
      var counts = new Map();
      hits.forEach(function (h) {
        h.tags.forEach(function (tag) {
          var seen = counts.get(tag.slug) || { value: tag.slug, label: tag.label, count: 0 };
          seen.count++;
          counts.set(tag.slug, seen);
        });
      });
      var options = Array.from(counts.values()).sort(function (a, b) {
        return b.count - a.count || a.label.localeCompare(b.label, LANG);
      }).slice(0, MAX_TAG_OPTIONS);
      if (state.tag && !counts.has(state.tag)) options.push({ value: state.tag, label: state.tag, count: 0 });
      return options;
    }

    /// Marks the page as up to date with its URL (tests and tools wait for this).
    function done() { root.dataset.searchDone = location.search; }

    function run(prefix) {
      var query = state.q;
      var mine = ++sequence;
      if (!query.trim()) {
        found = null;
        list.hidden = true;
        refine.hidden = true;
        list.textContent = '';
        status.textContent = strings.prompt;
        done();
        return Promise.resolve();
      }
      root.setAttribute('aria-busy', 'true');
      var langs = state.all ? languages : [LANG];
      return search(query, langs, { prefix: prefix }).then(function (result) {
        if (mine !== sequence) return;
        found = { query: query, hits: result.hits, indexes: result.indexes, partial: result.partial };
        if (state.lang && langs.indexOf(state.lang) < 0) state.lang = '';
        shown = 0;
        list.textContent = '';
        return render();
      }).catch(function () {
        if (mine !== sequence) return;
        list.hidden = true;
        refine.hidden = true;
        status.textContent = strings.error;
      }).then(function () {
        if (mine !== sequence) return;
        root.removeAttribute('aria-busy');
        done();
      });
    }

    /// What choosing `value` in the facet `key` does: the list starts again with it.
    function choose(key) {
      return function (value) {
        state[key] = value;
        save();
        shown = 0;
        list.textContent = '';
        render().then(done);
      };
    }

    function renderFacets() {
      var focused = facets.contains(document.activeElement) ? document.activeElement.id : '';
      facets.textContent = '';
      var hits = found.hits;
      if (hits.length === 0) { refine.hidden = true; return; }
      var byKind = filtered('kind');
      var kinds = [{ value: '', label: strings.any, count: byKind.length }];
      ['guideline', 'actor', 'page'].forEach(function (kind) {
        var n = byKind.filter(function (h) { return h.kind === kind; }).length;
        if (n > 0 || state.kind === kind) kinds.push({ value: kind, label: strings[kind], count: n });
      });
      facets.appendChild(radioGroup('search-kind', strings.kind, kinds, state.kind, choose('kind')));
      if (state.all) {
        var byLang = filtered('lang');
        var langs = [{ value: '', label: strings.any, count: byLang.length }];
        found.indexes.forEach(function (index) {
          langs.push({ value: index.lang, label: index.name, count: byLang.filter(function (h) { return h.lang === index.lang; }).length });
        });
        facets.appendChild(radioGroup('search-lang', strings.language, langs, state.lang, choose('lang')));
      }
      var byTag = filtered('tag');
      var tags = tagOptions(byTag);
      if (tags.length) {
        var anyTag = { value: '', label: strings.allTags, count: byTag.length };
        facets.appendChild(radioGroup('search-tag', strings.tags, [anyTag].concat(tags), state.tag, choose('tag')));
      }
      refine.hidden = false;
      if (focused && document.getElementById(focused)) document.getElementById(focused).focus();
    }

    function noResults() {
      list.appendChild(el('li', 'search-empty', strings.hint));
      return offerOtherLanguages();
    }

    /// No result in the page's language: the same query runs at once in the others, and when
    /// they have results one button shows them (as ticking "search other languages" does).
    function offerOtherLanguages() {
      if (state.all || !everywhere || languages.length < 2) return Promise.resolve();
      var mine = sequence;
      var others = languages.filter(function (code) { return code !== LANG; });
      return search(found.query, others, { prefix: false }).then(function (result) {
        if (mine !== sequence || !result.hits.length) return;
        var item = el('li', 'search-empty search-elsewhere', count(strings, 'elsewhere', result.hits.length) + ' ');
        var show = el('button', 'button', strings.elsewhereShow);
        show.type = 'button';
        show.addEventListener('click', function () {
          everywhere.checked = true;
          state.all = true;
          state.lang = '';
          save();
          run(false);
        });
        item.appendChild(show);
        list.appendChild(item);
      }, function () { /* the other languages' index failed to load: the hint stands */ });
    }

    /// Shows the next page of results (all of them when `shown` is 0: a fresh list).
    function render() {
      var hits = visible();
      renderFacets();
      var q = found.query.trim().slice(0, 80);
      status.textContent = !hits.length ? format(strings.noResults, { q: q })
        : found.partial ? format(count(strings, 'partial', hits.length), { q: q })
          : count(strings, 'results', hits.length);
      var old = root.querySelector('.search-more');
      if (old) old.remove();
      list.hidden = false;
      if (hits.length === 0) {
        list.textContent = '';
        return noResults();
      }
      var page = hits.slice(shown, shown + PAGE_SIZE);
      // A search or a facet chosen meanwhile starts another list: this one stops.
      var mine = ++rendering;
      var searchNumber = sequence;
      var current = function () { return mine === rendering && searchNumber === sequence; };
      var show = function (items) {
        if (!current()) return false;
        items.forEach(function (item) { list.appendChild(resultItem(item)); });
        return true;
      };
      // A new list's first results (a phone's screen) are fetched and painted before the others
      // are asked for: on a slow connection the others' files would queue before theirs.
      var first = shown === 0 ? FIRST_RESULTS : PAGE_SIZE;
      return details(page.slice(0, first)).then(function (items) {
        if (!show(items) || page.length <= first) return current();
        return afterPaint().then(function () {
          return current() && details(page.slice(first)).then(show);
        });
      }).then(function (shownAll) {
        if (!shownAll) return;
        shown += page.length;
        if (shown < hits.length) {
          var more = el('button', 'button search-more', strings.more);
          more.type = 'button';
          more.addEventListener('click', function () {
            var next = shown;
            render().then(function () {
              var first = list.children[next];
              var link = first && first.querySelector('a');
              if (link) link.focus();
            });
          });
          list.after(more);
        }
      });
    }

    function resultItem(item) {
      var li = el('li', 'search-result');
      var index = found.indexes.find(function (i) { return i.lang === item.hit.lang; });
      if (item.hit.lang !== LANG) {
        li.lang = item.hit.lang;
        if (index && index.dir) li.dir = index.dir;
      }
      var kinds = el('p', 'search-result-kind');
      kinds.appendChild(el('span', 'badge', strings[item.kind] || item.kind));
      if (state.all && index) {
        var language = el('span', 'search-result-lang', index.name);
        language.lang = index.lang;
        kinds.appendChild(document.createTextNode(' '));
        kinds.appendChild(language);
      }
      li.appendChild(kinds);
      var title = el('h3', 'search-result-title');
      var link = el('a');
      link.href = item.href;
      appendMarked(link, item.title, item.hit.highlight);
      title.appendChild(link);
      li.appendChild(title);
      if (item.meta) li.appendChild(el('p', 'search-result-meta', item.meta));
      if (item.why && strings[item.why.kind]) {
        // "Aussi appelé : OIM", "Secteur : Formation": the match the snippet does not show.
        var why = el('p', 'search-result-meta search-result-why', strings[item.why.kind] + ' ');
        var said = el('bdi');  // an Arabic name in a French line keeps its own direction
        appendMarked(said, item.why.text, item.hit.highlight);
        why.appendChild(said);
        li.appendChild(why);
      }
      if (item.text) {
        var text = el('p', 'search-result-snippet');
        appendMarked(text, item.text, item.hit.highlight);
        li.appendChild(text);
      }
      return li;
    }

    var typed = debounce(function () { save(); run(true); }, 120);
    input.addEventListener('input', function () {
      state.q = input.value;
      typed();
    });
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      state.q = input.value;
      save();
      run(false);
    });
    if (everywhere) {
      everywhere.addEventListener('change', function () {
        state.all = everywhere.checked;
        state.lang = '';
        save();
        run(true);
      });
    }
    list.hidden = true;
    root.classList.add('is-enhanced');
    var arrivedWithQuery = state.q.trim() !== '';
    run(true).then(function () {
      // A search sent from another page lands here: the visitor continues at the results.
      if (arrivedWithQuery && (!document.activeElement || document.activeElement === document.body)) {
        status.focus();
      }
      root.dataset.searchReady = '';
    });
  }

  // ------------------------------------------------------------------ start

  window.PasserelleSearch = {
    /// Called by every index file.
    load: function (name, data) {
      if (waiting[name]) waiting[name](data);
    },
    /// For the theme's other scripts (directory.js): the engine and a few helpers.
    engine: {
      lang: LANG, openIndex: openIndex, loadFile: loadFile, searchLanguage: searchLanguage,
      el: el, count: count, params: params, setParams: setParams, debounce: debounce, href: href
    },
    /// For tools and benchmarks: ranked hits of `query` with their title, URL and snippet.
    query: function (query, options) {
      options = options || {};
      var langs = options.languages || [LANG];
      return search(query, langs, { prefix: options.prefix !== false, kinds: options.kinds }).then(function (result) {
        return details(result.hits.slice(0, options.limit || PAGE_SIZE)).then(function (items) {
          return { total: result.hits.length, results: items.map(function (i) { return { lang: i.hit.lang, kind: i.kind, title: i.title, url: i.url, snippet: i.text, why: i.why }; }) };
        });
      });
    }
  };

  function start() {
    // On pages opened from disk a folder URL shows a file listing: send searches to index.html.
    if (FROM_DISK) {
      document.querySelectorAll('form[role="search"][action$="/"]').forEach(function (form) {
        form.setAttribute('action', form.getAttribute('action') + 'index.html');
      });
    }
    var page = document.querySelector('[data-search-page]');
    if (page) searchPage(page);
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
