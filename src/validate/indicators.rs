//! Quality indicators: their definitions in brukervalg.yaml and their
//! values in `indicators/<service id>.csv`.

use std::collections::BTreeMap;
use std::path::Path;

use super::checks::Checks;
use super::fields::{FileCheck, at};
use super::suggest::{self, Candidate};
use crate::diagnostics::{Finding, Position};
use crate::load::LoadedIndicators;
use crate::load::indicators_csv::{self, Row};
use crate::load::raw::{IndicatorUnit, RawService};
use crate::model::indicators::{self, Indicator, MAX_VALUE, Value};
use crate::model::{Service, Site};
use crate::msg;

/// The indicators a service defines, each id once.
pub fn definitions(check: &mut FileCheck, raw: &RawService) -> Vec<Indicator> {
    let mut out: Vec<Indicator> = Vec::new();
    for i in &raw.indicators {
        let id = check.slug("indicators.id", &i.id);
        let name = check.short_text("indicators.name", &i.name, &i.name_plain);
        let source = check.non_empty("indicators.source", &i.source);
        let period = check.non_empty("indicators.period", &i.period);
        let Some(id) = id else { continue };
        if out.iter().any(|known| known.id == id) {
            check.error(at(&i.id), msg!("indicators.id_twice", id = id), msg!("indicators.id_twice.help"));
            continue;
        }
        out.push(Indicator { id, name, unit: i.unit, source, period, decimals: 0 });
    }
    out
}

/// Reads each values file into its service's providers. Every service
/// with indicators needs its file; every provider of it a value of each.
pub fn values(
    loaded: Vec<LoadedIndicators>,
    site: &mut Site,
    config_file: &Path,
    positions: &BTreeMap<String, Position>,
    broken: &super::broken::Broken,
    checks: &mut Checks,
) {
    let mut read = std::collections::BTreeSet::new();
    for file in loaded {
        let relative = file.source.relative.clone();
        let Some(service) = site.services.iter_mut().find(|s| s.id.as_str() == file.file_stem) else {
            let candidates: Vec<Candidate> =
                site.services.iter().map(|s| Candidate { id: s.id.as_str(), name: Some(s.name.as_str()) }).collect();
            let ids: Vec<&str> = candidates.iter().map(|c| c.id).collect();
            checks.findings.push(
                Finding::error(
                    &relative,
                    Position::WHOLE_FILE,
                    msg!("indicators.service_unknown", service = file.file_stem),
                )
                .with_help(msg!(
                    "indicators.service_unknown.help",
                    close => suggest::did_you_mean(&file.file_stem, &candidates),
                    choices = ids.join(", ")
                )),
            );
            continue;
        };
        read.insert(service.id.to_string());
        if service.indicators.is_empty() {
            checks.findings.push(
                Finding::error(&relative, Position::WHOLE_FILE, msg!("indicators.none_defined", service = service.id))
                    .with_help(msg!("indicators.none_defined.help", config = config_file.display())),
            );
            continue;
        }
        let (rows, problems) = indicators_csv::parse(&relative, &file.text);
        for p in problems {
            checks.findings.push(p);
        }
        fill(service, &relative, rows, broken, checks);
    }
    for service in &mut site.services {
        let count = service.indicators.len();
        if service.indicators.is_empty() || read.contains(service.id.as_str()) {
            for p in service.providers.iter_mut().chain(&mut service.not_offered) {
                p.indicators.resize(count, None);
            }
            continue;
        }
        let at = positions.get(service.id.as_str()).copied().unwrap_or(Position::WHOLE_FILE);
        checks.findings.push(
            Finding::warning(config_file, at, msg!("indicators.file_missing", service = service.id))
                .with_help(msg!("indicators.file_missing.help", service = service.id)),
        );
        for p in service.providers.iter_mut().chain(&mut service.not_offered) {
            p.indicators = vec![None; count];
        }
    }
}

