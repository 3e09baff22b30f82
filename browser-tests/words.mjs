// words.mjs: words stay whole (issue 22 item 1), used by check.mjs:
//   words        every visible text node of the page, laid out as the reader
//                sees it: a line may end only at a space, a soft hyphen, a
//                hyphen or dash, between two text nodes (a <wbr>) or inside
//                an address (e-mail, web); a word of a name (CSS hyphens:
//                auto) longer than its whole line is left to the browser's
//                hyphenation dictionary; a phone number, organisation number or
//                amount ("55 12 36 00", "974 760 673", "1 250") is never
//                split over two lines; no text is laid out at 2 characters
//                per line or fewer (a caption or column squeezed to a letter
//                per line). Measured with Range.getClientRects: each text
//                node as a whole, then each word of a node that spans more
//                than one line, then each character of a word that does.
//                Runs on the pages of choosing (WORD_PAGES in check.mjs) at
//                1280, 320 and 360 px, and on the comparison of three.
// The in-page probe is self-contained (it runs through page.evaluate).

function wordsProbe() {
  const out = { nodes: 0, breaks: [], numbers: [], narrow: [] };
  // A line may end after one of these (U+00AD soft hyphen, hyphens, dashes).
  const BREAKABLE = new Set(['\u00ad', '-', '\u2010', '\u2013', '\u2014']);
  // Ordinary spaces end a word; a no-break space (U+00A0, U+202F) does not.
  const WORD = /[^ \t\n\r\f\u200b]+/g;
  // Norwegian phone numbers (55 12 36 00, 815 22 040), organisation numbers
  // (974 760 673) and amounts with thousands spaces (1 250, 12 500 000).
  const NUMBER = /(?<![\d\p{L}])(?:\+47[ \u00a0])?(?:\d{2}(?:[ \u00a0]\d{2}){3}|\d{3}[ \u00a0]\d{2}[ \u00a0]\d{3}|\d{1,3}(?:[ \u00a0]\d{3})+)(?![\d\p{L}])/gu;
  const ADDRESS = /@|:\/\/|^\(?www\.|\.(no|com|org|net)\//;
  // The width a line of `el`'s text may take: its block's content box.
  const lineWidth = (el) => {
    let b = el;
    while (b.parentElement && getComputedStyle(b).display.startsWith('inline')) b = b.parentElement;
    const s = getComputedStyle(b);
    return b.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight);
  };
  const range = document.createRange();
  const rectsOf = (node, a, b) => {
    range.setStart(node, a);
    range.setEnd(node, b);
    return [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
  };
  // The lines a list of rectangles lies on: a rectangle whose middle is
  // within half its height of a line's middle is on that line.
  const linesOf = (rects) => {
    const mids = [];
    for (const r of rects) {
      const m = (r.top + r.bottom) / 2;
      if (!mids.some((y) => Math.abs(y - m) < r.height / 2)) mids.push(m);
    }
    return mids;
  };
  // Text no one sees laid out: in a closed or hidden box, or in a box of
  // 1-2 px (.visually-hidden, a table head moved out of sight), where every
  // word would wrap.
  const unseen = new Map();
  const isUnseen = (el) => {
    if (!el || el === document.body) return false;
    if (unseen.has(el)) return unseen.get(el);
    const b = el.getBoundingClientRect();
    const s = getComputedStyle(el);
    const v = s.display === 'none' || s.visibility !== 'visible' || ((b.width <= 2 || b.height <= 2) && s.overflow !== 'visible')
      || isUnseen(el.parentElement);
    unseen.set(el, v);
    return v;
  };
  const where = (el) => {
    let s = el.tagName.toLowerCase();
    if (el.id) s += `#${el.id}`;
    for (const c of el.classList) s += `.${c}`;
    return s;
  };
  const shown = (s) => s.replace(/\u00ad/g, '').replace(/\s+/g, ' ').trim();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) => (/\S/.test(n.data) && !n.parentElement.closest('script, style, noscript, template, svg, title, option')
      ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_REJECT),
  });
  while (walker.nextNode()) {
    const node = walker.currentNode, text = node.data, el = node.parentElement;
    const all = rectsOf(node, 0, text.length);
    if (!all.length || isUnseen(el)) continue;
    out.nodes++;
    const lines = linesOf(all).length;
    if (lines < 2) continue;
    const letters = text.replace(/[\s\u00ad\u200b]/g, '').length;
    if (letters >= 3 && letters / lines <= 2)
      out.narrow.push(`"${shown(text).slice(0, 40)}" in ${where(el)}: ${letters} characters on ${lines} lines, ${Math.round(all[0].width)} px wide`);
    for (const m of text.matchAll(WORD)) {
      const a = m.index, b = a + m[0].length;
      // A long address may break anywhere (it has <wbr> where the build
      // reached it, and no hyphen may be added to it).
      if (ADDRESS.test(m[0])) continue;
      const pieces = rectsOf(node, a, b);
      if (linesOf(pieces).length < 2) continue;
      // A name (link, heading, header cell: CSS hyphens: auto, no soft
      // hyphens by design) with a word longer than its whole line is left
      // to the browser's dictionary; this browser may have none.
      // Measured in whole pixels both ways: a word as wide as its line is such a word.
      if (getComputedStyle(el).hyphens === 'auto' && pieces.reduce((w, r) => w + r.width, 0) > lineWidth(el) - 1) continue;
      // Where the word's lines change: between the last character drawn on
      // one line and the first drawn on the next.
      let prev = null, prevMid = null, at = [];
      for (let i = a; i < b; i++) {
        // The last rectangle: Chromium gives the character after a soft
        // hyphen at a line end the drawn hyphen's rectangle first.
        const r = rectsOf(node, i, i + 1).pop();
        if (!r) continue;
        const mid = (r.top + r.bottom) / 2;
        if (prevMid !== null && mid - prevMid > r.height / 2 && !BREAKABLE.has(text[prev])) at.push(i);
        prev = i;
        prevMid = mid;
      }
      if (at.length) {
        let marked = '', from = a;
        for (const i of at) { marked += text.slice(from, i) + '|'; from = i; }
        marked += text.slice(from, b);
        out.breaks.push(`"${shown(marked)}" in ${where(el)}`);
      }
    }
    for (const m of text.matchAll(NUMBER)) {
      if (linesOf(rectsOf(node, m.index, m.index + m[0].length)).length > 1)
        out.numbers.push(`"${m[0].replace(/\u00a0/g, ' ')}" in ${where(el)}`);
    }
  }
  return out;
}

// Fails `words` with up to five examples of each kind of fault.
export async function checkWords(page, at, fail) {
  const r = await page.evaluate(wordsProbe);
  const list = (xs) => `${xs.slice(0, 5).join('; ')}${xs.length > 5 ? `; and ${xs.length - 5} more` : ''}`;
  if (r.breaks.length) fail('words', `${r.breaks.length} word(s) broken mid-word ${at}: ${list(r.breaks)}`);
  if (r.numbers.length) fail('words', `${r.numbers.length} number(s) split over two lines ${at}: ${list(r.numbers)}`);
  if (r.narrow.length) fail('words', `${r.narrow.length} text(s) at 2 characters per line or fewer ${at}: ${list(r.narrow)}`);
  return r.nodes;
}
