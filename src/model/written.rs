//! Every name a build writes into the output, in one place (the model
//! decides them; `render::style_sheets` makes the style sheets' text). The writer
//! (`lib::write_site`) writes these, the check that no file of `static/`
//! lands on one (`validate::static_files`) and the link check
//! (`validate::links`) read them, so a new generated file is known to all
//! three, and `check` refuses what `build` would trip over.

use super::Site;

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

/// Marks a folder as made by brukervalg (`output::Staging`), so a mistyped
/// `--output` never replaces a folder of someone's own.
pub const MARKER: &str = ".brukervalg-output";

/// Where the brand colour's style sheet goes; pages link it only when the
/// configuration names a colour.
pub const BRAND_CSS: &str = "assets/brand.css";

/// Where the card labels of the provider tables go (`render::card_labels_css`).
pub const CARDS_CSS: &str = "assets/cards.css";

/// The profile form (`render::cms_config`), written only when the site
/// configures `cms:`.
pub const ADMIN_CONFIG: &str = "admin/config.yml";
pub const ADMIN_PAGE: &str = "admin/index.html";

/// The street register as open data, and what the street search reads:
/// written only when the site has `streets.csv`.
pub const STREETS_JSON: &str = "data/streets.json";

/// The street register's file, when the site has one.
pub fn street_names(site: &Site) -> impl Iterator<Item = &'static str> + use<> {
    (!site.streets.is_empty()).then_some(STREETS_JSON).into_iter()
}

/// The profile form's files, when the site has one.
pub fn admin_names(site: &Site) -> impl Iterator<Item = &'static str> + use<> {
    site.cms.is_some().then_some([ADMIN_CONFIG, ADMIN_PAGE]).into_iter().flatten()
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
    let made = DATA_FILES.into_iter().chain(style_sheet_names(site)).chain(street_names(site)).map(str::to_string);
    made.chain(pictures(site).map(str::to_string)).collect()
}

/// Every file the build writes besides the copies of `static/`: each page
/// in each variant, the data files, the style sheets, the profile form, the providers'
/// pictures and the output marker.
pub fn each_generated_file(site: &Site, mut visit: impl FnMut(&str)) {
    let mut name = String::new();
    for job in super::pages::jobs(site) {
        name.clear();
        name.push_str(job.variant.root());
        name.push_str(&job.path.file_name());
        visit(&name);
    }
    DATA_FILES.iter().for_each(|f| visit(f));
    style_sheet_names(site).for_each(&mut visit);
    admin_names(site).for_each(&mut visit);
    street_names(site).for_each(&mut visit);
    pictures(site).for_each(&mut visit);
    visit(MARKER);
}
