// Shared helpers for axe.mjs and screenshots.mjs: a tiny static server for the
// built site, the list of pages to look at, and a Chromium launcher with the
// flags this machine needs; for live_reload.mjs and dashboard.mjs, `passerelle serve`.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};
// What a static host compresses: text, scripts, styles, data and SVG.
const COMPRESSIBLE = /^(text\/|application\/(json|xml)|image\/svg)/;

// Maps a URL path ("/fr/annuaire/") to a file of the site, the way a static
// host does: folder → folder/index.html. Returns null if there is no such file
// or the path tries to leave the site folder.
export function fileForPath(siteDir, urlPath) {
  let rel;
  try {
    rel = decodeURIComponent(urlPath.split(/[?#]/)[0]);
  } catch {
    return null;
  }
  if (rel.endsWith('/')) rel += 'index.html';
  const file = path.resolve(siteDir, '.' + path.posix.normalize('/' + rel));
  if (file !== siteDir && !file.startsWith(siteDir + path.sep)) return null;
  try {
    if (fs.statSync(file).isFile()) return file;
  } catch {
    /* missing */
  }
  return null;
}

export function contentType(file) {
  return TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

// Serves siteDir on 127.0.0.1 on a free port. Unknown paths get 404.html with
// status 404, folders without a trailing slash are redirected, as on a real host.
// `headers` are added to every response (e.g. a Content-Security-Policy). With
// `options.compress`, text files are sent gzipped to clients that accept it, as static hosts do.
export async function startServer(siteDir, headers = {}, options = {}) {
  siteDir = path.resolve(siteDir);
  const server = http.createServer((req, res) => {
    const urlPath = new URL(req.url, 'http://localhost').pathname;
    const file = fileForPath(siteDir, urlPath);
    if (file) {
      const type = contentType(file);
      const gzip = options.compress && COMPRESSIBLE.test(type) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
      res.writeHead(200, { ...headers, 'content-type': type, 'cache-control': 'no-store', ...(gzip ? { 'content-encoding': 'gzip', vary: 'accept-encoding' } : {}) });
      const stream = fs.createReadStream(file);
      (gzip ? stream.pipe(zlib.createGzip()) : stream).pipe(res);
      return;
    }
    if (!urlPath.endsWith('/') && fileForPath(siteDir, urlPath + '/')) {
      res.writeHead(301, { ...headers, location: urlPath + '/' });
      res.end();
      return;
    }
    const notFound = fileForPath(siteDir, '/404.html');
    res.writeHead(404, { ...headers, 'content-type': 'text/html; charset=utf-8' });
    res.end(notFound ? fs.readFileSync(notFound) : 'not found');
  });
  // Keep-alive sockets would hold close() open: time them out quickly.
  server.keepAliveTimeout = 1000;
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address();
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

// The text of a TOML basic string's contents (\uXXXX, \UXXXXXXXX, \", \\, \n, \t).
function unescapeToml(s) {
  const simple = { b: '\b', t: '\t', n: '\n', f: '\f', r: '\r', '"': '"', '\\': '\\' };
  return s.replace(/\\(u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)/g, (m, e) =>
    e.length > 1 ? String.fromCodePoint(parseInt(e.slice(1), 16)) : simple[e] ?? m);
}

// Minimal reader for the parts of site.toml we need: base_url and, for each
// [[languages]] table, its code and [languages.sections] slugs; the strings of other
// tables. Only handles `key = "string"` lines, which is all site.toml uses for these keys.
export function readSiteConfig(file) {
  const text = fs.readFileSync(file, 'utf8');
  // tables: the strings of every other table by its name ('print.publisher' → { fr: '…' }).
  const config = { baseUrl: null, languages: [], tables: {} };
  let table = '';
  let lang = null;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const header = /^\[\[?\s*([^\]]+?)\s*\]\]?/.exec(line);
    if (header) {
      table = header[1];
      if (line.startsWith('[[') && table === 'languages') {
        lang = { code: null, sections: {} };
        config.languages.push(lang);
      }
      continue;
    }
    const kv = /^([A-Za-z0-9_-]+)\s*=\s*"((?:[^"\\]|\\.)*)"/.exec(line);
    if (!kv) continue;
    const [, key, escaped] = kv;
    const value = unescapeToml(escaped);
    if (table === '' && key === 'base_url') config.baseUrl = value;
    else if (table === 'languages' && key === 'code') lang.code = value;
    else if (table === 'languages.sections') lang.sections[key] = value;
    else if (table !== '' && table !== 'languages') (config.tables[table] ??= {})[key] = value;
  }
  return config;
}

