#!/usr/bin/env node
// hostile.mjs <passerelle-binary> <fixture-site-dir> [--keep DIR]
//
// Hostile records and content. A copy of the fixture site gets one actor record per payload of
// the corpus below, with the payload in every free-text field (name, short name, city, address,
// other name, services, descriptions in Markdown; a phone number is validated, so hostile ones
// are among the refused values), and one guideline and one page per
// payload with it in every text field of the front matter (title, summary, tags, translation
// key) and in the Markdown body; a vocabulary term's labels hold payloads too. The site must
// build, and then:
//   - in Chromium, on every page: no dialog, no script run, no request outside the site, no
//     element or attribute the clean fixture site does not have, every <script> is JSON-LD that
//     parses, no javascript:/data:/vbscript: URL; the payloads read back exactly as text
//     (headings, meta description, JSON-LD fields);
//   - actors.json parses and gives back every payload exactly;
//   - actors.csv reads back (RFC 4180) to the payloads, formulas neutralised with a leading ';
//   - the Atom feeds and the sitemap are well-formed XML (xmllint) and the feed titles read
//     back exactly (DOMParser); so is every other .xml file, and every .json file parses (a
//     search index, say);
// Values that must be refused (scripts in website and links, bad e-mail addresses, ids and
// slugs that would leave the output folder, hidden control characters) each give their error,
// and nothing is written. --keep DIR copies the hostile site's output to DIR, to look at.
// --no-browser leaves out the checks in Chromium (and the payloads read back from the pages):
// the sanitizer stage uses it, where the builds of hostile input are what is being tested and
// the pages, byte-identical to the normal build's, have been checked by the main suite.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchChromium, routeContext, startServer, watchdog, withTimeout } from './lib/site.mjs';

watchdog(540);  // a hang guard under ctest's 600 s: the run takes 150–290 s on a busy 2-core machine
const noBrowser = process.argv.includes('--no-browser');
const [binaryArg, fixtureArg, keepOption, keepArg] = process.argv.slice(2).filter((a) => a !== '--no-browser');
if (!binaryArg || !fixtureArg || (keepOption && (keepOption !== '--keep' || !keepArg))) {
  console.error('usage: node hostile.mjs <passerelle-binary> <fixture-site-dir> [--keep DIR] [--no-browser]');
  process.exit(2);
}
const binary = path.resolve(binaryArg);
const fixture = path.resolve(fixtureArg);
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'passerelle-hostile-'));
process.on('exit', () => fs.rmSync(work, { recursive: true, force: true }));
const problems = [];
const problem = (message) => problems.push(message);

// The corpus: each payload goes into every text field. xss(n) is a function the browser test
// defines; a payload that ran calls it (or alert, confirm, prompt).
// The generator keeps the latest 30 guidelines in a feed (generator/feeds/atom.cpp).
const FEED_ENTRIES = 30;
const PAYLOADS = [
  '<script>xss(1)</script>',
  '<img src=x onerror=xss(2)>',
  '"><svg onload=xss(3)>',
  "'><svg/onload=xss(4)>",
  '" onmouseover="xss(5)" x="',
  "' onfocus='xss(6)' autofocus x='",
  'javascript:xss(7)',
  'JaVaScRiPt:xss(8)',
  ' &#106;avascript:xss(9)',
  'java\tscript:xss(10)',
  'data:text/html,<script>xss(11)</script>',
  '</script><script>xss(12)</script>',
  '<!-- x --><script>xss(13)</script>',
  ']]><script>xss(14)</script><![CDATA[',
  '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>&e;',
  '&amp; &lt; &#0; &#x202E; &bogus; &',
  '{{title}} {{{json_ld}}} {{#t}}{{/t}} {{> head}}',
  '=HYPERLINK("http://evil.example","x")',
  "+cmd|' /C calc'!A0",
  "-2+3+cmd|' /C calc'!A0",
  "@SUM(1+1)*cmd|' /C calc'!A0",
  '  =1+1',
  '\t=1+1',
  'a,b;"c"\nd\r\ne',
  '../../../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '%2e%2e%2fetc%2fpasswd',
  '<style>body{display:none}</style>',
  '<iframe srcdoc="<script>xss(29)</script>">',
  '<a href="javascript:xss(30)">click</a>',
  '<base href="https://evil.example/">',
  '<meta http-equiv="refresh" content="0;url=javascript:xss(32)">',
  'line\u2028separator\u2029paragraph',
  'zero\u200Bwidth\u200Djoiner\u200Fmark\u2060joiner',
  'مرحبا 👋🏽 שלום',
  '${7*7} #{7*7} <%= 7*7 %>',
  '\\u003cscript\\u003exss(37)\\u003c/script\\u003e',
  '<noscript><p title="</noscript><img src=x onerror=xss(39)>">',
  '<x onclick=xss(40)>click',
  '"\'`<>&',
  '\\" + xss(42) + \\"',
  'A'.repeat(3000),
];

