#!/usr/bin/env node
// rtl.mjs <site-dir> [--config site.toml]
//
// Checks in Debian's Chromium that every right-to-left language of the site really lays out
// right to left: the document direction, the brand on the right of the header, the table of
// contents on the right of the text on wide screens, the breadcrumb running leftwards, and no
// page wider than a 360-px phone. Then search and the directory filters as a reader of that
// language uses them: typing a word on the search page finds the guideline and the actor that
// contain it in another inflected form (Snowball's stemmer), the results and the filters are
// mirrored, and filtering the directory by country and by a word narrows the cards.
// Prints one line per check and exits 1 on any failure.
import { loadSite, parseArgs, startServer, launchChromium, routeContext, watchdog, withTimeout } from './lib/site.mjs';
import fs from 'node:fs';
import path from 'node:path';

const USAGE = 'usage: node rtl.mjs <site-dir> [--config site.toml]';
watchdog(240);
const { positional, options } = parseArgs(process.argv.slice(2), ['site-dir'], USAGE);
const { siteDir, config } = loadSite(positional[0], options.config);
const configText = fs.readFileSync(options.config ?? path.join(siteDir, '..', 'site.toml'), 'utf8');
// Two forms of one word, each only in one document of the fixture's Arabic content: the
// guideline says المهاجرين ("the migrants"), the actor's description مهاجر ("a migrant").
// Both stem to one term, so each form must find both documents.
const SEARCH_WORDS = { ar: ['مهاجر', 'المهاجرين'] };
// lib/site.mjs reads codes and sections; the direction is read here.
const rtlCodes = [...configText.matchAll(/code\s*=\s*"([^"]+)"[^[]*?direction\s*=\s*"rtl"/g)].map((m) => m[1]);
if (rtlCodes.length === 0) {
  console.error('rtl: the site declares no right-to-left language');
  process.exit(1);
}

const server = await startServer(siteDir);
const browser = await launchChromium();
let passed = 0;
let failed = 0;
const check = (ok, what) => {
  if (ok) passed++; else failed++;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
};

try {
  for (const code of rtlCodes) {
    const language = config.languages.find((l) => l.code === code);
    const guidelines = path.join(siteDir, code, language.sections.guidelines);
    // A guideline page (with the site header), not the print edition that shares the folder.
    const isGuideline = (d) => {
      const file = path.join(guidelines, d, 'index.html');
      return fs.existsSync(file) && fs.readFileSync(file, 'utf8').includes('class="toc"') &&
        fs.readFileSync(file, 'utf8').includes('class="brand"');
    };
    const first = fs.readdirSync(guidelines).sort().find(isGuideline);
    const url = `${server.origin}/${code}/${language.sections.guidelines}/${first}/`;
    for (const width of [1280, 360]) {
      const context = await browser.newContext({ viewport: { width, height: 900 } });
      const page = await context.newPage();
      const problems = await routeContext(page, { siteDir, origin: server.origin, baseUrl: config.baseUrl });
      await withTimeout(page.goto(url, { waitUntil: 'load' }), 15_000, url);
      const layout = await page.evaluate(() => {
        const box = (selector) => document.querySelector(selector)?.getBoundingClientRect();
        const crumbs = [...document.querySelectorAll('.breadcrumbs li')].map((li) => li.getBoundingClientRect());
        return {
          dir: document.documentElement.dir,
          computed: getComputedStyle(document.body).direction,
          brand: box('.brand'),
          switcher: box('.language-switcher'),
          toc: box('.toc'),
          prose: box('.prose'),
          crumbsLeftward: crumbs.length > 1 && crumbs[0].top === crumbs[1].top ? crumbs[0].left > crumbs[1].left : null,
          overflow: document.documentElement.scrollWidth - window.innerWidth,
        };
      });
      const label = `${code} ${width}px`;
      check(layout.dir === 'rtl' && layout.computed === 'rtl', `${label}: document direction is rtl`);
      if (width === 1280) {
        check(layout.brand.left > layout.switcher.left, `${label}: brand sits right of the language switcher`);
        check(layout.toc && layout.toc.left > layout.prose.left, `${label}: table of contents sits right of the text`);
        check(layout.crumbsLeftward === true, `${label}: breadcrumb runs right to left`);
      }
      check(layout.overflow <= 0, `${label}: no horizontal overflow (${layout.overflow}px)`);
      check(problems.length === 0, `${label}: every request served locally${problems.length ? ': ' + problems.join(', ') : ''}`);
      await context.close();
    }
    for (const width of [1280, 360]) {
      for (const word of SEARCH_WORDS[code] ?? []) await checkSearch(code, language, first, word, width);
      await checkDirectory(code, language, SEARCH_WORDS[code]?.[0], width);
    }
    await checkIsolation(code, language);
  }
} finally {
  await browser.close();
  server.close();
}
// Opens a page of the site at a width; returns it with the list of requests that left it.
async function open(urlPath, width) {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  context.setDefaultTimeout(15_000);
  const problems = await routeContext(page, { siteDir, origin: server.origin, baseUrl: config.baseUrl });
  page.on('pageerror', (e) => problems.push(`script error: ${e.message}`));
  await withTimeout(page.goto(server.origin + urlPath, { waitUntil: 'load' }), 15_000, urlPath);
  await page.waitForFunction(() => document.querySelector('[data-search-ready]'));
  return { page, problems, close: () => context.close() };
}

