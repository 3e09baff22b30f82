//! Inspections (tilsyn): what the municipality or another authority found
//! when it checked a provider. A reader's trust that quality is controlled
//! rests on seeing who looked, when, and what is still being followed up.

use crate::domain::{Date, Text};

#[derive(Debug, Clone, Hash)]
pub struct Inspection {
    pub date: Date,
    pub by: String,
    pub summary: Text,
    pub follow_up: FollowUp,
    pub report: Option<String>,
    /// Older than the site's staleness limit: still shown with its date,
    /// and said to be old, never hidden.
    pub old: bool,
}

/// Whether the inspection's findings are still being followed up.
#[derive(Debug, Clone, Copy, Hash, PartialEq, Eq)]
pub enum FollowUp {
    Open,
    Closed,
}

impl FollowUp {
    /// The value as written in profiles and open data.
    pub fn parse(raw: &str) -> Option<FollowUp> {
        match raw.trim() {
            "open" => Some(FollowUp::Open),
            "closed" => Some(FollowUp::Closed),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            FollowUp::Open => "open",
            FollowUp::Closed => "closed",
        }
    }
}

/// Newest first; inspections of the same day keep the order they were
/// written in, so the output does not depend on the sort.
pub fn newest_first(inspections: &mut [Inspection]) {
    inspections.sort_by_key(|i| std::cmp::Reverse(i.date));
}
