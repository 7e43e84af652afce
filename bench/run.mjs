#!/usr/bin/env node
// run.mjs — build-time benchmark: Passerelle against Hugo on the same content.
//
//   node bench/run.mjs [--sizes small,medium,large] [--runs 5] [--build DIR] [--work DIR]
//                      [--seed N] [--serve-edits 5] [--passerelle BINARY] [--allow-over-budget]
//
// For each size, in one run: writes the corpus (small is the bundled site, the repository
// itself) and its Hugo conversion with build/bench/corpus/passerelle-corpus, then, after one
// warm-up of each, builds Passerelle and Hugo in alternation --runs times, runs Pagefind over
// each Hugo output, and measures the physical baseline (read every input file, write as many
// files of the same sizes as Passerelle's output). Wall time, CPU time (user+sys) and peak
// memory come from GNU time; medians are reported with min and max, because the machine may
// be shared. It then builds a copy of the site into one output after one edit each (a
// guideline, an actor, a vocabulary label: Passerelle's incremental build) with Hugo's full
// rebuild of the same edit beside it. When `passerelle serve` exists, it also measures how long
// serve takes to show an edited guideline and an edited actor. Prints a Markdown table per size and writes
// <work>/results/<size>.md and .json (work: build/bench-runs by default). A benchmark, not a
// test: nothing here asserts a time; it checks two sizes against BUDGETS (peak memory and the
// largest HTML page).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const USAGE = 'usage: node bench/run.mjs [--sizes small,medium,large] [--runs 5] [--build DIR] ' +
  '[--work DIR] [--seed N] [--serve-edits 5] [--passerelle BINARY] [--allow-over-budget]';

const SIZES = {
  small: { label: 'small — the bundled site', generate: null },
  medium: { label: 'medium — 500 guidelines per language, 3,000 actors', generate: 'medium' },
  large: { label: 'large — 2,000 guidelines per language, 10,000 actors', generate: 'large' },
};

// What a build may cost, per size (issue #18): Passerelle's peak memory, and the largest HTML
// page it writes other than the print edition (one document holding every guideline, made for
// print). A run above either is reported as over budget and the harness exits with 1 (after
// writing every result), unless --allow-over-budget.
const BUDGETS = { rss_mb: 300, page_kb: 150 };

// ── Options ───────────────────────────────────────────────────────────────────

function parseOptions(argv) {
  const options = { sizes: ['small', 'medium', 'large'], runs: 5, build: path.join(root, 'build'),
    work: null, seed: 1, serveEdits: 5, passerelle: null, allowOverBudget: false };
  for (let i = 0; i < argv.length; i++) {
    const [name, value] = [argv[i], argv[i + 1]];
    if (name === '--help' || name === '-h') { console.log(USAGE); process.exit(0); }
    if (name === '--allow-over-budget') { options.allowOverBudget = true; continue; }
    if (value === undefined) fail(`missing value after ${name}\n${USAGE}`, 2);
    i++;
    if (name === '--sizes') options.sizes = value.split(',');
    else if (name === '--runs') options.runs = Number(value);
    else if (name === '--build') options.build = path.resolve(value);
    else if (name === '--work') options.work = path.resolve(value);
    else if (name === '--seed') options.seed = Number(value);
    else if (name === '--serve-edits') options.serveEdits = Number(value);
    else if (name === '--passerelle') options.passerelle = path.resolve(value);
    else fail(`unknown option ${name}\n${USAGE}`, 2);
  }
  for (const size of options.sizes) if (!SIZES[size]) fail(`unknown size '${size}' (small, medium, large)`, 2);
  if (!(options.runs >= 1)) fail('--runs must be at least 1', 2);
  options.work ??= path.join(options.build, 'bench-runs');  // build/bench holds passerelle-corpus
  return options;
}

function fail(message, code = 1) {
  console.error(`bench: ${message}`);
  process.exit(code);
}

// ── Running and timing commands ───────────────────────────────────────────────

function run(command, args, { quiet = true } = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (result.status !== 0) {
    fail(`${command} ${args.join(' ')} failed (${result.status ?? result.signal}):\n` +
      `${(result.stderr || result.stdout || '').slice(-4000)}`);
  }
  if (!quiet) process.stdout.write(result.stdout);
  return result.stdout;
}

