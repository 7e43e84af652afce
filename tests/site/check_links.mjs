#!/usr/bin/env node
// check_links.mjs <site-dir> [--base-url URL] [--offline]
//
// Checks the links of a built site without any dependency:
//  - every internal href/src (a, area, link, img, script, source, iframe…)
//    resolves to a file of the site (a folder link needs folder/index.html);
//  - every #fragment names an id (or <a name>) of the target page;
//  - every HTML page can be reached from index.html by following <a> links
//    (404.html is exempt: no page links to it).
// URLs under the base URL (from the root index.html's canonical link, or
// --base-url) are internal; mailto:, tel:, other schemes and other hosts are
// not checked. --offline (for `passerelle build --offline`): a relative link must name a file,
// never a folder, since a browser shows a folder opened from disk as a file listing.
// Exit status: 0 all good, 1 problems found, 2 usage error.
import fs from 'node:fs';
import path from 'node:path';

const USAGE = 'usage: node check_links.mjs <site-dir> [--base-url https://example.org/] [--offline]';

// ---------------------------------------------------------------- arguments
const args = process.argv.slice(2);
let siteArg = null;
let baseArg = null;
let offline = false;
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--base-url') baseArg = args[++i];
  else if (args[i] === '--offline') offline = true;
  else if (args[i].startsWith('--base-url=')) baseArg = args[i].slice('--base-url='.length);
  else if (args[i] === '-h' || args[i] === '--help') {
    console.log(USAGE);
    process.exit(0);
  } else if (siteArg === null && !args[i].startsWith('-')) siteArg = args[i];
  else {
    console.error(USAGE);
    process.exit(2);
  }
}
if (!siteArg) {
  console.error(USAGE);
  process.exit(2);
}
const siteDir = path.resolve(siteArg);
if (!fs.existsSync(path.join(siteDir, 'index.html'))) {
  console.error(`${siteDir}: no index.html — build the site first`);
  process.exit(2);
}

// ------------------------------------------------------------------ parsing
// Named character references that can appear in attribute values we read.
// Anything else is left as written (URLs and ids rarely use them).
const NAMED = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', sol: '/', num: '#', colon: ':', quest: '?', equals: '=', period: '.', lowbar: '_', hyphen: '-', dash: '\u2010', percnt: '%', plus: '+' };

function decodeEntities(s) {
  return s.replace(/&(#[xX][0-9a-fA-F]+|#[0-9]+|[A-Za-z][A-Za-z0-9]*);/g, (m, ref) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd';
    }
    return NAMED[ref] ?? m;
  });
}

// Elements whose content is raw text: no tags inside, so skip to their end tag
// (a <script> could contain "<a href=…>" in a string).
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext']);

