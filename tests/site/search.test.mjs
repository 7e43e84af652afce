#!/usr/bin/env node
// search.test.mjs <site-dir> [--config site.toml] [--only substring]
//
// The search and the directory filters in Debian's Chromium (playwright-core), against the
// built site served on 127.0.0.1 under a strict Content Security Policy, then opened from
// disk (file://). Queries are typed like a visitor would; what they must find is worked out
// from the site itself (actors.json and the text of the built pages), not written down here.
// Prints one line per check and exits 1 if any fails.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadSite, parseArgs, startServer, launchChromium, routeContext, waitForEnhancements, watchdog } from './lib/site.mjs';

const USAGE = 'usage: node search.test.mjs <site-dir> [--config site.toml] [--only substring]';
watchdog(420);

const { positional, options } = parseArgs(process.argv.slice(2), ['site-dir'], USAGE);
const { siteDir, config } = loadSite(positional[0], options.config);
const [fr, it] = ['fr', 'it'].map((code) => config.languages.find((l) => l.code === code));
if (!fr || !it) {
  console.error('these checks need the bundled site: French and Italian');
  process.exit(2);
}
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

// ------------------------------------------------------------------ what the site contains

const data = JSON.parse(fs.readFileSync(path.join(siteDir, 'actors.json'), 'utf8'));
const actorPath = (actor, code) => new URL(actor.urls[code]).pathname;
const fold = (text) => text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/œ/g, 'oe').replace(/’/g, "'");
const searchPath = (l) => `/${l.code}/${l.sections.search}/`;

/// The pages the index covers (guidelines, other pages, actors) with the folded words of
/// their main content.
function indexedPages(l) {
  const s = l.sections;
  const folders = (rel) =>
    fs.readdirSync(path.join(siteDir, rel), { withFileTypes: true })
      .filter((e) => e.isDirectory() && fs.existsSync(path.join(siteDir, rel, e.name, 'index.html')))
      .map((e) => `${rel}/${e.name}`);
  // Tag pages only list pages the index has: they are left out of it.
  const sections = [s.guidelines, s.directory, s.search, s.tags ?? 'tags'];
  const list = [
    // Not the print edition: it gathers the guidelines, which the index already has.
    ...folders(`${l.code}/${s.guidelines}`).filter((f) => path.basename(f) !== (s.print ?? 'print')),
    ...folders(`${l.code}/${s.directory}`).filter((f) => ![s.country, s.kind, s.sector].includes(path.basename(f))),
    ...folders(l.code).filter((f) => !sections.includes(path.basename(f))),
  ];
  return list.map((rel) => {
    const html = fs.readFileSync(path.join(siteDir, rel, 'index.html'), 'utf8');
    const main = /<main[^>]*>([\s\S]*)<\/main>/.exec(html)[1]
      .replace(/<(script|style)[\s\S]*?<\/\1>/g, ' ').replace(/<[^>]+>/g, ' ')
      .replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>');
    return { path: `/${rel}/`, words: new Set(fold(main).split(/[^\p{L}\p{N}]+/u)) };
  });
}
const pagesWith = (pages, word, without) =>
  pages.filter((p) => p.words.has(word) && !(without && p.words.has(without))).map((p) => p.path);

// ------------------------------------------------------------------ a tiny test runner

const results = [];
async function check(name, fn) {
  if (options.only && !name.includes(options.only)) return;
  const started = Date.now();
  try {
    await fn();
    results.push({ name, ok: true });
    console.log(`ok - ${name} (${Date.now() - started} ms)`);
  } catch (error) {
    results.push({ name, ok: false });
    const where = (error.stack ?? '').split('\n').find((l) => l.includes('search.test.mjs:')) ?? '';
    console.log(`not ok - ${name}\n    ${String(error.message).split('\n').slice(0, 8).join('\n    ')}\n    ${where.trim()}`);
  }
}

// ------------------------------------------------------------------ browser helpers

const server = await startServer(siteDir, { 'content-security-policy': CSP });
const browser = await launchChromium();