/// Runs one command under GNU time: wall clock (measured here, in ms precision), user and
/// system CPU seconds, and peak resident memory.
function timed(command, args) {
  // Start from a clean disk: what the previous tool wrote is flushed first, not while this
  // one runs.
  spawnSync('sync');
  const report = path.join(os.tmpdir(), `bench-time-${process.pid}.txt`);
  const started = process.hrtime.bigint();
  const result = spawnSync('/usr/bin/time', ['-f', '%e %U %S %M', '-o', report, command, ...args],
    { encoding: 'utf8', maxBuffer: 1 << 28 });
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0) {
    fail(`${command} ${args.join(' ')} failed (${result.status ?? result.signal}):\n` +
      `${(result.stderr || result.stdout || '').slice(-4000)}`);
  }
  const [, user, sys, rssKb] = fs.readFileSync(report, 'utf8').trim().split('\n').pop().split(' ').map(Number);
  fs.rmSync(report, { force: true });
  return { wall_s: wall, user_s: user, sys_s: sys, cpu_s: user + sys, rss_mb: rssKb / 1024, stdout: result.stdout };
}

function summary(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  return { median, min: sorted[0], max: sorted[sorted.length - 1] };
}

function treeSize(dir) {
  let files = 0;
  let bytes = 0;
  const walk = (folder) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) { files++; bytes += fs.statSync(full).size; }
    }
  };
  if (fs.existsSync(dir)) walk(dir);
  return { files, bytes };
}

// Nothing is deleted while the benchmark measures. On ext4 without a journal (this machine's
// disk), the kernel skips inodes freed in the last minutes when it allocates new ones, and a
// tool that creates tens of thousands of files just after as many were deleted spends most of
// its time in that scan (perf: ext4's recently_deleted, 30-60 s of system time for one large
// Passerelle build instead of 4). Old outputs are moved aside and removed when the run ends.
const trash = { folder: null, count: 0 };

function moveAside(folder) {
  if (!fs.existsSync(folder)) return;
  fs.mkdirSync(trash.folder, { recursive: true });
  fs.renameSync(folder, path.join(trash.folder, String(trash.count++)));
}

function emptyTrash() {
  if (trash.folder) fs.rmSync(trash.folder, { recursive: true, force: true });
}

// ── The machine and the tools ─────────────────────────────────────────────────

function machine() {
  const cpuinfo = fs.readFileSync('/proc/cpuinfo', 'utf8');
  const model = /model name\s*:\s*(.*)/.exec(cpuinfo)?.[1] ?? 'unknown';
  return {
    nproc: Number(run('nproc', []).trim()),
    cpu_model: model,
    memory_total: run('free', ['-h']).split('\n').find((line) => line.startsWith('Mem:'))?.split(/\s+/)[1] ?? '',
    free_h: run('free', ['-h']).trim(),
    kernel: os.release(),
  };
}

function loadAverage() {
  return os.loadavg().map((value) => Number(value.toFixed(2)));
}

function pagefindBinary() {
  const folder = path.join(here, 'node_modules', '@pagefind', `${process.platform}-${process.arch}`, 'bin');
  for (const name of ['pagefind', 'pagefind_extended']) {
    const candidate = path.join(folder, name);
    if (fs.existsSync(candidate)) return candidate;
  }
  return null;
}

function versions(tools, options) {
  // The commit of the checkout tells the binary only when it is the checkout's own build.
  const git = spawnSync('git', ['-C', root, 'describe', '--always', '--dirty'], { encoding: 'utf8' });
  const commit = options.passerelle ? `binary ${options.passerelle}`
    : git.status === 0 ? git.stdout.trim() : 'unknown';
  return {
    passerelle: run(tools.passerelle, ['--version']).trim(),
    passerelle_commit: commit,
    passerelle_build_type: /CMAKE_BUILD_TYPE:STRING=(.*)/.exec(
      fs.readFileSync(path.join(tools.build, 'CMakeCache.txt'), 'utf8'))?.[1] ?? 'unknown',
    hugo: run('hugo', ['version']).trim().split(' ').slice(0, 2).join(' '),
    pagefind: tools.pagefind ? run(tools.pagefind, ['--version']).trim() : 'not installed',
    node: process.version,
  };
}

function hasServe(passerelle) {
  const help = spawnSync(passerelle, ['serve', '--help'], { encoding: 'utf8' });
  return help.status === 0 ? help.stdout : null;
}

// ── One size ─────────────────────────────────────────────────────────────────

