#!/usr/bin/env node
// run.mjs <site-dir> [--config site.toml] [--form-factor mobile|desktop] [--only TEXT] [--uncompressed]
//
// Lighthouse scores (performance, accessibility, best practices, SEO) of one page of each kind
// per language of the built site, served on 127.0.0.1 and opened in Debian's Chromium. A
// benchmark, not a test: it prints a table and writes results.json next to this script.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import lighthouse, { desktopConfig } from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { loadSite, parseArgs, pickPages, startServer, CHROMIUM_ARGS, watchdog } from '../../tests/site/lib/site.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const USAGE = 'usage: node run.mjs <site-dir> [--config site.toml] [--form-factor mobile|desktop] [--only TEXT] [--uncompressed]';
watchdog(900);
const { positional, options } = parseArgs(process.argv.slice(2), ['site-dir'], USAGE);
const { siteDir, config } = loadSite(positional[0], options.config);
const formFactor = options['form-factor'] ?? 'mobile';
// --only TEXT: just the pages whose name contains TEXT (e.g. "search"), while fixing one thing.
const only = options.only ? String(options.only) : '';
const pages = pickPages(siteDir, config).pages.filter((p) => p.name.includes(only));

// Served gzipped, as static hosts serve HTML, CSS, scripts and data; --uncompressed: as they are.
const server = await startServer(siteDir, {}, { compress: !options.uncompressed });
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  chromeFlags: CHROMIUM_ARGS,
  userDataDir: fs.mkdtempSync(path.join(fs.realpathSync(process.env.TMPDIR || '/tmp'), 'lh-')),
});
const categories = ['performance', 'accessibility', 'best-practices', 'seo'];
// Lighthouse's own presets: mobile is its default (slow 4G, a 4× slower CPU, a phone's screen);
// desktop is its desktop configuration (fast connection, no CPU slowdown, 1350×940). Passing
// formFactor alone would score a desktop page against desktop targets under mobile throttling.
const settings = {
  port: chrome.port,
  output: 'json',
  logLevel: 'error',
  onlyCategories: categories,
  throttlingMethod: 'simulate',
  // The narrowest phone the theme is made for, rather than Lighthouse's 412-px default.
  ...(formFactor === 'mobile' ? { formFactor, screenEmulation: { mobile: true, width: 360, height: 780, deviceScaleFactor: 2, disabled: false } } : {}),
};
const lighthouseConfig = formFactor === 'desktop' ? desktopConfig : undefined;
const rows = [];
try {
  // 404.html is measured as the file (served with 200 here; hosts send it with 404).
  for (const page of pages) {
    const result = await lighthouse(server.origin + page.urlPath, settings, lighthouseConfig);
    const lhr = result.lhr;
    const scores = Object.fromEntries(categories.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)]));
    const failing = Object.values(lhr.audits)
      .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode === 'binary')
      .map((a) => a.id);
    rows.push({ page: page.name, ...scores, lcp_ms: Math.round(lhr.audits['largest-contentful-paint']?.numericValue ?? 0),
                cls: lhr.audits['cumulative-layout-shift']?.numericValue ?? 0,
                metric_scores: Object.fromEntries(['first-contentful-paint', 'largest-contentful-paint', 'speed-index',
                  'total-blocking-time', 'cumulative-layout-shift'].map((id) => [id, lhr.audits[id]?.score])),
                lcp_element: lhr.audits['largest-contentful-paint-element']?.details?.items?.[0]?.items?.[0]?.node?.snippet ?? '',
                bytes: lhr.audits['total-byte-weight']?.numericValue ?? 0, failing });
    const last = rows[rows.length - 1];
    console.log(`${page.name.padEnd(24)} perf ${scores.performance} a11y ${scores.accessibility} bp ${scores['best-practices']} seo ${scores.seo}` +
                ` LCP ${last.lcp_ms} ms CLS ${last.cls.toFixed(3)}` +
                (failing.length ? `   (${failing.join(', ')})` : ''));
  }
} finally {
  await chrome.kill();
  server.close();
}
fs.writeFileSync(path.join(here, 'results.json'), JSON.stringify({ formFactor, rows }, null, 2) + '\n');
const all = (key) => Math.min(...rows.map((r) => r[key]));
console.log(`lighthouse (${formFactor}): lowest scores over ${rows.length} pages: performance ${all('performance')}, accessibility ${all('accessibility')}, best practices ${all('best-practices')}, SEO ${all('seo')}`);
