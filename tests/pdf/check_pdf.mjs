#!/usr/bin/env node
// check_pdf.mjs <site-dir> [--config site.toml]
//
// Checks the PDFs that `passerelle pdf` made with WeasyPrint, with poppler's tools, against the
// print editions they were made from. For each language:
//  - the guidelines index links the PDF, and the PDF has title, language and date metadata
//    (the edition's <title>, <html lang>, and the date on its cover);
//  - the page count: pdfinfo and pdftotext agree, every chapter starts on a page of its own
//    after the cover and the contents, in the order of the contents;
//  - every entry of the table of contents shows the page number where its chapter starts
//    (the page whose text begins with the chapter's number and title: no running header there);
//  - every accented word of the edition's text is in the PDF's text, unbroken;
//  - the outline (bookmarks) lists every chapter and the annex, each at its page.
// Exit status: 0 all good, 1 problems found, 2 usage error.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readSiteConfig } from '../site/lib/site.mjs';
import { escapeRegExp, normalize, outline, pageTexts, pdfInfo, readEdition, textOf } from './lib.mjs';

const USAGE = 'usage: node check_pdf.mjs <site-dir> [--config site.toml]';
const args = process.argv.slice(2);
if (args.includes('-h') || args.includes('--help')) {
  console.log(USAGE);
  process.exit(0);
}
const configAt = args.indexOf('--config');
const configFile = configAt >= 0 ? args[configAt + 1] : null;
const positional = args.filter((a, i) => !a.startsWith('--') && (configAt < 0 || i !== configAt + 1));
if (positional.length !== 1) {
  console.error(USAGE);
  process.exit(2);
}
const siteDir = path.resolve(positional[0]);
const config = readSiteConfig(path.resolve(configFile ?? path.join(siteDir, '..', 'site.toml')));
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'passerelle-pdf-check-'));

const problems = [];
let checks = 0;
const check = (ok, message) => {
  checks++;
  if (!ok) problems.push(message);
  return ok;
};

function checkLanguage({ code, sections }) {
  const edition = readEdition(siteDir, code, sections.guidelines);
  const label = `${code}: ${path.relative(siteDir, edition.pdfFile ?? edition.editionFile)}`;
  if (!check(edition.pdfFile && fs.existsSync(edition.pdfFile), `${code}: the guidelines index links no PDF, or the PDF is missing`)) return;
  const pdf = edition.pdfFile;

  // Metadata.
  const info = pdfInfo(pdf);
  check(normalize(info.Title ?? '') === normalize(edition.title), `${label}: title '${info.Title}', expected '${edition.title}'`);
  const raw = fs.readFileSync(pdf, 'latin1');
  const lang = /\/Lang\s*\(([^)]*)\)/.exec(raw)?.[1];
  check(lang === edition.lang, `${label}: language '${lang}', expected '${edition.lang}'`);
  const coverDate = /<p class="cover-edition">.*?datetime="(\d{4}-\d\d-\d\d)"/s.exec(edition.html)?.[1];
  check(coverDate && (info.CreationDate ?? '').startsWith(coverDate), `${label}: creation date '${info.CreationDate}', expected the edition's date ${coverDate}`);

  // Pages.
  const pages = pageTexts(pdf).map(normalize);
  const pageCount = Number(info.Pages);
  check(pageCount === pages.length, `${label}: pdfinfo says ${pageCount} pages, pdftotext found ${pages.length}`);
  const chapters = edition.entries;
  check(chapters.length >= 1, `${label}: the contents list nothing`);
  check(pageCount >= chapters.length + 2, `${label}: ${pageCount} pages for a cover, the contents and ${chapters.length} chapters`);

  // Where each chapter starts: the first page after the previous start whose text begins with
  // the entry's text (the number and title of a chapter, the annex's title).
  const starts = [];
  let from = 2; // after the cover and at least one page of contents (0-based index)
  for (const entry of chapters) {
    const opening = new RegExp('^' + escapeRegExp(entry.text).replace(/ /g, '\\s+'));
    let page = -1;
    for (let i = from; i < pages.length; i++) {
      if (opening.test(pages[i])) {
        page = i + 1;
        break;
      }
    }
    if (check(page > 0, `${label}: no page begins with '${entry.text}' (a chapter must start on a new page, without running header)`)) {
      from = page;
      check(pages[page - 1].includes(entry.heading), `${label}: page ${page} lacks the heading '${entry.heading}'`);
    }
    starts.push(page);
  }

  // The contents: "<entry text> ....... <page>" for every entry, on the pages before the first chapter.
  const firstStart = starts.find((p) => p > 0) ?? pages.length;
  const contents = pages.slice(1, firstStart - 1).join(' ');
  chapters.forEach((entry, i) => {
    const m = new RegExp(escapeRegExp(entry.text).replace(/ /g, '\\s+') + '[\\s.…]*?(\\d+)(?!\\d)').exec(contents);
    if (!check(m, `${label}: the contents show no page number for '${entry.text}'`)) return;
    const shown = Number(m[1]);
    check(shown === starts[i], `${label}: the contents give page ${shown} for '${entry.text}', it starts on page ${starts[i]}`);
  });

  // Accented text: every word with a letter outside ASCII, as written in the edition.
  const body = edition.html.replace(/^.*?<\/nav>/s, ''); // after the on-screen tools
  const words = new Set(textOf(body).match(/\p{L}*[^\p{ASCII}\s]\p{L}*/gu)?.filter((w) => /\p{L}/u.test(w) && /[^\p{ASCII}]/u.test(w)) ?? []);
  const all = pages.join(' ');
  const missing = [...words].filter((w) => !all.includes(w));
  check(words.size > 20, `${label}: only ${words.size} accented words in the edition`);
  check(missing.length === 0, `${label}: ${missing.length} of ${words.size} accented words are not in the PDF's text: ${missing.slice(0, 12).join(', ')}`);
  check(!/\uFFFD|Ã[\u0080-\u00BF]|Ã©/.test(all), `${label}: the PDF's text has replacement characters or mojibake`);

  // Outline: every chapter and the annex, at the page where it starts.
  const bookmarks = outline(pdf, work);
  chapters.forEach((entry, i) => {
    const bookmark = bookmarks.find((b) => b.title === entry.heading);
    if (check(bookmark, `${label}: the outline lacks '${entry.heading}' (has: ${bookmarks.map((b) => b.title).join(' | ')})`)) {
      check(bookmark.page === starts[i], `${label}: the outline sends '${entry.heading}' to page ${bookmark.page}, it starts on page ${starts[i]}`);
    }
  });
  const order = chapters.map((entry) => bookmarks.findIndex((b) => b.title === entry.heading));
  check(order.every((v, i) => i === 0 || v > order[i - 1]), `${label}: the outline is not in the order of the contents`);

  console.log(`${label}: ${pageCount} pages, ${chapters.length} entries at pages ${starts.join(', ')}, ${words.size} accented words, ${bookmarks.length} top-level bookmarks`);
}

try {
  for (const language of config.languages) checkLanguage(language);
} catch (e) {
  problems.push(e.message);
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
for (const p of problems) console.log(`problem: ${p}`);
console.log(`pdf: ${checks} checks, ${problems.length} problems`);
process.exit(problems.length ? 1 : 0);