const ATTR_RE = /([^\s"'>\/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;

// A small HTML tokenizer: yields {tag, attrs, line} for each start tag,
// skipping comments, doctype, end tags and raw-text content.
function* startTags(html) {
  let i = 0;
  const lineAt = (pos) => {
    let n = 1;
    for (let k = html.indexOf('\n'); k !== -1 && k < pos; k = html.indexOf('\n', k + 1)) n++;
    return n;
  };
  while ((i = html.indexOf('<', i)) !== -1) {
    if (html.startsWith('<!--', i)) {
      const end = html.indexOf('-->', i + 4);
      i = end === -1 ? html.length : end + 3;
      continue;
    }
    if (html[i + 1] === '!' || html[i + 1] === '?' || html[i + 1] === '/') {
      const end = html.indexOf('>', i);
      i = end === -1 ? html.length : end + 1;
      continue;
    }
    const nameMatch = /^[A-Za-z][^\s\/>]*/.exec(html.slice(i + 1, i + 64));
    if (!nameMatch) {
      i++;
      continue;
    }
    const tag = nameMatch[0].toLowerCase();
    // Find the end of the tag, skipping '>' inside quoted values.
    let j = i + 1 + nameMatch[0].length;
    let quote = null;
    for (; j < html.length; j++) {
      const c = html[j];
      if (quote) {
        if (c === quote) quote = null;
      } else if (c === '"' || c === "'") {
        // Only a quote right after '=' opens a value.
        if (/=\s*$/.test(html.slice(Math.max(i, j - 16), j))) quote = c;
      } else if (c === '>') break;
    }
    const attrs = new Map();
    for (const m of html.slice(i + 1 + nameMatch[0].length, j).matchAll(ATTR_RE)) {
      const name = m[1].toLowerCase();
      // The first occurrence of an attribute wins, as in browsers.
      if (!attrs.has(name)) attrs.set(name, decodeEntities(m[2] ?? m[3] ?? m[4] ?? ''));
    }
    yield { tag, attrs, pos: i, lineAt };
    i = j + 1;
    if (RAW_TEXT.has(tag)) {
      const close = html.toLowerCase().indexOf('</' + tag, i);
      i = close === -1 ? html.length : close;
    }
  }
}

// Which attributes hold URLs, per element.
const URL_ATTRS = {
  a: ['href'],
  area: ['href'],
  link: ['href'],
  img: ['src', 'srcset'],
  source: ['src', 'srcset'],
  script: ['src'],
  iframe: ['src'],
  video: ['src', 'poster'],
  audio: ['src'],
  track: ['src'],
  embed: ['src'],
  object: ['data'],
  form: ['action'],
  base: [],
};

// Parses one page: its ids, its links (with the tag they come from) and its
// <base href> if any.
function parsePage(html) {
  const ids = new Set();
  const links = [];
  let base = null;
  for (const { tag, attrs, pos, lineAt } of startTags(html)) {
    if (attrs.has('id')) ids.add(attrs.get('id'));
    if (tag === 'a' && attrs.has('name')) ids.add(attrs.get('name'));
    if (tag === 'base' && attrs.has('href') && base === null) base = attrs.get('href');
    for (const attr of URL_ATTRS[tag] ?? []) {
      if (!attrs.has(attr)) continue;
      const value = attrs.get(attr);
      // srcset is a comma-separated list of "url [descriptor]".
      const urls = attr === 'srcset' ? value.split(',').map((c) => c.trim().split(/\s+/)[0]).filter(Boolean) : [value];
      for (const url of urls) links.push({ tag, attr, url, line: () => lineAt(pos) });
    }
  }
  return { ids, links, base };
}

// ---------------------------------------------------------------- the site
function walk(dir, out = []) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (e.isFile()) out.push(path.relative(siteDir, p).split(path.sep).join('/'));
  }
  return out;
}
const files = new Set(walk(siteDir));
const htmlFiles = [...files].filter((f) => /\.html?$/i.test(f)).sort();
const pages = new Map();
for (const f of htmlFiles) pages.set(f, parsePage(fs.readFileSync(path.join(siteDir, f), 'utf8')));

// The base URL: from --base-url, else from the root index.html's canonical link.
let baseUrl = baseArg;
if (!baseUrl) {
  const html = fs.readFileSync(path.join(siteDir, 'index.html'), 'utf8');
  for (const { tag, attrs } of startTags(html)) {
    if (tag === 'link' && (attrs.get('rel') ?? '').toLowerCase().split(/\s+/).includes('canonical')) {
      baseUrl = attrs.get('href');
      break;
    }
  }
}
if (!baseUrl) {
  console.error('no <link rel="canonical"> in index.html: pass --base-url');
  process.exit(2);
}
const base = new URL(baseUrl);
if (!base.pathname.endsWith('/')) base.pathname += '/';

// Relative links are resolved against the page's path under a fake origin with
// a marker folder, so that a link with too many "../" (which a browser would
// silently clamp at the host root) is caught instead of passing by luck.
const LOCAL = 'http://site.invalid/__site_root__/';
const LOCAL_ORIGIN = new URL(LOCAL).origin;
const LOCAL_PATH = new URL(LOCAL).pathname;

