//! Where the municipality's templates are read and made compact.
//!
//! Pages are not minified one by one: at 10,000 providers that took about
//! half of the build's CPU, and nearly all it removed was the same on every
//! page: the templates' indentation, end tags HTML implies, quotes that
//! constant values do not need. So that goes once, when the templates are
//! loaded, and a page comes out of Tera as it is written.

use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::Path;

use crate::diagnostics::{Finding, Findings, Position};
use crate::load::files;

/// The templates folder, relative to the site's root.
pub use crate::load::inputs::TEMPLATES as FOLDER;

/// Every `*.html` under `templates/`, named as Tera names them (relative,
/// with `/`), in a fixed order, as written. Read as every input is
/// (`load::files`: no links, nothing outside the site, at most
/// `max_bytes` each); `None` when one could not be read, with the findings.
pub fn read(root: &Path, max_bytes: u64, findings: &mut Findings) -> Option<Vec<(String, String)>> {
    let dir = root.join(FOLDER);
    let Ok(meta) = std::fs::symlink_metadata(&dir) else {
        findings.push(
            Finding::error(FOLDER, Position::WHOLE_FILE, crate::msg!("templates.missing"))
                .with_help(crate::msg!("templates.missing.help")),
        );
        return None;
    };
    if !meta.is_dir() {
        // A link too: the templates decide every page, so they come from the site itself.
        let finding = if meta.file_type().is_symlink() {
            Finding::error(FOLDER, Position::WHOLE_FILE, crate::msg!("file.symlink"))
                .with_help(crate::msg!("file.symlink.help"))
        } else {
            Finding::error(FOLDER, Position::WHOLE_FILE, crate::msg!("file.not_plain"))
                .with_help(crate::msg!("file.not_plain.help"))
        };
        findings.push(finding);
        return None;
    }
    let mut sources = Vec::new();
    let mut complete = true;
    for entry in files::walk(root, &dir, usize::MAX, findings) {
        if entry.is_dir || entry.source.absolute.extension().is_none_or(|e| e != "html") {
            continue;
        }
        let Ok(relative) = entry.source.absolute.strip_prefix(&dir) else { continue };
        let name = relative.to_string_lossy().replace('\\', "/");
        match files::read_text(root, &entry.source, max_bytes, findings) {
            Some(text) => sources.push((name, text)),
            None => complete = false,
        }
    }
    complete.then_some(sources)
}

/// A fingerprint of the templates as read, names and contents, for the
/// pages' keys: a page made with other templates is made again.
pub fn fingerprint(sources: &[(String, String)]) -> u64 {
    let mut hash = DefaultHasher::new();
    sources.hash(&mut hash);
    hash.finish()
}

/// `source` without the white space that only lays out the template: a run
/// of spaces holding a line break becomes one line break (which a browser
/// shows as the space it was), or nothing next to the tag of an element
/// that starts its own block, where a browser shows no space either. Left
/// as written: template tags, the inside of HTML tags (attribute values
/// may be shown to the reader), and `pre`, `textarea`, `script` and `style`,
/// where spaces are content. HTML comments go, unless they hold a template
/// tag, which may define something. Errors are reported from the template
/// as written (`Renderer`), so lines may move.
pub fn compact(source: &str) -> String {
    let bytes = source.as_bytes();
    let mut out = String::with_capacity(source.len());
    // Whether the last thing written is the tag of a block element.
    let mut after_block = false;
    let mut i = 0;
    while i < bytes.len() {
        let rest = &source[i..];
        if let Some(len) = template_tag_len(rest) {
            out.push_str(&rest[..len]);
            after_block = false;
            i += len;
        } else if rest.starts_with("<!--") {
            let len = rest.find("-->").map_or(rest.len(), |end| end + 3);
            if rest[..len].contains("{%") {
                out.push_str(&rest[..len]);
            }
            i += len;
        } else if starts_tag(rest) {
            let len = html_tag_len(rest);
            let tag = &rest[..len];
            // An implied end tag goes; space beside it goes as if it were written.
            if !is_implied_end_tag(tag, &rest[len..]) {
                unquote_constants(tag, &mut out);
            }
            after_block = is_block_tag(tag);
            i += len;
            if let Some(element) = raw_text_element(tag) {
                let len = raw_content_len(&source[i..], element);
                out.push_str(&source[i..i + len]);
                after_block = false;
                i += len;
            }
        } else if is_space(bytes[i].into()) {
            let len = rest.find(|c| !is_space(c)).unwrap_or(rest.len());
            let run = &rest[..len];
            let before_block = starts_tag(&rest[len..]) && is_block_tag(&rest[len..]);
            if !run.contains('\n') {
                out.push_str(run);
            } else if !after_block && !before_block {
                out.push('\n');
            }
            i += len;
        } else {
            // Up to the next character that may start something else.
            let first = rest.chars().next().map_or(1, char::len_utf8);
            let len = rest[first..].find(['{', '<', ' ', '\t', '\n', '\r']).map_or(rest.len(), |end| first + end);
            out.push_str(&rest[..len]);
            after_block = false;
            i += len;
        }
    }
    out
}

fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r')
}

/// The length of the template tag `text` starts with (`{{ }}`, `{% %}`,
/// `{# #}`), or the rest of the text when it is never closed.
fn template_tag_len(text: &str) -> Option<usize> {
    let close = match text.get(..2)? {
        "{{" => "}}",
        "{%" => "%}",
        "{#" => "#}",
        _ => return None,
    };
    Some(text[2..].find(close).map_or(text.len(), |end| end + 4))
}

fn starts_tag(text: &str) -> bool {
    let mut chars = text.chars();
    chars.next() == Some('<') && chars.next().is_some_and(|c| c.is_ascii_alphabetic() || matches!(c, '/' | '!' | '?'))
}

/// The length of the HTML tag `text` starts with, up to its `>`: not one
/// inside a quoted attribute value or a template tag.
fn html_tag_len(text: &str) -> usize {
    let bytes = text.as_bytes();
    let mut quote = None;
    let mut i = 1;
    while i < bytes.len() {
        if let Some(len) = template_tag_len(&text[i..]) {
            i += len;
            continue;
        }
        match (quote, bytes[i]) {
            (None, b'>') => return i + 1,
            (None, q @ (b'"' | b'\'')) => quote = Some(q),
            (Some(q), c) if c == q => quote = None,
            _ => {}
        }
        i += 1;
    }
    text.len()
}

/// Whether `tag` (opening or closing) is of an element a browser lays out
/// as a block by default, so white space beside it shows as nothing (in
/// tables, space outside cells shows nowhere, and at a cell's edges it does
/// not show). List items count as blocks, as they did for the minifier the
/// style sheet was written against: a list a style sheet puts in a row
/// gets its gaps from the style sheet, not from the template's line breaks.
fn is_block_tag(tag: &str) -> bool {
    element_name(tag).is_some_and(|name| BLOCKS.split_whitespace().any(|b| b.eq_ignore_ascii_case(name)))
}

const BLOCKS: &str = "address article aside blockquote body br caption colgroup details div dl fieldset \
    figcaption figure footer form h1 h2 h3 h4 h5 h6 head header hr html link main meta nav noscript ol p script \
    section style table tbody td tfoot th thead title tr ul li dt dd";

/// The element `tag` (`<name …>` or `</name>`) opens or closes; none when a
/// template tag completes the name (`<h{{ level }}>`), which is not known
/// here.
fn element_name(tag: &str) -> Option<&str> {
    let tag = tag.strip_prefix('<')?;
    let tag = tag.strip_prefix('/').unwrap_or(tag);
    let end = tag.find(|c: char| !c.is_ascii_alphanumeric()).unwrap_or(tag.len());
    (!tag[end..].starts_with('{')).then_some(&tag[..end])
}

