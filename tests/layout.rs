//! What a citizen sees when choosing: a comparison table with the few facts
//! that fit, filters that agree with their pre-built pages, schools spoken
//! of as schools, and the municipality's own look, checked at build time.

mod common;

use common::html::{built_example as example, doc, main_text, sel, text};
use common::{TestSite, assert_error, describe};
use scraper::{ElementRef, Html};

/// Every page of the example's school service, in `variant` ("" or
/// "lettlest/"), found in the output.
/// `services` is the site's word for its services' folder.
fn school_pages(site: &TestSite, variant: &str, services: &str) -> Vec<String> {
    let dir = site.output().join(format!("{variant}{services}/skole"));
    walkdir::WalkDir::new(&dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_name() == "index.html")
        .map(|e| e.path().strip_prefix(site.output()).unwrap().to_string_lossy().into_owned())
        .collect()
}

/// (query key, value) of the filter links that match `links`.
fn filter_links(html: &Html, links: &str) -> Vec<(String, String)> {
    html.select(&sel("[data-filters] .filter-group"))
        .flat_map(|g| {
            let key = g.value().attr("data-key").unwrap().to_string();
            g.select(&sel(links))
                .map(move |a| (key.clone(), a.value().attr("data-value").unwrap().to_string()))
                .collect::<Vec<_>>()
        })
        .collect()
}

#[test]
fn the_comparison_table_keeps_to_the_facts_that_fit_with_the_survey_scale() {
    let site = example();
    let headers =
        |page: &str| -> Vec<String> { doc(site, page).select(&sel(".providers-table thead th")).map(text).collect() };
    assert_eq!(
        headers("tjenester/praktisk-bistand/index.html"),
        [
            "Leverandør",
            "Ledig kapasitet",
            "Bydeler",
            "Brukerundersøkelse",
            "Språk de ansatte snakker",
            "Siste tilsyn",
            "Andel ansatte med helsefaglig utdanning",
            "Andel besøk som startet til avtalt tid"
        ]
    );
    assert_eq!(
        headers("tjenester/skole/index.html"),
        [
            "Skole",
            "Trinn",
            "Ledige plasser",
            "Opptaksområde",
            "Språk de ansatte snakker",
            "Siste tilsyn",
            "Trivsel (Elevundersøkelsen, 1 til 5, 5 er best)",
            "Elever per lærer (gruppestørrelse 2)"
        ]
    );
    // A figure is never shown without its scale and number of answers
    // (the quality figures, `q1`, `q2`, have their source under the table).
    let html = doc(site, "tjenester/praktisk-bistand/index.html");
    let figures: Vec<String> = html.select(&sel(".providers-table td.num:not(.q1):not(.q2)")).map(text).collect();
    assert_eq!(figures.len(), 9);
    for f in figures.iter().filter(|f| f.chars().next().is_some_and(|c| c.is_ascii_digit())) {
        assert!(f.contains(" av 6 (") && f.ends_with(" svar)"), "{f}");
    }
    assert!(figures.iter().any(|f| f.contains(" av 6 (")), "{figures:?}");
}

#[test]
fn the_way_to_the_list_comes_right_after_the_heading_of_a_service_page() {
    let html = doc(example(), "tjenester/skole/index.html");
    let main = html.select(&sel("main")).next().unwrap();
    let first: Vec<String> = main.children().filter_map(ElementRef::wrap).take(2).map(|e| e.html()).collect();
    assert!(first[0].starts_with("<h1"), "{first:?}");
    assert!(first[1].contains("href=\"#leverandorer\"") && first[1].contains("6 skoler"), "{first:?}");
}

