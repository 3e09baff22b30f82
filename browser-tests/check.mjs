#!/usr/bin/env node
// check.mjs: accessibility and layout of a built site, proven in a real
// browser.
//
//   node check.mjs [--json FILE] [--jobs N] [--tabs N] [--no-vnu] [--axe-all]
//                  [--school-service ID]... [--services WORD] [--compare WORD]
//                  [--only REGEX] SITE_DIR
//
// --only checks just the pages whose address matches REGEX (while working
// on a page); vnu still reads the whole folder.
//
// For every *.html file under SITE_DIR (all four variants of a brukervalg
// site live in one output folder) it checks:
//   axe          zero axe-core violations (WCAG 2.0/2.1 A and AA, plus the
//                experimental td-has-header rule): every page at 1280x800
//                with JavaScript; a sample (the first page of each kind in
//                each variant, or every page with --axe-all) also on a 360 px
//                phone and at 320 px with JavaScript off;
//   vnu          zero errors from the Nu Html Checker (one run on the folder);
//   reflow       no sideways scrolling at 320, 360 (phone), 768, 1024, 1280
//                and 1440 px, and at 320 px without JavaScript, with
//                <meta name=viewport> present and innerWidth the intended
//                width (one load per context; the desktop tab is resized to
//                1440, 1024, 768 and 320 px);
//   first-screen on a 360x740 phone the <h1> starts within the first 740 px;
//   home-services on a 360x740 phone, on the home page (and any page with the
//                home page's ul.service-links) every service the page links
//                to has a link starting within the first screen (top < 740
//                px; two screens in large print, top < 1480 px); a home page
//                without ul.service-links fails (issue 22);
//   provider-phone on a 360x740 phone, on a provider page in standard print
//                (not large print) its first phone link (a[href^="tel:"] in
//                <main>) starts within 1.5 screens (top < 1110 px);
//   chart-text   no SVG text renders below 12 CSS px at 320, 360 and 1280 px
//                (computed font size times the text's on-screen scale);
//   selection    with JavaScript off no page promises a selection it cannot
//                make: no form submits chosen providers to the static
//                comparison page, and the comparison page (also opened with
//                ?valgt=a&valgt=b) has no checked box, no "valgte" wording
//                and no visible control that only works with a script;
//   school-words the pages of a school service use no home-care words
//                (HOME_CARE_WORDS below);
//   filters      with JavaScript, on a service page each filter value chosen
//                in the script's select shows the same providers, and says
//                the same count, as the pre-built page for that value; on a
//                pre-built filter page the select shows that page's value
//                (markup assumed: filterMarkup() below);
//   skip-link    the first Tab from a fresh load focuses a link to <main>, and
//                the link is visible while focused;
//   focus        each of the first N (default 15) elements reached with Tab has
//                a visible focus indicator (outline >= 2 px or a box-shadow that
//                differs from the unfocused state): the first on every page,
//                all N on the sample pages (the header repeats on the rest);
//   load         no style sheet, script or image the page loads answers 404;
//   menus, focus-hidden, forced-colors, text-spacing, names, tables, cls:
//                what assistive technology and the reader's own settings
//                meet (WCAG 2.2 AA, issue 27): see access.mjs's header;
//   words        on the pages of choosing (isWordPage below), at 1280, 320
//                and 360 px and on the comparison of three: no word broken
//                mid-word, no number split, no text at a letter or two per
//                line (issue 22): see words.mjs's header.
// School services are those whose providers have school facts in
// SITE_DIR/data/providers.json, or those named with --school-service.
// The address words follow the site's language (tjenester/sammenlign in
// bokmål, tenester/samanlikn in nynorsk): the services folder is read from
// the providers' urls in that file, the side-by-side folder from the page
// that has the [data-compare] table, the side-by-side query parameter from
// that table's data-param; --services and --compare name them instead.
// Pages are served by a small static server on 127.0.0.1 (a free port);
// other hosts do not resolve, so nothing leaves the machine.
//
// Prints one line per page, a summary and, last, "N passed, N failed".
// Exit: 0 = every page passed, 1 = a page failed, 2 = the checker broke (or
// ran longer than $BROWSER_TESTS_TIMEOUT seconds, default 1200).
import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { checkCls, checkFocusHidden, focusCovered, checkForcedColors, checkMenus, checkNames, checkTables, checkTextSpacing, checkTicks } from './access.mjs';
import { checkWords } from './words.mjs';
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
// One browser context per way of viewing; the other desktop widths and 320 px
// reuse the desktop tab by resizing it, as a reader dragging a window does.
const DESKTOP = { name: '1280px', viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, isMobile: false, hasTouch: false };
const WIDER = [1440, 1024, 768];
const NARROW = { name: '320px', viewport: { width: 320, height: 640 }, deviceScaleFactor: 1, isMobile: false, hasTouch: false };
const PHONE = { name: '360px phone', viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
// Pages must work with JavaScript off: the script only enhances, and the
// page without it (closed filter panel, all providers compared) must
// reflow and be accessible too.
const NO_JS = { name: '320px without JavaScript', viewport: { width: 320, height: 640 }, deviceScaleFactor: 1, isMobile: false, hasTouch: false, javaScriptEnabled: false };
// WCAG has no minimum text size, but 12 CSS px is the smallest size the
// site promises for chart text (issue 9: chart labels at ~7.7 px on a phone).
const MIN_CHART_TEXT_PX = 12;
const FIRST_SCREEN_PX = 740;
// Issue 22: a link to every service within the home page's first screen
// (two in large print); a provider's phone within 1.5 screens.
const HOME_SERVICES_PX = { standard: FIRST_SCREEN_PX, large: 2 * FIRST_SCREEN_PX };
const PROVIDER_PHONE_PX = 1.5 * FIRST_SCREEN_PX;

// Words that describe home care and must not appear on a school's pages
// (issue 9 item 7: a school has pupils, a catchment area, "bytte skole";
// no "provider", "user" or notice period). bokmål and nynorsk, lower case;
// a trailing * matches any ending (leverandør* = leverandøren,
// leverandørar, ...). Bare "bruker"/"brukar" is left out on purpose: it is
// also the verb "uses" ("skolen bruker nettbrett").
const HOME_CARE_WORDS = [
  'leverandør*',                                   // nb and nn: provider
  'oppsigelsestid*', 'oppseiingstid*',             // notice period
  'hjemmetjenest*', 'heimetenest*',                // home services
  'hjemmesykepleie*', 'heimesjukepleie*',          // home nursing
  'hjemmehjelp*', 'heimehjelp*',                   // home help
  'praktisk bistand',                              // practical help
  'brukeren', 'brukere', 'brukerne', 'brukeres',   // nb: the user(s)
  'brukaren', 'brukarar', 'brukarane',             // nn: the user(s)
  'tjenestemottaker*', 'tenestemottakar*',         // service recipient
];

// What the comparison page must not say without JavaScript, since without
// the script it cannot know what was chosen (nb, nn).
const SELECTION_WORDS = ['valgte', 'har valgt', 'valde', 'valte', 'har valt', 'har vald'];
const NAV_TIMEOUT = 30_000;

// ---------------------------------------------------------------- arguments
function usage(msg) {
  if (msg) console.error(`check.mjs: ${msg}`);
  console.error('usage: node check.mjs [--json FILE] [--jobs N] [--tabs N] [--no-vnu] [--axe-all] [--school-service ID]... [--services WORD] [--compare WORD] [--only REGEX] SITE_DIR');
  process.exit(2);
}
const opts = { json: null, jobs: Number(process.env.BROWSER_TESTS_JOBS || 2), tabs: 15, vnu: true, axeAll: false,
  schools: [], only: null, dir: null, services: null, compare: null };
{
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--json') opts.json = argv[++i];
    else if (a === '--jobs') opts.jobs = Number(argv[++i]);
    else if (a === '--tabs') opts.tabs = Number(argv[++i]);
    else if (a === '--no-vnu') opts.vnu = false;
    else if (a === '--axe-all') opts.axeAll = true;
    else if (a === '--only') opts.only = new RegExp(argv[++i]);
    else if (a === '--school-service') opts.schools.push(argv[++i]);
    else if (a === '--services') opts.services = argv[++i];
    else if (a === '--compare') opts.compare = argv[++i];
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
    // admin/ is the providers' profile form (Sveltia CMS), no citizen's
    // page: cms.mjs tests it.
    if (e.isDirectory()) { if (e.name !== 'node_modules' && r !== 'admin') out.push(...htmlFiles(dir, r)); }
    else if (e.isFile() && /\.html?$/i.test(e.name)) out.push(r);
  }
  return out.sort();
}
// dir/index.html is checked at dir/, the address readers use.
const urlPath = (rel) => '/' + rel.split('/').map(encodeURIComponent).join('/').replace(/(^|\/)index\.html$/, '$1');