function prepare(size, options, tools) {
  const folder = path.join(options.work, size);
  fs.mkdirSync(folder, { recursive: true });
  let site = root;
  if (SIZES[size].generate) {
    site = path.join(folder, 'site');
    moveAside(site);
    run(tools.corpus, ['generate', '--size', SIZES[size].generate, '--seed', String(options.seed), '--out', site]);
  }
  const hugo = path.join(folder, 'hugo');
  moveAside(hugo);
  run(tools.corpus, ['hugo', site, hugo]);
  // What a Passerelle build reads: the settings, the content, the directory and the theme.
  const inputs = ['site.toml', 'content', 'directory-data'].map((part) => path.join(site, part))
    .concat(path.join(root, 'themes', 'default'));
  return { folder, site, hugo, inputs };
}

function commands(paths, tools) {
  const out = (name) => path.join(paths.folder, name);
  return {
    passerelle: () => {
      // A full build starts without the site's caches (the search index's counts, the photos'
      // variants), as on a fresh checkout; Hugo's resources/_gen is not in its folder either.
      moveAside(out('out-passerelle'));
      moveAside(path.join(paths.site, '.passerelle-cache'));
      return timed(tools.passerelle, ['build', '--source', paths.site, '--out', out('out-passerelle')]);
    },
    hugo: () => {
      moveAside(out('out-hugo'));
      return timed('hugo', ['--quiet', '-s', paths.hugo, '-d', out('out-hugo')]);
    },
    pagefind: () => timed(tools.pagefind, ['--site', out('out-hugo'), '--quiet']),
    baseline: () => {
      moveAside(out('out-baseline'));
      const measure = timed(tools.corpus, ['baseline', '--like', out('out-passerelle'), '--out',
        out('out-baseline'), ...paths.inputs]);
      const inner = JSON.parse(measure.stdout);
      // The baseline's wall time is its own read + write time (its listing of the reference
      // output and process start-up are not part of what a generator must do).
      return { ...measure, process_wall_s: measure.wall_s, wall_s: (inner.read_ms + inner.write_ms) / 1000, detail: inner };
    },
  };
}

