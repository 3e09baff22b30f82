//! Real municipal pages in Markdown: footnotes, wide tables, pages and
//! sections in other languages, long pages with linkable headings,
//! headings inside self-descriptions, plain pages without plain text and
//! bare addresses. Most cases use the nynorsk fixture site
//! (tests/fixtures/nynorsk-site), the rest small edits of it.

mod common;

use std::collections::BTreeSet;
use std::path::PathBuf;

use brukervalg::diagnostics::Severity;
use common::TestSite;
use scraper::{ElementRef, Html, Selector};

fn parse(html: &str) -> Html {
    Html::parse_document(html)
}

fn select<'a>(doc: &'a Html, css: &str) -> Vec<ElementRef<'a>> {
    doc.select(&Selector::parse(css).unwrap()).collect()
}

fn text(el: &ElementRef) -> String {
    el.text().collect::<String>()
}

fn built_nynorsk() -> TestSite {
    let site = TestSite::nynorsk();
    let report = site.build_ok();
    assert!(report.findings.is_empty(), "{}", common::describe(&report.findings));
    site
}

/// A provider's page in the variant under `root` ("" or "lettlest/"),
/// found by its slug: the folders above it are the routes' business, not
/// this test's.
fn provider_page_in(site: &TestSite, root: &str, slug: &str) -> String {
    let found: Vec<PathBuf> = walkdir::WalkDir::new(site.output())
        .into_iter()
        .filter_map(Result::ok)
        .map(|e| e.path().strip_prefix(site.output()).unwrap().to_path_buf())
        .filter(|p| p.ends_with(format!("{slug}/index.html")))
        .filter(|p| match root {
            "" => !p.starts_with("lettlest") && !p.starts_with("stor-skrift"),
            root => p.starts_with(root),
        })
        .collect();
    assert_eq!(found.len(), 1, "{found:?}");
    site.page(found[0].to_str().unwrap())
}

fn provider_page(site: &TestSite, slug: &str) -> String {
    provider_page_in(site, "", slug)
}

/// The nynorsk site with `markdown` put first in the bokmål page's body.
fn with_bokmal_text(markdown: &str) -> TestSite {
    let site = TestSite::nynorsk();
    let first = "Denne siden er skrevet på bokmål.";
    site.edit("content/pa-bokmal.md", first, &format!("{markdown}\n\n{first}"));
    site
}

fn warnings(site: &TestSite) -> Vec<String> {
    let report = site.build_ok();
    report
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Warning)
        .map(|f| {
            format!(
                "{}:{} {} | {}",
                f.file.display(),
                f.position.line,
                f.message,
                f.help.as_ref().map(|h| h.to_string()).unwrap_or_default()
            )
        })
        .collect()
}

#[test]
fn the_nynorsk_site_builds_without_warnings_in_every_variant() {
    let site = built_nynorsk();
    for root in ["", "lettlest/", "stor-skrift/", "stor-skrift/lettlest/"] {
        for page in ["klage", "pa-andre-sprak", "pa-bokmal", "sporsmal-og-svar"] {
            let doc = parse(&site.page(&format!("{root}{page}/index.html")));
            assert_eq!(select(&doc, "main h1").len(), 1, "{root}{page}");
            assert!(!select(&doc, ".prose").is_empty(), "{root}{page}");
        }
    }
}

#[test]
fn a_footnote_reference_links_to_its_note_and_the_note_links_back_in_the_site_language() {
    let site = built_nynorsk();
    let doc = parse(&site.page("klage/index.html"));
    let refs = select(&doc, "sup.footnote-ref a");
    assert_eq!(refs.len(), 2, "the note is referred to twice");
    assert_eq!(refs[0].value().attr("href"), Some("#fn-1"));
    assert_eq!(refs[0].value().attr("id"), Some("fnref-1"));
    assert_eq!(refs[1].value().attr("href"), Some("#fn-1"));
    assert_eq!(refs[1].value().attr("id"), Some("fnref-1-2"));
    assert_eq!(text(&refs[0]), "Fotnote 1");

    let notes = select(&doc, "section.footnotes");
    assert_eq!(notes.len(), 1);
    let heading = select(&doc, "section.footnotes h2");
    assert_eq!(text(&heading[0]), "Fotnotar");
    assert_eq!(notes[0].value().attr("aria-labelledby"), heading[0].value().attr("id"));
    let note = select(&doc, "section.footnotes li#fn-1");
    assert!(text(&note[0]).contains("forvaltningslova § 29"));
    let back = select(&doc, "li#fn-1 a.footnote-back");
    assert_eq!(back[0].value().attr("href"), Some("#fnref-1"));
    assert!(text(&back[0]).contains("Tilbake til teksten frå fotnote 1"), "{}", text(&back[0]));
    // No trace of the GFM syntax is left for readers.
    assert!(!site.page("klage/index.html").contains("[^"));
}