// Types `word` into the search page like a reader, then checks which pages the results link
// to and that they are laid out right to left.
async function checkSearch(code, language, guideline, word, width) {
  const slug = language.sections.search ?? 'search';
  const label = `${code} ${width}px search "${word}"`;
  const { page, problems, close } = await open(`/${code}/${slug}/`, width);
  try {
    await page.locator('#search-query').pressSequentially(word, { delay: 20 });
    await page.waitForFunction(
      (q) => new URLSearchParams(location.search).get('q') === q &&
        document.querySelector('[data-search-page]').dataset.searchDone === location.search &&
        !document.querySelector('[data-search-page][aria-busy]'),
      word,
    );
    const r = await page.evaluate(() => {
      const list = document.querySelector('.search-results');
      const facets = document.querySelector('.search-refine');
      const items = [...list.querySelectorAll('.search-result')];
      const rect = (e) => e.getBoundingClientRect();
      return {
        hrefs: items.map((li) => new URL(li.querySelector('.search-result-title a').href).pathname),
        marks: list.querySelectorAll('mark').length,
        status: document.querySelector('#search-status').textContent,
        direction: getComputedStyle(list).direction,
        // Each title ends where the list ends on the right: text runs from the right edge.
        titlesRight: items.every((li) => Math.abs(rect(li.querySelector('.search-result-title a')).right - rect(list).right) < 2),
        // On phones the facets fold above the results; beside them, they sit to the left in Arabic.
        facetsRight: facets.hidden || !facets.open ? null : rect(facets).left >= rect(list).right,
        overflow: document.documentElement.scrollWidth - window.innerWidth,
      };
    });
    const directory = `/${code}/${language.sections.directory}/`;
    check(r.hrefs.includes(`/${code}/${language.sections.guidelines}/${guideline}/`),
      `${label}: finds the guideline ${guideline} (${r.hrefs.join(' ') || 'no results'})`);
    check(r.hrefs.some((h) => h.startsWith(directory) && h.slice(directory.length).split('/').length === 2),
      `${label}: finds an actor of the directory`);
    check(r.marks > 0 && /\d/.test(r.status), `${label}: results announced (${r.status}) and highlighted (${r.marks} marks)`);
    check(r.direction === 'rtl' && r.titlesRight, `${label}: results run right to left, titles flush right`);
    if (width === 1280) check(r.facetsRight === true, `${label}: result filters sit right of the results`);
    check(r.overflow <= 0, `${label}: no horizontal overflow (${r.overflow}px)`);
    check(problems.length === 0, `${label}: no script error, every request served locally${problems.length ? ': ' + problems.join(', ') : ''}`);
  } finally {
    await close();
  }
}

