import { chromium } from 'playwright-core';
import fs from 'node:fs';
const [out, w, h, ...files] = process.argv.slice(2);
const cells = files.map((f) => `<div style="width:${w}px;height:${h}px;overflow:hidden;display:inline-block;margin:2px;border:1px solid #888"><img src="data:image/png;base64,${fs.readFileSync(f).toString('base64')}" style="width:${w}px"></div>`).join('');
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const p = await (await b.newContext({ viewport: { width: files.length * (+w + 6), height: +h + 6 } })).newPage();
await p.setContent(`<body style="margin:0;white-space:nowrap;background:#ccc">${cells}</body>`);
await p.screenshot({ path: out }); await b.close();
