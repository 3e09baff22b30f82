//! Steps written as a numbered list in a text field. A plain text of
//! brukervalg.yaml may write the steps of «how to get help», «how to choose», «how to switch»
//! or «how to complain» one a line, `1. …`, `2. …` (in a `|` block); they
//! become a numbered list, the rest paragraphs. Nothing else is markup:
//! the text is escaped, so a field can carry no links or HTML.

use crate::html::escape;

/// Paragraphs and numbered lists as HTML, every character escaped.
pub fn to_html(text: &str) -> String {
    let mut out = String::new();
    let mut list_open = false;
    let mut block: Option<&str> = None;
    let close = |out: &mut String, block: &mut Option<&str>| {
        if let Some(tag) = block.take() {
            out.push_str(&format!("</{tag}>"));
        }
    };
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() {
            close(&mut out, &mut block);
            continue;
        }
        if let Some(step) = step_text(line) {
            close(&mut out, &mut block);
            if !list_open {
                out.push_str("<ol>");
                list_open = true;
            }
            out.push_str("<li>");
            out.push_str(&escape(step));
            block = Some("li");
            continue;
        }
        // A step is one line; a line after the list starts a paragraph.
        if block == Some("p") {
            out.push(' ');
        } else {
            close(&mut out, &mut block);
            if list_open {
                out.push_str("</ol>");
                list_open = false;
            }
            out.push_str("<p>");
            block = Some("p");
        }
        out.push_str(&escape(line));
    }
    close(&mut out, &mut block);
    if list_open {
        out.push_str("</ol>");
    }
    out
}

/// The text of a line written `12. text`.
fn step_text(line: &str) -> Option<&str> {
    let digits = line.find(|c: char| !c.is_ascii_digit())?;
    (digits > 0 && digits <= 2).then_some(())?;
    line[digits..].strip_prefix(". ").map(str::trim)
}

#[cfg(test)]
mod tests {
    use super::to_html;

    #[test]
    fn lines_numbered_one_by_one_become_a_numbered_list() {
        let text = "Slik gjør du:\n1. Les om dem.\n2. Ring oss på 55 12 34 56.\nDet er gratis,\nog det går fort.\n";
        assert_eq!(
            to_html(text),
            "<p>Slik gjør du:</p><ol><li>Les om dem.</li><li>Ring oss på 55 12 34 56.</li></ol><p>Det er gratis, og det går fort.</p>"
        );
    }

    #[test]
    fn a_folded_paragraph_stays_one_paragraph_and_markup_is_text() {
        assert_eq!(to_html("Søk innen 1. mars. <b>Nå</b>\n"), "<p>Søk innen 1. mars. &lt;b&gt;Nå&lt;/b&gt;</p>");
    }
}
