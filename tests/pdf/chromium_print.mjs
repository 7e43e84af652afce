#!/usr/bin/env node
// chromium_print.mjs <site-dir> [--config site.toml]
//
// Prints each print edition with Chromium's --print-to-pdf (which ignores target-counter(),
// leader() and string()) and checks the result with poppler's tools:
//  - a title, and enough pages for a cover, the contents and one page per chapter;
//  - every chapter starts on a page of its own, in the order of the contents;
//  - the contents list every entry with no page number and no dot leaders;
//  - every entry of the contents is still a link, to the page where its chapter starts.
// Exit status: 0 all good, 1 problems found, 2 usage error.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CHROMIUM_ARGS, readSiteConfig } from '../site/lib/site.mjs';
import { checker, decodeEntities, escapeRegExp, normalize, pageTexts, pdfInfo, readEdition, run } from './lib.mjs';

const USAGE = 'usage: node chromium_print.mjs <site-dir> [--config site.toml]';
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
const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'passerelle-chromium-print-'));

const tally = checker();
const { check, problems } = tally;

function printToPdf(htmlFile, pdf) {
  // A fresh profile each time; the page is a local file, nothing goes to the network.
  const profile = fs.mkdtempSync(path.join(work, 'profile-'));
  run(chromium, [...CHROMIUM_ARGS, `--user-data-dir=${profile}`, '--no-pdf-header-footer',
    `--print-to-pdf=${pdf}`, pathToFileURL(htmlFile).href], { timeout: 90_000, cwd: work });
  if (!fs.existsSync(pdf)) throw new Error(`Chromium wrote no ${pdf}`);
}

// Links on a page, from poppler's XML output: [{ text, page }] where page is the target page,
// one per piece of text (a number, a title, each line of a wrapped title). Unlike pdftotext,
// pdftohtml keeps the characters of ligature glyphs ("aﬀaires" where the font has an ff
// ligature, as DejaVu has): NFKC turns them back into letters, as a reader sees them.
function linksOn(pdf, page) {
  const xml = run('pdftohtml', ['-xml', '-i', '-q', '-stdout', '-f', String(page), '-l', String(page), pdf], { cwd: work });
  return [...xml.matchAll(/<a href="[^"]*#(\d+)">(.*?)<\/a>/gs)].map((m) => ({
    page: Number(m[1]),
    text: normalize(decodeEntities(m[2].replace(/<[^>]*>/g, '')).normalize('NFKC')),
  }));
}

// The text of each link target, its pieces joined in reading order: Map page → text.
function linkTexts(links) {
  const texts = new Map();
  for (const { page, text } of links) texts.set(page, normalize(`${texts.get(page) ?? ''} ${text}`));
  return texts;
}

function checkLanguage({ code, sections }) {
  const edition = readEdition(siteDir, code, sections.guidelines);
  const pdf = path.join(work, `${code}.pdf`);
  printToPdf(edition.editionFile, pdf);
  const label = `${code} (Chromium)`;
  const info = pdfInfo(pdf);
  check(normalize(info.Title ?? '') === normalize(edition.title), `${label}: title '${info.Title}', expected '${edition.title}'`);
  const pages = pageTexts(pdf).map(normalize);
  const entries = edition.entries;
  check(pages.length >= entries.length + 2, `${label}: ${pages.length} pages for a cover, the contents and ${entries.length} chapters`);

  const starts = [];
  let from = 2;
  for (const entry of entries) {
    const opening = new RegExp('^' + escapeRegExp(entry.text).replace(/ /g, '\\s+'));
    const index = pages.findIndex((text, i) => i >= from && opening.test(text));
    if (check(index >= 0, `${label}: no page begins with '${entry.text}'`)) from = index + 1;
    starts.push(index + 1);
  }

  // The contents: every entry in order, nothing between them (no numbers, no leaders).
  const tocPage = 2;
  const expected = entries.map((e) => e.text).join(' ');
  check(pages[tocPage - 1].includes(expected), `${label}: the contents page does not read '${expected}' — page numbers or leaders where Chromium can not compute them?\n    it reads: ${pages[tocPage - 1]}`);
  check(!/\.{4,}|…{2,}/.test(pages[tocPage - 1]), `${label}: dot leaders on the contents page`);

  // Every entry, number and title, whatever the lines it takes, is one link to its chapter.
  const links = linksOn(pdf, tocPage);
  const targets = linkTexts(links);
  entries.forEach((entry, i) => {
    const target = [...targets].find(([, text]) => text === entry.text)?.[0];
    const read = [...targets].map(([page, text]) => `'${text}' → ${page}`).join(', ');
    if (check(target !== undefined, `${label}: '${entry.text}' is not a link in the contents (its links: ${read})`)) {
      check(target === starts[i], `${label}: the contents link '${entry.text}' to page ${target}, it starts on page ${starts[i]}`);
    }
  });
  console.log(`${label}: ${pages.length} pages, ${entries.length} entries at pages ${starts.join(', ')}, ${links.length} links on the contents page`);
}

try {
  for (const language of config.languages) checkLanguage(language);
} catch (e) {
  problems.push(e.message);
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
for (const p of problems) console.log(`problem: ${p}`);
console.log(`chromium print: ${tally.checks} checks, ${problems.length} problems`);
process.exit(problems.length ? 1 : 0);
