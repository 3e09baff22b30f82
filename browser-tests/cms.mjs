// The profile form (admin/, Sveltia CMS) in a real browser, end to end:
//
//   1. The example site is copied into a throw-away "repository" and built.
//   2. admin/ is opened; the pinned CMS script is answered from
//      node_modules/@sveltia/cms (this machine has no internet), so the
//      browser checks the page's integrity hash against the real file. A
//      second run serves it with one byte changed and must see the CMS
//      refused, so the integrity check is proven to bite.
//   3. The CMS reads the generated config.yml and shows its sign-in screen
//      with no configuration error; "Work with Local Repository" opens the
//      repository copy (Sveltia's local mode: `showDirectoryPicker` answers
//      with a folder of the browser's private file system holding the copy,
//      since a headless browser has no folder dialog).
//   4. Every service is a collection listing all its profiles; a school is
//      opened, its number of pupils changed and saved.
//   5. The saved file is written back into the repository copy and
//      `brukervalg check` must pass on it, with the new figure in it.
//
// Requests leaving the site are refused and listed: only the pinned script
// and what that script fetches itself (its fonts, its update check, the
// code host's status) may appear.
//
//   node browser-tests/cms.mjs      (run.sh runs it; needs Chromium, cargo)
import { execFileSync, spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.dirname(here);
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const PINNED = /^https:\/\/unpkg\.com\/@sveltia\/cms@0\.221\.1\/dist\/([\w./-]+)$/;
const DIST = path.join(here, 'node_modules/@sveltia/cms/dist');
// What the CMS script itself fetches, not our page: refused here, allowed.
const CMS_OWN = [/^https:\/\/cdn\.jsdelivr\.net\/fontsource\//, /^https:\/\/unpkg\.com\/@sveltia\/cms\/package\.json$/,
  /^https:\/\/www\.githubstatus\.com\//];
const SCHOOL = 'hagevik-skole';

let failures = 0;
const fail = (what) => { failures++; console.error(`FAIL ${what}`); };
const ok = (what) => console.log(`ok   ${what}`);
const expect = (condition, what) => (condition ? ok(what) : fail(what));

// ------------------------------------------------------------ site and repo
const tmp = mkdtempSync(path.join(tmpdir(), 'brukervalg-cms-'));
const repo = path.join(tmp, 'repo');
const site = path.join(tmp, 'site');
for (const name of ['brukervalg.yaml', 'glossary.nb.yaml', 'glossary.nn.yaml', 'providers', 'content', 'surveys',
  'indicators', 'templates', 'i18n', 'static']) {
  cpSync(path.join(root, name), path.join(repo, name), { recursive: true });
}
const brukervalg = (...args) => execFileSync('cargo', ['run', '--release', '--quiet', '--', ...args],
  { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
brukervalg('build', '--root', repo, '--today', '2026-11-27', '--output', site);

function filesUnder(dir, rel = '') {
  const out = [];
  for (const e of readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...filesUnder(dir, r));
    else out.push(r);
  }
  return out;
}

const server = createServer((req, res) => {
  let file;
  try { file = path.join(site, decodeURIComponent(new URL(req.url, 'http://x').pathname)); } catch { file = site; }
  if (!file.startsWith(site + path.sep)) { res.writeHead(403); return res.end(); }
  try {
    if (statSync(file).isDirectory()) file = path.join(file, 'index.html');
    const type = file.endsWith('.html') ? 'text/html; charset=utf-8' : file.endsWith('.yml') ? 'text/yaml' : 'application/octet-stream';
    res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
    res.end(readFileSync(file));
  } catch { res.writeHead(404); res.end(); }
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });

/// A browser context whose only way out is the pinned script, answered from
/// node_modules (`tamper` changes one byte of it).
async function context({ tamper = false } = {}) {
  const ctx = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
  const external = [];
  await ctx.route(/^https?:\/\//, (route) => {
    const url = route.request().url();
    if (url.startsWith(`${base}/`)) return route.continue();
    const pinned = url.match(PINNED);
    if (pinned && !pinned[1].includes('..')) {
      let body = readFileSync(path.join(DIST, pinned[1]));
      if (tamper) { body = Buffer.from(body); body[body.length - 2] ^= 1; }
      return route.fulfill({ status: 200, contentType: 'text/javascript', headers: { 'access-control-allow-origin': '*' }, body });
    }
    external.push(url);
    return route.abort();
  });
  return { ctx, external };
}

try {
  // ------------------------------------------------- integrity is enforced
  {
    const { ctx } = await context({ tamper: true });
    const page = await ctx.newPage();
    const messages = [];
    page.on('console', (m) => messages.push(m.text()));
    await page.goto(`${base}/admin/`);
    await page.waitForTimeout(2000);
    const started = await page.getByRole('button', { name: 'Work with Local Repository' }).count();
    expect(started === 0 && messages.some((m) => /integrity/i.test(m)),
      'a CMS script that differs from the pinned hash is refused by the browser');
    await ctx.close();
  }

  const { ctx, external } = await context();
  // The repository copy in the browser's private file system, picked when
  // the CMS asks for a folder. Local mode wants a `.git` in it.
  await ctx.addInitScript(() => {
    window.showDirectoryPicker = async () => (await navigator.storage.getDirectory()).getDirectoryHandle('repo');
  });
  const page = await ctx.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) errors.push(m.text());
  });
  await page.goto(`${base}/`);
  const files = filesUnder(repo).filter((f) => f.startsWith('providers/') || f === 'brukervalg.yaml')
    .map((f) => [f, readFileSync(path.join(repo, f)).toString('base64')]);
  await page.evaluate(async (files) => {
    const root = await (await navigator.storage.getDirectory()).getDirectoryHandle('repo', { create: true });
    await root.getDirectoryHandle('.git', { create: true });
    for (const [name, base64] of files) {
      const parts = name.split('/');
      let dir = root;
      for (const part of parts.slice(0, -1)) dir = await dir.getDirectoryHandle(part, { create: true });
      const out = await (await dir.getFileHandle(parts.at(-1), { create: true })).createWritable();
      await out.write(Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)));
      await out.close();
    }
  }, files);

  // --------------------------------------- the configuration loads cleanly
  await page.goto(`${base}/admin/`);
  const local = page.getByRole('button', { name: 'Work with Local Repository' });
  await local.waitFor({ timeout: 30000 });
  ok('the pinned CMS script loads with its integrity hash and shows the sign-in screen');
  const body = await page.locator('body').innerText();
  expect(!/error|invalid|unsupported/i.test(body) && errors.length === 0,
    `the CMS shows no configuration error${errors.length ? `: ${errors.join(' | ')}` : ''}`);
  await local.click();

  // ------------------------------------ a collection per service, all profiles
  const config = readFileSync(path.join(site, 'admin/config.yml'), 'utf8');
  const services = [...config.matchAll(/^  - name: "([^"]+)"\n    label: "([^"]+)"\n    description:/gm)];
  await page.getByText(services[0][2], { exact: true }).first().waitFor({ timeout: 30000 });
  await page.waitForTimeout(500);
  const menu = (await page.locator('body').innerText()).replace(/\s+/g, ' ');
  for (const [, id, label] of services) {
    const profiles = readdirSync(path.join(repo, 'providers', id)).filter((f) => f.endsWith('.yaml')).length;
    expect(menu.includes(`${label} ${profiles}`), `the collection «${label}» lists its ${profiles} profiles`);
  }

  // ------------------------------- open a profile, change a field, save
  /// Opens `file`'s profile from the collection `label`, lets `change` edit
  /// the form, saves, and returns the file as the CMS wrote it once `done`
  /// matches it (or null).
  async function edit(label, file, change, done) {
    const name = readFileSync(path.join(repo, file), 'utf8').match(/^name: (.+)$/m)[1];
    await page.getByText(label, { exact: true }).first().click();
    await page.getByText(name, { exact: true }).first().click();
    await page.locator('section[data-key-path="name"]').first().waitFor({ timeout: 30000 });
    await change();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    const read = () => page.evaluate(async (file) => {
      let dir = await (await navigator.storage.getDirectory()).getDirectoryHandle('repo');
      const parts = file.split('/');
      for (const part of parts.slice(0, -1)) dir = await dir.getDirectoryHandle(part);
      return (await (await dir.getFileHandle(parts.at(-1))).getFile()).text();
    }, file);
    for (let i = 0; i < 100; i++) {
      // Read while the CMS writes it, the file is briefly unreadable.
      const text = await read().catch(() => '');
      if (done.test(text)) return text;
      await page.waitForTimeout(200);
    }
    return null;
  }
  /// The form draws fields as they scroll into view.
  async function field(keyPath, inner) {
    const found = page.locator(`section[data-key-path="${keyPath}"] ${inner}`).first();
    for (let i = 0; i < 40 && await found.count() === 0; i++) {
      await page.mouse.move(300, 500);
      await page.mouse.wheel(0, 600);
      await page.waitForTimeout(100);
    }
    await found.scrollIntoViewIfNeeded();
    return found;
  }

  // A school's number of pupils.
  const school = `providers/skole/${SCHOOL}.yaml`;
  const before = Number(readFileSync(path.join(repo, school), 'utf8').match(/^ {2}pupils: (\d+)$/m)[1]);
  const after = before + 9;
  const savedSchool = await edit('Grunnskole', school, async () => {
    const pupils = await field('school.pupils', 'input');
    expect(await pupils.inputValue() === String(before), `the school's form shows its ${before} pupils`);
    await pupils.fill(String(after));
  }, new RegExp(`^ {2}pupils: ${after}$`, 'm'));
  expect(typeof savedSchool === 'string', `saving writes pupils: ${after} into ${school}`);

  // The municipality's own provider, which serves `districts: all`: from
  // open to full, the issue's own example.
  const own = 'providers/praktisk-bistand/fjordvik-kommune-hjemmetjenesten.yaml';
  const savedOwn = await edit('Praktisk bistand', own, async () => {
    await field('capacity.status', '[role=radio]');
    await page.locator('section[data-key-path="capacity.status"]').first().getByText('Fullt', { exact: true }).click();
  }, /^ {2}status: full$/m);
  expect(typeof savedOwn === 'string', `saving writes capacity.status: full into ${own}`);
  expect(/^districts:\n {2}- all$/m.test(savedOwn ?? ''), 'every district stays every district ([all])');

  // ------------------------------------------------- `check` on the result
  if (savedSchool && savedOwn) {
    writeFileSync(path.join(repo, school), savedSchool);
    writeFileSync(path.join(repo, own), savedOwn);
    // The binary `cargo run` above has just built; its summary is on stderr.
    const check = spawnSync(path.join(root, 'target/release/brukervalg'),
      ['check', '--root', repo, '--today', '2026-11-27', '--lang', 'en'], { encoding: 'utf8' });
    const report = `${check.stdout}${check.stderr}`;
    const passed = check.status === 0;
    expect(passed && /^0 errors, 0 warnings$/m.test(report),
      `brukervalg check passes on both profiles as the form saved them${passed ? '' : `:\n${report}`}`);
  }

  // -------------------------------------------- nothing else left the site
  const others = [...new Set(external)].filter((url) => !CMS_OWN.some((allowed) => allowed.test(url)));
  expect(others.length === 0, `no request leaves the site but the pinned script's own${others.length ? `: ${others.join(', ')}` : ''}`);
  await ctx.close();
} catch (e) {
  fail(`the form could not be driven: ${e.message}`);
} finally {
  await browser.close();
  server.close();
  rmSync(tmp, { recursive: true, force: true });
}
console.log(`cms: ${failures === 0 ? 'passed' : `${failures} failed`}`);
process.exit(failures === 0 ? 0 : 1);
