//! Survey results as survey tools export them: CSV, one row per provider
//! and question, with either the mean score and the number of respondents,
//! or the number of answers given to each option of the scale; either form
//! may add `dont_know`, the answers «vet ikke» or «ikke relevant», which
//! are counted but are no point on the scale.

use crate::diagnostics::{Finding, Position};
use crate::messages::Message;
use crate::msg;

/// One row as read, with the CSV line it came from.
#[derive(Debug, Clone)]
pub struct ResultRow {
    pub line: u32,
    pub provider: String,
    pub question: String,
    pub values: RowValues,
    /// «Vet ikke» answers; `None` when the file has no `dont_know` column.
    pub dont_know: Option<u32>,
}

#[derive(Debug, Clone)]
pub enum RowValues {
    /// The mean score and how many answered.
    Mean { respondents: u32, mean: f64 },
    /// How many answered each option, lowest option first.
    Counts(Vec<u32>),
}

/// Reads `text` (the file at `file`); `options` is the number of answer
/// options of the survey's scale. Collects an error per bad row; rows that
/// are fine are returned even when others are not.
/// No provider of one municipality has more respondents to one question:
/// the bound keeps every sum over providers far inside `u32`, so a count
/// such as 4294967295 is an error here and cannot wrap in the model.
pub const MAX_RESPONDENTS: u32 = 100_000;

pub fn parse(file: &std::path::Path, text: &str, options: usize) -> (Vec<ResultRow>, Vec<Finding>) {
    let mut findings = Vec::new();
    let mut rows = Vec::new();
    if let Some((line, column)) = unclosed_quote(text) {
        findings.push(
            Finding::error(file, Position::new(line, column), msg!("csv.unclosed_quote"))
                .with_help(msg!("csv.unclosed_quote.help")),
        );
        return (rows, findings);
    }
    let mut reader = csv::ReaderBuilder::new().trim(csv::Trim::All).flexible(true).from_reader(text.as_bytes());
    let headers: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(|s| s.trim_start_matches('\u{feff}').to_lowercase()).collect(),
        Err(e) => {
            findings.push(unreadable(file, &e, msg!("csv.header_unreadable")));
            return (rows, findings);
        }
    };
    let index = |name: &str| headers.iter().position(|h| h == name);
    let dont_know_col = index("dont_know");
    let count_columns: Vec<String> = (1..=options).map(|i| format!("count_{i}")).collect();
    let (Some(provider_col), Some(question_col)) = (index("provider"), index("question")) else {
        findings.push(wrong_columns(file, &headers, options));
        return (rows, findings);
    };
    enum Form {
        Mean { respondents: usize, mean: usize },
        Counts(Vec<usize>),
    }
    let form = if let (Some(respondents), Some(mean)) = (index("respondents"), index("mean")) {
        Form::Mean { respondents, mean }
    } else if let Some(cols) = count_columns.iter().map(|c| index(c)).collect::<Option<Vec<usize>>>() {
        if headers.iter().any(|h| h.starts_with("count_") && !count_columns.contains(h)) {
            findings.push(
                Finding::error(file, Position::new(1, 1), msg!("csv.extra_counts", options = options))
                    .with_help(msg!("csv.extra_counts.help", options = options)),
            );
            return (rows, findings);
        }
        Form::Counts(cols)
    } else {
        findings.push(wrong_columns(file, &headers, options));
        return (rows, findings);
    };
    // A column the form does not use would be dropped without a word, and
    // an editor who added «vet ikke» answers under another name would
    // believe them published.
    let used: Vec<usize> = match &form {
        Form::Mean { respondents, mean } => vec![*respondents, *mean],
        Form::Counts(cols) => cols.clone(),
    };
    let known = |i: usize| i == provider_col || i == question_col || Some(i) == dont_know_col || used.contains(&i);
    let columns = header_columns(text);
    let mut unknown = false;
    for (i, name) in headers.iter().enumerate().filter(|(i, _)| !known(*i)) {
        unknown = true;
        let column = columns.get(i).copied().unwrap_or(1);
        let expected = match &form {
            Form::Mean { .. } => "provider,question,respondents,mean,dont_know".to_string(),
            Form::Counts(_) => format!("provider,question,count_1,...,count_{options},dont_know"),
        };
        findings.push(
            Finding::error(file, Position::new(1, column), msg!("csv.unknown_column", column = name))
                .with_help(msg!("csv.unknown_column.help", columns = expected)),
        );
    }
    if unknown {
        return (rows, findings);
    }
    let mut any_row = false;
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                findings.push(unreadable(file, &e, msg!("csv.row_unreadable")));
                continue;
            }
        };
        let line = record.position().map_or(0, |p| p.line() as u32);
        if record.iter().all(str::is_empty) {
            continue;
        }
        any_row = true;
        if record.len() != headers.len() {
            findings.push(field_count(file, line, record.len(), &headers));
            continue;
        }
        let field = |i: usize| record.get(i).unwrap_or("");
        let mut bad = |column: &str, value: &str, what: Message| {
            findings.push(
                Finding::error(
                    file,
                    Position::new(line, 1),
                    msg!("csv.bad_value", column = column, value = value, what => what),
                )
                .with_help(msg!("csv.bad_value.help")),
            );
        };
        let values = match &form {
            Form::Mean { respondents, mean } => {
                let n = field(*respondents).parse::<u32>();
                let m = field(*mean).replace(',', ".").parse::<f64>().ok().filter(|m| m.is_finite());
                match (n, m) {
                    (Ok(n), _) if n > MAX_RESPONDENTS => {
                        bad(
                            "respondents",
                            field(*respondents),
                            msg!("csv.expected.respondents", max = MAX_RESPONDENTS),
                        );
                        continue;
                    }
                    (Ok(respondents), Some(mean)) => RowValues::Mean { respondents, mean },
                    (n, m) => {
                        if n.is_err() {
                            bad("respondents", field(*respondents), msg!("csv.expected.whole"));
                        }
                        if m.is_none() {
                            bad("mean", field(*mean), msg!("csv.expected.mean"));
                        }
                        continue;
                    }
                }
            }
            Form::Counts(cols) => {
                let mut counts = Vec::with_capacity(cols.len());
                let mut ok = true;
                let mut total = 0u32;
                for (i, &c) in cols.iter().enumerate() {
                    match field(c).parse::<u32>() {
                        Ok(n) if n <= MAX_RESPONDENTS && total + n <= MAX_RESPONDENTS => {
                            total += n;
                            counts.push(n);
                        }
                        Ok(_) => {
                            bad(&count_columns[i], field(c), msg!("csv.expected.total", max = MAX_RESPONDENTS));
                            ok = false;
                        }
                        Err(_) => {
                            bad(&count_columns[i], field(c), msg!("csv.expected.whole"));
                            ok = false;
                        }
                    }
                }
                if !ok {
                    continue;
                }
                RowValues::Counts(counts)
            }
        };
        let dont_know = match dont_know_col.map(|c| (c, field(c).parse::<u32>())) {
            None => None,
            Some((_, Ok(n))) if n <= MAX_RESPONDENTS => Some(n),
            Some((c, Ok(_))) => {
                bad("dont_know", field(c), msg!("csv.expected.respondents", max = MAX_RESPONDENTS));
                continue;
            }
            Some((c, Err(_))) => {
                bad("dont_know", field(c), msg!("csv.expected.whole"));
                continue;
            }
        };
        rows.push(ResultRow {
            line,
            provider: field(provider_col).to_string(),
            question: field(question_col).to_string(),
            values,
            dont_know,
        });
    }
    if !any_row {
        // The site would show the survey as if no provider took part.
        findings
            .push(Finding::warning(file, Position::new(1, 1), msg!("csv.no_rows")).with_help(msg!("csv.no_rows.help")));
    }
    (rows, findings)
}

