//! Answers the browser: files of the last good build with their content
//! types, `index.html` for folder paths, the site's 404 page for misses,
//! the overlay while the latest build has failed, and the reload events.
//!
//! `wire` speaks HTTP; this module only maps a request path onto a
//! path of the build, which is looked up, never joined onto a folder, so
//! no request can reach a file outside the site.

use crate::messages::Lang;
use std::fs;
use std::net::{IpAddr, SocketAddr, TcpListener};
use std::path::{Component, Path};
use std::sync::Arc;

use percent_encoding::percent_decode_str;

use super::addresses::{EVENTS_PATH, PREFIX, SCRIPT_PATH};
use super::overlay;
use super::state::{Snapshot, State};
use super::store::SiteFiles;
use super::streams::Streams;
use super::wire::{self, Method, Request, Response};

/// `?brukervalg=last-good` shows a page of the last good build even while
/// the latest build has failed.
pub const LAST_GOOD_QUERY: &str = "brukervalg=last-good";

const RELOAD_SCRIPT: &str = include_str!("reload.js");
/// Serves until the process ends.
pub fn serve(listener: &TcpListener, state: Arc<State>, hosts: Hosts, lang: Lang) {
    let streams = Streams::start(Arc::clone(&state));
    wire::accept(listener, move |request| handle(request, (&state, &streams, &hosts), lang));
}

/// The `Host:` values the preview answers to: the loopback names and the
/// `--bind` address, each with the port. A web page elsewhere can make
/// its own name point at 127.0.0.1 (DNS rebinding) and then read the
/// preview as its own site; its requests carry its name, and are refused.
pub struct Hosts {
    port: u16,
    bind: IpAddr,
}

impl Hosts {
    pub fn new(bind: IpAddr, port: u16) -> Hosts {
        Hosts { port, bind }
    }

    /// `localhost:PORT`, or an address with PORT that is loopback or the
    /// bound one (any address when bound to all of them, as a name was
    /// never looked up to reach it).
    pub fn allows(&self, host: &str) -> bool {
        let host = host.trim().to_ascii_lowercase();
        if host == format!("localhost:{}", self.port) {
            return true;
        }
        host.parse::<SocketAddr>().is_ok_and(|address| {
            let ip = address.ip();
            address.port() == self.port && (ip.is_loopback() || ip == self.bind || self.bind.is_unspecified())
        })
    }
}

fn handle(request: Request, (state, streams, hosts): (&Arc<State>, &Streams, &Hosts), lang: Lang) {
    if !request.host.as_deref().is_some_and(|host| hosts.allows(host)) {
        let _ =
            request.respond(text(421, "This preview only answers to its own address, e.g. http://localhost:PORT/.\n"));
        return;
    }
    if request.method == Method::Other {
        let _ = request.respond(text(405, "Only GET and HEAD are served.\n"));
        return;
    }
    let url = request.target.clone();
    let (path, query) = url.split_once('?').unwrap_or((&url, ""));
    if path.starts_with(PREFIX) {
        if path == EVENTS_PATH {
            streams.open(request.into_stream());
        } else if path == SCRIPT_PATH {
            let _ = request.respond(bytes(200, RELOAD_SCRIPT.as_bytes().to_vec(), "text/javascript; charset=utf-8"));
        } else {
            let _ = request.respond(text(404, "Not found.\n"));
        }
        return;
    }
    let snapshot = state.snapshot();
    let resolved = snapshot.site.as_deref().map_or(Resolved::Missing, |site| resolve(site, path));
    let is_page = match &resolved {
        Resolved::File(relative) => is_html(relative),
        Resolved::Redirect(_) => false,
        Resolved::Missing => true,
    };
    if is_page
        && let Some(findings) = &snapshot.failure
        && query != LAST_GOOD_QUERY
    {
        let last_good = snapshot.site.is_some().then(|| format!("{path}?{LAST_GOOD_QUERY}"));
        let page = overlay::page(findings, &snapshot.tag(), last_good.as_deref(), lang);
        let _ = request.respond(html(500, page));
        return;
    }
    let response = match resolved {
        Resolved::Redirect(to) => {
            let location = if query.is_empty() { to } else { format!("{to}?{query}") };
            Response::new(301, Vec::new(), "text/plain; charset=utf-8").with_header("Location", &location)
        }
        Resolved::File(relative) => match read(&snapshot, &relative) {
            Some(content) if is_html(&relative) => {
                html(200, with_reload_script(&String::from_utf8_lossy(&content), &snapshot))
            }
            Some(content) => bytes(200, content, &content_type(Path::new(&relative))),
            None => not_found(&snapshot, path),
        },
        Resolved::Missing => not_found(&snapshot, path),
    };
    let _ = request.respond(response);
}

