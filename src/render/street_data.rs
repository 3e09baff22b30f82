//! The street register as open data, `data/streets.json`: one record per
//! row, with the district's and the schools' ids as the site's addresses
//! use them. The street search reads it; each index page says where an id
//! leads in its own service, so one file serves every service and variant,
//! and its size follows the register, not the providers.

use serde::Serialize;

use crate::model::Site;
use crate::model::streets::{Numbers, Side};

#[derive(Serialize)]
struct Record<'a> {
    street: &'a str,
    from: Option<u32>,
    to: Option<u32>,
    /// `odd`, `even`, or absent for both sides.
    #[serde(skip_serializing_if = "Option::is_none")]
    side: Option<&'static str>,
    district: &'a str,
    /// The catchment schools' ids (their profiles' file names).
    schools: Vec<&'a str>,
}

/// The file, when the site has a register.
pub fn files(site: &Site) -> Vec<(&'static str, Vec<u8>)> {
    crate::model::written::street_names(site).map(|name| (name, json(site))).collect()
}

fn json(site: &Site) -> Vec<u8> {
    let records: Vec<Record> = site
        .streets
        .iter()
        .map(|s| {
            let (from, to, side) = match s.numbers {
                Numbers::All => (None, None, None),
                Numbers::Range { from, to, side } => (
                    Some(from),
                    Some(to),
                    match side {
                        Side::Both => None,
                        Side::Odd => Some("odd"),
                        Side::Even => Some("even"),
                    },
                ),
            };
            Record {
                street: &s.name,
                from,
                to,
                side,
                district: s.district.as_str(),
                schools: s.schools.iter().map(|(_, slug)| slug.as_str()).collect(),
            }
        })
        .collect();
    serde_json::to_vec(&records).unwrap_or_else(|_| b"[]".to_vec())
}
