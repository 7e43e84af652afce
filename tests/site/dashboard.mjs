#!/usr/bin/env node
// dashboard.mjs <passerelle-binary> <site-dir> [--screenshots DIR]
//
// The serve dashboard (/_passerelle/) as an editor sees it in Chromium, on a copy of the site
// with one error, one draft and one stale record: axe finds no violation at 360 and 1280 px in
// the light and the dark colour scheme, nothing overflows the 360 px screen, and an open
// dashboard reloads by itself when the error is fixed. With --screenshots, the PNGs of each
// width and scheme are written there to be looked at. Exit 0 all good, 1 failure, 2 usage or
// timeout.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium, spawnServe, watchdog } from './lib/site.mjs';

const USAGE = 'usage: node dashboard.mjs <passerelle-binary> <site-dir> [--screenshots DIR]';
const args = process.argv.slice(2);
const shotsAt = args.indexOf('--screenshots');
const shots = shotsAt >= 0 ? args.splice(shotsAt, 2)[1] : null;
const [binary, siteArg] = args;
if (!binary || !siteArg || (shotsAt >= 0 && !shots)) {
  console.error(USAGE);
  process.exit(2);
}
watchdog(170);
const here = path.dirname(fileURLToPath(import.meta.url));
const axeSource = fs.readFileSync(path.join(here, 'node_modules/axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'passerelle-dashboard-'));
const site = path.join(work, 'site');
fs.cpSync(siteArg, site, { recursive: true });
const about = path.join(site, 'content/fr/about.md');
const good = fs.readFileSync(about, 'utf8');
fs.writeFileSync(about, good.replace('date = 2026-10-01', 'date = 01/10/2026'));
fs.writeFileSync(path.join(site, 'content/fr/brouillon.md'),
  '+++\ntitle = "Brouillon"\nsummary = "En cours."\ndate = 2026-11-20\ndraft = true\n+++\nUn texte en cours.\n');
const record = path.join(site, 'directory-data/actors/ong-atlas.toml');
fs.writeFileSync(record, fs.readFileSync(record, 'utf8').replace(/^last_reviewed = .*$/m, 'last_reviewed = 2012-01-01'));

let failures = 0;
function check(name, ok, detail = '') {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${ok || !detail ? '' : `\n     ${detail}`}`);
  if (!ok) failures++;
}

const { server, origin: serveOrigin } = spawnServe(binary, site, { ...process.env, SOURCE_DATE_EPOCH: '1796515200' });

let browser;
try {
  const origin = await serveOrigin();
  const dashboard = origin + '/_passerelle/';
  browser = await launchChromium();
  const problems = [];
  for (const scheme of ['light', 'dark']) {
    for (const width of [360, 1280]) {
      const context = await browser.newContext({ viewport: { width, height: 800 }, colorScheme: scheme });
      await context.route('**/*', (route) => {
        const url = route.request().url();
        if (url.startsWith(origin + '/')) return route.continue();
        problems.push(`blocked ${url}`);
        return route.abort('blockedbyclient');
      });
      const page = await context.newPage();
      page.on('pageerror', (e) => problems.push(`${e.message}`));
      await page.goto(dashboard, { timeout: 15_000 });
      // The first check may still run: wait for its result.
      await page.waitForSelector('#problems', { timeout: 30_000 });
      await page.addScriptTag({ content: axeSource });
      const r = await page.evaluate(
        (tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags } }), TAGS);
      check(`axe: no violation at ${width} px, ${scheme}`, r.violations.length === 0,
        r.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target).join(', ')})`).join('\n     '));
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      check(`nothing overflows at ${width} px, ${scheme}`, overflow <= 0, `${overflow} px too wide`);
      if (shots) {
        fs.mkdirSync(shots, { recursive: true });
        await page.screenshot({ path: path.join(shots, `dashboard-${width}-${scheme}.png`), fullPage: true });
      }
      await context.close();
    }
  }

  const context = await browser.newContext();
  const page = await context.newPage();
  const stream = page.waitForRequest((r) => r.url().includes('/_passerelle/events'), { timeout: 15_000 });
  await page.goto(dashboard, { timeout: 15_000 });
  await page.waitForSelector('#problems', { timeout: 30_000 });
  await stream;
  check('the open dashboard shows the error', (await page.innerText('#problems + ol')).includes('content/fr/about.md'));
  fs.writeFileSync(about, good);
  const gone = await page.waitForFunction(
    () => document.querySelector('#problems') && !document.body.innerText.includes('content/fr/about.md:'),
    null, { timeout: 30_000 }).then(() => true, () => false);
  check('fixed: the open dashboard reloads by itself, without the error', gone);
  check('no request left the preview, no script error', problems.length === 0, problems.join('\n     '));
} catch (e) {
  console.error(e);
  failures++;
} finally {
  if (browser) await browser.close().catch(() => {});
  server.kill('SIGTERM');
  fs.rmSync(work, { recursive: true, force: true });
}
console.log(`dashboard: ${failures} failure(s)`);
process.exit(failures ? 1 : 0);