#[derive(Debug, PartialEq, Eq)]
enum Resolved {
    /// The path of a file of the build.
    File(String),
    /// A folder asked for without its trailing slash: the pages' relative
    /// links only work from the address with it.
    Redirect(String),
    Missing,
}

/// Maps a request path onto a file of `site`: `index.html` for a folder.
/// Each decoded segment must be a plain name: `..`, `.`, backslashes, NUL
/// and absolute parts are refused.
fn resolve(site: &SiteFiles, path: &str) -> Resolved {
    let Some(segments) = segments(path) else { return Resolved::Missing };
    let joined = segments.join("/");
    let index = if joined.is_empty() { "index.html".to_string() } else { format!("{joined}/index.html") };
    if path.ends_with('/') {
        return if site.file(&index).is_some() { Resolved::File(index) } else { Resolved::Missing };
    }
    if site.file(&joined).is_some() {
        Resolved::File(joined)
    } else if site.file(&index).is_some() {
        Resolved::Redirect(format!("{path}/"))
    } else {
        Resolved::Missing
    }
}

/// The decoded, non-empty segments of a request path; `None` when one is
/// not a plain name.
fn segments(path: &str) -> Option<Vec<String>> {
    let decoded = percent_decode_str(path).decode_utf8().ok()?;
    if decoded.contains(['\\', '\0']) {
        return None;
    }
    let segments: Vec<String> = decoded.split('/').filter(|s| !s.is_empty()).map(str::to_string).collect();
    segments.iter().all(|s| is_plain_name(s)).then_some(segments)
}

fn read(snapshot: &Snapshot, relative: &str) -> Option<Vec<u8>> {
    fs::read(snapshot.site.as_ref()?.file(relative)?).ok()
}

/// The 404 page of the variant asked for: each variant (`/lettlest/`,
/// `/stor-skrift/`, ...) has its own, so the nearest one up the path.
fn not_found(snapshot: &Snapshot, path: &str) -> Response {
    let decoded = percent_decode_str(path).decode_utf8_lossy();
    let folders: Vec<&str> = decoded.trim_start_matches('/').split('/').take_while(|s| is_plain_name(s)).collect();
    let page = (0..=folders.len()).rev().find_map(|depth| {
        let folder = folders[..depth].join("/");
        read(snapshot, &if folder.is_empty() { "404.html".to_string() } else { format!("{folder}/404.html") })
    });
    match page {
        Some(page) => html(404, with_reload_script(&String::from_utf8_lossy(&page), snapshot)),
        None => text(404, "Not found.\n"),
    }
}