// Sorted names of the sub-folders of dir that contain an index.html.
function pageFolders(dir) {
  let entries;
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .filter((e) => e.isDirectory() && fs.existsSync(path.join(dir, e.name, 'index.html')))
    .map((e) => e.name)
    .sort();
}

// The pages the browser tests look at: one of each kind per language, found
// in the built folder (slugs of guidelines, actors… are not hard-coded).
// Returns [{ name: 'fr-guideline', lang, kind, urlPath }] and a list of the
// kinds that could not be found (so a renamed folder fails loudly).
export function pickPages(siteDir, config) {
  const pages = [];
  const missing = [];
  const add = (lang, kind, relFolder) => {
    if (relFolder !== null && fs.existsSync(path.join(siteDir, relFolder, 'index.html'))) {
      pages.push({ name: `${lang}-${kind}`, lang, kind, urlPath: '/' + (relFolder ? relFolder + '/' : '') });
    } else {
      missing.push(`${lang}-${kind}`);
    }
  };
  // The first sub-page of relDir that relDir's own page links to (so the
  // same translated page is picked in every language, in the site's order),
  // else the first in alphabetical order.
  const first = (relDir, except = []) => {
    if (relDir === null) return null;
    const names = pageFolders(path.join(siteDir, relDir)).filter((n) => !except.includes(n));
    let linked;
    try {
      const html = fs.readFileSync(path.join(siteDir, relDir, 'index.html'), 'utf8');
      linked = [...html.matchAll(/\shref="([^"\/?#.][^"\/?#]*)\/"/g)].map((m) => m[1]).find((n) => names.includes(n));
    } catch {
      /* no index page: alphabetical */
    }
    const name = linked ?? names[0];
    return name === undefined ? null : `${relDir}/${name}`;
  };

  add('root', 'index', '');
  pages.push({ name: 'root-404', lang: 'root', kind: '404', urlPath: '/404.html' });

  for (const { code, sections: s } of config.languages) {
    const dir = `${code}/${s.directory}`;
    add(code, 'home', code);
    add(code, 'guidelines', `${code}/${s.guidelines}`);
    const printSlug = s.print ?? 'print';
    add(code, 'guideline', first(`${code}/${s.guidelines}`, [printSlug]));
    add(code, 'print', `${code}/${s.guidelines}/${printSlug}`);
    // An edition split in volumes ([print] volume_guidelines): its first and its last volume
    // (the annex), besides the list of volumes at its own address.
    const volumes = pageFolders(path.join(siteDir, code, s.guidelines, printSlug))
      .filter((n) => /^volume-\d+$/.test(n))
      .sort((a, b) => Number(a.slice(7)) - Number(b.slice(7)));
    if (volumes.length) {
      add(code, 'print-volume', `${code}/${s.guidelines}/${printSlug}/${volumes[0]}`);
      add(code, 'print-volume-last', `${code}/${s.guidelines}/${printSlug}/${volumes.at(-1)}`);
    }
    add(code, 'directory', dir);
    const country = first(`${dir}/${s.country}`);
    add(code, 'country', country);
    add(code, 'country-sector', first(country));
    add(code, 'kind', first(`${dir}/${s.kind}`));
    add(code, 'actor', first(dir, [s.country, s.kind, s.sector, s.search]));
    // The search page (its slug defaults to "search", as in the generator) is looked at
    // empty, with the results of a word taken from the guideline's title, and with a query
    // that finds nothing; the directory also with its filters in use (from the URL).
    const searchSlug = s.search ?? 'search';
    if (fs.existsSync(path.join(siteDir, code, searchSlug, 'index.html'))) {
      const search = `/${code}/${searchSlug}/`;
      add(code, 'search', `${code}/${searchSlug}`);
      const word = firstLongWord(pages.find((p) => p.name === `${code}-guideline`), siteDir);
      if (word) pages.push({ name: `${code}-search-results`, lang: code, kind: 'search-results', urlPath: `${search}?q=${encodeURIComponent(word)}` });
      else missing.push(`${code}-search-results`);
      pages.push({ name: `${code}-search-none`, lang: code, kind: 'search-none', urlPath: `${search}?q=qxzwvkj` });
    }
    const filters = filterQuery(siteDir, code);
    if (filters) pages.push({ name: `${code}-directory-filtered`, lang: code, kind: 'directory-filtered', urlPath: `/${dir}/?${filters}` });
    else missing.push(`${code}-directory-filtered`);
    // Plain content pages (content/<lang>/*.md, e.g. the about page) are the
    // top-level folders that are not sections.
    const sectionSlugs = [s.guidelines, s.directory, searchSlug];
    const plain = pageFolders(path.join(siteDir, code)).filter((n) => !sectionSlugs.includes(n));
    if (plain.length === 0) missing.push(`${code}-page`);
    for (const slug of plain) add(code, plain.length === 1 ? 'page' : `page-${slug}`, `${code}/${slug}`);
  }
  return { pages, missing };
}

// Directory filters that leave at least one actor: the country and first sector of the
// first actor of the language's facet data (search/<code>/facets.js), as a query string.
function filterQuery(siteDir, code) {
  try {
    const text = fs.readFileSync(path.join(siteDir, 'search', code, 'facets.js'), 'utf8');
    const data = JSON.parse(text.slice(text.indexOf(',') + 1, text.lastIndexOf(')')));
    const [, , country, , , sectors] = data.actors[0];
    return `country=${encodeURIComponent(country)}&sector=${encodeURIComponent(sectors.split(' ')[0])}`;
  } catch {
    return null;
  }
}

// The first word of at least 5 letters of a picked page's <h1>, or null.
function firstLongWord(page, siteDir) {
  if (!page) return null;
  try {
    const html = fs.readFileSync(path.join(siteDir, page.urlPath, 'index.html'), 'utf8');
    const h1 = /<h1[^>]*>([^<]*)/.exec(html);
    return h1 ? (h1[1].match(/\p{L}{5,}/u) ?? [null])[0] : null;
  } catch {
    return null;
  }
}

// Progressive enhancements mark themselves ready (data-search-ready) once their data has
// loaded; checks must look at the enhanced page, not at a half-built one.
export async function waitForEnhancements(page, timeout = 10_000) {
  await page.waitForFunction(
    () => !document.querySelector('[data-search-page]:not([data-search-ready]), [data-directory-filter]:not([data-search-ready])'),
    null,
    { timeout },
  );
}

// Flags this machine needs for Chromium. Playwright itself gives every launch
// a fresh temporary --user-data-dir (and refuses one passed in args).
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function launchChromium() {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    timeout: 30_000,
  });
}