// Resolves a URL written in page `from` to {file, fragment} for internal
// links, {skip: true} for what we do not check, or {error}.
function resolve(from, raw, pageBase) {
  const url = raw.trim(); // browsers strip surrounding whitespace
  if (/^(mailto|tel|sms|javascript|data|blob|urn|geo):/i.test(url)) return { skip: true };
  let u;
  try {
    u = new URL(url, new URL(pageBase ?? from, LOCAL));
  } catch {
    return { error: 'not a valid URL' };
  }
  if (u.origin !== LOCAL_ORIGIN) {
    // Absolute (or root-relative via <base>) URL: internal only under the base URL.
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return { skip: true };
    // Same host but outside the base path is another site: not ours to check.
    if (u.origin !== base.origin || !u.pathname.startsWith(base.pathname)) return { skip: true };
    u = new URL(u.pathname.slice(base.pathname.length) + u.search + u.hash, LOCAL);
  } else if (/^\/(?!\/)/.test(url)) {
    // Root-relative "/x/": right only if it starts with the base URL's path, where the host
    // serves the site (404.html's links, which must work at any depth).
    if (!url.startsWith(base.pathname)) return { error: `root-relative link breaks under base URL ${base.href}` };
    u = new URL(url.slice(base.pathname.length), LOCAL);
  }
  if (!u.pathname.startsWith(LOCAL_PATH)) return { error: 'goes above the site root (too many ../)' };
  let rel;
  try {
    rel = decodeURIComponent(u.pathname.slice(LOCAL_PATH.length));
  } catch {
    return { error: 'bad percent-encoding' };
  }
  let fragment = null;
  if (u.hash.length > 1) {
    try {
      fragment = decodeURIComponent(u.hash.slice(1));
    } catch {
      return { error: 'bad percent-encoding in fragment' };
    }
  }
  const folder = rel === '' || rel.endsWith('/');
  // Links from the host's root (only 404.html has them, which only a web server shows) are
  // left to the server; every relative link must name a file.
  if (offline && folder && !url.startsWith('/') && new URL(url, LOCAL).origin === LOCAL_ORIGIN) {
    return { error: 'links to a folder: opened from disk, a browser lists its files' };
  }
  let file = folder ? rel + 'index.html' : rel;
  if (!files.has(file)) {
    if (files.has(file + '/index.html')) return { error: 'folder link without a trailing slash' };
    return { error: `no such file: ${file}` };
  }
  return { file, fragment };
}

// ------------------------------------------------------------------- check
const problems = [];
let checked = 0;
const reachable = new Set(['index.html']);
const queue = ['index.html'];
const linkGraph = new Map(); // page → pages it links to with <a>/<area>

for (const [file, page] of pages) {
  const pageBase = page.base ? new URL(page.base, new URL(file, LOCAL)).href : null;
  const targets = new Set();
  for (const link of page.links) {
    const r = resolve(file, link.url, pageBase);
    if (r.skip) continue;
    checked++;
    const report = (why) => problems.push(`${file}:${link.line()}: broken link '${link.url}' (${why})`);
    if (r.error) {
      report(r.error);
      continue;
    }
    if (r.fragment !== null && pages.has(r.file)) {
      // "#top" and text fragments are always valid targets for browsers.
      const ok = pages.get(r.file).ids.has(r.fragment) || r.fragment.toLowerCase() === 'top' || r.fragment.startsWith(':~:');
      if (!ok) report(`no id "${r.fragment}" in ${r.file}`);
    }
    // A form is how visitors reach the page it submits to (the search page).
    if ((link.tag === 'a' || link.tag === 'area' || link.tag === 'form') && pages.has(r.file)) targets.add(r.file);
  }
  linkGraph.set(file, targets);
}

// Reachability: only <a>/<area> links and form actions count, since a page that is only named
// in <link rel="alternate"> or the sitemap cannot be reached by a visitor.
while (queue.length) {
  for (const next of linkGraph.get(queue.shift()) ?? []) {
    if (!reachable.has(next)) {
      reachable.add(next);
      queue.push(next);
    }
  }
}
const unreachable = htmlFiles.filter((f) => !reachable.has(f) && f !== '404.html');
for (const f of unreachable) problems.push(`${f}: unreachable from index.html`);

for (const p of problems) console.log(p);
const broken = problems.length - unreachable.length;
console.log(`links: ${checked} checked, ${broken} broken; pages: ${htmlFiles.length}, ${unreachable.length} unreachable`);
process.exit(problems.length ? 1 : 0);
