#!/usr/bin/env node
// serve_load.mjs <passerelle-binary> <site-dir>
//
// `passerelle serve` cannot be starved (issue #13). On a copy of the site and a free loopback
// port, it opens 200 idle live-reload streams (an editor with many tabs) and 50 slow clients:
// 25 that send their request header one byte every 2 s, and 25 that ask for pages, pipelined,
// and never read the answers (each is opened again when the server closes it). Meanwhile 100
// ordinary page requests, one after the other on fresh connections, must each be answered
// correctly within 5 s: a bound for starvation, not a benchmark. Then an edit must still send
// a reload event to the streams of the edited page (and none to a page it did not change), and
// Ctrl+C must stop the server at once with all those connections open. Node's own modules
// only; every loop is bounded; the server is killed whatever happens.
// Exit 0 all good, 1 failure, 2 usage or timeout.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const [binary, siteArg] = process.argv.slice(2);
if (!binary || !siteArg) {
  console.error('usage: node serve_load.mjs <passerelle-binary> <site-dir>');
  process.exit(2);
}

const STREAMS = 200;
const STREAMS_OTHER_PAGE = 20; // of the 200, on a page the edit does not change
const TRICKLING = 25;
const NOT_READING = 25;
const REQUESTS = 100;
const REQUEST_BOUND_MS = 5000;
const PAGE = '/fr/lignes-directrices/preparer-le-retour/';
const OTHER_PAGE = '/fr/annuaire/comune-prova/';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'passerelle-load-'));
const site = path.join(work, 'site');
fs.cpSync(siteArg, site, { recursive: true });
const guideline = path.join(site, 'content/fr/guidelines/retour.md');

let server;
const sockets = new Set();
function cleanup() {
  for (const socket of sockets) socket.destroy();
  if (server && server.exitCode === null && server.signalCode === null) server.kill('SIGKILL');
  fs.rmSync(work, { recursive: true, force: true });
}
process.on('exit', cleanup);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => process.exit(2));
const watchdog = setTimeout(() => {
  console.error('serve load: timed out after 150 s');
  process.exit(2);
}, 150_000);

