//! The preview's own addresses, beside the site's pages.

/// Everything serve adds lives under this prefix, which no page of a
/// brukervalg site uses (page paths are slugs without underscores).
pub const PREFIX: &str = "/__brukervalg/";
pub const EVENTS_PATH: &str = "/__brukervalg/events";
pub const SCRIPT_PATH: &str = "/__brukervalg/reload.js";
