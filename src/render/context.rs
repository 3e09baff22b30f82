//! What every page of one variant shares: the site-wide input, the UI
//! strings in the variant's wording (and in each kind of service's words),
//! and the keys of the words for model values.

use std::collections::BTreeMap;

use super::inputs::SiteInput;
use crate::domain::{Date, Text, Variant};
use crate::i18n::Translations;
use crate::markdown;
use crate::model::{CapacityStatus, Ownership, ServiceKind};

/// Everything one variant shares across its pages.
pub struct VariantContext<'a> {
    pub site: &'a SiteInput<'a>,
    pub variant: Variant,
    pub t: &'a Translations,
    pub strings: BTreeMap<&'a str, &'a str>,
    /// The strings as pages of each kind of service see them.
    kinds: Vec<(ServiceKind, BTreeMap<&'a str, &'a str>)>,
}

impl<'a> VariantContext<'a> {
    pub fn new(site: &'a SiteInput<'a>, variant: Variant) -> Self {
        let t = site.t.0;
        let strings = t.strings_for(variant);
        let kinds = KINDS.iter().map(|&kind| (kind, strings_for_kind(&strings, kind))).collect();
        VariantContext { site, variant, t, strings, kinds }
    }

    /// The strings for pages about a service of `kind`: a key written as
    /// `school.section_about` in the i18n file replaces `section_about` on
    /// school pages, so schools speak of pupils and school places while
    /// home care speaks of providers. Plain wording of either applies in
    /// the plain variants.
    pub fn strings_of(&self, kind: ServiceKind) -> &BTreeMap<&'a str, &'a str> {
        self.kinds.iter().find(|(k, _)| *k == kind).map_or(&self.strings, |(_, s)| s)
    }

    /// This context in the words of a kind of service, for views that look
    /// strings up by their general key (the survey's notes).
    pub fn of_kind(&self, kind: ServiceKind) -> VariantContext<'a> {
        VariantContext {
            site: self.site,
            variant: self.variant,
            t: self.t,
            strings: self.strings_of(kind).clone(),
            kinds: Vec::new(),
        }
    }

    /// One string in the words of a kind of service.
    pub fn s_of(&self, kind: ServiceKind, key: &str) -> String {
        self.strings_of(kind).get(key).map_or_else(|| key.to_string(), |s| s.to_string())
    }

    pub fn text(&self, text: &'a Text) -> &'a str {
        text.for_variant(self.variant)
    }

    pub fn s(&self, key: &str) -> String {
        self.strings.get(key).map_or_else(|| self.t.missing(key), |s| s.to_string())
    }

    /// The words a rendered Markdown block needs around it.
    pub fn markdown_labels(&self) -> markdown::Labels {
        markdown::Labels {
            lang: self.site.language.code().to_string(),
            footnote: self.s("footnote"),
            footnote_back: self.s("footnote_back"),
            footnotes: self.s("footnotes_heading"),
            table: self.s("table_region"),
        }
    }

    pub fn date(&self, date: Date) -> String {
        self.t.long_date(date)
    }
}

pub const KINDS: [ServiceKind; 4] =
    [ServiceKind::HomeCare, ServiceKind::NursingHome, ServiceKind::School, ServiceKind::Kindergarten];

/// The prefix of a kind's own strings in the i18n files, as the kind is
/// written in brukervalg.yaml.
pub fn kind_key(kind: ServiceKind) -> &'static str {
    match kind {
        ServiceKind::HomeCare => "home-care",
        ServiceKind::NursingHome => "nursing-home",
        ServiceKind::School => "school",
        ServiceKind::Kindergarten => "kindergarten",
    }
}

pub(super) fn strings_for_kind<'a>(
    strings: &BTreeMap<&'a str, &'a str>,
    kind: ServiceKind,
) -> BTreeMap<&'a str, &'a str> {
    let prefix = format!("{}.", kind_key(kind));
    let mut out = strings.clone();
    for (key, value) in strings {
        if let Some(general) = key.strip_prefix(prefix.as_str()) {
            out.insert(general, value);
        }
    }
    out
}

pub fn ownership_key(o: Ownership) -> &'static str {
    match o {
        Ownership::Municipal => "ownership_municipal",
        Ownership::Private => "ownership_private",
        Ownership::NonProfit => "ownership_non_profit",
    }
}

pub fn capacity_key(c: CapacityStatus) -> &'static str {
    match c {
        CapacityStatus::Open => "capacity_open",
        CapacityStatus::WaitingList => "capacity_waiting_list",
        CapacityStatus::Full => "capacity_full",
    }
}
