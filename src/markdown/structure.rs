//! The shape of a rendered Markdown block within its page: headings
//! shifted below the section they sit in, each with a stable id and a link
//! to itself; sections in another language wrapped with `lang` and `dir`;
//! footnotes numbered and linked both ways; tables in a scrollable region;
//! bare addresses made links. Everything it writes itself is built from
//! escaped text and ids it made, so no author text becomes markup.

use std::collections::{BTreeMap, BTreeSet};

use pulldown_cmark::{CowStr, Event, HeadingLevel, LinkType, Tag, TagEnd};

use super::autolink;
use super::block::{Block, TocEntry};
use super::urls::{ascii_if_mixed_script, clean_url};
use crate::domain::{LanguageTag, Slug};
use crate::html::escape;

/// A table of contents is worth its space from this many sections on.
const TOC_MIN_SECTIONS: usize = 4;

pub fn arrange<'a>(events: Vec<Event<'a>>, block: &Block) -> (Vec<Event<'a>>, Vec<TocEntry>) {
    let (body, notes) = take_notes(events);
    let order = number_notes(&body, &notes);
    let mut arranger = Arranger {
        block,
        used: block.reserved_ids.iter().map(|id| id.to_string()).collect(),
        next_number: BTreeMap::new(),
        numbers: order.iter().enumerate().map(|(i, label)| (label.clone(), i + 1)).collect(),
        refs_made: BTreeMap::new(),
        toc: Vec::new(),
        tables: body.iter().filter(|e| matches!(e, Event::Start(Tag::Table(_)))).count(),
        table_index: 0,
    };
    for n in 1..=order.len() {
        arranger.used.insert(arranger.id(&format!("fn-{n}")));
        arranger.used.insert(arranger.id(&format!("fnref-{n}")));
    }
    let mut out = arranger.transform(body, true);
    if !order.is_empty() {
        let mut notes = notes;
        let level = shifted(HeadingLevel::H2, block.section_level);
        let heading_id = arranger.unique("fotnotar");
        out.push(html(format!(
            "<section class=\"footnotes\" aria-labelledby=\"{heading_id}\"><h{level} id=\"{heading_id}\">{}</h{level}><ol>",
            arranger.words(&block.labels.footnotes, false)
        )));
        for (i, label) in order.iter().enumerate() {
            let n = i + 1;
            let mut note = arranger.transform(notes.remove(label).unwrap_or_default(), false);
            let back = html(format!(
                " <a class=\"footnote-back\" href=\"#{}\"><span aria-hidden=\"true\">\u{21a9}\u{fe0e}</span><span class=\"visually-hidden\">{} {n}</span></a>",
                arranger.id(&format!("fnref-{n}")),
                arranger.words(&block.labels.footnote_back, false),
            ));
            // Inside the note's last paragraph, so the arrow follows its text.
            match note.last() {
                Some(Event::End(TagEnd::Paragraph)) => note.insert(note.len() - 1, back),
                _ => note.push(back),
            }
            out.push(html(format!("<li id=\"{}\">", arranger.id(&format!("fn-{n}")))));
            out.extend(note);
            out.push(html("</li>".to_string()));
        }
        out.push(html("</ol></section>".to_string()));
    }
    let toc = if arranger.toc.len() >= TOC_MIN_SECTIONS && block.contents { arranger.toc } else { Vec::new() };
    (out, toc)
}

/// Footnote definitions by label, out of the flow of the text: they are
/// shown together at the end. The first definition of a label counts.
fn take_notes(events: Vec<Event<'_>>) -> (Vec<Event<'_>>, BTreeMap<String, Vec<Event<'_>>>) {
    let mut body = Vec::new();
    let mut notes = BTreeMap::new();
    let mut current: Option<(String, Vec<Event>)> = None;
    let mut nested = 0usize;
    for event in events {
        match event {
            Event::Start(Tag::FootnoteDefinition(label)) => match current {
                None => current = Some((label.to_string(), Vec::new())),
                Some(_) => nested += 1,
            },
            Event::End(TagEnd::FootnoteDefinition) if nested > 0 => nested -= 1,
            Event::End(TagEnd::FootnoteDefinition) => {
                if let Some((label, note)) = current.take() {
                    notes.entry(label).or_insert(note);
                }
            }
            other => match current.as_mut() {
                Some((_, note)) => note.push(other),
                None => body.push(other),
            },
        }
    }
    (body, notes)
}

