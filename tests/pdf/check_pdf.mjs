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
//  - the outline (bookmarks) lists every chapter and the annex, each at its page;
//  - a book's layout: the contents and every chapter open on a right-hand (odd) page, the pages
//    left blank before them are empty (no running header, no number), and the cover, the
//    contents and each chapter's first page carry no running header, which other pages do;
//    no page holds fewer than 3 lines (a chapter's last page);
//  - the cover names the publisher (site.toml's print.publisher) and the funder (the footer's
//    credit line, footer.funder) in the edition's language;
//  - the PDF embeds exactly the fonts print.css names (Noto Serif and Noto Sans; DejaVu Sans
//    Mono where there is code, the Noto Arabic faces where there is Arabic), no fallback;
//  - it is tagged (pdfinfo: Tagged: yes), with a heading in the structure for every chapter.
// Exit status: 0 all good, 1 problems found, 2 usage error.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readSiteConfig } from '../site/lib/site.mjs';
import { checker, bodyLineCounts, escapeRegExp, normalize, outline, pageTexts, pdfFonts, pdfInfo, readEdition, structureTags, textOf, topMarginTexts } from './lib.mjs';

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

const tally = checker();
const { check, problems } = tally;

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

  // A book: right-hand openings, blank versos, no running header where a book has none.
  const contentsTitle = textOf(/<h2 id="print_toc_title">(.*?)<\/h2>/s.exec(edition.html)?.[1] ?? '');
  const contentsStart = pages.findIndex((text, i) => i > 0 && text.includes(contentsTitle)) + 1;
  check(contentsStart === 3, `${label}: the contents start on page ${contentsStart}, expected page 3 (a right-hand page after the cover and its blank back)`);
  chapters.forEach((entry, i) => {
    check(starts[i] % 2 === 1, `${label}: '${entry.text}' starts on page ${starts[i]}, a left-hand page`);
  });
  const openings = new Set([contentsStart, ...starts].filter((page) => page > 0));
  pages.forEach((text, i) => {
    if (text === '') check(openings.has(i + 2), `${label}: page ${i + 1} is blank, yet the next page opens nothing`);
  });
  for (const page of openings) {
    if (page % 2 === 0 && page > 1) check(pages[page - 2] === '', `${label}: page ${page - 1}, before the opening page ${page}, is not blank`);
  }
  const heads = topMarginTexts(pdf, pageCount);
  const bare = [1, ...openings];
  for (let page = contentsStart; page > 0 && page < firstStart; page++) bare.push(page);
  for (const page of new Set(bare)) {
    check(heads[page - 1] === '', `${label}: page ${page} (cover, contents or a chapter's first page) has a running header: '${heads[page - 1]}'`);
  }
  const headed = heads.filter((text, i) => !bare.includes(i + 1) && pages[i] !== '');
  check(headed.length > 0 && headed.every((text) => text !== ''), `${label}: ${headed.filter((t) => t === '').length} of ${headed.length} inner pages without running header`);
  // No nearly empty page: a chapter's last page holds more than a line or two.
  const lines = bodyLineCounts(pdf, pageCount);
  lines.forEach((count, i) => {
    if (pages[i] !== '') check(count >= 3, `${label}: page ${i + 1} holds only ${count} line(s)`);
  });

  // The cover: who publishes the edition, who funds it.
  const publisher = config.tables['print.publisher']?.[code];
  const funder = config.tables['footer.funder']?.[code];
  if (check(publisher, `${label}: site.toml has no print.publisher for '${code}'`)) {
    check(pages[0].includes(normalize(publisher)), `${label}: the cover does not name the publisher '${publisher}'`);
  }
  if (check(funder, `${label}: site.toml has no footer.funder for '${code}'`)) {
    check(pages[0].includes(normalize(funder)), `${label}: the cover lacks the funder's credit '${funder}'`);
  }

  // Fonts: embedded, and only the families print.css names for what the edition holds.
  const fonts = pdfFonts(pdf);
  const families = new Set(fonts.map((f) => f.family));
  const required = new Set(['Noto Serif', 'Noto Sans']);
  if (/<(code|pre)[\s>]/.test(body)) required.add('DejaVu Sans Mono');
  const allowed = new Set(required);
  if (/\p{Script=Arabic}/u.test(textOf(body))) ['Noto Naskh Arabic', 'Noto Sans Arabic'].forEach((f) => allowed.add(f));
  check(fonts.every((f) => f.embedded), `${label}: fonts not embedded: ${fonts.filter((f) => !f.embedded).map((f) => f.name).join(', ')}`);
  check([...families].every((f) => allowed.has(f)), `${label}: fonts other than print.css names (a fallback?): ${[...families].filter((f) => !allowed.has(f)).join(', ')}`);
  check([...required].every((f) => families.has(f)), `${label}: missing fonts: ${[...required].filter((f) => !families.has(f)).join(', ')} (has: ${[...families].join(', ')})`);

  // Tagged: a structure tree that screen readers follow, with the edition's headings.
  check(info.Tagged === 'yes', `${label}: not a tagged PDF (pdfinfo: Tagged: ${info.Tagged})`);
  const tags = structureTags(pdf);
  const h2 = tags.filter((t) => t === 'H2').length;
  check(tags[0] === 'Document' && h2 >= chapters.length + 1, `${label}: the structure tree has ${h2} H2 elements for the contents and ${chapters.length} chapters (root: ${tags[0]})`);

  console.log(`${label}: ${pageCount} pages, ${chapters.length} entries at pages ${starts.join(', ')}, ${words.size} accented words, ${bookmarks.length} top-level bookmarks, fonts ${[...families].join(', ')}, tagged with ${tags.length} structure elements`);
}

try {
  for (const language of config.languages) checkLanguage(language);
} catch (e) {
  problems.push(e.message);
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
for (const p of problems) console.log(`problem: ${p}`);
console.log(`pdf: ${tally.checks} checks, ${problems.length} problems`);
process.exit(problems.length ? 1 : 0);
