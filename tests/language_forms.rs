//! House style (`language_forms:` in brukervalg.yaml): a site keeps to one
//! form of a word where nynorsk (or bokmål) allows two, and `check` names
//! each place in the site's own texts that uses the other form, at its line
//! and column. Words are whole words; a text is held to the forms of its
//! own language.

mod common;

use brukervalg::diagnostics::Finding;
use common::{TODAY, TestSite, line_of};

const KLAGE: &str = "content/klage.md";

/// The house-style warnings of a check, as «file:line:column word».
fn rivals(site: &TestSite) -> Vec<String> {
    let today = brukervalg::domain::Date::parse(TODAY).unwrap();
    let (_, findings, _) = brukervalg::check(site.root(), Some(today));
    let found: Vec<Finding> = findings.into_sorted();
    found
        .iter()
        .filter(|f| f.key().starts_with("language_forms."))
        .map(|f| {
            let word = f.message.arg("word").unwrap_or_default();
            format!("{}:{}:{} {word}", f.file.display(), f.position.line, f.position.column)
        })
        .collect()
}

/// The 1-based column of `word` in the line of `file` that holds `needle`.
fn column_of(site: &TestSite, file: &str, needle: &str, word: &str) -> u32 {
    let text = site.read(file);
    let line = text.lines().find(|l| l.contains(needle)).unwrap();
    u32::try_from(line[..line.find(word).unwrap()].chars().count() + 1).unwrap()
}

#[test]
fn the_nynorsk_fixture_keeps_to_its_forms() {
    assert_eq!(rivals(&TestSite::nynorsk()), Vec::<String>::new());
}

#[test]
fn a_mixed_form_is_named_at_its_exact_line_and_column() {
    let site = TestSite::nynorsk();
    site.edit(
        KLAGE,
        "Det kostar ingenting å klage.",
        "Det kostar ingenting å klage, og det betyr at du ikkje betaler.",
    );
    // A folded block scalar of brukervalg.yaml: the word is on its own line there.
    site.edit("brukervalg.yaml", "  rett til. Du vel", "  rett til. Du vel òg, ja du vel også");
    let klage =
        format!("{KLAGE}:{}:{} betyr", line_of(&site, KLAGE, "betyr"), column_of(&site, KLAGE, "betyr", "betyr"));
    let config = "brukervalg.yaml";
    let intro =
        format!("{config}:{}:{} også", line_of(&site, config, "også"), column_of(&site, config, "også", "også"));
    assert_eq!(rivals(&site), [intro, klage]);
}

#[test]
fn a_form_inside_a_longer_word_or_an_address_is_not_a_use() {
    let site = TestSite::nynorsk();
    site.edit(
        KLAGE,
        "Det kostar ingenting å klage.",
        "Det kostar ingenting å klage. Sjå behandlingsplanen og hosteklinikken, eller https://døme.no/betyr og hos@døme.no.",
    );
    assert_eq!(rivals(&site), Vec::<String>::new());
}

#[test]
fn a_site_that_chooses_the_other_form_is_held_to_it() {
    let site = TestSite::nynorsk();
    site.edit(
        KLAGE,
        "Det kostar ingenting å klage.",
        "Det kostar ingenting å klage. Det tyder at du ikkje betaler, det betyr mykje.",
    );
    site.edit("brukervalg.yaml", "language: nn\n", "language: nn\nlanguage_forms:\n  nn: [betyr, hjå, òg, handsame]\n");
    let line = line_of(&site, KLAGE, "tyder");
    let planted = format!("{KLAGE}:{line}:{} tyder", column_of(&site, KLAGE, "tyder", "tyder"));
    let found = rivals(&site);
    // The fixture's own «tyder» elsewhere is now the other form too.
    assert!(found.contains(&planted), "{found:#?}");
    assert!(found.iter().all(|f| f.ends_with(" tyder")), "{found:#?}");
}

#[test]
fn a_form_switched_off_is_not_checked() {
    let site = TestSite::nynorsk();
    site.edit(KLAGE, "Det kostar ingenting å klage.", "Det kostar ingenting å klage hos oss, og det betyr mykje.");
    site.edit("brukervalg.yaml", "language: nn\n", "language: nn\nlanguage_forms:\n  nn: [òg]\n");
    assert_eq!(rivals(&site), Vec::<String>::new());
    site.edit("brukervalg.yaml", "  nn: [òg]", "  nn: []");
    assert_eq!(rivals(&site), Vec::<String>::new());
}

#[test]
fn a_form_the_table_does_not_know_is_named_in_the_configuration() {
    let site = TestSite::nynorsk();
    site.edit("brukervalg.yaml", "language: nn\n", "language: nn\nlanguage_forms:\n  nn: [tyder, syne]\n");
    assert_eq!(rivals(&site), ["brukervalg.yaml:7:15 syne"]);
}

#[test]
fn a_text_is_held_to_the_forms_of_its_own_language() {
    // A bokmål page on the nynorsk site: «også» and «hos» are bokmål words.
    let site = TestSite::nynorsk();
    let page = "content/pa-bokmal.md";
    site.edit(page, "Denne siden er skrevet på bokmål.", "Denne siden er også skrevet hos oss, frem til nå.");
    let line = line_of(&site, page, "frem til");
    assert_eq!(rivals(&site), [format!("{page}:{line}:{} frem", column_of(&site, page, "frem til", "frem"))]);

    // A bokmål site with nynorsk forms of bokmål words: none is its rival.
    let site = TestSite::minimal();
    site.edit(
        "content/klage.md",
        "Du kan klage til",
        "Det betyr at du kan behandle saken hos oss, og du kan klage til",
    );
    assert_eq!(rivals(&site), Vec::<String>::new());
}

#[test]
fn the_city_keeps_to_the_bokmal_defaults_and_a_profile_is_checked_where_it_is_written() {
    let site = TestSite::city();
    assert_eq!(rivals(&site), Vec::<String>::new());
    let profile = "providers/praktisk-bistand/byomsorg-as.yaml";
    site.edit(
        profile,
        "description_plain: Byomsorg AS gir praktisk bistand i bydelene som står over.",
        "description_plain: >\n  Byomsorg AS gir praktisk bistand\n  i bydelene. Vi kommer heim til deg.",
    );
    let line = line_of(&site, profile, "heim til");
    assert_eq!(rivals(&site), [format!("{profile}:{line}:{} heim", column_of(&site, profile, "heim til", "heim"))]);
}