/// A fresh page that records script errors, CSP violations, dialogs and failed requests.
async function newPage({ fromDisk = false } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  context.setDefaultTimeout(10_000);
  const problems = fromDisk ? [] : await routeContext(context, { siteDir, origin: server.origin, baseUrl: config.baseUrl });
  const page = await context.newPage();
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window.__violations ||= []).push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  page.on('pageerror', (e) => problems.push(`script error: ${e.message}`));
  page.on('dialog', (d) => {
    problems.push(`dialog opened: ${d.message()}`);
    d.dismiss().catch(() => {});
  });
  page.on('console', (m) => {
    if (m.type() === 'error' && !/favicon/.test(m.location()?.url ?? '')) problems.push(`console error: ${m.text()}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400 && !r.url().endsWith('/favicon.ico')) problems.push(`HTTP ${r.status()} for ${r.url()}`);
  });
  page.clean = async () => {
    const violations = await page.evaluate(() => window.__violations || []).catch(() => []);
    await context.close();
    assert.deepEqual([...problems, ...violations.map((v) => `CSP violation: ${v}`)], []);
  };
  return page;
}

async function withPage(options, fn) {
  const page = await newPage(options);
  try {
    await fn(page);
  } finally {
    await page.clean();
  }
}

/// Waits until the search page (or the directory) shows the state its URL describes.
async function settled(page, selector = '[data-search-page]') {
  await waitForEnhancements(page);
  await page.waitForFunction((sel) => {
    const root = document.querySelector(sel);
    return root && root.dataset.searchDone === location.search && !root.hasAttribute('aria-busy');
  }, selector);
}

async function openSearch(page, l, query = {}) {
  const params = new URLSearchParams(query).toString();
  await page.goto(server.origin + searchPath(l) + (params ? `?${params}` : ''));
  await settled(page);
}

/// Chooses a facet's radio button by a click event on the button itself. Not page.check() or
/// page.click(), which click at the button's place on the screen: twice in CI under load the
/// click chose nothing (the URL kept the old choice), never when the test runs alone, loaded or
/// not; what the test is about is what the choice does. Each caller waits for the URL it gives.
async function pick(page, selector) {
  await page.locator(selector).dispatchEvent('click');
}

/// Types a new query in the search page's box and waits for its results.
async function typeQuery(page, text) {
  await page.fill('#search-query', text);
  await page.waitForFunction((q) => (new URLSearchParams(location.search).get('q') ?? '') === q, text);
  await settled(page);
}

/// Every result of the current search (pressing "more" until all are shown).
async function allResults(page) {
  for (let i = 0; i < 50 && (await page.$('.search-more')); i++) {
    const before = await page.$$eval('.search-result', (r) => r.length);
    await page.click('.search-more');
    await page.waitForFunction((n) => document.querySelectorAll('.search-result').length > n, before);
  }
  return shownResults(page);
}

/// The results on the page now (the first page, until "more" is pressed).
async function shownResults(page) {
  return page.$$eval('.search-result', (items) =>
    items.map((li) => ({
      kind: li.querySelector('.badge').textContent,
      title: li.querySelector('.search-result-title').textContent,
      path: new URL(li.querySelector('a').href).pathname,
      href: li.querySelector('a').getAttribute('href'),
      lang: li.closest('[lang]').lang,
      marks: [...li.querySelectorAll('mark')].map((m) => m.textContent),
    })),
  );
}

async function search(page, l, text, { firstPage = false } = {}) {
  if (!page.url().includes(searchPath(l))) await openSearch(page, l);
  await typeQuery(page, text);
  return firstPage ? shownResults(page) : allResults(page);
}

const paths = (list) => list.map((r) => r.path);
const status = (page) => page.textContent('.search-status');
const includesAll = (list, expected, what) => {
  const missing = expected.filter((p) => !list.includes(p));
  assert.deepEqual(missing, [], `${what}: expected in the results`);
};

// ------------------------------------------------------------------ the search page

const frPages = indexedPages(fr);
const itPages = indexedPages(it);

await check('accents and case do not matter (réintégration, Khénifra)', () =>
  withPage({}, async (page) => {
    const accented = paths(await search(page, fr, 'réintégration'));
    assert.ok(accented.length > 0, 'results for réintégration');
    assert.deepEqual(paths(await search(page, fr, 'reintegration')), accented);
    assert.deepEqual(paths(await search(page, fr, 'RÉINTÉGRATION')), accented);
    includesAll(accented, pagesWith(frPages, 'reintegration'), 'pages saying réintégration');
    const khenifra = paths(await search(page, fr, 'Khénifra'));
    assert.deepEqual(paths(await search(page, fr, 'khenifra')), khenifra);
    includesAll(khenifra, pagesWith(frPages, 'khenifra'), 'pages saying Khénifra');
    const region = Object.entries(data.vocabulary.regions).find(([, r]) => fold(r.fr).includes('khenifra'));
    if (region) {
      const inRegion = data.actors.filter((a) => a.region === region[0]).map((a) => actorPath(a, 'fr'));
      includesAll(khenifra, inRegion, 'actors of the region');
    }
  }));

await check('plural and singular find the same pages (formations / formation, imprese / impresa)', () =>
  withPage({}, async (page) => {
    const plural = paths(await search(page, fr, 'formations'));
    const singular = paths(await search(page, fr, 'formation'));
    assert.ok(plural.length > 0);
    assert.deepEqual([...plural].sort(), [...singular].sort());
    const onlySingular = pagesWith(frPages, 'formation', 'formations');
    assert.ok(onlySingular.length > 0, 'the corpus has pages that only say "formation"');
    includesAll(plural, onlySingular, 'pages that only say "formation", searched as "formations"');
    includesAll(singular, pagesWith(frPages, 'formations', 'formation'), 'pages that only say "formations"');

    const imprese = paths(await search(page, it, 'imprese'));
    const impresa = paths(await search(page, it, 'impresa'));
    assert.ok(imprese.length > 0);
    assert.deepEqual([...imprese].sort(), [...impresa].sort());
    includesAll(imprese, pagesWith(itPages, 'impresa', 'imprese'), 'pages that only say "impresa"');
    includesAll(impresa, pagesWith(itPages, 'imprese', 'impresa'), 'pages that only say "imprese"');
  }));

await check('French pages search French, Italian pages Italian; all languages on demand with a language facet', () =>
  withPage({}, async (page) => {
    for (const [l, query] of [[fr, 'formation'], [fr, 'OIM'], [it, 'formazione'], [it, 'rientro']]) {
      const list = await search(page, l, query);
      assert.ok(list.length > 0, `results for ${query}`);
      assert.deepEqual(list.filter((r) => !r.path.startsWith(`/${l.code}/`)).map((r) => r.path), [], `${query} on the ${l.code} page`);
    }
    // An Italian word on the French page: nothing, until the visitor asks for all languages.
    const frenchOnly = await search(page, fr, 'imprese');
    assert.equal(frenchOnly.length, 0);
    const noResults = await page.$eval('[data-search-page]', (root) => root.dataset.tNoResults);
    assert.equal(await status(page), noResults.replace('{q}', 'imprese'));
    // ... and offered at once: the other languages' results are counted, one click shows them.
    const offer = await page.waitForSelector('.search-elsewhere button');
    const offered = await page.$eval('.search-elsewhere', (li) => li.textContent);
    await offer.click();
    await page.waitForFunction(() => new URLSearchParams(location.search).get('lang') === 'all');
    await settled(page);
    const everywhere = await allResults(page);
    assert.ok(everywhere.length > 1);
    const elsewhere = await page.$eval('[data-search-page]', (root) => root.dataset.tElsewhereOther);
    assert.ok(offered.startsWith(elsewhere.replace('{n}', everywhere.length)), `the offer counts the results: ${offered}`);
    assert.ok(everywhere.every((r) => r.path.startsWith('/it/') && r.lang === 'it'), 'Italian results, marked lang="it"');
    // The language facet: counts per language, and a filter.
    const facet = await page.$$eval('input[name="search-lang"]', (inputs) =>
      inputs.map((i) => ({ value: i.value, count: Number(i.labels[0].querySelector('.count').textContent), disabled: i.disabled })));
    assert.deepEqual(facet.map((f) => f.value), ['', 'fr', 'it']);
    assert.equal(facet.find((f) => f.value === 'it').count, everywhere.length);
    assert.equal(facet.find((f) => f.value === 'fr').count, 0);
    // A word both languages have: the facet narrows to one of them.
    await typeQuery(page, 'Rabat');
    const both = await allResults(page);
    assert.ok(both.some((r) => r.path.startsWith('/fr/')) && both.some((r) => r.path.startsWith('/it/')));
    await pick(page, 'input[name="search-lang"][value="it"]');
    await page.waitForFunction(() => new URLSearchParams(location.search).get('lang') === 'it');
    await settled(page);
    const italian = await allResults(page);
    assert.equal(italian.length, both.filter((r) => r.path.startsWith('/it/')).length);
    assert.ok(italian.every((r) => r.path.startsWith('/it/')));
  }));

await check('prefixes find results while typing', () =>
  withPage({}, async (page) => {
    await openSearch(page, it);
    await page.focus('#search-query');
    await page.keyboard.type('f');
    for (const prefix of ['fo', 'for', 'form', 'forma', 'formaz']) {
      await page.focus('#search-query');
      await page.keyboard.press('End');
      await page.keyboard.type(prefix.slice(-1));
      await page.waitForFunction((q) => new URLSearchParams(location.search).get('q') === q, prefix);
      await settled(page);
      const list = await shownResults(page);
      assert.ok(list.length > 0, `results while typing "${prefix}"`);
      const completed = list.flatMap((r) => r.marks).filter((m) => fold(m).startsWith(prefix) && m.length > prefix.length);
      assert.ok(completed.length > 0, `"${prefix}" highlighted as the start of longer words`);
    }
    // A finished word (followed by a space) is not completed any more.
    await page.focus('#search-query');
    await page.keyboard.press('End');
    await page.keyboard.type('ione ');
    await page.waitForFunction(() => new URLSearchParams(location.search).get('q') === 'formazione ');
    await settled(page);
    const finished = await allResults(page);
    assert.ok(finished.length > 0);
  }));

await check('one typo is forgiven in longer words (formaton, formazone)', () =>
  withPage({}, async (page) => {
    for (const [l, right, wrong] of [[fr, 'formation', 'formaton'], [fr, 'formation', 'fomration'], [it, 'formazione', 'formazone'], [fr, 'coopérative', 'cooperativ']]) {
      const good = paths(await search(page, l, right, { firstPage: true }));
      const typo = paths(await search(page, l, wrong, { firstPage: true }));
      assert.ok(typo.length > 0, `${wrong} finds something`);
      assert.equal(typo[0], good[0], `${wrong} finds what ${right} finds first`);
    }
    assert.equal((await search(page, fr, 'frmtn', { firstPage: true })).length, 0, 'two typos are too many');
  }));

await check('short names and other names (IOM, OIM, Arabic script) find their actor', () =>
  withPage({}, async (page) => {
    let tried = 0;
    for (const actor of data.actors) {
      const names = [actor.short_name, ...(actor.other_names ?? []).map((o) => o.name)].filter(Boolean);
      for (const name of names) {
        const list = paths(await search(page, fr, name, { firstPage: true }));
        assert.ok(list.includes(actorPath(actor, 'fr')), `"${name}" finds ${actor.id} among the first results`);
        tried++;
      }
    }
    assert.ok(tried >= 10, `${tried} names tried`);
    // One word of an Arabic name is enough.
    const arabic = data.actors.find((a) => (a.other_names ?? []).some((o) => o.lang === 'ar'));
    const word = arabic.other_names.find((o) => o.lang === 'ar').name.split(' ')[1];
    assert.ok(paths(await search(page, it, word)).includes(actorPath(arabic, 'it')), `Arabic word ${word}`);
    // The result says why it matched: "also known as" with the Arabic name, the word marked;
    // with "and" and the article joined to it (a form the site never writes), too.
    const aka = await page.$eval('.search-page', (root) => root.dataset.tAka);
    for (const query of [word, 'و' + word]) {
      await search(page, it, query);
      const why = await page.$$eval('.search-result-why', (ps) => ps.map((p) => ({ text: p.textContent, marks: p.querySelectorAll('mark').length })));
      assert.ok(why.some((w) => w.text.startsWith(aka) && w.marks > 0), `${query}: a result shows "${aka}" with the name marked: ${JSON.stringify(why)}`);
    }
  }));

await check('names and titles rank first; results show kind, title, snippet with the matches and the link', () =>
  withPage({}, async (page) => {
    const list = await search(page, fr, 'OIM');
    const iom = data.actors.filter((a) => a.short_name === 'OIM').map((a) => actorPath(a, 'fr'));
    assert.deepEqual([...list.slice(0, iom.length).map((r) => r.path)].sort(), [...iom].sort());
    const strings = await page.$eval('[data-search-page]', (root) => ({ ...root.dataset }));
    assert.ok(list.every((r) => [strings.tGuideline, strings.tActor, strings.tPage].includes(r.kind)));
    assert.ok(list.every((r) => r.marks.some((m) => fold(m) === 'oim')), 'every result highlights OIM');
    // The title of a guideline comes before guidelines that only mention the word.
    const title = (await page.$$eval('.search-result-title', (t) => t.map((x) => x.textContent)));
    const guideline = await search(page, fr, 'microcrédit');
    assert.ok(guideline.length > 1);
    assert.ok(fold(guideline[0].title).includes('microcredit'), `first result's title: ${guideline[0].title}`);
    assert.ok(title.length > 0);
    // Links lead to the pages.
    await page.click('.search-result a');
    await page.waitForLoadState();
    assert.equal(fold(await page.textContent('h1')), fold(guideline[0].title));
  }));

