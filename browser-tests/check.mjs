#!/usr/bin/env node
// check.mjs: accessibility of a built site, proven in a real browser.
//
//   node check.mjs [--json FILE] [--jobs N] [--tabs N] [--no-vnu] SITE_DIR
//
// For every *.html file under SITE_DIR (all four variants of a brukervalg
// site live in one output folder) it checks:
//   axe       zero axe-core violations (WCAG 2.0/2.1 A and AA, plus the
//             experimental td-has-header rule) in a 1280x800 window;
//   vnu       zero errors from the Nu Html Checker (one run on the folder);
//   reflow    no sideways scrolling at 320 CSS px (WCAG 1.4.10) and on a
//             360 px phone, with <meta name=viewport> present;
//   skip-link the first Tab from a fresh load focuses a link to <main>, and
//             the link is visible while focused;
//   focus     each of the first N (default 15) elements reached with Tab has
//             a visible focus indicator (outline >= 2 px or a box-shadow that
//             differs from the unfocused state).
// Pages are served by a small static server on 127.0.0.1 (a free port);
// other hosts do not resolve, so nothing leaves the machine.
//
// Prints one line per page, a summary and, last, "N passed, N failed".
// Exit: 0 = every page passed, 1 = a page failed, 2 = the checker broke (or
// ran longer than $BROWSER_TESTS_TIMEOUT seconds, default 1200).
import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { createServer } from 'node:http';
import { spawn } from 'node:child_process';
import { createReadStream, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const HERE = path.dirname(fileURLToPath(import.meta.url));
// The top-level axe-core (pinned in package.json), not the older copy that
// @axe-core/playwright bundles.
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const AXE_VERSION = require('axe-core/package.json').version;
const VNU_JAR = path.join(HERE, 'node_modules', 'vnu-jar', 'build', 'dist', 'vnu.jar');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
// Flags Debian's Chromium needs on a closed network; the resolver rule makes
// every host except our own server fail at once instead of timing out.
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic',
  '--no-first-run', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'];
const REFLOW_VIEWS = [
  { name: '320px', viewport: { width: 320, height: 640 }, deviceScaleFactor: 1, isMobile: false, hasTouch: false },
  { name: '360px phone', viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
  // Pages must work with JavaScript off: the script only enhances, and the
  // page without it (closed filter panel, all providers compared) must
  // reflow too.
  { name: '320px without JavaScript', viewport: { width: 320, height: 640 }, deviceScaleFactor: 1, isMobile: false, hasTouch: false, javaScriptEnabled: false },
];
const DESKTOP = { viewport: { width: 1280, height: 800 } };
const NAV_TIMEOUT = 30_000;

// ---------------------------------------------------------------- arguments
function usage(msg) {
  if (msg) console.error(`check.mjs: ${msg}`);
  console.error('usage: node check.mjs [--json FILE] [--jobs N] [--tabs N] [--no-vnu] SITE_DIR');
  process.exit(2);
}
const opts = { json: null, jobs: Number(process.env.BROWSER_TESTS_JOBS || 2), tabs: 15, vnu: true, dir: null };
{
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--json') opts.json = argv[++i];
    else if (a === '--jobs') opts.jobs = Number(argv[++i]);
    else if (a === '--tabs') opts.tabs = Number(argv[++i]);
    else if (a === '--no-vnu') opts.vnu = false;
    else if (a === '-h' || a === '--help') usage();
    else if (a.startsWith('-')) usage(`unknown option ${a}`);
    else if (opts.dir) usage('give one SITE_DIR');
    else opts.dir = path.resolve(a);
  }
  if (!opts.dir) usage('no SITE_DIR');
  if (!(opts.jobs >= 1) || !(opts.tabs >= 1)) usage('--jobs and --tabs take a number >= 1');
  try { if (!statSync(opts.dir).isDirectory()) usage(`${opts.dir} is not a folder`); }
  catch { usage(`${opts.dir} does not exist`); }
}

// ------------------------------------------------------------ site and server
function htmlFiles(dir, rel = '') {
  const out = [];
  for (const e of readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) { if (e.name !== 'node_modules') out.push(...htmlFiles(dir, r)); }
    else if (e.isFile() && /\.html?$/i.test(e.name)) out.push(r);
  }
  return out.sort();
}
// dir/index.html is checked at dir/, the address readers use.
const urlPath = (rel) => '/' + rel.split('/').map(encodeURIComponent).join('/').replace(/(^|\/)index\.html$/, '$1');