// The services whose providers are schools: named on the command line, or
// those with school facts in the site's own open data.
function schoolServices(dir, named) {
  if (named.length) return new Set(named);
  try {
    const data = JSON.parse(readFileSync(path.join(dir, 'data', 'providers.json'), 'utf8'));
    return new Set(data.providers.filter((p) => p.school_grades != null || p.school != null).map((p) => p.service));
  } catch { return new Set(); }
}

// The site's words for the services folder and the side-by-side page, as
// the site itself writes them (see the top); bokmål when it does not say
// (the self-test fixtures).
function addressWords(dir, given) {
  let services = given.services, compare = given.compare;
  if (!services) {
    try {
      const data = JSON.parse(readFileSync(path.join(dir, 'data', 'providers.json'), 'utf8'));
      const p = data.providers[0];
      const parts = new URL(p.url).pathname.split('/').filter(Boolean);
      services = parts[parts.length - 3];
    } catch { /* no open data: the default below */ }
  }
  services ||= 'tjenester';
  if (!compare) {
    const root = path.join(dir, services);
    try {
      for (const service of readdirSync(root)) {
        for (const sub of readdirSync(path.join(root, service))) {
          const file = path.join(root, service, sub, 'index.html');
          try { if (/\sdata-compare[\s>]/.test(readFileSync(file, 'utf8'))) { compare = sub; break; } } catch { /* not a page */ }
        }
        if (compare) break;
      }
    } catch { /* no services folder: the default below */ }
  }
  // The brochure's and the street index's words are the same in bokmål and
  // nynorsk (i18n `paths:`), so they are not looked for.
  return { services, compare: compare || 'sammenlign', brochure: 'brosjyre', streets: 'gater' };
}
// The pages a citizen chooses on (issue 22): home, service, provider,
// comparison and brochure pages (schools' too) and the complaints page (klage).
const isWordPage = (p) => /(^| )(home|service|provider|compare|brochure)$/.test(p.kind) || /\/klage\/$/.test(p.path);
const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// Where a page sits: its variant and its kind (home, service, filter,
// compare, brochure, streets, provider, content, 404; "school ..." for a
// school service).
// Matched from the end of the path, so a fixture folder can hold a small
// site below its own prefix.
function classify(p, schools, words) {
  const variant = /(^|\/)stor-skrift\/lettlest\//.test(p) ? 'stor-skrift/lettlest' : /(^|\/)stor-skrift\//.test(p) ? 'stor-skrift'
    : /(^|\/)lettlest\//.test(p) ? 'lettlest' : 'standard';
  const m = new RegExp(`/${escapeRe(words.services)}/([^/]+)/(.*)$`).exec(p);
  let kind = 'content', service = null;
  if (/404\.html$/.test(p)) kind = '404';
  else if (/^\/((stor-skrift\/)?(lettlest\/)?)?$/.test(p)) kind = 'home';
  else if (m) {
    service = m[1];
    const tail = m[2].split('/').filter(Boolean);
    kind = tail.length === 0 ? 'service' : tail[0] === words.compare && tail.length === 1 ? 'compare'
      : tail[0] === words.brochure ? 'brochure' : tail[0] === words.streets ? 'streets'
      : tail.length === 2 ? 'filter' : 'provider';
    if (schools.has(service)) kind = `school ${kind}`;
  }
  return { variant, kind, service, school: !!service && schools.has(service) };
}

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
  // Only what Tab can reach (reading every element's style is slow on the
  // long pages); anything else counts as unstyled when unfocused.
  for (const el of document.querySelectorAll('a[href], area[href], button, input, select, textarea, summary, iframe, [tabindex], [contenteditable]')) {
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

// Every SVG text the reader can see, at the size it is drawn on screen: the
// computed font size (in the SVG's user units) times the vertical scale of
// the text's transform to the screen (viewBox scaling included).
function chartTextProbe(min) {
  const small = [];
  let count = 0;
  for (const t of document.querySelectorAll('svg text')) {
    const b = t.getBoundingClientRect();
    const ctm = t.getScreenCTM();
    if (!ctm || b.width === 0 || b.height === 0 || getComputedStyle(t).visibility !== 'visible') continue;
    count++;
    const px = parseFloat(getComputedStyle(t).fontSize) * Math.hypot(ctm.c, ctm.d);
    if (px < min - 0.05) small.push({ px, text: (t.textContent || '').trim().slice(0, 30), box: b.height });
  }
  small.sort((a, b) => a.px - b.px);
  return { count, small: small.length, smallest: small.slice(0, 3) };
}

function firstScreenProbe() {
  const h1 = document.querySelector('h1');
  if (!h1) return { h1: false };
  return { h1: true, top: Math.round(h1.getBoundingClientRect().top + window.scrollY), text: window.__bt_describe(h1) };
}

// Where the links a chooser needs first start: the highest link to each
// service the page links to (when it has the home page's service list or
// is the home page), and the first phone link (on a provider page).
function firstLinksProbe(args) {
  const { services, home, provider } = args;
  const top = (el) => Math.round(el.getBoundingClientRect().top + window.scrollY);
  const out = { list: !!document.querySelector('main ul.service-links'), services: null, phone: null };
  if (out.list || home) {
    const service = new RegExp(`/${services}/[^/]+/(index\\.html)?$`);
    const best = new Map();
    for (const a of document.querySelectorAll('main a[href]')) {
      let path;
      try { path = new URL(a.href).pathname.replace(/index\.html$/, ''); } catch { continue; }
      if (!service.test(path)) continue;
      const t = top(a);
      if (!best.has(path) || t < best.get(path).top) best.set(path, { top: t, text: a.textContent.trim().replace(/\s+/g, ' ') });
    }
    out.services = [...best.values()];
  }
  if (provider) {
    const a = document.querySelector('main a[href^="tel:"]');
    out.phone = a ? { top: top(a), text: a.textContent.trim() } : { top: null };
  }
  return out;
}

// Without JavaScript: what on the page promises a selection it cannot make.
function selectionProbe(args) {
  const { words, comparePage, addresses } = args;
  const out = [];
  const visible = (el) => {
    const b = el.getBoundingClientRect(), s = getComputedStyle(el);
    return b.width > 0 && b.height > 0 && s.visibility === 'visible';
  };
  const isComparePath = (href) => {
    const compare = new RegExp(`/${addresses.services}/[^/]+/${addresses.compare}/(index\\.html)?$`);
    try { return compare.test(new URL(href, location.href).pathname); } catch { return false; }
  };
  // A form that sends ticked providers to the static comparison page: that
  // page cannot read the address, so it shows everyone.
  for (const form of document.querySelectorAll('form')) {
    if (!isComparePath(form.getAttribute('action') || location.href)) continue;
    const boxes = [...form.querySelectorAll('input[type="checkbox"], input[type="radio"], select')].filter(visible);
    if (boxes.length) out.push(`${window.__bt_describe(form)} sends ${boxes.length} choice(s) to the comparison page, which cannot show a selection without JavaScript`);
  }
  if (comparePage) {
    const checked = [...document.querySelectorAll('input:checked')];
    if (checked.length) out.push(`${checked.length} checked control(s): ${checked.slice(0, 3).map(window.__bt_describe).join(', ')}`);
    const text = ((document.querySelector('main') || document.body).innerText || '').toLowerCase();
    for (const w of words) {
      const re = new RegExp(`(^|[^\\p{L}])${w}(?![\\p{L}])`, 'u');
      if (re.test(text)) out.push(`says "${w}"`);
    }
    // Controls that do nothing without a script: outside any form, a plain
    // button, or a link to nowhere.
    const inert = [...document.querySelectorAll('button, input:not([type="hidden"]), select, textarea, a[href="#"], a[href^="javascript:"]')]
      .filter(visible)
      .filter((el) => el.tagName === 'A' || !el.form || (el.tagName === 'BUTTON' && el.type === 'button'));
    if (inert.length) out.push(`${inert.length} visible control(s) that only work with JavaScript: ${inert.slice(0, 3).map(window.__bt_describe).join(', ')}`);
  }
  return out;
}

// Home-care words in what a school page says: the text of <main> (hidden
// text included, as a screen reader may read it), its labels and the
// messages the script would show, and the page title.
function schoolWordsProbe(words) {
  const main = document.querySelector('main') || document.body;
  // Text nodes one by one, so words of adjacent elements do not run together.
  const parts = [document.title];
  const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) parts.push(walker.currentNode.data);
  for (const el of main.querySelectorAll('*'))
    for (const a of el.attributes) if (/^(aria-label|title|alt|placeholder|data-msg-.*)$/.test(a.name)) parts.push(a.value);
  const text = parts.join(' \n ').toLowerCase().replace(/\u00ad/g, '');
  const found = [];
  for (const w of words) {
    const body = w.replace(/\*$/, '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const re = new RegExp(`(^|[^\\p{L}])(${body}${w.endsWith('*') ? '\\p{L}*' : ''})(?![\\p{L}])`, 'gu');
    let m;
    while ((m = re.exec(text))) {
      const at = m.index + m[1].length;
      found.push(`"${m[2]}" in "…${text.slice(Math.max(0, at - 25), at + m[2].length + 15).replace(/\s+/g, ' ').trim()}…"`);
      if (found.length >= 5) return found;
    }
  }
  return found;
}

// With the script running, each filter value chosen in its select against
// the pre-built page for that value. `m` is filterMarkup().
async function filterProbe(m) {
  const out = { groups: 0, checked: 0, problems: [] };
  // A pre-built page lists the whole service with the rows outside its
  // filter hidden, so the counts it shows are out of the same total.
  const slugs = (root) => [...root.querySelectorAll(m.row)].filter((r) => !r.hasAttribute('hidden'))
    .map((r) => r.getAttribute(m.rowId)).sort();
  const shown = () => [...document.querySelectorAll(m.row)].filter((r) => !r.hidden && r.getClientRects().length > 0)
    .map((r) => r.getAttribute(m.rowId)).sort();
  const settle = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  const groups = [...document.querySelectorAll(m.group)];
  out.groups = groups.length;
  if (document.querySelector(m.partial)) {
    // One page of a long list: the script must leave the filter links as
    // they are and claim no count, as it sees only this page's rows.
    if (document.querySelector(m.anySelect)) out.problems.push('the script made filter selects on one page of a long list');
    const status = [...document.querySelectorAll(m.status)].map((s) => s.textContent).join(' ').trim();
    if (status) out.problems.push(`the script claims "${status}" on one page of a long list`);
    for (const g of groups) if (g.hidden) out.problems.push(`the "${g.getAttribute(m.groupKey)}" filter links are hidden`);
    out.checked++;
    return out;
  }
  const current = document.querySelector(m.current);
  if (current) {
    // A pre-built filter page: its own filter must be the one selected.
    const key = current.closest(m.group).getAttribute(m.groupKey);
    const select = document.querySelector(m.select.replace('{key}', key));
    if (!select) out.problems.push(`no select for the "${key}" filter (selector ${m.select.replace('{key}', key)})`);
    else if (select.value !== current.getAttribute(m.value))
      out.problems.push(`this page is the "${current.getAttribute(m.value)}" filter, but its select shows "${select.value ? select.value : select.options[select.selectedIndex]?.text}"`);
    else {
      // Another choice: the heading names it, and the title must too (2.4.2).
      select.value = '';
      select.dispatchEvent(new Event('change', { bubbles: true }));
      await settle();
      const heading = (document.querySelector('h1')?.textContent || '').replace(/[\u00ad\u200b]/g, '');
      if (!document.title.startsWith(heading))
        out.problems.push(`after choosing another filter the heading says "${heading}" but the title still says "${document.title}"`);
    }
    out.checked++;
    return out;
  }
  for (const g of groups) {
    const key = g.getAttribute(m.groupKey);
    const select = document.querySelector(m.select.replace('{key}', key));
    if (!select) { out.problems.push(`no select for the "${key}" filter (selector ${m.select.replace('{key}', key)})`); continue; }
    for (const a of g.querySelectorAll(m.option)) {
      const value = a.getAttribute(m.value);
      select.value = value;
      select.dispatchEvent(new Event('change', { bubbles: true }));
      await settle();
      const got = shown();
      let want;
      try {
        const res = await fetch(a.href);
        if (!res.ok) { out.problems.push(`${key}=${value}: the pre-built page ${a.getAttribute('href')} answers ${res.status}`); continue; }
        want = slugs(new DOMParser().parseFromString(await res.text(), 'text/html'));
      } catch (e) { out.problems.push(`${key}=${value}: cannot read ${a.getAttribute('href')} (${e})`); continue; }
      out.checked++;
      const status = [...document.querySelectorAll(m.status)].map((s) => s.textContent).join(' ');
      const count = /\d+/.exec(status);
      const missing = want.filter((x) => !got.includes(x)), extra = got.filter((x) => !want.includes(x));
      if (missing.length || extra.length)
        out.problems.push(`${key}=${value}: the script shows ${got.length} provider(s), the pre-built page ${a.getAttribute('href')} lists ${want.length}`
          + `${missing.length ? `; missing ${missing.join(', ')}` : ''}${extra.length ? `; extra ${extra.join(', ')}` : ''}`);
      if (!count) out.problems.push(`${key}=${value}: no count shown (${m.status}: "${status.trim()}")`);
      else if (Number(count[0]) !== want.length)
        out.problems.push(`${key}=${value}: the script says "${status.trim()}", the pre-built page lists ${want.length}`);
    }
    select.value = '';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await settle();
  }
  return out;
}

// ------------------------------------------------------------------- checks
// The filter markup the filters check assumes: templates/filter-links.html,
// templates/provider-table.html and static/assets/brukervalg.js as of
// 2026-11-27. Adapt it here when that markup changes.
function filterMarkup() {
  return {
    group: '[data-filters] .filter-group[data-key]', // one per kind of filter
    groupKey: 'data-key',                            // its key = the select's name
    option: 'a[data-value][href]',                   // a value, linking to its pre-built page
    value: 'data-value',
    current: '[data-filters] a[data-value][aria-current="page"]', // a pre-built page's own value
    select: 'select[name="{key}"]',                  // made by the script
    row: '[data-filter-table] tbody tr[data-provider]', // one per provider, here and on the pre-built pages
    rowId: 'data-provider',
    status: '[role="status"]',                       // the script's "Viser {n} av {total}"
    partial: '[data-filter-table][data-partial]',    // one page of a long list: links only
    anySelect: '[data-filters] select',
  };
}

async function load(page, url) {
  const resp = await page.goto(url, { waitUntil: 'load', timeout: NAV_TIMEOUT });
  if (!resp) throw new Error(`no response for ${url}`);
  if (resp.status() >= 400) throw new Error(`HTTP ${resp.status()} for ${url}`);
  await page.evaluate(describeInPage);
}

// Lets layout, media queries and resize handlers catch up after a resize.
const settle = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));

