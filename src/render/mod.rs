//! Turning the site model into files: HTML pages through the Tera templates,
//! the sitemap and robots.txt. Pages render in parallel; each variant of
//! each page is one job.

mod card_css;
mod chart;
pub mod cms_config;
mod compare_survey;
mod contact_views;
mod context;
pub mod counts;
mod csv_cells;
mod filter_views;
pub mod hyphenate;
mod inputs;
mod keyed;
mod kind_inputs;
mod kind_views;
mod layout_view;
pub mod memo;
pub mod open_data;
pub(crate) mod pagination;
pub mod quality_data;
pub mod quality_views;
mod service_texts;
mod sitemap;
pub mod street_data;
mod street_inputs;
mod street_views;
pub mod survey_views;
pub mod templates;
pub mod views;

use std::path::{Path, PathBuf};

use std::sync::atomic::{AtomicUsize, Ordering};

use rayon::prelude::*;

use crate::diagnostics::{Finding, Position};
use crate::domain::Variant;
use crate::i18n::Translations;
use crate::model::filters;
use crate::model::listing::Slice;
use crate::model::{Site, SitePath};
use inputs::{Input, ListInput, PageInput};
use memo::{Fill, MemoRun};
use views::{Place, VariantContext};

/// Called with (pages done, pages in all) as pages are written.
pub type Progress<'a> = &'a (dyn Fn(usize, usize) + Sync);

pub use crate::model::pages::{Job, PageKind, jobs};

pub struct Renderer {
    /// The templates made compact, which render the pages.
    tera: tera::Tera,
    /// The templates as written: an error is reported from these, so its
    /// line and column are those of the file.
    written: Vec<(String, String)>,
    /// Of every template file, for the pages' fingerprints.
    templates: u64,
}

impl Renderer {
    /// Makes the renderer from the templates as read (`templates::read`);
    /// a template error is reported like any other finding.
    pub fn load(written: Vec<(String, String)>) -> Result<Renderer, Finding> {
        let compact = written.iter().map(|(name, source)| (name.clone(), templates::compact(source)));
        let mut tera = new_tera();
        if let Err(e) = tera.add_raw_templates(compact) {
            return Err(template_finding(&new_tera().add_raw_templates(written).err().unwrap_or(e)));
        }
        let templates = templates::fingerprint(&written);
        Ok(Renderer { tera, written, templates })
    }

    fn render_filled(&self, template: &str, fill: &Fill) -> Result<String, Finding> {
        self.tera.render(template, &fill.context).map_err(|e| template_finding(&self.as_written(template, fill, e)))
    }

    /// `error`, as the templates as written give it.
    fn as_written(&self, template: &str, fill: &Fill, error: tera::Error) -> tera::Error {
        let mut tera = new_tera();
        match tera.add_raw_templates(self.written.iter().cloned()) {
            Err(e) => e,
            Ok(()) => tera.render(template, &fill.context).err().unwrap_or(error),
        }
    }

