#!/usr/bin/env node
// shortlist.mjs: the shortlist that follows the reader (issue 22 item 2),
// proven in Chromium on a built site:
//
//   node shortlist.mjs SITE_DIR
//
// On the first service page with four or more providers, a survey column
// and a stored shortlist (data-shortlist), on a 360 px phone:
//   bar        two ticks show the bar in the screen, saying "2 av 3 valgt"
//              (role=status), with a link to the side-by-side page naming
//              both; no tick box reached with Tab is hidden under the bar;
//   limit      a fourth tick is undone and the reason is shown beside that
//              box (in its cell, described by it) and said in the bar;
//   clear      the bar's button empties the list and the bar goes;
//   follows    "Legg til i sammenligningen" on a provider's page lists it
//              (the button then says remove) and the service page opens
//              with its box ticked; full, the page says so at the button;
//   sort       by free places the rows follow data-capacity, by survey
//              data-survey highest first; back to the standard order they
//              are in name order (the neutral order is alphabetical);
//   no storage with localStorage throwing, ticks still work on the page and
//              a provider page offers nothing;
//   no script  no tick box, bar, sort or provider-page button;
//   axe        zero violations with the bar shown, standard and large print
//              at 360 px; no sideways scrolling at 320 px in large print;
//              in forced colours the bar keeps a visible border.
// Prints one line per failure and "shortlist: N checks, N failed"; exits
// non-zero on any failure.
import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { createServer } from 'node:http';
import { createReadStream, readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic',
  '--no-first-run', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'];
const PHONE = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true };
const TYPES = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript', '.svg': 'image/svg+xml',
  '.json': 'application/json', '.png': 'image/png', '.jpg': 'image/jpeg', '.webp': 'image/webp' };

const site = path.resolve(process.argv[2] || '');
if (!process.argv[2] || !existsSync(site)) {
  console.error('usage: node shortlist.mjs SITE_DIR');
  process.exit(2);
}

