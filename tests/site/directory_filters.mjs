#!/usr/bin/env node
// directory_filters.mjs <site-dir> [--config site.toml] [--languages ar]
//
// The directory's one filter design (partials/facets.mustache, enhanced in place by
// directory.js), measured in Chromium for every language of the site:
// - on combined facet pages (country × sector, and country × kind × sector, reached from the
//   index by following links without JavaScript), every filter link leads to the page whose
//   filters are the active ones with that value (or without that facet for its "all" item),
//   and its count is the number of cards there;
// - at 320, 360, 768 and 1280 px, light and dark, on that page and on the index with and
//   without JavaScript: no filter row is wider than its box, no page scrolls sideways, every
//   chip is inside its row, a count stays beside its label, and the selected values are marked
//   (aria-current), inside the viewport, in a colour that reads (4.5:1);
// - the index shows the same facets, values and counts in the same order with JavaScript as
//   without; with JavaScript, following a country then a sector narrows the cards in place to
//   exactly those of the static page for that selection, and the links' addresses keep both;
// - the index and the facet pages are split in pages (every count is the cards of all the
//   pages of its listing); with JavaScript, ?page=2 and "next" draw the static pages' cards,
//   and a country with actors beyond page 1 shows all of them (the filters work over the
//   whole directory, not over the cards of the page).
// Prints one line per check and exits 1 on any failure.
import { languagesToCheck, loadSite, parseArgs, startServer, launchChromium, routeContext, waitForEnhancements, watchdog, withTimeout } from './lib/site.mjs';
import { contrast } from './lib/colour.mjs';

const USAGE = 'usage: node directory_filters.mjs <site-dir> [--config site.toml] [--languages ar]';
watchdog(540);
const { positional, options } = parseArgs(process.argv.slice(2), ['site-dir'], USAGE);
const { siteDir, config } = loadSite(positional[0], options.config);
const WIDTHS = [320, 360, 768, 1280];

let passed = 0;
let failed = 0;
const check = (ok, what) => {
  if (ok) passed++; else failed++;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
};

const server = await startServer(siteDir);
const browser = await launchChromium();

async function open(url, { width = 1280, scheme = 'light', javaScript = true } = {}) {
  const context = await browser.newContext({ viewport: { width, height: 800 }, colorScheme: scheme, javaScriptEnabled: javaScript });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  const problems = await routeContext(page, { siteDir, origin: server.origin, baseUrl: config.baseUrl });
  page.on('pageerror', (e) => problems.push(`script error: ${e.message}`));
  await withTimeout(page.goto(new URL(url, server.origin).href, { waitUntil: 'load' }), 15_000, url);
  if (javaScript) await waitForEnhancements(page);
  return { page, problems, close: () => context.close() };
}

/// What the filter links of the page say: per facet, its items (value, label, count, href,
/// current), the visible ones only; and the active filters (facet → value of the current item).
const readFacets = (page) => page.evaluate(() => {
  const groups = [...document.querySelectorAll('[data-facets] [data-facet]')].map((list) => ({
    facet: list.dataset.facet,
    items: [...list.querySelectorAll('a[data-value]')].filter((a) => a.checkVisibility()).map((a) => ({
      value: a.dataset.value,
      label: a.querySelector('.facet-label').textContent,
      count: Number(a.querySelector('.count').textContent),
      href: a.href,
      current: a.getAttribute('aria-current') === 'page',
    })),
  }));
  const active = {};
  for (const g of groups) {
    const current = g.items.filter((i) => i.current);
    active[g.facet] = current.length === 1 ? current[0].value : `(${current.length} marked)`;
  }
  return { groups, active };
});
const cardIds = (page) => page.$$eval('.actor-card[data-actor]', (cards) =>
  cards.filter((c) => c.checkVisibility()).map((c) => c.dataset.actor).sort());
/// The cards of the page in their order, without sorting.
const cardOrder = (page) => page.$$eval('.actor-card[data-actor]', (cards) =>
  cards.filter((c) => c.checkVisibility()).map((c) => c.dataset.actor));