    /// The template of a page and what it sees: made from its input alone.
    fn fill(&self, input: &Input, cx: &VariantContext, strings: &memo::Shared) -> (&'static str, Fill) {
        let place = Place::new(input.path.clone(), input.variant, cx.site);
        let mut context = Fill::default();
        let kind = match &input.page {
            PageInput::Service(list)
            | PageInput::Filter(list, _)
            | PageInput::Compare(list)
            | PageInput::Brochure(list) => Some(list.service.kind),
            PageInput::Provider { service, .. } => Some(service.kind),
            PageInput::Streets(streets) => Some(streets.service.kind),
            _ => None,
        };
        context.insert_shared("t", strings.get(input.variant, kind));
        // Section ids and the side-by-side query parameter, in the site's language.
        context.insert("anchor", &cx.site.routes.anchors);
        context.insert("selected_param", &cx.site.routes.selected);
        let routes = &cx.site.routes;
        let (template, layout) = match &input.page {
            PageInput::Home { services, intro } => {
                let services: Vec<_> = services.iter().map(|s| views::service_view(cx, &place, s)).collect();
                let pages: Vec<_> = cx.site.pages.iter().map(|p| views::page_heading_view(cx, &place, p)).collect();
                context.insert("services", &services);
                context.insert("pages", &pages);
                context.insert("intro_html", &service_texts::lead(cx, &place, intro));
                let title = cx.site.municipality.to_string();
                let description = service_texts::words(cx, intro);
                let mut layout = views::layout(cx, &place, title, description, vec![]);
                // The home page lists the information pages with their
                // summaries; the footer need not repeat them.
                layout.pages_nav.clear();
                ("home.html", layout)
            }
            PageInput::Service(list) => {
                let (s, slice) = (&**list.service, list.slice);
                // Later pages of a long list show the list only.
                let service = if slice.number > 1 {
                    views::service_view(cx, &place, s)
                } else {
                    views::service_page_view(cx, &place, s)
                };
                let providers = provider_rows(cx, &place, list, &mut context, false);
                context.insert("filters", &views::filter_groups(cx, &place, s, list.filters));
                context.insert("filters_common", &views::common_values(cx, s, list.filters));
                let compare = SitePath::paged(routes, &SitePath::compare(routes, s.id), slice.number);
                insert_compare_links(&mut context, &place, &compare, true);
                if !list.paged {
                    insert_shortlist(cx, &mut context, s.id);
                }
                let brochure = SitePath::paged(routes, &SitePath::brochure(routes, s.id), slice.number);
                context.insert("brochure_href", &place.linker.page(brochure.as_str()));
                insert_pagination(cx, &place, &mut context, &s.path(routes), slice);
                let mut layout = views::layout(
                    cx,
                    &place,
                    titled(cx, service.name.clone(), slice),
                    service.summary.clone(),
                    vec![views::home_crumb(cx, &place)],
                );
                layout.cards_stylesheet = Some(place.linker.site(CARDS_CSS));
                context.insert("service", &service);
                context.insert("providers", &providers);
                ("service.html", layout)
            }
            PageInput::Provider { service: s, provider: p, paged } => {
                let service = views::service_view(cx, &place, s);
                if !paged {
                    insert_shortlist(cx, &mut context, s.id);
                    insert_compare_links(&mut context, &place, &SitePath::compare(routes, s.id), true);
                }
                let provider = views::provider_view(cx, &place, s, p);
                let crumbs = vec![views::home_crumb(cx, &place), views::service_crumb(cx, &place, s)];
                // A home-care provider's description is a paragraph of the page,
                // which search engines read anyway (at 10,000 providers a copy
                // in every head would add megabytes); a school's page has the
                // school's own words, so its summary is kept.
                let description = if provider.school.is_some() { provider.description.clone() } else { String::new() };
                let layout =
                    views::layout(cx, &place, format!("{} ({})", provider.name, service.name), description, crumbs);
                context.insert("service", &service);
                context.insert("provider", &provider);
                context.insert("surveys", &survey_views::provider_surveys(cx, &place, s, p));
                context.insert("indicators", &quality_views::heads(cx, s));
                ("provider.html", layout)
            }
            PageInput::Filter(list, filter) => {
                let (s, slice) = (&**list.service, list.slice);
                let service = views::service_view(cx, &place, s);
                let label = views::filter_label(cx, s.kind, filter);
                let providers = provider_rows(cx, &place, list, &mut context, false);
                let title = format!("{}: {label}", service.name);
                let crumbs = vec![views::home_crumb(cx, &place), views::service_crumb(cx, &place, s)];
                let mut layout =
                    views::layout(cx, &place, titled(cx, title.clone(), slice), service.summary.clone(), crumbs);
                layout.cards_stylesheet = Some(place.linker.site(CARDS_CSS));
                context.insert("service", &service);
                context.insert("providers", &providers);
                context.insert("heading", &title);
                context.insert("shown", &filter.count);
                if filter.dimension == filters::Dimension::District {
                    context.insert("office", &contact_views::district_office(cx, filter.value));
                }
                context.insert("filters", &views::filter_groups(cx, &place, s, list.filters));
                context.insert("filters_common", &views::common_values(cx, s, list.filters));
                // The side-by-side pages of a long service follow its own
                // pages, so rows ticked here could be on any of them.
                insert_compare_links(&mut context, &place, &SitePath::compare(routes, s.id), !list.paged);
                if !list.paged {
                    insert_shortlist(cx, &mut context, s.id);
                }
                insert_pagination(cx, &place, &mut context, &filter.path(s.id, routes), slice);
                ("filter.html", layout)
            }
            PageInput::Compare(list) => {
                let (s, slice) = (&**list.service, list.slice);
                let service = views::service_view(cx, &place, s);
                let providers = provider_rows(cx, &place, list, &mut context, true);
                let title = format!("{} – {}", cx.s("compare_title"), service.name);
                let crumbs = vec![views::home_crumb(cx, &place), views::service_crumb(cx, &place, s)];
                insert_pagination(cx, &place, &mut context, &SitePath::compare(routes, s.id), slice);
                let layout =
                    views::layout(cx, &place, titled(cx, title.clone(), slice), service.summary.clone(), crumbs);
                context.insert("service", &service);
                context.insert("providers", &providers);
                context.insert("heading", &title);
                ("compare.html", layout)
            }
            PageInput::Brochure(list) => {
                let (s, slice) = (&**list.service, list.slice);
                // The cover and the rights come from the service page's own
                // texts, so paper says what the site says.
                let service = views::service_page_view(cx, &place, s);
                let providers = provider_rows(cx, &place, list, &mut context, false);
                let title = format!("{} – {}", service.name, cx.s("brochure_title"));
                let crumbs = vec![views::home_crumb(cx, &place), views::service_crumb(cx, &place, s)];
                insert_pagination(cx, &place, &mut context, &SitePath::brochure(routes, s.id), slice);
                let layout =
                    views::layout(cx, &place, titled(cx, title.clone(), slice), service.summary.clone(), crumbs);
                context.insert("service", &service);
                context.insert("providers", &providers);
                context.insert("heading", &title);
                ("brochure.html", layout)
            }
            PageInput::Streets(streets) => {
                let (view, layout) = street_views::view(cx, &place, streets);
                context.insert("streets", &view);
                ("streets.html", layout)
            }
            PageInput::Content(page) => {
                let view = views::page_view(cx, &place, page);
                let mut layout = views::layout(
                    cx,
                    &place,
                    view.title.clone(),
                    view.summary.clone(),
                    vec![views::home_crumb(cx, &place)],
                );
                layout.set_page_language(page.lang.as_ref());
                context.insert("page", &view);
                ("page.html", layout)
            }
            PageInput::NotFound => {
                let title = cx.s("not_found_title");
                ("404.html", views::layout(cx, &place, title.clone(), title, vec![]))
            }
        };
        context.insert("layout", &layout);
        (template, context)
    }
}