let passed = 0;
let failed = 0;
function check(name, ok, detail = '') {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${ok || !detail ? '' : `\n     ${detail}`}`);
  if (ok) passed++;
  else failed++;
}
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

server = spawn(binary, ['serve', '--source', site, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
let log = '';
server.stdout.on('data', (d) => (log += d));
server.stderr.on('data', (d) => (log += d));
const exited = new Promise((resolve) => server.on('exit', (code, signal) => resolve({ code, signal })));

let port = 0;
for (let i = 0; i < 300 && !port; i++) {
  const m = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(log);
  if (m) port = Number(m[1]);
  else await sleep(100);
}
if (!port) {
  console.error(`serve did not print its address:\n${log}`);
  process.exit(2);
}

/// One GET on a fresh connection: { status, body, ms } or { error, ms }.
function get(urlPath, timeoutMs = REQUEST_BOUND_MS) {
  const started = performance.now();
  return new Promise((resolve) => {
    const request = http.get({ host: '127.0.0.1', port, path: urlPath, agent: false }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (d) => (body += d));
      response.on('end', () => resolve({ status: response.statusCode, body, ms: performance.now() - started }));
      response.on('error', (error) => resolve({ error: error.message, ms: performance.now() - started }));
    });
    request.setTimeout(timeoutMs, () => request.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    request.on('error', (error) => resolve({ error: error.message, ms: performance.now() - started }));
  });
}

const first = await get(PAGE);
const since = /data-since="([^"]*)"/.exec(first.body ?? '')?.[1];
check('the page is served before the load', first.status === 200 && !!since, JSON.stringify(first).slice(0, 300));

/// A live-reload stream as EventSource opens it, on a raw socket that is never read from
/// by anyone but this collector.
function openStream(page) {
  const stream = { page, data: '', closed: false };
  const socket = net.connect(port, '127.0.0.1', () => {
    socket.write(`GET /_passerelle/events?since=${encodeURIComponent(since)}&page=${encodeURIComponent(page)} HTTP/1.1\r\n` +
      `Host: 127.0.0.1:${port}\r\nAccept: text/event-stream\r\nCache-Control: no-cache\r\n\r\n`);
  });
  socket.setEncoding('utf8');
  socket.on('data', (d) => (stream.data += d));
  socket.on('error', () => {});
  socket.on('close', () => {
    stream.closed = true;
    sockets.delete(socket);
  });
  sockets.add(socket);
  return stream;
}

const streams = [];
for (let i = 0; i < STREAMS; i++) streams.push(openStream(i < STREAMS_OTHER_PAGE ? OTHER_PAGE : PAGE));
const opened = () => streams.filter((s) => /^retry: /m.test(s.data) && !s.closed).length;
for (let i = 0; i < 50 && opened() < STREAMS; i++) await sleep(100);
check(`${STREAMS} live-reload streams are open at once`, opened() === STREAMS, `${opened()} opened`);

// Slow clients, each opened again when the server drops it, until `slow` ends.
let slow = true;
const slowStats = { connections: 0, trickling: 0, notReading: 0 };
function trickle() {
  const header = `GET /fr/ HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUser-Agent: trickle\r\n\r\n`;
  let sent = 0;
  slowStats.connections++;
  const socket = net.connect(port, '127.0.0.1');
  sockets.add(socket);
  const timer = setInterval(() => {
    if (sent < header.length && !socket.destroyed) socket.write(header[sent++]);
  }, 2000);
  socket.on('error', () => {});
  socket.on('data', () => {});
  socket.on('close', () => {
    clearInterval(timer);
    sockets.delete(socket);
    if (slow) {
      slowStats.trickling++;
      setTimeout(trickle, 200);
    }
  });
}
function notReading() {
  slowStats.connections++;
  const request = `GET /sitemap.xml HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`;
  let timer;
  const socket = net.connect(port, '127.0.0.1', () => {
    socket.pause(); // never read: the answers pile up in the kernel's buffers, then the server's
    socket.write(request.repeat(1000));
    // One more request now and then: a paused socket would not notice that the server closed it.
    timer = setInterval(() => socket.write(request), 2000);
  });
  sockets.add(socket);
  socket.on('error', () => {});
  socket.on('close', () => {
    clearInterval(timer);
    sockets.delete(socket);
    if (slow) {
      slowStats.notReading++;
      setTimeout(notReading, 200);
    }
  });
}
for (let i = 0; i < TRICKLING; i++) trickle();
for (let i = 0; i < NOT_READING; i++) notReading();
await sleep(1000); // let them take hold

// Ordinary requests keep being answered, correctly, each within the bound.
const pages = [
  [PAGE, 'Réfléchir.'],
  ['/fr/', '<html'],
  ['/it/', '<html'],
  [OTHER_PAGE, 'Comune di Prova'],
  ['/sitemap.xml', '<urlset'],
];
const latencies = [];
const problems = [];
let inARow = 0;
for (let i = 0; i < REQUESTS; i++) {
  const [urlPath, expected] = pages[i % pages.length];
  const answer = await get(urlPath);
  latencies.push(answer.ms);
  if (answer.error || answer.status !== 200 || !answer.body.includes(expected)) {
    problems.push(`${urlPath}: ${answer.error ?? `${answer.status}, ${answer.body.length} bytes`} after ${Math.round(answer.ms)} ms`);
    if (++inARow === 3) {
      problems.push('three failures in a row: the server is starved, giving up');
      break;
    }
  } else {
    inARow = 0;
  }
  await sleep(150);
}
const sorted = [...latencies].sort((a, b) => a - b);
const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))].toFixed(1);
console.log(`     latencies over ${sorted.length} requests (ms): min ${at(0)}, median ${at(0.5)}, ` +
  `p95 ${at(0.95)}, max ${at(1)}; slow connections opened ${slowStats.connections}, ` +
  `closed by the server: ${slowStats.trickling} trickling, ${slowStats.notReading} not reading`);
check(`${REQUESTS} page requests answered correctly, each within ${REQUEST_BOUND_MS} ms, under load`,
  problems.length === 0 && latencies.length === REQUESTS, problems.slice(0, 5).join('\n     '));
check('the live-reload streams are still open', opened() === STREAMS, `${opened()} of ${STREAMS}`);

// An edit still reaches the streams of the edited page, and no other.
const edited = streams.filter((s) => s.page === PAGE && !s.closed);
const other = streams.filter((s) => s.page === OTHER_PAGE && !s.closed);
const saved = performance.now();
fs.writeFileSync(guideline, fs.readFileSync(guideline, 'utf8').replace('Réfléchir.', 'Réfléchir longuement.'));
const reloaded = () => edited.filter((s) => s.data.includes('event: reload')).length;
let firstReload = 0;
for (let i = 0; i < 100 && reloaded() < edited.length; i++) {
  if (!firstReload && reloaded() > 0) firstReload = performance.now() - saved;
  await sleep(50);
}
if (!firstReload && reloaded() > 0) firstReload = performance.now() - saved;
const allReloaded = performance.now() - saved;
console.log(`     reload: first stream ${firstReload.toFixed(0)} ms after the save, all ${edited.length} within ${allReloaded.toFixed(0)} ms`);
check('an edit sends a reload event to every stream of the edited page', edited.length > 0 && reloaded() === edited.length,
  `${reloaded()} of ${edited.length}`);
const rebuilt = () => /retour\.md changed: rebuilt/.test(log);
for (let i = 0; i < 100 && !rebuilt(); i++) await sleep(50);
await sleep(300);
check('…and none to a page the edit did not change', other.length > 0 && other.every((s) => !s.data.includes('event: reload')));
const after = await get(PAGE);
check('the edited page is served', after.status === 200 && after.body.includes('Réfléchir longuement.'));

// Ctrl+C with every connection still open.
slow = false;
const stopping = performance.now();
server.kill('SIGINT');
const stop = await Promise.race([exited, sleep(5000).then(() => ({ code: 'still running after 5 s' }))]);
check('Ctrl+C stops the server at once, with exit code 0, streams and slow clients open',
  stop.code === 0, `${stop.code} ${stop.signal ?? ''}\n${log.slice(-2000)}`);
console.log(`     stopped in ${(performance.now() - stopping).toFixed(0)} ms`);

clearTimeout(watchdog);
console.log(`serve load: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
