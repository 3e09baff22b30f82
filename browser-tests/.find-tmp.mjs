import { chromium } from 'playwright-core';
const [out, width, url, text] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu'] });
const page = await (await browser.newContext({ viewport: { width: Number(width), height: 900 } })).newPage();
await page.goto(url);
const el = page.getByText(text).first();
const y = await el.evaluate(e => e.getBoundingClientRect().top + window.scrollY);
await page.screenshot({ path: out, fullPage: true, clip: { x: 0, y: Math.max(0, y - 100), width: Number(width), height: 1000 } });
await browser.close();