#[test]
fn footnotes_of_a_self_description_do_not_clash_with_the_page_around_them() {
    let site = built_nynorsk();
    let doc = parse(&provider_page(&site, "storoy-skule"));
    let refs = select(&doc, "sup.footnote-ref a");
    assert_eq!(refs[0].value().attr("href"), Some("#omtale-fn-1"));
    assert_eq!(select(&doc, "li#omtale-fn-1").len(), 1);
    assert_all_ids_unique(&doc, "storoy-skule");
}

fn assert_all_ids_unique(doc: &Html, page: &str) {
    let mut seen = BTreeSet::new();
    for el in select(doc, "[id]") {
        let id = el.value().attr("id").unwrap();
        assert!(seen.insert(id.to_string()), "{page}: id {id} twice");
    }
    // Every in-page link leads somewhere.
    for a in select(doc, "a[href^='#']") {
        let target = &a.value().attr("href").unwrap()[1..];
        assert!(seen.contains(target), "{page}: #{target} leads nowhere");
    }
}

#[test]
fn every_id_on_every_page_is_unique_and_every_in_page_link_has_a_target() {
    let site = built_nynorsk();
    for entry in walkdir::WalkDir::new(site.output()).into_iter().filter_map(Result::ok) {
        if entry.path().extension().is_some_and(|e| e == "html") {
            let html = std::fs::read_to_string(entry.path()).unwrap();
            assert_all_ids_unique(&parse(&html), &entry.path().display().to_string());
        }
    }
}

#[test]
fn every_content_table_scrolls_in_a_focusable_labelled_region() {
    let site = built_nynorsk();
    for page in ["klage/index.html", "lettlest/klage/index.html", "stor-skrift/klage/index.html"] {
        let doc = parse(&site.page(page));
        let tables = select(&doc, ".prose table");
        assert!(!tables.is_empty(), "{page}");
        for table in tables {
            let region = ElementRef::wrap(table.parent().unwrap()).unwrap();
            let attrs = region.value();
            assert!(attrs.classes().any(|c| c == "table-scroll"), "{page}");
            assert_eq!(attrs.attr("role"), Some("region"), "{page}");
            assert_eq!(attrs.attr("tabindex"), Some("0"), "{page}");
            assert_eq!(attrs.attr("aria-label"), Some("Tabell som kan rullast sidelengs"), "{page}");
        }
    }
    let css = std::fs::read_to_string(common::project_root().join("static/assets/style.css")).unwrap();
    assert!(css.contains(".table-scroll { overflow-x: auto;"), "the region is what scrolls");
}

#[test]
fn two_tables_on_one_page_get_regions_with_different_names() {
    let site = TestSite::nynorsk();
    site.edit(
        "content/klage.md",
        "## Slik skriv du klaga",
        "| a | b |\n|---|---|\n| 1 | 2 |\n\n## Slik skriv du klaga",
    );
    site.build_ok();
    let doc = parse(&site.page("klage/index.html"));
    let labels: Vec<_> =
        select(&doc, ".table-scroll").iter().map(|r| r.value().attr("aria-label").unwrap().to_string()).collect();
    assert_eq!(labels, ["Tabell som kan rullast sidelengs 1", "Tabell som kan rullast sidelengs 2"]);
}

#[test]
fn a_page_in_another_language_marks_the_whole_page_but_not_the_site_menus() {
    let site = built_nynorsk();
    let doc = parse(&site.page("pa-bokmal/index.html"));
    let html = select(&doc, "html");
    assert_eq!(html[0].value().attr("lang"), Some("nb"));
    assert_eq!(html[0].value().attr("dir"), Some("ltr"));
    for part in ["body > header", "footer.site-footer", "a.skip-link"] {
        assert_eq!(select(&doc, part)[0].value().attr("lang"), Some("nn"), "{part}");
    }
    // Pages in the site's language need no marking beyond <html lang>.
    let klage = site.page("klage/index.html");
    assert!(klage.starts_with("<!DOCTYPE html><html lang=\"nn\">"), "{}", &klage[..60]);
}

