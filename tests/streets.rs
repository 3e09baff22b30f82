//! Starting from your street (issue 22, item 6): `streets.csv` at the
//! site's root says which district, and which catchment schools, each
//! street or run of house numbers belongs to. Every service page then
//! offers «Finn bydelen din» («Finn nærskolen» for schools): an A–Å index,
//! the whole register on one page under its letters while it is short, one
//! page per first letter when it is long, each street linking to its
//! district's providers or its schools. Every cell of the file is checked at its line
//! and column.

mod common;

use brukervalg::diagnostics::{Finding, Severity};
use brukervalg::domain::Date;
use common::{TestSite, assert_error, attrs, describe, texts};

const CITY_INDEX: &str = "tjenester/praktisk-bistand/gater/";

/// The errors `check` finds: it must refuse what `build` refuses.
fn check_errors(site: &TestSite) -> Vec<Finding> {
    let (_, findings, _) = brukervalg::check(site.root(), Some(Date::parse(common::TODAY).unwrap()));
    findings.into_sorted().into_iter().filter(|f| f.severity == Severity::Error).collect()
}

/// The city with a register of `rows` under the given header.
fn city_with(header: &str, rows: &[&str]) -> TestSite {
    let site = TestSite::city();
    let mut text = format!("{header}\n");
    for row in rows {
        text.push_str(row);
        text.push('\n');
    }
    site.write("streets.csv", &text);
    site
}

/// The city with a register longer than one page holds: its own 15
/// streets and 110 more under T.
fn long_city() -> TestSite {
    let site = TestSite::city();
    let mut text = site.read("streets.csv");
    for n in 1..=110 {
        text.push_str(&format!("Tverrgate {n},frogner,,,\n"));
    }
    site.write("streets.csv", &text);
    site
}

#[test]
fn a_short_register_is_listed_whole_on_the_index_under_its_letters_in_every_variant() {
    let site = TestSite::city();
    site.build_ok();
    for root in ["", "lettlest/", "stor-skrift/", "stor-skrift/lettlest/"] {
        let service = site.page(&format!("{root}tjenester/praktisk-bistand/index.html"));
        assert_eq!(attrs(&service, ".street-finder a", "href"), ["gater/"], "{root}");
        assert_eq!(texts(&service, ".street-finder a"), ["Finn bydelen din"], "{root}");
        let index = site.page(&format!("{root}{CITY_INDEX}index.html"));
        // A–Z, then Ø and Å, each letter once, only letters with streets,
        // each leading to its heading on the page.
        let letters = ["B", "F", "G", "K", "M", "S", "T", "U", "Ø", "Å"];
        assert_eq!(texts(&index, ".street-letters a"), letters, "{root}");
        assert_eq!(texts(&index, "main h2"), letters, "{root}");
        assert_eq!(attrs(&index, ".street-letters a", "href")[8], "#bokstav-oe");
        assert_eq!(attrs(&index, "main h2", "id")[8], "bokstav-oe");
        assert_eq!(texts(&index, ".street-list:not(.street-matches) li").len(), 15, "{root}");
    }
    // No letter pages.
    assert!(!site.output().join(format!("{CITY_INDEX}k")).exists());
}

#[test]
fn a_long_register_gets_a_page_per_letter_and_the_overview_lists_none() {
    let site = long_city();
    site.build_ok();
    let index = site.page(&format!("{CITY_INDEX}index.html"));
    assert_eq!(attrs(&index, ".street-letters a", "href")[8], "oe/");
    // The overview lists no streets: its size does not grow with the register.
    assert!(texts(&index, ".street-list:not(.street-matches) li").is_empty());
    let t = site.page(&format!("{CITY_INDEX}t/index.html"));
    assert_eq!(texts(&t, "h1"), ["Gater på T"]);
    assert!(texts(&t, ".street-list li").len() > 110);
}

