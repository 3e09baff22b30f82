//! Break opportunities for long words and addresses, added at build time.
//!
//! Browsers carry no Norwegian hyphenation dictionary, so without help a
//! long compound in a narrow column or in large print either runs out of
//! its box or is cut anywhere without a hyphen ("brukerundersøkel / sene").
//! Soft hyphens (U+00AD) placed by the Knuth–Liang patterns for bokmål and
//! nynorsk let the browser break at a correct place and show the hyphen only
//! when it does. Addresses shown as text get `<wbr>` after `/`, `.` and `@`
//! instead: a hyphen would change what is read, and an invisible character
//! (U+200B) would be copied with the address and break it when pasted.
//!
//! Soft hyphens go into running text only, never into what names a
//! control, a table's parts or a section (links, buttons, menu buttons,
//! labels, captions, header cells, headings): a person copies, dictates
//! (voice control) or reads in braille the name itself. Those get CSS
//! `hyphens: auto` instead, which browsers with a Norwegian dictionary
//! apply and the others replace by breaking a word that does not fit
//! (docs/accessibility.md).
//!
//! Text is escaped first (the filter's output is markup), and nothing is
//! ever inserted inside an HTML character reference or a tag, so the only
//! markup this module makes is `<wbr>`.

use std::sync::LazyLock;

use hyphenation::{Hyphenator, Language, Load, Standard};

/// Shorter words fit any column in any variant; breaking them only makes
/// reading harder.
pub const MIN_WORD_CHARS: usize = 10;

const SOFT_HYPHEN: char = '\u{ad}';
const NO_BREAK_SPACE: char = '\u{a0}';
/// A line-break opportunity that is not a character: nothing to copy, hear
/// or see.
const WORD_BREAK: &str = "<wbr>";

/// Elements whose text is a name people copy, dictate or read in braille:
/// no soft hyphens inside them.
const NAMES: [&str; 13] =
    ["a", "button", "summary", "label", "caption", "th", "option", "h1", "h2", "h3", "h4", "h5", "h6"];

/// The written standards the site is published in (`language:` in the
/// configuration, `lang` in the templates).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    Bokmal,
    Nynorsk,
}

impl Lang {
    pub fn from_code(code: &str) -> Option<Lang> {
        match code {
            "nb" | "no" => Some(Lang::Bokmal),
            "nn" => Some(Lang::Nynorsk),
            _ => None,
        }
    }
}

// The dictionaries are embedded in the binary (the crate's `embed_all`), so
// loading them cannot fail at run time except through a broken build.
static BOKMAL: LazyLock<Standard> =
    LazyLock::new(|| Standard::from_embedded(Language::NorwegianBokmal).expect("embedded nb patterns"));
static NYNORSK: LazyLock<Standard> =
    LazyLock::new(|| Standard::from_embedded(Language::NorwegianNynorsk).expect("embedded nn patterns"));

fn dictionary(lang: Lang) -> &'static Standard {
    match lang {
        Lang::Bokmal => &BOKMAL,
        Lang::Nynorsk => &NYNORSK,
    }
}

/// Escaped `text` (no tags) with soft hyphens in its long words, `<wbr>`
/// in its addresses and no-break spaces inside its numbers. Removing U+00AD
/// and `<wbr>` and turning U+00A0 back into spaces gives `text` back.
pub fn hyphenate(text: &str, lang: Lang) -> String {
    hyphenate_text(text, Some(lang))
}

/// `lang` None: addresses only (inside a name).
fn hyphenate_text(text: &str, lang: Option<Lang>) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    let kept;
    let text = match lang {
        Some(_) => {
            kept = keep_numbers_together(text);
            kept.as_str()
        }
        None => text,
    };
    // Whitespace-separated tokens decide whether a run is an address; the
    // whitespace itself is copied unchanged.
    let mut rest = text;
    while !rest.is_empty() {
        let start = rest.find(|c: char| !c.is_whitespace()).unwrap_or(rest.len());
        out.push_str(&rest[..start]);
        rest = &rest[start..];
        let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let token = &rest[..end];
        match lang {
            _ if is_address(token) => break_address(token, &mut out),
            Some(lang) => hyphenate_token(token, lang, &mut out),
            None => out.push_str(token),
        }
        rest = &rest[end..];
    }
    out
}

