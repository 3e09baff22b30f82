//! A service's indicator values as the municipality exports them:
//! `indicators/<service id>.csv` with the columns `provider,indicator,value`,
//! one row per provider and indicator. The file is hostile input: only
//! these three columns, every cell located by line and column so a finding
//! points at it, and nothing of it reaches a page but a parsed number.

use crate::diagnostics::{Finding, Position};
use crate::msg;

/// The columns, in the order the help shows them.
pub const COLUMNS: [&str; 3] = ["provider", "indicator", "value"];

/// A cell as written, with where it starts.
#[derive(Debug, Clone)]
pub struct Cell {
    pub text: String,
    pub at: Position,
}

/// One row as read.
#[derive(Debug, Clone)]
pub struct Row {
    pub line: u32,
    pub provider: Cell,
    pub indicator: Cell,
    pub value: Cell,
}

/// The rows of `text` (the file at `file`), and a finding for each row or
/// header that cannot be read; rows that are fine are returned even when
/// others are not.
pub fn parse(file: &std::path::Path, text: &str) -> (Vec<Row>, Vec<Finding>) {
    let mut findings = Vec::new();
    let mut rows = Vec::new();
    if let Some((line, column)) = super::survey_csv::unclosed_quote(text) {
        findings.push(
            Finding::error(file, Position::new(line, column), msg!("csv.unclosed_quote"))
                .with_help(msg!("csv.unclosed_quote.help")),
        );
        return (rows, findings);
    }
    let lines: Vec<&str> = text.lines().collect();
    let columns_of = |line: u32| field_columns(lines.get(line.saturating_sub(1) as usize).copied().unwrap_or(""));
    let mut reader = csv::ReaderBuilder::new().trim(csv::Trim::All).flexible(true).from_reader(text.as_bytes());
    let headers: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(|s| s.trim_start_matches('\u{feff}').to_lowercase()).collect(),
        Err(_) => {
            findings.push(
                Finding::error(file, Position::new(1, 1), msg!("csv.header_unreadable"))
                    .with_help(msg!("csv.unreadable.help")),
            );
            return (rows, findings);
        }
    };
    let header_columns = columns_of(1);
    let mut bad_header = false;
    for (i, name) in headers.iter().enumerate() {
        if !COLUMNS.contains(&name.as_str()) || headers[..i].contains(name) {
            let at = Position::new(1, header_columns.get(i).copied().unwrap_or(1));
            findings.push(
                Finding::error(file, at, msg!("indicators.unknown_column", column = name))
                    .with_help(msg!("indicators.columns.help", columns = COLUMNS.join(","))),
            );
            bad_header = true;
        }
    }
    let index: Vec<Option<usize>> = COLUMNS.iter().map(|c| headers.iter().position(|h| h == c)).collect();
    let [Some(provider), Some(indicator), Some(value)] = index[..] else {
        let missing: Vec<&str> = COLUMNS.iter().zip(&index).filter(|(_, i)| i.is_none()).map(|(c, _)| *c).collect();
        findings.push(
            Finding::error(file, Position::new(1, 1), msg!("indicators.missing_column", columns = missing.join(", ")))
                .with_help(msg!("indicators.columns.help", columns = COLUMNS.join(","))),
        );
        return (rows, findings);
    };
    if bad_header {
        return (rows, findings);
    }
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(1, |p| p.line() as u32);
                findings.push(
                    Finding::error(file, Position::new(line, 1), msg!("csv.row_unreadable"))
                        .with_help(msg!("csv.unreadable.help")),
                );
                continue;
            }
        };
        let line = record.position().map_or(0, |p| p.line() as u32);
        if record.iter().all(str::is_empty) {
            continue;
        }
        if record.len() != headers.len() {
            findings.push(super::survey_csv::field_count(file, line, record.len(), &headers));
            continue;
        }
        let starts = columns_of(line);
        let cell = |i: usize| Cell {
            text: record.get(i).unwrap_or("").to_string(),
            at: Position::new(line, starts.get(i).copied().unwrap_or(1)),
        };
        rows.push(Row { line, provider: cell(provider), indicator: cell(indicator), value: cell(value) });
    }
    (rows, findings)
}

/// The 1-based column each field of a one-line CSV row starts at,
/// counting characters, after the white space the reader trims.
pub(super) fn field_columns(line: &str) -> Vec<u32> {
    let mut out = Vec::new();
    let mut quoted = false;
    let mut start = true;
    for (column, c) in (1u32..).zip(line.chars()) {
        if start && c.is_whitespace() {
            continue;
        }
        if start {
            out.push(column);
            start = false;
        }
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => {
                start = true;
            }
            _ => {}
        }
    }
    if start {
        out.push(line.chars().count() as u32 + 1);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_located_by_their_column() {
        assert_eq!(field_columns("a,bb,ccc"), vec![1, 3, 6]);
        assert_eq!(field_columns("\"a,b\", x,"), vec![1, 8, 10]);
        let (rows, findings) = parse(std::path::Path::new("i.csv"), "provider,indicator,value\nal, fag ,\"87,5\"\n");
        assert!(findings.is_empty(), "{findings:?}");
        assert_eq!(rows[0].indicator.text, "fag");
        assert_eq!(rows[0].value.text, "87,5");
        assert_eq!((rows[0].value.at.line, rows[0].value.at.column), (2, 10));
    }
}