// Routes every request of a page (or context): the local server is let through,
// URLs under the site's base URL are
// answered from the site folder, and anything else is blocked so that the
// tests never touch the network. Blocked and failed URLs are collected.
export async function routeContext(target, { siteDir, origin, baseUrl }) {
  const problems = [];
  // A host serves the site at base_url's path ("/guide/"): 404.html's root-relative links
  // start there. On the local server, that path is answered from the site folder too.
  const basePath = baseUrl ? new URL(baseUrl).pathname : '/';
  await target.route('**/*', async (route) => {
    const url = route.request().url();
    if (basePath !== '/' && url.startsWith(origin + basePath)) {
      const file = fileForPath(siteDir, '/' + new URL(url).pathname.slice(basePath.length));
      if (file) return route.fulfill({ status: 200, contentType: contentType(file), body: fs.readFileSync(file) });
    }
    if (url.startsWith(origin + '/') || url.startsWith('data:') || url === 'about:blank') {
      return route.continue();
    }
    if (baseUrl && url.startsWith(baseUrl)) {
      const file = fileForPath(siteDir, '/' + url.slice(baseUrl.length));
      if (file) {
        return route.fulfill({ status: 200, contentType: contentType(file), body: fs.readFileSync(file) });
      }
      problems.push(`missing site file for ${url}`);
      return route.fulfill({ status: 404, body: '' });
    }
    problems.push(`blocked external request ${url}`);
    return route.abort('blockedbyclient');
  });
  return problems;
}