const TYPES = { '.html': 'text/html; charset=utf-8', '.htm': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json', '.xml': 'application/xml', '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg',
  '.gif': 'image/gif', '.webp': 'image/webp', '.avif': 'image/avif', '.ico': 'image/x-icon',
  '.woff': 'font/woff', '.woff2': 'font/woff2', '.pdf': 'application/pdf' };

function serve(root) {
  const server = createServer((req, res) => {
    const send = (status, body, headers = {}) => { res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...headers }); res.end(body); };
    let p;
    try { p = decodeURIComponent(new URL(req.url, 'http://x').pathname); } catch { return send(400, 'bad request'); }
    const file = path.join(root, p);
    if (file !== root && !file.startsWith(root + path.sep)) return send(403, 'forbidden');
    let st;
    try { st = statSync(file); } catch { return send(404, 'not found'); }
    let target = file;
    if (st.isDirectory()) {
      if (!p.endsWith('/')) return send(301, '', { location: req.url.replace(/^([^?#]*)/, '$1/') });
      target = path.join(file, 'index.html');
      try { st = statSync(target); } catch { return send(404, 'not found'); }
    }
    if (!st.isFile()) return send(404, 'not found');
    res.writeHead(200, { 'content-type': TYPES[path.extname(target).toLowerCase()] || 'application/octet-stream',
      'content-length': st.size, 'cache-control': 'no-store' });
    if (req.method === 'HEAD') return res.end();
    createReadStream(target).pipe(res);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(server)); // port 0: a free port
  });
}

// ----------------------------------------------------------------------- vnu
// Errors only; any output or a non-zero exit is a failure. Lines that name a
// file are given to that page; anything else fails the run as a whole.
function runVnu(dir) {
  return new Promise((resolve) => {
    const args = ['-Xss8m', '-XX:TieredStopAtLevel=1', '-jar', VNU_JAR, '--skip-non-html', '--errors-only', dir];
    const child = spawn('java', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => { out += d; });
    child.stderr.on('data', (d) => { out += d; });
    child.on('error', (e) => resolve({ code: -1, out: `cannot run java: ${e.message}` }));
    child.on('close', (code) => resolve({ code, out }));
  });
}
function vnuByFile(dir, out) {
  const byFile = new Map(), other = [];
  for (const line of out.split('\n').map((l) => l.trimEnd()).filter(Boolean)) {
    const m = /^"(file:[^"]+)":(.*)$/.exec(line);
    if (m) {
      const rel = path.relative(dir, fileURLToPath(m[1])).split(path.sep).join('/');
      if (!byFile.has(rel)) byFile.set(rel, []);
      byFile.get(rel).push(`line ${m[2].trim()}`);
    } else other.push(line);
  }
  return { byFile, other };
}

// ------------------------------------------------------------ in-page probes
// These run inside the page (page.evaluate), so they must be self-contained.

// A short, readable name for an element: tag#id.class "text".
function describeInPage() {
  window.__bt_describe = (el) => {
    if (!el || el.nodeType !== 1) return String(el);
    let s = el.tagName.toLowerCase();
    if (el.id) s += `#${el.id}`;
    for (const c of el.classList) s += `.${c}`;
    const href = el.getAttribute('href');
    if (href !== null) s += `[href="${href.length > 60 ? href.slice(0, 57) + '...' : href}"]`;
    const text = (el.innerText || el.getAttribute('aria-label') || el.value || '').replace(/\s+/g, ' ').trim();
    if (text) s += ` "${text.length > 40 ? text.slice(0, 37) + '...' : text}"`;
    return s;
  };
}

