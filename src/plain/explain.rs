//! The glossary's explanations on a rendered plain page: the first use of
//! each term in `<main>` becomes `<dfn>word</dfn> (explanation)`, visible
//! text, never a hover-only tooltip.
//!
//! Readers take a second explanation for a mistake, so a term is explained
//! once per page and never where the text explains it itself: not when the
//! words after it are in brackets or say what it «er», not inside brackets,
//! not in a block (paragraph, list item, cell) with a sentence that
//! defines it («Leverandøren er den som gir deg hjelpen.»), and not after a
//! header or term that already has it in brackets. The longest form wins
//! («Statsforvalteren i Vestland» is one term if the glossary has it, and
//! the shorter terms inside it count as explained). A plural use gets the
//! plural explanation, or waits for a singular use when there is none. The
//! explanation goes after the whole name or possessive that belongs to the
//! word: «vedtaket ditt (…)», «Statsforvalteren i Vestland (…)».

use super::glossary::{Found, Glossary, SOFT_HYPHEN, words};
use crate::html::escape;

/// Elements whose text is left alone: a `<dfn>` inside a link or heading
/// would break it, and labels, captions and buttons must stay short.
const LEFT_ALONE: [&str; 19] = [
    "a", "h1", "h2", "h3", "h4", "h5", "h6", "th", "caption", "label", "button", "summary", "dt", "dfn", "abbr",
    "script", "style", "title", "svg",
];

/// Elements that start or end a block of text: a definition or a bracket
/// in one says nothing about the next.
const BLOCKS: [&str; 30] = [
    "p",
    "li",
    "td",
    "th",
    "dd",
    "dt",
    "div",
    "section",
    "article",
    "aside",
    "header",
    "footer",
    "nav",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "caption",
    "table",
    "tr",
    "ul",
    "ol",
    "dl",
    "figure",
    "figcaption",
    "blockquote",
    "details",
    "summary",
];

/// Words that belong to the word before them, so an explanation goes
/// after them: «vedtaket ditt (…)».
const POSSESSIVES: [&str; 19] = [
    "din", "ditt", "di", "dine", "sin", "sitt", "sine", "min", "mitt", "mi", "mine", "vår", "vårt", "våre", "deres",
    "dykkar", "hans", "hennes", "hennar",
];

/// Words that may come between a sentence's start and the term it defines.
const DETERMINERS: [&str; 9] = ["en", "ei", "et", "ein", "eit", "den", "det", "de", "dei"];

/// «X er …» says what X is, unless it goes on with one of these.
const NOT_DEFINING: [&str; 14] =
    ["ikke", "ikkje", "åpen", "åpent", "open", "ope", "stengt", "også", "òg", "ferdig", "glad", "enig", "samd", "der"];

fn is_one_of(name: &str, list: &[&str]) -> bool {
    // Longer names are none of them; most tags end here.
    name.len() <= 10 && list.iter().any(|n| n.eq_ignore_ascii_case(name))
}

