#!/usr/bin/env node
// print.mjs: the site on paper (issue 22), printed by Chromium to A4 PDFs
// and read back with pdf.js.
//
//   node print.mjs [--service ID] [--png OUT_DIR] SITE_DIR
//
// The brochure of one service (default: the one with the most providers),
// in all four variants, printed with page.pdf (A4, backgrounds on):
//   blocks      every provider block's first text (its name) and last text
//               (its phone) are on the same sheet: no block splits;
//   sheets      the brochure takes at most cover + ceil(providers / per
//               sheet) + rights sheets (PER_SHEET below), so blocks are not
//               each pushed onto a sheet of their own;
//   large       in the large-print variants every printed text is at least
//               16 pt, tables and small print included.
// The large-print comparison of three (the first three columns of the
// service's comparison, chosen in the address as a reader does):
//   large       every text at least 16 pt (a table too wide for its sheet
//               would be printed smaller);
//   width       its text reaches past three quarters of the sheet's width
//               (the page's column used to stop at two thirds);
//   rows        at most ceil(rows / 3) + 2 sheets: three facts a sheet
//               (a narrow label column once made each survey question's
//               row a third of a sheet, 13 sheets for 19 rows).
// The service page, in all four variants:
//   once        the complaints body's web address prints once (its link
//               text is the address, and print adds a link's address);
//   offices     every district office's phone prints (the list is folded
//               on screen, and paper cannot open it);
//   last-sheet  the last sheet holds more than the contact block.
// --png writes each printed sheet as a PNG (for looking, not checking).
// The address words are read from the pages: the brochure is the page with
// provider blocks (.brochure-provider) under the services folder, the
// comparison the page with the [data-compare] table, its query parameter
// that table's data-param. Exit code 1 on any failure.
import { chromium } from 'playwright-core';
import { createReadStream, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic',
  '--no-first-run', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'];
const VARIANTS = ['', 'lettlest/', 'stor-skrift/', 'stor-skrift/lettlest/'];
// The fewest provider blocks a sheet must hold, by print size: a standard
// block is about a quarter of an A4 sheet, a large-print one under a half.
const PER_SHEET = { standard: 3, large: 2 };
// The cover may take two sheets in large print; the rights follow the last
// block, on its sheet or one more.
const COVER_SHEETS = { standard: 1, large: 2 };
const MIN_LARGE_PT = 16;
const TOLERANCE_PT = 0.05;

const argv = process.argv.slice(2);
let service = null, pngDir = null, dir = null;
for (let i = 0; i < argv.length; i++) {
  if (argv[i] === '--service') service = argv[++i];
  else if (argv[i] === '--png') pngDir = argv[++i];
  else dir = path.resolve(argv[i]);
}
if (!dir) {
  console.error('usage: node print.mjs [--service ID] [--png OUT_DIR] SITE_DIR');
  process.exit(2);
}

const TYPES = { '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.webp': 'image/webp' };

function serve(root) {
  const server = createServer((req, res) => {
    let p;
    try { p = decodeURIComponent(new URL(req.url, 'http://x').pathname); } catch { res.writeHead(400); return res.end(); }
    let file = path.join(root, p);
    if (file !== root && !file.startsWith(root + path.sep)) { res.writeHead(403); return res.end(); }
    try { if (statSync(file).isDirectory()) file = path.join(file, 'index.html'); statSync(file); } catch { res.writeHead(404); return res.end(); }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file).toLowerCase()] || 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

// The brochures and comparisons of the site in standard print, by service:
// <services>/<service>/<word>/index.html, told apart by their content.
function findPages(root) {
  const found = {};
  for (const top of readdirSync(root)) {
    if (['lettlest', 'stor-skrift', 'assets', 'data'].includes(top) || !statSync(path.join(root, top)).isDirectory()) continue;
    for (const svc of readdirSync(path.join(root, top))) {
      const svcDir = path.join(root, top, svc);
      if (!statSync(svcDir).isDirectory()) continue;
      for (const word of readdirSync(svcDir)) {
        const file = path.join(svcDir, word, 'index.html');
        let html;
        try { html = readFileSync(file, 'utf8'); } catch { continue; }
        const entry = found[svc] ||= { service: svc };
        if (/class="?brochure-provider[ ">]/.test(html)) {
          entry.brochure = `${top}/${svc}/${word}/`;
          entry.list = `${top}/${svc}/`;
          entry.providers = (html.match(/class="?brochure-provider[ ">]/g) || []).length;
        } else if (/data-compare[ >]/.test(html)) {
          entry.compare = `${top}/${svc}/${word}/`;
        }
      }
    }
  }
  return Object.values(found).filter((e) => e.brochure);
}

