//! Kindergartens and nursing homes are themselves (issue 28): their pages
//! speak of barnehager and sykehjem, never of providers or notice periods;
//! each page shows the kind's own facts; the comparison lines them up; and
//! their blocks are checked like a school's.

mod common;

use common::html::{built_example as example, doc, main_text, sel, text};
use common::{TestSite, assert_error};
use scraper::Html;

/// The nynorsk fixture, with one kindergarten and one nursing home.
fn nynorsk() -> &'static TestSite {
    static NYNORSK: std::sync::OnceLock<TestSite> = std::sync::OnceLock::new();
    NYNORSK.get_or_init(|| {
        let site = TestSite::nynorsk();
        site.build_ok();
        site
    })
}

/// Every page under `<variant><services>/<service>/`, in all four variants.
fn pages_of(site: &TestSite, services: &str, service: &str) -> Vec<String> {
    ["", "lettlest/", "stor-skrift/", "stor-skrift/lettlest/"]
        .iter()
        .flat_map(|variant| {
            let dir = site.output().join(format!("{variant}{services}/{service}"));
            walkdir::WalkDir::new(dir)
                .into_iter()
                .filter_map(Result::ok)
                .filter(|e| e.file_name() == "index.html")
                .map(|e| e.path().strip_prefix(site.output()).unwrap().to_string_lossy().into_owned())
                .collect::<Vec<_>>()
        })
        .collect()
}

/// The terms of a page's facts list, with their values.
fn facts(html: &Html) -> Vec<(String, String)> {
    let terms: Vec<String> = html.select(&sel("main dl.facts dt")).map(|e| text(e).replace('\u{ad}', "")).collect();
    let values: Vec<String> = html.select(&sel("main dl.facts dd")).map(|e| text(e).replace('\u{ad}', "")).collect();
    terms.into_iter().zip(values).collect()
}

fn fact(html: &Html, term: &str) -> String {
    facts(html).into_iter().find(|(t, _)| t == term).map(|(_, v)| v).unwrap_or_else(|| panic!("no fact {term:?}"))
}

/// The row heads of the side-by-side table.
fn compare_rows(site: &TestSite, page: &str) -> Vec<String> {
    doc(site, page).select(&sel(".compare-table tbody th[scope=row]")).map(|e| text(e).replace('\u{ad}', "")).collect()
}

#[test]
fn kindergarten_and_nursing_home_pages_never_speak_of_providers_or_notice_periods() {
    let banned = ["leverandør", "oppsigelsestid", "oppseiingstid", "tilleggstjenest", "tilleggstenest"];
    let mut checked = 0;
    for (site, services, service) in [
        (example(), "tjenester", "barnehage"),
        (example(), "tjenester", "sykehjem"),
        (nynorsk(), "tenester", "barnehage"),
        (nynorsk(), "tenester", "sjukeheim"),
    ] {
        let pages = pages_of(site, services, service);
        // Service, comparison, providers and filters, in four variants.
        assert!(pages.len() >= 12, "{service}: {pages:?}");
        for page in pages {
            let html = doc(site, &page);
            let main = main_text(&html).to_lowercase();
            let title = text(html.select(&sel("title")).next().unwrap()).to_lowercase();
            for word in banned {
                assert!(!main.contains(word) && !title.contains(word), "{page} says {word:?}");
            }
            checked += 1;
        }
    }
    assert!(checked > 100, "{checked} pages");
}

#[test]
fn the_service_pages_name_the_kind_in_its_own_words() {
    let kindergartens = main_text(&doc(example(), "tjenester/barnehage/index.html"));
    for words in [
        "6 barnehager",
        "Slik søker du barnehageplass",
        "Slik bytter du barnehage eller sier opp plassen",
        "Frist for å si opp plassen: 1 måned",
        "Opptak: Hovedopptak: søk innen 1. mars",
        "I søknaden kan dere sette opp 5 barnehager",
    ] {
        assert!(kindergartens.contains(words), "{words}");
    }
    let nursing_homes = main_text(&doc(example(), "tjenester/sykehjem/index.html"));
    for words in ["3 sykehjem", "Slik søker du om plass", "etter inntekten din (vederlag)", "Sykehjemmene"] {
        assert!(nursing_homes.contains(words), "{words}");
    }
    let nynorsk = main_text(&doc(nynorsk(), "lettlest/tenester/sjukeheim/index.html"));
    assert!(nynorsk.contains("Det heiter vederlag"), "{nynorsk}");
    let home = doc(example(), "index.html");
    let cards: Vec<String> = home.select(&sel(".card .meta")).map(text).collect();
    assert_eq!(cards[3..], ["6 barnehager", "3 sykehjem"]);
}

