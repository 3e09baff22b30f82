//! A profile or page submitted through a pull request cannot put script,
//! styles or `javascript:` links on the municipality's site.

mod common;

use common::TestSite;

const ALFA: &str = "providers/praktisk-bistand/alfa-omsorg.yaml";
const ATTACK: &str = r#"<script>alert(1)</script> <img src=x onerror=alert(1)> <a href="javascript:alert(1)">x</a> <style>body{display:none}</style>"#;

/// The comparison page's inline script, as templates/compare.html has it.
static COMPARE_SCRIPT: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
    let template = std::fs::read_to_string(common::project_root().join("templates/compare.html")).unwrap();
    let open = template.find("<script").expect("compare.html has its inline script");
    let start = open + template[open..].find('>').unwrap() + 1;
    template[start..start + template[start..].find("</script>").unwrap()].to_string()
});

/// Parsed as a browser parses it: no script or style element, no event
/// handler attribute, no link or source with a scheme that runs code.
fn assert_inert(html: &str) {
    let document = scraper::Html::parse_document(html);
    for element in document.root_element().descendants().filter_map(scraper::ElementRef::wrap) {
        let el = element.value();
        // The site's own enhancement script is the only script allowed,
        // and the comparison page's own, as its template writes it (it
        // chooses the columns before the page is first drawn).
        let text: String = element.text().collect();
        let own_script = el.name() == "script"
            && ((el.attr("src").is_some_and(|s| s.ends_with("assets/brukervalg.js")) && text.trim().is_empty())
                || (el.attr("src").is_none() && text == *COMPARE_SCRIPT));
        assert!(
            own_script || !matches!(el.name(), "script" | "style" | "iframe" | "object" | "embed"),
            "live <{}> in:\n{html}",
            el.name()
        );
        for (name, value) in el.attrs() {
            assert!(!name.starts_with("on"), "live {name}= in:\n{html}");
            assert!(name != "style", "inline style in:\n{html}");
            if matches!(name, "href" | "src" | "action" | "formaction") {
                let v = value.trim().to_lowercase();
                assert!(
                    v.starts_with("http") || v.starts_with("mailto:") || v.starts_with("tel:") || !v.contains(':'),
                    "live {name}={value} in:\n{html}"
                );
            }
        }
    }
}

#[test]
fn yaml_text_is_escaped_everywhere_it_appears() {
    let site = TestSite::minimal();
    site.edit(ALFA, "description: Et privat firma.", &format!("description: '{ATTACK}'"));
    site.edit(ALFA, "name: Alfa Omsorg AS", "name: 'Alfa \"><script>alert(2)</script>'");
    site.build_ok();
    for page in [
        "tjenester/praktisk-bistand/alfa-omsorg/index.html",
        "tjenester/praktisk-bistand/index.html",
        "lettlest/tjenester/praktisk-bistand/alfa-omsorg/index.html",
    ] {
        let html = site.page(page);
        assert_inert(&html);
    }
    let html = site.page("tjenester/praktisk-bistand/alfa-omsorg/index.html");
    assert!(
        html.contains("&lt;script>alert(1)&lt;/script>") || html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "the text is shown, escaped"
    );
}

#[test]
fn markdown_raw_html_and_dangerous_links_are_neutralised_and_warned_about() {
    let site = TestSite::minimal();
    site.write(
        "content/klage.md",
        &format!("---\ntitle: Klage\nsummary: S\n---\n{ATTACK}\n\n[klikk](javascript:alert(1)) [data](data:text/html,x) [ok](https://example.no/)\n\n<div onclick=\"alert(1)\">x</div>\n"),
    );
    let report = site.build_ok();
    let warnings: Vec<_> = report.findings.iter().filter(|f| f.file.ends_with("klage.md")).collect();
    assert!(warnings.iter().any(|f| f.message.contains("raw HTML") && f.position.line == 5));
    assert!(warnings.iter().any(|f| f.message.contains("javascript:alert(1)") && f.position.line == 7));
    let html = site.page("klage/index.html");
    assert_inert(&html);
    assert!(!html.to_lowercase().contains("<div onclick"), "{html}");
    assert!(!html.contains("data:text"), "{html}");
    assert!(html.contains("href=\"https://example.no/\""), "allowed links stay");
    assert!(html.contains("klikk"), "the text of a removed link stays");
}

#[test]
fn a_school_self_description_cannot_inject_markup_either() {
    let site = TestSite::example();
    site.write("providers/skole/hagevik-skole.md", &format!("## Om oss\n\n{ATTACK}\n\n[x](  JaVaScRiPt:alert(1))\n"));
    site.build_ok();
    assert_inert(&site.page("tjenester/skole/hagevik-skole/index.html"));
}

#[test]
fn a_file_name_that_would_climb_out_of_the_output_is_refused_at_the_file() {
    // Slugs come from file names; a name that tries to climb out is refused
    // by validation, at the file, before anything is written. (The writer's
    // own guard against such paths is tested in src/output.rs.)
    let site = TestSite::minimal();
    site.write("content/..md", "---\ntitle: T\nsummary: S\n---\nx\n");
    site.write("providers/praktisk-bistand/..yaml", &site.read(ALFA));
    let errors = site.errors();
    for file in ["content/..md", "providers/praktisk-bistand/..yaml"] {
        assert!(errors.iter().any(|f| f.file == std::path::Path::new(file)), "{file}: {}", common::describe(&errors));
    }
    assert!(!site.root().join("index.html").exists());
    assert!(!site.output().exists());
}

#[test]
#[cfg(unix)]
fn an_output_that_is_a_link_stays_one_and_its_folder_gets_the_new_site() {
    let site = TestSite::minimal();
    let served = tempfile::tempdir().unwrap();
    let www = served.path().join("www");
    std::fs::create_dir(&www).unwrap();
    let link = site.root().join("output");
    std::os::unix::fs::symlink(&www, &link).unwrap();
    for description in ["Et privat firma.", "Et privat firma, nå med ny tekst."] {
        site.edit(ALFA, "description: Et privat firma.", &format!("description: {description}"));
        site.build_ok();
        assert!(std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink(), "the link was replaced");
        let page = std::fs::read_to_string(www.join("tjenester/praktisk-bistand/alfa-omsorg/index.html")).unwrap();
        assert!(page.contains(description), "the web server's folder has the old site");
        site.edit(ALFA, &format!("description: {description}"), "description: Et privat firma.");
    }
    let litter: Vec<_> = std::fs::read_dir(served.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(litter, ["www"], "nothing but the site beside it");
}

#[test]
fn an_output_that_climbs_into_an_input_folder_is_refused() {
    let site = TestSite::minimal();
    let sneaky = site.root().join("nope/../static/y");
    let failure = site.build_into(&sneaky).expect_err("the output lies in static/");
    let finding = &failure.findings[0];
    assert_eq!(finding.file, sneaky);
    assert!(finding.message.contains("inside the input folder"), "{}", finding.message);
    assert!(!site.root().join("static/y").exists() && !site.root().join("nope").exists());
}
