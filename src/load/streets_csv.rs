//! The municipality's street register, `streets.csv` at the site's root:
//! which district (and which catchment school) each street, or each run
//! of house numbers on it, belongs to. Columns `street,district` and
//! optionally `school`, `from`, `to` and `side`. The file is hostile input:
//! only these columns, every cell located by line and column so a finding
//! points at it; what it says is judged in `validate::streets`.

use crate::diagnostics::{Finding, Position};
use crate::msg;

/// The file's name at the site's root.
pub const FILE: &str = "streets.csv";

/// Columns every file has.
pub const REQUIRED: [&str; 2] = ["street", "district"];
/// Columns a file may have.
pub const OPTIONAL: [&str; 4] = ["school", "from", "to", "side"];

/// A cell as written, with where it starts.
#[derive(Debug, Clone)]
pub struct Cell {
    pub text: String,
    pub at: Position,
}

/// One row as read; an optional column the file lacks is `None`.
#[derive(Debug, Clone)]
pub struct Row {
    pub line: u32,
    pub street: Cell,
    pub district: Cell,
    pub school: Option<Cell>,
    pub from: Option<Cell>,
    pub to: Option<Cell>,
    pub side: Option<Cell>,
}

fn columns_help() -> crate::messages::Message {
    msg!("streets.columns.help", required = REQUIRED.join(","), optional = OPTIONAL.join(", "))
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
    let columns_of = |line: u32| {
        super::indicators_csv::field_columns(lines.get(line.saturating_sub(1) as usize).copied().unwrap_or(""))
    };
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
        let known = REQUIRED.contains(&name.as_str()) || OPTIONAL.contains(&name.as_str());
        if !known || headers[..i].contains(name) {
            let at = Position::new(1, header_columns.get(i).copied().unwrap_or(1));
            findings.push(
                Finding::error(file, at, msg!("streets.unknown_column", column = name)).with_help(columns_help()),
            );
            bad_header = true;
        }
    }
    let index = |column: &str| headers.iter().position(|h| h == column);
    let (Some(street), Some(district)) = (index("street"), index("district")) else {
        let missing: Vec<&str> = REQUIRED.iter().copied().filter(|c| index(c).is_none()).collect();
        findings.push(
            Finding::error(file, Position::new(1, 1), msg!("streets.missing_column", columns = missing.join(", ")))
                .with_help(columns_help()),
        );
        return (rows, findings);
    };
    // A range needs both of its ends.
    if index("from").is_some() != index("to").is_some() {
        findings.push(
            Finding::error(file, Position::new(1, 1), msg!("streets.range_column_alone")).with_help(columns_help()),
        );
        bad_header = true;
    }
    if bad_header {
        return (rows, findings);
    }
    let [school, from, to, side] = OPTIONAL.map(index);
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
        rows.push(Row {
            line,
            street: cell(street),
            district: cell(district),
            school: school.map(cell),
            from: from.map(cell),
            to: to.map(cell),
            side: side.map(cell),
        });
    }
    (rows, findings)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn optional_columns_may_come_in_any_order() {
        let (rows, findings) = parse(
            std::path::Path::new(FILE),
            "district,street,to,from\nsentrum,Storgata,20,1\nhagevik,\"Vik, nedre\",,\n",
        );
        assert!(findings.is_empty(), "{findings:?}");
        assert_eq!(rows[0].street.text, "Storgata");
        assert_eq!(rows[0].from.as_ref().map(|c| c.text.as_str()), Some("1"));
        assert!(rows[0].school.is_none());
        assert_eq!((rows[1].street.at.line, rows[1].street.at.column), (3, 9));
        assert_eq!(rows[1].street.text, "Vik, nedre");
    }
}