async function measureSize(size, options, tools) {
  console.error(`\n[${size}] preparing the corpus and its Hugo conversion…`);
  const paths = prepare(size, options, tools);
  const run_ = commands(paths, tools);
  const load_start = loadAverage();
  console.error(`[${size}] warm-up`);
  run_.passerelle(); run_.hugo(); if (tools.pagefind) run_.pagefind(); run_.baseline();
  const samples = { passerelle: [], hugo: [], pagefind: [], hugo_pagefind: [], baseline: [] };
  for (let i = 0; i < options.runs; i++) {
    // Alternate which tool goes first, so that a drift in the machine's load hits both.
    const order = i % 2 === 0 ? ['passerelle', 'hugo'] : ['hugo', 'passerelle'];
    for (const tool of order) {
      if (tool === 'passerelle') {
        samples.passerelle.push(run_.passerelle());
      } else {
        const hugo = run_.hugo();
        samples.hugo.push(hugo);
        if (tools.pagefind) {
          const pagefind = run_.pagefind();
          samples.pagefind.push(pagefind);
          samples.hugo_pagefind.push({ wall_s: hugo.wall_s + pagefind.wall_s, cpu_s: hugo.cpu_s + pagefind.cpu_s,
            rss_mb: Math.max(hugo.rss_mb, pagefind.rss_mb) });
        }
      }
    }
    samples.baseline.push(run_.baseline());
    const last = (tool) => samples[tool].at(-1)?.wall_s.toFixed(2);
    console.error(`[${size}] run ${i + 1}/${options.runs}: passerelle ${last('passerelle')} s, hugo ${last('hugo')} s` +
      `${tools.pagefind ? `, pagefind ${last('pagefind')} s` : ''}, baseline ${last('baseline')} s`);
  }
  const outputs = {
    input: treeSize(paths.site === root ? path.join(root, 'content') : paths.site),
    passerelle: treeSize(path.join(paths.folder, 'out-passerelle')),
    hugo: treeSize(path.join(paths.folder, 'out-hugo')),
    pagefind: treeSize(path.join(paths.folder, 'out-hugo', 'pagefind')),
  };
  if (paths.site === root) {
    const records = treeSize(path.join(root, 'directory-data'));
    outputs.input = { files: outputs.input.files + records.files + 1, bytes: outputs.input.bytes + records.bytes };
  }
  // The search index, when the build writes one: the search section of a language
  // (site.toml's `search` slug), or a file named after search at the root.
  const sections = siteSections(path.join(paths.site, 'site.toml'));
  const outPasserelle = path.join(paths.folder, 'out-passerelle');
  const searchIndex = fs.existsSync(path.join(outPasserelle, sections.language, sections.search)) ||
    fs.readdirSync(outPasserelle).some((name) => /search/i.test(name));
  console.error(`[${size}] incremental builds after one edit`);
  const incremental = measureIncremental(paths, tools);
  const serve = !tools.serveHelp ? { skipped: 'passerelle serve is not in this binary' } :
    options.serveEdits < 1 ? { skipped: '--serve-edits 0' } : await measureServe(paths, tools, options);
  const stats = {};
  for (const [tool, list] of Object.entries(samples)) {
    if (!list.length) continue;
    stats[tool] = { wall_s: summary(list.map((s) => s.wall_s)), cpu_s: summary(list.map((s) => s.cpu_s)),
      rss_mb: summary(list.map((s) => s.rss_mb)) };
  }
  const largest_page = largestPage(outPasserelle, sections.print);
  const budgets = budgetChecks(stats, largest_page);
  const ratio = (a, b, field) => stats[a] && stats[b] ? stats[a][field].median / stats[b][field].median : null;
  return {
    size, label: SIZES[size].label, runs: options.runs, seed: SIZES[size].generate ? options.seed : null,
    load_average: { start: load_start, end: loadAverage() },
    search_index_in_passerelle_output: searchIndex,
    outputs, stats, largest_page, budgets,
    ratios: {
      passerelle_over_hugo: { wall: ratio('passerelle', 'hugo', 'wall_s'), cpu: ratio('passerelle', 'hugo', 'cpu_s'),
        memory: ratio('passerelle', 'hugo', 'rss_mb') },
      passerelle_over_hugo_pagefind: { wall: ratio('passerelle', 'hugo_pagefind', 'wall_s'),
        cpu: ratio('passerelle', 'hugo_pagefind', 'cpu_s') },
      passerelle_over_baseline: { wall: ratio('passerelle', 'baseline', 'wall_s') },
    },
    incremental,
    serve,
    samples: Object.fromEntries(Object.entries(samples).map(([tool, list]) =>
      [tool, list.map(({ stdout, ...rest }) => rest)])),
    commands: {
      passerelle: `passerelle build --source ${display(paths.site)} --out ${display(path.join(paths.folder, 'out-passerelle'))}`,
      hugo: `hugo --quiet -s ${display(paths.hugo)} -d ${display(path.join(paths.folder, 'out-hugo'))}`,
      pagefind: `pagefind --site ${display(path.join(paths.folder, 'out-hugo'))} --quiet`,
      baseline: `passerelle-corpus baseline --like ${display(path.join(paths.folder, 'out-passerelle'))} ` +
        `--out ${display(path.join(paths.folder, 'out-baseline'))} ${paths.inputs.map(display).join(' ')}`,
    },
  };
}

/// Paths relative to the repository, so that reports name no folder of this machine.
function display(file) {
  const relative = path.relative(root, file);
  return relative === '' ? '.' : relative;
}

// ── Incremental builds: one edit, then a build into the same output ────────────

/// The three edits of issue #18, each applied to a site folder: a sentence appended to the
/// first guideline of the first language, a word put at the start of the first actor's
/// description, and the first vocabulary label changed (which renders everything).
function incrementalEdits(sections) {
  const first = (folder, suffix) => fs.readdirSync(folder).filter((f) => f.endsWith(suffix) && f !== '_index.md').sort()[0];
  return [
    { name: 'one guideline\'s text', apply: (site) => {
      const folder = path.join(site, 'content', sections.language, 'guidelines');
      fs.appendFileSync(path.join(folder, first(folder, '.md')), '\n\nUne phrase ajoutée pour mesurer.\n');
    } },
    { name: 'one actor\'s description', apply: (site) => {
      const folder = path.join(site, 'directory-data', 'actors');
      const file = path.join(folder, first(folder, '.toml'));
      const record = fs.readFileSync(file, 'utf8');
      const edited = record.replace(new RegExp(`^${sections.language} = """\\n`, 'm'), (opening) => `${opening}Mesure. `);
      if (edited === record) fail(`bench: no ${sections.language} description in ${file}`);
      fs.writeFileSync(file, edited);
    } },
    { name: 'one vocabulary label', apply: (site) => {
      const file = path.join(site, 'directory-data', 'vocabulary.toml');
      const text = fs.readFileSync(file, 'utf8');
      const edited = text.replace(/label = "([^"]*)"/, (_, label) => `label = "${label} bis"`);
      if (edited === text) fail(`bench: no label in ${file}`);
      fs.writeFileSync(file, edited);
    } },
  ];
}