function reflowProbe() {
  const doc = document.documentElement;
  const iw = window.innerWidth;
  const r = { scrollWidth: doc.scrollWidth, innerWidth: iw,
    meta: !!document.querySelector('meta[name="viewport" i]'), culprits: [] };
  if (r.scrollWidth > iw) {
    // The outermost elements that stick out on the right (overflow on the left
    // of a left-to-right page cannot be scrolled to), leaving out those inside
    // their own scrolling or clipping box.
    const clipped = (el) => {
      for (let a = el.parentElement; a && a !== document.body && a !== doc; a = a.parentElement)
        if (getComputedStyle(a).overflowX !== 'visible') return true;
      return false;
    };
    const sticks = (el) => { const b = el.getBoundingClientRect(); return b.width > 0 && b.right > iw + 0.5; };
    for (const el of document.body.querySelectorAll('*')) {
      if (!sticks(el) || clipped(el)) continue;
      if (el.parentElement && el.parentElement !== document.body && sticks(el.parentElement)) continue;
      const b = el.getBoundingClientRect();
      r.culprits.push(`${window.__bt_describe(el)} (${Math.round(b.left)}..${Math.round(b.right)} px)`);
      if (r.culprits.length >= 3) break;
    }
    if (!r.culprits.length) {
      // No box sticks out, so content does (a long word, <pre>): name the
      // innermost elements whose content runs past the right edge.
      const spills = (el) => { const b = el.getBoundingClientRect(); return el.scrollWidth > el.clientWidth + 1
        && getComputedStyle(el).overflowX === 'visible' && b.left + el.scrollWidth > iw + 0.5; };
      for (const el of document.body.querySelectorAll('*')) {
        if (!spills(el) || clipped(el) || [...el.children].some(spills)) continue;
        const b = el.getBoundingClientRect();
        r.culprits.push(`${window.__bt_describe(el)} (content ${Math.round(b.left)}..${Math.round(b.left + el.scrollWidth)} px)`);
        if (r.culprits.length >= 3) break;
      }
    }
  }
  return r;
}

// Before any key is pressed: remember every element's unfocused outline and
// shadow, to compare with its focused state later.
function focusBaseline() {
  const base = new Map();
  for (const el of document.querySelectorAll('*')) {
    const s = getComputedStyle(el);
    base.set(el, { outlineStyle: s.outlineStyle, outlineWidth: s.outlineWidth, outlineColor: s.outlineColor, boxShadow: s.boxShadow });
  }
  window.__bt_base = base;
  window.__bt_seen = new Set();
}

