//! Profiles as `serve`'s last build validated them. A profile the profile
//! cache handed out unchanged (the same reading, `LoadedProvider::reading`)
//! whose photo has the same stamp gets the provider, findings, readability
//! samples and links of last time without being validated again: at 10,000
//! providers that took about a third of a second of every rebuild. The
//! rules that compare profiles (the same organisation number twice) are not
//! cached; they run on the results every time.
//!
//! Validating a profile reads, besides its files and photo, the site as
//! configured (services, districts, routes, limits, today) and the UI
//! strings (language names): a change to any empties the cache.

use std::path::PathBuf;

use super::links::PendingLink;
use crate::carried::Carried;
use crate::diagnostics::Finding;
use crate::i18n::Translations;
use crate::load::LoadedProvider;
use crate::load::files;
use crate::load::profile_cache::{Stamp, stamp};
use crate::model::{Provider, Site};
use crate::readability::Samples;

/// One profile validated on its own, with what its checks found.
#[derive(Clone)]
pub(super) struct Validated {
    pub(super) provider: Option<Provider>,
    /// In the order `Findings::into_sorted` gives.
    pub(super) findings: Vec<Finding>,
    pub(super) samples: Samples,
    pub(super) pending: Vec<PendingLink>,
}

#[derive(Default)]
pub struct ValidatedCache(Carried<PathBuf, Entry>);

#[derive(Clone)]
struct Entry {
    reading: u64,
    photo: Option<Stamp>,
    validated: Validated,
}

impl ValidatedCache {
    /// Starts validating the profiles of `site`, which has no providers yet.
    pub(super) fn begin(&self, site: &Site, translations: &Translations) {
        self.0.begin(format!("{site:?}{}", translations.fingerprint()));
    }

    /// `item` validated, from the cache when neither it nor its photo
    /// changed since, else by `validate`.
    pub(super) fn validate(&self, item: &LoadedProvider, validate: impl FnOnce() -> Validated) -> Validated {
        let photo = photo(item);
        let entry = self.0.get_or(
            item.source.absolute.clone(),
            |e| e.reading == item.reading && e.photo == photo,
            || Entry { reading: item.reading, photo: photo.clone(), validated: validate() },
        );
        entry.validated
    }
}

/// The stamp of the photo the profile names, when the name could be one
/// beside it (other names are refused without looking at the disk).
fn photo(item: &LoadedProvider) -> Option<Stamp> {
    let name = item.profile.image.as_ref()?.file.value.trim();
    stamp(&files::beside(&item.source, name)?.absolute)
}