// A TOML basic string holding `text` exactly.
function tomlString(text) {
  let out = '"';
  for (const ch of text) {
    const c = ch.codePointAt(0);
    if (ch === '\\') out += '\\\\';
    else if (ch === '"') out += '\\"';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (c < 0x20 || c === 0x7f) out += '\\u' + c.toString(16).padStart(4, '0');
    else out += ch;
  }
  return out + '"';
}

const pad = (i) => String(i + 1).padStart(2, '0');
const LABEL = PAYLOADS.slice(0, 16).join(' | ');

function writeHostileSite(site) {
  fs.cpSync(fixture, site, { recursive: true });
  const vocabulary = path.join(site, 'directory-data/vocabulary.toml');
  fs.appendFileSync(
    vocabulary,
    `\n[sectors.hostile]\nfr = { label = ${tomlString(LABEL)}, slug = "hostile" }\n` +
      `it = { label = ${tomlString(LABEL)}, slug = "ostile" }\n`,
  );
  PAYLOADS.forEach((p, i) => {
    const v = tomlString(p);
    fs.writeFileSync(
      path.join(site, `directory-data/actors/hostile-${pad(i)}.toml`),
      `name = ${v}\nshort_name = ${v}\ncountry = "MA"\nregion = "oriental"\ncity = ${v}\n` +
        `kind = "ngo"\nsectors = ["training", "hostile"]\nlanguages = ["ar"]\n` +
        `website = "https://example.org/?q=${encodeURIComponent(p)}"\n` +
        `email = "contact+${i}@example.org"\nphone = "+212 537 00 ${pad(i)}"\naddress = ${v}\n` +
        `last_reviewed = 2026-11-01\nother_names = [{ name = ${v}, lang = "ar" }]\n\n` +
        `[services]\nfr = [${v}]\nit = [${v}, ${v}]\n\n` +
        `[description]\nfr = ${v}\nit = ${tomlString(markdownBody(p))}\n`,
    );
    const frontMatter = (kind) =>
      `+++\ntitle = ${v}\nsummary = ${v}\ndate = 2026-10-${String((i % 28) + 1).padStart(2, '0')}\n` +
      `tags = [${v}, "ok"]\ntranslation_key = ${tomlString(kind + p + i)}\n+++\n`;
    fs.writeFileSync(path.join(site, `content/it/guidelines/hostile-${pad(i)}.md`), frontMatter('g') + markdownBody(p));
    fs.writeFileSync(path.join(site, `content/it/hostile-${pad(i)}.md`), frontMatter('p') + markdownBody(p));
  });
}

