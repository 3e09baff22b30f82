//! What a citizen needs to choose: every provider listed once and on equal
//! terms, filters that work without JavaScript, a side-by-side comparison,
//! provider pages with the same sections in the same order, open data.

mod common;

use std::collections::BTreeSet;

use common::TestSite;
use common::html::{doc, sel};
use scraper::Html;

/// Provider slugs in the order a page's comparison table shows them
/// (rows outside a filter page's own filter are there, but hidden).
fn table_rows(html: &Html) -> Vec<String> {
    html.select(&sel("table.providers-table tbody tr:not([hidden])"))
        .map(|r| r.value().attr("data-provider").unwrap().to_string())
        .collect()
}

fn norwegian_key(s: &str) -> Vec<u32> {
    s.to_lowercase()
        .chars()
        .map(|c| match c {
            'æ' => 'z' as u32 + 1,
            'ø' => 'z' as u32 + 2,
            'å' => 'z' as u32 + 3,
            c => c as u32,
        })
        .collect()
}

/// The example's files as written, read with a YAML parser and not with
/// the tool, so expected answers do not come from the code under test.
struct Written {
    /// (id, name)
    districts: Vec<(String, String)>,
    services: Vec<(String, serde_json::Value, Vec<WrittenProvider>)>,
}

struct WrittenProvider {
    slug: String,
    name: String,
    districts: Vec<String>,
}

fn written() -> &'static Written {
    static WRITTEN: std::sync::OnceLock<Written> = std::sync::OnceLock::new();
    WRITTEN.get_or_init(|| {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let yaml = |path: &std::path::Path| -> serde_json::Value {
            serde_saphyr::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
        };
        let config = yaml(&root.join("brukervalg.yaml"));
        let districts: Vec<(String, String)> = config["districts"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| (d["id"].as_str().unwrap().to_string(), d["name"].as_str().unwrap().to_string()))
            .collect();
        let services = config["services"]
            .as_array()
            .unwrap()
            .iter()
            .map(|service| {
                let id = service["id"].as_str().unwrap().to_string();
                let mut providers = Vec::new();
                for entry in std::fs::read_dir(root.join("providers").join(&id)).unwrap() {
                    let path = entry.unwrap().path();
                    if path.extension().is_none_or(|e| e != "yaml") {
                        continue;
                    }
                    let profile = yaml(&path);
                    // An agreement that has ended is no longer offered.
                    if profile["admission"]["until"].as_str().is_some_and(|until| until < common::TODAY) {
                        continue;
                    }
                    let districts = match &profile["districts"] {
                        serde_json::Value::String(all) if all == "all" => {
                            districts.iter().map(|(id, _)| id.clone()).collect()
                        }
                        list => list.as_array().unwrap().iter().map(|d| d.as_str().unwrap().to_string()).collect(),
                    };
                    providers.push(WrittenProvider {
                        slug: path.file_stem().unwrap().to_str().unwrap().to_string(),
                        name: profile["name"].as_str().unwrap().to_string(),
                        districts,
                    });
                }
                (id, service.clone(), providers)
            })
            .collect();
        Written { districts, services }
    })
}