#[test]
fn a_filter_page_marks_its_own_value_and_the_script_data_matches_every_pre_built_page() {
    let site = example();
    let mut checked = 0;
    for service in ["praktisk-bistand", "hjemmesykepleie", "skole"] {
        let service_page = doc(site, &format!("tjenester/{service}/index.html"));
        let all_rows = service_page.select(&sel("tbody tr[data-provider]")).count();
        let links = filter_links(&service_page, "a[data-value]");
        assert!(links.len() >= 8, "{service}: {links:?}");
        for (key, value) in links {
            let page = doc(site, &format!("tjenester/{service}/{key}/{value}/index.html"));
            // The page's own value is the one marked, and only it.
            assert_eq!(filter_links(&page, "a[aria-current=page]"), [(key.clone(), value.clone())]);
            // What the script would show: the rows whose data lists the value.
            let scripted: Vec<String> = service_page
                .select(&sel("tbody tr[data-provider]"))
                .filter(|r| r.value().attr(&format!("data-{key}")).unwrap().split(' ').any(|v| v == value))
                .map(|r| r.value().attr("data-provider").unwrap().to_string())
                .collect();
            let shown: Vec<String> = page
                .select(&sel("tbody tr[data-provider]:not([hidden])"))
                .map(|r| r.value().attr("data-provider").unwrap().to_string())
                .collect();
            assert_eq!(scripted, shown, "{service}/{key}/{value}");
            // All rows are there, so combined filters count out of the whole service.
            assert_eq!(page.select(&sel("tbody tr[data-provider]")).count(), all_rows);
            let lead = text(page.select(&sel("[data-filter-count]")).next().unwrap());
            assert!(lead.starts_with(&format!("{} ", shown.len())), "{lead}");
            checked += 1;
        }
    }
    assert!(checked > 40, "{checked} filter pages");
}

#[test]
fn school_pages_speak_of_schools_pupils_and_school_places() {
    let site = example();
    for variant in ["", "lettlest/", "stor-skrift/lettlest/"] {
        let pages = school_pages(site, variant, "tjenester");
        assert!(pages.len() > 10, "{pages:?}");
        for page in pages {
            let main = main_text(&doc(site, &page)).to_lowercase();
            for word in ["leverandør", "oppsigelsestid", "tilleggstjenester"] {
                assert!(!main.contains(word), "{page} says {word:?}");
            }
        }
    }
    let service = main_text(&doc(site, "tjenester/skole/index.html"));
    for words in ["Slik søker du skoleplass", "Slik bytter du skole", "Opptaksområde", "Skolene"] {
        assert!(service.contains(words), "{words}");
    }
    let home = doc(site, "index.html");
    let cards: Vec<String> = home.select(&sel(".card .meta")).map(text).collect();
    assert_eq!(
        cards,
        ["9 godkjente leverandører", "4 godkjente leverandører", "6 skoler", "6 barnehager", "3 sykehjem"]
    );
}

#[test]
fn a_school_page_has_one_self_description_and_says_the_school_wrote_it() {
    let site = example();
    let html = doc(site, "tjenester/skole/hagevik-skole/index.html");
    let sources: Vec<String> = html.select(&sel("main .source")).map(text).collect();
    assert_eq!(sources.iter().filter(|s| s.contains("Skrevet av skolen.")).count(), 1, "{sources:?}");
    assert_eq!(html.select(&sel("main .prose")).count(), 1);
    let heads: Vec<String> = html.select(&sel("main h2[id]")).map(text).collect();
    assert_eq!(heads[..4], ["Fakta om skolen", "Kontakt skolen", "Slik søker du plass på denne skolen", "Om skolen"]);
}

#[test]
fn nynorsk_schools_are_skular() {
    let site = TestSite::example();
    site.as_nynorsk();
    site.build_ok();
    let home = doc(&site, "index.html");
    let cards: Vec<String> = home.select(&sel(".card .meta")).map(text).collect();
    assert_eq!(cards[2..], ["6 skular", "6 barnehagar", "3 sjukeheimar"]);
    let pages = school_pages(&site, "lettlest/", "tenester");
    assert!(pages.len() > 10, "{pages:?}");
    for page in pages {
        let main = main_text(&doc(&site, &page)).to_lowercase();
        assert!(!main.contains("leverandør"), "{page}");
    }
    let html = doc(&site, "tenester/skole/hagevik-skole/index.html");
    assert!(main_text(&html).contains("Kontakt skulen"));
}

