#!/usr/bin/env node
// run.mjs [--corpus bundled,large,synthetic] [--runs 5] [--guidelines 400] [--actors 1000]
//         [--synthetic DIR] [--queries FILE]
// (synthetic: the performance benchmark's generated corpus in DIR, made by
// `build/bench/corpus/passerelle-corpus`; see bench/README.md)
//
// Passerelle's search index against Pagefind (npm package `pagefind`, pinned in
// package.json) over the same built HTML, side by side, in one run:
//  - index build time: Passerelle's search stage in process (build/search_index_bench) and
//    the whole `passerelle build`; Pagefind's CLI run. Medians of --runs runs, wall clock
//    and CPU time (user + system, steadier on a busy machine).
//  - index size: the data files, and the engine each needs in the browser;
//  - for every query of queries.json (>= 20 per language), in headless Chromium with an empty
//    cache: the bytes fetched and the time until the first 10 results have their title, URL
//    and excerpt; then the same for a next query on the same page (engine and manifest
//    cached);
//  - relevance on the bundled site, against the judgments of queries.json;
//  - whether each works under a strict Content Security Policy and from file://.
// Both engines index the same pages: guidelines, other pages and actors (Pagefind with
// --glob), and only the <main> element (--root-selector main).
//
// Needs: a build tree in build/ (cmake), `npm ci` here, Debian's Chromium.
// Writes build/bench-search/results.md and results.json, and prints the tables.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { readSiteConfig } from '../../tests/site/lib/site.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');
const work = path.join(repo, 'build', 'bench-search');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : fallback;
};
const CORPORA = option('corpus', 'bundled,large').split(',');
const RUNS = Number(option('runs', 5));
const GUIDELINES = option('guidelines', '400');
const ACTORS = option('actors', '1000');
const SYNTHETIC = option('synthetic', null);
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const STRICT_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'; base-uri 'none'";
// --queries FILE: another judged set in queries.json's format (tests/search/relevance.mjs
// --write-judged writes the ctest's set so).
const queries = JSON.parse(fs.readFileSync(path.resolve(option('queries', path.join(here, 'queries.json'))), 'utf8'));

// ------------------------------------------------------------------ helpers

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (value) => `${Math.round(value)} ms`;

/// Runs a command through bash to get its children's CPU time too: { wall, cpu } in ms.
function timed(command, argv) {
  const quoted = [command, ...argv].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(' ');
  const started = process.hrtime.bigint();
  const result = spawnSync('bash', ['-c', `${quoted} >/dev/null; status=$?; times; exit $status`], { encoding: 'utf8' });
  const wall = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr}`);
  // `times` prints the shell's then its children's user and system times, e.g. "0m1.234s 0m0.100s".
  const children = result.stdout.trim().split('\n').pop().match(/(\d+)m([\d.]+)s/g);
  const cpu = children.map((t) => {
    const [, m, s] = /(\d+)m([\d.]+)s/.exec(t);
    return (Number(m) * 60 + Number(s)) * 1000;
  }).reduce((a, b) => a + b, 0);
  return { wall, cpu };
}

function run(command, argv) {
  const result = spawnSync(command, argv, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${command} ${argv.join(' ')} failed:\n${result.stderr}`);
  return result.stdout;
}

function walk(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]);
}
const bytesOf = (files) => files.reduce((n, f) => n + fs.statSync(f).size, 0);

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css',
  '.json': 'application/json', '.pagefind': 'application/wasm' };

/// Serves the site, Pagefind's bundle under /pagefind/, and empty harness pages per language.
async function serve(siteDir, pagefindDir, headers = {}) {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    let file;
    const harness = /^\/__bench\/([a-z-]+)\.html$/.exec(url.pathname);
    if (harness) {
      res.writeHead(200, { ...headers, 'content-type': 'text/html; charset=utf-8' });
      res.end(`<!DOCTYPE html><html lang="${harness[1]}"><head><meta charset="utf-8"><title>bench</title></head><body></body></html>`);
      return;
    }
    if (url.pathname.startsWith('/pagefind/')) file = path.join(pagefindDir, decodeURIComponent(url.pathname.slice(10)));
    else file = path.join(siteDir, decodeURIComponent(url.pathname) + (url.pathname.endsWith('/') ? 'index.html' : ''));
    if (!file.startsWith(siteDir) && !file.startsWith(pagefindDir)) file = null;
    if (!file || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404, headers);
      res.end();
      return;
    }
    res.writeHead(200, { ...headers, 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    fs.createReadStream(file).pipe(res);
  });
  server.keepAliveTimeout = 500;
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((r) => { server.closeAllConnections(); server.close(r); }) };
}