await check('a new list shows its first three results before it asks for the other results\' files', () =>
  withPage({}, async (page) => {
    await page.addInitScript(() => {
      // When the results list first has children, on the page's clock (as resource timings).
      new MutationObserver(() => {
        const list = document.querySelector('.search-results');
        if (list && list.children.length && !window.__firstResults) {
          window.__firstResults = { at: performance.now(), count: list.children.length };
        }
      }).observe(document, { childList: true, subtree: true });
    });
    await openSearch(page, fr, { q: 'formation' });
    const seen = await page.evaluate(() => ({
      first: window.__firstResults,
      shown: document.querySelectorAll('.search-result').length,
      documents: performance.getEntriesByType('resource')
        .filter((r) => /\/search\/fr\/d\/\d+\.js/.test(r.name)).map((r) => r.startTime),
    }));
    assert.equal(seen.shown, 10, 'a full first page');
    assert.equal(seen.first.count, 3, 'the first paint of the list has three results');
    assert.equal(seen.documents.length, 10, 'one document file per result');
    assert.equal(seen.documents.filter((t) => t < seen.first.at).length, 3, 'document files asked for before the first results showed');
  }));

await check('the kind facet, alone and with the query', () =>
  withPage({}, async (page) => {
    const list = await search(page, fr, 'formation');
    const strings = await page.$eval('[data-search-page]', (root) => ({ ...root.dataset }));
    const facet = await page.$$eval('input[name="search-kind"]', (inputs) =>
      inputs.map((i) => ({ value: i.value, count: Number(i.labels[0].querySelector('.count').textContent) })));
    assert.equal(facet[0].count, list.length);
    const actors = list.filter((r) => r.kind === strings.tActor);
    assert.equal(facet.find((f) => f.value === 'actor').count, actors.length);
    await pick(page, 'input[name="search-kind"][value="actor"]');
    await page.waitForFunction(() => new URLSearchParams(location.search).get('kind') === 'actor');
    await settled(page);
    const filtered = await allResults(page);
    assert.deepEqual(paths(filtered), paths(actors));
    assert.equal(await status(page), strings.tResultsOther.replace('{n}', actors.length));
    // The kind stays when the query changes.
    await typeQuery(page, 'Rabat');
    const rabat = await allResults(page);
    assert.ok(rabat.length > 0 && rabat.every((r) => r.kind === strings.tActor));
  }));