#[test]
fn a_kindergarten_page_shows_its_ages_places_hours_price_and_profile() {
    let html = doc(example(), "tjenester/barnehage/bjorkedalen-smabarnsbarnehage/index.html");
    assert_eq!(fact(&html, "Alder"), "1–3 år");
    assert_eq!(fact(&html, "Plasser"), "28");
    assert_eq!(fact(&html, "Åpningstid"), "07.30–16.30");
    assert_eq!(fact(&html, "Foreldrebetaling"), "1\u{a0}100\u{a0}kr i måneden");
    assert_eq!(fact(&html, "Kostpenger"), "400\u{a0}kr i måneden");
    assert_eq!(fact(&html, "Eier"), "Privat");
    assert!(fact(&html, "Pedagogisk profil").starts_with("Trygghet og tilknytning"));
    // Without a price of its own, the national maximum applies.
    let municipal = doc(example(), "tjenester/barnehage/sentrum-barnehage/index.html");
    assert_eq!(fact(&municipal, "Foreldrebetaling"), "Maksimalprisen");
    assert_eq!(fact(&municipal, "Eier"), "Kommunal");
    // Lettlest keeps every fact, in plain words.
    let plain = doc(example(), "lettlest/tjenester/barnehage/bjorkedalen-smabarnsbarnehage/index.html");
    assert_eq!(fact(&plain, "Hvor gamle barna er"), "1–3 år");
    assert_eq!(fact(&plain, "Når barnehagen er åpen"), "07.30–16.30");
    assert_eq!(fact(&plain, "Pris for plassen"), "1\u{a0}100\u{a0}kr i måneden");
    assert!(fact(&plain, "Barnehagen legger vekt på").starts_with("Små grupper med de samme voksne"));
}

#[test]
fn a_kindergarten_may_write_its_own_self_description() {
    let html = doc(example(), "tjenester/barnehage/hagevik-barnehage/index.html");
    let heads: Vec<String> = html.select(&sel("main h2[id]")).map(text).collect();
    assert_eq!(
        heads[..4],
        ["Fakta om barnehagen", "Kontakt barnehagen", "Slik søker du plass i denne barnehagen", "Om barnehagen"]
    );
    assert_eq!(html.select(&sel("main .prose h3")).count(), 3, "its own sections");
    assert!(main_text(&html).contains("Skrevet av barnehagen."));
    // One without a self-description shows the profile's description.
    let other = doc(example(), "tjenester/barnehage/sentrum-barnehage/index.html");
    assert_eq!(other.select(&sel("main .prose")).count(), 0);
    assert!(main_text(&other).contains("lang åpningstid for foreldre som pendler"));
}

#[test]
fn a_nursing_home_page_shows_its_units_rooms_and_places_and_no_price() {
    let html = doc(example(), "tjenester/sykehjem/fjordvik-sykehjem/index.html");
    let units: Vec<String> = html.select(&sel("main dl.facts ul.units li")).map(text).collect();
    assert_eq!(
        units,
        [
            "Solsiden: Skjermet avdeling for personer med demens",
            "Fjordstua: Langtidsopphold",
            "Utsikten: Langtidsopphold",
            "Korttidsavdelingen: Korttidsopphold"
        ]
    );
    assert_eq!(fact(&html, "Enerom"), "96");
    assert_eq!(fact(&html, "Plasser"), "96");
    assert!(fact(&html, "Besøk").contains("Pårørende kan spise sammen med beboeren"));
    assert!(fact(&html, "Aktiviteter").contains("besøkshund"));
    let main = main_text(&html);
    assert!(!main.contains(" kr"), "a nursing home shows no price: payment is by income");
    let plain = doc(example(), "stor-skrift/lettlest/tjenester/sykehjem/fjordvik-sykehjem/index.html");
    assert_eq!(fact(&plain, "Rom der du bor alene"), "96");
    assert!(main_text(&plain).contains("For personer med demens"));
}

#[test]
fn the_comparison_lines_up_the_facts_families_compare() {
    let rows = compare_rows(example(), "tjenester/barnehage/sammenlign/index.html");
    assert_eq!(
        rows[..8],
        [
            "Alder",
            "Plasser",
            "Åpningstid",
            "Foreldrebetaling",
            "Pedagogisk profil",
            "Ledige plasser",
            "Bydeler",
            "Trives barnet ditt i barnehagen? Snitt i kommunen: 4,3 (bare barnehagene som vises)"
        ]
    );
    assert!(!rows.iter().any(|r| r.contains("ansatte i måneden") || r.contains("Selger")), "{rows:?}");
    let rows = compare_rows(example(), "tjenester/sykehjem/sammenlign/index.html");
    assert_eq!(rows[..3], ["Avdelinger", "Enerom", "Plasser"]);
    assert!(rows.contains(&"Siste tilsyn".to_string()), "{rows:?}");
    // The list's own column is the kind's first fact.
    let heads = |page: &str| -> Vec<String> {
        doc(example(), page).select(&sel(".providers-table thead th")).map(text).take(2).collect()
    };
    assert_eq!(heads("tjenester/barnehage/index.html"), ["Barnehage", "Alder"]);
    assert_eq!(heads("tjenester/sykehjem/index.html"), ["Sykehjem", "Avdelinger"]);
}