/// Like [`hyphenate`], for HTML that is already markup (Tera's safe
/// strings, e.g. rendered Markdown): tags are copied as they are, so names
/// and attribute values (`aria-labelledby`, `href`) are never touched; only
/// the text between tags gets break opportunities, and text inside a name
/// (NAMES) no soft hyphens. Text inside an element marked with another
/// language (`<section lang="se">`) follows that language: bokmål or
/// nynorsk patterns, or none for a language without them (its addresses
/// still break).
pub fn hyphenate_markup(html: &str, lang: Lang) -> String {
    let mut out = String::with_capacity(html.len() + html.len() / 8);
    // Elements that set a language: name, language, and how many elements
    // of the same name opened inside it are still open.
    let mut marked: Vec<(&str, Option<Lang>, usize)> = Vec::new();
    let mut rest = html;
    // How many name elements the text is inside of.
    let mut in_name = 0usize;
    while let Some(open) = rest.find('<') {
        out.push_str(&hyphenate_text(&rest[..open], text_lang(in_name, &marked, lang)));
        let close = rest[open..].find('>').map_or(rest.len(), |c| open + c + 1);
        let tag = &rest[open..close];
        let (name, closing) = tag_name(tag);
        if NAMES.iter().any(|n| n.eq_ignore_ascii_case(name)) {
            in_name = if closing { in_name.saturating_sub(1) } else { in_name + 1 };
        }
        match marked.last_mut() {
            Some(top) if top.0.eq_ignore_ascii_case(name) && closing => {
                if top.2 == 0 {
                    marked.pop();
                } else {
                    top.2 -= 1;
                }
            }
            Some(top) if top.0.eq_ignore_ascii_case(name) && !tag.ends_with("/>") && lang_of(tag).is_none() => {
                top.2 += 1;
            }
            _ => {}
        }
        if !closing && let Some(code) = lang_of(tag) {
            marked.push((name, Lang::from_code(primary(code)), 0));
        }
        out.push_str(tag);
        rest = &rest[close..];
    }
    out.push_str(&hyphenate_text(rest, text_lang(in_name, &marked, lang)));
    out
}

/// The language text is hyphenated in: none inside a name, else that of
/// the innermost element marked with one, else the page's.
fn text_lang(in_name: usize, marked: &[(&str, Option<Lang>, usize)], lang: Lang) -> Option<Lang> {
    if in_name > 0 { None } else { marked.last().map_or(Some(lang), |m| m.1) }
}

/// The value of a start tag's `lang` attribute, quoted or not.
fn lang_of(tag: &str) -> Option<&str> {
    let at = tag.find(" lang=")? + " lang=".len();
    let value = &tag[at..];
    let value = value.trim_start_matches(['"', '\'']);
    let end = value.find(['"', '\'', ' ', '>', '/']).unwrap_or(value.len());
    Some(&value[..end])
}

/// A language tag's primary language: `se` of `se-NO`.
fn primary(code: &str) -> &str {
    code.split('-').next().unwrap_or(code)
}

/// The element name of a tag as written (empty for a comment or
/// doctype), and whether it closes.
fn tag_name(tag: &str) -> (&str, bool) {
    let closing = tag.starts_with("</");
    let name = tag.trim_start_matches(['<', '/']);
    (&name[..name.find(|c: char| !c.is_ascii_alphanumeric()).unwrap_or(name.len())], closing)
}

fn is_address(token: &str) -> bool {
    token.contains("://") || token.starts_with("www.") || (token.contains('@') && token.contains('.'))
}

/// A phone number, organisation number or amount in running text never
/// breaks over two lines (issue 22: "55 12 36 / 00"): a space after a digit
/// and before a group of two or three digits becomes a no-break space
/// (U+00A0), as Norwegian typesetting writes "55 12 36 00" and "1 250".
/// Names are left as written: a phone link keeps together by CSS.
fn keep_numbers_together(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len() + 8);
    let mut last = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if b != b' ' || i == 0 || !bytes[i - 1].is_ascii_digit() {
            continue;
        }
        let group = bytes[i + 1..].iter().take_while(|c| c.is_ascii_digit()).count();
        let ends = bytes.get(i + 1 + group).is_none_or(|c| !c.is_ascii_alphanumeric());
        if (2..=3).contains(&group) && ends {
            out.push_str(&text[last..i]);
            out.push(NO_BREAK_SPACE);
            last = i + 1;
        }
    }
    out.push_str(&text[last..]);
    out
}