/// The tags of a language (from its tags index) with the paths of the pages each lists.
function tagPages(l) {
  const folder = `${l.code}/${l.sections.tags ?? 'tags'}`;
  if (!fs.existsSync(path.join(siteDir, folder))) return [];
  return fs.readdirSync(path.join(siteDir, folder), { withFileTypes: true }).filter((e) => e.isDirectory())
    .map((e) => {
      const html = fs.readFileSync(path.join(siteDir, folder, e.name, 'index.html'), 'utf8');
      const list = /<ul class="guideline-list tag-pages">([\s\S]*?)<\/ul>/.exec(html)[1];
      const hrefs = [...list.matchAll(/<h2><a href="([^"]+)"/g)].map((m) => new URL(m[1], `http://x/${folder}/${e.name}/`).pathname);
      return { slug: e.name, pages: hrefs };
    });
}

await check('the tag facet keeps the results that carry a tag, and lives in the URL', () =>
  withPage({}, async (page) => {
    const tags = tagPages(fr);
    assert.ok(tags.length > 0, 'the bundled guidelines have tags');
    const list = await search(page, fr, 'retour');
    const found = new Set(paths(list));
    // A tag among the results, on fewer pages than the results: choosing it narrows the list.
    const tag = tags.find((t) => t.pages.some((p) => found.has(p)) && t.pages.filter((p) => found.has(p)).length < list.length);
    assert.ok(tag, 'a tag that narrows the results of "retour"');
    const expected = tag.pages.filter((p) => found.has(p));
    const option = `input[name="search-tag"][value="${tag.slug}"]`;
    const count = await page.$eval(option, (i) => Number(i.labels[0].querySelector('.count').textContent));
    assert.equal(count, expected.length, `count shown for ${tag.slug}`);
    await pick(page, option);
    await page.waitForFunction((slug) => new URLSearchParams(location.search).get('tag') === slug, tag.slug);
    await settled(page);
    assert.deepEqual(paths(await allResults(page)).sort(), [...expected].sort());
    // Other facets count within the tag: the kind facet offers guidelines only.
    const kinds = await page.$$eval('input[name="search-kind"]', (inputs) => inputs.map((i) => i.value));
    assert.deepEqual(kinds, ['', 'guideline']);
    // Back from the URL, and "all tags" gives every result again.
    await page.reload();
    await settled(page);
    assert.ok(await page.isChecked(option));
    assert.deepEqual(paths(await allResults(page)).sort(), [...expected].sort());
    await pick(page, 'input[name="search-tag"][value=""]');
    await page.waitForFunction(() => !new URLSearchParams(location.search).has('tag'));
    await settled(page);
    assert.equal((await allResults(page)).length, list.length);
  }));