#[test]
fn open_data_carries_the_kinds_facts() {
    let data = example().page("data/providers.csv");
    let mut rows = csv::Reader::from_reader(data.as_bytes());
    let head = rows.headers().unwrap().clone();
    let column = |name: &str| head.iter().position(|h| h == name).unwrap_or_else(|| panic!("{name}"));
    let (ages, price, units) =
        (column("kindergarten_ages"), column("kindergarten_price_nok"), column("nursing_home_units"));
    let records: Vec<csv::StringRecord> = rows.records().map(Result::unwrap).collect();
    let by_slug = |slug: &str| records.iter().find(|r| r.iter().any(|c| c == slug)).unwrap();
    assert_eq!(&by_slug("bjorkedalen-smabarnsbarnehage")[ages], "1-3");
    assert_eq!(&by_slug("bjorkedalen-smabarnsbarnehage")[price], "1100");
    assert_eq!(&by_slug("sentrum-barnehage")[price], "", "the national maximum applies");
    assert_eq!(&by_slug("stiftelsen-kystheimen")[units], "Havgløtt (long-term);Fyret (short-term)");
}

const KINDERGARTEN: &str = "providers/barnehage/bjorkedalen-smabarnsbarnehage.yaml";
const NURSING_HOME: &str = "providers/sykehjem/brattli-sykehjem-as.yaml";

/// The line a text starts on in `file` of a fresh example.
fn line_of(file: &str, needle: &str) -> u32 {
    let text = TestSite::example().read(file);
    text[..text.find(needle).unwrap()].lines().count() as u32 + 1
}

#[test]
fn a_kindergarten_with_impossible_ages_places_or_price_is_an_error() {
    let site = TestSite::example();
    site.edit(KINDERGARTEN, "ages: \"1–3\"", "ages: \"3–1\"").edit(KINDERGARTEN, "places: 28", "places: 0").edit(
        KINDERGARTEN,
        "price: 1100",
        "price: 110000",
    );
    let errors = site.errors();
    assert_error(&errors, KINDERGARTEN, line_of(KINDERGARTEN, "  ages:"), "`3–1` is not an age group");
    assert_error(&errors, KINDERGARTEN, line_of(KINDERGARTEN, "  places:"), "`kindergarten.places` is 0");
    assert_error(&errors, KINDERGARTEN, line_of(KINDERGARTEN, "  price:"), "`kindergarten.price` is 110000");
    let site = TestSite::example();
    site.edit(KINDERGARTEN, "ages: \"1–3\"", "ages: småbarn");
    assert_error(&site.errors(), KINDERGARTEN, line_of(KINDERGARTEN, "  ages:"), "`småbarn` is not an age group");
}

#[test]
fn each_kinds_block_belongs_to_its_kind_of_service() {
    let site = TestSite::example();
    let text = site.read(KINDERGARTEN);
    let (block, last) = (text.find("kindergarten:").unwrap(), text.find("last_checked:").unwrap());
    site.write(KINDERGARTEN, &format!("{}{}", &text[..block], &text[last..]));
    assert_error(&site.errors(), KINDERGARTEN, 1, "needs a `kindergarten` block");
    let site = TestSite::example();
    let moved = site.read(NURSING_HOME) + &text[block..last];
    site.write(NURSING_HOME, &moved);
    // The finding points at the block's first field.
    let line = moved[..moved.rfind("kindergarten:").unwrap()].lines().count() as u32 + 2;
    assert_error(&site.errors(), NURSING_HOME, line, "only for kindergartens of a kindergarten service");
}

#[test]
fn a_nursing_home_with_more_single_rooms_than_places_is_an_error() {
    let site = TestSite::example();
    site.edit(NURSING_HOME, "single_rooms: 44", "single_rooms: 49");
    assert_error(&site.errors(), NURSING_HOME, line_of(NURSING_HOME, "  single_rooms:"), "more single rooms (49)");
}

#[test]
fn the_plain_profile_and_activities_keep_the_facts_a_reader_acts_on() {
    let site = TestSite::example();
    // A phone number in the standard text only: lettlest readers would lose it.
    site.edit(
        NURSING_HOME,
        "    Trening med fysioterapeut, bingo,",
        "    Meld deg på trening hos fysioterapeuten på 55 27 50 10, bingo,",
    );
    site.edit(KINDERGARTEN, "profile: Trygghet og tilknytning", "profile: Trygghet og tilknytning, 20 timer gratis");
    let findings = site.build().map_or_else(|e| panic!("{}", common::describe(&e.findings)), |r| r.findings);
    let lacks = |file: &str, field: &str| {
        findings.iter().any(|f| {
            let message = f.message.render(brukervalg::messages::Lang::En);
            f.file == std::path::Path::new(file) && message.contains(field) && message.contains("plain text lacks")
        })
    };
    assert!(lacks(NURSING_HOME, "nursing_home.activities_plain"), "{}", common::describe(&findings));
    assert!(lacks(KINDERGARTEN, "kindergarten.profile_plain"), "{}", common::describe(&findings));
}