/// Words only: no Markdown link targets or marks, single spaces.
fn words(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(at) = rest.find("](") {
        out.push_str(&rest[..at]);
        rest = &rest[at + 2..];
        rest = &rest[rest.find(')').map_or(rest.len(), |end| end + 1)..];
    }
    out.push_str(rest);
    out.replace(['[', ']', '*', '_'], "").split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The example, built once for all tests here, with its validated model.
fn example() -> (&'static TestSite, &'static brukervalg::Checked) {
    static EXAMPLE: std::sync::OnceLock<(TestSite, brukervalg::Checked)> = std::sync::OnceLock::new();
    let (site, checked) = EXAMPLE.get_or_init(|| {
        let site = TestSite::example();
        site.build_ok();
        let (checked, _, _) =
            brukervalg::check(site.root(), Some(brukervalg::domain::Date::parse(common::TODAY).unwrap()));
        (site, checked.expect("the example validates"))
    });
    (site, checked)
}

#[test]
fn each_service_page_lists_every_provider_once_in_alphabetical_order() {
    let (site, _) = example();
    for (service, _, providers) in &written().services {
        let html = doc(site, &format!("tjenester/{service}/index.html"));
        let rows = table_rows(&html);
        let expected: BTreeSet<String> = providers.iter().map(|p| p.slug.clone()).collect();
        assert!(expected.len() >= 3, "{service}");
        assert_eq!(rows.len(), expected.len(), "{service}: {rows:?}");
        assert_eq!(rows.iter().cloned().collect::<BTreeSet<_>>(), expected);
        let names: Vec<String> =
            html.select(&sel("table.providers-table tbody th[scope=row] a")).map(|a| a.text().collect()).collect();
        let mut sorted = names.clone();
        sorted.sort_by_key(|n| norwegian_key(n));
        assert_eq!(names, sorted, "{service} is not in alphabetical order");
    }
}

#[test]
fn each_district_page_lists_exactly_the_providers_serving_that_district() {
    let (site, _) = example();
    let mut pages = BTreeSet::new();
    for (service, _, providers) in &written().services {
        for (district, name) in &written().districts {
            // The page's rows are in alphabetical order; the files' order
            // does not matter here.
            let expected: BTreeSet<String> =
                providers.iter().filter(|p| p.districts.contains(district)).map(|p| p.slug.clone()).collect();
            let page = format!("tjenester/{service}/bydel/{district}/index.html");
            // A district every provider serves is said once ("Dette gjelder
            // alle"), with no page of its own, as is one no provider serves.
            if expected.is_empty() || expected.len() == providers.len() {
                assert!(!site.output().join(&page).exists(), "a district page that narrows nothing: {district}");
                continue;
            }
            let html = doc(site, &page);
            let rows = table_rows(&html);
            assert_eq!(rows.len(), expected.len(), "{service} in {district}: {rows:?}");
            assert_eq!(rows.into_iter().collect::<BTreeSet<_>>(), expected, "{service} in {district}");
            assert!(html.select(&sel("h1")).next().unwrap().text().collect::<String>().contains(name.as_str()));
            pages.insert(page);
        }
    }
    // And no other district pages.
    let built: BTreeSet<String> = walkdir::WalkDir::new(site.output().join("tjenester"))
        .into_iter()
        .filter_map(Result::ok)
        .map(|e| e.path().strip_prefix(site.output()).unwrap().to_str().unwrap().to_string())
        .filter(|p| p.contains("/bydel/") && p.ends_with("/index.html") && p.split('/').count() == 5)
        .collect();
    assert_eq!(built, pages);
}

#[test]
fn the_service_page_links_to_every_district_page_without_javascript() {
    let (site, checked) = example();
    let service = &checked.site.services[0];
    let html = doc(site, &format!("tjenester/{}/index.html", service.id));
    let links: BTreeSet<String> =
        html.select(&sel("[data-filters] a")).map(|a| a.value().attr("href").unwrap().to_string()).collect();
    for district in &checked.site.districts {
        if service.providers.iter().any(|p| p.districts.contains(&district.id)) {
            assert!(links.contains(&format!("bydel/{}/", district.id)), "{links:?}");
        }
    }
}

#[test]
fn without_javascript_nothing_offers_a_selection_and_the_comparison_shows_everyone_side_by_side() {
    let (site, checked) = example();
    for service in &checked.site.services {
        // The boxes to tick and the button are made by the script; the page
        // itself offers the full side-by-side view.
        let page = doc(site, &format!("tjenester/{}/index.html", service.id));
        assert_eq!(page.select(&sel("main input, main button, main form")).count(), 0, "{}", service.id);
        let link = page.select(&sel(".compare-link a")).next().expect("a link to the side-by-side page");
        assert_eq!(link.value().attr("href"), Some("sammenlign/"));

        // One table: providers as columns in the service's order, facts as
        // rows, one cell per provider in every row, so each fact lines up
        // (the script hides a column by the position of its head).
        let compare = doc(site, &format!("tjenester/{}/sammenlign/index.html", service.id));
        assert_eq!(compare.select(&sel("main table")).count(), 1);
        let columns: Vec<String> = compare
            .select(&sel("[data-compare] thead th[scope=col]"))
            .map(|c| c.value().attr("data-provider").unwrap().to_string())
            .collect();
        let expected: Vec<String> = service.providers.iter().map(|p| p.slug.to_string()).collect();
        assert_eq!(columns, expected);
        let rows: Vec<_> = compare.select(&sel("[data-compare] tbody tr")).collect();
        assert!(rows.len() >= 6, "{} facts", rows.len());
        for row in rows {
            assert_eq!(row.select(&sel("th[scope=row]")).count(), 1);
            assert_eq!(row.select(&sel("td")).count(), expected.len());
            assert_eq!(row.select(&sel("[data-provider]")).count(), 0, "the heads name the columns");
        }
        let status: String = compare.select(&sel("[data-compare-status]")).next().unwrap().text().collect();
        assert!(status.starts_with("Alle"), "the page says it shows everyone: {status}");
    }
}

#[test]
fn every_provider_page_has_the_same_sections_in_the_same_order() {
    let (site, checked) = example();
    // Optional sections appear only when there is something to show.
    // The municipality's key facts, how to contact and choose them, then
    // who they are in their own words, what users say (quality figures,
    // inspections, the survey), then the rest. Switching and complaining
    // are the service's, told once on its page (see the next test).
    const ORDER: &[&str] =
        &["fakta-h", "kontakt-h", "velg-h", "om-h", "kvalitet-h", "tilsyn-h", "undersokelse-h", "tillegg-h"];
    const OPTIONAL: &[&str] = &["kvalitet-h", "undersokelse-h", "tillegg-h"];
    for service in &checked.site.services {
        for p in &service.providers {
            let html = doc(site, &format!("tjenester/{}/{}/index.html", service.id, p.slug));
            let ids: Vec<String> =
                html.select(&sel("main h2[id]")).map(|h| h.value().attr("id").unwrap().to_string()).collect();
            let expected: Vec<&str> = ORDER
                .iter()
                .copied()
                .filter(|id| match *id {
                    "tillegg-h" => !p.extras.is_empty(),
                    "kvalitet-h" => !service.indicators.is_empty(),
                    // Every provider of a service with a survey shows the section.
                    "undersokelse-h" => checked.site.surveys.iter().any(|sv| sv.service == service.id),
                    _ => true,
                })
                .collect();
            assert_eq!(ids, expected, "{}/{}", service.id, p.slug);
            assert!(ORDER.iter().filter(|id| !OPTIONAL.contains(id)).all(|id| ids.iter().any(|i| i == id)));
        }
    }
}

/// `href` as a path from the site root, followed from the page at `page`
/// (a folder, `tjenester/skole/asen-skole/`).
fn resolve(page: &str, href: &str) -> String {
    let mut parts: Vec<&str> = page.split('/').filter(|p| !p.is_empty()).collect();
    let (path, fragment) = href.split_once('#').unwrap_or((href, ""));
    for part in path.split('/') {
        match part {
            ".." => {
                parts.pop().expect("a link that leaves the site");
            }
            "." | "" => {}
            p => parts.push(p),
        }
    }
    format!("{}/#{fragment}", parts.join("/"))
}

#[test]
fn a_provider_page_says_whom_to_tell_and_links_to_the_services_own_steps_in_every_variant() {
    let (site, checked) = example();
    assert_choose_blocks(site, checked);
    // In nynorsk too, with its own addresses and section ids.
    let nynorsk = TestSite::nynorsk();
    nynorsk.build_ok();
    let (checked, _, _) =
        brukervalg::check(nynorsk.root(), Some(brukervalg::domain::Date::parse(common::TODAY).unwrap()));
    assert_choose_blocks(&nynorsk, &checked.expect("the fixture validates"));
}

/// Every provider page's choose block names the service's contact with
/// its phone, then links to the service page's sections on choosing, not
/// choosing, switching and complaining, which exist, in every variant.
fn assert_choose_blocks(site: &TestSite, checked: &brukervalg::Checked) {
    let routes = &checked.site.routes;
    let anchor = |key: &str| routes.anchors[key].to_string();
    let steps = ["how_to_choose", "no_choice", "switch", "complaints"];
    assert!(checked.site.services.iter().any(|s| !s.providers.is_empty()), "a site with providers");
    for root in ["", "lettlest/", "stor-skrift/", "stor-skrift/lettlest/"] {
        for service in &checked.site.services {
            let service_page = format!("{root}{}/{}/", routes.services, service.id);
            let ids: BTreeSet<String> = doc(site, &format!("{service_page}index.html"))
                .select(&sel("main [id]"))
                .map(|e| e.value().attr("id").unwrap().to_string())
                .collect();
            for key in steps {
                assert!(ids.contains(&anchor(key)), "{service_page} has no #{}", anchor(key));
            }
            let block_selector = sel(&format!("section.choose-this:has(> h2#{}-h)", anchor("choose_this")));
            for p in &service.providers {
                let page = format!("{service_page}{}/", p.slug);
                let html = doc(site, &format!("{page}index.html"));
                let block = html.select(&block_selector).next().expect("the choose block");
                // The one thing to do, on this page: whom to tell, and how:
                // the office of each of its districts that has one, the
                // service's contact for the others (tests/districts.rs).
                let text: String = block.text().collect();
                let has_phone = |phone: &str| {
                    block.select(&sel("a[href^='tel:']")).any(|a| a.value().attr("href").unwrap().ends_with(phone))
                };
                let districts =
                    p.districts.iter().map(|id| checked.site.districts.iter().find(|d| &d.id == id).unwrap());
                let offices: Vec<_> = districts.filter_map(|d| Some((&d.name, d.contact.as_ref()?))).collect();
                if offices.len() < p.districts.len() {
                    assert!(has_phone(&service.contact.phone.replace(' ', "")), "{page}: the service's phone");
                    assert!(text.contains(service.contact.name.as_deref().unwrap()), "{page}: {text}");
                }
                // Lettlest may explain a word of the office's name in place,
                // so the district names it.
                for (district, office) in offices {
                    assert!(has_phone(&office.phone), "{page}: the district office's phone");
                    assert!(text.contains(&format!("{district}: ")), "{page}: {text}");
                }
                // Then where the full steps are: each a section of the
                // service page, in this variant.
                let targets: Vec<String> = block
                    .select(&sel("ul:not(.offices) li a"))
                    .map(|a| resolve(&page, a.value().attr("href").unwrap()))
                    .collect();
                let wanted: Vec<String> = steps.iter().map(|key| format!("{service_page}#{}", anchor(key))).collect();
                assert_eq!(targets, wanted, "{page}");
                // The steps themselves are not repeated here.
                assert!(!html.html().contains(&service.complaints.body), "{page}");
            }
        }
    }
}

#[test]
fn each_block_names_its_source_and_the_paid_extras_box_says_it_is_optional() {
    let (site, checked) = example();
    let with_extras = checked
        .site
        .services
        .iter()
        .flat_map(|s| s.providers.iter().map(move |p| (s, p)))
        .find(|(_, p)| !p.extras.is_empty())
        .unwrap();
    let html = site.page(&format!("tjenester/{}/{}/index.html", with_extras.0.id, with_extras.1.slug));
    assert!(html.contains("Skrevet av leverandøren."));
    assert!(html.contains("Fra kommunen"));
    assert!(html.contains("Tilleggstjenester er frivillige."));
    assert!(html.contains("Tjenesten kommunen betaler for, er den samme"));
    for (s, p) in checked.site.services.iter().flat_map(|s| s.providers.iter().map(move |p| (s, p))) {
        let html = site.page(&format!("tjenester/{}/{}/index.html", s.id, p.slug));
        assert_eq!(html.contains("id=\"tillegg-h\""), !p.extras.is_empty(), "{}", p.slug);
    }
}

#[test]
fn every_service_page_says_what_citizens_must_be_told() {
    let (site, _) = example();
    for (service, written, providers) in &written().services {
        let html = doc(site, &format!("tjenester/{service}/index.html"));
        let ids: BTreeSet<String> =
            html.select(&sel("main section[id]")).map(|s| s.value().attr("id").unwrap().to_string()).collect();
        for needed in ["ordningen", "slik-velger-du", "leverandorer", "velger-du-ikke", "bytte", "klage", "kontakt"] {
            assert!(ids.contains(needed), "{service} lacks {needed}");
        }
        let text = words(&html.root_element().text().collect::<String>());
        for field in ["municipality_role", "no_choice", "how_to_choose", "how_to_switch", "scheme"] {
            let said = words(written[field].as_str().unwrap());
            assert!(said.split(' ').count() >= 5, "{service}: {field} is a real text");
            assert!(text.contains(&said), "{service}: {field}: {said}");
        }
        let body = written["complaints"]["body"].as_str().unwrap();
        assert!(!body.is_empty() && text.contains(body), "{service}: complaint body");
        if let Some(default) = written["default_provider"].as_str() {
            let name = &providers.iter().find(|p| p.slug == default).unwrap().name;
            assert!(text.contains(name.as_str()), "{service}: names the default provider");
        }
    }
}

#[test]
fn a_provider_name_cannot_take_the_address_of_a_service_page() {
    let site = TestSite::minimal();
    site.write("providers/praktisk-bistand/sammenlign.yaml", &site.read("providers/praktisk-bistand/alfa-omsorg.yaml"));
    common::assert_error(&site.errors(), "providers/praktisk-bistand/sammenlign.yaml", 0, "service's own pages use");
}

#[test]
fn open_data_holds_every_provider_as_json_and_csv() {
    let (site, _) = example();
    let total: usize = written().services.iter().map(|s| s.2.len()).sum();
    let json: serde_json::Value = serde_json::from_str(&site.page("data/providers.json")).unwrap();
    let providers = json["providers"].as_array().unwrap();
    assert_eq!(providers.len(), total);
    // Every provider's JSON entry says what its profile says.
    for entry in providers {
        let (service, config, profiles) =
            written().services.iter().find(|s| s.0 == entry["service"].as_str().unwrap()).unwrap();
        let slug = entry["slug"].as_str().unwrap();
        let p = profiles.iter().find(|p| p.slug == slug).unwrap_or_else(|| panic!("{slug}: no such profile"));
        assert_eq!(entry["name"], p.name.as_str());
        assert_eq!(entry["org_number"].as_str().unwrap().len(), 9);
        assert_eq!(entry["url"], format!("https://brukervalg.fjordvik.kommune.no/tjenester/{service}/{slug}/"));
        let districts: BTreeSet<&str> =
            entry["districts"].as_array().unwrap().iter().map(|d| d.as_str().unwrap()).collect();
        assert_eq!(districts, p.districts.iter().map(String::as_str).collect());
        assert_eq!(entry["default_provider"], config["default_provider"].as_str() == Some(slug));
        assert!(["kommunal", "privat", "ideell"].contains(&entry["ownership"].as_str().unwrap()));
        assert!(["ledig", "venteliste", "full"].contains(&entry["capacity"].as_str().unwrap()));
    }
    // The CSV has a column for every JSON field, and each cell says what
    // the JSON says (lists joined with `;`).
    let text = site.page("data/providers.csv");
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers = reader.headers().unwrap().clone();
    // Inspections and indicator figures are lists of records, published
    // in CSV files of their own (tests/quality.rs).
    let mut json_fields: Vec<&str> = providers[0]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .filter(|f| !["inspections", "indicators"].contains(f))
        .collect();
    let mut csv_fields: Vec<&str> = headers.iter().collect();
    json_fields.sort_unstable();
    csv_fields.sort_unstable();
    assert_eq!(csv_fields, json_fields);
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), total);
    for (row, entry) in rows.iter().zip(providers) {
        for (column, cell) in headers.iter().zip(row) {
            let expected = match &entry[column] {
                serde_json::Value::Null => String::new(),
                serde_json::Value::String(s) => s.clone(),
                serde_json::Value::Array(items) if column != "extras" => {
                    items.iter().map(|i| i.as_str().unwrap()).collect::<Vec<_>>().join(";")
                }
                serde_json::Value::Array(items) => items
                    .iter()
                    .map(|e| {
                        format!("{}: {} {}", e["name"].as_str().unwrap(), e["price_nok"], e["unit"].as_str().unwrap())
                    })
                    .collect::<Vec<_>>()
                    .join(";"),
                other => other.to_string(),
            };
            let cell =
                cell.strip_prefix('\'').filter(|c| c.starts_with(['=', '+', '-', '@', '\t', '\r'])).unwrap_or(cell);
            assert_eq!(cell, expected, "{column} of {}", entry["slug"]);
        }
    }
    assert!(rows.iter().all(|r| r.len() == headers.len()));
}

#[test]
fn a_count_of_one_takes_the_singular() {
    let (site, _) = example();
    let mut singular = 0;
    for entry in walkdir::WalkDir::new(site.output()).into_iter().filter_map(Result::ok) {
        if entry.path().extension().is_none_or(|e| e != "html") {
            continue;
        }
        let text = site.page(entry.path().strip_prefix(site.output()).unwrap().to_str().unwrap());
        for plural in ["1 leverandører", "1 skoler", "de 1 "] {
            assert!(!text.contains(plural), "{}: {plural}", entry.path().display());
        }
        singular += usize::from(text.contains("1 skole passer."));
    }
    assert!(singular > 0, "a filter page with one school says so in the singular");
}
