//! The street register, `streets.csv`: every cell judged at its line and
//! column. A street must name a district of brukervalg.yaml by its id (as
//! profiles do), and its catchment schools by their profiles' file names;
//! house numbers run `from`–`to`, on one `side` or both; no house number
//! may be in two rows of the same street, so a citizen is never told two
//! districts or two schools.

use std::collections::BTreeMap;
use std::path::Path;

use super::suggest::{self, Candidate};
use crate::diagnostics::{Finding, Findings, Position};
use crate::domain::Slug;
use crate::load::LoadedStreets;
use crate::load::streets_csv::{self, Cell, Row};
use crate::model::streets::{self, Numbers, Side, Street};
use crate::model::{ServiceKind, Site};
use crate::msg;

/// The highest house number a range may name; Norwegian numbers stay far
/// below, and a typo such as 1000000 is caught.
pub const MAX_HOUSE_NUMBER: u32 = 9999;

/// The register's streets, sorted A–Å; each problem is a finding.
pub fn streets(loaded: Option<LoadedStreets>, site: &Site, findings: &mut Findings) -> Vec<Street> {
    let Some(loaded) = loaded else { return Vec::new() };
    let file = loaded.source.relative.as_path();
    let (rows, problems) = streets_csv::parse(file, &loaded.text);
    for p in problems {
        findings.push(p);
    }
    let check = Check::new(file, site);
    let mut out: Vec<Street> = Vec::new();
    // Same street to the eye → its rows so far, with their lines.
    let mut seen: BTreeMap<String, Vec<(u32, usize)>> = BTreeMap::new();
    for row in &rows {
        let Some(street) = check.row(row, findings) else { continue };
        let key = crate::domain::skeleton_key(&street.name);
        let earlier = seen.entry(key).or_default();
        if let Some((line, at)) = earlier.iter().find(|(_, at)| out[*at].numbers.overlaps(street.numbers)) {
            let other = &out[*at];
            let same = other.district == street.district && other.schools == street.schools;
            let message = msg!("streets.overlap", street = street.name, line = line);
            findings.push(if same {
                Finding::warning(file, row.street.at, message).with_help(msg!("streets.overlap_same.help"))
            } else {
                Finding::error(file, row.street.at, message).with_help(msg!("streets.overlap.help"))
            });
            continue;
        }
        earlier.push((row.line, out.len()));
        out.push(street);
    }
    if rows.is_empty() && !loaded.text.lines().skip(1).any(|l| !l.trim().is_empty()) {
        findings.push(
            Finding::warning(file, Position::WHOLE_FILE, msg!("streets.no_rows"))
                .with_help(msg!("streets.no_rows.help")),
        );
    }
    streets::sort(&mut out);
    out
}

struct Check<'a> {
    file: &'a Path,
    site: &'a Site,
    /// Every school with a page: its file name → its service.
    schools: BTreeMap<&'a str, &'a Slug>,
}