// After a Tab: what has focus, and does it show?
function focusProbe(first) {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return { end: true };
  if (window.__bt_seen.has(el)) return { end: true, cycled: true };
  window.__bt_seen.add(el);
  const px = (v) => parseFloat(v) || 0;
  const opaque = (c) => { const m = /rgba?\(([^)]*)\)/.exec(c); if (!m) return c !== 'transparent'; const p = m[1].split(/[ ,/]+/).filter(Boolean); return p.length < 4 || parseFloat(p[3]) > 0; };
  const s = getComputedStyle(el);
  const now = { outlineStyle: s.outlineStyle, outlineWidth: s.outlineWidth, outlineColor: s.outlineColor, boxShadow: s.boxShadow };
  const before = window.__bt_base.get(el) || { outlineStyle: 'none', outlineWidth: '0px', outlineColor: '', boxShadow: 'none' };
  const outline = now.outlineStyle !== 'none' && now.outlineStyle !== 'hidden' && px(now.outlineWidth) >= 2 && opaque(now.outlineColor)
    && (now.outlineStyle !== before.outlineStyle || now.outlineWidth !== before.outlineWidth || now.outlineColor !== before.outlineColor);
  const shadow = now.boxShadow !== 'none' && now.boxShadow !== before.boxShadow;
  const r = { end: false, desc: window.__bt_describe(el), visible: outline || shadow,
    style: `outline ${now.outlineStyle} ${now.outlineWidth}, box-shadow ${now.boxShadow}` };
  if (first) {
    const main = document.querySelector('main, [role="main"]');
    const href = el.getAttribute('href');
    let target = null;
    if (href && href.startsWith('#') && href.length > 1) {
      try { target = document.getElementById(decodeURIComponent(href.slice(1))); } catch { target = null; }
    }
    const b = el.getBoundingClientRect();
    const cx = b.left + b.width / 2, cy = b.top + b.height / 2;
    const inView = b.width > 1 && b.height > 1 && b.left >= 0 && b.top >= 0 && b.right <= window.innerWidth && b.bottom <= window.innerHeight;
    const hit = inView ? document.elementFromPoint(cx, cy) : null;
    r.skip = {
      isLink: el.tagName === 'A', href, main: !!main,
      toMain: !!target && !!main && target === main,
      box: `${Math.round(b.left)},${Math.round(b.top)} ${Math.round(b.width)}x${Math.round(b.height)} in ${window.innerWidth}x${window.innerHeight}`,
      inView,
      shown: s.visibility === 'visible' && px(s.opacity) > 0 && s.clip !== 'rect(0px, 0px, 0px, 0px)'
        && !/inset\(50%\)|circle\(0/.test(s.clipPath) && !!hit && (hit === el || el.contains(hit)),
    };
  }
  return r;
}

// ------------------------------------------------------------------- checks
async function load(page, url) {
  const resp = await page.goto(url, { waitUntil: 'load', timeout: NAV_TIMEOUT });
  if (!resp) throw new Error(`no response for ${url}`);
  if (resp.status() >= 400) throw new Error(`HTTP ${resp.status()} for ${url}`);
  await page.evaluate(describeInPage);
}

async function checkAxe(page, url, fail) {
  await load(page, url);
  // AxeBuilder.options() replaces withTags(): runOnly and rules go together.
  // Legacy mode runs axe.run() in the page itself; the default opens a blank
  // page per call to finish the run, which triples the time on 2 cores and
  // only matters for cross-origin frames (the site has none).
  const res = await new AxeBuilder({ page, axeSource: AXE_SOURCE }).options({
    runOnly: { type: 'tag', values: TAGS },
    rules: { 'td-has-header': { enabled: true } },
  }).setLegacyMode(true).analyze();
  for (const v of res.violations) {
    const nodes = v.nodes.slice(0, 5).map((n) => {
      const why = [...n.any, ...n.all, ...n.none].map((c) => c.message).filter(Boolean)[0];
      return `${n.target.join(' ')}${why ? ` (${why})` : ''}`;
    });
    fail('axe', `${v.id} [${v.impact}] ${v.help}: ${v.nodes.length} node(s): ${nodes.join('; ')}${v.nodes.length > 5 ? '; ...' : ''}`);
  }
  return res.passes.length;
}

async function checkReflow(page, view, url, fail) {
  await load(page, url);
  const r = await page.evaluate(reflowProbe);
  const at = `at ${view.name} (${view.viewport.width}x${view.viewport.height})`;
  if (!r.meta) fail('reflow', `no <meta name=viewport>; ${at} the page cannot reflow`);
  if (r.scrollWidth > r.innerWidth)
    fail('reflow', `sideways scrolling ${at}: scrollWidth ${r.scrollWidth} > innerWidth ${r.innerWidth}${r.culprits.length ? `; too wide: ${r.culprits.join('; ')}` : ''}`);
  else if (r.innerWidth > view.viewport.width)
    fail('reflow', `layout viewport grew to ${r.innerWidth} px ${at} (content too wide or no meta viewport)`);
}