// The payload in every kind of Markdown block and span (raw HTML is off: it is text).
function markdownBody(p) {
  const oneLine = p.replace(/[\r\n]+/g, ' ');
  return (
    `${p}\n\n## ${oneLine}\n\n> ${oneLine}\n\n- ${oneLine}\n- *${oneLine}*\n\n` +
    `| a | b |\n|---|---|\n| ${oneLine.replace(/\|/g, '\\|')} | x |\n\n` +
    '`` ' + oneLine.replace(/`/g, "'") + ' ``\n\n```\n' + p.replace(/```/g, "'''") + '\n```\n'
  );
}

function build(source, out) {
  return spawnSync(binary, ['build', '--source', source, '--out', out], { encoding: 'utf8' });
}

function htmlFiles(dir) {
  return fs
    .readdirSync(dir, { recursive: true })
    .filter((f) => f.endsWith('.html'))
    .map((f) => f.split(path.sep).join('/'))
    .sort();
}

// ---- Build the clean fixture (the reference for elements and attributes) and the hostile site.
const cleanOut = path.join(work, 'clean-out');
const hostileSite = path.join(work, 'hostile');
const hostileOut = path.join(work, 'hostile-out');
for (const [source, out] of [
  [fixture, cleanOut],
  [(writeHostileSite(hostileSite), hostileSite), hostileOut],
]) {
  const r = build(source, out);
  if (r.status !== 0) {
    console.error(`FAIL the build of ${path.basename(source)} exited ${r.status}:\n${r.stderr}`);
    process.exit(1);
  }
}

// ---- Browser checks.
const baseUrl = 'https://example.org/guide/';
const INIT = () => {
  window.__fired = [];
  const record = (what) => (...args) => window.__fired.push(`${what}(${args.join(',')})`);
  window.xss = record('xss');
  window.alert = record('alert');
  window.confirm = record('confirm');
  window.prompt = record('prompt');
  window.print = record('print');
};
const COLLECT = () => {
  const tags = new Set();
  const attributes = new Set();
  const urls = [];
  for (const el of document.querySelectorAll('*')) {
    tags.add(el.localName);
    for (const a of el.attributes) attributes.add(`${el.localName}[${a.name}]`);
    for (const name of ['href', 'src', 'action', 'formaction', 'data', 'poster', 'srcset']) {
      const v = el.getAttribute(name);
      if (v !== null) urls.push({ tag: el.localName, name, value: v, resolved: new URL(v, document.baseURI).href });
    }
  }
  const scripts = [...document.querySelectorAll('script')].map((s) => ({ type: s.type, text: s.textContent, src: s.getAttribute('src') }));
  const h1 = document.querySelector('h1');
  return {
    tags: [...tags],
    attributes: [...attributes],
    urls,
    scripts,
    baseURI: document.baseURI,
    url: document.URL,
    // The name is isolated in a <bdi> (mixed scripts), then comes a space and the <abbr>.
    h1First: h1 && h1.firstChild ? h1.firstChild.textContent + (h1.firstChild.nextSibling?.nodeType === 3 ? h1.firstChild.nextSibling.textContent : "") : null,
    h1Text: h1 ? h1.textContent : null,
    description: document.querySelector('meta[name=description]')?.content ?? null,
    title: document.title,
    tagsList: [...document.querySelectorAll('.tags li, .tag')].map((e) => e.textContent),
    fired: window.__fired,
  };
};

async function visitSite(browser, siteDir, files) {
  const server = await startServer(siteDir);
  const context = await browser.newContext();
  context.setDefaultTimeout(15_000);
  await context.addInitScript(INIT);
  const results = new Map();
  let next = 0;
  // One tab per worker, navigated from page to page: a new tab per page cost more than the
  // page itself. The init script runs again at every navigation.
  const worker = async () => {
    const page = await context.newPage();
    const blocked = await routeContext(page, { siteDir, origin: server.origin, baseUrl });
    let events = [];
    page.on('dialog', (d) => {
      events.push(`dialog ${d.type()}: ${d.message()}`);
      d.dismiss().catch(() => {});
    });
    page.on('pageerror', (e) => events.push(`script error: ${e.message}`));
    page.on('console', (m) => events.push(`console ${m.type()}: ${m.text()}`));
    while (next < files.length) {
      const file = files[next++];
      events = [];
      const before = blocked.length;
      try {
        const urlPath = '/' + file.replace(/index\.html$/, '');
        await page.goto(server.origin + urlPath, { waitUntil: 'load' });
        await page.waitForTimeout(20); // let error and load handlers of broken images run
        const collected = await withTimeout(page.evaluate(COLLECT), 10_000, file);
        results.set(file, { ...collected, events, blocked: blocked.slice(before) });
      } catch (e) {
        problem(`${file}: ${e.message.split('\n')[0]}`);
      }
    }
    await page.close().catch(() => {});
  };
  await Promise.all([worker(), worker(), worker()]);
  await context.close();
  await server.close();
  return results;
}

let clean = new Map();
let hostile = new Map();
let cleanFeedTitles;
let feedTitles;
const browser = noBrowser ? null : await launchChromium();
if (browser) {
  try {
    clean = await visitSite(browser, cleanOut, htmlFiles(cleanOut));
    hostile = await visitSite(browser, hostileOut, htmlFiles(hostileOut));
    // Feed titles as an XML parser reads them.
    const page = await browser.newPage();
    const titlesOf = (dir) => page.evaluate((xml) => {
      const doc = new DOMParser().parseFromString(xml, 'application/xml');
      if (doc.querySelector('parsererror')) return null;
      return [...doc.getElementsByTagName('entry')].map((e) => e.getElementsByTagName('title')[0].textContent);
    }, fs.readFileSync(path.join(dir, 'it/atom.xml'), 'utf8'));
    feedTitles = await titlesOf(hostileOut);
    cleanFeedTitles = await titlesOf(cleanOut);
    await page.close();
  } finally {
    await browser.close();
  }
}

// Allowed: what the clean fixture site has, and what the Markdown renderer may write
// (generator/markdown/markdown.cpp; the same list as tests/fuzz/fuzz_markdown.cpp).
const MARKDOWN_ELEMENTS = ['p', 'em', 'strong', 'code', 'del', 'u', 'a', 'img', 'ul', 'ol', 'li',
  'blockquote', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'pre', 'table', 'thead', 'tbody', 'tr',
  'th', 'td', 'div', 'br'];
const MARKDOWN_ATTRIBUTES = ['href', 'src', 'title', 'alt', 'class', 'id', 'start', 'scope',
  'tabindex', 'role', 'aria-labelledby'];
const allowedTags = new Set(MARKDOWN_ELEMENTS);
const allowedAttributes = new Set(MARKDOWN_ELEMENTS.flatMap((e) => MARKDOWN_ATTRIBUTES.map((a) => `${e}[${a}]`)));
for (const r of clean.values()) {
  r.tags.forEach((t) => allowedTags.add(t));
  r.attributes.forEach((a) => allowedAttributes.add(a));
}
const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:', 'tel:']);
let pagesChecked = 0;
for (const [file, r] of hostile) {
  pagesChecked++;
  for (const e of r.events) problem(`${file}: ${e}`);
  for (const b of r.blocked) problem(`${file}: ${b}`);
  if (r.fired.length) problem(`${file}: a payload ran: ${r.fired.join(' ')}`);
  for (const t of r.tags) if (!allowedTags.has(t)) problem(`${file}: unexpected element <${t}>`);
  for (const a of r.attributes) if (!allowedAttributes.has(a)) problem(`${file}: unexpected attribute ${a}`);
  for (const u of r.urls) {
    const protocol = new URL(u.resolved).protocol;
    if (!SAFE_PROTOCOLS.has(protocol)) problem(`${file}: ${u.tag}[${u.name}] has a ${protocol} URL: ${u.value}`);
  }
  if (r.baseURI !== r.url) problem(`${file}: the base URL changed to ${r.baseURI}`);
  for (const s of r.scripts) {
    // The theme's own scripts (search, directory filters, the 404's language choice, which
    // 404.html loads from base_url's path): empty elements loading hashed files.
    if (s.type === '' && s.text === '' &&
        /^((\.\.\/)*|\/([\w-]+\/)*)js\/(search|directory|not-found)\.[0-9a-f]{10}\.js$/.test(s.src ?? '')) continue;
    if (s.type !== 'application/ld+json') {
      problem(`${file}: a <script type="${s.type}"> element`);
      continue;
    }
    try {
      JSON.parse(s.text);
    } catch (e) {
      problem(`${file}: JSON-LD does not parse: ${e.message}`);
    }
  }
}

// Payloads read back exactly as text, in Italian pages (French ones get no-break spaces). An
// HTML or XML parser turns CRLF into LF, and a document title collapses white space.
const parsed = (p) => p.replace(/\r\n?/g, '\n');
const collapsed = (p) => p.replace(/[ \t\n\r\f]+/g, ' ').trim();
let roundTrips = 0;
if (browser) PAYLOADS.forEach((p, i) => {
  const expectText = (where, actual, expected = parsed(p)) => {
    roundTrips++;
    if (actual !== expected) problem(`${where}: read back ${JSON.stringify(actual)?.slice(0, 120)}, expected ${JSON.stringify(expected).slice(0, 120)}`);
  };
  const actor = hostile.get(`it/elenco/hostile-${pad(i)}/index.html`);
  if (!actor) return problem(`no page for actor hostile-${pad(i)}`);
  expectText(`actor ${pad(i)} heading`, actor.h1First, parsed(p) + ' '); // a space, then <abbr>
  let ld = {};
  try {
    ld = JSON.parse(actor.scripts.find((s) => s.type === 'application/ld+json')?.text ?? '{}');
  } catch {
    /* reported above */
  }
  expectText(`actor ${pad(i)} JSON-LD name`, ld.name, p);
  expectText(`actor ${pad(i)} JSON-LD address`, ld.address?.streetAddress, p);
  expectText(`actor ${pad(i)} JSON-LD other name`, ld.alternateName?.[1], p);
  const guidelinePage = hostile.get(`it/linee-guida/hostile-${pad(i)}/index.html`);
  if (!guidelinePage) return problem(`no page for guideline hostile-${pad(i)}`);
  expectText(`guideline ${pad(i)} heading`, guidelinePage.h1Text);
  expectText(`guideline ${pad(i)} meta description`, guidelinePage.description);
  roundTrips++;
  if (!guidelinePage.title.startsWith(collapsed(p))) problem(`guideline ${pad(i)} <title> does not start with the payload`);
});

// ---- actors.json: parses, and gives every payload back.
let json;
try {
  json = JSON.parse(fs.readFileSync(path.join(hostileOut, 'actors.json'), 'utf8'));
} catch (e) {
  problem(`actors.json does not parse: ${e.message}`);
}
if (json) {
  PAYLOADS.forEach((p, i) => {
    const a = json.actors.find((x) => x.id === `hostile-${pad(i)}`);
    if (!a) return problem(`actors.json: no hostile-${pad(i)}`);
    for (const [field, value] of Object.entries({
      name: a.name,
      short_name: a.short_name,
      city: a.city,
      address: a.address,
      'other_names[0].name': a.other_names?.[0]?.name,
      'services.fr[0]': a.services?.fr?.[0],
    })) {
      roundTrips++;
      if (value !== p) problem(`actors.json hostile-${pad(i)} ${field}: ${JSON.stringify(value)?.slice(0, 80)}`);
    }
  });
  roundTrips++;
  if (json.vocabulary.sectors.hostile?.it !== LABEL) problem('actors.json: the hostile sector label does not read back');
}

// ---- actors.csv: RFC 4180, payloads back (with the formula guard), no field starting a formula.
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), (i += 2);
      else if (c === '"') (quoted = false), i++;
      else (field += c), i++;
    } else if (c === '"' && field === '') (quoted = true), i++;
    else if (c === ',') row.push(field), (field = ''), i++;
    else if (c === '\r' && text[i + 1] === '\n') row.push(field), rows.push(row), (row = []), (field = ''), (i += 2);
    else if (c === '"' || c === '\n' || c === '\r') throw new Error(`stray ${JSON.stringify(c)} at ${i}`);
    else (field += c), i++;
  }
  if (field !== '' || row.length) throw new Error('the last record does not end with CRLF');
  return rows;
}
const startsFormula = (v) => {
  const t = v.replace(/^ +/, '');
  if (/^[-+][0-9 .()-]*$/.test(t) && t.length > 1) return false; // a number or phone number
  return /^[=+\-@\t\r\n]/.test(t);
};
try {
  const rows = parseCsv(fs.readFileSync(path.join(hostileOut, 'actors.csv'), 'utf8'));
  const header = rows[0];
  if (rows.some((r) => r.length !== header.length)) problem('actors.csv: rows of different lengths');
  for (const r of rows) for (const v of r) if (startsFormula(v)) problem(`actors.csv: a field starts a formula: ${JSON.stringify(v)}`);
  PAYLOADS.forEach((p, i) => {
    const row = rows.find((r) => r[0] === `hostile-${pad(i)}`);
    if (!row) return problem(`actors.csv: no hostile-${pad(i)}`);
    const expected = startsFormula(p) ? "'" + p : p;
    for (const field of ['name', 'short_name', 'city', 'address', 'other_names']) {
      roundTrips++;
      const value = row[header.indexOf(field)];
      // Other names keep their language ("ar:…"), which also keeps the cell from starting a formula.
      if (value !== (field === 'other_names' ? 'ar:' + p : expected)) problem(`actors.csv hostile-${pad(i)} ${field}: ${JSON.stringify(value).slice(0, 80)}`);
    }
  });
} catch (e) {
  problem(`actors.csv does not parse: ${e.message}`);
}

