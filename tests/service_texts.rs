//! A service's texts in brukervalg.yaml are Markdown, as content pages are:
//! links, lists, emphasis and tables render as HTML in every variant and
//! nothing comes out as raw Markdown; what pages refuse is refused here
//! too, at its line and column inside the YAML field; one-sentence fields
//! take inline Markdown only.

mod common;

use brukervalg::diagnostics::{Finding, Severity};
use common::{TestSite, describe};

const CONFIG: &str = "brukervalg.yaml";
const VARIANTS: [&str; 4] = ["", "lettlest/", "stor-skrift/", "stor-skrift/lettlest/"];

/// The minimal site with `field: value` replaced by `text` (YAML as
/// written, starting on the field's line).
fn with(pairs: &[(&str, &str)]) -> TestSite {
    let site = TestSite::minimal();
    for (from, to) in pairs {
        site.edit(CONFIG, from, to);
    }
    site
}

fn service_page(site: &TestSite, variant: &str) -> String {
    let page = site.page(&format!("{variant}tjenester/praktisk-bistand/index.html"));
    page[page.find("<main").unwrap()..].to_string()
}

fn findings(site: &TestSite, key: &str) -> Vec<Finding> {
    let findings = match site.build() {
        Ok(report) => report.findings,
        Err(failure) => failure.findings,
    };
    findings.into_iter().filter(|f| f.message.key() == key).collect()
}