/// The 1-based column (in characters) where each cell of the first line
/// starts, so an error can point at the header cell an editor must change.
/// Quotes are balanced here: `unclosed_quote` was checked first.
fn header_columns(text: &str) -> Vec<u32> {
    let line = text.trim_start_matches('\u{feff}').lines().next().unwrap_or("");
    let mut starts = vec![1];
    let mut quoted = false;
    for (i, c) in line.chars().enumerate() {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => starts.push(i as u32 + 2),
            _ => {}
        }
    }
    starts
}

/// Where a quoted field opens that no quote closes (1-based line and
/// column), following the CSV rule that `""` inside quotes is a quote.
/// The csv reader would otherwise read the rest of the file as one field
/// and report a row with too few fields.
pub(crate) fn unclosed_quote(text: &str) -> Option<(u32, u32)> {
    let mut open: Option<(u32, u32)> = None;
    let (mut line, mut column) = (1u32, 0u32);
    let mut at_field_start = true;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        column += 1;
        match (open, c) {
            (Some(_), '"') if chars.peek() == Some(&'"') => {
                chars.next();
                column += 1;
            }
            (Some(_), '"') => open = None,
            (None, '"') if at_field_start => open = Some((line, column)),
            _ => {}
        }
        at_field_start = open.is_none() && matches!(c, ',' | '\n');
        if c == '\n' {
            line += 1;
            column = 0;
            at_field_start = open.is_none();
        }
    }
    open
}

fn wrong_columns(file: &std::path::Path, headers: &[String], options: usize) -> Finding {
    Finding::error(file, Position::new(1, 1), msg!("csv.wrong_columns", columns = headers.join(",")))
        .with_help(msg!("csv.wrong_columns.help", options = options))
}

/// A row the csv reader could not read, at its line, in plain words: the
/// reader's own wording speaks of records and byte offsets.
fn unreadable(file: &std::path::Path, e: &csv::Error, message: Message) -> Finding {
    let line = e.position().map_or(1, |p| p.line() as u32);
    let help = match e.kind() {
        csv::ErrorKind::Utf8 { .. } => msg!("file.not_utf8.help"),
        _ => msg!("csv.unreadable.help"),
    };
    Finding::error(file, Position::new(line, 1), message).with_help(help)
}

/// A row with another number of cells than the header has columns.
pub(super) fn field_count(file: &std::path::Path, line: u32, fields: usize, headers: &[impl AsRef<str>]) -> Finding {
    let header: Vec<&str> = headers.iter().map(AsRef::as_ref).collect();
    Finding::error(file, Position::new(line, 1), msg!("csv.field_count", fields = fields, columns = headers.len()))
        .with_help(msg!("csv.field_count.help", header = header.join(",")))
}