// ---- Feeds, sitemap and any other XML: well-formed, titles back. Any JSON file parses.
const outputs = fs.readdirSync(hostileOut, { recursive: true }).map((f) => f.split(path.sep).join('/'));
for (const file of outputs.filter((f) => f.endsWith('.json'))) {
  try {
    JSON.parse(fs.readFileSync(path.join(hostileOut, file), 'utf8'));
  } catch (e) {
    problem(`${file} does not parse as JSON: ${e.message}`);
  }
}
const xmlFiles = outputs.filter((f) => f.endsWith('.xml'));
for (const expected of ['sitemap.xml', 'fr/atom.xml', 'it/atom.xml']) {
  if (!xmlFiles.includes(expected)) problem(`no ${expected}`);
}
for (const file of xmlFiles) {
  const r = spawnSync('xmllint', ['--noout', '--nonet', path.join(hostileOut, file)], { encoding: 'utf8' });
  if (r.error) problem(`xmllint could not run (install libxml2-utils): ${r.error.message}`);
  else if (r.status !== 0) problem(`${file} is not well-formed XML:\n${r.stderr.slice(0, 600)}`);
}
if (!browser) {
  /* the feed titles are read back by Chromium's DOMParser */
} else if (!feedTitles) problem('it/atom.xml: DOMParser reports a parse error');
else {
  // The feed keeps only the latest guidelines (FEED_ENTRIES): it must be full, and each of its
  // titles is either one of the clean site's or a payload read back exactly.
  const expected = Math.min(FEED_ENTRIES, (cleanFeedTitles ?? []).length + PAYLOADS.length);
  const payloadTitles = PAYLOADS.map(parsed);
  const stray = feedTitles.filter((t) => !payloadTitles.includes(t) && !(cleanFeedTitles ?? []).includes(t));
  if (feedTitles.length !== expected) problem(`it/atom.xml: ${feedTitles.length} entries, expected ${expected}`);
  if (stray.length) problem(`it/atom.xml: ${stray.length} title(s) are neither a payload read back nor a clean title, e.g. ${JSON.stringify(stray[0]).slice(0, 80)}`);
  if (!feedTitles.some((t) => payloadTitles.includes(t))) problem('it/atom.xml: no payload title in the feed');
}