/// Labels in the order readers meet them: the text's references first,
/// then references made inside notes. Notes never referred to are not shown.
fn number_notes(body: &[Event], notes: &BTreeMap<String, Vec<Event>>) -> Vec<String> {
    let mut order: Vec<String> = Vec::new();
    let mut seen: BTreeSet<&str> = BTreeSet::new();
    let mut visit = |events: &[Event], order: &mut Vec<String>| {
        for event in events {
            if let Event::FootnoteReference(label) = event
                && let Some((known, _)) = notes.get_key_value(label.as_ref())
                && seen.insert(known.as_str())
            {
                order.push(known.clone());
            }
        }
    };
    visit(body, &mut order);
    let mut i = 0;
    while i < order.len() {
        let note = &notes[&order[i]];
        visit(note, &mut order);
        i += 1;
    }
    order
}

struct Arranger<'b> {
    block: &'b Block<'b>,
    used: BTreeSet<String>,
    next_number: BTreeMap<String, usize>,
    numbers: BTreeMap<String, usize>,
    /// References made so far to each note, for their ids.
    refs_made: BTreeMap<usize, usize>,
    toc: Vec<TocEntry>,
    tables: usize,
    table_index: usize,
}

impl Arranger<'_> {
    /// The site's `words`, escaped, and marked with the site's language
    /// when they stand in text of another.
    fn words(&self, words: &str, in_other_language: bool) -> String {
        let lang = &self.block.labels.lang;
        if (in_other_language || self.block.foreign) && !lang.is_empty() {
            format!("<span lang=\"{}\">{}</span>", escape(lang), escape(words))
        } else {
            escape(words)
        }
    }

    fn id(&self, local: &str) -> String {
        format!("{}{local}", self.block.id_prefix)
    }

    /// A new id for `base`, numbered `-2`, `-3`... when taken. Each base
    /// remembers where its numbering stands, so a thousand equal headings
    /// do not try a thousand numbers each.
    fn unique(&mut self, base: &str) -> String {
        let first = self.id(base);
        let mut id = first.clone();
        let n = self.next_number.entry(first.clone()).or_insert(2);
        while self.used.contains(&id) {
            id = format!("{first}-{n}");
            *n += 1;
        }
        self.used.insert(id.clone());
        id
    }

    fn transform<'a>(&mut self, events: Vec<Event<'a>>, is_body: bool) -> Vec<Event<'a>> {
        let mut out = Vec::with_capacity(events.len());
        let mut depth = 0usize;
        // Open language sections, by the level of the heading that opened them.
        let mut sections: Vec<u8> = Vec::new();
        // The levels of the headings open at this point.
        let mut headings: Vec<u8> = Vec::new();
        // Inside links, images, code blocks and headings, text stays text.
        let mut no_links = 0usize;
        for (i, event) in events.iter().enumerate() {
            match event {
                Event::Start(Tag::Heading { level, attrs, .. }) => {
                    let level = shifted(*level, self.block.section_level);
                    let lang = attrs.iter().find_map(|(k, v)| (k.as_ref() == "lang").then_some(v.as_ref()).flatten());
                    let lang = lang.and_then(|v| LanguageTag::parse(v).ok());
                    let text = heading_text(&events[i + 1..]);
                    let slug = Slug::suggest(&text);
                    let id = self.unique(if slug.is_empty() { "del" } else { &slug });
                    let mut own_lang = String::new();
                    if is_body && depth == 0 {
                        while sections.last().is_some_and(|&open| open >= level) {
                            sections.pop();
                            out.push(html("</div>".to_string()));
                        }
                        if let Some(tag) = &lang {
                            out.push(html(format!("<div lang=\"{tag}\" dir=\"{}\">", tag.dir())));
                            sections.push(level);
                        }
                        if level == shifted(HeadingLevel::H2, self.block.section_level) {
                            self.toc.push(TocEntry {
                                id: id.clone(),
                                text: text.clone(),
                                lang: lang.as_ref().map(LanguageTag::to_string),
                                dir: lang.as_ref().map(LanguageTag::dir),
                            });
                        }
                    } else if let Some(tag) = &lang {
                        own_lang = format!(" lang=\"{tag}\" dir=\"{}\"", tag.dir());
                    }
                    // The id is what deep links and the contents need; no
                    // self-link beside it (GOV.UK and Designsystemet have none
                    // in body text either), so a heading costs its words only.
                    out.push(html(format!("<h{level} id=\"{id}\"{own_lang}>")));
                    headings.push(level);
                    depth += 1;
                    no_links += 1;
                }
                Event::End(TagEnd::Heading(_)) => {
                    depth = depth.saturating_sub(1);
                    no_links = no_links.saturating_sub(1);
                    let Some(level) = headings.pop() else { continue };
                    out.push(html(format!("</h{level}>")));
                }
                Event::Start(Tag::Table(_)) => {
                    self.table_index += 1;
                    let label = if self.tables > 1 {
                        format!("{} {}", self.block.labels.table, self.table_index)
                    } else {
                        self.block.labels.table.clone()
                    };
                    out.push(html(format!(
                        "<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"{}\">",
                        escape(&label)
                    )));
                    out.push(event.clone());
                    depth += 1;
                }
                Event::End(TagEnd::Table) => {
                    out.push(event.clone());
                    out.push(html("</div>".to_string()));
                    depth = depth.saturating_sub(1);
                }
                Event::FootnoteReference(label) => match self.numbers.get(label.as_ref()).copied() {
                    Some(n) => {
                        let made = self.refs_made.entry(n).or_default();
                        *made += 1;
                        let own = if *made == 1 { format!("fnref-{n}") } else { format!("fnref-{n}-{made}") };
                        let own = if *made == 1 { self.id(&own) } else { self.unique(&own) };
                        out.push(Event::InlineHtml(CowStr::from(format!(
                            "<sup class=\"footnote-ref\"><a id=\"{own}\" href=\"#{}\"><span class=\"visually-hidden\">{} </span>{n}</a></sup>",
                            self.id(&format!("fn-{n}")),
                            self.words(&self.block.labels.footnote, !sections.is_empty())
                        ))));
                    }
                    None => out.push(Event::Text(CowStr::from(format!("[^{label}]")))),
                },
                Event::Start(tag) => {
                    if matches!(tag, Tag::Link { .. } | Tag::Image { .. } | Tag::CodeBlock(_)) {
                        no_links += 1;
                    }
                    depth += 1;
                    out.push(event.clone());
                }
                Event::End(end) => {
                    if matches!(end, TagEnd::Link | TagEnd::Image | TagEnd::CodeBlock) {
                        no_links = no_links.saturating_sub(1);
                    }
                    depth = depth.saturating_sub(1);
                    out.push(event.clone());
                }
                Event::Text(text) if no_links == 0 => link_addresses(text, &mut out),
                other => out.push(other.clone()),
            }
        }
        for _ in sections {
            out.push(html("</div>".to_string()));
        }
        out
    }
}