// The two engines, each driven through its own JavaScript API from an empty page, the way a
// search page would: load the engine, search, get the first 10 results' data.
const ENGINES = {
  passerelle: async ({ q, lang, client, limit }) => {
    const t0 = performance.now();
    if (!window.PasserelleSearch) {
      await new Promise((resolve, reject) => {
        const s = document.createElement('script');
        s.src = client;
        s.dataset.root = '/search/';
        s.dataset.lang = lang;
        s.onload = resolve;
        s.onerror = reject;
        document.head.appendChild(s);
      });
    }
    const r = await window.PasserelleSearch.query(q, { limit });
    return { ms: performance.now() - t0, total: r.total, urls: r.results.map((x) => '/' + x.url), excerpt: r.results[0]?.snippet ?? '' };
  },
  pagefind: async ({ q, limit }) => {
    const t0 = performance.now();
    if (!window.__pagefind) {
      window.__pagefind = await import('/pagefind/pagefind.js');
      await window.__pagefind.init();
    }
    const s = await window.__pagefind.search(q);
    const data = await Promise.all(s.results.slice(0, limit).map((r) => r.data()));
    return { ms: performance.now() - t0, total: s.results.length, urls: data.map((d) => d.url), excerpt: data[0]?.excerpt ?? '' };
  },
};

/// Bytes the page receives from now on: as served (no compression by the test server) and as
/// a host that gzips text types would send them.
function meter(page, origin) {
  const counted = { raw: 0, gzip: 0, files: 0, pending: [] };
  page.on('response', (response) => {
    if (!response.url().startsWith(origin) || response.url().includes('/__bench/')) return;
    counted.pending.push(response.body().then((body) => {
      const text = /javascript|json|css|html/.test(response.headers()['content-type'] ?? '');
      counted.raw += body.length;
      counted.gzip += text ? zlib.gzipSync(body, { level: 6 }).length : body.length;
      counted.files++;
    }, () => {}));
  });
  return async () => {
    await Promise.all(counted.pending);
    return { raw: counted.raw, gzip: counted.gzip, files: counted.files };
  };
}

async function measureQueries(browser, origin, engine, lang, list, client) {
  const cold = [];
  for (const q of list) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${origin}/__bench/${lang}.html`);
    const bytes = meter(page, origin);
    const result = await page.evaluate(ENGINES[engine], { q, lang, client, limit: 10 });
    cold.push({ q, ...result, bytes: await bytes() });
    await context.close();
  }
  // Next queries: one page, engine and manifest already loaded by the first query.
  const warm = [];
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${origin}/__bench/${lang}.html`);
  await page.evaluate(ENGINES[engine], { q: list[0], lang, client, limit: 10 });
  for (const q of list.slice(1)) {
    const bytes = meter(page, origin);
    const result = await page.evaluate(ENGINES[engine], { q, lang, client, limit: 10 });
    warm.push({ q, ...result, bytes: await bytes() });
    page.removeAllListeners('response');
  }
  await context.close();
  return { cold, warm };
}

