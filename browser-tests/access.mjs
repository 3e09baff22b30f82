// access.mjs: the checks of what assistive technology and the reader's own
// settings meet (issue 27, WCAG 2.2 AA), used by check.mjs:
//   menus        each header menu (details.menu) closes on Escape with focus
//                back on its button, when Tab leaves it, and on a click
//                outside it (sample pages, 1280 px and the 360 px phone);
//   focus-hidden no element reached with Tab is entirely covered by
//                something else (sticky or open): tested at its centre and
//                four inner corners (WCAG 2.4.11), also after the menu was
//                opened and left (sample pages, 1280 px and 360 px);
//   forced-colors with forced colours on, light and dark: every chart's text
//                contrasts 4.5:1 and its lines, marks and bars 3:1 with the
//                page's background (pages with charts);
//   text-spacing with the WCAG 1.4.12 spacing (line height 1.5, paragraphs
//                2 em apart, letters 0.12 em, words 0.16 em) at 320, 768 and
//                1280 px: no sideways scrolling, no chart text outside its
//                chart, no text cut off by a box that hides its overflow;
//   names        no invisible characters (soft hyphen, zero-width space and
//                joiners, word joiner, BOM) in link text or in the
//                accessible name of a link, button, control, heading,
//                landmark, table or header cell (the browser's own tree);
//                links with the same text go to the same place (2.4.9);
//                no two landmarks of one role share a name, and a region is
//                not named like the table it holds;
//   tables       no form control inside a row header; card labels made by
//                CSS (::before) carry empty alternative text, so a screen
//                reader does not hear the column header twice (at 360 px);
//                a tick box is described by instructions that come before
//                it, and every ticked box is listed with a remove button;
//   cls          the layout shifts while a page loads add up to below 0.05
//                (PerformanceObserver 'layout-shift'), at 1280 and 360 px;
//                the comparison page also opened with three providers.
// The in-page probes below run in the page, so each is self-contained.

export const CLS_LIMIT = 0.05;
const TEXT_SPACING_CSS = '*, *::before, *::after { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }';
const INVISIBLE = '[\\u00ad\\u200b\\u200c\\u200d\\u2060\\ufeff]';
// Roles (as Chromium names them) whose name is a name: what a person
// dictates, reads in braille or hears as a label, not text content.
const NAMED_ROLES = new Set(['link', 'button', 'checkbox', 'radio', 'textbox', 'combobox', 'searchbox', 'slider',
  'spinbutton', 'switch', 'tab', 'menuitem', 'option', 'heading', 'region', 'navigation', 'main', 'banner',
  'contentinfo', 'complementary', 'form', 'search', 'table', 'grid', 'columnheader', 'rowheader', 'image', 'img',
  'figure', 'DisclosureTriangle', 'ListBox', 'MenuListPopup', 'PopUpButton']);
const LANDMARKS = new Set(['region', 'navigation', 'main', 'banner', 'contentinfo', 'complementary', 'form', 'search']);

// ------------------------------------------------------------ in-page probes

// Is `el` entirely covered? Its centre and four points just inside its
// corners (those within the viewport); a point counts as shown when the
// topmost element there is `el`, inside it or one of its ancestors.
function coveredProbe() {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  const b = el.getBoundingClientRect();
  if (b.width < 1 || b.height < 1) return null;
  const inset = Math.min(2, b.width / 4, b.height / 4);
  const points = [[b.left + b.width / 2, b.top + b.height / 2], [b.left + inset, b.top + inset], [b.right - inset, b.top + inset],
    [b.left + inset, b.bottom - inset], [b.right - inset, b.bottom - inset]]
    .filter(([x, y]) => x >= 0 && y >= 0 && x < window.innerWidth && y < window.innerHeight);
  if (!points.length) return null;
  let cover = null;
  for (const [x, y] of points) {
    const hit = document.elementFromPoint(x, y);
    if (!hit || hit === el || el.contains(hit) || hit.contains(el)) return { covered: false };
    cover = hit;
  }
  return { covered: true, desc: window.__bt_describe(el), by: window.__bt_describe(cover) };
}

