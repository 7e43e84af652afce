#!/usr/bin/env node
// relevance.mjs <built-site> [--config site.toml] [--queries relevance-queries.json]
//               [--client search.js] [--verbose] [--write-judged out.json]
//               [--explain "query" --lang fr]
//
// The search's relevance on the built site, as a test: every query of the query file (written
// by hand from the bundled content, with a `need` per query; see judge.mjs) is run through the
// real client, the site's own minified search.js, in Node: a small stand-in for the few
// browser objects it touches (document.currentScript, <script> elements appended to <head>)
// hands it the index files from disk, exactly as the browser would load them. No ranking
// code is repeated here. Reported per language: how often the top result is relevant (P@1),
// the share of the relevant pages in the top 10 (recall@10, out of at most 10), the mean
// reciprocal rank of the first relevant result in the top 10 (MRR), and the index bytes a
// first query loads. Fails when a figure is under the file's `min` for that language.
// --write-judged writes the queries with their judgments in bench/search/queries.json's
// format, for `bench/search/run.mjs --queries` (Pagefind on the same set).
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { fileURLToPath } from 'node:url';
import { readSiteConfig } from '../site/lib/site.mjs';
import { pages, judge } from './judge.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : fallback;
};
const siteDir = path.resolve(args[0] ?? '');
if (!args[0] || !fs.existsSync(path.join(siteDir, 'search'))) {
  console.error('usage: node relevance.mjs <built-site> [--config site.toml] [--queries file] [--client search.js] [--verbose]');
  process.exit(2);
}
const config = readSiteConfig(path.resolve(option('config', path.join(here, '../../site.toml'))));
const queries = JSON.parse(fs.readFileSync(option('queries', path.join(here, 'relevance-queries.json')), 'utf8'));
const verbose = args.includes('--verbose');

/// The client the site ships (js/search.<hash>.js), unless --client names another.
function clientFile() {
  if (option('client')) return path.resolve(option('client'));
  const dir = path.join(siteDir, 'js');
  const name = fs.readdirSync(dir).find((f) => /^search\.[0-9a-f]+\.js$/.test(f) || f === 'search.js');
  if (!name) throw new Error(`no search.js in ${dir}`);
  return path.join(dir, name);
}
const clientCode = fs.readFileSync(clientFile(), 'utf8');

