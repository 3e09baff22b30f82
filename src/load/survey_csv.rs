//! Survey results as survey tools export them: CSV, one row per provider
//! and question, with either the mean score and the number of respondents,
//! or the number of answers given to each option of the scale.

use crate::diagnostics::{Finding, Position};

/// One row as read, with the CSV line it came from.
#[derive(Debug, Clone)]
pub struct ResultRow {
    pub line: u32,
    pub provider: String,
    pub question: String,
    pub values: RowValues,
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
            Finding::error(file, Position::new(line, column), "a quoted value starts here and is never closed")
                .with_help(
                    "add the closing `\"`, or remove the opening one; a `\"` inside a quoted value is written `\"\"`",
                ),
        );
        return (rows, findings);
    }
    let mut reader = csv::ReaderBuilder::new().trim(csv::Trim::All).flexible(true).from_reader(text.as_bytes());
    let headers: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(|s| s.trim_start_matches('\u{feff}').to_lowercase()).collect(),
        Err(e) => {
            findings.push(Finding::error(file, Position::new(1, 1), format!("cannot read the header row: {e}")));
            return (rows, findings);
        }
    };
    let index = |name: &str| headers.iter().position(|h| h == name);
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
                Finding::error(
                    file,
                    Position::new(1, 1),
                    format!("the file has answer columns beyond count_{options}"),
                )
                .with_help(format!("the survey's scale has {options} options: use count_1 to count_{options}")),
            );
            return (rows, findings);
        }
        Form::Counts(cols)
    } else {
        findings.push(wrong_columns(file, &headers, options));
        return (rows, findings);
    };
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line() as u32);
                findings.push(Finding::error(file, Position::new(line, 1), format!("cannot read the row: {e}")));
                continue;
            }
        };
        let line = record.position().map_or(0, |p| p.line() as u32);
        if record.iter().all(str::is_empty) {
            continue;
        }
        if record.len() != headers.len() {
            findings.push(
                Finding::error(
                    file,
                    Position::new(line, 1),
                    format!("the row has {} fields, the header {}", record.len(), headers.len()),
                )
                .with_help("every row needs a value for every column, separated by commas"),
            );
            continue;
        }
        let field = |i: usize| record.get(i).unwrap_or("");
        let mut bad = |column: &str, value: &str, what: &str| {
            findings.push(
                Finding::error(file, Position::new(line, 1), format!("`{column}` is `{value}`, not {what}"))
                    .with_help("export the results again, or correct the number in the file"),
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
                            &format!("a number of respondents up to {MAX_RESPONDENTS}"),
                        );
                        continue;
                    }
                    (Ok(respondents), Some(mean)) => RowValues::Mean { respondents, mean },
                    (n, m) => {
                        if n.is_err() {
                            bad("respondents", field(*respondents), "a whole number of 0 or more");
                        }
                        if m.is_none() {
                            bad("mean", field(*mean), "a number such as 4.8");
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
                            bad(
                                &count_columns[i],
                                field(c),
                                &format!("a count that keeps the row's total at most {MAX_RESPONDENTS}"),
                            );
                            ok = false;
                        }
                        Err(_) => {
                            bad(&count_columns[i], field(c), "a whole number of 0 or more");
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
        rows.push(ResultRow {
            line,
            provider: field(provider_col).to_string(),
            question: field(question_col).to_string(),
            values,
        });
    }
    (rows, findings)
}

/// Where a quoted field opens that no quote closes (1-based line and
/// column), following the CSV rule that `""` inside quotes is a quote.
/// The csv reader would otherwise read the rest of the file as one field
/// and report a row with too few fields.
fn unclosed_quote(text: &str) -> Option<(u32, u32)> {
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
    Finding::error(file, Position::new(1, 1), format!("the columns are `{}`, which is neither results form", headers.join(",")))
        .with_help(format!(
            "use either `provider,question,respondents,mean` or `provider,question,count_1,...,count_{options}` (one count per answer option)"
        ))
}
