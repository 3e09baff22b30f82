//! Turning the site model into files: HTML pages through the Tera templates,
//! the sitemap and robots.txt. Pages render in parallel; each variant of
//! each page is one job.

mod chart;
pub mod hyphenate;
pub mod open_data;
mod sitemap;
pub mod survey_views;
pub mod views;

use std::path::Path;

use std::sync::atomic::{AtomicUsize, Ordering};

use rayon::prelude::*;

use crate::diagnostics::{Finding, Position};
use crate::domain::Variant;
use crate::i18n::Translations;
use crate::model::filters::{self, Filter};
use crate::model::{Site, SitePath};
use views::{Place, VariantContext};

/// One page to render: where it goes and what it shows.
#[derive(Clone, Debug)]
pub enum PageKind<'a> {
    Home,
    Service(&'a crate::model::Service),
    Filter(&'a crate::model::Service, &'a Filter),
    Compare(&'a crate::model::Service),
    Provider(&'a crate::model::Service, &'a crate::model::Provider),
    Content(&'a crate::model::Page),
    NotFound,
}

pub struct Job<'a> {
    pub variant: Variant,
    pub path: SitePath,
    pub kind: PageKind<'a>,
}

/// Every page of the site in every variant, in a fixed order.
pub fn jobs(site: &Site) -> Vec<Job<'_>> {
    let mut pages = vec![(SitePath::home(), PageKind::Home)];
    for service in &site.services {
        pages.push((service.path(&site.routes), PageKind::Service(service)));
        pages.push((SitePath::compare(&site.routes, &service.id), PageKind::Compare(service)));
        for filter in filters::filters(service) {
            pages.push((filter.path(service, &site.routes), PageKind::Filter(service, filter)));
        }
        for p in &service.providers {
            pages.push((p.path(&site.routes), PageKind::Provider(service, p)));
        }
    }
    for page in &site.pages {
        pages.push((page.path(), PageKind::Content(page)));
    }
    pages.push((SitePath::not_found(), PageKind::NotFound));
    Variant::ALL
        .iter()
        .flat_map(|&variant| {
            pages.iter().map(move |(path, kind)| Job { variant, path: path.clone(), kind: kind.clone() })
        })
        .collect()
}

pub struct Renderer {
    tera: tera::Tera,
}

impl Renderer {
    /// Loads `templates/*.html`; a template error is reported like any
    /// other finding.
    pub fn load(root: &Path) -> Result<Renderer, Finding> {
        let mut tera = tera::Tera::new();
        tera.register_filter("hyphenate", hyphenate::filter);
        let dir = root.join("templates");
        if !dir.is_dir() {
            return Err(Finding::error("templates", Position::WHOLE_FILE, crate::msg!("templates.missing"))
                .with_help(crate::msg!("templates.missing.help")));
        }
        let glob = format!("{}/**/*.html", dir.display());
        tera.load_from_glob(&glob).map_err(|e| template_finding(&e))?;
        Ok(Renderer { tera })
    }