#[test]
fn a_page_language_that_is_not_a_code_is_an_error_at_its_line() {
    let site = TestSite::nynorsk();
    site.edit("content/pa-bokmal.md", "lang: nb", "lang: bokmål");
    let errors = site.errors();
    let error = common::assert_error(&errors, "content/pa-bokmal.md", 4, "`bokmål` is not a language code");
    assert!(error.help.unwrap().contains("two or three letters"));
}

#[test]
fn a_section_in_a_right_to_left_language_is_wrapped_up_to_the_next_heading_of_its_level() {
    let site = built_nynorsk();
    let doc = parse(&site.page("pa-andre-sprak/index.html"));
    let arabic = select(&doc, ".prose > div[lang=ar]");
    assert_eq!(arabic.len(), 1);
    assert_eq!(arabic[0].value().attr("dir"), Some("rtl"));
    let inside = text(&arabic[0]);
    assert!(inside.contains("العربية") && inside.contains("يمكنك أن تختار"), "{inside}");
    assert!(inside.contains("كيف تقدم شكوى"), "the h3 below stays in the section");
    assert!(!inside.contains("Davvisámegiella"), "the next h2 ends the section");

    // Its entry in the table of contents is marked the same way.
    let entry = select(&doc, "nav[aria-labelledby=toc-h] a[lang=ar]");
    assert_eq!(entry[0].value().attr("dir"), Some("rtl"));
    assert_eq!(text(&entry[0]), "العربية");

    let sami = select(&doc, ".prose > div[lang=se]");
    assert_eq!(sami[0].value().attr("dir"), Some("ltr"));
    assert!(text(&sami[0]).contains("Don sáhtát ieš válljet"));
    assert_eq!(select(&doc, ".prose > div[lang=pl]").len(), 1);
    // The attribute syntax itself never reaches readers.
    assert!(!site.page("pa-andre-sprak/index.html").contains("{lang="));
    // And the section after them is in the page's language again.
    let last = select(&doc, "h2#lange-ord-i-kommunale-dokument");
    assert!(last[0].ancestors().filter_map(ElementRef::wrap).all(|a| a.value().attr("lang").is_none_or(|l| l == "nn")));
}

#[test]
fn hostile_heading_attributes_never_become_markup_and_are_reported() {
    let site = with_bokmal_text(
        "## A {lang=\"x onload=alert(1)\"}\n\n## B {#main .evil}\n\n## C {onclick=alert(1) lang=ar}\n\n## D {lang=ar\"><script>alert(1)</script>}",
    );
    let found = warnings(&site);
    let html = site.page("pa-bokmal/index.html");
    let doc = parse(&html);
    for el in select(&doc, "main *") {
        for (name, value) in el.value().attrs() {
            assert!(!name.starts_with("on"), "{name}={value}");
            assert!(name != "class" || !value.contains("evil"), "{value}");
        }
    }
    assert!(select(&doc, "main script").is_empty());
    assert_eq!(select(&doc, "[id=main]").len(), 1, "a heading cannot take the template's ids");
    // `{onclick=... lang=ar}` keeps its valid part.
    assert_eq!(select(&doc, ".prose > div[lang=ar]").len(), 1, "{html}");
    let joined = found.join("\n");
    assert!(joined.contains("heading attribute `#main` is not used"), "{joined}");
    assert!(joined.contains("heading attribute `.evil` is not used"), "{joined}");
    assert!(joined.contains("heading attribute `onclick=alert(1)` is not used"), "{joined}");
    assert!(joined.contains("{lang=se}"), "the help shows the one attribute allowed: {joined}");
}