async function checkKeyboard(page, url, tabs, fail) {
  await load(page, url);
  await page.evaluate(focusBaseline);
  let count = 0;
  const unseen = [];
  for (let i = 0; i < tabs; i++) {
    await page.keyboard.press('Tab');
    let r = await page.evaluate(focusProbe, i === 0);
    if (i === 0) {
      if (r.end) { fail('skip-link', 'the first Tab focuses nothing on the page'); break; }
      const k = r.skip;
      if (!k.isLink || !k.toMain) {
        fail('skip-link', `the first Tab focuses ${r.desc}, not a link to <main>${k.main ? '' : ' (the page has no <main>)'}`
          + (k.isLink && k.href ? ` (its href ${k.href} does not point at the main element)` : ''));
      } else if (!k.inView || !k.shown) {
        // Give a CSS transition time to bring it in before calling it hidden.
        await page.waitForTimeout(500);
        await page.evaluate(() => window.__bt_seen.clear());
        r = await page.evaluate(focusProbe, true);
        if (!r.skip.inView || !r.skip.shown)
          fail('skip-link', `the skip link ${r.desc} is not visible when focused (box ${r.skip.box}${r.skip.inView ? ', covered or clipped' : ''})`);
      }
    }
    if (r.end) break;
    count++;
    if (!r.visible) unseen.push(`Tab stop ${i + 1}, ${r.desc} (${r.style})`);
  }
  // One line each for the first three; a broken global style fails them all.
  for (const u of unseen.slice(0, 3)) fail('focus', `no visible focus indicator on ${u}`);
  if (unseen.length > 3) fail('focus', `no visible focus indicator on ${unseen.length - 3} more of the first ${count} Tab stops`);
  return count;
}

// --------------------------------------------------------------------- main
const t0 = performance.now();
// A hung browser must not hang CI: give up after BROWSER_TESTS_TIMEOUT seconds.
const LIMIT = Number(process.env.BROWSER_TESTS_TIMEOUT || 1200);
setTimeout(() => { console.error(`check.mjs: gave up after ${LIMIT} s`); process.exit(2); }, LIMIT * 1000).unref();
const secs = (t) => ((performance.now() - t) / 1000).toFixed(1);
const files = htmlFiles(opts.dir);
if (!files.length) { console.error(`check.mjs: no HTML files under ${opts.dir}`); process.exit(2); }
const pages = files.map((file) => ({ file, path: urlPath(file), failures: [] }));
const byFile = new Map(pages.map((p) => [p.file, p]));
const runFailures = [];
let server, browser;