// The service page to test: <services>/<service>/index.html of the
// standard variant, with a stored shortlist, a survey column and 4+ rows.
function findService() {
  for (const top of readdirSync(site).sort()) {
    const dir = path.join(site, top);
    if (!statSync(dir).isDirectory()) continue;
    for (const service of readdirSync(dir).sort()) {
      const file = path.join(dir, service, 'index.html');
      if (!existsSync(file)) continue;
      const html = readFileSync(file, 'utf8');
      const rows = (html.match(/<tr[^>]* data-provider="/g) || []).length;
      if (rows >= 4 && html.includes('data-shortlist=') && html.includes('data-msg-sort-survey=')) return `/${top}/${service}/`;
    }
  }
  return null;
}

function serve(root) {
  const server = createServer((req, res) => {
    let p;
    try { p = decodeURIComponent(new URL(req.url, 'http://x').pathname); } catch { res.writeHead(400); return res.end(); }
    let file = path.join(root, p);
    if (file !== root && !file.startsWith(root + path.sep)) { res.writeHead(403); return res.end(); }
    if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!existsSync(file)) { res.writeHead(404); return res.end(); }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream', 'cache-control': 'no-store' });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

let checks = 0;
let failed = 0;
function expect(ok, what) {
  checks += 1;
  if (!ok) {
    failed += 1;
    console.log(`FAIL ${what}`);
  }
}

// ------------------------------------------------------- in-page helpers

const barState = () => {
  const bar = document.querySelector('.shortlist-bar');
  if (!bar || bar.hidden) return { shown: false };
  const b = bar.getBoundingClientRect();
  const count = bar.querySelector('[role="status"]');
  return { shown: true, top: b.top, bottom: b.bottom, height: b.height, inView: b.top >= 0 && b.bottom <= innerHeight + 1,
    text: count ? count.textContent : '', href: bar.querySelector('a').getAttribute('href') };
};
const rowOrder = () => [...document.querySelectorAll('table[data-filter-table] tbody tr')].map((r) => r.getAttribute('data-provider'));

async function axe(page, at) {
  const res = await new AxeBuilder({ page, axeSource: AXE_SOURCE }).options({
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
  }).setLegacyMode(true).analyze();
  for (const v of res.violations) expect(false, `axe ${at}: ${v.id} ${v.help}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join('; ')}`);
  if (!res.violations.length) expect(true, 'axe');
}

// Waits for the bar's words (they come just after it appears).
const barSays = (page, pattern) => page.waitForFunction((source) => {
  const s = document.querySelector('.shortlist-bar [role="status"]');
  return s && new RegExp(source).test(s.textContent);
}, pattern.source, { timeout: 2000 }).then(() => true, () => false);

async function main() {
  const servicePath = findService();
  if (!servicePath) {
    console.log('FAIL no service page with 4+ providers, a survey column and data-shortlist');
    process.exit(1);
  }
  const server = await serve(site);
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  const started = Date.now();
  try {
    const phone = await browser.newContext(PHONE);
    const page = await phone.newPage();
    await page.goto(origin + servicePath);
    const param = await page.getAttribute('table[data-filter-table]', 'data-compare-param');
    const slugs = await page.evaluate(rowOrder);
    const boxes = page.locator('table[data-filter-table] input[type="checkbox"]');

    // bar
    expect(!(await page.evaluate(barState)).shown, 'bar: hidden while nothing is chosen');
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    expect(await barSays(page, /^2 av 3 val(g)?t/), 'bar: says "2 av 3 valgt"');
    await boxes.nth(0).scrollIntoViewIfNeeded();
    let bar = await page.evaluate(barState);
    expect(bar.shown && bar.inView, `bar: in the screen at the first box (${JSON.stringify(bar)})`);
    expect(bar.height < 740 / 3, `bar: lower than a third of the phone's screen (${bar.height} px)`);
    expect(bar.href && bar.href.includes(`${param}=${slugs[0]}`) && bar.href.includes(`${param}=${slugs[1]}`),
      `bar: links the side-by-side page with both (${bar.href})`);
    await axe(page, 'service page, bar shown, 360 px');
    // Tab from the first box to the footer: nothing focused ends under
    // the bar (WCAG 2.4.11), the bar's own controls aside.
    await boxes.nth(0).focus();
    let covered = [];
    let tabbed = 0;
    for (; tabbed < 120; tabbed += 1) {
      const state = await page.evaluate(() => {
        const el = document.activeElement;
        const bar = document.querySelector('.shortlist-bar');
        if (!el || el.closest('footer')) return { done: true };
        const a = el.getBoundingClientRect();
        const b = bar.getBoundingClientRect();
        const under = !bar.contains(el) && a.bottom > b.top + 1 && a.top < b.bottom;
        return { under: under ? (el.value || el.textContent || el.tagName).trim().slice(0, 40) : null };
      });
      if (state.done) break;
      if (state.under) covered.push(state.under);
      await page.keyboard.press('Tab');
    }
    expect(tabbed > 5 && covered.length === 0, `bar: focused elements under the bar after ${tabbed} Tabs: ${covered.join(' | ')}`);

    // limit
    await boxes.nth(2).check();
    await boxes.nth(3).click();
    const limit = await page.evaluate(() => {
      const box = document.querySelectorAll('table[data-filter-table] input[type="checkbox"]')[3];
      const note = box.closest('td').querySelector('.pick-limit');
      const ids = (box.getAttribute('aria-describedby') || '').split(' ');
      return { checked: box.checked, note: note ? note.textContent : null, described: !!note && ids.includes(note.id),
        near: !!note && Math.abs(note.getBoundingClientRect().top - box.getBoundingClientRect().bottom) < 120 };
    });
    expect(!limit.checked, 'limit: the fourth tick is undone');
    expect(limit.note && limit.described && limit.near, `limit: the reason is beside the fourth box (${JSON.stringify(limit)})`);
    expect(await barSays(page, /^3 av 3 .+\S/), 'limit: the bar says 3 of 3 and why');

    // clear
    await page.click('.shortlist-clear');
    expect(!(await page.evaluate(barState)).shown && (await page.locator('table[data-filter-table] input:checked').count()) === 0,
      'clear: the list is empty and the bar gone');

    // follows
    const providerHref = await page.getAttribute(`tr[data-provider="${slugs[2]}"] th a`, 'href');
    await page.goto(new URL(providerHref, origin + servicePath).href);
    const toggle = page.locator('.shortlist-toggle');
    expect(await toggle.isVisible(), 'follows: the provider page has the add button');
    const words = await page.evaluate(() => { const a = document.querySelector('.shortlist-add'); return { add: a.getAttribute('data-msg-add'), remove: a.getAttribute('data-msg-remove') }; });
    expect((await toggle.textContent()) === words.add, 'follows: it says add');
    await toggle.click();
    expect((await toggle.textContent()) === words.remove && (await barSays(page, /^1 av 3/)), 'follows: listed, it says remove and the bar counts 1');
    await page.goto(origin + servicePath);
    expect(await page.locator(`tr[data-provider="${slugs[2]}"] input[type="checkbox"]`).isChecked(), 'follows: the service page opens with its box ticked');
    expect(await barSays(page, /^1 av 3/), 'follows: and the bar counts it');
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    await page.goto(new URL(await page.getAttribute(`tr[data-provider="${slugs[3]}"] th a`, 'href'), origin + servicePath).href);
    const full = await page.evaluate(() => { const n = document.querySelector('.shortlist-note'); return n && !n.hidden ? n.textContent : ''; });
    expect(full.length > 0, 'follows: a full list is said at the provider page\'s button');
    await page.click('.shortlist-clear');

    // sort
    await page.goto(origin + servicePath);
    expect(await page.locator('select#sort-order').isVisible(), 'sort: a select above the list');
    const data = await page.evaluate(() => [...document.querySelectorAll('table[data-filter-table] tbody tr')].map((r) => ({
      slug: r.getAttribute('data-provider'), capacity: r.getAttribute('data-capacity'), survey: r.getAttribute('data-survey'),
      name: r.querySelector('th a').textContent.replace(/\u00ad/g, '') })));
    const rank = { open: 0, 'waiting-list': 1, full: 2 };
    const byCapacity = [...data].sort((a, b) => rank[a.capacity] - rank[b.capacity]).map((r) => r.slug);
    const bySurvey = [...data].sort((a, b) => (b.survey === null ? -1 : +b.survey) - (a.survey === null ? -1 : +a.survey)).map((r) => r.slug);
    expect(data.every((r) => r.capacity in rank), 'sort: every row has data-capacity');
    expect(data.some((r) => r.survey !== null), 'sort: rows have data-survey');
    await page.selectOption('select#sort-order', 'capacity');
    expect(JSON.stringify(await page.evaluate(rowOrder)) === JSON.stringify(byCapacity), 'sort: by free places');
    await page.selectOption('select#sort-order', 'survey');
    expect(JSON.stringify(await page.evaluate(rowOrder)) === JSON.stringify(bySurvey), 'sort: by survey, highest first');
    expect(JSON.stringify(bySurvey) !== JSON.stringify(slugs), 'sort: the survey order differs from the standard one here');
    await page.selectOption('select#sort-order', '');
    const collator = new Intl.Collator('nb');
    const byName = [...data].sort((a, b) => collator.compare(a.name, b.name)).map((r) => r.slug);
    const back = await page.evaluate(rowOrder);
    expect(JSON.stringify(back) === JSON.stringify(slugs) && JSON.stringify(back) === JSON.stringify(byName),
      'sort: back to the standard order, which is by name');
    await phone.close();

    // large print
    const large = await browser.newContext(PHONE);
    const lp = await large.newPage();
    await lp.goto(origin + '/stor-skrift' + servicePath);
    const lpBoxes = lp.locator('table[data-filter-table] input[type="checkbox"]');
    await lpBoxes.nth(0).check();
    await lpBoxes.nth(1).check();
    expect(await barSays(lp, /^2 av 3/), 'large print: the bar counts');
    await lpBoxes.nth(0).scrollIntoViewIfNeeded();
    bar = await lp.evaluate(barState);
    expect(bar.shown && bar.inView, 'large print: the bar is in the screen');
    await axe(lp, 'large print service page, bar shown, 360 px');
    await lp.setViewportSize({ width: 320, height: 640 });
    const wide = await lp.evaluate(() => document.documentElement.scrollWidth - innerWidth);
    expect(wide <= 0, `large print: no sideways scrolling at 320 px (${wide} px too wide)`);
    await lp.emulateMedia({ forcedColors: 'active' });
    const border = await lp.evaluate(() => getComputedStyle(document.querySelector('.shortlist-bar')).borderTopStyle);
    expect(border !== 'none', 'forced colours: the bar keeps its border');
    await large.close();

    // no storage
    const closed = await browser.newContext(PHONE);
    await closed.addInitScript(() => Object.defineProperty(window, 'localStorage', { get() { throw new Error('denied'); } }));
    const cp = await closed.newPage();
    await cp.goto(origin + servicePath);
    await cp.locator('table[data-filter-table] input[type="checkbox"]').nth(0).check();
    expect(await barSays(cp, /^1 av 3/), 'no storage: ticks still work on the page');
    await cp.goto(new URL(providerHref, origin + servicePath).href);
    expect((await cp.locator('.shortlist-toggle').count()) === 0, 'no storage: a provider page offers no button');
    await closed.close();

    // no script
    const off = await browser.newContext({ ...PHONE, javaScriptEnabled: false });
    const np = await off.newPage();
    for (const url of [origin + servicePath, new URL(providerHref, origin + servicePath).href]) {
      await np.goto(url);
      const promised = await np.evaluate(() => [...document.querySelectorAll('input[type="checkbox"], .shortlist-bar, select#sort-order, .shortlist-add, .shortlist-toggle')]
        .filter((el) => el.getBoundingClientRect().height > 0).length);
      expect(promised === 0, `no script: no shortlist controls on ${url}`);
    }
    await off.close();
  } finally {
    await browser.close();
    server.close();
  }
  console.log(`shortlist: ${checks} checks, ${failed} failed (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  process.exit(failed ? 1 : 0);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