#[test]
fn headings_get_stable_ids_folded_like_slugs_and_numbered_when_repeated() {
    let site = with_bokmal_text(
        "## Søknad og vedtak\n\nA.\n\n## Søknad og vedtak\n\nB.\n\n## Main\n\nC.\n\n## Ærlig talt, «Øyvind»!\n\nD.",
    );
    site.build_ok();
    let doc = parse(&site.page("pa-bokmal/index.html"));
    let ids: Vec<_> = select(&doc, ".prose h2").iter().map(|h| h.value().attr("id").unwrap().to_string()).collect();
    assert_eq!(ids, ["soknad-og-vedtak", "soknad-og-vedtak-2", "main-2", "aerlig-talt-oyvind"]);
}

#[test]
fn every_heading_keeps_its_id_for_deep_links_and_carries_no_self_link() {
    let site = built_nynorsk();
    let doc = parse(&site.page("klage/index.html"));
    let headings = select(&doc, ".prose > h2");
    assert_eq!(headings.len(), 4);
    let contents: Vec<_> = select(&doc, "nav[aria-labelledby=toc-h] li a")
        .iter()
        .map(|a| a.value().attr("href").unwrap().to_string())
        .collect();
    for heading in &headings {
        let id = heading.value().attr("id").expect("a heading's id");
        assert!(contents.contains(&format!("#{id}")), "{id} in {contents:?}");
        // Only the contents link to a heading: no link beside or in it,
        // no hidden words that would cost every page their bytes.
        assert!(select(&doc, &format!(".prose a[href='#{id}']")).is_empty(), "{id}");
        assert!(select(&doc, &format!("#{id} *")).is_empty(), "{id}: {}", heading.html());
    }
}

#[test]
fn a_page_with_four_or_more_sections_starts_with_a_table_of_contents() {
    let site = built_nynorsk();
    let doc = parse(&site.page("sporsmal-og-svar/index.html"));
    let nav = select(&doc, "nav[aria-labelledby=toc-h]");
    assert_eq!(nav.len(), 1);
    assert_eq!(text(&select(&doc, "#toc-h")[0]), "Innhald på sida");
    let entries: Vec<_> = select(&doc, "nav[aria-labelledby=toc-h] li a");
    assert_eq!(entries.len(), 8, "one entry per ## topic, not per question");
    assert_eq!(entries[0].value().attr("href"), Some("#soknad-og-vedtak"));
    assert_eq!(text(&entries[0]), "Søknad og vedtak");
    assert_eq!(select(&doc, ".prose h3").len(), 100);
    // The contents come before the text.
    let html = site.page("sporsmal-og-svar/index.html");
    assert!(html.find("id=toc-h").unwrap() < html.find("class=prose").unwrap());

    // Three sections are few enough to see at a glance.
    let plain = parse(&site.page("lettlest/pa-andre-sprak/index.html"));
    assert_eq!(select(&plain, ".prose h2").len(), 3);
    assert!(select(&plain, "#toc-h").is_empty());
}

#[test]
fn headings_in_a_self_description_sit_below_the_section_heading_they_are_in() {
    let site = built_nynorsk();
    let doc = parse(&provider_page(&site, "storoy-skule"));
    let prose = select(&doc, "section .prose");
    assert_eq!(prose.len(), 1);
    let inner = |css: &str| prose[0].select(&Selector::parse(css).unwrap()).map(|h| text(&h)).collect::<Vec<_>>();
    assert!(inner("h1, h2").is_empty());
    assert_eq!(inner("h3"), ["Dette legg vi vekt på", "Ein vanleg skuledag", "Besøk oss", "Fotnotar"]);
    assert_eq!(inner("h4"), ["SFO"]);
    let ids: Vec<_> = prose[0]
        .select(&Selector::parse("h3, h4").unwrap())
        .map(|h| h.value().attr("id").unwrap().to_string())
        .collect();
    assert!(ids.iter().all(|id| id.starts_with("omtale-")), "{ids:?}");
}