#[test]
fn the_home_page_lists_the_information_pages_once() {
    let html = doc(example(), "index.html");
    let in_main = html.select(&sel("main .page-list a")).count();
    assert_eq!(in_main, 7);
    assert_eq!(html.select(&sel("footer .pages-nav")).count(), 0);
    // Other pages keep them in the footer.
    let other = doc(example(), "tjenester/skole/index.html");
    assert_eq!(other.select(&sel("footer .pages-nav a")).count(), 7);
}

#[test]
fn the_home_page_links_every_service_right_after_its_heading() {
    for variant in ["", "lettlest/", "stor-skrift/", "stor-skrift/lettlest/"] {
        let html = doc(example(), &format!("{variant}index.html"));
        let main = html.select(&sel("main")).next().unwrap();
        let first: Vec<ElementRef> = main.children().filter_map(ElementRef::wrap).take(2).collect();
        assert_eq!(first[0].value().name(), "h1", "{variant}");
        let links: Vec<String> =
            first[1].select(&sel("a")).map(|a| a.value().attr("href").unwrap().to_string()).collect();
        let cards: Vec<String> =
            html.select(&sel("main .cards h3 a")).map(|a| a.value().attr("href").unwrap().to_string()).collect();
        assert_eq!(links, cards, "{variant}: one link per service, in the cards' order");
        assert_eq!(links.len(), 5, "{variant}");
    }
}

#[test]
fn a_provider_page_gives_its_phone_among_the_first_facts() {
    for variant in ["", "lettlest/", "stor-skrift/", "stor-skrift/lettlest/"] {
        let html =
            doc(example(), &format!("{variant}tjenester/praktisk-bistand/nordlys-hjemmetjenester-as/index.html"));
        let facts: Vec<String> = html.select(&sel("main .facts dt")).map(text).collect();
        let phone = facts.iter().position(|f| f == "Telefon").unwrap_or_else(|| panic!("{variant}: {facts:?}"));
        assert!(phone < 5, "{variant}: {facts:?}");
        let number = html.select(&sel("main .facts a[href^='tel:']")).map(text).next();
        assert_eq!(number.as_deref(), Some("55 21 90 40"), "{variant}");
    }
}

#[test]
fn the_header_has_one_labelled_visning_control_apart_from_the_service_menu() {
    let html = doc(example(), "stor-skrift/tjenester/skole/index.html");
    let summary: Vec<String> = html.select(&sel("header details.variants summary")).map(text).collect();
    assert_eq!(summary, ["Visning: Stor skrift"]);
    assert_eq!(html.select(&sel("header details.variants nav a")).count(), 4);
    // The home page and the five services.
    assert_eq!(html.select(&sel("header details.main-nav nav a")).count(), 6);
}

#[test]
fn the_example_shows_its_logo_brand_colour_and_favicon() {
    let site = example();
    let html = doc(site, "tjenester/skole/index.html");
    let href = |s: &str, attr: &str| html.select(&sel(s)).next().unwrap().value().attr(attr).unwrap().to_string();
    assert_eq!(href("link[rel=icon]", "href"), "../../favicon.svg");
    assert_eq!(href("header img.logo", "src"), "../../fjordvik-logo.svg");
    assert_eq!(href("link[href$='brand.css']", "href"), "../../assets/brand.css");
    assert_eq!(site.read("output/assets/brand.css"), ":root{--accent:#1c5d7a}\n");
    for file in ["favicon.svg", "fjordvik-logo.svg"] {
        assert!(site.output().join(file).is_file(), "{file}");
    }
}

