//! `listing:` in brukervalg.yaml: how long lists are split into pages.

use super::fields::{FileCheck, at};
use crate::load::raw::RawListing;
use crate::model::listing::{DEFAULT_PAGE_SIZE, PAGE_SIZE_RANGE};
use crate::msg;

/// The page size asked for, or the default (reported) when it is out of range.
pub fn page_size(check: &mut FileCheck, raw: &RawListing) -> usize {
    let Some(size) = &raw.page_size else { return DEFAULT_PAGE_SIZE };
    match usize::try_from(size.value) {
        Ok(n) if PAGE_SIZE_RANGE.contains(&n) => n,
        _ => {
            check.error(
                at(size),
                msg!("listing.page_size", value = size.value),
                msg!(
                    "listing.page_size.help",
                    min = PAGE_SIZE_RANGE.start(),
                    max = PAGE_SIZE_RANGE.end(),
                    default = DEFAULT_PAGE_SIZE
                ),
            );
            DEFAULT_PAGE_SIZE
        }
    }
}