/// Does each engine return results under a strict CSP, and from file://?
async function compatibility(browser, siteDir, pagefindDir, client) {
  const out = {};
  const server = await serve(siteDir, pagefindDir, { 'content-security-policy': STRICT_CSP });
  for (const engine of Object.keys(ENGINES)) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.origin}/__bench/fr.html`);
    out[engine] = { csp: await page.evaluate(ENGINES[engine], { q: 'formation', lang: 'fr', client, limit: 10 })
      .then((r) => r.total > 0, () => false) };
    await context.close();
  }
  await server.close();
  // From disk: the search page as a visitor opens it, and Pagefind's API from a page of the site.
  const context = await browser.newContext();
  const page = await context.newPage();
  const frSearch = readSiteConfig(path.join(repo, 'site.toml')).languages[0].sections.search;
  await page.goto(pathToFileURL(path.join(siteDir, 'fr', frSearch, 'index.html')).href + '?q=formation');
  out.passerelle.file = await page.waitForSelector('.search-result', { timeout: 10_000 }).then(() => true, () => false);
  await page.goto(pathToFileURL(path.join(siteDir, 'fr', 'index.html')).href);
  out.pagefind.file = await page.evaluate(async (bundle) => {
    try {
      const pf = await import(bundle);
      await pf.init();
      return (await pf.search('formation')).results.length > 0;
    } catch {
      return false;
    }
  }, pathToFileURL(path.join(pagefindDir, 'pagefind.js')).href);
  await context.close();
  return out;
}

// ------------------------------------------------------------------ relevance

/// success@1, recall@10 and reciprocal rank of the first relevant result, against the
/// judgments of queries.json (documents a reader asking this would want, see README.md).
function relevance(urls, relevant) {
  const hits = urls.map((u) => relevant.includes(u));
  const first = hits.indexOf(true);
  return {
    top: hits[0] ? 1 : 0,
    recall: relevant.length ? hits.filter(Boolean).length / Math.min(10, relevant.length) : 1,
    rr: first >= 0 ? 1 / (first + 1) : 0,
  };
}

// ------------------------------------------------------------------ one corpus

async function corpus(name) {
  const dir = path.join(work, name);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  let source = repo;
  if (name === 'synthetic') {
    if (!SYNTHETIC) throw new Error('--corpus synthetic needs --synthetic DIR (a site made by passerelle-corpus)');
    source = path.resolve(SYNTHETIC);
  } else if (name === 'large') {
    source = path.join(dir, 'source');
    run('node', [path.join(here, 'make-corpus.mjs'), repo, source, '--guidelines', GUIDELINES, '--actors', ACTORS]);
  }
  const config = readSiteConfig(path.join(source, 'site.toml'));
  const siteDir = path.join(dir, 'site');
  const passerelle = path.join(repo, 'build', 'passerelle');

  const build = [];
  for (let i = 0; i < RUNS; i++) build.push(timed(passerelle, ['build', '--source', source, '--out', siteDir]));
  const report = run(passerelle, ['build', '--source', source, '--out', siteDir]).split('\n').filter((l) => /^(Search index|Heaviest)/.test(l));
  const stage = JSON.parse(run(path.join(repo, 'build', 'search_index_bench'), [source, String(RUNS), path.join(dir, 'index-only')]));

  // Pagefind on the same pages: guidelines, other pages, actors.
  const patterns = [];
  for (const l of config.languages) {
    const s = l.sections;
    patterns.push(`${l.code}/${s.guidelines}/*/index.html`, `${l.code}/${s.directory}/*/index.html`);
    for (const e of fs.readdirSync(path.join(siteDir, l.code), { withFileTypes: true })) {
      if (e.isDirectory() && ![s.guidelines, s.directory, s.search].includes(e.name) &&
          fs.existsSync(path.join(siteDir, l.code, e.name, 'index.html'))) patterns.push(`${l.code}/${e.name}/index.html`);
    }
  }
  const pagefindDir = path.join(dir, 'pagefind');
  const pagefindBin = path.join(here, 'node_modules', '.bin', 'pagefind');
  const pagefindArgs = ['--site', siteDir, '--output-path', pagefindDir, '--root-selector', 'main', '--glob', `{${patterns.join(',')}}`, '--silent'];
  const pagefind = [];
  for (let i = 0; i < RUNS; i++) {
    fs.rmSync(pagefindDir, { recursive: true, force: true });
    pagefind.push(timed(pagefindBin, pagefindArgs));
  }
  const entry = JSON.parse(fs.readFileSync(path.join(pagefindDir, 'pagefind-entry.json'), 'utf8'));

  // Sizes per language: data files, and the engine.
  const client = fs.readdirSync(path.join(siteDir, 'js')).find((f) => /^search\.[0-9a-f]+\.js$/.test(f));
  const sizes = {};
  const pfFiles = walk(pagefindDir);
  for (const l of config.languages) {
    const ours = walk(path.join(siteDir, 'search', l.code));
    const theirs = pfFiles.filter((f) => path.basename(f).startsWith(`${l.code}_`) || path.basename(f).startsWith(`pagefind.${l.code}_`));
    sizes[l.code] = {
      passerelle: { bytes: bytesOf(ours), files: ours.length, docs: JSON.parse(fs.readFileSync(path.join(siteDir, 'search', l.code, 'manifest.js'), 'utf8').replace(/^[^,]+,/, '').replace(/\);\n$/, '')).docs },
      pagefind: { bytes: bytesOf(theirs), files: theirs.length, docs: entry.languages[l.code]?.page_count ?? 0 },
    };
  }
  const engineBytes = {
    passerelle: fs.statSync(path.join(siteDir, 'js', client)).size,
    pagefind: ['pagefind.js', 'wasm.fr.pagefind', 'pagefind-entry.json'].map((f) => fs.statSync(path.join(pagefindDir, f)).size).reduce((a, b) => a + b, 0),
  };

  // Queries in Chromium.
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const server = await serve(siteDir, pagefindDir);
  const measured = {};
  for (const l of config.languages) {
    const list = (queries[l.code] ?? []).map((q) => q.q);
    if (!list.length) continue;
    measured[l.code] = {};
    for (const engine of Object.keys(ENGINES)) {
      measured[l.code][engine] = await measureQueries(browser, server.origin, engine, l.code, list, `/js/${client}`);
    }
  }
  await server.close();
  const compat = name === 'bundled' ? await compatibility(browser, siteDir, pagefindDir, `/js/${client}`) : null;
  await browser.close();

  // Relevance (the judgments are for the bundled site).
  const judged = {};
  if (name === 'bundled') {
    for (const [lang, list] of Object.entries(queries)) {
      for (const engine of Object.keys(ENGINES)) {
        const scores = list.map((q, i) => relevance(measured[lang][engine].cold[i].urls, q.relevant));
        const mean = (key) => scores.reduce((n, s) => n + s[key], 0) / scores.length;
        (judged[lang] ??= {})[engine] = { top: mean('top'), recall: mean('recall'), mrr: mean('rr'), found: scores.filter((s) => s.rr > 0).length, queries: scores.length };
      }
    }
  }
  const described = { bundled: 'the bundled site', large: `bundled site + ${GUIDELINES} guidelines/language + ${ACTORS} actors (make-corpus.mjs)`,
    synthetic: 'the performance benchmark\'s generated corpus (passerelle-corpus)' };
  return { name, build, stage, pagefind, report, sizes, engineBytes, measured, judged, compat, source: described[name] };
}

// ------------------------------------------------------------------ report

function table(rows) {
  const header = `| ${rows[0].join(' | ')} |\n|${rows[0].map(() => ' --- ').join('|')}|\n`;
  return header + rows.slice(1).map((r) => `| ${r.join(' | ')} |`).join('\n') + '\n';
}

function markdown(results) {
  let out = '';
  for (const r of results) {
    out += `\n### ${r.name === 'bundled' ? 'Bundled site' : `Larger corpus (${r.source})`}\n\n`;
    const langs = Object.keys(r.sizes);
    const docs = langs.map((l) => `${l} ${r.sizes[l].passerelle.docs} / ${r.sizes[l].pagefind.docs}`).join(', ');
    out += `Documents indexed (Passerelle / Pagefind): ${docs}.\n\n`;
    const rows = [['', 'Passerelle', 'Pagefind', 'ratio']];
    const bw = median(r.build.map((b) => b.wall)), bc = median(r.build.map((b) => b.cpu));
    const pw = median(r.pagefind.map((b) => b.wall)), pc = median(r.pagefind.map((b) => b.cpu));
    rows.push(['index build, CPU time', `${ms(r.stage.index_cpu_ms)} (search stage)`, ms(pc), `${(pc / r.stage.index_cpu_ms).toFixed(1)}× faster`]);
    rows.push(['index build, wall clock', `${ms(r.stage.index_ms)} (search stage)`, ms(pw), `${(pw / r.stage.index_ms).toFixed(1)}× faster`]);
    rows.push(['index build and its files written, CPU time', `${ms(r.stage.written_cpu_ms)}`, ms(pc), `${(pc / r.stage.written_cpu_ms).toFixed(1)}× faster`]);
    rows.push(['index build and its files written, wall clock', `${ms(r.stage.written_ms)}`, ms(pw), `${(pw / r.stage.written_ms).toFixed(1)}× faster`]);
    rows.push(['whole `passerelle build` (all pages + index, written), CPU / wall', `${ms(bc)} / ${ms(bw)}`, '—', '']);
    for (const l of langs) {
      const s = r.sizes[l];
      rows.push([`index data, ${l}`, `${kb(s.passerelle.bytes)} in ${s.passerelle.files} files`, `${kb(s.pagefind.bytes)} in ${s.pagefind.files} files`, '']);
    }
    rows.push(['engine in the browser', `${kb(r.engineBytes.passerelle)} (search.js)`, `${kb(r.engineBytes.pagefind)} (pagefind.js + wasm + entry)`, '']);
    for (const l of langs) {
      const m = r.measured[l];
      if (!m) continue;
      const p = m.passerelle, f = m.pagefind;
      const med = (list, fn) => median(list.map(fn));
      rows.push([`${l}: first query, bytes fetched (median of ${p.cold.length}; as served / gzip host)`,
        `${kb(med(p.cold, (x) => x.bytes.raw))} / ${kb(med(p.cold, (x) => x.bytes.gzip))}`,
        `${kb(med(f.cold, (x) => x.bytes.raw))} / ${kb(med(f.cold, (x) => x.bytes.gzip))}`,
        `${(med(f.cold, (x) => x.bytes.raw) / med(p.cold, (x) => x.bytes.raw)).toFixed(1)}× fewer`]);
      rows.push([`${l}: first query, bytes fetched, worst query`,
        kb(Math.max(...p.cold.map((x) => x.bytes.raw))), kb(Math.max(...f.cold.map((x) => x.bytes.raw))), '']);
      rows.push([`${l}: next query, bytes fetched (median)`,
        `${kb(med(p.warm, (x) => x.bytes.raw))} / ${kb(med(p.warm, (x) => x.bytes.gzip))}`,
        `${kb(med(f.warm, (x) => x.bytes.raw))} / ${kb(med(f.warm, (x) => x.bytes.gzip))}`, '']);
      rows.push([`${l}: time to first 10 results, first query (median)`, ms(med(p.cold, (x) => x.ms)), ms(med(f.cold, (x) => x.ms)), '']);
      rows.push([`${l}: time to first 10 results, next query (median)`, ms(med(p.warm, (x) => x.ms)), ms(med(f.warm, (x) => x.ms)), '']);
    }
    for (const [l, j] of Object.entries(r.judged)) {
      const p = j.passerelle, f = j.pagefind;
      rows.push([`${l}: relevance over ${p.queries} queries — top result relevant`, `${Math.round(p.top * 100)} %`, `${Math.round(f.top * 100)} %`, '']);
      rows.push([`${l}: relevant documents in the top 10 (recall@10)`, `${Math.round(p.recall * 100)} %`, `${Math.round(f.recall * 100)} %`, '']);
      rows.push([`${l}: mean reciprocal rank; queries with a relevant result`, `${p.mrr.toFixed(2)}; ${p.found}/${p.queries}`, `${f.mrr.toFixed(2)}; ${f.found}/${f.queries}`, '']);
    }
    if (r.compat) {
      const yes = (v) => (v ? 'works' : 'fails');
      rows.push(['under a strict CSP (no wasm-unsafe-eval)', yes(r.compat.passerelle.csp), yes(r.compat.pagefind.csp), '']);
      rows.push(['opened from file://', yes(r.compat.passerelle.file), yes(r.compat.pagefind.file), '']);
    }
    out += table(rows);
  }
  return out;
}

fs.mkdirSync(work, { recursive: true });
run('cmake', ['-S', repo, '-B', path.join(repo, 'build'), '-DPASSERELLE_BENCH=ON']);
run('cmake', ['--build', path.join(repo, 'build'), '--target', 'passerelle', 'search_index_bench']);
const results = [];
for (const name of CORPORA) results.push(await corpus(name));
const md = markdown(results);
fs.writeFileSync(path.join(work, 'results.md'), md);
fs.writeFileSync(path.join(work, 'results.json'), JSON.stringify(results, null, 1));
console.log(md);
for (const r of results) {
  for (const [lang, m] of Object.entries(r.measured)) {
    console.log(`\n${r.name} ${lang}: query | Passerelle results, first URL | Pagefind results, first URL`);
    m.passerelle.cold.forEach((p, i) => {
      const f = m.pagefind.cold[i];
      console.log(`  ${p.q} | ${p.total} ${p.urls[0] ?? '-'} | ${f.total} ${f.urls[0] ?? '-'}`);
    });
  }
}