impl<'a> Check<'a> {
    fn new(file: &'a Path, site: &'a Site) -> Check<'a> {
        let schools = site
            .services
            .iter()
            .filter(|s| s.kind == ServiceKind::School)
            .flat_map(|s| s.every_provider().map(move |p| (p.slug.as_str(), &s.id)))
            .collect();
        Check { file, site, schools }
    }

    fn error(
        &self,
        findings: &mut Findings,
        at: Position,
        message: crate::messages::Message,
        help: crate::messages::Message,
    ) {
        findings.push(Finding::error(self.file, at, message).with_help(help));
    }

    /// One row as a street, or `None` with its findings.
    fn row(&self, row: &Row, findings: &mut Findings) -> Option<Street> {
        let name = self.name(&row.street, findings);
        let district = self.district(&row.district, findings);
        let schools = row.school.as_ref().map_or(Some(Vec::new()), |c| self.schools(c, findings));
        let numbers = self.numbers(row, findings);
        Some(Street { name: name?, numbers: numbers?, district: district?, schools: schools? })
    }

    /// A street's name: shown on a page, so a name a reader can tell apart.
    fn name(&self, cell: &Cell, findings: &mut Findings) -> Option<String> {
        let text = cell.text.trim();
        if text.is_empty() {
            self.error(findings, cell.at, msg!("streets.empty", column = "street"), msg!("streets.empty.help"));
            return None;
        }
        if let Some((offset, c)) = crate::load::text::first_refused_in_short(text) {
            let at = Position::new(cell.at.line, cell.at.column + text[..offset].chars().count() as u32);
            let message = msg!("file.invisible_char", character => crate::load::text::describe(c));
            self.error(findings, at, message, msg!("invisible_char.help"));
            return None;
        }
        let max = self.site.limits.short_text_max_chars;
        if text.chars().count() > max {
            self.error(findings, cell.at, msg!("streets.too_long", max = max), msg!("streets.too_long.help"));
            return None;
        }
        match crate::domain::name_problem(text) {
            None => Some(text.to_string()),
            Some(crate::domain::NameProblem::NoLetterOrDigit) => {
                self.error(findings, cell.at, msg!("name.no_letter", field = "street"), msg!("name.no_letter.help"));
                None
            }
            Some(crate::domain::NameProblem::MixedScript { word }) => {
                let message = msg!("name.mixed_script", field = "street", word = word);
                self.error(findings, cell.at, message, msg!("name.mixed_script.help"));
                None
            }
        }
    }

    fn district(&self, cell: &Cell, findings: &mut Findings) -> Option<Slug> {
        let value = cell.text.trim();
        if let Some(d) = self.site.districts.iter().find(|d| d.id.as_str() == value) {
            return Some(d.id.clone());
        }
        let candidates: Vec<Candidate> =
            self.site.districts.iter().map(|d| Candidate { id: d.id.as_str(), name: Some(&d.name) }).collect();
        let choices: Vec<&str> = candidates.iter().map(|c| c.id).collect();
        let help = msg!("district.unknown.help", close => suggest::did_you_mean(value, &candidates), choices = choices.join(", "));
        self.error(findings, cell.at, msg!("district.unknown", value = value), help);
        None
    }

    /// The catchment schools, by file name, separated by spaces.
    fn schools(&self, cell: &Cell, findings: &mut Findings) -> Option<Vec<(Slug, Slug)>> {
        let mut out = Vec::new();
        let mut known = true;
        let mut offset = 0;
        for word in cell.text.split(' ') {
            let at = Position::new(cell.at.line, cell.at.column + offset);
            offset += word.chars().count() as u32 + 1;
            if word.is_empty() {
                continue;
            }
            match (self.schools.get(word), Slug::parse(word)) {
                (Some(service), Ok(slug)) => out.push(((*service).clone(), slug)),
                _ => {
                    let candidates: Vec<Candidate> =
                        self.schools.keys().map(|id| Candidate { id, name: None }).collect();
                    let help = if candidates.is_empty() {
                        msg!("streets.no_schools.help")
                    } else {
                        let choices: Vec<&str> = self.schools.keys().copied().collect();
                        msg!("streets.school_unknown.help", close => suggest::did_you_mean(word, &candidates), choices = choices.join(", "))
                    };
                    self.error(findings, at, msg!("streets.school_unknown", value = word), help);
                    known = false;
                }
            }
        }
        known.then_some(out)
    }

    fn numbers(&self, row: &Row, findings: &mut Findings) -> Option<Numbers> {
        fn text(c: &Option<Cell>) -> &str {
            c.as_ref().map_or("", |c| c.text.trim())
        }
        let side = match text(&row.side).to_lowercase().as_str() {
            "" => Side::Both,
            "odd" | "oddetall" => Side::Odd,
            "even" | "partall" => Side::Even,
            other => {
                let at = row.side.as_ref().map_or(row.street.at, |c| c.at);
                self.error(
                    findings,
                    at,
                    msg!("streets.side_invalid", value = other),
                    msg!("streets.side_invalid.help"),
                );
                return None;
            }
        };
        let (from, to) = (text(&row.from), text(&row.to));
        if from.is_empty() && to.is_empty() {
            if side != Side::Both {
                let at = row.side.as_ref().map_or(row.street.at, |c| c.at);
                self.error(findings, at, msg!("streets.side_alone"), msg!("streets.range.help"));
                return None;
            }
            return Some(Numbers::All);
        }
        let number = |cell: &Option<Cell>, findings: &mut Findings| {
            let cell = cell.as_ref()?;
            let value = cell.text.trim();
            if value.is_empty() {
                self.error(findings, cell.at, msg!("streets.range_incomplete"), msg!("streets.range.help"));
                return None;
            }
            match value.parse::<u32>() {
                Ok(n) if (1..=MAX_HOUSE_NUMBER).contains(&n) => Some(n),
                _ => {
                    let message = msg!("streets.number_invalid", value = value, max = MAX_HOUSE_NUMBER);
                    self.error(findings, cell.at, message, msg!("streets.range.help"));
                    None
                }
            }
        };
        let (from, to) = (number(&row.from, findings), number(&row.to, findings));
        let (from, to) = (from?, to?);
        if from > to {
            let at = row.from.as_ref().map_or(row.street.at, |c| c.at);
            self.error(findings, at, msg!("streets.range_reversed", from = from, to = to), msg!("streets.range.help"));
            return None;
        }
        Some(Numbers::Range { from, to, side })
    }
}