// Rejects if promise takes longer than ms, so that no step can hang the run.
export function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

// Parses "<site-dir> [--config site.toml]" style arguments shared by the scripts.
export function parseArgs(argv, positionalNames, usage) {
  const out = { positional: [], options: {} };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-h' || a === '--help') {
      console.log(usage);
      process.exit(0);
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      if (eq > 0) out.options[a.slice(2, eq)] = a.slice(eq + 1);
      else if (i + 1 < argv.length && !argv[i + 1].startsWith('--')) out.options[a.slice(2)] = argv[++i];
      else out.options[a.slice(2)] = true;
    } else {
      out.positional.push(a);
    }
  }
  if (out.positional.length !== positionalNames.length) {
    console.error(usage);
    process.exit(2);
  }
  return out;
}

// The --languages option of a check (e.g. "ar": the RTL fixture's Arabic pages, its others
// being the bundled site's templates): whether a language's pages are checked; all without it.
export function languagesToCheck(options) {
  const only = options.languages ? String(options.languages).split(',') : null;
  return (code) => !only || only.includes(code);
}

// Loads the site folder and its configuration (site.toml next to the site
// folder by default, i.e. the repository root for public/).
export function loadSite(siteArg, configArg) {
  const siteDir = path.resolve(siteArg);
  if (!fs.existsSync(path.join(siteDir, 'index.html'))) {
    console.error(`${siteDir}: no index.html — build the site first`);
    process.exit(2);
  }
  const configFile = path.resolve(configArg ?? path.join(siteDir, '..', 'site.toml'));
  if (!fs.existsSync(configFile)) {
    console.error(`${configFile}: not found — pass --config path/to/site.toml`);
    process.exit(2);
  }
  const config = readSiteConfig(configFile);
  if (config.languages.length === 0 || config.languages.some((l) => !l.code || !l.sections.directory)) {
    console.error(`${configFile}: could not read [[languages]] codes and sections`);
    process.exit(2);
  }
  return { siteDir, config };
}