const nextHref = (page) => page.evaluate(() => document.querySelector('.pagination a[rel="next"]')?.href ?? null);
/// The cards of a listing on all its pages (sorted), following its "next" links from the page
/// open in `page`, which is left on the last one; and how many pages it has.
async function listingIds(page) {
  const ids = await cardOrder(page);
  let pages = 1;
  for (let next = await nextHref(page); next && pages < 1000; next = await nextHref(page)) {
    await page.goto(next);
    ids.push(...await cardOrder(page));
    pages++;
  }
  return { ids: ids.sort(), pages };
}
const activeText = (active) => Object.entries(active).filter(([, v]) => v).map(([k, v]) => `${k}=${v}`).join(' ') || 'none';


/// The layout of the filter links at the page's width.
async function checkLayout(page, label) {
  // On phones the filters fold under their summary: unfold them, as the visitor does.
  await page.evaluate(() => document.querySelectorAll('.facets-fold').forEach((d) => { d.open = true; }));
  const m = await page.evaluate(() => {
    const rect = (e) => e.getBoundingClientRect();
    const rows = [...document.querySelectorAll('[data-facets] [data-facet]')];
    const chips = rows.flatMap((row) => [...row.querySelectorAll('a[data-value]')].filter((a) => a.checkVisibility()).map((a) => ({ a, row })));
    const background = (e) => {
      for (let n = e; n; n = n.parentElement) {
        const c = getComputedStyle(n).backgroundColor;
        if (!/rgba\(.*, 0\)$/.test(c) && c !== 'transparent') return c;
      }
      return 'rgb(255, 255, 255)';
    };
    return {
      pageOverflow: document.documentElement.scrollWidth - window.innerWidth,
      rowsOverflowing: rows.filter((r) => r.scrollWidth > r.clientWidth + 1).map((r) => r.dataset.facet),
      chipsOutside: chips.filter(({ a, row }) => rect(a).left < rect(row).left - 1 || rect(a).right > rect(row).right + 1).map(({ a }) => a.textContent),
      // A count that wrapped sits below every line of its label.
      countsUnder: chips.filter(({ a }) => rect(a.querySelector('.count')).top >= rect(a.querySelector('.facet-label')).bottom - 1).map(({ a }) => a.textContent),
      current: chips.filter(({ a }) => a.getAttribute('aria-current') === 'page').map(({ a }) => ({
        text: a.textContent,
        left: rect(a).left,
        right: rect(a).right,
        contrast: [getComputedStyle(a).color, background(a)],
      })),
      width: window.innerWidth,
      facets: rows.length,
    };
  });
  check(m.facets > 0 && m.pageOverflow <= 0 && m.rowsOverflowing.length === 0,
    `${label}: ${m.facets} filter rows, none wider than its box (${m.rowsOverflowing.join(', ') || 'ok'}), no sideways scroll (${m.pageOverflow}px)`);
  check(m.chipsOutside.length === 0, `${label}: every value inside its row${m.chipsOutside.length ? ': ' + m.chipsOutside.join(' | ') : ''}`);
  check(m.countsUnder.length === 0, `${label}: every count beside its label${m.countsUnder.length ? ': ' + m.countsUnder.join(' | ') : ''}`);
  check(m.current.length === m.facets && m.current.every((c) => c.left >= 0 && c.right <= m.width),
    `${label}: one selected value per facet, marked and inside the viewport (${m.current.map((c) => c.text.trim().replace(/\s+/g, ' ')).join(' | ')})`);
  const low = m.current.filter((c) => contrast(...c.contrast) < 4.5);
  check(low.length === 0, `${label}: selected values readable${low.length ? ': ' + low.map((c) => `${c.text} ${c.contrast.join(' on ')}`).join(' | ') : ''}`);
}