#[test]
fn a_plain_page_without_plain_text_says_so_and_links_to_the_standard_page() {
    let site = TestSite::nynorsk();
    site.remove("content/klage.lettlest.md");
    site.remove("providers/skule/storoy-skule.lettlest.md");
    site.build_ok();
    for (page, standard) in
        [("lettlest/klage/index.html", "../../klage/"), ("stor-skrift/lettlest/klage/index.html", "../../klage/")]
    {
        let doc = parse(&site.page(page));
        let notice = select(&doc, "article > p.plain-missing");
        assert_eq!(notice.len(), 1, "{page}");
        assert!(text(&notice[0]).starts_with("Denne teksten finst ikkje i lettlest."), "{page}");
        let link = select(&doc, "p.plain-missing a");
        assert_eq!(link[0].value().attr("href"), Some(standard), "{page}");
    }
    for page in ["klage/index.html", "stor-skrift/klage/index.html", "lettlest/pa-bokmal/index.html"] {
        assert!(!site.page(page).contains("plain-missing"), "{page}");
    }
    let doc = parse(&provider_page_in(&site, "lettlest/", "storoy-skule"));
    let notice = select(&doc, "p.plain-missing");
    assert_eq!(notice.len(), 1);
    let standard = provider_page(&site, "storoy-skule");
    assert!(!standard.contains("plain-missing"));
}

#[test]
fn bare_addresses_become_links_without_their_trailing_punctuation() {
    let site = built_nynorsk();
    let doc = parse(&site.page("klage/index.html"));
    let links = select(&doc, ".prose a[href^='https://www.helsenorge.no']");
    assert_eq!(links[0].value().attr("href"), Some("https://www.helsenorge.no/pasient-og-brukerombudet/"));
    assert_eq!(text(&links[0]), "https://www.helsenorge.no/pasient-og-brukerombudet/");

    let site = with_bokmal_text(
        "Se (https://lovdata.no/lov/1999-07-02-63), javascript:alert(1) og `https://ikke.lenke.no` og [https://a.no](https://b.no).",
    );
    site.build_ok();
    let doc = parse(&site.page("pa-bokmal/index.html"));
    let hrefs: Vec<_> = select(&doc, ".prose a").iter().filter_map(|a| a.value().attr("href")).collect();
    assert!(hrefs.contains(&"https://lovdata.no/lov/1999-07-02-63"), "{hrefs:?}");
    assert!(hrefs.contains(&"https://b.no"), "{hrefs:?}");
    assert!(
        !hrefs.iter().any(|h| h.contains("javascript") || h.contains("ikke.lenke") || *h == "https://a.no"),
        "{hrefs:?}"
    );
}

#[test]
fn the_site_words_on_a_page_in_another_language_keep_the_site_language() {
    let site = with_bokmal_text("## Frister\n\nFristen er tre uker.[^1]\n\n[^1]: Forvaltningsloven § 29.");
    site.build_ok();
    let doc = parse(&site.page("pa-bokmal/index.html"));
    for css in ["sup.footnote-ref .visually-hidden > span", "section.footnotes h2 > span"] {
        let marked = select(&doc, css);
        assert_eq!(marked.len(), 1, "{css}");
        assert_eq!(marked[0].value().attr("lang"), Some("nn"), "{css}");
    }
    // On a page in the site's language nothing needs marking.
    let doc = parse(&built_nynorsk().page("klage/index.html"));
    assert!(select(&doc, ".prose span[lang]").is_empty());
}

#[test]
fn long_words_get_soft_hyphens_by_the_page_language_and_none_in_a_language_without_patterns() {
    let site = built_nynorsk();
    let raw = |page: &str| std::fs::read_to_string(site.output().join(page)).unwrap();
    let nynorsk = raw("stor-skrift/pa-andre-sprak/index.html");
    assert!(
        nynorsk.contains("heime\u{ad}te\u{ad}neste\u{ad}le\u{ad}ve\u{ad}ran\u{ad}dør\u{ad}god"),
        "nynorsk patterns break the 63-letter compound"
    );

    let site = TestSite::nynorsk();
    site.edit("content/pa-bokmal.md", "lang: nb", "lang: en");
    site.edit(
        "content/pa-bokmal.md",
        "Denne siden er skrevet på bokmål.",
        "Heimetenesteleverandørgodkjenningsordning.",
    );
    site.build_ok();
    let english = std::fs::read_to_string(site.output().join("pa-bokmal/index.html")).unwrap();
    assert!(english.contains("Heimetenesteleverandørgodkjenningsordning."));
    // The footer keeps the site's language (marked lang="nn"), and its
    // contact line is hyphenated by it; the page's own text is not.
    let main = &english[english.find("<main").unwrap()..english.find("</main>").unwrap()];
    assert!(!main.contains('\u{ad}'), "no Norwegian patterns on a page marked English");
}