// Each sheet's text runs, with their size in points and right edge.
async function readPdf(bytes) {
  const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, verbosity: 0 }).promise;
  const sheets = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const viewport = page.getViewport({ scale: 1 });
    const content = await page.getTextContent();
    const runs = content.items.filter((i) => i.str && i.str.trim()).map((i) => ({
      str: i.str,
      size: Math.hypot(i.transform[2], i.transform[3]),
      right: i.transform[4] + i.width,
    }));
    sheets.push({ width: viewport.width, runs, text: normal(runs.map((r) => r.str).join(' ')) });
  }
  return { doc, sheets };
}

// Text as compared: no soft hyphens or breaks, one space between words.
function normal(s) {
  return s.replace(/\u00ad/g, '').replace(/-\s+/g, '-').replace(/\s+/g, ' ').trim();
}

async function writePngs(doc, name) {
  const { createCanvas } = await import('@napi-rs/canvas');
  mkdirSync(pngDir, { recursive: true });
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const viewport = page.getViewport({ scale: 1.2 });
    const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
    const context = canvas.getContext('2d');
    context.fillStyle = '#fff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    await page.render({ canvasContext: context, viewport, canvas }).promise;
    writeFileSync(path.join(pngDir, `${name}-${n}.png`), canvas.toBuffer('image/png'));
  }
}

const failures = [];
function fail(what, detail) {
  failures.push(`${what}: ${detail}`);
  console.log(`  FAIL ${detail}`);
}

// Where each block's name and phone fall: the name searched from the end
// of the block before, the phone from the end of its name, in the text of
// every sheet in order.
function blockSheets(sheets, blocks) {
  const starts = [];
  let all = '';
  for (const s of sheets) { starts.push(all.length); all += s.text + ' '; }
  const sheetAt = (at) => starts.findLastIndex((s) => s <= at);
  let cursor = 0;
  return blocks.map((b) => {
    const name = all.indexOf(normal(b.name), cursor);
    const phone = name < 0 ? -1 : all.indexOf(normal(b.phone), name + b.name.length);
    cursor = phone < 0 ? cursor : phone;
    return { ...b, nameSheet: name < 0 ? -1 : sheetAt(name) + 1, phoneSheet: phone < 0 ? -1 : sheetAt(phone) + 1 };
  });
}

function checkLarge(what, sheets) {
  const small = sheets.flatMap((s, i) => s.runs.filter((r) => r.size < MIN_LARGE_PT - TOLERANCE_PT).map((r) => ({ ...r, sheet: i + 1 })));
  if (small.length) {
    const sample = small.slice(0, 5).map((r) => `«${r.str.trim()}» ${r.size.toFixed(1)} pt (sheet ${r.sheet})`).join('; ');
    fail(what, `${small.length} text runs under ${MIN_LARGE_PT} pt: ${sample}`);
  }
}

const started = Date.now();
const pages = findPages(dir);
const target = service ? pages.find((p) => p.service === service) : pages.sort((a, b) => b.providers - a.providers)[0];
if (!target) {
  console.error(`print: no brochure found under ${dir}${service ? ` for ${service}` : ''}`);
  process.exit(2);
}
const server = await serve(dir);
const base = `http://127.0.0.1:${server.address().port}/`;
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
const context = await browser.newContext();
const page = await context.newPage();

