#!/usr/bin/env node
// axe.mjs <site-dir> [--config site.toml] [--schemes light,dark] [--widths 360,1280] [--languages ar]
//         [--kinds print,print-volume]
//
// Accessibility check of the built site with axe-core in Debian's Chromium
// (driven by playwright-core). Serves the site folder on 127.0.0.1, opens one
// page of each kind per language (picked from the build, see lib/site.mjs)
// plus the root index.html and 404.html, at 360 px and 1280 px wide, in the
// light and the dark colour scheme, and runs axe with the WCAG 2.x A/AA and
// best-practice rules. Prints each violation and exits 1 if there is any. --kinds: only the
// pages of those kinds (pickPages' names without the language: a site whose other pages are
// the bundled site's templates, already checked).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { languagesToCheck, loadSite, parseArgs, pickPages, startServer, launchChromium, visitAll, watchdog } from './lib/site.mjs';

const USAGE = 'usage: node axe.mjs <site-dir> [--config site.toml] [--schemes light,dark] [--widths 360,1280] [--languages ar] [--kinds print]';
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
const here = path.dirname(fileURLToPath(import.meta.url));

// Never hang CI. Every step has a timeout of its own (15 s a page load, 45 s an axe run), which
// is what catches a stuck page; this budget only ends a run that is starved of CPU, and on a
// two-core machine shared with compilers (load 17 to 25) a whole run took over 300 s. 540 s
// stays under CTest's 600 s, so the run still reports by itself.
watchdog(540);

const { positional, options } = parseArgs(process.argv.slice(2), ['site-dir'], USAGE);
const { siteDir, config } = loadSite(positional[0], options.config);
const widths = String(options.widths ?? '360,1280').split(',').map(Number);
const schemes = String(options.schemes ?? 'light,dark').split(',');
// --languages: those languages' pages, and always the root index and 404.html.
const checked = languagesToCheck(options);
const picked = pickPages(siteDir, config);
const kinds = options.kinds ? String(options.kinds).split(',') : null;
const pages = picked.pages.filter((p) => (p.lang === 'root' || checked(p.lang)) && (!kinds || kinds.includes(p.kind)));
const missing = picked.missing.filter((name) => !kinds || kinds.some((kind) => name.endsWith(`-${kind}`)));
if (kinds && !kinds.every((kind) => pages.some((p) => p.kind === kind))) {
  console.error(`--kinds ${kinds.join(',')}: no page of some of these kinds in the build`);
  process.exit(1);
}
const axeSource = fs.readFileSync(path.join(here, 'node_modules/axe-core/axe.min.js'), 'utf8');

const started = Date.now();
const server = await startServer(siteDir);
const browser = await launchChromium();
const results = []; // one entry per (page, width, scheme)

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
      // Once per loaded page: the same page is checked again in the other colour scheme.
      if (!(await page.evaluate(() => Boolean(window.axe)))) await page.addScriptTag({ content: axeSource });
      const r = await page.evaluate(
        (tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations', 'incomplete'] }),
        TAGS,
      );
      results.push({ job, violations: r.violations, incomplete: r.incomplete });
    },
  });
} finally {
  await browser.close().catch(() => {});
  await server.close();
}

// ------------------------------------------------------------------ report
// Sorted so that the output is stable whatever order pages finished in.
const order = (a, b) =>
  a.job.scheme.localeCompare(b.job.scheme) || a.job.name.localeCompare(b.job.name) || a.job.width - b.job.width;
results.sort(order);

const byRule = new Map(); // rule id → { impact, help, helpUrl, runs, nodes }
let violationCount = 0;
let nodeCount = 0;
for (const { job, violations } of results) {
  for (const v of violations) {
    violationCount++;
    nodeCount += v.nodes.length;
    const targets = v.nodes.map((n) => n.target.join(' >>> '));
    const shown = targets.slice(0, 6).join(', ') + (targets.length > 6 ? `, … ${targets.length - 6} more` : '');
    console.log(`${job.name} ${job.width} ${job.scheme}: ${v.id} (${v.impact}) ${job.urlPath} — ${shown}`);
    // For contrast, axe's message has the colours and ratio: show the first.
    if (v.id === 'color-contrast' || v.id === 'color-contrast-enhanced') {
      const msg = v.nodes[0]?.any?.[0]?.message;
      if (msg) console.log(`    ${msg}`);
    }
    const rule = byRule.get(v.id) ?? { impact: v.impact, help: v.help, helpUrl: v.helpUrl, runs: 0, nodes: 0 };
    rule.runs++;
    rule.nodes += v.nodes.length;
    byRule.set(v.id, rule);
  }
}

if (byRule.size) {
  console.log('\nviolations by rule:');
  for (const [id, r] of [...byRule].sort()) {
    console.log(`  ${id} (${r.impact}): ${r.runs} page runs, ${r.nodes} nodes — ${r.help} <${r.helpUrl}>`);
  }
}

// "Incomplete" = axe could not decide (e.g. text over a gradient): listed for
// a human to look at, not counted as failures.
const review = new Map();
for (const { incomplete } of results) for (const i of incomplete) review.set(i.id, (review.get(i.id) ?? 0) + i.nodes.length);
if (review.size) {
  console.log(`\nneeds review (not failures): ${[...review].sort().map(([id, n]) => `${id} ${n} nodes`).join(', ')}`);
}

for (const m of missing) console.log(`page not found in the build: ${m}`);
for (const p of run.problems.sort()) console.log(`problem: ${p}`);

const seconds = ((Date.now() - started) / 1000).toFixed(1);
console.log(
  `axe: ${results.length}/${run.jobs.length} page runs (${pages.length} pages × ${widths.length} widths × ${schemes.length} schemes), ` +
    `${violationCount} violations (${nodeCount} nodes), ${missing.length + run.problems.length} other problems, ${seconds} s`,
);
process.exit(violationCount || missing.length || run.problems.length || results.length !== run.jobs.length ? 1 : 0);
