// Shared helpers of the PDF checks: reading a print edition's HTML, running poppler's tools,
// and comparing text the way a reader sees it. No dependencies besides Node and poppler-utils.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const NAMED = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

export function decodeEntities(s) {
  return s.replace(/&(#[xX][0-9a-fA-F]+|#[0-9]+|[A-Za-z]+);/g, (m, ref) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return String.fromCodePoint(code);
    }
    return NAMED[ref] ?? m;
  });
}

// Text as compared: NFC, every kind of space (no-break, narrow no-break…) as one plain space.
export function normalize(s) {
  return s.normalize('NFC').replace(/[\s\u00a0\u202f\u2009]+/gu, ' ').trim();
}

export function textOf(html) {
  return normalize(decodeEntities(html.replace(/<[^>]*>/g, ' ')));
}

export function escapeRegExp(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// Runs a program with an argument vector (no shell) and a time limit; returns its stdout.
export function run(program, args, { timeout = 120_000, cwd } = {}) {
  try {
    return execFileSync(program, args, { encoding: 'utf8', timeout, cwd, maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    if (e.code === 'ENOENT') {
      throw new Error(`${program} is not installed (Debian: apt-get install ${program.startsWith('pdf') ? 'poppler-utils' : program})`);
    }
    throw new Error(`${program} ${args.join(' ')} failed: ${e.message.split('\n')[0]}\n${e.stderr ?? ''}`);
  }
}

// The text of each page (pdftotext puts a form feed after every page).
export function pageTexts(pdf) {
  const text = run('pdftotext', ['-enc', 'UTF-8', pdf, '-']);
  const pages = text.split('\f');
  if (pages.length && pages[pages.length - 1].trim() === '') pages.pop();
  return pages;
}

export function pdfInfo(pdf) {
  const info = {};
  for (const line of run('pdfinfo', ['-isodates', pdf]).split('\n')) {
    const m = /^([A-Za-z ]+):\s*(.*)$/.exec(line);
    if (m) info[m[1].trim()] = m[2].trim();
  }
  return info;
}

// The print edition of one language, read from the built site: where it is (linked from the
// guidelines index), its title, language, table of contents and chapters.
export function readEdition(siteDir, lang, guidelinesSlug) {
  const indexFile = path.join(siteDir, lang, guidelinesSlug, 'index.html');
  const index = fs.readFileSync(indexFile, 'utf8');
  const links = /<p class="print-links">(.*?)<\/p>/s.exec(index);
  if (!links) throw new Error(`${indexFile}: no link to the print edition`);
  const hrefs = [...links[1].matchAll(/href="([^"]*)"/g)].map((m) => decodeEntities(m[1]));
  const editionHref = hrefs.find((h) => !h.endsWith('.pdf'));
  const pdfHref = hrefs.find((h) => h.endsWith('.pdf')) ?? null;
  const editionFile = path.join(siteDir, lang, guidelinesSlug, editionHref.replace(/#.*$/, ''), 'index.html');
  const html = fs.readFileSync(editionFile, 'utf8');
  const title = decodeEntities(/<title>(.*?)<\/title>/s.exec(html)[1]);
  const htmlLang = /<html[^>]*\slang="([^"]+)"/.exec(html)[1];
  const toc = /<nav class="edition-toc"[^>]*>(.*?)<\/nav>/s.exec(html)[1];
  const entries = [...toc.matchAll(/<a href="#([^"]+)">(.*?)<\/a>/gs)].map((m) => {
    const id = decodeEntities(m[1]);
    const target = new RegExp(`<(h[1-6])[^>]*\\sid="${escapeRegExp(m[1])}"[^>]*>(.*?)</\\1>`, 's').exec(html);
    if (!target) throw new Error(`${editionFile}: the contents link to #${id}, which is no heading`);
    return { id, text: textOf(m[2]), heading: textOf(target[2]) };
  });
  return {
    editionFile,
    pdfFile: pdfHref ? path.join(siteDir, lang, guidelinesSlug, pdfHref) : null,
    html,
    title,
    lang: htmlLang,
    entries,
  };
}

// Top-level outline (bookmark) entries, from poppler's XML output: [{ title, page }].
export function outline(pdf, workDir) {
  const xml = run('pdftohtml', ['-xml', '-i', '-q', '-stdout', pdf], { cwd: workDir });
  const start = xml.indexOf('<outline>');
  if (start < 0) return [];
  const items = [];
  let depth = 0;
  for (const m of xml.slice(start).matchAll(/<(\/?)outline>|<item page="(\d+)">(.*?)<\/item>/gs)) {
    if (m[0] === '<outline>') depth++;
    else if (m[0] === '</outline>') depth--;
    else if (depth === 1) items.push({ title: normalize(decodeEntities(m[3])), page: Number(m[2]) });
  }
  return items;
}

// The text in the top margin of each page, where running headers stand (print.css: 24 mm, the
// headers' baseline 4 mm above the body; 62 pt is below them and above the body's first line).
export function topMarginTexts(pdf, pageCount) {
  const texts = [];
  for (let page = 1; page <= pageCount; page++) {
    const text = run('pdftotext', ['-enc', 'UTF-8', '-f', String(page), '-l', String(page), '-x', '0', '-y', '0', '-W', '1000', '-H', '62', pdf, '-']);
    texts.push(normalize(text.replace(/\f/g, '')));
  }
  return texts;
}

// How many lines of text each page holds below its top margin (62 pt) and above its bottom one
// (the page number, below 782 pt on A4): what a chapter leaves on its last page.
export function bodyLineCounts(pdf, pageCount) {
  const counts = [];
  for (let page = 1; page <= pageCount; page++) {
    const text = run('pdftotext', ['-enc', 'UTF-8', '-f', String(page), '-l', String(page), '-x', '0', '-y', '62', '-W', '1000', '-H', '720', pdf, '-']);
    counts.push(text.split('\n').filter((line) => line.replace(/\f/g, '').trim() !== '').length);
  }
  return counts;
}

// The fonts of a PDF (pdffonts): [{ name, family, embedded }], the family without the subset
// prefix and style ("ABCDEF+Noto-Sans-BoldItalic" → "Noto Sans").
export function pdfFonts(pdf) {
  const lines = run('pdffonts', [pdf]).split('\n').slice(2).filter((l) => l.trim());
  return lines.map((line) => {
    const name = line.split(/\s+/)[0];
    const family = name.replace(/^[A-Z]{6}\+/, '')
      .replace(/-(Regular|Bold|Italic|BoldItalic|SemiBold|SemiBoldItalic|Medium|Oblique|BoldOblique)$/, '')
      .replace(/-/g, ' ');
    // The columns after the encoding: emb sub uni object ID.
    const embedded = line.trim().split(/\s+/).slice(-5)[0] === 'yes';
    return { name, family, embedded };
  });
}

// The tags of a tagged PDF's structure tree (pdfinfo -struct), one per element: ['Document', 'H1', …].
export function structureTags(pdf) {
  return run('pdfinfo', ['-struct', pdf]).split('\n').map((l) => l.trim().split(/\s+/)[0]).filter(Boolean);
}

/// The tally of a checking script: check(ok, message) counts a check and keeps the message of
/// one that failed; returns ok.
export function checker() {
  const tally = { checks: 0, problems: [] };
  tally.check = (ok, message) => {
    tally.checks++;
    if (!ok) tally.problems.push(message);
    return ok;
  };
  return tally;
}
