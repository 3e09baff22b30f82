use std::fmt;

/// A calendar date as written in profiles: `YYYY-MM-DD`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(jiff::civil::Date);

/// Why a text is not a date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateError {
    /// Not written as YYYY-MM-DD.
    Shape,
    /// Written as YYYY-MM-DD, but no such day (2026-13-01).
    NoSuchDay,
}

impl fmt::Display for DateError {
    // For the command line's `--today`; findings word it themselves.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            DateError::Shape => "not a date: write it as YYYY-MM-DD, e.g. 2026-09-15",
            DateError::NoSuchDay => "not a real calendar date",
        })
    }
}

impl std::error::Error for DateError {}

impl Date {
    pub fn parse(raw: &str) -> Result<Date, DateError> {
        let well_formed = raw.len() == 10
            && raw.bytes().enumerate().all(|(i, b)| if i == 4 || i == 7 { b == b'-' } else { b.is_ascii_digit() });
        if !well_formed {
            return Err(DateError::Shape);
        }
        raw.parse::<jiff::civil::Date>().map(Date).map_err(|_| DateError::NoSuchDay)
    }

    /// Today's date in UTC. Norway is at most two hours ahead, which matters
    /// only for a build run just after midnight.
    pub fn today() -> Date {
        let days = jiff::Timestamp::now().as_second().div_euclid(86_400);
        let epoch = jiff::civil::date(1970, 1, 1);
        Date(epoch.checked_add(jiff::Span::new().days(days)).unwrap_or(epoch))
    }

    pub fn year(self) -> i16 {
        self.0.year()
    }

    pub fn month(self) -> i8 {
        self.0.month()
    }

    pub fn day(self) -> i8 {
        self.0.day()
    }

    /// The same day `months` months earlier (clamped to the month's last day).
    pub fn months_before(self, months: u32) -> Date {
        let span = jiff::Span::new().months(i64::from(months));
        Date(self.0.checked_sub(span).unwrap_or(jiff::civil::Date::MIN))
    }
}

impl Date {
    /// The date `days` days later (clamped to the last representable day).
    pub fn days_after(self, days: u32) -> Date {
        let span = jiff::Span::new().days(i64::from(days));
        Date(self.0.checked_add(span).unwrap_or(jiff::civil::Date::MAX))
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

impl serde::Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_iso_dates_and_rejects_impossible_ones() {
        assert_eq!(Date::parse("2024-02-29").unwrap().to_string(), "2024-02-29");
        assert_eq!(Date::parse("2025-02-29"), Err(DateError::NoSuchDay));
        assert_eq!(Date::parse("15.09.2026"), Err(DateError::Shape));
    }

    #[test]
    fn counts_months_back_clamping_to_month_end() {
        let d = Date::parse("2026-03-31").unwrap();
        assert_eq!(d.months_before(1).to_string(), "2026-02-28");
        assert_eq!(d.months_before(12).to_string(), "2025-03-31");
    }
}
