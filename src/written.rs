//! Every name a build writes into the output, in one place. The writer
//! (`lib::write_site`) writes these, the check that no file of `static/`
//! lands on one (`validate::static_files`) and the link check
//! (`validate::links`) read them, so a new generated file is known to all
//! three, and `check` refuses what `build` would trip over.

use crate::i18n::Translations;
use crate::model::Site;
use crate::render::{BRAND_CSS, CARDS_CSS};

pub const SITEMAP: &str = "sitemap.xml";
pub const ROBOTS: &str = "robots.txt";
pub const PROVIDERS_JSON: &str = "data/providers.json";
pub const PROVIDERS_CSV: &str = "data/providers.csv";
pub const SURVEY_RESULTS_CSV: &str = "data/survey-results.csv";
pub const INSPECTIONS_CSV: &str = "data/inspections.csv";
pub const INDICATORS_CSV: &str = "data/indicators.csv";

/// The open data and the files for search engines.
pub const DATA_FILES: [&str; 7] =
    [SITEMAP, ROBOTS, PROVIDERS_JSON, PROVIDERS_CSV, SURVEY_RESULTS_CSV, INSPECTIONS_CSV, INDICATORS_CSV];

/// Marks an output folder as made by brukervalg (`output::Staging`).
pub use crate::output::MARKER;

/// The style sheets made from the configuration, with their text: the
/// card labels always, the brand colour when one is configured.
pub fn style_sheets(site: &Site, translations: &Translations) -> Vec<(&'static str, String)> {
    let cards = Some((CARDS_CSS, crate::render::card_labels_css(site, translations)));
    let brand = crate::render::brand_css(site).map(|css| (BRAND_CSS, css));
    [cards, brand].into_iter().flatten().collect()
}

/// The names of `style_sheets`, without making them.
pub fn style_sheet_names(site: &Site) -> impl Iterator<Item = &'static str> + use<> {
    [Some(CARDS_CSS), site.identity.brand_colour.map(|_| BRAND_CSS)].into_iter().flatten()
}

/// The providers' pictures, by their path in the output.
pub fn pictures(site: &Site) -> impl Iterator<Item = &str> {
    site.services.iter().flat_map(|s| s.every_provider()).filter_map(|p| p.image.as_ref()).map(|i| i.published.as_str())
}

/// The files besides pages a link may lead to: data, style sheets, pictures.
pub fn linkable_files(site: &Site) -> Vec<String> {
    let made = DATA_FILES.into_iter().chain(style_sheet_names(site)).map(str::to_string);
    made.chain(pictures(site).map(str::to_string)).collect()
}

/// Every file the build writes besides the copies of `static/`: each page
/// in each variant, the data files, the style sheets, the providers'
/// pictures and the output marker.
pub fn each_generated_file(site: &Site, mut visit: impl FnMut(&str)) {
    let mut name = String::new();
    for job in crate::render::jobs(site) {
        name.clear();
        name.push_str(job.variant.root());
        name.push_str(&job.path.file_name());
        visit(&name);
    }
    DATA_FILES.iter().for_each(|f| visit(f));
    style_sheet_names(site).for_each(&mut visit);
    pictures(site).for_each(&mut visit);
    visit(MARKER);
}