#[test]
fn each_street_links_to_its_districts_filter_page_with_its_numbers() {
    let site = long_city();
    site.build_ok();
    let page = site.page(&format!("{CITY_INDEX}k/index.html"));
    assert_eq!(texts(&page, "h1"), ["Gater på K"]);
    assert_eq!(
        texts(&page, ".street-list li"),
        [
            "Kirkeveien nr. 1–99, oddetall: Frogner",
            "Kirkeveien nr. 2–100, partall: St. Hanshaugen",
            "Kirkeveien nr. 101–200: Sagene",
        ]
    );
    assert_eq!(
        attrs(&page, ".street-list a", "href"),
        ["../../bydel/frogner/", "../../bydel/st-hanshaugen/", "../../bydel/sagene/"]
    );
    assert_eq!(attrs(&page, ".street-letters a[aria-current=page]", "href"), ["./"]);
    // Each filter page linked to exists.
    assert!(site.output().join("tjenester/praktisk-bistand/bydel/sagene/index.html").is_file());
    let aa = site.page(&format!("{CITY_INDEX}aa/index.html"));
    assert_eq!(texts(&aa, ".street-list li"), ["Åsbråten: Stovner"]);
}

#[test]
fn the_search_reads_the_registers_open_data() {
    let site = TestSite::city();
    site.build_ok();
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(site.output().join("data/streets.json")).unwrap()).unwrap();
    let rows = json.as_array().unwrap();
    assert_eq!(rows.len(), 15);
    assert_eq!(rows[0]["street"], "Bogstadveien");
    let index = site.page(&format!("{CITY_INDEX}index.html"));
    assert_eq!(attrs(&index, "form[data-street-search]", "data-streets"), ["../../../data/streets.json"]);
    let search: serde_json::Value =
        serde_json::from_str(&attrs(&index, "form[data-street-search]", "data-street-search")[0]).unwrap();
    assert_eq!(search["districts"]["sagene"]["href"], "../bydel/sagene/");
    // Hidden until the script runs: without it, the letters do the same.
    assert_eq!(attrs(&index, "form[data-street-search]", "hidden"), [""]);
}

#[test]
fn school_streets_lead_to_their_catchment_schools() {
    let site = TestSite::example();
    site.build_ok();
    let service = site.page("tjenester/skole/index.html");
    assert_eq!(texts(&service, ".street-finder a"), ["Finn nærskolen"]);
    let page = site.page("tjenester/skole/gater/index.html");
    let fjordgata = texts(&page, ".street-list li");
    assert!(
        fjordgata.contains(&"Fjordgata nr. 61–140: Hagevik skole, Fjordvik ungdomsskole".to_string()),
        "{fjordgata:?}"
    );
    assert!(attrs(&page, ".street-list a", "href").contains(&"../hagevik-skole/".to_string()));
    // The same street in home care leads to the district's providers.
    let home = site.page("tjenester/praktisk-bistand/gater/index.html");
    assert!(texts(&home, ".street-list li").contains(&"Fjordgata nr. 61–140: Hagevik".to_string()));
}

#[test]
fn without_streets_csv_there_is_no_finder() {
    let site = TestSite::city();
    site.remove("streets.csv");
    site.build_ok();
    let service = site.page("tjenester/praktisk-bistand/index.html");
    assert!(texts(&service, ".street-finder").is_empty());
    assert!(!site.output().join(CITY_INDEX).exists());
    assert!(!site.output().join("data/streets.json").exists());
}

#[test]
fn a_nynorsk_site_has_nynorsk_addresses_and_words() {
    let site = TestSite::city();
    site.as_nynorsk();
    site.build_ok();
    let index = site.page("tenester/praktisk-bistand/gater/index.html");
    assert_eq!(texts(&index, ".lead")[0].split(' ').take(3).collect::<Vec<_>>(), ["Vel", "første", "bokstav"]);
    let plain = site.page("lettlest/tenester/praktisk-bistand/gater/index.html");
    assert!(texts(&plain, ".street-list li").contains(&"Kirkeveien nr. 2–100, partal: St. Hanshaugen".to_string()));
}

