#!/usr/bin/env node
// live_reload.mjs <passerelle-binary> <site-dir>
//
// `passerelle serve` as an editor sees it in Chromium, on a copy of the site: after an edit,
// the open tab of the edited page reloads by itself and shows the new text, while a tab on an
// unrelated page stays as it was; a broken record turns the tab into the error page, and fixing
// it brings the page back; a hidden tab closes its event stream and, shown again after an edit
// of its page, reloads at once. A reload is told from a change made in place by a marker set on
// `window`, which only a real reload clears. Exit 0 all good, 1 failure, 2 usage or timeout.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchChromium, spawnServe, withTimeout, watchdog } from './lib/site.mjs';

const USAGE = 'usage: node live_reload.mjs <passerelle-binary> <site-dir>';
const [binary, siteArg] = process.argv.slice(2);
if (!binary || !siteArg) {
  console.error(USAGE);
  process.exit(2);
}
watchdog(170);

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'passerelle-live-'));
const site = path.join(work, 'site');
fs.cpSync(siteArg, site, { recursive: true });
const guideline = path.join(site, 'content/fr/guidelines/retour.md');
const record = path.join(site, 'directory-data/actors/ong-atlas.toml');

let failures = 0;
function check(name, ok, detail = '') {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${ok || !detail ? '' : `\n     ${detail}`}`);
  if (!ok) failures++;
}

const { server, exited, output, origin: serveOrigin } = spawnServe(binary, site);

let browser;
try {
  const origin = await serveOrigin();

  browser = await launchChromium();
  const context = await browser.newContext();
  const problems = [];
  // The preview needs nothing from the network: refuse anything but the local server.
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(origin + '/')) return route.continue();
    problems.push(`blocked ${url}`);
    return route.abort('blockedbyclient');
  });

  async function open(urlPath) {
    const page = await context.newPage();
    page.on('pageerror', (e) => problems.push(`${urlPath}: ${e.message}`));
    page.on('console', (m) => m.type() === 'error' && !/500|Internal Server Error/.test(m.text()) &&
      problems.push(`${urlPath}: console: ${m.text()}`));
    // The page is ready for a change once its event stream is open.
    const stream = page.waitForRequest((r) => r.url().includes('/_passerelle/events'), { timeout: 15_000 });
    await page.goto(origin + urlPath, { timeout: 15_000 });
    await stream;
    await page.evaluate(() => (window.passerelleMarker = 'not reloaded'));
    page.reloads = 0;
    page.on('load', () => page.reloads++);
    return page;
  }
  const marker = (page) => page.evaluate(() => window.passerelleMarker ?? 'reloaded');
  const bodyHas = (page, text) =>
    page.waitForFunction((t) => document.body && document.body.innerText.includes(t), text, { timeout: 15_000 })
      .then(() => true, () => false);
  const settle = () => new Promise((r) => setTimeout(r, 300));

  const edited = await open('/fr/lignes-directrices/preparer-le-retour/');
  const other = await open('/fr/annuaire/comune-prova/');
  check('the guideline is shown', (await edited.innerText('main')).includes('Réfléchir.'));
  await settle();

  fs.writeFileSync(guideline, fs.readFileSync(guideline, 'utf8').replace('Réfléchir.', 'Réfléchir longuement.'));
  check('after an edit, the tab shows the new text by itself', await bodyHas(edited, 'Réfléchir longuement.'));
  check('…because the page reloaded', (await marker(edited)) === 'reloaded');
  // The edited page is published at once, then with the whole site: the same bytes, so the
  // tab must not reload a second time.
  const rebuilt = () => /retour\.md changed: rebuilt/.test(output());
  const started = Date.now();
  while (!rebuilt() && Date.now() - started < 15_000) await new Promise((r) => setTimeout(r, 20));
  check('the whole site is rebuilt after the edit', rebuilt(), output());
  await settle();
  check('…and the edited tab reloaded once, not again for the whole site', edited.reloads === 1,
    `${edited.reloads} reloads`);
  check('a tab on a page the edit did not change stays as it was', (await marker(other)) === 'not reloaded');

  await edited.evaluate(() => (window.passerelleMarker = 'not reloaded'));
  const good = fs.readFileSync(record, 'utf8');
  fs.writeFileSync(record, good.replace('city = "Oujda"', 'city = "Oujda'));
  check('a broken record turns the tab into the error page', await bodyHas(edited, 'The site could not be built'));
  check('…which names the file, line and column',
    (await edited.innerText('main')).includes('directory-data/actors/ong-atlas.toml:5:'));
  check('…in every open tab', await bodyHas(other, 'The site could not be built'));

  fs.writeFileSync(record, good);
  check('fixing the record brings the page back', await bodyHas(edited, 'Réfléchir longuement.'));
  check('…in every open tab', await bodyHas(other, 'Comune di Prova'));

  // A hidden tab holds no event stream (a browser opens at most 6 connections to a server, and
  // the streams of background tabs would take them all); shown again after an edit of its
  // page, it opens its stream and reloads at once. Headless pages are all visible: the tab is
  // hidden the way the browser tells it, by visibilityState and a visibilitychange event.
  const setVisibility = (page, state) => page.evaluate((s) => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => s });
    document.dispatchEvent(new Event('visibilitychange'));
  }, state);
  await settle();
  await other.evaluate(() => (window.passerelleMarker = 'not reloaded'));
  const streamClosed = other.waitForEvent('requestfailed',
    { predicate: (r) => r.url().includes('/_passerelle/events'), timeout: 5_000 }).then(() => true, () => false);
  await setVisibility(other, 'hidden');
  check('a hidden tab closes its event stream', await streamClosed);
  const otherRecord = path.join(site, 'directory-data/actors/comune-prova.toml');
  const rebuilds = (output().match(/comune-prova\.toml changed: rebuilt/g) ?? []).length;
  fs.writeFileSync(otherRecord, fs.readFileSync(otherRecord, 'utf8').replace('Comune di Prova (fittizio)', 'Comune di Prova (rinominato)'));
  const rebuiltAgain = () => (output().match(/comune-prova\.toml changed: rebuilt/g) ?? []).length > rebuilds;
  const since = Date.now();
  while (!rebuiltAgain() && Date.now() - since < 15_000) await new Promise((r) => setTimeout(r, 20));
  await settle();
  check('…and does not reload while hidden', (await marker(other)) === 'not reloaded');
  const streamOpened = other.waitForRequest((r) => r.url().includes('/_passerelle/events'), { timeout: 5_000 })
    .then(() => true, () => false);
  await setVisibility(other, 'visible');
  check('shown again, it opens its stream', await streamOpened);
  check('…and reloads at once with the edit', await bodyHas(other, 'Comune di Prova (rinominato)'));
  check('…because the page reloaded', (await marker(other)) === 'reloaded');
  check('no script error, no request outside the preview', problems.length === 0, problems.join('\n     '));
} catch (error) {
  check('the run completed', false, error.stack);
} finally {
  if (browser) await browser.close();
  server.kill('SIGINT');
  const { code } = await withTimeout(exited, 10_000, 'serve to stop').catch(() => ({ code: -1 }));
  check('serve stops on Ctrl+C with exit code 0', code === 0, output());
  fs.rmSync(work, { recursive: true, force: true });
}
console.log(`live reload: ${failures === 0 ? 'all checks passed' : `${failures} failed`}`);
process.exit(failures === 0 ? 0 : 1);
