//! sitemap.xml and robots.txt.

use crate::domain::Variant;
use crate::model::{Site, SitePath};

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;").replace('\'', "&apos;")
}

/// Every page in ordinary print, standard and plain, with the date its
/// content was last checked where the site knows it. Large-print pages
/// have the same text and name their ordinary-print page as canonical, so
/// they are not listed (which also keeps a 10,000-provider site under the
/// sitemap protocol's 50,000 addresses per file).
pub fn sitemap_xml(site: &Site) -> String {
    let mut entries: Vec<(SitePath, Option<String>)> = vec![(SitePath::home(), None)];
    for service in &site.services {
        entries.push((service.path(&site.routes), None));
        for p in &service.providers {
            entries.push((p.path(&site.routes), Some(p.last_checked.to_string())));
        }
    }
    for page in &site.pages {
        entries.push((page.path(), None));
    }
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for variant in Variant::ALL.into_iter().filter(|v| !v.is_large_print()) {
        for (path, lastmod) in &entries {
            out.push_str("  <url><loc>");
            out.push_str(&xml_escape(&format!("{}{}", site.base_url, path.in_variant(variant))));
            out.push_str("</loc>");
            if let Some(date) = lastmod {
                out.push_str(&format!("<lastmod>{date}</lastmod>"));
            }
            out.push_str("</url>\n");
        }
    }
    out.push_str("</urlset>\n");
    out
}

pub fn robots_txt(site: &Site) -> String {
    // The profile form is for providers, not for search results.
    let admin = match &site.cms {
        Some(_) => format!("Disallow: {}admin/\n", site_root_path(&site.base_url)),
        None => String::new(),
    };
    format!("User-agent: *\nAllow: /\n{admin}\nSitemap: {}sitemap.xml\n", site.base_url)
}

/// The path part of the base address (`/` or `/brukervalg/`).
fn site_root_path(base_url: &str) -> &str {
    let after_scheme = base_url.split_once("://").map_or(base_url, |(_, rest)| rest);
    after_scheme.find('/').map_or("/", |i| &after_scheme[i..])
}