await check('the query, languages and kind live in the URL and come back from it', () =>
  withPage({}, async (page) => {
    await openSearch(page, fr, { q: 'Rabat', lang: 'all', kind: 'actor' });
    assert.equal(await page.inputValue('#search-query'), 'Rabat');
    assert.ok(await page.isChecked('#search-all'));
    assert.ok(await page.isChecked('input[name="search-kind"][value="actor"]'));
    const first = await allResults(page);
    assert.ok(first.length > 0);
    assert.ok(first.some((r) => r.path.startsWith('/it/')), 'Italian actors too');
    await page.reload();
    await settled(page);
    assert.deepEqual(await allResults(page), first);
    await typeQuery(page, 'microcrédit');
    const url = new URL(page.url());
    assert.equal(url.searchParams.get('q'), 'microcrédit');
    assert.equal(url.searchParams.get('lang'), 'all');
    // A shared link shows the same results.
    const again = await newPage();
    try {
      await again.goto(page.url());
      await settled(again);
      assert.deepEqual(await allResults(again), await allResults(page));
    } finally {
      await again.clean();
    }
  }));

await check('no page has every word: the pages with the most of them, and the status says so', () =>
  withPage({}, async (page) => {
    for (const [l, word] of [[fr, 'formation'], [it, 'formazione']]) {
      const alone = paths(await search(page, l, word));
      assert.ok(alone.length > 1, `${word} alone finds pages`);
      const strings = await page.$eval('[data-search-page]', (root) => ({ ...root.dataset }));
      assert.equal(await status(page), strings.tResultsOther.replace('{n}', alone.length));
      const query = `xylophoniques ${word}`;
      const mixed = await search(page, l, query);
      assert.deepEqual(paths(mixed).sort(), [...alone].sort(), `${query}: the pages of ${word}`);
      assert.equal(await status(page), strings.tPartialOther.replace('{q}', query).replace('{n}', alone.length));
    }
    const none = await search(page, fr, 'xylophoniques zyzzyva');
    assert.equal(none.length, 0, 'no word found: no result');
  }));