/// The site's pages know nothing of serve; the script that reloads them is
/// added on the way out, at the end of the body.
fn with_reload_script(page: &str, snapshot: &Snapshot) -> String {
    let tag = format!(r#"<script src="{SCRIPT_PATH}" data-generation="{}"></script>"#, snapshot.tag());
    let at = page.rfind("</body>").unwrap_or(page.len());
    format!("{}{tag}{}", &page[..at], &page[at..])
}

/// One file or folder name: not `..`, `.`, empty or absolute.
fn is_plain_name(segment: &str) -> bool {
    let mut parts = Path::new(segment).components();
    matches!((parts.next(), parts.next()), (Some(Component::Normal(_)), None))
}

fn is_html(relative: &str) -> bool {
    relative.ends_with(".html")
}

fn content_type(file: &Path) -> String {
    let mime = mime_guess::from_path(file).first_or_octet_stream();
    let textual = mime.type_() == mime_guess::mime::TEXT
        || matches!(mime.subtype().as_str(), "json" | "javascript" | "xml" | "svg");
    if textual { format!("{mime}; charset=utf-8") } else { mime.to_string() }
}

fn html(status: u16, page: String) -> Response {
    bytes(status, page.into_bytes(), "text/html; charset=utf-8")
}

fn text(status: u16, body: &str) -> Response {
    bytes(status, body.as_bytes().to_vec(), "text/plain; charset=utf-8")
}

fn bytes(status: u16, body: Vec<u8>, content_type: &str) -> Response {
    Response::new(status, body, content_type)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cmd::serve::store::Store;
    use crate::output::Destination;

    /// A build of a few files, in a store inside `dir`.
    fn site(dir: &Path, files: &[(&str, &str)]) -> Arc<SiteFiles> {
        let store = Store::new(dir.to_path_buf());
        let filling = store.fill(None);
        for (path, text) in files {
            filling.write(path, text.as_bytes()).unwrap();
        }
        Arc::new(filling.finish())
    }

    fn pages(dir: &Path) -> Arc<SiteFiles> {
        site(dir, &[("index.html", "<html><body>hjem</body></html>"), ("lettlest/om/index.html", "om")])
    }

    #[test]
    fn folder_paths_serve_their_index_and_gain_a_trailing_slash() {
        let dir = tempfile::tempdir().unwrap();
        let site = pages(dir.path());
        assert_eq!(resolve(&site, "/"), Resolved::File("index.html".into()));
        assert_eq!(resolve(&site, "/lettlest/om/"), Resolved::File("lettlest/om/index.html".into()));
        assert_eq!(resolve(&site, "/lettlest/om"), Resolved::Redirect("/lettlest/om/".into()));
        assert_eq!(resolve(&site, "/lettlest/%6Fm/"), Resolved::File("lettlest/om/index.html".into()));
        assert_eq!(resolve(&site, "/lettlest/finnes-ikke/"), Resolved::Missing);
    }

    #[test]
    fn paths_that_leave_the_site_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let site = pages(dir.path());
        for bad in [
            "/../index.html",
            "/lettlest/../index.html",
            "/%2e%2e/index.html",
            "/lettlest/..%2f..%2findex.html",
            "/..%5cindex.html",
            "/%00",
            "/0",
        ] {
            assert_eq!(resolve(&site, bad), Resolved::Missing, "{bad}");
        }
    }

    #[test]
    fn the_reload_script_goes_at_the_end_of_the_body() {
        let snapshot = Snapshot { generation: 7, ..Snapshot::default() };
        let page = with_reload_script("<html><body><p>x</p></body></html>", &snapshot);
        let expected =
            format!(r#"<p>x</p><script src="{SCRIPT_PATH}" data-generation="{}"></script></body>"#, snapshot.tag());
        assert!(page.contains(&expected), "{page}");
        assert!(with_reload_script("<p>x", &snapshot).starts_with("<p>x<script"));
    }

    #[test]
    fn a_miss_gets_the_404_page_of_its_variant() {
        let dir = tempfile::tempdir().unwrap();
        let site = site(dir.path(), &[("404.html", "standard 404"), ("lettlest/404.html", "lettlest 404")]);
        let snapshot = Snapshot { site: Some(site), ..Snapshot::default() };
        let body = |path: &str| {
            let response = not_found(&snapshot, path);
            assert_eq!(response.status, 404);
            response.body
        };
        assert!(body("/lettlest/finnes/ikke/").starts_with(b"lettlest 404"));
        assert!(body("/finnes-ikke").starts_with(b"standard 404"));
        assert!(body("/../lettlest/x").starts_with(b"standard 404"));
    }

    #[test]
    fn only_its_own_address_is_answered() {
        let local = Hosts::new(IpAddr::from([127, 0, 0, 1]), 1111);
        for yes in ["127.0.0.1:1111", "localhost:1111", "LocalHost:1111", "[::1]:1111", "127.0.0.2:1111"] {
            assert!(local.allows(yes), "{yes}");
        }
        for no in
            ["evil.example:1111", "localhost", "127.0.0.1", "127.0.0.1:80", "192.168.1.5:1111", "", "x.localhost:1111"]
        {
            assert!(!local.allows(no), "{no}");
        }
        let network = Hosts::new(IpAddr::from([192, 168, 1, 5]), 1111);
        assert!(network.allows("192.168.1.5:1111") && network.allows("localhost:1111"));
        assert!(!network.allows("192.168.1.6:1111") && !network.allows("preview.example:1111"));
        let everywhere = Hosts::new(IpAddr::from([0, 0, 0, 0]), 1111);
        assert!(everywhere.allows("10.0.0.7:1111") && !everywhere.allows("rebound.example:1111"));
    }

    #[test]
    fn text_types_say_utf_8() {
        assert_eq!(content_type(Path::new("a/style.css")), "text/css; charset=utf-8");
        assert_eq!(content_type(Path::new("data/providers.json")), "application/json; charset=utf-8");
        assert_eq!(content_type(Path::new("logo.png")), "image/png");
        assert_eq!(content_type(Path::new("chart.svg")), "image/svg+xml; charset=utf-8");
    }
}
