#!/usr/bin/env node
// volumes.mjs <passerelle-binary> <fixture-site> <work-dir>
//
// The print edition in volumes. The fixture site (tests/fixtures/site-small) is copied to
// <work-dir>/site with `[print] volume_guidelines = 1`: French, with two guidelines, then has two
// volumes of one chapter and the annex's volume; Italian, with one, keeps its single edition.
// `passerelle pdf` publishes it to <work-dir>/public (left there for pdf_volumes_accessibility).
// Checks:
//  - the French edition's address lists the three volumes in order, each with its PDF;
//  - each volume's contents list only its chapters (the annex only in the last), its cover says
//    "Volume k sur 3", it links back to the list of volumes;
//  - each volume's PDF: its first page says "Volume k sur 3", its chapter starts on the page
//    its contents announce, counted from its own first page (pdfinfo, pdftotext);
//  - Italian: one edition at its address, one PDF, no volume;
//  - every link of the site resolves, fragments included (check_links.mjs), and every page is
//    valid HTML (validate_html.sh, vnu).
// Exit status: 0 all good, 1 problems found, 2 usage error.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checker, normalize, pageTexts, pdfInfo, run } from './lib.mjs';

const [binary, fixture, workDir] = process.argv.slice(2);
if (!binary || !fixture || !workDir) {
  console.error('usage: node volumes.mjs <passerelle-binary> <fixture-site> <work-dir>');
  process.exit(2);
}
const here = path.dirname(fileURLToPath(import.meta.url));
const siteTests = path.join(here, '..', 'site');
fs.rmSync(workDir, { recursive: true, force: true });
const site = path.join(workDir, 'site');
fs.cpSync(fixture, site, { recursive: true });
fs.appendFileSync(path.join(site, 'site.toml'), '\n[print]\nvolume_guidelines = 1\n');
// The bundled stylesheets and scripts (the fixture's own are stubs for the golden files): page
// numbers in the PDFs, and the pages as readers get them for pdf_volumes_accessibility.
fs.rmSync(path.join(site, 'themes/default/static'), { recursive: true });
const out = path.join(workDir, 'public');
run(binary, ['pdf', '--source', site, '--out', out], { timeout: 600_000 });

const tally = checker();
const { check, problems } = tally;
const read = (rel) => fs.readFileSync(path.join(out, rel), 'utf8');
const matches = (html, re) => [...html.matchAll(re)].map((m) => m[1]);

// French: the list of volumes.
const folder = 'fr/lignes-directrices/print';
const list = read(`${folder}/index.html`);
const hrefs = matches(list, /<h2><a href="(volume-\d+\/)">/g);
check(JSON.stringify(hrefs) === JSON.stringify(['volume-1/', 'volume-2/', 'volume-3/']),
  `${folder}/index.html lists ${JSON.stringify(hrefs)}, not volumes 1 to 3`);
const pdfs = matches(list, /<a href="\.\.\/([^"]+\.pdf)" type="application\/pdf">/g);
check(pdfs.length === 3, `${folder}/index.html links ${pdfs.length} PDFs, not 3`);

const expected = [['Préparer le retour'], ['Le crédit'], []];
expected.forEach((titles, i) => {
  const n = i + 1;
  const file = `${folder}/volume-${n}/index.html`;
  const html = read(file);
  const toc = matches(html, /<span class="toc-title">([^<]+)<\/span>/g);
  const annex = n === expected.length;
  const wanted = annex ? ['Annexe\u00a0: annuaire des acteurs'] : titles;
  check(JSON.stringify(toc) === JSON.stringify(wanted), `${file}: contents ${JSON.stringify(toc)}, expected ${JSON.stringify(wanted)}`);
  const chapters = matches(html, /<h2 class="chapter-title" id="[^"]+"[^>]*>([^<]+)<\/h2>/g);
  check(JSON.stringify(chapters) === JSON.stringify(titles), `${file}: chapters ${JSON.stringify(chapters)}`);
  check(html.includes(`<p class="cover-volume">Volume ${n} sur 3</p>`), `${file}: no "Volume ${n} sur 3" on the cover`);
  check(html.includes('<a href="../">'), `${file}: no link back to the list of volumes`);
  check(html.includes('id="print_annex"') === annex, `${file}: the annex is ${annex ? 'missing' : 'there too'}`);

  const pdf = path.join(out, 'fr/lignes-directrices', `lignes-directrices-fr-volume-${n}.pdf`);
  if (!check(fs.existsSync(pdf), `${path.relative(out, pdf)} is missing`)) return;
  // Each page's lines, spaces normalized (French typography puts no-break spaces before ':').
  const lines = pageTexts(pdf).map((text) => text.split('\n').map(normalize).filter((l) => l !== ''));
  const pages = lines.map((l) => l.join('\n'));
  const info = pdfInfo(pdf);
  check(Number(info.Pages) === pages.length, `${path.relative(out, pdf)}: pdfinfo says ${info.Pages} pages, pdftotext ${pages.length}`);
  check(pages[0].includes(`Volume ${n} sur 3`), `${path.relative(out, pdf)}: page 1 does not say "Volume ${n} sur 3"`);
  const first = annex ? 'Annexe : annuaire des acteurs' : titles[0];
  // The page where the chapter (or the annex) starts, after the contents, counted in this PDF.
  const contents = pages.findIndex((text) => text.includes('Sommaire') || text.includes('Table des matières'));
  const at = pages.findIndex((text, p) => p > contents && contents >= 0 && text.includes(first));
  if (check(at > 0, `${path.relative(out, pdf)}: no page starts '${first}'`)) {
    const line = lines[contents].find((l) => l.includes(first)) ?? '';
    check(new RegExp(`\\b${at + 1}$`).test(line),
      `${path.relative(out, pdf)}: the contents say '${line}', the chapter starts on page ${at + 1}`);
  }
});

// Italian: one edition, as before.
const italian = read('it/linee-guida/print/index.html');
check(!italian.includes('cover-volume') && italian.includes('id="print_annex"'),
  'it/linee-guida/print/index.html: not the single edition with its annex');
check(fs.existsSync(path.join(out, 'it/linee-guida/linee-guida-it.pdf')), 'it/linee-guida/linee-guida-it.pdf is missing');
check(!fs.existsSync(path.join(out, 'it/linee-guida/print/volume-1')), 'Italian has volumes');

// The whole site's links and HTML.
for (const [program, args] of [['node', [path.join(siteTests, 'check_links.mjs'), out]],
  ['bash', [path.join(siteTests, 'validate_html.sh'), out]]]) {
  try {
    run(program, args, { timeout: 300_000, cwd: siteTests });
    tally.checks++;
  } catch (e) {
    problems.push(e.message);
  }
}

for (const problem of problems) console.error(problem);
console.log(problems.length ? `${problems.length} problem(s) in ${tally.checks} checks`
  : `volumes: ${tally.checks} checks passed (3 French volumes, one Italian edition)`);
process.exit(problems.length ? 1 : 0);
