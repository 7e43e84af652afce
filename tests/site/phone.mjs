#!/usr/bin/env node
// phone.mjs <site-dir> [--config site.toml] [--languages ar]
//
// The site as a visitor on a phone sees it, measured in Chromium: the header at 360 px is at
// most 120 px high (one row) and its menu opens, with JavaScript and without; a guideline's
// text starts within the first 360×800 screen, its contents closed on the phone and open
// beside the text at 1280 px; the keyboard focus ring is not the accent colour (which reads
// as an error) and stands out from the page at 3:1 or more, light and dark; 404.html is styled
// and links home when a host serves it at any depth or from another folder, in the language
// of the address with JavaScript, in every language without.
// Prints one line per check and exits 1 on any failure.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { languagesToCheck, loadSite, parseArgs, pickPages, startServer, launchChromium, routeContext, watchdog, withTimeout } from './lib/site.mjs';
import { contrast } from './lib/colour.mjs';

const USAGE = 'usage: node phone.mjs <site-dir> [--config site.toml] [--languages ar]';
const MAX_HEADER = 120;
watchdog(240);
const { positional, options } = parseArgs(process.argv.slice(2), ['site-dir'], USAGE);
const { siteDir, config } = loadSite(positional[0], options.config);
const { pages } = pickPages(siteDir, config);
// --languages: the checks of each language's pages for those only (the focus ring and 404.html
// are checked as before).
const checked = languagesToCheck(options);
const byName = new Map(pages.map((p) => [p.name, p]));

let passed = 0;
let failed = 0;
const check = (ok, what) => {
  if (ok) passed++; else failed++;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
};

const server = await startServer(siteDir);
const browser = await launchChromium();

// Opens urlPath of `origin` at width × 800; returns the page and what went wrong loading it.
async function open(urlPath, width, { scheme = 'light', javaScript = true, origin = server.origin, baseUrl = config.baseUrl } = {}) {
  const context = await browser.newContext({ viewport: { width, height: 800 }, colorScheme: scheme, javaScriptEnabled: javaScript });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  const problems = await routeContext(page, { siteDir, origin, baseUrl });
  page.on('pageerror', (e) => problems.push(`script error: ${e.message}`));
  await withTimeout(page.goto(origin + urlPath, { waitUntil: 'load' }), 15_000, urlPath);
  return { page, problems, close: () => context.close() };
}


