//! Steps written as a numbered list in a service text. A text of
//! brukervalg.yaml may write the steps of «how to get help», «how to
//! choose», «how to switch» or «how to complain» one a line, `1. …`,
//! `2. …` (in a `|` block): Markdown makes them a numbered list. Such texts
//! were written before service texts were Markdown, with the line after
//! the last step starting a paragraph of its own; Markdown would make it
//! part of the last step, so that line is set apart first.

use std::borrow::Cow;

/// `text` with an empty line between a list item's line and a following
/// line that is neither indented (a continuation, as Markdown writes it)
/// nor an item of its own.
pub fn as_markdown(text: &str) -> Cow<'_, str> {
    let mut after_item = false;
    let mut breaks = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let blank = line.trim().is_empty();
        let indented = line.starts_with([' ', '\t']);
        let item = !indented && is_item(line);
        if after_item && !blank && !indented && !item {
            breaks.push(offset);
        }
        after_item = item || (after_item && indented && !blank);
        offset += line.len();
    }
    if breaks.is_empty() {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + breaks.len());
    let mut from = 0;
    for at in breaks {
        out.push_str(&text[from..at]);
        out.push('\n');
        from = at;
    }
    out.push_str(&text[from..]);
    Cow::Owned(out)
}

/// A line written `12. text`, `12) text` or `- text`.
fn is_item(line: &str) -> bool {
    let digits = line.find(|c: char| !c.is_ascii_digit()).unwrap_or(line.len());
    let rest = &line[digits..];
    if (1..=9).contains(&digits) {
        return rest.starts_with(". ") || rest.starts_with(") ");
    }
    digits == 0 && ["- ", "* ", "+ "].iter().any(|m| rest.starts_with(m))
}

#[cfg(test)]
mod tests {
    use super::as_markdown;
    use crate::domain::Variant;
    use crate::model::routes::{Linker, SitePath};

    fn html(text: &str) -> String {
        let linker = Linker::for_page(&SitePath::home(), Variant::Plain);
        crate::markdown::to_html(&as_markdown(text), &linker).replace('\n', "")
    }

    #[test]
    fn lines_numbered_one_by_one_become_a_numbered_list_and_the_line_after_a_paragraph() {
        let text = "Slik gjør du:\n1. Les om dem.\n2. Ring oss på 55 12 34 56.\nDet er gratis,\nog det går fort.\n";
        assert_eq!(
            html(text),
            "<p>Slik gjør du:</p><ol><li>Les om dem.</li><li>Ring oss på 55 12 34 56.</li></ol><p>Det er gratis,og det går fort.</p>"
        );
    }

    #[test]
    fn an_indented_continuation_stays_in_its_step_and_markup_is_text() {
        assert_eq!(
            html("1. Les\n   om dem.\n2. Ring.\n"),
            "<ol><li>Les\nom dem.</li><li>Ring.</li></ol>".replace('\n', "")
        );
        assert_eq!(html("Søk innen 1. mars. <b>Nå</b>\n"), "<p>Søk innen 1. mars. &lt;b&gt;Nå&lt;/b&gt;</p>");
        assert!(matches!(as_markdown("Ingen steg.\n"), std::borrow::Cow::Borrowed(_)));
    }
}
