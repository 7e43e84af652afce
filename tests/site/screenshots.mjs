#!/usr/bin/env node
// screenshots.mjs <site-dir> <out-dir> [--config site.toml] [--schemes light,dark] [--widths 360,1280]
//
// A tool, not a test: full-page PNG screenshots of the same pages as axe.mjs
// (one of each kind per language, the root index.html and 404.html) at 360 and
// 1280 px, light and dark, named <lang>-<pagekind>-<width>-<scheme>.png,
// e.g. fr-guideline-360-dark.png. Exits 1 only if a page could not be shot.
import fs from 'node:fs';
import path from 'node:path';
import { loadSite, parseArgs, pickPages, startServer, launchChromium, visitAll, watchdog } from './lib/site.mjs';

const USAGE =
  'usage: node screenshots.mjs <site-dir> <out-dir> [--config site.toml] [--schemes light,dark] [--widths 360,1280]';

watchdog(300);

const { positional, options } = parseArgs(process.argv.slice(2), ['site-dir', 'out-dir'], USAGE);
const { siteDir, config } = loadSite(positional[0], options.config);
const outDir = path.resolve(positional[1]);
const widths = String(options.widths ?? '360,1280').split(',').map(Number);
const schemes = String(options.schemes ?? 'light,dark').split(',');
const { pages, missing } = pickPages(siteDir, config);
fs.mkdirSync(outDir, { recursive: true });

const started = Date.now();
const server = await startServer(siteDir);
const browser = await launchChromium();
const written = [];
let run;
try {
  run = await visitAll({
    browser,
    server,
    siteDir,
    baseUrl: config.baseUrl,
    pages,
    widths,
    schemes,
    concurrency: 3,
    visit: async (page, job) => {
      // Wait for web fonts so that text is not shot in a fallback font.
      await page.evaluate(() => document.fonts.ready);
      const file = path.join(outDir, `${job.name}-${job.width}-${job.scheme}.png`);
      // animations: 'disabled' finishes CSS transitions so shots are stable.
      await page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
      written.push(file);
    },
  });
} finally {
  await browser.close().catch(() => {});
  await server.close();
}

for (const m of missing) console.log(`page not found in the build: ${m}`);
for (const p of run.problems.sort()) console.log(`problem: ${p}`);
const seconds = ((Date.now() - started) / 1000).toFixed(1);
console.log(`screenshots: ${written.length}/${run.jobs.length} written to ${outDir} (${seconds} s)`);
process.exit(written.length === run.jobs.length ? 0 : 1);
