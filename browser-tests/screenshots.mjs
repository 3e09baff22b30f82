#!/usr/bin/env node
// Screenshots for looking at pages as a reader would: each URL at a phone
// width (360 px) and a desktop width (1280 px), viewport-sized, from the top
// and, with --at SELECTOR, scrolled to an element.
// --forced-colors: Windows high contrast (forced colours, dark); --spacing:
// WCAG 1.4.12's text spacing; --full: the whole page, not one screen.
// Usage: node screenshots.mjs OUT_DIR [--at SELECTOR] [--js off] [--forced-colors] [--spacing] [--full] URL...
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const argv = process.argv.slice(2);
const out = argv.shift();
let at = null, js = true, forced = false, spacing = false, full = false;
const urls = [];
for (let i = 0; i < argv.length; i++) {
  if (argv[i] === '--at') at = argv[++i];
  else if (argv[i] === '--js') js = argv[++i] !== 'off';
  else if (argv[i] === '--forced-colors') forced = true;
  else if (argv[i] === '--spacing') spacing = true;
  else if (argv[i] === '--full') full = true;
  else urls.push(argv[i]);
}
mkdirSync(out, { recursive: true });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: ARGS });
const widths = [{ name: '360', viewport: { width: 360, height: 740 }, isMobile: true }, { name: '1280', viewport: { width: 1280, height: 900 } }];
for (const w of widths) {
  const context = await browser.newContext({ viewport: w.viewport, isMobile: !!w.isMobile, javaScriptEnabled: js,
    ...(forced ? { forcedColors: 'active', colorScheme: 'dark' } : {}) });
  const page = await context.newPage();
  for (const url of urls) {
    await page.goto(url, { waitUntil: 'load' });
    if (spacing) {
      await page.addStyleTag({ content: '* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }' });
    }
    if (at) {
      const el = await page.$(at);
      if (el) await el.scrollIntoViewIfNeeded();
    }
    const name = new URL(url).pathname.replace(/^\/|\/$/g, '').replace(/[^a-z0-9]+/gi, '_') || 'index';
    const how = `${at ? '_at' : ''}${forced ? '_forced' : ''}${spacing ? '_spacing' : ''}${js ? '' : '_nojs'}`;
    const file = `${out}/${name}${how}-${w.name}.png`;
    await page.screenshot({ path: file, fullPage: full });
    console.log(file);
  }
  await context.close();
}
await browser.close();