/// A fresh client for `lang`, as on a page just opened: its own global object, the index
/// files read from disk when it adds their <script> elements. `loaded` counts their bytes.
function newClient(lang) {
  const loaded = { bytes: 0, files: 0 };
  const head = {
    appendChild(element) {
      // A script element loads after the current task, as in a browser.
      setImmediate(() => {
        const file = path.join(siteDir, decodeURI(element.src.replace(/[?#].*$/, '')));
        let code;
        try {
          code = fs.readFileSync(file, 'utf8');
        } catch {
          element.onerror?.();
          return;
        }
        loaded.bytes += Buffer.byteLength(code);
        loaded.files++;
        vm.runInContext(code, context, { filename: file });
        element.onload?.();
      });
    },
  };
  const document = {
    currentScript: { dataset: { root: 'search/', lang } },
    documentElement: { lang },
    readyState: 'complete',
    head,
    createElement: () => ({ dataset: {}, remove() {} }),
    querySelector: () => null,
    querySelectorAll: () => [],
    addEventListener() {},
  };
  const sandbox = {
    document, console, setTimeout, clearTimeout, URLSearchParams,
    location: { protocol: 'http:', search: '', pathname: `/${lang}/` },
    history: { replaceState() {} },
  };
  sandbox.window = sandbox;
  const context = vm.createContext(sandbox);
  vm.runInContext(clientCode, context, { filename: 'search.js' });
  return { engine: sandbox.PasserelleSearch, loaded };
}

function scores(urls, relevant) {
  const hits = urls.map((u) => relevant.includes(u));
  const first = hits.indexOf(true);
  return {
    top: hits[0] ? 1 : 0,
    recall: relevant.length ? hits.filter(Boolean).length / Math.min(10, relevant.length) : 1,
    rr: first >= 0 ? 1 / (first + 1) : 0,
  };
}

// --explain "query" --lang fr: the ranking's figures for the first results of one query.
if (option('explain')) {
  const lang = option('lang', config.languages[0].code);
  const { engine } = newClient(lang);
  const r = await engine.engine.searchLanguage(lang, option('explain'), { prefix: true });
  const all = r.hits.concat(r.partial).sort((a, b) => b.rank - a.rank);
  console.log('words:', r.words.join(' '));
  for (const h of all.slice(0, 12)) {
    const d = JSON.parse(/load\("[^"]*",([\s\S]*)\);\s*$/.exec(fs.readFileSync(path.join(siteDir, 'search', lang, 'd', `${h.doc}.js`), 'utf8'))[1]);
    console.log(`${h.rank?.toFixed(1)}\tcov ${h.coverage?.toFixed(2)}\tscore ${h.score.toFixed(1)}\twords ${h.words} titles ${h.titles}\t${d.u}`);
  }
  process.exit(0);
}

const judged = {};
let failed = false;
for (const l of config.languages) {
  const list = queries[l.code];
  if (!list) continue;
  const sitePages = pages(siteDir, l);
  const results = [];
  for (const query of list) {
    const relevant = judge(sitePages, query.need);
    if (relevant.length === 0) {
      // The query set no longer fits the content: a test that says so, not one that skips it.
      console.log(`FAIL ${l.code} "${query.q}": no page meets the need ${query.need}`);
      failed = true;
      continue;
    }
    const { engine, loaded } = newClient(l.code);
    const t0 = performance.now();
    const r = await engine.query(query.q, { limit: 10 });
    const ms = performance.now() - t0;
    const urls = r.results.map((x) => '/' + x.url);
    results.push({ q: query.q, relevant, urls, ms, bytes: loaded.bytes, ...scores(urls, relevant) });
  }
  judged[l.code] = results.map((r) => ({ q: r.q, need: list.find((q) => q.q === r.q).need, relevant: r.relevant }));
  const mean = (key) => results.reduce((n, r) => n + r[key], 0) / results.length;
  const median = (key) => [...results.map((r) => r[key])].sort((a, b) => a - b)[Math.floor(results.length / 2)];
  const figures = { p1: mean('top'), recall: mean('recall'), mrr: mean('rr') };
  const found = results.filter((r) => r.rr > 0).length;
  if (verbose) {
    for (const r of results) {
      const mark = r.top ? 'ok  ' : r.rr > 0 ? 'rank' : 'MISS';
      console.log(`${l.code} ${mark} ${JSON.stringify(r.q)} recall ${r.recall.toFixed(2)}  top: ${r.urls.slice(0, 3).join(' ') || '(none)'}`);
      if (!r.top) console.log(`       relevant: ${r.relevant.join(' ')}`);
    }
  }
  console.log(`${l.code}: ${results.length} queries: P@1 ${(figures.p1 * 100).toFixed(1)} %, recall@10 ${(figures.recall * 100).toFixed(1)} %, ` +
    `MRR ${figures.mrr.toFixed(3)}, ${found}/${results.length} with a relevant result; ` +
    `index bytes of a first query (median) ${(median('bytes') / 1024).toFixed(1)} KB, time in Node (median) ${median('ms').toFixed(1)} ms`);
  const min = queries.min?.[l.code] ?? {};
  for (const key of Object.keys(figures)) {
    if (min[key] !== undefined && figures[key] < min[key]) {
      console.log(`FAIL ${l.code}: ${key} ${figures[key].toFixed(3)} is under ${min[key]}`);
      failed = true;
    }
  }
}
if (option('write-judged')) fs.writeFileSync(option('write-judged'), JSON.stringify(judged, null, 1) + '\n');
process.exit(failed ? 1 : 0);
