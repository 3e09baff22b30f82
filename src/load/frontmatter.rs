//! Splitting a Markdown page into its YAML front matter and body.

pub struct Split<'a> {
    pub yaml: &'a str,
    /// 1-based line in the file where the YAML starts.
    pub yaml_line: u32,
    pub body: &'a str,
    pub body_line: u32,
}

/// Front matter is the block between a first line `---` and the next line
/// that is exactly `---`. Returns `None` when the file does not start so.
pub fn split(text: &str) -> Option<Split<'_>> {
    let text_after_bom = text.strip_prefix('\u{feff}').unwrap_or(text);
    let rest = text_after_bom.strip_prefix("---\n").or_else(|| text_after_bom.strip_prefix("---\r\n"))?;
    let mut pos = 0;
    for (line, l) in (2..).zip(rest.split_inclusive('\n')) {
        if l.trim_end_matches(['\r', '\n']) == "---" {
            let body = &rest[pos + l.len()..];
            return Some(Split { yaml: &rest[..pos], yaml_line: 2, body, body_line: line + 1 });
        }
        pos += l.len();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_front_matter_and_counts_lines() {
        let s = split("---\ntitle: A\nsummary: B\n---\nBody\n").unwrap();
        assert_eq!(s.yaml, "title: A\nsummary: B\n");
        assert_eq!(s.yaml_line, 2);
        assert_eq!(s.body, "Body\n");
        assert_eq!(s.body_line, 5);
    }

    #[test]
    fn needs_an_opening_and_a_closing_line() {
        assert!(split("title: A\n").is_none());
        assert!(split("---\ntitle: A\n").is_none());
    }
}