/// The rows of one file into the service's providers, each problem at its cell.
fn fill(service: &mut Service, file: &Path, rows: Vec<Row>, broken: &super::broken::Broken, checks: &mut Checks) {
    // Providers whose agreement has ended or not begun keep their figures
    // on their own pages, so their rows belong here too.
    let Service { id: service_id, indicators: definitions, providers, not_offered, .. } = service;
    let mut all: Vec<&mut crate::model::Provider> = providers.iter_mut().chain(not_offered.iter_mut()).collect();
    let count = definitions.len();
    for p in all.iter_mut() {
        p.indicators = vec![None; count];
    }
    let mut found = Vec::new();
    let mut error = |at: Position, message, help| found.push(Finding::error(file, at, message).with_help(help));
    // (provider, indicator) → the line it was first given on; a row given
    // with an empty value is not reported again as missing.
    let mut first: BTreeMap<(usize, usize), u32> = BTreeMap::new();
    let names: Vec<(String, String)> = all.iter().map(|p| (p.slug.to_string(), p.name.clone())).collect();
    let candidates: Vec<Candidate> = names.iter().map(|(id, name)| Candidate { id, name: Some(name) }).collect();
    let mut empty = Vec::new();
    for row in rows {
        let provider = all.iter().position(|p| p.slug.as_str() == row.provider.text);
        let indicator = definitions.iter().position(|i| i.id.as_str() == row.indicator.text);
        let Some(provider) = provider else {
            // Its profile has the error; the row waits for it.
            if !broken.contains(service_id.as_str(), &row.provider.text) {
                error(
                    row.provider.at,
                    msg!("indicators.provider_unknown", provider = row.provider.text, service = service_id),
                    msg!(
                        "indicators.provider_unknown.help",
                        close => suggest::did_you_mean(&row.provider.text, &candidates)
                    ),
                );
            }
            continue;
        };
        let Some(indicator) = indicator else {
            let ids: Vec<&str> = definitions.iter().map(|i| i.id.as_str()).collect();
            error(
                row.indicator.at,
                msg!("indicators.indicator_unknown", indicator = row.indicator.text, service = service_id),
                msg!("indicators.indicator_unknown.help", choices = ids.join(", ")),
            );
            continue;
        };
        if let Some(line) = first.get(&(provider, indicator)) {
            error(
                Position::new(row.line, 1),
                msg!(
                    "indicators.row_twice",
                    provider = row.provider.text,
                    indicator = row.indicator.text,
                    first = line
                ),
                msg!("indicators.row_twice.help"),
            );
            continue;
        }
        first.insert((provider, indicator), row.line);
        let raw = row.value.text.as_str();
        if raw.is_empty() {
            empty.push(
                Finding::warning(
                    file,
                    row.value.at,
                    msg!("indicators.value_empty", provider = row.provider.text, indicator = row.indicator.text),
                )
                .with_help(msg!("indicators.value_empty.help")),
            );
            continue;
        }
        let unit = definitions[indicator].unit;
        match parse_value(raw) {
            None => {
                error(row.value.at, msg!("indicators.not_a_number", value = raw), msg!("indicators.not_a_number.help"))
            }
            Some(v) if v.abs() > MAX_VALUE => {
                error(row.value.at, msg!("indicators.too_large", value = raw), msg!("indicators.too_large.help"))
            }
            Some(v) if unit == IndicatorUnit::Percent && !(0.0..=100.0).contains(&v) => error(
                row.value.at,
                msg!("indicators.percent_range", value = raw),
                msg!("indicators.percent_range.help"),
            ),
            Some(v) => all[provider].indicators[indicator] = Some(Value(v)),
        }
    }
    for (p, provider) in all.iter().enumerate() {
        for (i, indicator) in definitions.iter().enumerate() {
            if !first.contains_key(&(p, i)) {
                found.push(
                    Finding::warning(
                        file,
                        Position::WHOLE_FILE,
                        msg!("indicators.value_missing", provider = provider.slug, indicator = indicator.id),
                    )
                    .with_help(msg!(
                        "indicators.value_missing.help",
                        provider = provider.slug,
                        indicator = indicator.id
                    )),
                );
            }
        }
    }
    for (at, indicator) in definitions.iter_mut().enumerate() {
        let values = all.iter().filter_map(|p| p.indicators[at]);
        indicator.decimals = values.map(indicators::decimals_needed).max().unwrap_or(0);
    }
    for finding in found.into_iter().chain(empty) {
        checks.findings.push(finding);
    }
}

/// A figure as a spreadsheet writes it: a decimal comma or point, no
/// thousands separators or units; a formula (`=HYPERLINK(…)`) is no number.
fn parse_value(raw: &str) -> Option<f64> {
    let plain = raw.bytes().all(|b| b.is_ascii_digit() || matches!(b, b'-' | b',' | b'.'));
    let digits = raw.bytes().filter(u8::is_ascii_digit).count();
    if !plain || digits == 0 || raw.matches([',', '.']).count() > 1 || raw[1..].contains('-') {
        return None;
    }
    raw.replace(',', ".").parse::<f64>().ok().filter(|v| v.is_finite())
}

#[cfg(test)]
mod tests {
    use super::parse_value;

    #[test]
    fn only_plain_decimal_numbers_are_values() {
        assert_eq!(parse_value("87"), Some(87.0));
        assert_eq!(parse_value("87,5"), Some(87.5));
        assert_eq!(parse_value("4.2"), Some(4.2));
        assert_eq!(parse_value("-3"), Some(-3.0));
        for bad in ["=1+1", "87 %", "1e3", "inf", "NaN", "1.000,5", "-", ",", "1-2", "+5"] {
            assert_eq!(parse_value(bad), None, "{bad}");
        }
    }
}
