//! A profile's inspections (tilsyn).

use super::fields::{FileCheck, at};
use crate::domain::{Date, Text};
use crate::load::raw::RawInspection;
use crate::model::inspection::{FollowUp, Inspection, newest_first};
use crate::msg;

/// Each inspection that can be shown, newest first; `old_before`: the
/// date before which an inspection is said to be old (the staleness limit
/// of profiles), which dates it on the page but is no fault of the profile.
pub fn inspections(check: &mut FileCheck, raw: &[RawInspection], today: Date, old_before: Date) -> Vec<Inspection> {
    let mut out: Vec<Inspection> = raw.iter().filter_map(|i| inspection(check, i, today, old_before)).collect();
    newest_first(&mut out);
    out
}

fn inspection(check: &mut FileCheck, raw: &RawInspection, today: Date, old_before: Date) -> Option<Inspection> {
    let date = check.past_date("inspections.date", &raw.date, today);
    let by = check.non_empty("inspections.by", &raw.by);
    let summary: Text = check.short_text("inspections.summary", &raw.summary, &raw.summary_plain);
    let follow_up = FollowUp::parse(&raw.follow_up.value);
    if follow_up.is_none() {
        check.error(
            at(&raw.follow_up),
            msg!("inspections.follow_up", value = raw.follow_up.value.trim()),
            msg!("inspections.follow_up.help"),
        );
    }
    // `None` when the address is bad; `Some(None)` when there is none.
    let report = match &raw.report {
        Some(r) => check.web("inspections.report", r).map(Some),
        None => Some(None),
    };
    let date = date.filter(|d| *d <= today)?;
    Some(Inspection { date, by, summary, follow_up: follow_up?, report: report?, old: date < old_before })
}