// ---- Values that must be refused, each with its message; nothing may be written.
const RECORD = (extra) =>
  `name = "X"\ncountry = "MA"\nkind = "ngo"\nsectors = ["training"]\nlast_reviewed = 2026-11-01\n${extra}\n[description]\nfr = "x"\n`;
const PAGE = (extra, body = 'Texte.') => `+++\ntitle = "T"\nsummary = "S"\ndate = 2026-10-05\n${extra}\n+++\n${body}\n`;
const REFUSED_AT_LOAD = [
  ['directory-data/actors/web-js.toml', RECORD('website = "javascript:xss(1)"'), 'website must be an http:// or https:// URL'],
  ['directory-data/actors/web-case.toml', RECORD('website = "JaVaScRiPt:xss(1)"'), 'website must be an http:// or https:// URL'],
  ['directory-data/actors/web-space.toml', RECORD('website = " https://example.org/"'), 'website must be an http:// or https:// URL'],
  ['directory-data/actors/web-data.toml', RECORD('website = "data:text/html,<script>xss(1)</script>"'), 'website must be an http:// or https:// URL'],
  ['directory-data/actors/web-quote.toml', RECORD('website = "https://example.org/\\" onmouseover=\\"xss(1)"'), 'website must be an http:// or https:// URL'],
  ['directory-data/actors/web-relative.toml', RECORD('website = "//evil.example/"'), 'website must be an http:// or https:// URL'],
  ['directory-data/actors/mail-quote.toml', RECORD('email = "a@example.org\\" onmouseover=\\"xss(1)"'), 'is not an e-mail address'],
  ['directory-data/actors/mail-js.toml', RECORD('email = "javascript:xss(1)//@example.org"'), 'is not an e-mail address'],
  ['directory-data/actors/mail-angle.toml', RECORD('email = "<a@example.org>"'), 'is not an e-mail address'],
  ['directory-data/actors/lang-attr.toml', RECORD('other_names = [{ name = "n", lang = "ar\\" onmouseover=\\"xss(1)" }]'), 'must be a language code'],
  ['directory-data/actors/bidi.toml', RECORD('city = "\\u202Egpj.exe"'), "field 'city' contains a bidirectional control character U+202E"],
  ['directory-data/actors/nul.toml', RECORD('address = "a\\u0000b"'), "field 'address' contains a control character U+0000"],
  ['directory-data/actors/raw-escape.toml', RECORD('phone = "\x1b[2J"'), 'control character U+001B is not allowed in text'],
  ['directory-data/actors/inner-bom.toml', RECORD('city = "a\uFEFFb"'), 'byte-order mark (U+FEFF) after the start of the file'],
  ['directory-data/actors/phone-script.toml', RECORD('phone = "<script>xss(1)</script>"'), 'is not a phone number'],
  ['directory-data/actors/phone-formula.toml', RECORD('phone = "=HYPERLINK(1)"'), 'is not a phone number'],
  ['directory-data/actors/Evil-Upper.toml', RECORD(''), "the file name 'Evil-Upper' is the actor's id"],
  ['directory-data/actors/a..b.toml', RECORD(''), "the file name 'a..b' is the actor's id"],
  ['directory-data/actors/sub/dir.toml', RECORD(''), 'actor records go directly in directory-data/actors/'],
  ['content/fr/guidelines/slug-dots.md', PAGE('slug = "../../../etc"'), "slug '../../../etc' must use only a-z, 0-9 and single hyphens"],
  ['content/fr/guidelines/slug-slash.md', PAGE('slug = "a/b"'), "slug 'a/b' must use only"],
  ['content/fr/guidelines/Slug Upper.md', PAGE(''), "slug 'Slug Upper' must use only"],
  ['content/fr/guidelines/title-bidi.md', PAGE('title = "\\u2066x"').replace('title = "T"\n', ''), "field 'title' contains a bidirectional control character U+2066"],
  ['content/xx/page.md', PAGE(''), 'content must be in a folder named after a language of site.toml'],
];
const REFUSED_LINKS = [
  ['javascript', '[x](javascript:xss(1))'],
  ['case', '[x](JaVaScRiPt:xss(1))'],
  ['entity', '[x](&#106;avascript:xss(1))'],
  ['entity-colon', '[x](javascript&#58;xss(1))'],
  ['tab-entity', '[x](java&#x09;script:xss(1))'],
  ['angle', '[x](<javascript:xss(1)>)'],
  ['autolink', '<javascript:xss(1)>'],
  ['reference', '[x][r]\n\n[r]: javascript:xss(1)'],
  ['vbscript', '[x](vbscript:msgbox(1))'],
  ['data-image', '![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9eHNzKDEpPg==)'],
  ['data-link', '[x](data:text/html;base64,PHNjcmlwdD54c3MoMSk8L3NjcmlwdD4=)'],
  ['file', '[x](file:///etc/passwd)'],
];