const PAYMENT: &str = "    payment: |
      Du betaler **egenandel** etter [satsene](https://www.testvik.no/satser/):

      | Inntekt | Pris per time |
      |---|---|
      | Under 2 G | 215 kr |
      | Over 2 G | 390 kr |

      - Prisen er lik hos alle.
      - Du betaler til kommunen.
";
const PAYMENT_PLAIN: &str = "    payment_plain: |
      Du betaler en *egenandel*. Se [satsene](https://www.testvik.no/satser/):

      | Inntekt | Pris per time |
      |---|---|
      | Under 2 G | 215 kr |
      | Over 2 G | 390 kr |

      1. Prisen er lik hos alle.
      2. Du betaler til kommunen.
";

#[test]
fn tables_lists_links_and_emphasis_render_as_html_in_every_variant_and_never_as_markdown() {
    let site = with(&[
        ("    payment: Kommunen betaler leverandøren.\n", PAYMENT),
        ("    payment_plain: Kommunen betaler.\n", PAYMENT_PLAIN),
    ]);
    let report = site.build_ok();
    assert_eq!(
        describe(
            &report.findings.iter().filter(|f| f.message.key().starts_with("markdown.")).cloned().collect::<Vec<_>>()
        ),
        ""
    );
    for variant in VARIANTS {
        let main = service_page(&site, variant);
        let plain = variant.contains("lettlest");
        assert!(main.contains("<table>") && main.contains("<td>215 kr</td>"), "{variant}: no table in\n{main}");
        assert!(main.contains(if plain { "<ol>" } else { "<ul>" }), "{variant}: no list");
        assert!(main.contains(r#"<a href="https://www.testvik.no/satser/">satsene</a>"#), "{variant}: no link");
        assert!(main.contains(if plain { "<em>" } else { "<strong>egenandel</strong>" }), "{variant}: no emphasis");
        for raw in ["|---|", "](", "**", "| Inntekt", "- Prisen"] {
            assert!(!main.contains(raw), "{variant}: raw Markdown {raw:?} on the page:\n{main}");
        }
    }
}

#[test]
fn every_service_text_is_markdown() {
    let fields = [
        ("    description: Hjelp til rengjøring og innkjøp.", "    description: Hjelp til **rengjøring** og innkjøp."),
        ("    scheme: Du velger leverandør selv.", "    scheme: Du velger **leverandør** selv."),
        ("    municipality_role: Kommunen har ansvaret.", "    municipality_role: Kommunen har **ansvaret**."),
        ("    access: Du søker kommunen.", "    access: Du søker **kommunen**."),
        ("    how_to_choose: Ring tildelingskontoret.", "    how_to_choose: Ring **tildelingskontoret**."),
        ("    how_to_switch: Gi beskjed til kommunen.", "    how_to_switch: Gi **beskjed** til kommunen."),
        ("    notice_period: 1 måned", "    notice_period: 1 **måned**"),
        ("    no_choice: Du får kommunens hjemmetjeneste.", "    no_choice: Du får **kommunens** hjemmetjeneste."),
        ("      how: Send klagen til kommunen først.", "      how: Send **klagen** til kommunen først."),
    ];
    let site = with(&fields);
    site.build_ok();
    let main = service_page(&site, "");
    for word in [
        "rengjøring",
        "leverandør",
        "ansvaret",
        "kommunen",
        "tildelingskontoret",
        "beskjed",
        "måned",
        "kommunens",
        "klagen",
    ] {
        assert!(main.contains(&format!("<strong>{word}</strong>")), "«{word}» is not bold:\n{main}");
    }
    assert!(!main.contains("**"), "{main}");
}

#[test]
fn a_summary_and_the_notice_period_are_inline_without_a_paragraph_of_their_own() {
    let site = with(&[
        ("    summary: Hjelp hjemme.", "    summary: Hjelp *hjemme*, se [vilkårene](https://www.testvik.no/vilkar/)."),
        ("    notice_period: 1 måned", "    notice_period: '[1 måned](https://www.testvik.no/frist/)'"),
    ]);
    site.build_ok();
    let home = site.page("index.html");
    assert!(
        home.contains(r#"<p>Hjelp <em>hjemme</em>, se <a href="https://www.testvik.no/vilkar/">vilkårene</a>.</p>"#)
            || home.contains(r#"<p>Hjelp <em>hjemme</em>, se <a href="https://www.testvik.no/vilkar/">vilkårene</a>."#),
        "{home}"
    );
    let service = site.page("tjenester/praktisk-bistand/index.html");
    assert!(
        service.contains(r#"<meta name="description" content="Hjelp hjemme, se vilkårene.""#)
            || service.contains(r#"<meta name=description content="Hjelp hjemme, se vilkårene.""#),
        "the meta description is words only"
    );
    assert!(service.contains(r#"</strong> <a href="https://www.testvik.no/frist/">1 måned</a>"#), "{service}");
}

#[test]
fn a_list_in_an_inline_field_is_an_error_at_its_line_and_column() {
    let site = with(&[(
        "    summary: Hjelp hjemme.\n",
        "    summary: |\n      Hjelp hjemme:\n\n      - vask\n      - handling\n",
    )]);
    let errors = site.errors();
    let line = site.read(CONFIG).lines().position(|l| l == "      - vask").unwrap() as u32 + 1;
    let found = common::assert_error(&errors, CONFIG, line, "summary");
    assert_eq!(found.position.column, 7, "{}", describe(&errors));
}

#[test]
fn a_javascript_link_is_refused_at_its_place_in_the_field_and_its_text_stays() {
    let site = with(&[(
        "    access: Du søker kommunen.\n",
        "    access: >\n      Du søker kommunen.\n      Bruk [skjemaet](javascript:alert(1)) her.\n",
    )]);
    let warnings = findings(&site, "markdown.unsafe_link");
    assert_eq!(warnings.len(), 1, "{}", describe(&warnings));
    let line = site.read(CONFIG).lines().position(|l| l.contains("javascript:")).unwrap() as u32 + 1;
    assert_eq!((warnings[0].position.line, warnings[0].position.column), (line, 12), "{}", describe(&warnings));
    assert_eq!(warnings[0].severity, Severity::Warning);
    let main = service_page(&site, "");
    assert!(!main.contains("javascript") && main.contains("Bruk skjemaet her."), "{main}");
}

#[test]
fn raw_html_is_shown_as_text_with_a_warning_at_its_place() {
    let site = with(&[(
        "    how_to_switch_plain: Si fra til oss.",
        "    how_to_switch_plain: Si fra <script>alert(1)</script> til oss.",
    )]);
    let warnings = findings(&site, "markdown.raw_html");
    let line = site.read(CONFIG).lines().position(|l| l.contains("<script>")).unwrap() as u32 + 1;
    assert!(warnings.iter().any(|w| w.position.line == line && w.position.column == 33), "{}", describe(&warnings));
    let plain = service_page(&site, "lettlest/");
    assert!(!plain.contains("<script>") && plain.contains("&lt;script&gt;"), "{plain}");
}

#[test]
fn an_internal_link_must_lead_to_a_page_of_the_site() {
    let site = with(&[(
        "    how_to_choose: Ring tildelingskontoret.",
        "    how_to_choose: Ring tildelingskontoret, eller les [om valget](/finnes-ikke/).",
    )]);
    let errors = site.errors();
    let line = site.read(CONFIG).lines().position(|l| l.contains("/finnes-ikke/")).unwrap() as u32 + 1;
    let found = common::assert_error(&errors, CONFIG, line, "/finnes-ikke/");
    assert_eq!(found.position.column, 55, "{}", describe(&errors));
}

#[test]
fn headings_in_a_service_text_sit_below_the_heading_of_their_section() {
    let site = with(&[
        (
            "    payment: Kommunen betaler leverandøren.\n",
            "    payment: |\n      ## Priser\n\n      Kommunen betaler leverandøren.\n",
        ),
        (
            "    scheme: Du velger leverandør selv.\n",
            "    scheme: |\n      # Slik er ordningen\n\n      Du velger leverandør selv.\n",
        ),
    ]);
    site.build_ok();
    let main = service_page(&site, "");
    // The payment sits under its h3, the scheme directly under its h2.
    assert!(
        main.contains(r#"<h4 id="betaling-priser">Priser</h4>"#) || main.contains("<h4 id=betaling-priser>Priser</h4>"),
        "{main}"
    );
    assert!(main.contains(">Slik er ordningen</h3>"), "{main}");
}

#[test]
fn the_glossary_reads_the_words_of_a_service_text_not_its_link_addresses() {
    // «medhold» is a hard word no term explains.
    let site = with(&[(
        "    access_plain: Du spør kommunen.",
        "    access_plain: Du spør [kommunen](https://www.testvik.no/medhold/).",
    )]);
    assert_eq!(describe(&findings(&site, "plain.unexplained_term")), "");
    let site = with(&[(
        "    access_plain: Du spør kommunen.",
        "    access_plain: Du kan få [medhold](https://www.testvik.no/).",
    )]);
    assert_eq!(findings(&site, "plain.unexplained_term").len(), 1);
}

#[test]
fn a_citys_price_table_and_form_link_reach_every_variant() {
    let site = TestSite::city();
    site.build_ok();
    for variant in VARIANTS {
        let page = site.page(&format!("{variant}tjenester/praktisk-bistand/index.html"));
        assert!(
            page.contains("<table>") && page.contains("<th>Inntekt i husstanden</th>"),
            "{variant}: no price table"
        );
        assert!(page.contains(r#"href="https://www.storby.kommune.no/skjema/bytte/""#), "{variant}: no form link");
        assert!(!page.contains("|---|") && !page.contains("]("), "{variant}: raw Markdown");
    }
}

#[test]
fn a_picture_from_another_server_is_an_error_at_its_place_as_in_pages() {
    let site = with(&[(
        "    scheme: Du velger leverandør selv.\n",
        "    scheme: |\n      Du velger leverandør selv.\n      Se ![bilde](https://sporing.example/piksel.png).\n",
    )]);
    let errors = site.errors();
    let line = site.read(CONFIG).lines().position(|l| l.contains("sporing.example")).unwrap() as u32 + 1;
    let found = common::assert_error(&errors, CONFIG, line, "sporing.example");
    assert_eq!((found.message.key(), found.position.column), ("markdown.remote_image", 10), "{}", describe(&errors));
}