/// Whether the end tag `tag` may go because what the template writes next
/// (`rest`, past white space, control tags and comments) is a tag before
/// which HTML ends that element anyway: `</li>` before `<li>` or `</ul>`,
/// `</td>` before `<td>` or `</tr>`, and so on. Control tags are looked
/// through because every way through them writes a tag of that kind in a
/// list or table that is valid; a value (`{{ }}`) or text keeps the tag.
/// Whatever reads the pages (the plain-language glossary pass) must know
/// these rules too.
fn is_implied_end_tag(tag: &str, rest: &str) -> bool {
    let Some(name) = tag.strip_prefix("</").and_then(|t| t.strip_suffix('>')) else { return false };
    let ended_by: &[&str] = match name.to_ascii_lowercase().as_str() {
        "li" => &["<li", "</ul", "</ol", "</menu"],
        "dt" => &["<dt", "<dd"],
        "dd" => &["<dt", "<dd", "</dl", "</div"],
        "td" | "th" => &["<td", "<th", "</tr"],
        "tr" => &["<tr", "</tbody", "</thead", "</tfoot", "</table"],
        _ => return false,
    };
    let mut next = rest;
    loop {
        next = next.trim_start();
        match template_tag_len(next) {
            Some(len) if !next.starts_with("{{") => next = &next[len..],
            _ => break,
        }
    }
    ended_by.iter().any(|start| {
        next.get(..start.len()).is_some_and(|n| n.eq_ignore_ascii_case(start))
            && next[start.len()..].starts_with(|c: char| c == '>' || c.is_ascii_whitespace())
    })
}

/// Writes `tag` with the quotes taken off attribute values the template
/// writes out in full and that need none (`class="block"` becomes
/// `class=block`). A value with a template tag in it keeps its quotes:
/// what it becomes is not known here.
fn unquote_constants(tag: &str, out: &mut String) {
    let mut rest = tag;
    while !rest.is_empty() {
        if let Some(len) = template_tag_len(rest) {
            out.push_str(&rest[..len]);
            rest = &rest[len..];
        } else if let Some(value) = rest.strip_prefix("=\"") {
            let end = value.find('"').unwrap_or(value.len());
            let safe = |c: char| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | ':');
            if end > 0 && end < value.len() && value[..end].chars().all(safe) {
                out.push('=');
                out.push_str(&value[..end]);
                rest = &value[end + 1..];
            } else {
                let len = (end + 3).min(rest.len());
                out.push_str(&rest[..len]);
                rest = &rest[len..];
            }
        } else {
            let len = rest[1..].find(['{', '=']).map_or(rest.len(), |i| i + 1);
            out.push_str(&rest[..len]);
            rest = &rest[len..];
        }
    }
}

/// The element whose content is kept as written, if `tag` opens one.
fn raw_text_element(tag: &str) -> Option<&'static str> {
    let name = element_name(tag).filter(|_| !tag.starts_with("</"))?;
    ["pre", "textarea", "script", "style"].into_iter().find(|raw| raw.eq_ignore_ascii_case(name))
}

/// How far the content of `element` goes: to its closing tag.
fn raw_content_len(text: &str, element: &str) -> usize {
    let closing = format!("</{element}");
    text.to_ascii_lowercase().find(&closing).unwrap_or(text.len())
}

#[cfg(test)]
mod tests {
    use super::compact;

    #[test]
    fn layout_space_goes_beside_blocks_and_becomes_one_line_break_elsewhere() {
        let source = "<ul>\n    <li>a</li>\n\n    <li>b</li>\n  </ul>\n<span>c</span>\n  <span>d</span>";
        assert_eq!(compact(source), "<ul><li>a<li>b</ul><span>c</span>\n<span>d</span>");
        let source = "<p>\n  {{ a }}\n  {{ b }}\n</p>\n{% for x in y %}\n  <h{{ x }}>\n  {% endfor %}";
        assert_eq!(compact(source), "<p>{{ a }}\n{{ b }}</p>{% for x in y %}\n<h{{ x }}>\n{% endfor %}");
    }