/// `<wbr>` after each `/` run, `.` and `@` that has more address after it, so a
/// line breaks between parts of the address, never inside a part, and
/// never inside a character reference such as `&amp;`.
fn break_address(token: &str, out: &mut String) {
    let mut in_reference = false;
    let mut chars = token.chars().peekable();
    while let Some(c) = chars.next() {
        out.push(c);
        match c {
            '&' => in_reference = true,
            ';' => in_reference = false,
            _ => {}
        }
        let more = chars.peek().is_some_and(|&n| n != '/' && n.is_alphanumeric());
        if matches!(c, '/' | '.' | '@') && more && !in_reference {
            out.push_str(WORD_BREAK);
        }
    }
}

/// Soft hyphens in each run of letters of at least MIN_WORD_CHARS, except a
/// run that names a character reference (`&shy;`, `&nbsp;`) and a word that
/// already carries the editor's own soft hyphens.
fn hyphenate_token(token: &str, lang: Lang, out: &mut String) {
    let mut i = 0;
    while i < token.len() {
        let Some(c) = token[i..].chars().next() else { break };
        if !c.is_alphabetic() {
            out.push(c);
            i += c.len_utf8();
            continue;
        }
        let len = token[i..].find(|c: char| !c.is_alphabetic()).unwrap_or(token.len() - i);
        let word = &token[i..i + len];
        let reference = token[..i].ends_with('&') || token[..i].ends_with("&#");
        if reference || word.chars().count() < MIN_WORD_CHARS || token.contains(SOFT_HYPHEN) {
            out.push_str(word);
        } else {
            hyphenate_word(word, lang, out);
        }
        i += len;
    }
}

/// How many hyphenated words each thread keeps; a site's vocabulary is far
/// smaller, and past this the cache starts over, so memory stays bounded.
const CACHED_WORDS: usize = 20_000;

thread_local! {
    /// Hyphenated long words by language and word: the same words (service
    /// names, districts, UI strings) recur on thousands of pages, and the
    /// patterns cost far more than a lookup. Per thread, so no locking.
    static HYPHENATED: std::cell::RefCell<[std::collections::HashMap<Box<str>, Box<str>>; 2]> =
        std::cell::RefCell::default();
}

/// `word` with soft hyphens where the patterns allow, appended to `out`.
fn hyphenate_word(word: &str, lang: Lang, out: &mut String) {
    HYPHENATED.with_borrow_mut(|caches| {
        let cache = &mut caches[lang as usize];
        if let Some(done) = cache.get(word) {
            out.push_str(done);
            return;
        }
        let mut done = String::with_capacity(word.len() + 8);
        let mut last = 0;
        for b in dictionary(lang).hyphenate(word).breaks {
            done.push_str(&word[last..b]);
            done.push(SOFT_HYPHEN);
            last = b;
        }
        done.push_str(&word[last..]);
        out.push_str(&done);
        if cache.len() >= CACHED_WORDS {
            cache.clear();
        }
        cache.insert(word.into(), done.into_boxed_str());
    });
}