function menuState(i) {
  const menu = document.querySelectorAll('header details.menu, header details')[i];
  const a = document.activeElement;
  return { open: menu.open, focusOnSummary: a === menu.querySelector('summary'), inside: menu.contains(a),
    desc: window.__bt_describe(menu.querySelector('summary')) };
}

function chartColoursProbe() {
  const rgb = (c) => { const m = /rgba?\(([^)]*)\)/.exec(c || ''); if (!m) return null; const p = m[1].split(/[ ,/]+/).filter(Boolean).map(Number); return p.length > 3 && p[3] === 0 ? null : p.slice(0, 3); };
  const lum = (p) => { const [r, g, b] = p.map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; }); return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
  const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((m, n) => n - m); return (x + 0.05) / (y + 0.05); };
  // The page's background: the first opaque one from the chart up.
  const background = (el) => {
    for (let a = el; a; a = a.parentElement) { const c = rgb(getComputedStyle(a).backgroundColor); if (c) return c; }
    return rgb(getComputedStyle(document.documentElement).backgroundColor) || [255, 255, 255];
  };
  const problems = [];
  let count = 0;
  for (const svg of document.querySelectorAll('svg')) {
    if (svg.getBoundingClientRect().width === 0) continue;
    const bg = background(svg.parentElement || svg);
    for (const el of svg.querySelectorAll('text, path, line, polyline, circle, rect')) {
      const s = getComputedStyle(el);
      if (s.visibility !== 'visible' || s.display === 'none' || el.closest('defs')) continue;
      const isText = el.tagName === 'text';
      const paints = isText ? [['fill', s.fill]] : [['stroke', s.stroke], ['fill', s.fill]];
      const shown = paints.map(([k, v]) => [k, rgb(v)]).filter(([k, v]) => v && !(k === 'stroke' && parseFloat(s.strokeWidth) === 0));
      if (!shown.length) continue; // a pattern or nothing painted
      count++;
      const best = Math.max(...shown.map(([, v]) => ratio(v, bg)));
      const need = isText ? 4.5 : 3;
      // Painted exactly in the background's colour: a halo or a track,
      // meant to look like the background.
      if (!isText && shown.every(([, v]) => v.join() === bg.join())) continue;
      if (best < need) problems.push(`${isText ? `text "${(el.textContent || '').trim().slice(0, 25)}"` : `<${el.tagName}>`} ${shown.map(([k, v]) => `${k} rgb(${v.join(',')})`).join(', ')} on rgb(${bg.join(',')}): ${best.toFixed(1)}:1 < ${need}:1`);
    }
  }
  return { count, problems };
}

function textSpacingProbe() {
  const iw = window.innerWidth;
  const out = [];
  const sw = document.documentElement.scrollWidth;
  if (sw > iw) {
    // The outermost boxes that stick out (not inside a box of their own
    // that scrolls or clips).
    const clipped = (el) => { for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) if (getComputedStyle(a).overflowX !== 'visible') return true; return false; };
    const culprits = [];
    for (const el of document.body.querySelectorAll('*')) {
      const b = el.getBoundingClientRect();
      if (b.width > 0 && b.right > iw + 0.5 && !clipped(el) && !(el.parentElement && el.parentElement.getBoundingClientRect().right > iw + 0.5)) culprits.push(window.__bt_describe(el));
      if (culprits.length >= 3) break;
    }
    out.push(`sideways scrolling: scrollWidth ${sw} > ${iw}${culprits.length ? `; too wide: ${culprits.join('; ')}` : ''}`);
  }
  for (const svg of document.querySelectorAll('svg')) {
    const sb = svg.getBoundingClientRect();
    if (!sb.width) continue;
    for (const t of svg.querySelectorAll('text')) {
      const tb = t.getBoundingClientRect();
      if (tb.width && (tb.right > sb.right + 1 || tb.left < sb.left - 1)) { out.push(`chart text "${t.textContent.trim().slice(0, 30)}" runs ${Math.round(Math.max(tb.right - sb.right, sb.left - tb.left))} px outside its chart`); break; }
    }
  }
  // Text cut off by a box that hides overflow (not a scrolling box, not
  // text meant for screen readers only).
  for (const el of document.body.querySelectorAll('*')) {
    const s = getComputedStyle(el);
    if (!/hidden|clip/.test(s.overflowX + s.overflowY) || el.clientWidth <= 1 || el.clientHeight <= 1) continue;
    if (s.position === 'absolute' && el.clientWidth <= 2) continue;
    if ((el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1) && (el.innerText || '').trim()) {
      out.push(`text cut off in ${window.__bt_describe(el)} (${el.scrollWidth}x${el.scrollHeight} in ${el.clientWidth}x${el.clientHeight})`);
      if (out.length >= 5) break;
    }
  }
  return out;
}

