//! Agreements that begin and end (`admission.from`, `admission.until`), as
//! they stand on the build date. A provider is offered to citizens only
//! while its agreement runs: one that has ended, or has not begun, keeps
//! its page (people look it up, and its users must be told to choose
//! again) but is left out of every list, filter, count and comparison, so
//! no one chooses a provider that cannot take them. See docs/content.md.

use crate::domain::Date;
use crate::load::raw::AdmissionKind;

#[derive(Debug, Clone, Hash)]
pub struct Admission {
    pub kind: AdmissionKind,
    pub from: Date,
    pub until: Option<Date>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Agreement {
    /// Runs, and does not end within `limits.ending_notice_days` (also the
    /// municipality's own provider, which has no agreement).
    Active,
    /// Still offered, but its last day (the date) is within the notice days.
    Ending(Date),
    /// Its last day (the date) is before the build date.
    Ended(Date),
    /// Begins on the date, after the build date.
    NotStarted(Date),
}

impl Agreement {
    /// The agreement of `admission` on `today`.
    pub fn on(admission: Option<&Admission>, today: Date, notice_days: u32) -> Agreement {
        let Some(a) = admission else { return Agreement::Active };
        match a.until {
            Some(until) if until < today => Agreement::Ended(until),
            _ if a.from > today => Agreement::NotStarted(a.from),
            Some(until) if until <= today.days_after(notice_days) && notice_days > 0 => Agreement::Ending(until),
            _ => Agreement::Active,
        }
    }

    /// Whether citizens can choose the provider now: it is listed, filtered,
    /// counted and compared.
    pub fn is_offered(self) -> bool {
        matches!(self, Agreement::Active | Agreement::Ending(_))
    }

    /// As open data writes it (`agreement_status`).
    pub fn status(self) -> &'static str {
        match self {
            Agreement::Active => "active",
            Agreement::Ending(_) => "ending",
            Agreement::Ended(_) => "ended",
            Agreement::NotStarted(_) => "not-started",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::AdmissionKind;

    fn on(from: &str, until: Option<&str>, today: &str) -> Agreement {
        let d = |s: &str| Date::parse(s).unwrap();
        let admission = Admission { kind: AdmissionKind::Approval, from: d(from), until: until.map(d) };
        Agreement::on(Some(&admission), d(today), 90)
    }

    #[test]
    fn the_last_day_of_an_agreement_is_still_a_day_of_it() {
        let d = |s: &str| Date::parse(s).unwrap();
        assert_eq!(on("2020-01-01", Some("2026-12-05"), "2026-12-05"), Agreement::Ending(d("2026-12-05")));
        assert_eq!(on("2020-01-01", Some("2026-12-04"), "2026-12-05"), Agreement::Ended(d("2026-12-04")));
    }

    #[test]
    fn an_end_is_announced_only_within_the_notice_days() {
        let d = |s: &str| Date::parse(s).unwrap();
        assert_eq!(on("2020-01-01", Some("2027-03-05"), "2026-12-05"), Agreement::Ending(d("2027-03-05")));
        assert_eq!(on("2020-01-01", Some("2027-03-06"), "2026-12-05"), Agreement::Active);
        assert_eq!(on("2020-01-01", None, "2026-12-05"), Agreement::Active);
    }

    #[test]
    fn an_agreement_that_begins_later_is_not_offered_yet() {
        let d = |s: &str| Date::parse(s).unwrap();
        let later = on("2027-01-01", None, "2026-12-05");
        assert_eq!(later, Agreement::NotStarted(d("2027-01-01")));
        assert!(!later.is_offered());
        assert!(on("2026-12-05", None, "2026-12-05").is_offered());
    }
}