/// A piece of `<main>`: a tag, or text with its block and its offset in
/// the block's text, and whether it is left alone.
enum Piece<'a> {
    Tag(&'a str),
    Text { text: &'a str, block: usize, at: usize, alone: bool },
}

/// Explains the first use of each term in the page's `<main>`.
pub fn explain_terms(html: &str, glossary: &Glossary) -> String {
    if glossary.terms.is_empty() {
        return html.to_string();
    }
    let (Some(main_start), Some(main_end)) = (html.find("<main"), html.rfind("</main>")) else {
        return html.to_string();
    };
    let (pieces, blocks) = pieces(&html[main_start..main_end]);
    let mut page = Page {
        glossary,
        explained: vec![false; glossary.terms.len()],
        unexplained: glossary.terms.len(),
        lower: String::new(),
    };
    let mut out = String::with_capacity(html.len() + 512);
    out.push_str(&html[..main_start]);
    let mut current = None;
    let mut depth = Depth::default();
    let mut defined = Vec::new();
    for piece in pieces {
        let (text, block, at, alone) = match piece {
            Piece::Tag(tag) => {
                out.push_str(tag);
                continue;
            }
            Piece::Text { text, block, at, alone } => (text, block, at, alone),
        };
        // Once every term is explained the rest of the page is only copied.
        if page.unexplained == 0 {
            out.push_str(text);
            continue;
        }
        let block_text = blocks[block].as_str();
        if current != Some(block) {
            current = Some(block);
            depth = Depth::default();
            // The block before explained what it defined, wherever it did.
            for term in std::mem::take(&mut defined) {
                page.mark(term);
            }
            defined = definitions(block_text, &mut page);
        }
        if alone {
            page.note_bracketed(text, at, block_text);
            out.push_str(text);
        } else {
            page.explain_in(text, at, block_text, &defined, &mut depth, &mut out);
        }
    }
    out.push_str(&html[main_end..]);
    out
}

/// Splits `main` into tags and texts, each text with its block.
fn pieces(main: &str) -> (Vec<Piece<'_>>, Vec<String>) {
    let mut pieces = Vec::new();
    let mut blocks = vec![String::new()];
    let mut blocked: usize = 0;
    let (mut open_term, mut open_header) = (false, false);
    let mut in_source_note = false;
    let mut rest = main;
    while !rest.is_empty() {
        if rest.starts_with('<') {
            let end = rest.find('>').map_or(rest.len(), |i| i + 1);
            let tag = &rest[..end];
            let closing = tag.starts_with("</");
            let name = tag.trim_start_matches(['<', '/']);
            let name = &name[..name.find(|c: char| !c.is_ascii_alphanumeric()).unwrap_or(name.len())];
            // Lowered once: every tag of every plain page is looked up here.
            let mut buffer = [0u8; 10];
            let name = lowered(name, &mut buffer);
            // «Skrevet av leverandøren.» says who wrote a block; it is no
            // place to explain words (paragraphs do not nest).
            if name == "p" {
                in_source_note = !closing && is_source_note(tag);
            }
            // Templates may leave out `</dt>` and `</th>`: the next term,
            // cell or row ends them as HTML does.
            let ended = (open_term && ends_term(name, closing), open_header && ends_header_cell(name, closing));
            open_term &= !ended.0;
            open_header &= !ended.1;
            blocked = blocked.saturating_sub(usize::from(ended.0) + usize::from(ended.1));
            if LEFT_ALONE.contains(&name) && !tag.ends_with("/>") {
                let (term, header) = (name == "dt", name == "th");
                if !closing {
                    blocked += 1;
                    open_term |= term;
                    open_header |= header;
                } else if !(term || header) {
                    blocked = blocked.saturating_sub(1);
                }
            }
            if BLOCKS.contains(&name) && blocks.last().is_some_and(|b| !b.is_empty()) {
                blocks.push(String::new());
            }
            pieces.push(Piece::Tag(tag));
            rest = &rest[end..];
            continue;
        }
        let end = rest.find('<').unwrap_or(rest.len());
        let text = &rest[..end];
        let block = blocks.len() - 1;
        let at = blocks[block].len();
        blocks[block].push_str(text);
        pieces.push(Piece::Text { text, block, at, alone: blocked > 0 || in_source_note });
        rest = &rest[end..];
    }
    (pieces, blocks)
}

/// Whether `tag` opens a source note, its class quoted or not (templates
/// lose the quotes values do not need, `render::templates`).
fn is_source_note(tag: &str) -> bool {
    // Most paragraphs have no attributes.
    if !tag.contains(' ') {
        return false;
    }
    tag.contains("class=\"source\"") || ["class=source ", "class=source>"].iter().any(|c| tag.contains(c))
}

/// A tag's name in lowercase, in `buffer`; empty when it is longer than
/// any name the lists here hold.
fn lowered<'b>(name: &str, buffer: &'b mut [u8; 10]) -> &'b str {
    let Some(lower) = buffer.get_mut(..name.len()) else { return "" };
    lower.copy_from_slice(name.as_bytes());
    lower.make_ascii_lowercase();
    // The name is ASCII letters and digits, so still UTF-8.
    std::str::from_utf8(lower).unwrap_or_default()
}

/// Whether tag `name` (lowercase) ends an open `<dt>`: its own end tag, or
/// the next term, description or the list's end.
fn ends_term(name: &str, closing: bool) -> bool {
    if closing { matches!(name, "dt" | "dl") } else { matches!(name, "dt" | "dd") }
}

/// Whether tag `name` (lowercase) ends an open `<th>`: its own end tag, the
/// next cell or row, or the table's end.
fn ends_header_cell(name: &str, closing: bool) -> bool {
    if closing {
        matches!(name, "th" | "tr" | "thead" | "tbody" | "tfoot" | "table")
    } else {
        matches!(name, "th" | "td" | "tr")
    }
}

/// How deep in brackets a block's text is, read up to where it was asked.
#[derive(Default)]
struct Depth {
    depth: usize,
    read: usize,
}

impl Depth {
    fn at(&mut self, block_text: &str, offset: usize) -> usize {
        for c in block_text.as_bytes()[self.read.min(offset)..offset].iter() {
            match c {
                b'(' => self.depth += 1,
                b')' => self.depth = self.depth.saturating_sub(1),
                _ => {}
            }
        }
        self.read = self.read.max(offset);
        self.depth
    }
}

/// What one page has explained so far.
struct Page<'g> {
    glossary: &'g Glossary,
    explained: Vec<bool>,
    unexplained: usize,
    /// Scratch space for lowercase words.
    lower: String,
}

