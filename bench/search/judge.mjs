#!/usr/bin/env node
// judge.mjs <built-bundled-site> [--write]
//
// The relevance judgments of queries.json, made from the text of the pages and not from
// either engine's results. Each query has a `need`: a regular expression (case and accents
// ignored) for what the visitor asks about, written by hand from the query's meaning — every
// inflection of the words, the phrase for a multi-word query. A page is relevant when it is
// about the need: the need is in its title, a heading, the actor's names, place, kind,
// sectors or services; or its text mentions it at least twice. Prints the judgments;
// --write stores them in queries.json (`relevant`).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readSiteConfig } from '../../tests/site/lib/site.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const siteDir = path.resolve(process.argv[2] ?? '');
if (!process.argv[2] || !fs.existsSync(path.join(siteDir, 'actors.json'))) {
  console.error('usage: node judge.mjs <built-bundled-site> [--write]');
  process.exit(2);
}
const config = readSiteConfig(path.join(here, '../../site.toml'));
const queriesFile = path.join(here, 'queries.json');
const queries = JSON.parse(fs.readFileSync(queriesFile, 'utf8'));
const data = JSON.parse(fs.readFileSync(path.join(siteDir, 'actors.json'), 'utf8'));

const fold = (text) => text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[’‘]/g, "'").replace(/œ/g, 'oe');
const decode = (html) => html.replace(/<[^>]+>/g, ' ').replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&')
  .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/\s+/g, ' ');

function pages(l) {
  const s = l.sections;
  const folders = (rel) => fs.readdirSync(path.join(siteDir, rel), { withFileTypes: true })
    .filter((e) => e.isDirectory() && fs.existsSync(path.join(siteDir, rel, e.name, 'index.html'))).map((e) => `${rel}/${e.name}`);
  const list = [
    ...folders(`${l.code}/${s.guidelines}`),
    ...folders(`${l.code}/${s.directory}`).filter((f) => ![s.country, s.kind, s.sector].includes(path.basename(f))),
    ...folders(l.code).filter((f) => ![s.guidelines, s.directory, s.search].includes(path.basename(f))),
  ];
  return list.map((rel) => {
    const html = fs.readFileSync(path.join(siteDir, rel, 'index.html'), 'utf8');
    const main = /<main[^>]*>([\s\S]*)<\/main>/.exec(html)[1].replace(/<nav class="toc"[\s\S]*?<\/nav>/, '');
    const headings = [...main.matchAll(/<h[1-3][^>]*>([\s\S]*?)<\/h[1-3]>/g)].map((m) => decode(m[1]));
    const urlPath = `/${rel}/`;
    const actor = data.actors.find((a) => new URL(a.urls[l.code]).pathname === urlPath);
    const about = [...headings];
    if (actor) {
      const v = data.vocabulary;
      about.push(actor.name, actor.short_name ?? '', ...(actor.other_names ?? []).map((o) => o.name), actor.city ?? '',
        v.regions[actor.region]?.[l.code] ?? '', v.kinds[actor.kind]?.[l.code] ?? '',
        ...actor.sectors.map((s) => v.sectors[s]?.[l.code] ?? ''), ...(actor.services?.[l.code] ?? []));
    }
    return { path: urlPath, about: fold(about.join(' | ')), text: fold(decode(main)) };
  });
}

let changed = 0;
for (const l of config.languages) {
  const list = pages(l);
  for (const query of queries[l.code] ?? []) {
    const need = new RegExp(query.need, 'gu');
    const relevant = list.filter((p) => {
      need.lastIndex = 0;
      if (need.test(p.about)) return true;
      return (p.text.match(need) ?? []).length >= 2;
    }).map((p) => p.path).sort();
    console.log(`${l.code} ${query.q} (${query.need}): ${relevant.length}\n  ${relevant.join('\n  ')}`);
    if (JSON.stringify(relevant) !== JSON.stringify(query.relevant)) changed++;
    query.relevant = relevant;
  }
}
if (process.argv.includes('--write')) {
  fs.writeFileSync(queriesFile, JSON.stringify(queries, null, 1) + '\n');
  console.log(`queries.json: ${changed} judgments changed`);
}