/// The providers of one list page as rows of a list or comparison, with
/// their headline survey figure; the headline itself goes into the context
/// as `headline`. On a filter page of a short service the rows outside the
/// filter are there but hidden, so the script can combine filters from the
/// page the reader is on and count against the whole service; a long
/// service's pages hold only their own rows, marked `partial` so the script
/// leaves counting to the pre-built pages. `compare`: the side-by-side page,
/// which shows every question of the survey (`survey_questions`, and each
/// row's `survey`).
fn provider_rows(
    cx: &VariantContext,
    place: &Place,
    list: &ListInput,
    context: &mut Fill,
    compare: bool,
) -> Vec<views::ProviderView> {
    let service = &**list.service;
    let headline = survey_views::headline(cx, place, service, compare);
    let whole = headline.as_ref().filter(|_| compare);
    let views = list
        .rows
        .iter()
        .map(|(row, hidden)| {
            let mut view = views::provider_row(cx, place, service, row);
            view.survey_headline = headline.as_ref().map(|h| h.value(cx, row.slug));
            view.survey_sort = headline.as_ref().and_then(|h| h.sort_value(row.slug));
            if let Some(h) = whole {
                view.survey = compare_survey::cells(cx, service.kind, h, row);
            }
            view.hidden = *hidden;
            view
        })
        .collect();
    if let Some(h) = whole {
        context.insert("survey_questions", &compare_survey::questions(cx, service.kind, h));
    }
    context.insert("card_class", &views::card_class(service.kind, cx.variant.is_plain(), headline.is_some()));
    context.insert("headline", &headline);
    context.insert("indicators", &quality_views::heads(cx, service));
    context.insert(
        "indicator_class",
        &quality_views::indicator_class(service.id, service.indicators, cx.variant.is_plain()),
    );
    if list.paged {
        context.insert("partial", &true);
    }
    views
}

/// The side-by-side page a list links to; `pick` lets the script tick rows
/// for it, which only works when that page has every row of this one.
fn insert_compare_links(context: &mut Fill, place: &Place, compare: &SitePath, pick: bool) {
    let href = place.linker.page(compare.as_str());
    context.insert("pick_href", if pick { href.as_str() } else { "" });
    context.insert("compare_href", &href);
}

/// The key the script keeps a service's shortlist under in the reader's
/// browser (site language and service, so every variant shares it); only
/// where the side-by-side page holds every provider of the service.
fn insert_shortlist(cx: &VariantContext, context: &mut Fill, service: &crate::domain::Slug) {
    context.insert("shortlist", &format!("{}:{service}", cx.site.language.code()));
}