#[test]
fn hostile_cells_are_shown_as_text() {
    let site = city_with(
        "street,district",
        &["\"=HYPERLINK(\"\"http://x\"\")\",frogner", "<script>alert(1)</script> gate,frogner", "+Plussveien,alna"],
    );
    site.build_ok();
    let page = std::fs::read_to_string(site.output().join(format!("{CITY_INDEX}index.html"))).unwrap();
    assert!(
        page.contains("&lt;script&gt;alert(1)&lt;&#x2F;script&gt; gate")
            || page.contains("&lt;script&gt;alert(1)&lt;/script&gt; gate"),
        "{page}"
    );
    assert!(!page.contains("<script>alert"));
    let names = texts(&page, "#bokstav-0-9 + .street-list .street-name");
    assert_eq!(names, ["=HYPERLINK(\"http://x\")", "+Plussveien", "<script>alert(1)</script> gate"]);
    let json = std::fs::read_to_string(site.output().join("data/streets.json")).unwrap();
    assert!(json.contains(r#""street":"=HYPERLINK(\"http://x\")""#), "{json}");
}

#[test]
fn every_bad_cell_is_an_error_at_its_line_and_column() {
    let site = city_with(
        "street,district,from,to,side",
        &[
            "Bogstadveien,frogner,,,",        // 2: fine
            "Kirkeveien,frognr,,,",           // 3: unknown district
            "Thereses gate,sagene,10,2,",     // 4: reversed
            "Markveien,grunerlokka,x,4,",     // 5: not a number
            "Toftes gate,grunerlokka,1,,",    // 6: one end only
            "Sannergata,sagene,1,9,venstre",  // 7: unknown side
            "Bogstadveien,sagene,,,",         // 8: a second district for line 2
            "Ullevålsveien,sagene,,,partall", // 9: a side without numbers
            "Stоrgata,alna,,,",               // 10: a Cyrillic «о»
            "Vogts\u{200b}gate,sagene,,,",    // 11: an invisible character
            "Bygdøy allé,frogner",            // 12: a value missing
        ],
    );
    let errors = check_errors(&site);
    let at = |line: u32, needle: &str, column: u32| {
        let f = assert_error(&errors, "streets.csv", line, needle);
        assert_eq!(f.position.column, column, "line {line}: {}", describe(std::slice::from_ref(&f)));
    };
    at(3, "`frognr` is not a district", 12);
    at(4, "from 10 down to 2", 22);
    at(5, "`x` is not a house number", 23);
    at(6, "lacks one of its ends", 27);
    at(7, "`side` is `venstre`", 23);
    at(8, "also on line 2", 1);
    at(9, "`side` applies only to a range", 24);
    at(10, "mixes scripts", 1);
    at(11, "U+200B", 6);
    at(12, "the row has 2 fields", 1);
    assert_eq!(errors.len(), 10, "{}", describe(&errors));
    // `build` refuses the same.
    assert_eq!(site.errors().len(), errors.len());
}

#[test]
fn overlapping_ranges_of_one_street_are_refused_and_a_repeated_row_is_a_warning() {
    let site = city_with(
        "street,district,from,to,side",
        &[
            "Kirkeveien,frogner,1,99,oddetall",
            "Kirkeveien,sagene,2,100,partall", // other side: fine
            "Kirkeveien,sagene,99,120,",       // 99 is line 2's
        ],
    );
    let errors = check_errors(&site);
    assert_error(&errors, "streets.csv", 4, "also on line 2");
    assert_eq!(errors.len(), 1, "{}", describe(&errors));
    let site = city_with(
        "street,district,from,to,side",
        &["Kirkeveien,frogner,1,99,oddetall", "Kirkeveien,sagene,2,100,partall", "Kirkeveien,frogner,1,99,oddetall"],
    );
    let report = site.build_ok();
    let warning = report.findings.iter().find(|f| f.file.ends_with("streets.csv")).expect("a warning");
    assert_eq!((warning.severity, warning.position.line), (Severity::Warning, 4));
}

#[test]
fn columns_are_checked_by_name() {
    let site = city_with("street,postnummer,district", &["Bogstadveien,0355,frogner"]);
    assert_error(&check_errors(&site), "streets.csv", 1, "`postnummer` is unknown");
    let site = city_with("street", &["Bogstadveien"]);
    assert_error(&check_errors(&site), "streets.csv", 1, "`district`");
    let site = city_with("street,district,from", &["Bogstadveien,frogner,1"]);
    assert_error(&check_errors(&site), "streets.csv", 1, "both `from` and `to`");
}

#[test]
fn a_school_must_be_one_of_the_sites_schools() {
    let site = TestSite::example();
    site.write("streets.csv", "street,district,school\nTorget,sentrum,sentrum-skole fjordvik-skole\nKaia,sentrum,\n");
    let errors = check_errors(&site);
    let f = assert_error(&errors, "streets.csv", 2, "`fjordvik-skole` is not a school");
    assert_eq!(f.position.column, 30);
    assert_eq!(errors.len(), 1, "{}", describe(&errors));
    // Without a school service, the help says to drop the column.
    let city = city_with("street,district,school", &["Bogstadveien,frogner,sentrum-skole"]);
    let errors = check_errors(&city);
    assert_error(&errors, "streets.csv", 2, "`sentrum-skole` is not a school");
}