async function checkAxe(page, at, fail) {
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
    fail('axe', `${v.id} [${v.impact}] ${v.help} ${at}: ${v.nodes.length} node(s): ${nodes.join('; ')}${v.nodes.length > 5 ? '; ...' : ''}`);
  }
  return res.passes.length;
}

// Sideways scrolling and the layout viewport at the tab's current size.
async function checkReflow(page, name, width, height, fail) {
  const r = await page.evaluate(reflowProbe);
  const at = `at ${name} (${width}x${height})`;
  if (!r.meta) fail('reflow', `no <meta name=viewport>; ${at} the page cannot reflow`);
  if (r.scrollWidth > r.innerWidth)
    fail('reflow', `sideways scrolling ${at}: scrollWidth ${r.scrollWidth} > innerWidth ${r.innerWidth}${r.culprits.length ? `; too wide: ${r.culprits.join('; ')}` : ''}`);
  else if (r.innerWidth > width)
    fail('reflow', `layout viewport grew to ${r.innerWidth} px ${at} (content too wide or no meta viewport)`);
  else if (r.innerWidth !== width)
    fail('reflow', `innerWidth is ${r.innerWidth} px ${at}, not the intended ${width} px`);
}

async function checkChartText(page, name, fail) {
  const r = await page.evaluate(chartTextProbe, MIN_CHART_TEXT_PX);
  if (r.small)
    fail('chart-text', `${r.small} of ${r.count} SVG text(s) render below ${MIN_CHART_TEXT_PX} px at ${name}; smallest: `
      + r.smallest.map((x) => `"${x.text}" ${x.px.toFixed(1)} px`).join(', '));
  return r.count;
}