/// Builds a copy of the site into one output, as an editor does: a first build, a build with
/// nothing changed, then each edit followed by a build (Passerelle keeps what the edit did not
/// touch). Hugo, which has no incremental build (its issue #5602), builds its conversion of the
/// same edited copy into its existing output; the conversion itself is not timed.
function measureIncremental(paths, tools) {
  const copy = path.join(paths.folder, 'incremental-site');
  moveAside(copy);
  for (const part of ['site.toml', 'content', 'directory-data']) {
    fs.cpSync(path.join(paths.site, part), path.join(copy, part), { recursive: true });
  }
  const out = path.join(paths.folder, 'out-incremental');
  const hugoSite = path.join(paths.folder, 'incremental-hugo');
  const hugoOut = path.join(paths.folder, 'out-incremental-hugo');
  for (const folder of [out, path.join(paths.folder, '.out-incremental.previous'),
    path.join(paths.folder, '.out-incremental.manifests'), hugoOut]) moveAside(folder);
  const passerelle = () => {
    const measure = timed(tools.passerelle, ['build', '--json', '--source', copy, '--out', out]);
    let kept = null;
    try { kept = JSON.parse(measure.stdout).kept_files ?? null; } catch { /* an older binary */ }
    const { stdout, ...rest } = measure;
    return { ...rest, kept_files: kept };
  };
  const hugo = () => {
    moveAside(hugoSite);
    run(tools.corpus, ['hugo', copy, hugoSite]);
    return (({ stdout, ...rest }) => rest)(timed('hugo', ['--quiet', '-s', hugoSite, '-d', hugoOut]));
  };
  const rows = [];
  rows.push({ name: 'first build', passerelle: passerelle(), hugo: hugo() });
  passerelle();  // the generation before last gets its manifest too: from now on both have one
  rows.push({ name: 'nothing changed', passerelle: passerelle(), hugo: hugo() });
  for (const edit of incrementalEdits(siteSections(path.join(copy, 'site.toml')))) {
    edit.apply(copy);
    rows.push({ name: edit.name, passerelle: passerelle(), hugo: hugo() });
  }
  return rows;
}

// ── serve: edit one file, wait until the served page shows it ─────────────────

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function fetchText(url) {
  return new Promise((resolve) => {
    const request = http.get(url, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk) => { body += chunk; });
      response.on('end', () => resolve({ status: response.statusCode, body }));
    });
    request.on('error', () => resolve({ status: 0, body: '' }));
    request.setTimeout(5000, () => { request.destroy(); });
  });
}

async function waitFor(check, timeoutMs) {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  return false;
}

/// The largest HTML file below `dir`, the print editions left out: a file below a folder named
/// after one of `printSlugs` (site.toml's `print = "…"` of each language), volumes included.
function largestPage(dir, printSlugs) {
  let largest = { path: '', bytes: 0 };
  const walk = (folder, relative) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      const rel = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!printSlugs.includes(entry.name)) walk(full, rel);
      } else if (entry.isFile() && entry.name.endsWith('.html')) {
        const bytes = fs.statSync(full).size;
        if (bytes > largest.bytes) largest = { path: rel, bytes };
      }
    }
  };
  if (fs.existsSync(dir)) walk(dir, '');
  return largest;
}

/// What a size's figures say against BUDGETS: one line per budget, and whether it is over.
function budgetChecks(stats, largest) {
  const checks = [];
  if (stats.passerelle) {
    const rss = stats.passerelle.rss_mb.max;
    checks.push({ name: 'peak memory', value: `${Math.round(rss)} MB (largest of the runs)`,
      budget: `${BUDGETS.rss_mb} MB`, over: rss > BUDGETS.rss_mb });
  }
  checks.push({ name: 'largest HTML page (print edition left out)',
    value: `${largest.path || '–'}, ${(largest.bytes / 1024).toFixed(1)} KB`,
    budget: `${BUDGETS.page_kb} KB`, over: largest.bytes > BUDGETS.page_kb * 1024 });
  return checks;
}

