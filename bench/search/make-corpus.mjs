#!/usr/bin/env node
// make-corpus.mjs <source-site> <out-dir> [--guidelines N] [--actors N] [--seed N]
//
// A larger site for the search benchmark, made quickly from the bundled one: N extra
// guidelines per language whose paragraphs are drawn (deterministically) from the real
// guidelines of that language, and N actors copied from the real records under new ids,
// names and cities. The real guidelines, pages and records are kept, so every link still
// resolves. The text is real French and Italian, recombined: it has the vocabulary and the
// word frequencies of the real site, at a larger scale. (The performance issue's synthetic
// corpus is not built yet; this stands in for it.)
import fs from 'node:fs';
import path from 'node:path';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};
const [source, out] = args.filter((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
if (!source || !out) {
  console.error('usage: node make-corpus.mjs <source-site> <out-dir> [--guidelines N] [--actors N] [--seed N]');
  process.exit(2);
}
const GUIDELINES = option('guidelines', 400);
const ACTORS = option('actors', 1000);
let seed = option('seed', 20261120);
const random = () => {
  // mulberry32: small, deterministic
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = (list) => list[Math.floor(random() * list.length)];

fs.rmSync(out, { recursive: true, force: true });
const copy = (rel) => fs.cpSync(path.join(source, rel), path.join(out, rel), { recursive: true });
// The bundled site's size budgets are for the bundled site: this one is bigger on purpose.
fs.mkdirSync(out, { recursive: true });
fs.writeFileSync(path.join(out, 'site.toml'),
  fs.readFileSync(path.join(source, 'site.toml'), 'utf8').replace(/\n(#[^\n]*\n)*\[budgets\][^[]*/, '\n'));
copy('content');
copy('directory-data');
if (fs.existsSync(path.join(source, 'themes'))) copy('themes');

const split = (text) => {
  const end = text.indexOf('\n+++', 3);
  return { front: text.slice(0, end + 4), body: text.slice(end + 4) };
};
const field = (front, key) => (new RegExp(`^${key} = "(.*)"$`, 'm').exec(front) ?? [])[1];
const unlink = (text) => text.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1');

for (const lang of fs.readdirSync(path.join(source, 'content'))) {
  const dir = path.join(source, 'content', lang, 'guidelines');
  if (!fs.existsSync(dir)) continue;
  const paragraphs = [];
  const headings = [];
  const titles = [];
  const tags = new Set();
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.md') && f !== '_index.md')) {
    const { front, body } = split(fs.readFileSync(path.join(dir, file), 'utf8'));
    titles.push(field(front, 'title'));
    for (const t of (/^tags = \[(.*)\]$/m.exec(front)?.[1] ?? '').matchAll(/"([^"]+)"/g)) tags.add(t[1]);
    for (const block of unlink(body).split(/\n\s*\n/).map((b) => b.trim()).filter(Boolean)) {
      if (block.startsWith('#')) headings.push(block.replace(/^#+\s*/, ''));
      else if (!block.startsWith('|')) paragraphs.push(block);  // tables need their header row
    }
  }
  const tagList = [...tags];
  for (let i = 1; i <= GUIDELINES; i++) {
    const body = [];
    const sections = 3 + Math.floor(random() * 4);
    for (let s = 0; s < sections; s++) {
      body.push(`## ${pick(headings)}`);
      for (let p = 0, n = 2 + Math.floor(random() * 4); p < n; p++) body.push(pick(paragraphs));
    }
    const summary = pick(paragraphs.filter((p) => !/^[-*>\d]/.test(p))).split('\n')[0]
      .split(/(?<=[.!?])\s/)[0].replace(/[*_`\\]/g, '').replace(/"/g, "'");
    const day = String(1 + (i % 28)).padStart(2, '0');
    const front = [
      '+++',
      `title = "${pick(headings).replace(/"/g, "'")} — ${pick(titles).replace(/"/g, "'")}"`,
      `summary = "${summary}"`,
      `date = 2026-10-${day}`,
      `weight = ${100 + i}`,
      `tags = [${[pick(tagList), pick(tagList)].map((t) => `"${t}"`).join(', ')}]`,
      `slug = "fiche-${i}"`,
      `translation_key = "guidelines/generated-${i}"`,
      '+++',
    ].join('\n');
    fs.writeFileSync(path.join(out, 'content', lang, 'guidelines', `generated-${i}.md`), `${front}\n\n${body.join('\n\n')}\n`);
  }
}

const CITIES = {
  MA: ['Casablanca', 'Fès', 'Marrakech', 'Agadir', 'Tanger', 'Oujda', 'Khouribga', 'Béni Mellal', 'Meknès', 'Kénitra', 'Tétouan', 'Nador'],
  IT: ['Roma', 'Milano', 'Torino', 'Bologna', 'Napoli', 'Firenze', 'Genova', 'Palermo', 'Bari', 'Verona', 'Padova', 'Brescia'],
};
const actorsDir = path.join(source, 'directory-data', 'actors');
const records = fs.readdirSync(actorsDir).filter((f) => f.endsWith('.toml')).sort()
  .map((f) => ({ id: f.slice(0, -5), text: fs.readFileSync(path.join(actorsDir, f), 'utf8') }));
for (let j = 1; j <= ACTORS; j++) {
  const base = records[j % records.length];
  const country = /^country = "(\w+)"$/m.exec(base.text)[1];
  const city = pick(CITIES[country] ?? ['Rabat']);
  let text = base.text.replace(/^name = "(.*)"$/m, (all, name) => `name = "${name} — ${city} ${j}"`);
  text = /^city = /m.test(text)
    ? text.replace(/^city = "(.*)"$/m, `city = "${city}"`)
    : text.replace(/^country = .*$/m, (line) => `${line}\ncity = "${city}"`);
  fs.writeFileSync(path.join(out, 'directory-data', 'actors', `${base.id}-${j}.toml`), text);
}
console.log(`corpus: ${GUIDELINES} generated guidelines per language, ${ACTORS} generated actors → ${out}`);