/// `text` with each bare address as a link, when the address passes the
/// same check as a written link.
fn link_addresses<'a>(text: &CowStr<'a>, out: &mut Vec<Event<'a>>) {
    let mut last = 0;
    for range in autolink::find(text) {
        let Some(url) = clean_url(&text[range.clone()]) else { continue };
        // A host that mixes scripts is linked and shown as the browser opens it.
        let ascii = ascii_if_mixed_script(&url);
        if range.start > last {
            out.push(Event::Text(CowStr::from(text[last..range.start].to_string())));
        }
        out.push(Event::Start(Tag::Link {
            link_type: LinkType::Autolink,
            dest_url: CowStr::from(ascii.clone().unwrap_or(url)),
            title: CowStr::from(""),
            id: CowStr::from(""),
        }));
        out.push(Event::Text(CowStr::from(ascii.unwrap_or_else(|| text[range.clone()].to_string()))));
        out.push(Event::End(TagEnd::Link));
        last = range.end;
    }
    if last == 0 {
        out.push(Event::Text(text.clone()));
    } else if last < text.len() {
        out.push(Event::Text(CowStr::from(text[last..].to_string())));
    }
}

/// The words of the heading that starts just before `events`.
fn heading_text(events: &[Event]) -> String {
    let mut text = String::new();
    for event in events {
        match event {
            Event::End(TagEnd::Heading(_)) => break,
            Event::Text(t) | Event::Code(t) => text.push_str(t),
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            _ => {}
        }
    }
    text.trim().to_string()
}

/// The level a Markdown heading gets under a section heading of
/// `section_level`: one below it at the least, and never past h6.
fn shifted(level: HeadingLevel, section_level: u8) -> u8 {
    let level = level as u8;
    (level + section_level.saturating_sub(1)).max(section_level + 1).min(6)
}

fn html<'a>(markup: String) -> Event<'a> {
    Event::InlineHtml(CowStr::from(markup))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_sit_one_level_below_their_section_and_stop_at_h6() {
        assert_eq!(shifted(HeadingLevel::H1, 1), 2);
        assert_eq!(shifted(HeadingLevel::H2, 1), 2);
        assert_eq!(shifted(HeadingLevel::H3, 1), 3);
        assert_eq!(shifted(HeadingLevel::H1, 2), 3);
        assert_eq!(shifted(HeadingLevel::H2, 2), 3);
        assert_eq!(shifted(HeadingLevel::H4, 2), 5);
        assert_eq!(shifted(HeadingLevel::H6, 2), 6);
    }
}