function linkTextProbe(invisible) {
  const re = new RegExp(invisible);
  const out = [];
  const byText = new Map();
  for (const a of document.querySelectorAll('a[href]')) {
    const text = a.textContent;
    if (re.test(text)) out.push(`link text of ${window.__bt_describe(a)} holds U+${text.codePointAt(text.search(re)).toString(16).toUpperCase().padStart(4, '0')}`);
    const b = a.getBoundingClientRect();
    const key = (a.innerText || text).replace(/\s+/g, ' ').trim().toLowerCase();
    if (!key || (b.width === 0 && b.height === 0)) continue;
    let href; try { href = new URL(a.getAttribute('href'), location.href).href; } catch { continue; }
    if (!byText.has(key)) byText.set(key, new Set());
    byText.get(key).add(href.replace(/index\.html$/, ''));
  }
  const dupes = [...byText].filter(([, hrefs]) => hrefs.size > 1)
    .map(([text, hrefs]) => `"${text.slice(0, 40)}" goes to ${[...hrefs].map((h) => new URL(h).pathname + new URL(h).hash).join(' and ')}`);
  return { invisible: out.slice(0, 5), more: Math.max(0, out.length - 5), dupes };
}

function tablesProbe() {
  const out = [];
  for (const th of document.querySelectorAll('th[scope="row"], tbody th')) {
    const control = th.querySelector('input, select, textarea, button, label');
    if (control) { out.push(`a control in the row header ${window.__bt_describe(th)}: ${window.__bt_describe(control)}`); break; }
  }
  for (const td of document.querySelectorAll('td')) {
    const b = td.getBoundingClientRect();
    if (!b.width) continue;
    const c = getComputedStyle(td, '::before').content;
    if (c && c !== 'none' && c !== 'normal' && /"[^"]*\S[^"]*"/.test(c) && !/\/\s*""\s*$/.test(c)) {
      out.push(`the card label ${c.slice(0, 40)} of ${window.__bt_describe(td)} is read aloud (no empty alternative text: content: ... / "")`);
      break;
    }
  }
  const boxes = [...document.querySelectorAll('table input[type="checkbox"]')];
  for (const box of boxes) {
    const ids = (box.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean);
    const described = ids.map((id) => document.getElementById(id)).filter(Boolean);
    const before = described.some((d) => (d.compareDocumentPosition(box) & Node.DOCUMENT_POSITION_FOLLOWING) && (d.textContent || '').trim());
    if (!before) { out.push(`the tick box ${window.__bt_describe(box.closest('label') || box)} is not described by instructions before it (aria-describedby)`); break; }
  }
  return { problems: out, boxes: boxes.length };
}

// Ticks the first two boxes, hides their rows as a filter would, and
// reads what the page lists as chosen.
function ticksProbe() {
  const all = [...document.querySelectorAll('table[data-filter-table] input[type="checkbox"]')];
  // From nothing ticked: an earlier check on this page (or the shortlist
  // the script keeps) may have ticked some, and a click would untick them
  // or meet the limit of three.
  for (const box of all) if (box.checked) box.click();
  const boxes = all.slice(0, 2);
  if (boxes.length < 2) return null;
  const names = [];
  for (const box of boxes) {
    box.click();
    const row = box.closest('tr');
    const head = row.querySelector('th a') || row.querySelector('th');
    const name = head ? head.textContent.replace(/\u00ad/g, '').trim() : box.value;
    names.push(name);
    row.hidden = true;
  }
  const out = [];
  const visible = (el) => { const b = el.getBoundingClientRect(); return b.width > 0 && b.height > 0; };
  const buttons = [...document.querySelectorAll('button')].filter(visible);
  for (const name of names) {
    const listed = buttons.some((b) => (b.textContent || '').includes(name) || (b.getAttribute('aria-label') || '').includes(name));
    if (!listed) out.push(`"${name}" is ticked on a hidden row, and no visible button removes it`);
  }
  for (const box of boxes) { box.click(); box.closest('tr').hidden = false; }
  return out;
}