try {
  for (const { code } of config.languages.filter(({ code }) => checked(code))) {
    // ---------------------------------------------------------------- header, one row
    for (const kind of ['home', 'guideline', 'directory', 'search']) {
      const target = byName.get(`${code}-${kind}`);
      if (!target) continue;
      const { page, problems, close } = await open(target.urlPath, 360);
      const m = await page.evaluate(() => {
        const header = document.querySelector('.site-header').getBoundingClientRect();
        const nav = document.querySelector('.site-nav a');
        return {
          height: header.height,
          // A closed <details> leaves its content laid out but not rendered: checkVisibility.
          navHidden: !nav || !nav.checkVisibility(),
          overflow: document.documentElement.scrollWidth - window.innerWidth,
        };
      });
      check(m.height <= MAX_HEADER, `${code}-${kind} 360px: header ${Math.round(m.height)}px high (at most ${MAX_HEADER})`);
      check(m.navHidden && m.overflow <= 0, `${code}-${kind} 360px: navigation folded in the menu, no sideways scroll (${m.overflow}px)`);
      check(problems.length === 0, `${code}-${kind} 360px: loaded cleanly${problems.length ? ': ' + problems.join(', ') : ''}`);
      await close();
    }

    // ---------------------------------------------------------------- the menu opens, JS or not
    const home = byName.get(`${code}-home`);
    for (const javaScript of [true, false]) {
      const { page, close } = await open(home.urlPath, 360, { javaScript });
      await page.locator('.site-menu > summary').click();
      const shown = await page.evaluate(() => {
        const links = [...document.querySelectorAll('.site-nav a')];
        const search = document.querySelector('.site-header input[type="search"]');
        return { nav: links.length > 0 && links.every((a) => a.checkVisibility()), search: !!search && search.checkVisibility() };
      });
      // Without scripts the search page cannot search: no box to type a query that would be lost.
      check(shown.nav && shown.search === javaScript,
        `${code}-home 360px: the menu button shows the navigation, and the search box ${javaScript ? 'with' : 'only with'} JavaScript (JavaScript ${javaScript ? 'on' : 'off'})`);
      await close();
    }
    {
      const { page, close } = await open(home.urlPath, 1280);
      const wide = await page.evaluate(() => ({
        nav: [...document.querySelectorAll('.site-nav a')].every((a) => a.checkVisibility()),
        title: document.querySelector('.brand-text').checkVisibility(),
      }));
      check(wide.nav && wide.title, `${code}-home 1280px: navigation and full site title shown in the header`);
      await close();
    }

    // ---------------------------------------------------------------- a guideline's text first
    const guideline = byName.get(`${code}-guideline`);
    if (guideline) {
      const phone = await open(guideline.urlPath, 360);
      const g = await phone.page.evaluate(() => ({
        text: document.querySelector('.prose > *').getBoundingClientRect().top,
        open: document.querySelector('.toc details')?.open,
        list: document.querySelector('.toc ol')?.checkVisibility(),
      }));
      check(g.text < 800, `${code}-guideline 360×800: text starts at ${Math.round(g.text)}px, within the first screen`);
      check(g.open === false && g.list === false, `${code}-guideline 360px: contents closed`);
      await phone.page.locator('.toc summary').click();
      check(await phone.page.evaluate(() => document.querySelector('.toc ol').checkVisibility()),
        `${code}-guideline 360px: contents open when their summary is pressed`);
      await phone.close();
      const wide = await open(guideline.urlPath, 1280);
      const w = await wide.page.evaluate(() => {
        const toc = document.querySelector('.toc ol').getBoundingClientRect();
        const prose = document.querySelector('.prose').getBoundingClientRect();
        return { list: document.querySelector('.toc ol').checkVisibility(), beside: toc.right <= prose.left || toc.left >= prose.right };
      });
      check(w.list && w.beside, `${code}-guideline 1280px: contents shown beside the text`);
      await wide.close();
    }

    // ---------------------------------------------------------------- search results
    const results = byName.get(`${code}-search-results`);
    if (results) {
      for (const width of [360, 1280]) {
        const { page, problems, close } = await open(results.urlPath, width);
        await page.waitForSelector('[data-search-page][data-search-ready]');
        const r = await page.evaluate(() => new Promise((resolve) => {
          // Layout shifts since the page started, as Lighthouse counts them (CLS).
          let shift = 0;
          new PerformanceObserver((list) => {
            list.getEntries().forEach((e) => { if (!e.hadRecentInput) shift += e.value; });
          }).observe({ type: 'layout-shift', buffered: true });
          setTimeout(() => resolve({
            shift,
            first: document.querySelector('.search-result')?.getBoundingClientRect().top ?? Infinity,
            focus: document.activeElement?.id ?? '',
          }), 300);
        }));
        check(r.shift < 0.05, `${code}-search-results ${width}px: layout shift ${r.shift.toFixed(3)} while results arrive (under 0.05)`);
        if (width === 360) check(r.first < 800, `${code}-search-results 360×800: the first result starts at ${Math.round(r.first)}px, within the first screen`);
        check(r.focus === 'search-status', `${code}-search-results ${width}px: focus on the results heading on arrival (${r.focus || 'body'})`);
        check(problems.length === 0, `${code}-search-results ${width}px: loaded cleanly${problems.length ? ': ' + problems.join(', ') : ''}`);
        await close();
      }
      // From the header of another page, as a visitor does.
      const { page, close } = await open(home.urlPath, 1280);
      const word = new URL(results.urlPath, 'http://x').searchParams.get('q');
      await page.fill('#site-search', word);
      await page.press('#site-search', 'Enter');
      await page.waitForSelector('[data-search-page][data-search-ready]');
      const after = await page.evaluate(() => ({ focus: document.activeElement?.id, tag: document.activeElement?.tagName,
                                                  results: document.querySelectorAll('.search-result').length }));
      check(after.focus === 'search-status' && after.tag === 'H2' && after.results > 0,
        `${code}: a search from the header lands on the results heading (${after.tag}#${after.focus}, ${after.results} results)`);
      await close();
      // Without JavaScript: no search form that cannot work, the ways to browse instead.
      const bare = await open(results.urlPath, 360, { javaScript: false });
      const b = await bare.page.evaluate(() => ({
        form: document.querySelector('.search-form').checkVisibility(),
        links: [...document.querySelectorAll('.search-noscript a')].filter((a) => a.checkVisibility()).length,
      }));
      check(!b.form && b.links >= 2, `${code}-search without JavaScript: no dead form, ${b.links} links to browse instead`);
      await bare.close();
    }
  }

  // ---------------------------------------------------------------- focus ring
  const first = config.languages[0].code;
  for (const scheme of ['light', 'dark']) {
    const { page, close } = await open(byName.get(`${first}-guideline`).urlPath, 1280, { scheme });
    const accent = await page.evaluate(() => {
      const probe = document.createElement('span');
      probe.style.color = 'var(--acc)';
      document.body.append(probe);
      const colour = getComputedStyle(probe).color;
      probe.remove();
      return colour;
    });
    // A link of the text, a search field, a footer link: the ring against what is behind it.
    const targets = ['.prose a[href]', '.site-search input', '.site-footer a'];
    for (const selector of targets) {
      const element = page.locator(selector).first();
      await element.focus();
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('Tab');
      const ring = await page.evaluate(() => {
        const el = document.activeElement;
        const style = getComputedStyle(el);
        let behind = el.parentElement;
        while (behind && getComputedStyle(behind).backgroundColor.replace(/\s/g, '').endsWith(',0)')) behind = behind.parentElement;
        return {
          focusVisible: el.matches(':focus-visible'),
          colour: style.outlineColor,
          width: parseFloat(style.outlineWidth),
          style: style.outlineStyle,
          background: behind ? getComputedStyle(behind).backgroundColor : 'rgb(255, 255, 255)',
        };
      });
      const ratio = contrast(ring.colour, ring.background);
      check(ring.focusVisible && ring.style !== 'none' && ring.width >= 3 && ring.colour !== accent,
        `${scheme} ${selector}: focus ring ${ring.width}px ${ring.colour}, not the accent ${accent}`);
      check(ratio >= 3, `${scheme} ${selector}: focus ring contrast ${ratio.toFixed(1)}:1 against ${ring.background}`);
    }
    await close();
  }

  // ---------------------------------------------------------------- 404 at any depth, any folder
  // A host that answers every missing path with 404.html, the site in a folder of its own
  // (/mirror/), which is not base_url's path: the page must still be styled.
  const notFound = fs.readFileSync(path.join(siteDir, '404.html'));
  const mirror = http.createServer((req, res) => {
    res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
    res.end(notFound);
  });
  await new Promise((resolve) => mirror.listen(0, '127.0.0.1', resolve));
  const mirrorOrigin = `http://127.0.0.1:${mirror.address().port}`;
  try {
    // No route to base_url here: what the page needs from production is blocked.
    const { page, close } = await open('/mirror/x/y/z/', 360, { origin: mirrorOrigin, baseUrl: null });
    const styled = await page.evaluate(() => ({
      card: getComputedStyle(document.querySelector('.not-found')).borderTopWidth,
      font: getComputedStyle(document.body).fontFamily,
      brand: getComputedStyle(document.querySelector('.brand-mark'), '::before').borderTopWidth,
    }));
    check(styled.card === '4px' && !/^"?Times/.test(styled.font) && parseFloat(styled.brand) > 0,
      `404 served from another folder (/mirror/x/y/z/): styled, with the brand mark (${JSON.stringify(styled)})`);
    await close();
  } finally {
    mirror.close();
  }
  const codes = config.languages.map((l) => l.code);
  for (const code of codes) {
    const { page, problems, close } = await open(`/${code}/no/such/page/`, 360);
    const shown = await page.evaluate(() => ({
      lang: document.documentElement.lang,
      visible: [...document.querySelectorAll('[data-not-found-language]')].filter((s) => !s.hidden).map((s) => s.lang),
      home: document.querySelector('.not-found:not([hidden]) a.button')?.href,
    }));
    check(shown.lang === code && shown.visible.join() === code, `404 at /${code}/no/such/page/: only its language shown (${shown.visible.join()})`);
    // Requested from the local server, which serves the site at its root, not base_url's path.
    const basePath = new URL(config.baseUrl).pathname;
    const homePath = shown.home ? new URL(shown.home).pathname : '/nowhere';
    const home = await page.request.get(server.origin + '/' + homePath.slice(basePath.length));
    check(home.ok() && homePath === `${basePath}${code}/`,
      `404 at /${code}/no/such/page/: its home link ${shown.home} answers ${home.status()}`);
    check(problems.length === 0, `404 at /${code}/no/such/page/: loaded cleanly${problems.length ? ': ' + problems.join(', ') : ''}`);
    await close();
  }
  {
    const { page, close } = await open(`/${codes[0]}/no/such/page/`, 360, { javaScript: false });
    const visible = await page.evaluate(() => [...document.querySelectorAll('[data-not-found-language]')].filter((s) => s.getBoundingClientRect().height > 0).map((s) => s.lang));
    check(visible.join() === codes.join(), `404 without JavaScript: every language shown (${visible.join()})`);
    await close();
  }
} finally {
  await browser.close();
  await server.close();
}
console.log(`phone: ${passed} passed, ${failed} failed`);
process.exit(failed || passed === 0 ? 1 : 0);