    #[test]
    fn end_tags_go_where_the_next_tag_ends_their_element_anyway() {
        let list = "<ul>\n{% for x in xs %}\n  <li>{{ x }}</li>\n{% endfor %}\n</ul>";
        assert_eq!(compact(list), "<ul>{% for x in xs %}<li>{{ x }}{% endfor %}</ul>");
        let table = "<table><tr><th>a</th> {# why #} <td>b</td></tr>\n<tr><td>c</td>\n</tr></table>";
        assert_eq!(compact(table), "<table><tr><th>a {# why #} <td>b<tr><td>c</table>");
        let terms = "<dl><dt>a</dt><dd>b</dd>{% if c %}<dt>c</dt><dd>d</dd>{% endif %}</dl>";
        assert_eq!(compact(terms), "<dl><dt>a<dd>b{% if c %}<dt>c<dd>d{% endif %}</dl>");
    }

    #[test]
    fn end_tags_stay_before_text_values_and_other_elements() {
        for kept in [
            "<ul><li>a</li> b</ul>",
            "<ul><li>a</li>{{ more }}</ul>",
            "<dl><dt>a</dt></dl>",
            "<ul><li>a</li><lix></ul>",
            "<ul><li>a</li><div></div></ul>",
            "<tr><td>a</td><tdx>",
            "<p>a</p><p>b</p>",
        ] {
            assert_eq!(compact(kept), kept);
        }
    }

    #[test]
    fn constant_attribute_values_lose_quotes_they_do_not_need() {
        let source = "<a class=\"block\" href=\"{{ x }}\" title=\"a b\" rel=\"next\"{% if c %} aria-current=\"page\"{% endif %} alt=\"\" data-x='y' src=\"a/b\">";
        let compacted = "<a class=block href=\"{{ x }}\" title=\"a b\" rel=next{% if c %} aria-current=page{% endif %} alt=\"\" data-x='y' src=\"a/b\">";
        assert_eq!(compact(source), compacted);
        assert_eq!(compact("<p title=\"{{ \"=\\\"x\\\"\" }}\">"), "<p title=\"{{ \"=\\\"x\\\"\" }}\">");
    }

    #[test]
    fn spaces_within_a_line_stay() {
        assert_eq!(compact("<p>a  <b>b</b> c</p>"), "<p>a  <b>b</b> c</p>");
    }

    #[test]
    fn template_tags_and_attribute_values_are_left_as_written() {
        let source = "<a title=\"one\n   two\" {% if x %}\n   class=\"y\"{% endif %}>\n  {{ \"a\n   b\" }}</a>";
        assert_eq!(
            compact(source),
            "<a title=\"one\n   two\" {% if x %}\n   class=y{% endif %}>\n{{ \"a\n   b\" }}</a>"
        );
    }

    #[test]
    fn a_tag_ends_at_its_own_bracket_not_one_in_a_template_tag() {
        let source = "<a href=\"{{ x | replace(from='>', to='') }}\">\n  b</a>";
        assert_eq!(compact(source), "<a href=\"{{ x | replace(from='>', to='') }}\">\nb</a>");
    }

    #[test]
    fn preformatted_text_scripts_and_styles_keep_their_spaces() {
        for element in ["pre", "textarea", "script", "STYLE"] {
            let source = format!("<div>\n  <{element} class=\"c\">\n  x\n    y\n</{element}>\n  </div>");
            let kept = format!("<div><{element} class=c>\n  x\n    y\n</{element}></div>");
            assert_eq!(compact(&source), kept);
        }
    }

    #[test]
    fn comments_go_unless_they_hold_a_template_tag() {
        assert_eq!(compact("<p>a<!-- why\n  this -->b</p>"), "<p>ab</p>");
        assert_eq!(compact("<!-- {% block x %}{% endblock %} -->"), "<!-- {% block x %}{% endblock %} -->");
    }

    #[test]
    fn text_that_only_looks_like_a_tag_is_text() {
        assert_eq!(compact("<p>1 < 2\n   and 3 > 2</p>"), "<p>1 < 2\nand 3 > 2</p>");
        assert_eq!(compact("å {æ} ø\n  ü"), "å {æ} ø\nü");
    }

    #[test]
    fn an_unclosed_tag_is_kept_for_tera_to_report() {
        assert_eq!(compact("<p>{{ x\n   </p>"), "<p>{{ x\n   </p>");
        assert_eq!(compact("<a href=\"x\n  "), "<a href=\"x\n  ");
    }
}