    pub fn render(&self, job: &Job, cx: &VariantContext) -> Result<String, Finding> {
        let place = Place::new(job.path.clone(), job.variant, cx.site);
        let mut context = tera::Context::new();
        let kind = match &job.kind {
            PageKind::Service(s) | PageKind::Filter(s, _) | PageKind::Compare(s) | PageKind::Provider(s, _) => {
                Some(s.kind)
            }
            _ => None,
        };
        context.insert("t", kind.map_or(&cx.strings, |k| cx.strings_of(k)));
        // Section ids and the side-by-side query parameter, in the site's language.
        context.insert("anchor", &cx.site.routes.anchors);
        context.insert("selected_param", &cx.site.routes.selected);
        let (template, layout) = match &job.kind {
            PageKind::Home => {
                let services: Vec<_> = cx.site.services.iter().map(|s| views::service_view(cx, &place, s)).collect();
                let pages: Vec<_> = cx.site.pages.iter().map(|p| views::page_view(cx, &place, p, false)).collect();
                context.insert("services", &services);
                context.insert("pages", &pages);
                context.insert("intro", cx.text(&cx.site.intro));
                let title = cx.site.municipality.clone();
                let description = cx.text(&cx.site.intro).to_string();
                let mut layout = views::layout(cx, &place, title, description, vec![]);
                // The home page lists the information pages with their
                // summaries; the footer need not repeat them.
                layout.pages_nav.clear();
                ("home.html", layout)
            }
            PageKind::Service(s) => {
                let service = views::service_view(cx, &place, s);
                let providers = provider_rows(cx, &place, s, None, &mut context);
                context.insert("filters", &views::filter_groups(cx, &place, s));
                context.insert("compare_href", &place.linker.page(SitePath::compare(&cx.site.routes, &s.id).as_str()));
                let layout = views::layout(
                    cx,
                    &place,
                    service.name.clone(),
                    service.summary.clone(),
                    vec![views::home_crumb(cx, &place)],
                );
                context.insert("service", &service);
                context.insert("providers", &providers);
                ("service.html", layout)
            }
            PageKind::Provider(s, p) => {
                let service = views::service_view(cx, &place, s);
                let provider = views::provider_view(cx, &place, s, p);
                let crumbs = vec![views::home_crumb(cx, &place), views::service_crumb(cx, &place, s)];
                let layout = views::layout(
                    cx,
                    &place,
                    format!("{} ({})", provider.name, service.name),
                    provider.description.clone(),
                    crumbs,
                );
                context.insert("service", &service);
                context.insert("provider", &provider);
                context.insert("surveys", &survey_views::provider_surveys(cx, &place, s, p));
                ("provider.html", layout)
            }
            PageKind::Filter(s, filter) => {
                let service = views::service_view(cx, &place, s);
                let label = views::filter_label(cx, s.kind, filter);
                let providers = provider_rows(cx, &place, s, Some(filter), &mut context);
                let title = format!("{}: {label}", service.name);
                let crumbs = vec![views::home_crumb(cx, &place), views::service_crumb(cx, &place, s)];
                let layout = views::layout(cx, &place, title.clone(), service.summary.clone(), crumbs);
                context.insert("service", &service);
                context.insert("providers", &providers);
                context.insert("heading", &title);
                context.insert("shown", &filter.providers.len());
                context.insert("filters", &views::filter_groups(cx, &place, s));
                context.insert("compare_href", &place.linker.page(SitePath::compare(&cx.site.routes, &s.id).as_str()));
                ("filter.html", layout)
            }
            PageKind::Compare(s) => {
                let service = views::service_view(cx, &place, s);
                let providers = provider_rows(cx, &place, s, None, &mut context);
                let title = format!("{} – {}", cx.s("compare_title"), service.name);
                let crumbs = vec![views::home_crumb(cx, &place), views::service_crumb(cx, &place, s)];
                let layout = views::layout(cx, &place, title.clone(), service.summary.clone(), crumbs);
                context.insert("service", &service);
                context.insert("providers", &providers);
                context.insert("heading", &title);
                ("compare.html", layout)
            }
            PageKind::Content(page) => {
                let view = views::page_view(cx, &place, page, true);
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
            PageKind::NotFound => {
                let title = cx.s("not_found_title");
                ("404.html", views::layout(cx, &place, title.clone(), title, vec![]))
            }
        };
        context.insert("layout", &layout);
        let html = self.tera.render(template, &context).map_err(|e| template_finding(&e))?;
        Ok(if job.variant.is_plain() { crate::plain::glossary::explain_terms(&html, &cx.t.glossary) } else { html })
    }
}

/// Every provider of a service as a row of a list or comparison, with its
/// headline survey figure and filter values; the headline itself goes into
/// the context as `headline`. On a filter page the rows outside the filter
/// are there but hidden, so the script can combine filters from the page
/// the reader is on and count against the whole service.
fn provider_rows(
    cx: &VariantContext,
    place: &Place,
    service: &crate::model::Service,
    only: Option<&Filter>,
    context: &mut tera::Context,
) -> Vec<views::ProviderView> {
    let headline = survey_views::headline(cx, place, service);
    let all_filters = filters::filters(service);
    let rows = service
        .providers
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let mut view = views::provider_view(cx, place, service, p);
            view.survey_headline = headline.as_ref().and_then(|h| h.values.get(p.slug.as_str()).cloned());
            view.filter = views::filter_data(all_filters, i, &cx.site.routes);
            view.hidden = only.is_some_and(|f| f.providers.binary_search(&i).is_err());
            view
        })
        .collect();
    context.insert("headline", &headline);
    rows
}

fn template_finding(e: &tera::Error) -> Finding {
    Finding::error("templates", Position::WHOLE_FILE, crate::msg!("templates.error", detail = e))
        .with_help(crate::msg!("templates.error.help"))
}

/// The HTML of every job, minified, handed to `sink` as it is produced,
/// with `progress` told after each. Stops at the first error.
pub fn render_all<F>(
    site: &Site,
    translations: &Translations,
    renderer: &Renderer,
    progress: crate::Progress,
    sink: F,
) -> Result<usize, Finding>
where
    F: Fn(&Job, Vec<u8>) -> Result<(), Finding> + Sync,
{
    render_each(site, translations, renderer, progress, true, sink)
}

/// As `render_all`; `minify: false` hands over the HTML as rendered (for
/// `check`, which writes nothing).
pub fn render_each<F>(
    site: &Site,
    translations: &Translations,
    renderer: &Renderer,
    progress: crate::Progress,
    minify: bool,
    sink: F,
) -> Result<usize, Finding>
where
    F: Fn(&Job, Vec<u8>) -> Result<(), Finding> + Sync,
{
    let contexts: Vec<VariantContext> =
        Variant::ALL.iter().map(|&v| VariantContext::new(site, translations, v)).collect();
    let jobs = jobs(site);
    let cfg = minify_cfg();
    let done = AtomicUsize::new(0);
    jobs.par_iter().try_for_each(|job| {
        let cx = contexts.iter().find(|c| c.variant == job.variant).expect("a context per variant");
        let html = renderer.render(job, cx)?;
        sink(job, if minify { minify_html::minify(html.as_bytes(), &cfg) } else { html.into_bytes() })?;
        progress(done.fetch_add(1, Ordering::Relaxed) + 1, jobs.len());
        Ok(())
    })?;
    Ok(jobs.len())
}

/// Spec-compliant settings only: the output must pass the Nu Html Checker.
pub fn minify_cfg() -> minify_html::Cfg {
    minify_html::Cfg { minify_css: true, keep_html_and_head_opening_tags: true, ..minify_html::Cfg::new() }
}

pub use sitemap::{robots_txt, sitemap_xml};

/// Where the brand colour's style sheet goes; pages link it only when the
/// configuration names a colour.
pub const BRAND_CSS: &str = "assets/brand.css";

/// The configured brand colour as the accent of the style sheet: a file of
/// its own, not inline, so pages carry no style elements.
pub fn brand_css(site: &Site) -> Option<String> {
    site.identity.brand_colour.map(|c| format!(":root{{--accent:{c}}}\n"))
}