function clsProbe() {
  return new Promise((resolve) => {
    let sum = 0;
    const shifts = [];
    const po = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) { sum += e.value; shifts.push(e); }
    });
    po.observe({ type: 'layout-shift', buffered: true });
    setTimeout(() => {
      po.disconnect();
      const src = shifts.flatMap((e) => (e.sources || []).map((s) => s.node && s.node.nodeType === 1 ? window.__bt_describe(s.node) : String(s.node && s.node.nodeName))).slice(0, 3);
      resolve({ sum, sources: src });
    }, 300);
  });
}

// --------------------------------------------------------------- the checks

export async function checkMenus(page, at, fail) {
  const count = await page.evaluate(() => document.querySelectorAll('header details.menu, header details').length);
  for (let i = 0; i < count; i++) {
    const summary = page.locator('header details.menu > summary, header details > summary').nth(i);
    if (!(await summary.isVisible())) continue;
    // Escape from inside the open menu.
    await summary.click();
    let s = await page.evaluate(menuState, i);
    if (!s.open) { fail('menus', `${s.desc} ${at}: a click does not open the menu`); continue; }
    await page.keyboard.press('Tab');
    await page.keyboard.press('Escape');
    s = await page.evaluate(menuState, i);
    if (s.open) fail('menus', `${s.desc} ${at}: Escape does not close the menu`);
    else if (!s.focusOnSummary) fail('menus', `${s.desc} ${at}: after Escape focus is not back on the menu's button`);
    // Tab out of it: closed, or at least not covering where focus went.
    await page.evaluate((j) => { const m = document.querySelectorAll('header details.menu, header details')[j]; m.open = false; }, i);
    await summary.click();
    for (let k = 0; k < 30; k++) {
      await page.keyboard.press('Tab');
      s = await page.evaluate(menuState, i);
      if (!s.inside && !s.focusOnSummary) break;
    }
    if (s.open) {
      const c = await page.evaluate(coveredProbe);
      fail('menus', `${s.desc} ${at}: the menu stays open after Tab leaves it${c && c.covered ? ` and covers ${c.desc}` : ''}`);
    }
    // A click outside.
    await page.evaluate((j) => { const m = document.querySelectorAll('header details.menu, header details')[j]; m.open = false; }, i);
    await summary.click();
    const vp = page.viewportSize();
    await page.mouse.click(2, vp.height - 2);
    s = await page.evaluate(menuState, i);
    if (s.open) fail('menus', `${s.desc} ${at}: a click outside does not close the menu`);
    await page.evaluate((j) => { const m = document.querySelectorAll('header details.menu, header details')[j]; m.open = false; }, i);
  }
  await page.evaluate(() => { if (document.activeElement) document.activeElement.blur(); window.scrollTo(0, 0); });
  return count;
}

// For check.mjs's own walk with Tab: after each stop, is it covered?
export function focusCovered(page, at, fail) {
  return async (i) => {
    const r = await page.evaluate(coveredProbe);
    if (r && r.covered) fail('focus-hidden', `${at}: Tab stop ${i + 1}, ${r.desc}, is entirely covered by ${r.by}`);
  };
}

// From a fresh load: Tab through `tabs` stops, none entirely covered.
export async function checkFocusHidden(page, tabs, at, fail) {
  const seen = [];
  for (let i = 0; i < tabs; i++) {
    await page.keyboard.press('Tab');
    const r = await page.evaluate(coveredProbe);
    if (!r) continue;
    if (r.covered) seen.push(`Tab stop ${i + 1}, ${r.desc}, is entirely covered by ${r.by}`);
  }
  for (const s of seen.slice(0, 3)) fail('focus-hidden', `${at}: ${s}`);
  if (seen.length > 3) fail('focus-hidden', `${at}: ${seen.length - 3} more Tab stops entirely covered`);
  await page.evaluate(() => { if (document.activeElement) document.activeElement.blur(); window.scrollTo(0, 0); });
}