/// The section slugs and the first language of a site.toml (enough of TOML for this file).
function siteSections(siteToml) {
  const text = fs.readFileSync(siteToml, 'utf8');
  return {
    language: /code\s*=\s*"([^"]+)"/.exec(text)[1],
    guidelines: /guidelines\s*=\s*"([^"]+)"/.exec(text)[1],
    directory: /directory\s*=\s*"([^"]+)"/.exec(text)[1],
    search: /search\s*=\s*"([^"]+)"/.exec(text)?.[1] ?? 'search',
    print: [...text.matchAll(/^\s*print\s*=\s*"([^"]+)"/gm)].map((match) => match[1]),
  };
}

async function measureServe(paths, tools, options) {
  if (!/--port/.test(tools.serveHelp)) return { skipped: 'passerelle serve has no --port option' };
  // Work on a copy, so that the edits never touch the corpus (or the repository).
  const copy = path.join(paths.folder, 'serve-site');
  moveAside(copy);
  for (const part of ['site.toml', 'content', 'directory-data']) {
    fs.cpSync(path.join(paths.site, part), path.join(copy, part), { recursive: true });
  }
  const sections = siteSections(path.join(copy, 'site.toml'));
  const guidelinesDir = path.join(copy, 'content', sections.language, 'guidelines');
  const guidelineFile = fs.readdirSync(guidelinesDir).filter((f) => f.endsWith('.md') && f !== '_index.md').sort()[0];
  const guidelineText = fs.readFileSync(path.join(guidelinesDir, guidelineFile), 'utf8');
  const slug = /^slug\s*=\s*"([^"]+)"/m.exec(guidelineText)?.[1] ?? guidelineFile.replace(/\.md$/, '');
  const actorsDir = path.join(copy, 'directory-data', 'actors');
  const actorFile = fs.readdirSync(actorsDir).filter((f) => f.endsWith('.toml')).sort()[0];
  const actorId = actorFile.replace(/\.toml$/, '');

  const port = await freePort();
  const server = spawn(tools.passerelle, ['serve', '--source', copy, '--port', String(port)],
    { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  server.stdout.on('data', (chunk) => { log += chunk; });
  server.stderr.on('data', (chunk) => { log += chunk; });
  const base = `http://127.0.0.1:${port}/${sections.language}/`;
  const guidelineUrl = `${base}${sections.guidelines}/${slug}/`;
  const actorUrl = `${base}${sections.directory}/${actorId}/`;
  try {
    const startedAt = Date.now();
    if (!await waitFor(async () => (await fetchText(guidelineUrl)).status === 200, 600000)) {
      return { skipped: `serve did not answer ${guidelineUrl} within 10 minutes`, log: log.slice(-2000) };
    }
    const firstBuildS = (Date.now() - startedAt) / 1000;
    const edits = { guideline: [], actor: [] };
    // The complete rebuild serve runs in the background after each edit, as it logs it
    // ("rebuilt … in N ms"): each edit waits for it, so that the next one does not cancel it.
    const rebuilds = { guideline: [], actor: [] };
    const rebuildTimes = () => [...log.matchAll(/rebuilt [^\n]* in (\d+) ms/g)].map((m) => Number(m[1]));
    const waitForRebuild = async (kind, before) => {
      if (await waitFor(async () => rebuildTimes().length > before, 120000)) {
        rebuilds[kind].push(rebuildTimes()[before]);
      }
    };
    for (let i = 0; i < options.serveEdits; i++) {
      const marker = `Bench${process.pid}x${i}`;
      // A guideline: one more sentence at the end of its body.
      let before = rebuildTimes().length;
      fs.appendFileSync(path.join(guidelinesDir, guidelineFile), `\n\n${marker}.\n`);
      let started = process.hrtime.bigint();
      if (!await waitFor(async () => (await fetchText(guidelineUrl)).body.includes(marker), 60000)) {
        return { skipped: 'serve did not show an edited guideline within 60 s', log: log.slice(-2000) };
      }
      edits.guideline.push(Number(process.hrtime.bigint() - started) / 1e6);
      await waitForRebuild('guideline', before);
      // An actor: the marker at the start of its description in the first language.
      const actorPath = path.join(actorsDir, actorFile);
      const record = fs.readFileSync(actorPath, 'utf8');
      const edited = record.replace(new RegExp(`^${sections.language} = """\\n`, 'm'),
        (opening) => `${opening}${marker} `);
      if (edited === record) return { skipped: `cannot find the ${sections.language} description of ${actorFile}` };
      before = rebuildTimes().length;
      fs.writeFileSync(actorPath, edited);
      started = process.hrtime.bigint();
      if (!await waitFor(async () => (await fetchText(actorUrl)).body.includes(marker), 60000)) {
        return { skipped: 'serve did not show an edited actor within 60 s', log: log.slice(-2000) };
      }
      edits.actor.push(Number(process.hrtime.bigint() - started) / 1e6);
      await waitForRebuild('actor', before);
    }
    return {
      first_build_s: firstBuildS,
      guideline_ms: summary(edits.guideline), actor_ms: summary(edits.actor),
      samples: edits,
      rebuild_ms: {
        guideline: rebuilds.guideline.length ? summary(rebuilds.guideline) : null,
        actor: rebuilds.actor.length ? summary(rebuilds.actor) : null,
      },
      rebuild_samples: rebuilds,
      method: 'time from writing the file to the first HTTP answer that contains the edit (polled every 2 ms)',
      log_tail: log.slice(-1000),
    };
  } finally {
    server.kill('SIGTERM');
    await new Promise((resolve) => { if (server.exitCode !== null) resolve(); else server.on('exit', resolve); });
  }
}

// ── Reports ───────────────────────────────────────────────────────────────────

const seconds = (value) => value < 10 ? value.toFixed(2) : value.toFixed(1);
const megabytes = (bytes) => (bytes / 1048576).toFixed(1);
const times = (value) => value === null ? '–' : `${value.toFixed(2)}×`;

function markdown(result, info) {
  const s = result.stats;
  const row = (name, stat) => stat
    ? `| ${name} | ${seconds(stat.wall_s.median)} | ${seconds(stat.wall_s.min)}–${seconds(stat.wall_s.max)} | ` +
      `${seconds(stat.cpu_s.median)} | ${seconds(stat.cpu_s.min)}–${seconds(stat.cpu_s.max)} | ` +
      `${Math.round(stat.rss_mb.median)} |`
    : `| ${name} | – | – | – | – | – |`;
  const o = result.outputs;
  const lines = [
    `### ${result.label}`,
    '',
    `${result.runs} runs after one warm-up, in alternation; load average ${result.load_average.start.join(' ')} at the start, ` +
      `${result.load_average.end.join(' ')} at the end. Input: ${o.input.files} files, ${megabytes(o.input.bytes)} MB. ` +
      `Output: Passerelle ${o.passerelle.files} files, ${megabytes(o.passerelle.bytes)} MB; ` +
      `Hugo ${o.hugo.files - o.pagefind.files} files, ${megabytes(o.hugo.bytes - o.pagefind.bytes)} MB; ` +
      `Pagefind index ${o.pagefind.files} files, ${megabytes(o.pagefind.bytes)} MB.`,
    '',
    '| | wall, median (s) | wall, min–max | CPU user+sys, median (s) | CPU, min–max | peak RSS, median (MB) |',
    '|---|---:|---:|---:|---:|---:|',
    row(`Passerelle ${info.versions.passerelle_commit}${result.search_index_in_passerelle_output ? ' (with search index)' : ' (no search index)'}`, s.passerelle),
    row(`Hugo ${info.versions.hugo.replace(/^hugo /, '')}`, s.hugo),
    row('Pagefind over Hugo\'s output', s.pagefind),
    row('Hugo + Pagefind', s.hugo_pagefind),
    row('physical baseline (read inputs, write output-sized files)', s.baseline),
    '',
    `Passerelle / Hugo: wall ${times(result.ratios.passerelle_over_hugo.wall)}, CPU ${times(result.ratios.passerelle_over_hugo.cpu)}, ` +
      `peak memory ${times(result.ratios.passerelle_over_hugo.memory)}. ` +
      `Passerelle / (Hugo + Pagefind): wall ${times(result.ratios.passerelle_over_hugo_pagefind.wall)}, ` +
      `CPU ${times(result.ratios.passerelle_over_hugo_pagefind.cpu)}. ` +
      `Passerelle / physical baseline: wall ${times(result.ratios.passerelle_over_baseline.wall)}.`,
    '',
  ];
  lines.push('| budget | measured | limit | |', '|---|---|---:|---|');
  for (const check of result.budgets) {
    lines.push(`| ${check.name} | ${check.value} | ${check.budget} | ${check.over ? '**over budget**' : 'ok'} |`);
  }
  lines.push('');
  lines.push('Builds into the same output after one edit (one run each; Hugo rebuilds everything):', '',
    '| build | Passerelle wall (s) | CPU (s) | peak RSS (MB) | files kept | Hugo wall (s) | Hugo CPU (s) | Hugo peak RSS (MB) |',
    '|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const row of result.incremental) {
    const p = row.passerelle;
    const h = row.hugo;
    lines.push(`| ${row.name} | ${seconds(p.wall_s)} | ${seconds(p.cpu_s)} | ${Math.round(p.rss_mb)} | ` +
      `${p.kept_files ?? '–'} | ${seconds(h.wall_s)} | ${seconds(h.cpu_s)} | ${Math.round(h.rss_mb)} |`);
  }
  lines.push('');
  if (result.serve.skipped) {
    lines.push(`serve: not measured (${result.serve.skipped}).`, '');
  } else {
    const sv = result.serve;
    lines.push(`serve (first build ${seconds(sv.first_build_s)} s): edit → page served, median (min–max) over ` +
      `${sv.samples.guideline.length} edits: guideline ${Math.round(sv.guideline_ms.median)} ms ` +
      `(${Math.round(sv.guideline_ms.min)}–${Math.round(sv.guideline_ms.max)}), actor ${Math.round(sv.actor_ms.median)} ms ` +
      `(${Math.round(sv.actor_ms.min)}–${Math.round(sv.actor_ms.max)}).`);
    const rebuild = (name, stat) => stat
      ? `${name} ${seconds(stat.median / 1000)} s (${seconds(stat.min / 1000)}–${seconds(stat.max / 1000)})`
      : `${name} not logged`;
    lines.push(`serve's complete rebuild in the background after the edit, as it logs it: ` +
      `${rebuild('guideline', sv.rebuild_ms?.guideline)}, ${rebuild('actor', sv.rebuild_ms?.actor)}.`, '');
  }
  return lines.join('\n');
}

// ── Main ──────────────────────────────────────────────────────────────────────

const options = parseOptions(process.argv.slice(2));
const tools = {
  build: options.build,
  passerelle: options.passerelle ?? path.join(options.build, 'passerelle'),
  corpus: path.join(options.build, 'bench', 'corpus', 'passerelle-corpus'),
  pagefind: pagefindBinary(),
};
for (const [name, file] of [['passerelle', tools.passerelle], ['passerelle-corpus', tools.corpus]]) {
  if (!fs.existsSync(file)) fail(`${name} is not built in ${options.build}: cmake -S . -B ${options.build} -DPASSERELLE_BENCH=ON && cmake --build ${options.build}`);
}
if (spawnSync('hugo', ['version']).status !== 0) fail('hugo is not installed: scripts/dependencies.sh bench');
if (!fs.existsSync('/usr/bin/time')) fail('GNU time is not installed: scripts/dependencies.sh bench');
if (!tools.pagefind) console.error('bench: Pagefind is not installed (cd bench && npm ci): Hugo + Pagefind is not measured');
tools.serveHelp = hasServe(tools.passerelle);
const info = { machine: machine(), versions: versions(tools, options) };
if (info.versions.passerelle_build_type !== 'Release') {
  console.error(`bench: warning: ${options.build} is a ${info.versions.passerelle_build_type} build; ` +
    'configure with -DCMAKE_BUILD_TYPE=Release for figures worth comparing');
}
trash.folder = path.join(options.work, 'trash');
if (fs.existsSync(trash.folder)) {
  console.error('bench: removing what an interrupted run left in trash/ (the first runs may be slower)');
  emptyTrash();
}
const results = path.join(options.work, 'results');
fs.mkdirSync(results, { recursive: true });
console.log(`Machine: ${info.machine.nproc} cores (${info.machine.cpu_model}), ${info.machine.memory_total} RAM; ` +
  `${info.versions.passerelle} (${info.versions.passerelle_commit}, ${info.versions.passerelle_build_type}), ` +
  `${info.versions.hugo}, ${info.versions.pagefind}.\n`);
const overBudget = [];
for (const size of options.sizes) {
  const result = await measureSize(size, options, tools);
  for (const check of result.budgets) {
    if (check.over) overBudget.push(`${size}: ${check.name} ${check.value}, over ${check.budget}`);
  }
  const text = markdown(result, info);
  console.log(text);
  fs.writeFileSync(path.join(results, `${size}.md`), `${text}\n`);
  fs.writeFileSync(path.join(results, `${size}.json`), `${JSON.stringify({ ...info, ...result }, null, 2)}\n`);
}
console.error('bench: removing the outputs moved aside');
emptyTrash();
console.error(`\nbench: results in ${display(results)}/`);
if (overBudget.length) {
  console.error(`bench: over budget:\n  ${overBudget.join('\n  ')}`);
  if (!options.allowOverBudget) process.exitCode = 1;
}
