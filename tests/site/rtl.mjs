#!/usr/bin/env node
// rtl.mjs <site-dir> [--config site.toml]
//
// Checks in Debian's Chromium that every right-to-left language of the site really lays out
// right to left: the document direction, the brand on the right of the header, the table of
// contents on the right of the text on wide screens, the breadcrumb running leftwards, and no
// page wider than a 360-px phone. Prints one line per check and exits 1 on any failure.
import { loadSite, parseArgs, startServer, launchChromium, routeContext, watchdog, withTimeout } from './lib/site.mjs';
import fs from 'node:fs';
import path from 'node:path';

const USAGE = 'usage: node rtl.mjs <site-dir> [--config site.toml]';
watchdog(120);
const { positional, options } = parseArgs(process.argv.slice(2), ['site-dir'], USAGE);
const { siteDir, config } = loadSite(positional[0], options.config);
const configText = fs.readFileSync(options.config ?? path.join(siteDir, '..', 'site.toml'), 'utf8');
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
  }
} finally {
  await browser.close();
  server.close();
}
console.log(`rtl: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
