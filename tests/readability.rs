//! Texts that are hard to read are warned about at their own line, in
//! plain words that say what makes them hard and what helps, and a build
//! sums up the site's readability.

mod common;

use brukervalg::messages::Lang;
use common::TestSite;

const ALFA: &str = "providers/praktisk-bistand/alfa-omsorg.yaml";

#[test]
fn a_plain_text_above_the_lix_limit_is_warned_about_at_its_line() {
    let site = TestSite::minimal();
    let hard = "Tjenesteleverandøren gjennomfører kvalitetssikringsarbeid kontinuerlig gjennom systematiske \
                brukerundersøkelser, internrevisjoner, kompetanseutviklingstiltak og dokumentasjonsrutiner \
                innenfor kommunens overordnede kvalitetssystem og avtaleverk";
    site.edit(ALFA, "description_plain: En privat bedrift.", &format!("description_plain: {hard}"));
    let report = site.build_ok();
    let w = report.findings.iter().find(|f| f.message.contains("hard to read")).expect("a LIX warning");
    assert_eq!(w.file, std::path::Path::new(ALFA));
    assert_eq!(w.position.line, 17);
    assert!(w.message.contains("`description_plain`") && w.message.contains("plain-language"), "{}", w.message);
    assert_eq!(report.readability.plain.over_limit, 1);
    // In the site's language: the explanation first, the figure in brackets.
    let nb = w.message.render(Lang::Nb);
    assert!(nb.starts_with("`description_plain` er vanskelig å lese for en lettlest tekst: mange lange ord, "), "{nb}");
    assert!(nb.contains(" (LIX 105; lettlest tekst bør ligge på 40 eller lavere)"), "{nb}");
    let help = w.help.as_ref().unwrap().render(Lang::Nb);
    assert!(help.starts_with("bruk kortere, vanlige ord i stedet for lange sammensatte ord"), "{help}");
}

#[test]
fn a_hard_page_is_warned_about_at_its_hardest_paragraph_with_what_helps() {
    let site = TestSite::minimal();
    let easy = "Du kan klage. Det er lett. Vi hjelper deg. Ring oss i dag. Vi svarer fort. Du får svar.";
    let hard = "Klagebehandlingen gjennomføres administrativt innenfor forvaltningslovens saksbehandlingsregler, \
                hvoretter tjenestemottakerens rettssikkerhetsgarantier ivaretas gjennom dokumenterte \
                vurderingsprosesser og kontradiksjonsprinsippet";
    site.write(
        "content/klage.md",
        &format!("---\ntitle: Slik klager du\nsummary: Du kan klage.\norder: 1\n---\n\n{easy}\n\n{hard}.\n{hard}.\n"),
    );
    let report = site.build_ok();
    let w = report.findings.iter().find(|f| f.key() == "readability.hard.document").expect("a warning");
    assert_eq!(w.file, std::path::Path::new("content/klage.md"));
    assert_eq!(w.position.line, 9, "the hard paragraph's first line, not the blank line after the front matter");
    let nb = w.message.render(Lang::Nb);
    assert!(nb.starts_with("teksten er vanskelig å lese: "), "{nb}");
    assert!(!nb.contains("`"), "the text is not named like a field: {nb}");
    let help = w.help.as_ref().unwrap().render(Lang::Nb);
    assert!(help.contains("lettlest utgave"), "{help}");
}

#[test]
fn the_summary_says_in_words_how_many_texts_are_hard_with_lix_only_in_brackets() {
    let report = TestSite::example().build_ok();
    let summary = report.readability.message().render(Lang::Nb);
    assert!(summary.starts_with("Lesbarhet: vanlige tekster: 0 av "), "{summary}");
    assert!(summary.contains(" er vanskelige å lese (LIX: median "), "{summary}");
    let outside_brackets: String =
        summary.split('(').map(|part| part.split_once(')').map_or(part, |(_, rest)| rest)).collect();
    assert!(!outside_brackets.contains("LIX"), "{summary}");
}

#[test]
fn the_same_text_passes_as_a_standard_text_when_the_limit_is_raised() {
    let site = TestSite::minimal();
    site.edit("brukervalg.yaml", "districts:", "limits:\n  lix_plain_max: 200\ndistricts:");
    let hard = "Tjenesteleverandøren gjennomfører kvalitetssikringsarbeid kontinuerlig gjennom systematiske \
                brukerundersøkelser, internrevisjoner, kompetanseutviklingstiltak og dokumentasjonsrutiner \
                innenfor kommunens overordnede kvalitetssystem og avtaleverk";
    site.edit(ALFA, "description_plain: En privat bedrift.", &format!("description_plain: {hard}"));
    let report = site.build_ok();
    assert!(!report.findings.iter().any(|f| f.message.contains("hard to read")));
}

#[test]
fn the_example_municipality_is_within_the_limits() {
    let report = TestSite::example().build_ok();
    let r = &report.readability;
    assert!(r.standard.texts > 30 && r.plain.texts > 30, "{r}");
    assert_eq!((r.standard.over_limit, r.plain.over_limit), (0, 0), "{r}");
    assert!(r.plain.median.unwrap() < 30.0, "{r}");
}

#[test]
fn short_facts_may_have_a_plain_version_and_are_held_to_the_plain_limit_without_one() {
    let site = TestSite::minimal();
    site.edit(ALFA, "  staff_per_month: 3", "  staff_per_month: 3\n  note: Kontinuitetsforpliktelser implementeres gjennom primærkontaktordninger\n  note_plain: Du får en fast kontaktperson.");
    site.edit(
        "brukervalg.yaml",
        "    notice_period: 1 måned",
        "    notice_period: 1 måned\n    notice_period_plain: En måned",
    );
    site.build_ok();
    let plain = site.page("lettlest/tjenester/praktisk-bistand/alfa-omsorg/index.html");
    assert!(plain.contains("Du får en fast kontaktperson."), "{plain}");
    let standard = site.page("tjenester/praktisk-bistand/alfa-omsorg/index.html");
    assert!(standard.contains("Kontinuitetsforpliktelser"));
    // The notice period is on the service page, where switching is told.
    assert!(site.page("lettlest/tjenester/praktisk-bistand/index.html").contains("En måned"));
    assert!(site.page("tjenester/praktisk-bistand/index.html").contains("1 måned"));

    // LIX 47 (16 words, 5 long): over the plain limit (40), under the
    // standard one (55). Without a plain version the plain reader gets this
    // text, so it is held to the plain limit; with one, it is not.
    let middling = "Leverandøren sender alltid den samme kontaktpersonen, så brukeren møter \
                    færre ansatte hver måned i hjemmet sitt.";
    let warned = |plain: &str| {
        let site = TestSite::minimal();
        site.edit(ALFA, "  staff_per_month: 3", &format!("  staff_per_month: 3\n  note: {middling}{plain}"));
        let report = site.build_ok();
        report.findings.into_iter().find(|f| f.message.contains("`continuity.note` is hard to read"))
    };
    let w = warned("").expect("a LIX warning at the plain limit");
    assert_eq!(w.position.line, 24);
    assert!(warned("\n  note_plain: Du får en fast kontaktperson.").is_none(), "held to the standard limit");
}