// Opens every page of `pages` at each width, a few at a time, and calls
// visit(page, job) once per colour scheme: the page is loaded once per width
// (scripts may read the width when they start) and switched from one scheme to
// the next with emulateMedia, which only changes what the CSS media queries
// see; loading it again for each scheme would check the same thing at twice
// the cost. Collects per-job problems (HTTP errors, blocked requests, script
// errors) so that a test on a half-loaded page is not mistaken for a pass.
export async function visitAll({ browser, server, siteDir, baseUrl, pages, widths, schemes, concurrency = 3, visit }) {
  const jobs = [];
  for (const scheme of schemes) for (const width of widths) for (const p of pages) jobs.push({ ...p, width, scheme });
  const loads = [];
  for (const width of widths) for (const p of pages) loads.push({ ...p, width });
  const problems = [];
  const contexts = new Map();
  const contextFor = async (width) => {
    if (!contexts.has(width)) {
      contexts.set(
        width,
        browser.newContext({ viewport: { width, height: 800 }, colorScheme: schemes[0] }).then((context) => {
          context.setDefaultTimeout(15_000);
          context.setDefaultNavigationTimeout(15_000);
          return context;
        }),
      );
    }
    return contexts.get(width);
  };

  // Each worker keeps one tab per width and navigates it from page to page: a new tab per page
  // cost more CPU than the page itself (a third of a second each, in site_hostile).
  const tabFor = async (tabs, width) => {
    if (!tabs.has(width)) {
      const page = await (await contextFor(width)).newPage();
      const tab = { page, label: '', routeProblems: await routeContext(page, { siteDir, origin: server.origin, baseUrl }) };
      page.on('pageerror', (e) => problems.push(`${tab.label}: script error: ${e.message}`));
      page.on('response', (r) => {
        if (r.status() >= 400) problems.push(`${tab.label}: HTTP ${r.status()} for ${r.url()}`);
      });
      tabs.set(width, tab);
    }
    return tabs.get(width);
  };
  let next = 0;
  const worker = async () => {
    const tabs = new Map();
    while (next < loads.length) {
      const load = loads[next++];
      const label = `${load.name} ${load.width}`;
      const tab = await tabFor(tabs, load.width);
      const { page, routeProblems } = tab;
      tab.label = label;
      const reported = routeProblems.length;
      try {
        await page.goto(server.origin + load.urlPath, { waitUntil: 'load' });
        await waitForEnhancements(page);
        for (const scheme of schemes) {
          const job = { ...load, scheme };
          try {
            await page.emulateMedia({ colorScheme: scheme });
            // A check in the wrong scheme would pass for the right one: make sure it took.
            const applied = await page.evaluate((s) => matchMedia(`(prefers-color-scheme: ${s})`).matches, scheme);
            if (!applied) throw new Error(`the ${scheme} colour scheme did not apply`);
            await withTimeout(visit(page, job), 45_000, `${label} ${scheme}`);
          } catch (e) {
            problems.push(`${label} ${scheme}: ${e.message.split('\n')[0]}`);
          }
        }
      } catch (e) {
        problems.push(`${label}: ${e.message.split('\n')[0]}`);
      } finally {
        for (const p of routeProblems.slice(reported)) problems.push(`${label}: ${p}`);
      }
    }
    for (const { page } of tabs.values()) await page.close().catch(() => {});
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  for (const c of contexts.values()) await (await c).close().catch(() => {});
  return { jobs, problems: [...new Set(problems)] };
}

// Kills the run if it goes over its time budget, whatever is stuck.
// Playwright closes the browser it launched when the process exits.
export function watchdog(seconds) {
  setTimeout(() => {
    console.error(`gave up after ${seconds} s`);
    process.exit(2);
  }, seconds * 1000).unref();
}

// `passerelle serve` on a free loopback port of `site`, killed if this script exits first:
// { server, exited (resolves with { code, signal }), output() (its stdout and stderr so far),
// origin() (resolves with http://127.0.0.1:PORT once serve printed it, within 20 s) }.
export function spawnServe(binary, site, env = process.env) {
  const server = spawn(binary, ['serve', '--source', site, '--port', '0', '--poll', '100'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env,
  });
  let log = '';
  server.stdout.on('data', (d) => (log += d));
  server.stderr.on('data', (d) => (log += d));
  const exited = new Promise((resolve) => server.on('exit', (code, signal) => resolve({ code, signal })));
  process.on('exit', () => server.exitCode === null && server.signalCode === null && server.kill('SIGKILL'));
  const origin = () => withTimeout(
    new Promise((resolve, reject) => {
      const look = () => {
        const m = /http:\/\/127\.0\.0\.1:\d+/.exec(log);
        if (m) resolve(m[0]);
      };
      server.stdout.on('data', look);
      server.on('exit', () => reject(new Error(`serve exited:\n${log}`)));
      look();
    }),
    20_000,
    'serve to print its address',
  );
  return { server, exited, output: () => log, origin };
}