try {
  for (const variant of VARIANTS) {
    const what = `${variant}${target.brochure}`;
    const large = variant.startsWith('stor-skrift');
    console.log(`== print: ${what}`);
    await page.goto(base + what, { waitUntil: 'load' });
    const blocks = await page.$$eval('.brochure-provider', (els) => els.map((e) => ({
      name: e.querySelector('h3 a').textContent,
      phone: e.querySelector('.brochure-phone').textContent,
    })));
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    const { doc, sheets } = await readPdf(pdf);
    if (pngDir) await writePngs(doc, what.replace(/[^a-z0-9]+/gi, '_'));
    const size = large ? 'large' : 'standard';
    const most = COVER_SHEETS[size] + Math.ceil(blocks.length / PER_SHEET[size]) + 1;
    console.log(`  ${blocks.length} providers on ${sheets.length} sheets (at most ${most})`);
    if (!blocks.length) fail(what, 'no provider blocks');
    if (sheets.length > most) fail(what, `${sheets.length} sheets, more than ${most}`);
    for (const b of blockSheets(sheets, blocks)) {
      if (b.nameSheet < 0 || b.phoneSheet < 0) fail(what, `«${b.name}» or its phone ${b.phone} not found in the PDF's text`);
      else if (b.nameSheet !== b.phoneSheet) fail(what, `«${b.name}» splits: its name on sheet ${b.nameSheet}, its phone on sheet ${b.phoneSheet}`);
    }
    if (large) checkLarge(what, sheets);
  }

  for (const variant of VARIANTS) {
    const what = `${variant}${target.list}`;
    console.log(`== print: ${what}`);
    await page.goto(base + what, { waitUntil: 'load' });
    const { address, contact, offices } = await page.evaluate(() => ({
      address: document.querySelector('.shows-address')?.getAttribute('href'),
      contact: document.querySelector('.service-contact h2')?.textContent,
      // The folded district offices: paper cannot open them.
      offices: [...document.querySelectorAll('details.offices li a[href^="tel:"]')].map((a) => a.textContent),
    }));
    const { sheets } = await readPdf(await page.pdf({ format: 'A4', printBackground: true }));
    console.log(`  ${sheets.length} sheets`);
    if (address) {
      const bare = address.replace(/^https?:\/\/(www\.)?/, '').replace(/\/$/, '');
      const times = sheets.map((x) => x.text.replace(/\s/g, '')).join('').split(bare).length - 1;
      if (times !== 1) fail(what, `the complaints address ${bare} prints ${times} times`);
    }
    const all = sheets.map((x) => x.text.replace(/\s/g, '')).join('');
    for (const phone of offices) {
      if (!all.includes(phone.replace(/\s/g, ''))) fail(what, `the district office's phone ${phone} does not print (a folded list)`);
    }
    if (!contact) fail(what, 'no contact block (.service-contact h2)');
    else if (!(sheets.at(-1).text.indexOf(normal(contact)) > 0)) {
      fail(what, `the last sheet holds only the contact block: «${sheets.at(-1).text.slice(0, 80)}»`);
    }
  }

  if (target.compare) {
    await page.goto(base + 'stor-skrift/' + target.compare, { waitUntil: 'load' });
    const { param, slugs, rows } = await page.$eval('[data-compare]', (t) => ({
      param: t.getAttribute('data-param'),
      rows: t.tBodies[0].rows.length,
      slugs: [...t.tHead.rows[0].cells].map((c) => c.getAttribute('data-provider')).filter(Boolean).slice(0, 3),
    }));
    const what = `stor-skrift/${target.compare}?${slugs.map((s) => `${param}=${s}`).join('&')}`;
    console.log(`== print: ${what}`);
    await page.goto(base + what, { waitUntil: 'load' });
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    const { doc, sheets } = await readPdf(pdf);
    if (pngDir) await writePngs(doc, 'compare-of-three');
    const reach = Math.max(...sheets.flatMap((s) => s.runs.map((r) => r.right / s.width)));
    console.log(`  ${sheets.length} sheets, text reaches ${(reach * 100).toFixed(0)} % of the width`);
    if (reach < 0.75) fail(what, `the text reaches only ${(reach * 100).toFixed(0)} % of the sheet's width`);
    // Three facts a sheet at the least, and the intro and the next step.
    const most = Math.ceil(rows / 3) + 2;
    if (sheets.length > most) fail(what, `${sheets.length} sheets for ${rows} rows, more than ${most}`);
    checkLarge(what, sheets);
  }
} finally {
  await browser.close();
  server.close();
}

const seconds = ((Date.now() - started) / 1000).toFixed(1);
console.log(`print: ${failures.length ? `${failures.length} failed` : 'all passed'} in ${seconds} s`);
process.exit(failures.length ? 1 : 0);