function refusedBuild(name, files, expectations) {
  const site = path.join(work, name);
  const out = path.join(work, name + '-out');
  fs.cpSync(fixture, site, { recursive: true });
  for (const [file, text] of files) {
    fs.mkdirSync(path.dirname(path.join(site, file)), { recursive: true });
    fs.writeFileSync(path.join(site, file), text);
  }
  const r = build(site, out);
  if (r.status !== 1) problem(`${name}: the build exited ${r.status}, expected 1`);
  if (fs.existsSync(out)) problem(`${name}: the build wrote ${out}`);
  for (const [file, message] of expectations) {
    const line = r.stderr.split('\n').find((l) => l.startsWith(file) && l.includes(message));
    if (!line) problem(`${name}: no error "${message}" for ${file}`);
  }
  return r.stderr.split('\n').filter((l) => l.includes(': error: ')).length;
}
const loadErrors = refusedBuild(
  'refused-values',
  REFUSED_AT_LOAD.map(([file, text]) => [file, text]),
  REFUSED_AT_LOAD.map(([file, , message]) => [file, message]),
);
const linkErrors = refusedBuild(
  'refused-links',
  REFUSED_LINKS.map(([name, link]) => [`content/fr/guidelines/link-${name}.md`, PAGE('', `Voir ${link}.`)]),
  REFUSED_LINKS.map(([name]) => [`content/fr/guidelines/link-${name}.md`, 'is refused: scripts and embedded data are not allowed in links']),
);

if (keepArg) fs.cpSync(hostileOut, path.resolve(keepArg), { recursive: true });
for (const p of problems) console.log(`FAIL ${p}`);
console.log(
  `hostile: ${PAYLOADS.length} payloads in every text field; ${browser ? pagesChecked : 'no'} pages checked in Chromium, ` +
    `${roundTrips} values read back exactly; ${REFUSED_AT_LOAD.length} values and ${REFUSED_LINKS.length} links ` +
    `refused (${loadErrors} + ${linkErrors} errors); ${problems.length} problem(s)`,
);
process.exit(problems.length ? 1 : 0);
