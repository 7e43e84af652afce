#!/usr/bin/env node
// footnotes.mjs <passerelle-binary> <fixture-site>
//
// Footnotes in the PDFs: the fixture site (tests/fixtures/site-small) is copied without its
// theme override of print.css, so that the bundled print.css is used, and `passerelle pdf`
// makes its PDFs. In each language, the page of the PDF that holds a sentence calling a note
// must end with that note's text (numbered, before the page number), and the note's text must
// not be inside the sentence.
// Exit status: 0 all good, 1 problems found, 2 usage error.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pageTexts, run } from './lib.mjs';

const [binary, fixture] = process.argv.slice(2);
if (!binary || !fixture) {
  console.error('usage: node footnotes.mjs <passerelle-binary> <fixture-site>');
  process.exit(2);
}
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'passerelle-footnotes-'));
const site = path.join(work, 'site');
fs.cpSync(fixture, site, { recursive: true });
fs.rmSync(path.join(site, 'themes/default/static/css/print.css'));
const out = path.join(work, 'public');
run(binary, ['pdf', '--source', site, '--out', out], { timeout: 300_000 });

// What the fixture's guidelines say (content/<lang>/guidelines/retour.md).
const cases = [
  { pdf: 'fr/lignes-directrices/lignes-directrices-fr.pdf', call: 'Le plan tient sur une page',
    notes: ['1. Une page recto verso suffit, voir le budget', '2. Surtout pour un premier prêt.'] },
  { pdf: 'it/linee-guida/linee-guida-it.pdf', call: 'Il piano sta in una pagina',
    notes: ['1. Basta un foglio fronte e retro.'] },
];
const problems = [];
for (const { pdf, call, notes } of cases) {
  const pages = pageTexts(path.join(out, pdf)).map((page) =>
    page.split('\n').map((line) => line.trim()).filter((line) => line !== ''));
  const at = pages.findIndex((lines) => lines.some((line) => line.includes(call)));
  if (at < 0) {
    problems.push(`${pdf}: no page says '${call}'`);
    continue;
  }
  const lines = pages[at];
  const callLine = lines.find((line) => line.includes(call));
  if (!callLine.includes(`${call}1`)) problems.push(`${pdf}: '${callLine}' has no call 1 after '${call}'`);
  // The notes are the last lines of the page, before its number.
  const tail = lines.slice(-1 - notes.length, -1);
  notes.forEach((note, i) => {
    if (!(tail[i] ?? '').startsWith(note)) {
      problems.push(`${pdf}, page ${at + 1}: expected '${note}' at the foot of the page, found '${tail[i]}'`);
    }
    const inline = note.slice(3, 20);
    if (callLine.includes(inline)) problems.push(`${pdf}: the note '${inline}…' is inside the text`);
  });
  if (!/^\d+$/.test(lines[lines.length - 1])) problems.push(`${pdf}, page ${at + 1}: does not end with its number`);
}
fs.rmSync(work, { recursive: true, force: true });
for (const problem of problems) console.error(problem);
console.log(problems.length ? `${problems.length} problem(s)` : 'footnotes: every note at the foot of its page');
process.exit(problems.length ? 1 : 0);
