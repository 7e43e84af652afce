#!/usr/bin/env node
// offline.mjs <offline-site-dir> [--config site.toml]
//
// The offline edition (`passerelle build --offline`) as a reader of a USB stick sees it: opened
// from file:// in Debian's Chromium, with JavaScript on and off, clicking like a reader from the
// root's language picker to a language's home, a guideline, the directory, an actor, a facet
// page (the actor's country), the language switch, and the search page through the header's
// search form; with JavaScript, a word of the guideline's title is searched and a result opened.
// Each page must load as a page of the site (its own file, a title, the site's header), never
// as the browser's listing of a folder. No network: any request that is not a file:// URL of
// the site fails the test. Prints one line per check and exits 1 on any failure.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchChromium, loadSite, parseArgs, watchdog, withTimeout } from './lib/site.mjs';

const USAGE = 'usage: node offline.mjs <offline-site-dir> [--config site.toml]';
watchdog(240);
const { positional, options } = parseArgs(process.argv.slice(2), ['site-dir'], USAGE);
const { siteDir, config } = loadSite(positional[0], options.config);
const directory = config.languages[0].sections.directory;
const siteUrl = pathToFileURL(siteDir + '/').href;

let passed = 0;
let failed = 0;
const check = (ok, what) => {
  if (ok) passed++; else failed++;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
};

const browser = await launchChromium();
try {
  for (const javaScript of [true, false]) await browse(javaScript);
} finally {
  await browser.close();
}
console.log(`offline: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);

// What the page now shown is: its file, title, and whether it is a page of the site.
async function describe(page) {
  const url = page.url();
  const info = await page.evaluate(() => ({
    title: document.title,
    header: !!document.querySelector('.site-header, .root-language'),
    main: !!document.querySelector('main'),
  }));
  const file = url.startsWith(siteUrl) ? decodeURIComponent(new URL(url).pathname).slice(new URL(siteUrl).pathname.length) : url;
  return { url, file, ...info };
}

// Clicks the first element matching `selector` and checks the page it opens.
async function step(page, label, selector, what) {
  const link = page.locator(selector).first();
  if ((await link.count()) === 0) {
    check(false, `${label}: a link ${selector} to follow`);
    return false;
  }
  await Promise.all([page.waitForEvent('load'), link.click()]);
  return arrived(page, label, what);
}

async function arrived(page, label, what) {
  const d = await describe(page);
  const file = d.file.replace(/[?#].*$/, '');
  const ok = d.url.startsWith(siteUrl) && file.endsWith('.html') && fs.existsSync(path.join(siteDir, file)) &&
    d.title !== '' && !d.title.startsWith('Index of') && d.header && d.main;
  check(ok, `${label}: ${what} loads from disk (${d.file}, "${d.title}")`);
  return ok;
}

async function browse(javaScript) {
  const context = await browser.newContext({ javaScriptEnabled: javaScript, viewport: { width: 1280, height: 900 } });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  const problems = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(siteUrl)) return route.continue();
    problems.push(url);
    return route.abort();
  });
  page.on('pageerror', (e) => problems.push(`script error: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`failed: ${r.url()}`));
  const label = `JavaScript ${javaScript ? 'on' : 'off'}`;
  try {
    await withTimeout(page.goto(siteUrl + 'index.html', { waitUntil: 'load' }), 15_000, 'index.html');
    const steps = [
      [`a.root-language[href="${config.languages[0].code}/index.html"]`, 'a language\'s home'],
      ['.guideline-item a', 'a guideline'],
      [`header a[href$="${directory}/index.html"]`, 'the directory'],
      ['.actor-card .actor-name a', 'an actor'],
      ['main dd a[href$="/index.html"]', 'a facet page (the actor\'s kind)'],
      ['.language-switcher a', 'the same page in the other language'],
    ];
    for (const [selector, what] of steps) {
      if (!(await step(page, label, selector, what))) return;
    }
    // The header's search form, as a reader submits it, with a word of the page's title (a
    // kind of actor, which the index of that language knows).
    const title = await page.locator('h1').first().textContent();
    const word = (title.match(/\p{L}{5,}/gu) ?? [''])[0];
    if (!javaScript) {
      // Without scripts the search cannot run: the header offers no box to type into.
      check(!(await page.locator('#site-search').isVisible()), `${label}: no search box that could not search`);
    } else {
      await page.locator('#site-search').fill(word);
      await Promise.all([page.waitForEvent('load'), page.locator('#site-search').press('Enter')]);
      if (!(await arrived(page, label, 'the search page'))) return;
      await page.waitForFunction(() => document.querySelector('[data-search-ready]'));
      await page.locator('#search-query').fill('');
      await page.locator('#search-query').pressSequentially(word, { delay: 20 });
      const result = page.locator('.search-result-title a').first();
      await result.waitFor();
      const href = await result.getAttribute('href');
      check(/index\.html(#.*)?$/.test(href), `${label}: a search result for "${word}" links a file (${href})`);
      await Promise.all([page.waitForEvent('load'), result.click()]);
      await arrived(page, label, 'a search result');
    }
    check(problems.length === 0, `${label}: no request left the folder, no script error${problems.length ? ': ' + problems.join(', ') : ''}`);
  } finally {
    await context.close();
  }
}