await check('odd queries: empty, 10 kB, punctuation, emoji, Arabic, HTML tags', () =>
  withPage({}, async (page) => {
    await openSearch(page, fr);
    const strings = await page.$eval('[data-search-page]', (root) => ({ ...root.dataset }));
    assert.equal(await status(page), strings.tPrompt);
    const words = frPages.flatMap((p) => [...p.words]).filter((w) => w.length > 3);
    let huge = '';
    for (let i = 0; huge.length < 10_000; i++) huge += words[(i * 7919) % words.length] + ' ';
    const odd = ['', '   ', huge, '?!…;:«»()[]{}', '🙂👍🏽🇲🇦', 'المنظمة', '<img src=x onerror=alert(1)>',
      '<script>alert(1)</script>', '"><svg onload=alert(1)>', "'; DROP TABLE--", '\u0000\u200b\u202e', 'a'];
    for (const query of odd) {
      for (const how of ['typed', 'url']) {
        if (how === 'typed') await typeQuery(page, query);
        else await openSearch(page, fr, query ? { q: query } : {});
        const text = await status(page);
        const list = await allResults(page);
        const label = `${JSON.stringify(query.slice(0, 30))} (${how})`;
        assert.ok(text.length > 0, `${label}: a status`);
        if (!query.trim()) assert.equal(text, strings.tPrompt, label);
        else if (list.length === 0) assert.ok(text.startsWith(strings.tNoResults.split('{q}')[0]), `${label}: "no results", got ${text}`);
        else assert.ok(/\d/.test(text) || text.startsWith(strings.tPartialOne.split('{q}')[0]), `${label}: a count`);
        const injected = await page.$$eval('main img, main svg, main script, .search-results :not(li, h3, p, a, mark, span, bdi, button)', (n) => n.length);
        assert.equal(injected, 0, `${label}: no markup from the query`);
      }
    }
    // Arabic finds the actor named in Arabic.
    await typeQuery(page, 'المنظمة');
    assert.ok((await allResults(page)).length > 0);
  }));

// ------------------------------------------------------------------ the directory filters

const directoryPath = (l) => `/${l.code}/${l.sections.directory}/`;
const visibleActors = (page) =>
  page.$$eval('.actor-card[data-actor]', (cards) => cards.filter((c) => c.offsetParent !== null).map((c) => c.dataset.actor).sort());
const ids = (list) => list.map((a) => a.id).sort();
/// The actors the directory lists now, over all its pages (sorted): the page's cards, then
/// those of each next page, drawn in place by directory.js (data-page links) or static
/// (…/page/2/); then back to the first page as it was.
async function listedActors(page) {
  const start = page.url();
  const found = await visibleActors(page);
  let drawn = null;
  for (let guard = 0; guard < 100; guard++) {
    const next = await page.$('.pagination a[rel="next"]');
    if (!next) break;
    drawn = await next.evaluate((a) => a.hasAttribute('data-page'));
    if (drawn) {
      await next.click();
      await changed(page);
    } else {
      const here = page.url();
      await Promise.all([page.waitForURL((url) => url.href !== here), next.click()]);
      await settled(page, '[data-directory-filter]');
    }
    found.push(...await visibleActors(page));
  }
  if (drawn === true) {
    await page.click('.pagination a[data-page="1"]');
    await changed(page);
  } else if (drawn === false) {
    await page.goto(start);
    await settled(page, '[data-directory-filter]');
  }
  return found.sort();
}