/// The Tera filter: `{{ x | hyphenate(lang=layout.lang) }}`. Text is
/// escaped here, as `<wbr>` is markup; safe input (already escaped, or
/// markup) keeps its tags as they are.
pub fn filter(value: tera::StringInput, kwargs: tera::Kwargs, _: &tera::State) -> tera::TeraResult<tera::Value> {
    let code: &str = kwargs.must_get("lang")?;
    // A language with no patterns is left alone: Norwegian hyphens in
    // Sámi or English words would be wrong; its addresses still break.
    let lang = Lang::from_code(primary(code));
    Ok(tera::Value::safe_string(&match (value.is_safe(), lang) {
        (true, Some(lang)) => hyphenate_markup(value.as_str(), lang),
        (true, None) => value.as_str().to_string(),
        (false, lang) => hyphenate_text(&crate::html::escape(value.as_str()), lang),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The text with its break opportunities shown as `-` (soft hyphen)
    /// and `|` (`<wbr>`), for readable expectations.
    fn shown(text: &str, lang: Lang) -> String {
        hyphenate(text, lang).replace(SOFT_HYPHEN, "-").replace(WORD_BREAK, "|")
    }

    #[test]
    fn marked_text_follows_its_language_and_one_without_patterns_is_left_alone() {
        let html = "<p>brukarundersøkingane</p><section lang=\"se\"><p>Bálvalusgielddat <section>ođđasit</section> brukarundersøkingane</p></section><p lang=nb>brukerundersøkelsene</p><p>brukarundersøkingane</p>";
        let out = hyphenate_markup(html, Lang::Nynorsk).replace(SOFT_HYPHEN, "-");
        assert_eq!(
            out,
            "<p>bru-kar-un-der-sø-kin-ga-ne</p><section lang=\"se\"><p>Bálvalusgielddat <section>ođđasit</section> brukarundersøkingane</p></section><p lang=nb>bru-ker-un-der-sø-kel-se-ne</p><p>bru-kar-un-der-sø-kin-ga-ne</p>"
        );
    }

    #[test]
    fn long_compounds_get_soft_hyphens_where_the_norwegian_patterns_allow() {
        assert_eq!(shown("brukerundersøkelsene", Lang::Bokmal), "bru-ker-un-der-sø-kel-se-ne");
        assert_eq!(shown("Tilleggstjenester", Lang::Bokmal), "Til-leggs-tje-nes-ter");
        assert_eq!(shown("Organisasjonsnummer", Lang::Bokmal), "Or-ga-ni-sa-sjons-num-mer");
        assert_eq!(shown("brukarundersøkingane", Lang::Nynorsk), "bru-kar-un-der-sø-kin-ga-ne");
        assert_eq!(shown("Tilleggstenester", Lang::Nynorsk), "Til-leggs-te-nes-ter");
    }

    #[test]
    fn short_words_and_words_with_the_editors_own_soft_hyphens_are_left_alone() {
        assert_eq!(hyphenate("Praktisk bistand i Fjordvik", Lang::Bokmal), "Praktisk bistand i Fjordvik");
        let own = "hjemme\u{ad}sykepleien";
        assert_eq!(hyphenate(own, Lang::Bokmal), own);
    }

    #[test]
    fn words_around_punctuation_and_in_sentences_are_hyphenated_separately() {
        assert_eq!(
            shown("(Tilleggstjenester), og brukerundersøkelsene.", Lang::Bokmal),
            "(Til-leggs-tje-nes-ter), og bru-ker-un-der-sø-kel-se-ne."
        );
    }

    #[test]
    fn addresses_break_after_slashes_and_dots_by_wbr_never_with_a_character() {
        assert_eq!(
            shown("Se https://www.fjordvik.kommune.no/helse/brukerundersokelser/ nå", Lang::Bokmal),
            "Se https://|www.|fjordvik.|kommune.|no/|helse/|brukerundersokelser/ nå"
        );
        assert_eq!(shown("postmottak@fjordvik.kommune.no", Lang::Nynorsk), "postmottak@|fjordvik.|kommune.|no");
    }

    #[test]
    fn escaped_text_stays_escaped_and_no_markup_but_wbr_is_ever_made() {
        let escaped = "Organisasjonsnummer &amp; &quot;Tilleggstjenester&quot; &#x27;&CounterClockwiseContourIntegral;";
        let out = hyphenate(escaped, Lang::Bokmal);
        for reference in ["&amp;", "&quot;", "&#x27;", "&CounterClockwiseContourIntegral;"] {
            assert!(out.contains(reference), "{reference} was split in {out:?}");
        }
        let url = "https://example.no/?a=1&amp;b=langtordsomikkeerord";
        assert!(hyphenate(url, Lang::Bokmal).contains("&amp;b="));
        let hostile = crate::html::escape("<script>alert('Organisasjonsnummer')</script> <a href=\"x\"> a@b.no");
        let out = hyphenate(&hostile, Lang::Bokmal).replace(SOFT_HYPHEN, "");
        assert_eq!(out.replace(WORD_BREAK, ""), hostile);
        assert_eq!(out.replace(WORD_BREAK, "").matches(['<', '>']).count(), 0, "{out}");
    }

    #[test]
    fn markup_keeps_its_tags_and_attributes_untouched_and_names_their_letters() {
        let html = r#"<p aria-labelledby="Organisasjonsnummer">Organisasjonsnummer <A href="https://fjordvik.kommune.no/x">Organisasjonsnummer <b>Tilleggstjenester</b> post@fjordvik.no</A> Tilleggstjenester</p>"#;
        assert_eq!(
            hyphenate_markup(html, Lang::Bokmal).replace(SOFT_HYPHEN, "-").replace(WORD_BREAK, "|"),
            r#"<p aria-labelledby="Organisasjonsnummer">Or-ga-ni-sa-sjons-num-mer <A href="https://fjordvik.kommune.no/x">Organisasjonsnummer <b>Tilleggstjenester</b> post@|fjordvik.|no</A> Til-leggs-tje-nes-ter</p>"#
        );
        let cells = "<table><caption>Organisasjonsnummer</caption><tr><th>Organisasjonsnummer</th><td>Organisasjonsnummer</td></tr></table>";
        assert_eq!(
            hyphenate_markup(cells, Lang::Bokmal).matches(SOFT_HYPHEN).count(),
            "Or-ga-ni-sa-sjons-num-mer".matches('-').count(),
            "only the data cell"
        );
    }

    #[test]
    fn breaks_go_into_long_words_and_addresses_only_and_removing_them_gives_the_text_back() {
        let text = "Kontaktinformasjon for hjemmesykepleien:\n\tTelefon 12345678, https://fjordvik.kommune.no/a.b/";
        let once = hyphenate(text, Lang::Nynorsk);
        assert_eq!(once.replace(SOFT_HYPHEN, "").replace(WORD_BREAK, ""), text);
        // What was inserted, and where: soft hyphens in the long words, a
        // break after each `/` and `.` of the address, nothing in the
        // phone number or in short words.
        let shown = once.replace(SOFT_HYPHEN, "-").replace(WORD_BREAK, "|");
        assert_eq!(
            shown,
            "Kon-takt-in-for-ma-sjon for hjem-me-syke-plei-en:\n\tTelefon 12345678, https://|fjordvik.|kommune.|no/|a.|b/"
        );
    }

    #[test]
    fn phone_numbers_organisation_numbers_and_amounts_keep_together_but_names_are_left_alone() {
        let text = "Ring 55 12 36 00 eller 815 22 040, org.nr. 974 760 673, 1 250 kr i 2026 for 3 timer";
        assert_eq!(
            hyphenate(text, Lang::Bokmal).replace(NO_BREAK_SPACE, "~"),
            "Ring 55~12~36~00 eller 815~22~040, org.nr. 974~760~673, 1~250 kr i 2026 for 3 timer"
        );
        let html = "<p>Ring 55 12 36 00</p><a href=\"tel:+4755123600\">55 12 36 00</a>";
        assert_eq!(
            hyphenate_markup(html, Lang::Nynorsk).replace(NO_BREAK_SPACE, "~"),
            "<p>Ring 55~12~36~00</p><a href=\"tel:+4755123600\">55 12 36 00</a>"
        );
    }

    #[test]
    fn the_filter_leaves_a_language_without_patterns_alone_and_keeps_the_inputs_safety() {
        let mut tera = tera::Tera::new();
        tera.register_filter("hyphenate", filter);
        tera.add_raw_templates(vec![
            ("ok.html", "{{ x | hyphenate(lang=lang) }}"),
            ("safe.html", "{{ x | safe | hyphenate(lang=lang) }}"),
        ])
        .unwrap();
        let mut cx = tera::Context::new();
        cx.insert("x", "<b class=\"Organisasjonsnummer\">Organisasjonsnummer</b>");
        cx.insert("lang", "nb");
        let out = tera.render("ok.html", &cx).unwrap();
        assert!(out.starts_with("&lt;b class=&quot;Or\u{ad}ga"), "{out}");
        cx.insert("x", "Skriv til a@b.no <b>");
        assert_eq!(tera.render("ok.html", &cx).unwrap(), "Skriv til a@<wbr>b.<wbr>no &lt;b&gt;");
        cx.insert("x", "<b class=\"Organisasjonsnummer\">Organisasjonsnummer</b>");
        let out = tera.render("safe.html", &cx).unwrap();
        assert!(out.starts_with("<b class=\"Organisasjonsnummer\">Or\u{ad}ga"), "{out}");
        // No patterns for Swedish: the words are left as written.
        cx.insert("lang", "sv");
        let out = tera.render("ok.html", &cx).unwrap();
        assert!(!out.contains('\u{ad}'), "{out}");
    }
}