try {
  const checked = languagesToCheck(options);
  for (const l of config.languages.filter((x) => checked(x.code))) {
    const index = `/${l.code}/${l.sections.directory}/`;

    // ------------------------------------------------- combined facet pages, no JS
    // From the index, the first value of a country, then of a sector ("Maroc — Formation"),
    // and of a country, a kind and a sector (the deepest kind of page).
    const walk = async (facets) => {
      const { page, close } = await open(index, { javaScript: false });
      let reached = null;
      for (const facet of facets) {
        const { groups } = await readFacets(page);
        const next = groups.find((g) => g.facet === facet)?.items.find((i) => i.value && !i.current && i.count > 0);
        if (!next) break;
        reached = next.href;
        await page.goto(reached);
      }
      await close();
      return reached;
    };
    const combined = await walk(['country', 'kind', 'sector']);
    for (const target of [await walk(['country', 'sector']), combined]) {
      check(target !== null, `${l.code}: a combined facet page reached from the index (${target})`);
      if (!target) continue;
      const { page, problems, close } = await open(target, { javaScript: false });
      const here = await readFacets(page);
      const activeCount = Object.values(here.active).filter(Boolean).length;
      check(activeCount >= 2, `${l.code}: ${new URL(target).pathname} filters by ${activeText(here.active)}`);
      const startUrl = page.url();
      check((await listingIds(page)).ids.length === here.groups[0].items.find((i) => i.current).count,
        `${l.code}: the selected values count the cards of the listing's pages`);
      await page.goto(startUrl);
      const wrong = [];
      let links = 0;
      for (const g of here.groups) {
        for (const item of g.items) {
          links++;
          const expected = { ...here.active, [g.facet]: item.value };
          await page.goto(item.href);
          const there = await readFacets(page);
          const cards = (await listingIds(page)).ids.length;
          if (activeText(there.active) !== activeText(expected)) {
            wrong.push(`${g.facet}=${item.value || '(all)'} leads to ${activeText(there.active)}, not ${activeText(expected)}`);
          }
          if (cards !== item.count) wrong.push(`${g.facet}=${item.value || '(all)'} says ${item.count}, its page has ${cards} cards`);
        }
      }
      check(links > activeCount && wrong.length === 0,
        `${l.code}: each of the ${links} filter links of ${new URL(target).pathname} keeps the other active filters and counts the cards of its page${wrong.length ? ':\n     ' + wrong.join('\n     ') : ''}`);
      check(problems.length === 0, `${l.code}: combined page loaded cleanly${problems.length ? ': ' + problems.join(', ') : ''}`);
      await close();
    }
    if (!combined) continue;

    // ------------------------------------------------- layout at each width, light and dark
    for (const width of WIDTHS) {
      for (const scheme of ['light', 'dark']) {
        for (const [name, target, javaScript] of [['combined page', combined, false], ['index', index, false], ['index with JS', index, true]]) {
          if (scheme === 'dark' && width !== 360 && width !== 1280) continue;  // the colours do not change with the width
          const { page, problems, close } = await open(target, { width, scheme, javaScript });
          if (width <= 360 && scheme === 'light') {
            // Folded on phones: the cards start on the first screen, the summary names the choice.
            const f = await page.evaluate(() => ({
              open: document.querySelector('.facets-fold')?.open,
              chosen: [...document.querySelectorAll('.facets-chosen')].map((s) => s.textContent),
              current: [...document.querySelectorAll('[data-facets] a[aria-current="page"]')].filter((a) => a.dataset.value)
                .map((a) => a.querySelector('.facet-label').textContent),
              card: document.querySelector('[data-actor]:not([hidden])')?.getBoundingClientRect().top ?? Infinity,
            }));
            check(f.open === false && f.chosen.join('|') === f.current.join('|') && f.card < 800,
              `${l.code} ${name} ${width}×800: filters folded, their summary names the choice (${f.chosen.join(', ') || 'none'}), first card at ${Math.round(f.card)}px`);
          }
          await checkLayout(page, `${l.code} ${name} ${width}px ${scheme}`);
          if (problems.length) check(false, `${l.code} ${name} ${width}px: ${problems.join(', ')}`);
          await close();
        }
      }
    }

    // ------------------------------------------------- the index, with and without JS
    {
      const without = await open(index, { javaScript: false });
      const withJs = await open(index);
      const a = await readFacets(without.page);
      const b = await readFacets(withJs.page);
      const shape = (f) => JSON.stringify(f.groups.map((g) => [g.facet, g.items.map((i) => [i.value, i.label, i.count, i.current])]));
      check(shape(a) === shape(b), `${l.code}: the index shows the same facets, values and counts in the same order with and without JavaScript (${a.groups.map((g) => `${g.facet}: ${g.items.length}`).join(', ')})`);
      check(a.groups.length === 3 && a.groups.map((g) => g.facet).join() === 'country,kind,sector', `${l.code}: facets in order country, kind, sector`);
      // Values in the order of their labels, after the "all" item, on both.
      const sorted = a.groups.every((g) => {
        const labels = g.items.slice(1).map((i) => i.label);
        return g.items[0].value === '' && labels.join('\n') === [...labels].sort((x, y) => x.localeCompare(y, l.code, { sensitivity: 'base' })).join('\n');
      });
      check(sorted, `${l.code}: each facet starts with its "all" item, then its values by label`);

      // The number of actors is said once (the countries' headings count theirs).
      const once = await withJs.page.evaluate(() => {
        const total = document.querySelector('[data-result-count]').textContent.trim();
        const same = [...document.querySelectorAll('body *')].filter((e) => e.checkVisibility() && e.children.length === 0 && e.textContent.trim() === total);
        return { total, times: same.length };
      });
      check(once.times === 1, `${l.code} with JS: "${once.total}" appears ${once.times} time(s) on the index`);

      // With JS: a country, then a sector, narrow the cards in place to those of the static page.
      const page = withJs.page;
      const firstValue = (f, facet) => f.groups.find((g) => g.facet === facet)?.items.find((i) => i.value && !i.current);
      const country = firstValue(b, 'country');
      await page.click(`[data-facet="country"] a[data-value="${country.value}"]`);
      await page.waitForFunction(() => document.querySelector('[data-directory-filter]').dataset.searchDone === location.search);
      let after = await readFacets(page);
      const sector = after.groups.find((g) => g.facet === 'sector').items.find((i) => i.value && i.count > 0);
      await page.click(`[data-facet="sector"] a[data-value="${sector.value}"]`);
      await page.waitForFunction(() => document.querySelector('[data-directory-filter]').dataset.searchDone === location.search);
      after = await readFacets(page);
      const shown = await cardIds(page);
      const params = new URL(page.url()).searchParams;
      check(params.get('country') === country.value && params.get('sector') === sector.value && after.active.country === country.value && after.active.sector === sector.value,
        `${l.code} with JS: ${country.label} then ${sector.label} are in the URL and marked (${page.url().split('?')[1]})`);
      check(shown.length === sector.count, `${l.code} with JS: ${shown.length} cards, as the sector's count said (${sector.count})`);
      const said = await page.textContent('[data-result-count]');
      check(new RegExp(`(^|\\D)${shown.length}(\\D|$)`).test(said), `${l.code} with JS: the page's count follows ("${said.trim()}")`);
      const hrefsKeep = after.groups.every((g) => g.items.every((i) => {
        const p = new URL(i.href).searchParams;
        return Object.entries({ ...after.active, [g.facet]: i.value }).every(([k, v]) => (p.get(k) ?? '') === v);
      }));
      check(hrefsKeep, `${l.code} with JS: every link's address keeps the active filters`);
      // The static page of the same selection lists the same actors.
      const countryLink = (await readFacets(without.page)).groups.find((g) => g.facet === 'country').items.find((i) => i.value === country.value);
      await without.page.goto(countryLink.href);
      const sectorLink = (await readFacets(without.page)).groups.find((g) => g.facet === 'sector').items.find((i) => i.value === sector.value);
      await without.page.goto(sectorLink.href);
      check(JSON.stringify(await cardIds(without.page)) === JSON.stringify(shown),
        `${l.code}: without JS, the links lead to ${new URL(sectorLink.href).pathname}, which lists the same ${shown.length} actors`);
      const problems = [...without.problems, ...withJs.problems];
      check(problems.length === 0, `${l.code}: index loaded cleanly${problems.length ? ': ' + problems.join(', ') : ''}`);
      await without.close();
      await withJs.close();
    }

    // ------------------------------------------------- pages of the index, with and without JS
    {
      const done = (page) => page.waitForFunction(() => document.querySelector('[data-directory-filter]').dataset.searchDone === location.search);
      const without = await open(index, { javaScript: false });
      const facets = await readFacets(without.page);
      const firstPage = await cardOrder(without.page);
      const staticPages = [firstPage];
      for (let next = await nextHref(without.page); next; next = await nextHref(without.page)) {
        await without.page.goto(next);
        staticPages.push(await cardOrder(without.page));
      }
      const everyone = staticPages.flat();
      // A site with one page of actors (the RTL fixture) has no pages to check.
      if (staticPages.length < 2) console.log(`skip ${l.code}: the index has one page (${everyone.length} cards)`);
      else {
        check(new Set(everyone).size === everyone.length,
          `${l.code}: the index is split in ${staticPages.length} pages (${staticPages.map((p) => p.length).join(' + ')} cards), each actor on one`);
        // With JS, ?page=2 draws the cards of the static page 2, in the same order.
        const withJs = await open(`${index}?page=2`);
        await done(withJs.page);
        const drawn = await cardOrder(withJs.page);
        check(JSON.stringify(drawn) === JSON.stringify(staticPages[1]), `${l.code} with JS: ?page=2 shows the ${drawn.length} cards of the static page 2`);
        // Its "next" link draws page 3 in place and moves the focus to its first card.
        if (staticPages.length >= 3) {
          await withJs.page.click('.pagination a[rel="next"]');
          await done(withJs.page);
          const third = await cardOrder(withJs.page);
          const focus = await withJs.page.evaluate(() => ({
            inCard: !!document.activeElement?.closest('.actor-card'),
            page: new URL(location.href).searchParams.get('page'),
            current: document.querySelector('.pagination a[aria-current="page"]')?.textContent,
          }));
          check(JSON.stringify(third) === JSON.stringify(staticPages[2]) && focus.inCard && focus.page === '3' && focus.current === '3',
            `${l.code} with JS: "next" shows the cards of page 3 (${third.length}), ?page=3, focus on its first card (${focus.inCard})`);
        }
        check(withJs.problems.length === 0, `${l.code}: ?page=2 loaded cleanly${withJs.problems.length ? ': ' + withJs.problems.join(', ') : ''}`);
        await withJs.close();

        // A country with actors beyond page 1: with JS, following it from page 1 lists them
        // all (over the pages the script draws), as its static pages do.
        const countries = facets.groups.find((g) => g.facet === 'country').items.filter((i) => i.value);
        let chosen = null;
        for (const country of countries.slice().reverse()) {
          await without.page.goto(country.href);
          const listed = await listingIds(without.page);
          if (listed.ids.some((id) => !firstPage.includes(id))) {
            chosen = { country, ids: listed.ids };
            break;
          }
        }
        check(chosen !== null, `${l.code}: a country lists actors beyond page 1 of the index (${chosen?.country.label})`);
        if (chosen) {
          const js = await open(index);
          await js.page.click(`[data-facet="country"] a[data-value="${chosen.country.value}"]`);
          await done(js.page);
          const found = await cardOrder(js.page);
          for (let guard = 0; guard < 100 && await js.page.$('.pagination a[rel="next"]'); guard++) {
            await js.page.click('.pagination a[rel="next"]');
            await done(js.page);
            found.push(...await cardOrder(js.page));
          }
          check(JSON.stringify(found.sort()) === JSON.stringify(chosen.ids),
            `${l.code} with JS: ${chosen.country.label} shows its ${chosen.ids.length} actors, those on later pages of the index too (${found.length} drawn)`);
          const said = await js.page.textContent('[data-result-count]');
          check(new RegExp(`(^|\\D)${chosen.ids.length}(\\D|$)`).test(said), `${l.code} with JS: the count says ${chosen.ids.length} ("${said.trim()}")`);
          check(js.problems.length === 0, `${l.code}: filtered pages loaded cleanly${js.problems.length ? ': ' + js.problems.join(', ') : ''}`);
          await js.close();
        }
      }
      await without.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}
console.log(`directory_filters: ${passed} passed, ${failed} failed`);
process.exit(failed || passed === 0 ? 1 : 0);