#[test]
fn a_brand_colour_too_light_for_white_text_is_refused_with_its_contrast() {
    let site = TestSite::minimal();
    site.edit("brukervalg.yaml", "language: nb\n", "language: nb\nbrand_colour: \"#7a8797\"\n");
    let e = assert_error(&site.errors(), "brukervalg.yaml", 3, "contrast");
    assert!(e.message.contains("3.7:1"), "{}", e.message);
    assert!(e.help.unwrap().contains("4.5:1"));

    // The darkest shade that just fails, and the lightest that just passes.
    site.edit("brukervalg.yaml", "#7a8797", "#777777");
    assert_error(&site.errors(), "brukervalg.yaml", 3, "contrast");
    site.edit("brukervalg.yaml", "#777777", "#767676");
    site.build_ok();
    assert!(site.page("index.html").contains("assets/brand.css"));
}

#[test]
fn a_logo_that_is_not_there_or_not_an_image_is_refused() {
    let site = TestSite::minimal();
    site.edit("brukervalg.yaml", "language: nb\n", "language: nb\nlogo: logo.svg\n");
    let e = assert_error(&site.errors(), "brukervalg.yaml", 3, "does not exist");
    assert!(e.help.is_some());
    site.write("static/logo.gif", "GIF89a");
    site.edit("brukervalg.yaml", "logo.svg", "logo.gif");
    assert_error(&site.errors(), "brukervalg.yaml", 3, "not an SVG or PNG");
    site.edit("brukervalg.yaml", "logo.gif", "../brukervalg.yaml");
    assert_error(&site.errors(), "brukervalg.yaml", 3, "not a file under static/");
    site.write("static/logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
    site.edit("brukervalg.yaml", "../brukervalg.yaml", "logo.svg");
    site.build_ok();
    assert!(site.page("index.html").contains("src=\"logo.svg\""));
}

#[test]
fn the_logo_keeps_its_place_before_it_loads_or_the_editor_is_told_how() {
    let site = TestSite::minimal();
    site.edit("brukervalg.yaml", "language: nb\n", "language: nb\nlogo: logo.svg\n");
    site.write("static/logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100%\"/>");
    let report = site.build_ok();
    let warning = report.findings.iter().find(|f| f.message.to_string().contains("no width and height"));
    let warning = warning.unwrap_or_else(|| panic!("a warning about the logo's size: {}", describe(&report.findings)));
    assert_eq!((warning.file.to_str(), warning.position.line), (Some("brukervalg.yaml"), 3));
    assert!(warning.help.as_ref().unwrap().to_string().contains("viewBox"));
    assert!(site.page("index.html").contains("alt=\"\">"), "no size is stated when none is known");

    site.write("static/logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 120 40\" height=\"30\"/>");
    let report = site.build_ok();
    assert!(report.findings.is_empty(), "{}", describe(&report.findings));
    assert!(site.page("index.html").contains("alt=\"\" width=\"90\" height=\"30\">"));
}

#[test]
fn a_provider_page_leads_with_the_municipalitys_facts_and_how_to_choose_before_the_providers_own_words() {
    let pages = [
        "tjenester/praktisk-bistand/trygg-hverdag-as/index.html",
        "stor-skrift/lettlest/tjenester/skole/asen-ungdomsskole/index.html",
        "lettlest/tjenester/barnehage/hagevik-barnehage/index.html",
        "stor-skrift/tjenester/sykehjem/fjordvik-sykehjem/index.html",
    ];
    for page in pages {
        let html = doc(example(), page);
        let ids: Vec<String> = html
            .select(&sel("article.provider > section > h2[id]"))
            .filter_map(|h| h.value().attr("id").map(str::to_string))
            .collect();
        let at = |id: &str| ids.iter().position(|i| i == id).unwrap_or_else(|| panic!("{page}: no {id} in {ids:?}"));
        assert_eq!(at("fakta-h"), 0, "{page}: the facts come first: {ids:?}");
        assert!(at("kontakt-h") < at("om-h") && at("velg-h") < at("om-h"), "{page}: {ids:?}");
    }
}