export async function checkForcedColors(page, fail) {
  let count = 0;
  for (const scheme of ['light', 'dark']) {
    await page.emulateMedia({ forcedColors: 'active', colorScheme: scheme });
    const r = await page.evaluate(chartColoursProbe);
    count = Math.max(count, r.count);
    for (const p of r.problems.slice(0, 3)) fail('forced-colors', `forced colours, ${scheme}: ${p}`);
    if (r.problems.length > 3) fail('forced-colors', `forced colours, ${scheme}: ${r.problems.length - 3} more chart parts hard to see`);
  }
  await page.emulateMedia({ forcedColors: 'none', colorScheme: 'light' });
  return count;
}

// Leaves the spacing on the page: run it last on a tab before it loads the
// next page.
export async function checkTextSpacing(page, widths, height, fail) {
  await page.addStyleTag({ content: TEXT_SPACING_CSS });
  for (const w of widths) {
    await page.setViewportSize({ width: w, height });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    for (const p of await page.evaluate(textSpacingProbe)) fail('text-spacing', `at ${w}px: ${p}`);
  }
}

export async function checkNames(page, fail) {
  const r = await page.evaluate(linkTextProbe, INVISIBLE);
  for (const p of r.invisible) fail('names', p);
  if (r.more) fail('names', `${r.more} more link texts with invisible characters`);
  for (const d of r.dupes.slice(0, 3)) fail('names', `the same link text for different places: ${d}`);
  if (r.dupes.length > 3) fail('names', `${r.dupes.length - 3} more link texts for different places`);
  const cdp = await page.context().newCDPSession(page);
  try {
    const { nodes } = await cdp.send('Accessibility.getFullAXTree');
    const re = new RegExp(INVISIBLE);
    const bad = [];
    const landmarks = new Map();
    const byId = new Map(nodes.map((n) => [n.nodeId, n]));
    for (const n of nodes) {
      if (n.ignored) continue;
      const role = n.role?.value, name = n.name?.value || '';
      if (NAMED_ROLES.has(role) && re.test(name)) bad.push(`${role} "${name.replace(new RegExp(INVISIBLE, 'g'), '·').slice(0, 40)}"`);
      if (LANDMARKS.has(role) && name) {
        const key = `${role} "${name}"`;
        landmarks.set(key, (landmarks.get(key) || 0) + 1);
      }
      if (role === 'region' && name) {
        // A region named like the table it holds says nothing new.
        const stack = [...(n.childIds || [])];
        while (stack.length) {
          const c = byId.get(stack.pop());
          if (!c) continue;
          if (c.role?.value === 'table' && (c.name?.value || '') === name) { fail('names', `the region "${name}" is named like the table it holds`); break; }
          stack.push(...(c.childIds || []));
        }
      }
    }
    if (bad.length) fail('names', `${bad.length} accessible name(s) with invisible characters (· below): ${bad.slice(0, 4).join('; ')}`);
    for (const [key, n] of landmarks) if (n > 1) fail('names', `${n} landmarks share the name ${key}`);
  } finally { await cdp.detach().catch(() => {}); }
}

export async function checkTables(page, at, fail) {
  const r = await page.evaluate(tablesProbe);
  for (const p of r.problems) fail('tables', `${at}: ${p}`);
  return r.boxes;
}

export async function checkTicks(page, fail) {
  const r = await page.evaluate(ticksProbe);
  if (r) for (const p of r) fail('tables', p);
}

export async function checkCls(page, at, fail) {
  const r = await page.evaluate(clsProbe);
  if (r.sum >= CLS_LIMIT) fail('cls', `${at}: layout shift ${r.sum.toFixed(3)} >= ${CLS_LIMIT}${r.sources.length ? ` (moved: ${r.sources.join('; ')})` : ''}`);
  return r.sum;
}