fn insert_pagination(cx: &VariantContext, place: &Place, context: &mut Fill, list: &SitePath, slice: &Slice) {
    if let Some(view) = pagination::pagination(cx, place, list, slice) {
        context.insert("pagination", &view);
    }
}

/// Pages after the first of a list say which they are in their title.
fn titled(cx: &VariantContext, title: String, slice: &Slice) -> String {
    match pagination::title_suffix(cx, slice) {
        Some(suffix) => format!("{title}, {suffix}"),
        None => title,
    }
}

fn new_tera() -> tera::Tera {
    let mut tera = tera::Tera::new();
    tera.register_filter("hyphenate", hyphenate::filter);
    tera.register_filter("count", counts::filter);
    tera
}

fn template_finding(e: &tera::Error) -> Finding {
    Finding::error("templates", Position::WHOLE_FILE, crate::msg!("templates.error", detail = e))
        .with_help(crate::msg!("templates.error.help"))
}

/// A page as rendering hands it over.
pub enum Rendered<'a> {
    Html(Vec<u8>),
    /// The same as this file of the last build.
    Unchanged(&'a Path),
}

/// Every job's page, handed to `sink` as it is produced, with `progress`
/// told after each; stops at the first error. With a memo of the last build, a page whose
/// fingerprint is unchanged is not rendered but handed over as the file of
/// that build. `sink` answers where it put the page, for the memo.
pub fn render_with<F>(
    site: &Site,
    (translations, renderer): (&Translations, &Renderer),
    progress: Progress,
    memo: Option<&MemoRun>,
    sink: F,
) -> Result<usize, Finding>
where
    F: Fn(&Job, Rendered) -> Result<Option<PathBuf>, Finding> + Sync,
{
    let inputs = inputs::Inputs::new(site, translations, renderer.templates);
    let contexts: Vec<VariantContext> = Variant::ALL.iter().map(|&v| VariantContext::new(inputs.site(), v)).collect();
    // The UI strings are the same on every page of a variant and kind of
    // service: converted once, not once per page.
    let mut strings = memo::Shared::default();
    for cx in &contexts {
        strings.add(cx.variant, None, &cx.strings);
        for kind in views::KINDS {
            strings.add(cx.variant, Some(kind), cx.strings_of(kind));
        }
    }
    let jobs = jobs(site);
    let done = AtomicUsize::new(0);
    jobs.par_iter().try_for_each(|job| {
        let input = inputs.input(job);
        // Only a memo of the last build has keys to compare with.
        let key = memo.map(|_| input.key());
        let previous = memo.zip(key).and_then(|(m, k)| m.unchanged(job.variant, &job.path, k));
        let stored = if let Some(file) = previous {
            sink(job, Rendered::Unchanged(file))?
        } else {
            let cx = contexts.iter().find(|c| c.variant == job.variant).expect("a context per variant");
            let (template, fill) = renderer.fill(&input, cx, &strings);
            let mut html = renderer.render_filled(template, &fill)?;
            if job.variant.is_plain() {
                html = crate::plain::explain::explain_terms(&html, &cx.t.glossary);
            }
            sink(job, Rendered::Html(html.into_bytes()))?
        };
        if let (Some(memo), Some(key), Some(file)) = (memo, key, stored) {
            memo.record(job.variant, &job.path, key, file, previous.is_some());
        }
        progress(done.fetch_add(1, Ordering::Relaxed) + 1, jobs.len());
        Ok(())
    })?;
    Ok(jobs.len())
}

pub use sitemap::{robots_txt, sitemap_xml};
pub use views::card_labels_css;

pub use crate::model::written::{BRAND_CSS, CARDS_CSS};

/// The style sheets made from the configuration, with their text: the
/// card labels always, the brand colour when one is configured.
pub fn style_sheets(site: &Site, translations: &Translations) -> Vec<(&'static str, String)> {
    let cards = Some((CARDS_CSS, card_labels_css(site, translations)));
    let brand = brand_css(site).map(|css| (BRAND_CSS, css));
    [cards, brand].into_iter().flatten().collect()
}

/// The configured brand colour as the accent of the style sheet: a file of
/// its own, not inline, so pages carry no style elements.
pub fn brand_css(site: &Site) -> Option<String> {
    site.identity.brand_colour.map(|c| format!(":root{{--accent:{c}}}\n"))
}