try {
  console.log(`Checking ${pages.length} page(s) in ${opts.dir}`);
  if (opts.vnu) {
    const tv = performance.now();
    const v = await runVnu(opts.dir);
    const { byFile: errs, other } = vnuByFile(opts.dir, v.out);
    for (const [rel, lines] of errs) {
      const p = byFile.get(rel);
      if (p) for (const l of lines) p.failures.push({ check: 'vnu', message: l });
      else runFailures.push(...lines.map((l) => `vnu: ${rel}: ${l}`));
    }
    for (const l of other) runFailures.push(`vnu: ${l}`);
    if (v.code !== 0 && !errs.size && !other.length) runFailures.push(`vnu: exited with code ${v.code} and no message`);
    console.log(`Nu Html Checker: ${v.code === 0 && !v.out.trim() ? 'no errors' : `${[...errs.values()].flat().length + other.length} message(s), exit ${v.code}`} (${secs(tv)} s)`);
  }

  server = await serve(opts.dir);
  const origin = `http://127.0.0.1:${server.address().port}`;
  const tl = performance.now();
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  console.log(`Chromium ${browser.version()} (${secs(tl)} s), axe-core ${AXE_VERSION}, ${opts.jobs} job(s), server ${origin}`);

  // One context per viewport, reused for every page; each job has its own tab
  // in each context.
  const desktop = await browser.newContext(DESKTOP);
  const reflowContexts = [];
  for (const v of REFLOW_VIEWS) reflowContexts.push({ view: v, context: await browser.newContext({
    viewport: v.viewport, deviceScaleFactor: v.deviceScaleFactor, isMobile: v.isMobile, hasTouch: v.hasTouch,
    javaScriptEnabled: v.javaScriptEnabled ?? true }) });
  // A missing style sheet or image would make every other check meaningless.
  const watch = (tab, state) => {
    tab.on('response', (r) => { if (r.status() >= 400 && r.url().startsWith(origin) && state.page && r.request().resourceType() !== 'document') state.page.failures.push({ check: 'load', message: `HTTP ${r.status()} for ${r.url().slice(origin.length)}` }); });
  };

  let next = 0, done = 0;
  const worker = async () => {
    const state = { page: null };
    const desk = await desktop.newPage();
    watch(desk, state);
    const reflowTabs = [];
    for (const rc of reflowContexts) reflowTabs.push({ view: rc.view, tab: await rc.context.newPage() });
    while (next < pages.length) {
      const p = pages[next++];
      state.page = p;
      const url = origin + p.path;
      const fail = (check, message) => p.failures.push({ check, message });
      const tp = performance.now();
      try {
        p.axePasses = await checkAxe(desk, url, fail);
        state.page = null; // subresources are checked once, at the desktop load
        for (const { view, tab } of reflowTabs) await checkReflow(tab, view, url, fail);
        p.tabStops = await checkKeyboard(desk, url, opts.tabs, fail);
      } catch (e) {
        fail('error', String(e.message || e).split('\n')[0]);
      }
      state.page = null;
      done++;
      const checks = [...new Set(p.failures.map((f) => f.check))];
      console.log(`${p.failures.length ? 'FAIL' : 'ok  '} ${p.path}${p.failures.length ? `  (${checks.join(', ')})` : ''}  [${secs(tp)} s, ${done}/${pages.length}]`);
      for (const f of p.failures) console.log(`       ${f.check}: ${f.message}`);
    }
  };
  await Promise.all(Array.from({ length: Math.min(opts.jobs, pages.length) }, worker));
} catch (e) {
  console.error(`check.mjs: ${e.stack || e}`);
  if (browser) await browser.close().catch(() => {});
  if (server) server.close();
  process.exit(2);
}
await browser.close();
server.close();

// ------------------------------------------------------------------ summary
const failed = pages.filter((p) => p.failures.length);
const counts = {};
for (const p of failed) for (const c of new Set(p.failures.map((f) => f.check))) counts[c] = (counts[c] || 0) + 1;
const variants = {};
for (const p of pages) {
  const v = p.path.startsWith('/stor-skrift/lettlest/') ? 'stor-skrift/lettlest' : p.path.startsWith('/stor-skrift/') ? 'stor-skrift'
    : p.path.startsWith('/lettlest/') ? 'lettlest' : 'standard';
  variants[v] ??= { pages: 0, failed: 0 };
  variants[v].pages++;
  if (p.failures.length) variants[v].failed++;
}
console.log('\nSummary');
console.log(`  pages: ${pages.length} (${Object.entries(variants).map(([v, n]) => `${v} ${n.pages}${n.failed ? `, ${n.failed} failed` : ''}`).join('; ')})`);
console.log(`  pages failing each check: ${Object.keys(counts).length ? Object.entries(counts).map(([c, n]) => `${c} ${n}`).join(', ') : 'none'}`);
for (const f of runFailures) console.log(`  FAIL ${f}`);
console.log(`  time: ${secs(t0)} s`);
if (opts.json) writeFileSync(opts.json, JSON.stringify({ dir: opts.dir, pages, runFailures }, null, 2));
console.log(`${pages.length - failed.length} passed, ${failed.length} failed`);
process.exit(failed.length || runFailures.length ? 1 : 0);
