// Relevance judgments made from the text of the built pages, never from a search engine's
// results (the method of bench/search/judge.mjs, shared here so that the ctest and the
// benchmark judge alike). A query has a `need`: a regular expression (case and accents
// ignored), written by hand from what the visitor asks. A page is relevant when the need is in
// its title, a heading, the actor's names, place, kind, sectors or services, or at least
// twice in its text.
import fs from 'node:fs';
import path from 'node:path';

export const fold = (text) => text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[’‘]/g, "'").replace(/œ/g, 'oe');
const decode = (html) => html.replace(/<[^>]+>/g, ' ').replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&')
  .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/\s+/g, ' ');

/// The searchable pages of language `l` (a site.toml language with its sections): guidelines,
/// actors and other pages, each as { path, about, text }, folded.
export function pages(siteDir, l) {
  const data = JSON.parse(fs.readFileSync(path.join(siteDir, 'actors.json'), 'utf8'));
  const s = l.sections;
  const folders = (rel) => fs.readdirSync(path.join(siteDir, rel), { withFileTypes: true })
    .filter((e) => e.isDirectory() && fs.existsSync(path.join(siteDir, rel, e.name, 'index.html'))).map((e) => `${rel}/${e.name}`);
  const list = [
    ...folders(`${l.code}/${s.guidelines}`),
    ...folders(`${l.code}/${s.directory}`).filter((f) => ![s.country, s.kind, s.sector].includes(path.basename(f))),
    ...folders(l.code).filter((f) => ![s.guidelines, s.directory, s.search].includes(path.basename(f))),
  ];
  // Only the pages the search indexes (its documents' "u"); the printable edition of every
  // guideline, for one, is not a search result.
  const indexed = new Set();
  const docs = path.join(siteDir, 'search', l.code, 'd');
  for (const f of fs.readdirSync(docs)) {
    const u = /"u":\s*"([^"]*)"/.exec(fs.readFileSync(path.join(docs, f), 'utf8'));
    if (u) indexed.add(`/${u[1]}`);
  }
  return list.filter((rel) => indexed.has(`/${rel}/`)).map((rel) => {
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
        ...actor.sectors.map((x) => v.sectors[x]?.[l.code] ?? ''), ...(actor.services?.[l.code] ?? []));
    }
    return { path: urlPath, about: fold(about.join(' | ')), text: fold(decode(main)) };
  });
}

/// The paths of `list` (from pages()) relevant to `need`, sorted.
export function judge(list, need) {
  const re = new RegExp(need, 'gu');
  return list.filter((p) => {
    re.lastIndex = 0;
    if (re.test(p.about)) return true;
    return (p.text.match(re) ?? []).length >= 2;
  }).map((p) => p.path).sort();
}
