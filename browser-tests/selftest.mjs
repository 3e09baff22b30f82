#!/usr/bin/env node
// selftest.mjs: proves check.mjs fails when it should. Runs it on fixtures/:
//   clean/                    must pass every check;
//   broken/                   must fail all five checks (axe, vnu, reflow,
//                             skip-link, focus), each for the planted reason;
//   broken/<one-thing>/       must fail exactly the one check named below.
// Exit 0 when every expectation holds, 1 otherwise.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const tmp = mkdtempSync(path.join(tmpdir(), 'browser-selftest-'));
const json = path.join(tmp, 'result.json');
const run = spawnSync(process.execPath, [path.join(HERE, 'check.mjs'), '--json', json, path.join(HERE, 'fixtures')],
  { encoding: 'utf8', timeout: 300_000 });
const verbose = process.argv.includes('--verbose');
if (verbose) process.stdout.write(run.stdout + run.stderr);

let bad = 0, good = 0;
const expect = (ok, what) => { if (ok) good++; else { bad++; console.log(`  ✗ ${what}`); } };

expect(run.status === 1, `check.mjs exits 1 on the fixtures (got ${run.status}${run.error ? `, ${run.error.message}` : ''})`);
const lastLine = run.stdout.trimEnd().split('\n').pop();
expect(/^\d+ passed, \d+ failed$/.test(lastLine), `the last line reads "N passed, N failed" (got "${lastLine}")`);
let result = { pages: [], runFailures: [] };
try { result = JSON.parse(readFileSync(json, 'utf8')); } catch (e) { expect(false, `check.mjs wrote its JSON report (${e.message})`); }
rmSync(tmp, { recursive: true, force: true });

const page = (p) => result.pages.find((x) => x.path === p) || { path: p, failures: null };
const checksOf = (pg) => [...new Set((pg.failures || []).map((f) => f.check))].sort();
const messages = (pg, check) => (pg.failures || []).filter((f) => f.check === check).map((f) => f.message).join('\n');

// A clean page passes.
const clean = page('/clean/');
expect(clean.failures && clean.failures.length === 0,
  `/clean/ passes every check (failed: ${clean.failures ? clean.failures.map((f) => `${f.check}: ${f.message}`).join(' | ') : 'page not checked'})`);

// The broken page fails each of the five checks, for the planted reason.
const broken = page('/broken/');
const planted = {
  axe: [/^image-alt /m, /^color-contrast /m, /^td-has-header /m],
  vnu: [/Duplicate ID/],
  reflow: [/sideways scrolling at 320px/, /at 360px phone/],
  'skip-link': [/first Tab focuses .*not a link to <main>/],
  focus: [/no visible focus indicator on Tab stop 1\b/],
};
for (const [check, patterns] of Object.entries(planted)) {
  const text = messages(broken, check);
  expect(text.length > 0, `/broken/ fails the ${check} check`);
  for (const re of patterns) expect(re.test(text), `/broken/ ${check} failure matches ${re}`);
}

// Pages that break one thing fail that check and no other.
const only = {
  '/broken/skip-hidden/': ['skip-link', /not visible when focused/],
  '/broken/skip-wrong-target/': ['skip-link', /#innhold does not point at the main element/],
  '/broken/no-viewport/': ['reflow', /no <meta name=viewport>/],
  '/broken/focus-invisible/': ['focus', /Tab stop 2, a\.ghost[\s\S]*Tab stop 3, a\.thin/],
  '/broken/wide-without-js/': ['reflow', /320px without JavaScript/],
};
for (const [p, [check, re]] of Object.entries(only)) {
  const pg = page(p);
  const got = checksOf(pg);
  expect(pg.failures && got.length === 1 && got[0] === check, `${p} fails only ${check} (failed: ${got.join(', ') || 'nothing'})`);
  expect(re.test(messages(pg, check)), `${p} ${check} failure matches ${re}`);
}

// Nothing broke in the checker itself.
for (const pg of result.pages) {
  const errs = (pg.failures || []).filter((f) => f.check === 'error' || f.check === 'load');
  expect(!errs.length, `${pg.path} loads and is checked (${errs.map((f) => f.message).join('; ')})`);
}
expect(!result.runFailures.length, `no failure outside a page (${result.runFailures.join('; ')})`);

if (bad) {
  if (!verbose) process.stdout.write(`check.mjs output on the fixtures:\n${run.stdout}${run.stderr}`);
  console.log(`self-test FAILED: ${bad} of ${good + bad} expectations not met`);
  process.exit(1);
}
console.log(`self-test ok: ${good} expectations met (clean fixture passes; broken fixtures fail axe, vnu, reflow, skip-link and focus)`);