async function openDirectory(page, l, query = '') {
  await page.goto(server.origin + directoryPath(l) + query);
  await settled(page, '[data-directory-filter]');
}
/// Waits for the filters to show what the URL says; `q`: first wait for the typed text to reach it.
async function changed(page, q) {
  if (q !== undefined) await page.waitForFunction((v) => new URLSearchParams(location.search).get('q') === v, q);
  await page.waitForFunction(() => document.querySelector('[data-directory-filter]').dataset.searchDone === location.search);
  await settled(page, '[data-directory-filter]');
}
/// The filter link of `facet` for `value` ('' lifts the facet).
const facetLink = (facet, value) => `[data-facet="${facet}"] a[data-value="${value}"]`;
const linkCount = (page, facet, value) => page.$eval(facetLink(facet, value), (a) => Number(a.querySelector('.count').textContent));
/// The values a facet offers now (visible links), with their counts.
const facetValues = (page, facet) => page.$$eval(`[data-facet="${facet}"] a[data-value]`, (links) =>
  links.filter((a) => a.checkVisibility() && a.dataset.value).map((a) => ({ value: a.dataset.value, count: Number(a.querySelector('.count').textContent) })));
const currentValue = (page, facet) => page.$eval(`[data-facet="${facet}"] a[aria-current]`, (a) => a.dataset.value);

await check('directory facets: country, kind and sector, alone and combined, with counts', () =>
  withPage({}, async (page) => {
    await openDirectory(page, fr);
    assert.deepEqual(await listedActors(page), ids(data.actors));
    assert.equal(await page.isVisible('nav.facets'), true, 'the filter links stay: directory.js enhances them in place');
    // Each country shows how many actors it would leave, and leaves them.
    for (const country of await facetValues(page, 'country')) {
      const expected = ids(data.actors.filter((a) => a.country === country.value));
      assert.equal(country.count, expected.length, `count of ${country.value}`);
      await page.click(facetLink('country', country.value));
      await changed(page);
      assert.deepEqual(await listedActors(page), expected, `actors of ${country.value}`);
      assert.equal(await currentValue(page, 'country'), country.value);
    }
    await openDirectory(page, fr);
    await page.click(facetLink('country', 'MA'));
    await changed(page);
    // Combined with a sector: the sector counts are what choosing it would leave.
    const sector = (await facetValues(page, 'sector'))[0];
    const expected = ids(data.actors.filter((a) => a.country === 'MA' && a.sectors.includes(sector.value)));
    assert.equal(sector.count, expected.length);
    await page.click(facetLink('sector', sector.value));
    await changed(page);
    assert.deepEqual(await listedActors(page), expected);
    assert.equal(new URL(page.url()).searchParams.get('sector'), sector.value);
    // A kind with no actor left is not offered; one with actors narrows further.
    const kinds = await facetValues(page, 'kind');
    for (const kind of new Set(data.actors.map((a) => a.kind))) {
      const left = data.actors.filter((a) => a.country === 'MA' && a.sectors.includes(sector.value) && a.kind === kind);
      const offered = kinds.find((k) => k.value === kind);
      assert.equal(offered ? offered.count : 0, left.length, `kind ${kind} offered iff some are left, with their count`);
    }
    await page.click(facetLink('kind', kinds[0].value));
    await changed(page);
    assert.deepEqual(await listedActors(page),
      ids(data.actors.filter((a) => a.country === 'MA' && a.sectors.includes(sector.value) && a.kind === kinds[0].value)));
    // The page's count (a live region) says how many actors are shown.
    const status = await page.$eval('[data-result-count]', (s) => ({ role: s.getAttribute('role'), text: s.textContent }));
    assert.equal(status.role, 'status');
    assert.ok(status.text.startsWith(String((await listedActors(page)).length)));
    // An "all" item lifts its facet only.
    await page.click(facetLink('country', ''));
    await changed(page);
    assert.deepEqual(await listedActors(page),
      ids(data.actors.filter((a) => a.sectors.includes(sector.value) && a.kind === kinds[0].value)));
  }));

await check('directory facets combine with a text query and keep their state in the URL', () =>
  withPage({}, async (page) => {
    await openDirectory(page, fr);
    await page.click(facetLink('country', 'MA'));
    await changed(page);
    // A short name that only its own page uses: the text query leaves that actor alone.
    const unique = data.actors.find((a) => a.country === 'MA' && a.short_name &&
      pagesWith(frPages, fold(a.short_name)).length === 1);
    assert.ok(unique, 'a Moroccan actor with a distinctive short name');
    await page.fill('#filter-q', unique.short_name);
    await changed(page, unique.short_name);
    const shown = await listedActors(page);
    assert.deepEqual(shown, [unique.id]);
    // Counts follow the text query too: Italy has no such actor, and is not offered.
    assert.equal(await linkCount(page, 'country', 'IT'), 0);
    assert.equal(await page.isVisible(facetLink('country', 'IT')), false);
    const url = page.url();
    assert.equal(new URL(url).searchParams.get('q'), unique.short_name);
    assert.equal(new URL(url).searchParams.get('country'), 'MA');
    // Each link's address carries the state, for a new tab.
    const href = new URL(await page.$eval(facetLink('country', ''), (a) => a.href));
    assert.equal(href.searchParams.get('q'), unique.short_name);
    assert.equal(href.searchParams.get('country'), null);
    await page.reload();
    await settled(page, '[data-directory-filter]');
    assert.deepEqual(await listedActors(page), shown);
    assert.equal(await page.inputValue('#filter-q'), unique.short_name);
    assert.equal(await currentValue(page, 'country'), 'MA');
    // Clearing shows everyone again.
    await page.click('.filter-clear');
    await changed(page);
    assert.deepEqual(await listedActors(page), ids(data.actors));
    assert.equal(new URL(page.url()).search, '');
    // An empty combination says so.
    await page.fill('#filter-q', 'zzzzzzzz');
    await changed(page, 'zzzzzzzz');
    assert.deepEqual(await listedActors(page), []);
    assert.ok(await page.isVisible('.filter-empty'));
  }));