async function checkFirstScreen(page, fail) {
  const r = await page.evaluate(firstScreenProbe);
  if (!r.h1) fail('first-screen', 'the page has no <h1>');
  else if (r.top >= FIRST_SCREEN_PX)
    fail('first-screen', `the <h1> starts ${r.top} px down on a ${PHONE.viewport.width}x${PHONE.viewport.height} phone, below the first ${FIRST_SCREEN_PX} px (${r.text})`);
}

async function checkFirstLinks(page, p, fail) {
  const home = /(^| )home$/.test(p.kind), provider = /(^| )provider$/.test(p.kind);
  const large = p.variant.startsWith('stor-skrift');
  const r = await page.evaluate(firstLinksProbe, { services: escapeRe(ADDRESS_WORDS.services), home, provider });
  const phone = `${PHONE.viewport.width}x${PHONE.viewport.height} phone`;
  if (home && !r.list) fail('home-services', 'the home page has no ul.service-links: its services are not listed near the top');
  if (r.services) {
    const limit = large ? HOME_SERVICES_PX.large : HOME_SERVICES_PX.standard;
    const low = r.services.filter((x) => x.top >= limit);
    if (low.length)
      fail('home-services', `${low.length} of ${r.services.length} service(s) have no link within the first ${limit} px on a ${phone}`
        + `${large ? ' (large print: two screens)' : ''}: ${low.map((x) => `"${x.text}" at ${x.top} px`).join(', ')}`);
  }
  if (r.phone && !large) {
    if (r.phone.top === null) fail('provider-phone', 'the provider page has no phone link in <main>');
    else if (r.phone.top >= PROVIDER_PHONE_PX)
      fail('provider-phone', `the phone "${r.phone.text}" starts ${r.phone.top} px down on a ${phone}, below 1.5 screens (${PROVIDER_PHONE_PX} px)`);
  }
}