// The directory's filters in the language: a country narrows the cards to that country's
// count, a word typed in the filter box narrows them further, and "clear" brings all back.
async function checkDirectory(code, language, word, width) {
  const label = `${code} ${width}px directory filters`;
  const { page, problems, close } = await open(`/${code}/${language.sections.directory}/`, width);
  const shown = () => page.locator('.actor-card[data-actor]:visible').count();
  const settled = () => page.waitForFunction(() => document.querySelector('[data-directory-filter]').dataset.searchDone === location.search);
  try {
    const all = await shown();
    const layout = await page.evaluate(() => {
      const rect = (s) => document.querySelector(s).getBoundingClientRect();
      return { filtersRight: rect('.facets').left >= rect('.directory-results').right, dir: getComputedStyle(document.querySelector('.facets')).direction };
    });
    check(layout.dir === 'rtl' && (width < 1280 || layout.filtersRight), `${label}: filters are mirrored${width === 1280 ? ', on the right of the cards' : ''}`);
    // On phones the filters fold under their summary: the visitor opens them.
    if (!(await page.locator('.facets-fold').evaluate((d) => d.open || d.querySelector('a').checkVisibility()))) {
      await page.locator('.facets-fold > summary').click();
    }
    // The last country that leaves some actors but not all of them.
    const links = page.locator('[data-facet="country"] a[data-value]:not([data-value=""])');
    let picked = null;
    for (let i = (await links.count()) - 1; i >= 0 && !picked; i--) {
      const n = Number(await links.nth(i).locator('.count').textContent());
      if (n > 0 && n < all) picked = { i, n };
    }
    check(picked !== null, `${label}: a country leaves some of the ${all} actors`);
    if (picked) {
      await links.nth(picked.i).click();
      await settled();
      const n = await shown();
      check(n === picked.n && /country=/.test(page.url()), `${label}: the country shows its ${picked.n} actors (${n} shown), kept in the URL`);
      check(await page.locator('[data-result-count][role="status"]').textContent() === await page.locator(`[data-facet="country"] a[aria-current] .visually-hidden`).evaluate((e) => e.textContent.trim().slice(1, -1)),
        `${label}: the new count is announced`);
      await page.locator('.filter-clear').click();
      await settled();
      check((await shown()) === all, `${label}: clear shows all ${all} actors again`);
    }
    if (word) {
      await page.locator('#filter-q').pressSequentially(word, { delay: 20 });
      await page.waitForFunction((q) => new URLSearchParams(location.search).get('q') === q, word);
      await settled();
      const n = await shown();
      check(n >= 1 && n < all, `${label}: the word "${word}" leaves ${n} of ${all} actors`);
    }
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    check(overflow <= 0, `${label}: no horizontal overflow (${overflow}px)`);
    check(problems.length === 0, `${label}: no script error, every request served locally${problems.length ? ': ' + problems.join(', ') : ''}`);
  } finally {
    await close();
  }
}

// Phone numbers, e-mails and web addresses read left to right inside the right-to-left page:
// on an actor's page and in the print edition's annex, each character of the number is drawn
// right of the one before it ("+212 5 00 00 00 00", not "00 00 00 00 5 212+"), a web address
// ends with its slash on the right. Lists use the language's separator, and the arrow of an
// external link points outwards, to the left.
async function checkIsolation(code, language) {
  const folderWith = (dir, needle) => fs.readdirSync(dir, { recursive: true })
    .filter((f) => f.endsWith('index.html'))
    .sort()
    .find((f) => fs.readFileSync(path.join(dir, f), 'utf8').includes(needle));
  const codeDir = path.join(siteDir, code);
  const actor = folderWith(path.join(codeDir, language.sections.directory), 'href="tel:');
  const annex = folderWith(codeDir, 'class="annex-contact"');
  // The elements that hold a phone number, an e-mail and a web address, on each page.
  const kinds = { phone: '^\\+[\\d ]+$', email: '@', web: '^https?://.*/$' };
  const pages = [[actor && `/${code}/${language.sections.directory}/${actor}`, '.actor-facts dd a'],
    [annex && `/${code}/${annex}`, '.annex-contact > *']];
  check(actor && annex, `${code}: an actor page and a print annex with a phone number (${actor}, ${annex})`);
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  try {
    for (const [url, selector] of pages.filter(([url]) => url)) {
      await withTimeout(page.goto(server.origin + url.replace(/index\.html$/, ''), { waitUntil: 'load' }), 15_000, url);
      for (const [kind, pattern] of Object.entries(kinds)) {
        const r = await page.evaluate(([s, p]) => {
          const element = [...document.querySelectorAll(s)].find((e) => new RegExp(p).test(e.textContent));
          if (!element) return null;
          const text = element.firstChild;
          const xs = [];
          for (let i = 0; i < text.length; i++) {
            if (text.data[i] === ' ') continue;
            const range = document.createRange();
            range.setStart(text, i);
            range.setEnd(text, i + 1);
            xs.push(range.getBoundingClientRect().left);
          }
          return { text: text.data, direction: getComputedStyle(element).direction, inOrder: xs.every((x, i) => i === 0 || x > xs[i - 1]) };
        }, [selector, pattern]);
        check(r && r.direction === 'ltr' && r.inOrder, `${code} ${url}: the ${kind} "${r?.text}" reads left to right, in order`);
      }
    }
    await page.goto(`${server.origin}/${code}/${language.sections.directory}/`, { waitUntil: 'load' });
    const card = await page.evaluate(() => ({
      place: [...document.querySelectorAll('.actor-card .actor-place')].map((p) => p.textContent).find((t) => /\p{L}.*\p{L}/u.test(t) && !/^\p{L}+$/u.test(t)),
      arrow: getComputedStyle(document.querySelector('.actor-contact a'), '::after').content,
    }));
    check(card.place?.includes('، ') && !card.place.includes(', '), `${code}: a card's place is listed with the Arabic comma (${card.place})`);
    check(card.arrow.includes('↖'), `${code}: the external-link arrow is mirrored (${card.arrow})`);
  } finally {
    await context.close();
  }
}

console.log(`rtl: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