await check('directory facets work from the keyboard', () =>
  withPage({}, async (page) => {
    await openDirectory(page, it);
    await page.focus('#filter-q');
    // Tab past "all countries" to the first country, and follow it.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    const chosen = await page.evaluate(() => document.activeElement.dataset.value);
    assert.ok(chosen, 'a country link has the focus');
    await page.keyboard.press('Enter');
    await changed(page);
    assert.equal(await page.evaluate(() => document.activeElement.dataset.value), chosen, 'the focus stays on the choice');
    assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-current')), 'page');
    assert.deepEqual(await listedActors(page), ids(data.actors.filter((a) => a.country === chosen)));
    const sector = (await facetValues(page, 'sector'))[0];
    await page.focus(facetLink('sector', sector.value));
    await page.keyboard.press('Enter');
    await changed(page);
    assert.deepEqual(await listedActors(page), ids(data.actors.filter((a) => a.country === chosen && a.sectors.includes(sector.value))));
  }));

// ------------------------------------------------------------------ opened from disk

const fileUrl = (rel) => pathToFileURL(path.join(siteDir, rel)).href;

await check('from disk (file://): search page, result links and directory filters', () =>
  withPage({ fromDisk: true }, async (page) => {
    await page.goto(fileUrl(`${fr.code}/${fr.sections.search}/index.html`) + '?q=formation');
    await settled(page);
    const list = await allResults(page);
    assert.ok(list.length > 0, 'results from disk');
    for (const r of list) {
      assert.ok(r.href.endsWith('index.html'), `${r.href} opens a file`);
      assert.ok(fs.existsSync(new URL(r.href, page.url())), `${r.href} exists`);
    }
    await page.click('.search-result a');
    await page.waitForLoadState();
    assert.equal(fold(await page.textContent('h1')), fold(list[0].title));
    // The header's search box of other pages loads no script: from disk, it is the offline
    // edition (build --offline, tests/site/offline.mjs) whose form names the search page's file.
    // Directory filters.
    await page.goto(fileUrl(`${it.code}/${it.sections.directory}/index.html`));
    await settled(page, '[data-directory-filter]');
    await page.click(facetLink('country', 'IT'));
    await changed(page);
    assert.deepEqual(await listedActors(page), ids(data.actors.filter((a) => a.country === 'IT')));
  }));

// ------------------------------------------------------------------ no inline script, no eval

await check('no inline script or handler in any page; the client uses no eval, innerHTML or WebAssembly', () => {
  const problems = [];
  const walk = (dir) => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]);
  const files = walk(siteDir);
  for (const file of files.filter((f) => f.endsWith('.html'))) {
    const html = fs.readFileSync(file, 'utf8');
    for (const tag of html.match(/<script\b[^>]*>/g) ?? []) {
      if (!/\ssrc=/.test(tag) && !/type="application\/ld\+json"/.test(tag)) problems.push(`${file}: inline ${tag}`);
    }
    if (/<[a-z][^>]*\son[a-z]+\s*=/i.test(html)) problems.push(`${file}: event handler attribute`);
  }
  const scripts = files.filter((f) => /\/js\/[\w-]+\.[0-9a-f]+\.js$/.test(f));
  assert.ok(scripts.some((f) => /\/search\.[0-9a-f]+\.js$/.test(f)), 'the search client');
  for (const script of scripts) {
    const code = fs.readFileSync(script, 'utf8');
    for (const banned of ['eval(', 'new Function', 'innerHTML', 'outerHTML', 'insertAdjacentHTML', 'WebAssembly', 'import(', 'fetch(']) {
      if (code.includes(banned)) problems.push(`${path.basename(script)} uses ${banned}`);
    }
  }
  for (const file of files.filter((f) => f.includes(`${path.sep}search${path.sep}`))) {
    if (!fs.readFileSync(file, 'utf8').startsWith('PasserelleSearch.load(')) problems.push(`${file}: not a registration call`);
  }
  assert.deepEqual(problems, []);
});

await browser.close();
await server.close();
const failed = results.filter((r) => !r.ok).length;
console.log(`search: ${results.length - failed}/${results.length} checks passed`);
process.exit(failed || results.length === 0 ? 1 : 0);