async function checkSelection(page, comparePage, at, fail) {
  for (const problem of await page.evaluate(selectionProbe, { words: SELECTION_WORDS, comparePage, addresses: ADDRESS_WORDS }))
    fail('selection', `without JavaScript${at}: ${problem}`);
}

async function checkSchoolWords(page, fail) {
  const found = await page.evaluate(schoolWordsProbe, HOME_CARE_WORDS);
  if (found.length) fail('school-words', `home-care wording on a school page: ${found.join('; ')}`);
}

async function checkFilters(page, fail) {
  const r = await page.evaluate(filterProbe, filterMarkup());
  for (const p of r.problems.slice(0, 5)) fail('filters', p);
  if (r.problems.length > 5) fail('filters', `${r.problems.length - 5} more filter value(s) disagree`);
  return r.checked;
}

// On a freshly loaded page (nothing focused or clicked yet).
async function checkKeyboard(page, tabs, fail, afterTab = null) {
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
    if (afterTab) await afterTab(i);
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
const schools = schoolServices(opts.dir, opts.schools);
const ADDRESS_WORDS = addressWords(opts.dir, opts);
const pages = files.map((file) => { const p = urlPath(file); return { file, path: p, ...classify(p, schools, ADDRESS_WORDS), failures: [] }; })
  .filter((p) => !opts.only || opts.only.test(p.path));
// The sample for the extra axe runs: the first page of each kind in each
// variant (pages are sorted, so the sample is the same on every run).
{
  const seen = new Set();
  for (const p of pages) {
    const key = `${p.variant} ${p.kind}`;
    p.axeSample = opts.axeAll || !seen.has(key);
    seen.add(key);
  }
}
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
  console.log(`School services: ${schools.size ? [...schools].join(', ') : 'none'}; extra axe runs (360 px phone, no JavaScript) on ${pages.filter((p) => p.axeSample).length} page(s)`);

  const contextFor = (v) => browser.newContext({ viewport: v.viewport, deviceScaleFactor: v.deviceScaleFactor,
    isMobile: v.isMobile, hasTouch: v.hasTouch, javaScriptEnabled: v.javaScriptEnabled ?? true });
  const contexts = { desk: await contextFor(DESKTOP), phone: await contextFor(PHONE), nojs: await contextFor(NO_JS),
    nojsAxe: await contextFor({ ...NO_JS, javaScriptEnabled: true }) };
  // Every page is checked as a first visit: the shortlist the script keeps
  // in local storage (issue 22) would otherwise carry ticks made on one page
  // into the next one the same tab opens.
  for (const ctx of Object.values(contexts)) await ctx.addInitScript(() => { try { localStorage.clear(); } catch { /* no storage */ } });
  // A missing style sheet or image would make every other check meaningless.
  const watch = (tab, state) => {
    tab.on('response', (r) => { if (r.status() >= 400 && r.url().startsWith(origin) && state.page && r.request().resourceType() !== 'document') state.page.failures.push({ check: 'load', message: `HTTP ${r.status()} for ${r.url().slice(origin.length)}` }); });
  };

  // Time spent per step over the whole run, to see where the minutes go.
  const spent = {};
  const step = async (name, fn) => { const t = performance.now(); try { return await fn(); } finally { spent[name] = (spent[name] || 0) + performance.now() - t; } };
  globalThis.__bt_spent = spent;
  let next = 0, done = 0;
  const worker = async () => {
    const state = { page: null };
    const tabs = {};
    for (const [k, c] of Object.entries(contexts)) tabs[k] = await c.newPage();
    watch(tabs.desk, state);
    while (next < pages.length) {
      const p = pages[next++];
      const url = origin + p.path;
      const fail = (check, message) => p.failures.push({ check, message });
      const tp = performance.now();
      try {
        // Desktop with JavaScript: axe on every page, then the wider and
        // narrower desktop widths by resizing the same tab.
        const desk = tabs.desk, { width, height } = DESKTOP.viewport;
        await desk.setViewportSize(DESKTOP.viewport);
        state.page = p;
        await step('load desktop', () => load(desk, url));
        await checkCls(desk, `at ${DESKTOP.name}`, fail);
        // Keyboard first, from the fresh load; then nothing stays focused.
        // The skip link on every page; the walk through the first Tab stops
        // (the same header on every page of a kind) on the sample.
        const covered = p.axeSample ? focusCovered(desk, `at ${DESKTOP.name}`, fail) : null;
        p.tabStops = await step('keyboard', () => checkKeyboard(desk, p.axeSample ? opts.tabs : 1, fail, covered));
        await desk.evaluate(() => { if (document.activeElement) document.activeElement.blur(); window.scrollTo(0, 0); });
        p.axePasses = await step('axe 1280', () => checkAxe(desk, `at ${DESKTOP.name}`, fail));
        state.page = null; // subresources are checked once, at the desktop load
        await checkReflow(desk, DESKTOP.name, width, height, fail);
        p.chartTexts = await checkChartText(desk, DESKTOP.name, fail);
        const words = isWordPage(p);
        if (words) p.wordNodes = await step('words', () => checkWords(desk, `at ${DESKTOP.name}`, fail));
        if (p.school) await checkSchoolWords(desk, fail);
        for (const w of WIDER) {
          await desk.setViewportSize({ width: w, height });
          await settle(desk);
          await checkReflow(desk, `${w}px`, w, height, fail);
        }
        await desk.setViewportSize(NARROW.viewport);
        await settle(desk);
        await checkReflow(desk, NARROW.name, NARROW.viewport.width, NARROW.viewport.height, fail);
        await checkChartText(desk, NARROW.name, fail);
        if (words) await step('words', () => checkWords(desk, `at ${NARROW.name}`, fail));
        await desk.setViewportSize(DESKTOP.viewport);
        await settle(desk);
        if (/(^| )(service|filter)$/.test(p.kind)) p.filterValues = await step('filters', () => checkFilters(desk, fail));
        await step('access 1280', async () => {
          await checkNames(desk, fail);
          p.tickBoxes = await checkTables(desk, `at ${DESKTOP.name}`, fail);
          if (p.tickBoxes) await checkTicks(desk, fail);
          if (p.axeSample) p.menus = await checkMenus(desk, `at ${DESKTOP.name}`, fail);
          if (p.chartTexts) p.forcedCharts = await checkForcedColors(desk, fail);
          // Last on this tab: the spacing stays until the next page loads.
          await checkTextSpacing(desk, [NARROW.viewport.width, 768, width], height, fail);
        });


        await step('load 360', () => load(tabs.phone, url));
        await checkCls(tabs.phone, `at ${PHONE.name}`, fail);
        await step('access 360', async () => {
          if (p.axeSample) {
            await checkFocusHidden(tabs.phone, opts.tabs, `at ${PHONE.name}`, fail);
            await checkMenus(tabs.phone, `at ${PHONE.name}`, fail);
          }
          await checkTables(tabs.phone, `at ${PHONE.name}`, fail);
        });
        await checkReflow(tabs.phone, PHONE.name, PHONE.viewport.width, PHONE.viewport.height, fail);
        await checkFirstScreen(tabs.phone, fail);
        await checkFirstLinks(tabs.phone, p, fail);
        await checkChartText(tabs.phone, PHONE.name, fail);
        if (words) await step('words', () => checkWords(tabs.phone, `at ${PHONE.name}`, fail));
        if (p.axeSample) await step('axe 360', () => checkAxe(tabs.phone, `at ${PHONE.name}`, fail));

        const nojs = tabs.nojs;
        await step('load no-js', () => load(nojs, url));
        await checkReflow(nojs, NO_JS.name, NO_JS.viewport.width, NO_JS.viewport.height, fail);
        const comparePage = /(^| )compare$/.test(p.kind);
        await checkSelection(nojs, comparePage, '', fail);
        if (p.axeSample) {
          // axe needs timers, which never fire while scripts are off. So it
          // runs on a copy of what the reader without JavaScript gets: this
          // tab's document (noscript content parsed as markup, no script of
          // the site run), unwrapped and without scripts, served at the same
          // address to a tab where only axe runs.
          const html = await nojs.evaluate(() => {
            for (const n of document.querySelectorAll('noscript')) n.replaceWith(...n.childNodes);
            for (const n of document.querySelectorAll('script')) n.remove();
            return `<!doctype html>\n${document.documentElement.outerHTML}`;
          });
          const copy = tabs.nojsAxe;
          await copy.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
          try { await load(copy, url); await step('axe no-js', () => checkAxe(copy, 'without JavaScript (320px)', fail)); }
          finally { await copy.unroute(url); }
        }
        if (comparePage) {
          // As reached from a form that ticked two providers.
          // The parameter's name is the page's own (valgt, valt, ...).
          const { slugs, param } = await nojs.evaluate(() => ({
            slugs: [...document.querySelectorAll('[data-provider]')].map((e) => e.getAttribute('data-provider')),
            param: document.querySelector('[data-compare]')?.getAttribute('data-param') || 'valgt',
          }));
          const [a = 'a', b = 'b'] = [...new Set(slugs)];
          const query = `${param}=${encodeURIComponent(a)}&${param}=${encodeURIComponent(b)}`;
          await load(nojs, `${url}?${query}`);
          await checkSelection(nojs, true, ` (opened with ?${query})`, fail);
          // Chosen with the script: laid out before it is first drawn.
          const c = [...new Set(slugs)].slice(0, 3);
          const three = c.map((s) => `${param}=${encodeURIComponent(s)}`).join('&');
          for (const [tab, name] of [[tabs.desk, DESKTOP.name], [tabs.phone, PHONE.name]]) {
            await load(tab, `${url}?${three}`);
            await checkCls(tab, `at ${name} (opened with ?${three})`, fail);
            await step('words', () => checkWords(tab, `at ${name} (opened with ?${three})`, fail));
          }
          await tabs.desk.setViewportSize(NARROW.viewport);
          await settle(tabs.desk);
          await step('words', () => checkWords(tabs.desk, `at ${NARROW.name} (opened with ?${three})`, fail));
          await tabs.desk.setViewportSize(DESKTOP.viewport);
        }
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
for (const c of Object.keys(counts).sort()) {
  const failing = failed.filter((p) => p.failures.some((f) => f.check === c)).map((p) => p.path);
  console.log(`  ${c}: ${failing.slice(0, 12).join(' ')}${failing.length > 12 ? ` and ${failing.length - 12} more` : ''}`);
}
for (const f of runFailures) console.log(`  FAIL ${f}`);
console.log(`  time: ${secs(t0)} s (${Object.entries(globalThis.__bt_spent || {}).map(([k, v]) => `${k} ${(v / 1000).toFixed(0)} s`).join(', ')})`);
if (opts.json) writeFileSync(opts.json, JSON.stringify({ dir: opts.dir, pages, runFailures }, null, 2));
console.log(`${pages.length - failed.length} passed, ${failed.length} failed`);
process.exit(failed.length || runFailures.length ? 1 : 0);