impl Page<'_> {
    fn mark(&mut self, term: usize) {
        if !self.explained[term] {
            self.explained[term] = true;
            self.unexplained -= 1;
        }
    }

    fn find(&mut self, text: &str, offset: usize, word: &str) -> Option<Found> {
        self.glossary.find(text, offset, word, &mut self.lower)
    }

    /// A header, term or caption with the term in brackets after it
    /// («SFO (før og etter skolen)») explains it for the rest of the page.
    fn note_bracketed(&mut self, text: &str, at: usize, block_text: &str) {
        let mut skip_to = 0;
        for (offset, word) in words(text) {
            if offset < skip_to {
                continue;
            }
            let Some(found) = self.find(text, offset, word) else { continue };
            skip_to = found.end;
            if block_text[at + found.end..].trim_start_matches(' ').starts_with('(') {
                self.mark(found.term);
            }
        }
    }

    /// Explains the terms first used in `text`, which starts at `at` of
    /// its block's text; `defined` are the terms the block defines, which
    /// only their definition marks.
    fn explain_in(
        &mut self,
        text: &str,
        at: usize,
        block_text: &str,
        defined: &[usize],
        depth: &mut Depth,
        out: &mut String,
    ) {
        let mut from = 0;
        let mut skip_to = 0;
        for (offset, word) in words(text) {
            if offset < skip_to {
                continue;
            }
            let Some(found) = self.find(text, offset, word) else { continue };
            skip_to = found.end;
            if self.explained[found.term] || depth.at(block_text, at + offset) > 0 {
                continue;
            }
            let after = tail(text, found.end);
            let rest = &block_text[at + after..];
            let by_text = rest.trim_start_matches(' ').starts_with('(') || defines(rest);
            let explanation = if by_text { None } else { self.glossary.explanation(found) };
            if !by_text && (explanation.is_none() || defined.contains(&found.term)) {
                continue;
            }
            self.mark(found.term);
            // The shorter terms inside a longer one are explained with it.
            let mut inside = Vec::new();
            for (inner, word) in words(&text[offset..found.end]) {
                let within = |f: Found| {
                    if f.end <= found.end {
                        inside.push(f.term);
                    }
                };
                self.glossary.each_form(text, offset + inner, word, &mut self.lower, within);
            }
            for term in inside {
                self.mark(term);
            }
            out.push_str(&text[from..offset]);
            out.push_str("<dfn>");
            out.push_str(&text[offset..found.end]);
            out.push_str("</dfn>");
            out.push_str(&text[found.end..after]);
            if let Some(explanation) = explanation {
                out.push_str(" (");
                out.push_str(&escape(explanation));
                out.push(')');
            }
            from = after;
        }
        out.push_str(&text[from..]);
    }
}

/// The next word after `end` if only one space is between, with its end.
fn next_word(text: &str, end: usize) -> Option<(&str, usize)> {
    let rest = text[end..].strip_prefix(' ')?;
    let (0, word) = words(rest).next()? else { return None };
    Some((word, end + 1 + word.len()))
}

/// Where the words that belong to a term end: a possessive («vedtaket
/// ditt»), a place («Statsforvalteren i Vestland», «… i Fjordvik kommune»).
fn tail(text: &str, end: usize) -> usize {
    let mut end = end;
    if let Some((word, e)) = next_word(text, end)
        && is_one_of(word, &POSSESSIVES)
    {
        end = e;
    }
    if let Some((word, e)) = next_word(text, end)
        && (word == "i" || word == "på")
        && let Some((place, e)) = next_word(text, e)
        && place.starts_with(char::is_uppercase)
    {
        end = e;
        if let Some((word, e)) = next_word(text, end)
            && is_one_of(word, &["kommune", "fylke", "fylkeskommune"])
        {
            end = e;
        }
    }
    end
}

/// Whether `rest`, the text right after a term, says what the term is:
/// «… er den som gir deg hjelpen», «… betyr», «… tyder».
fn defines(rest: &str) -> bool {
    let rest = rest.replace(SOFT_HYPHEN, "");
    ["er", "betyr", "tyder"].iter().any(|verb| {
        rest.strip_prefix(' ')
            .and_then(|r| r.strip_prefix(verb))
            .and_then(|r| r.strip_prefix(' '))
            .is_some_and(|r| r.split([' ', ',', '.']).next().is_none_or(|next| !is_one_of(next, &NOT_DEFINING)))
    })
}

/// The terms a sentence of the block defines: one that starts with the
/// term (or an article and the term) and says what it is.
fn definitions(block_text: &str, page: &mut Page) -> Vec<usize> {
    let mut defined = Vec::new();
    let mut previous_end = 0;
    let mut after_article = false;
    for (offset, word) in words(block_text) {
        let gap = &block_text[previous_end..offset];
        previous_end = offset + word.len();
        let starts_sentence = offset == 0 || gap.contains(['.', '!', '?', ':']);
        let may_define = starts_sentence || after_article;
        after_article = starts_sentence && is_one_of(word, &DETERMINERS);
        if !may_define || after_article {
            continue;
        }
        if let Some(found) = page.find(block_text, offset, word)
            && defines(&block_text[tail(block_text, found.end)..])
        {
            defined.push(found.term);
        }
    }
    defined
}

#[cfg(test)]
mod tests;
