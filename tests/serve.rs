//! `brukervalg serve`, used as an editor would: open a page, save a change,
//! see it; save a broken file, see what is wrong; fix it, see the page
//! again. Plus the server's duties: 404s, no way out of the site, and a
//! clean stop on Ctrl-C.
//!
//! Every wait is bounded: the machine running the tests may be busy, so
//! the limits are generous, but nothing can hang the suite.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use common::{TODAY, TestSite};

const PROVIDER_PAGE: &str = "/tjenester/praktisk-bistand/alfa-omsorg/";
const PROFILE: &str = "providers/praktisk-bistand/alfa-omsorg.yaml";
/// Long enough for a first build on a loaded 2-core machine.
const PATIENCE: Duration = Duration::from_secs(120);

struct Served {
    child: Child,
    /// host:port
    address: String,
    stderr: Receiver<String>,
    /// Kept, so serve's output has a reader for as long as it runs.
    _stdout: Receiver<String>,
}

impl Served {
    /// Starts `serve` on a free port with `TMPDIR` set to `temp`, so the
    /// test can see the private build folder come and go.
    fn start(site: &TestSite, temp: &Path) -> Served {
        let mut child = Command::new(env!("CARGO_BIN_EXE_brukervalg"))
            .args(["serve", "--port", "0", "--today", TODAY, "--root"])
            .arg(site.root())
            .env("TMPDIR", temp)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start brukervalg serve");
        let stdout = lines(child.stdout.take().unwrap());
        let stderr = lines(child.stderr.take().unwrap());
        let deadline = Instant::now() + PATIENCE;
        let address = loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let line = stdout.recv_timeout(left).expect("serve never said where it serves");
            if let Some(rest) = line.split_once("http://").map(|(_, rest)| rest) {
                break rest.split('/').next().unwrap().to_string();
            }
        };
        Served { child, address, stderr, _stdout: stdout }
    }

    fn get(&self, path: &str) -> Response {
        get(&self.address, path)
    }

    /// Fetches `path` until `ready` holds, or fails after `PATIENCE`.
    fn wait_for(&self, path: &str, what: &str, ready: impl Fn(&Response) -> bool) -> Response {
        let deadline = Instant::now() + PATIENCE;
        loop {
            let response = self.get(path);
            if ready(&response) {
                return response;
            }
            assert!(
                Instant::now() < deadline,
                "{what}: {path} never got there; last answer {}:\n{}\nserve said:\n{}",
                response.status,
                response.body,
                self.stderr.try_iter().collect::<Vec<_>>().join("\n")
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn lines(stream: impl Read + Send + 'static) -> Receiver<String> {
    let (sender, receiver) = channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stream).lines().map_while(Result::ok) {
            if sender.send(line).is_err() {
                break;
            }
        }
    });
    receiver
}

struct Response {
    status: u16,
    head: String,
    body: String,
}

/// A plain HTTP/1.1 GET written by hand, so the path reaches the server
/// exactly as written (clients tidy `..` away before sending).
fn get(address: &str, path: &str) -> Response {
    get_as(address, address, path)
}

fn header<'a>(response: &'a Response, name: &str) -> Option<&'a str> {
    response.head.lines().find_map(|line| {
        let (key, value) = line.split_once(':')?;
        key.eq_ignore_ascii_case(name).then(|| value.trim())
    })
}

fn is_overlay(response: &Response) -> bool {
    response.body.contains("Nettstedet kunne ikke bygges")
}

#[test]
fn an_editor_sees_each_save_and_each_mistake_in_the_browser() {
    let site = TestSite::minimal();
    let temp = tempfile::tempdir().unwrap();
    let served = Served::start(&site, temp.path());

    let page = served.get(PROVIDER_PAGE);
    assert_eq!(page.status, 200, "{}", page.body);
    assert_eq!(header(&page, "Content-Type"), Some("text/html; charset=utf-8"));
    assert!(page.body.contains("Et privat firma."));
    assert!(page.body.contains("/__brukervalg/reload.js"), "pages carry the reload script");
    let script = served.get("/__brukervalg/reload.js");
    assert_eq!(header(&script, "Content-Type"), Some("text/javascript; charset=utf-8"));
    assert!(script.body.contains("EventSource"));

    site.edit(PROFILE, "description: Et privat firma.", "description: Et privat firma med lang erfaring.");
    served.wait_for(PROVIDER_PAGE, "the edit", |r| r.body.contains("Et privat firma med lang erfaring."));

    site.edit(PROFILE, "org_number: \"974123452\"", "org_number: \"974123453\"");
    let overlay = served.wait_for(PROVIDER_PAGE, "the overlay", is_overlay);
    assert!(overlay.body.contains("<html lang=\"nb\">"), "in the site's language");
    assert!(overlay.body.contains(&format!("{PROFILE}:2:")), "the finding's file and line:\n{}", overlay.body);
    assert!(overlay.body.contains("Hjelp:"));
    assert!(is_overlay(&served.get("/lettlest/")), "every page shows it");
    let last_good = served.get(&format!("{PROVIDER_PAGE}?brukervalg=last-good"));
    assert!(last_good.body.contains("Et privat firma med lang erfaring."), "the last good site stays behind it");
    let style = served.get("/assets/style.css");
    assert_eq!((style.status, header(&style, "Content-Type")), (200, Some("text/css; charset=utf-8")));

    site.edit(PROFILE, "org_number: \"974123453\"", "org_number: \"974123452\"");
    let fixed = served.wait_for(PROVIDER_PAGE, "the fix", |r| r.status == 200 && !is_overlay(r));
    assert_eq!(fixed.status, 200);
    assert!(fixed.body.contains("Et privat firma med lang erfaring."));
}

#[test]
fn serves_every_variant_folders_and_404s_and_nothing_outside_the_site() {
    let site = TestSite::minimal();
    let temp = tempfile::tempdir().unwrap();
    std::fs::write(temp.path().join("secret.txt"), "root:x:0:0").unwrap();
    let served = Served::start(&site, temp.path());

    for variant in ["/", "/lettlest/", "/stor-skrift/", "/stor-skrift/lettlest/"] {
        let page = served.get(variant);
        assert_eq!(page.status, 200, "{variant}");
        assert!(page.body.starts_with("<!DOCTYPE html>"), "{variant}");
    }
    let without_slash = served.get("/lettlest");
    assert_eq!((without_slash.status, header(&without_slash, "Location")), (301, Some("/lettlest/")));

    let standard = served.get("/finnes-ikke");
    let plain = served.get("/lettlest/finnes-ikke/");
    for missing in [&standard, &plain] {
        assert_eq!(missing.status, 404);
        assert!(missing.body.starts_with("<!DOCTYPE html>"), "the site's own 404 page:\n{}", missing.body);
        assert!(missing.body.contains("/__brukervalg/reload.js"));
    }
    assert_ne!(standard.body, plain.body, "each variant has its own 404 page");

    for escape in [
        "/../secret.txt",
        "/../../secret.txt",
        "/%2e%2e/%2e%2e/secret.txt",
        "/lettlest/..%2f..%2f..%2fsecret.txt",
        "/..%5c..%5csecret.txt",
        "/../../../../../../../../etc/passwd",
    ] {
        let answer = served.get(escape);
        assert_eq!(answer.status, 404, "{escape}");
        assert!(!answer.body.contains("root:"), "{escape} leaked a file");
    }
}

#[test]
fn ctrl_c_stops_it_and_removes_its_build_folder() {
    let site = TestSite::minimal();
    let temp = tempfile::tempdir().unwrap();
    let mut served = Served::start(&site, temp.path());
    assert_eq!(served.get("/").status, 200);
    assert!(std::fs::read_dir(temp.path()).unwrap().next().is_some(), "serve builds into the temporary folder");

    let pid = served.child.id().to_string();
    assert!(Command::new("kill").args(["-INT", &pid]).status().unwrap().success());
    let deadline = Instant::now() + Duration::from_secs(30);
    let status = loop {
        if let Some(status) = served.child.try_wait().unwrap() {
            break status;
        }
        assert!(Instant::now() < deadline, "serve did not stop on SIGINT");
        std::thread::sleep(Duration::from_millis(50));
    };
    assert_eq!(status.code(), Some(130));
    let left: Vec<_> = std::fs::read_dir(temp.path()).unwrap().map(|e| e.unwrap().path()).collect();
    assert!(left.is_empty(), "left behind: {left:?}");
    assert!(!site.root().join("output").exists(), "serve never writes output/");
}

#[test]
fn input_folders_made_or_replaced_while_serving_are_watched_too() {
    let site = TestSite::minimal();
    assert!(!site.root().join("surveys").exists(), "the fixture starts without surveys");
    let temp = tempfile::tempdir().unwrap();
    let served = Served::start(&site, temp.path());
    assert_eq!(served.get(PROVIDER_PAGE).status, 200);

    // A folder made after serve started: its first files, then a change in it.
    common::copy_tree(&common::project_root().join("tests/fixtures/survey"), &site.root().join("surveys"));
    served.wait_for(PROVIDER_PAGE, "the new survey", |r| r.body.contains("Antall som svarte: 12"));
    site.edit("surveys/tilfredshet-2026.csv", "alfa-omsorg,respekt,12,5.1", "alfa-omsorg,respekt,13,5.1");
    site.edit("surveys/tilfredshet-2026.csv", "alfa-omsorg,helhet,12,4.9", "alfa-omsorg,helhet,13,4.9");
    served.wait_for(PROVIDER_PAGE, "a change inside the new folder", |r| r.body.contains("Antall som svarte: 13"));

    // providers/ replaced wholesale, as `rm -rf providers && cp -a … providers` does.
    let copy = site.root().join("providers-ny");
    common::copy_tree(&site.root().join("providers"), &copy);
    std::fs::remove_dir_all(site.root().join("providers")).unwrap();
    std::fs::rename(&copy, site.root().join("providers")).unwrap();
    site.edit(PROFILE, "description: Et privat firma.", "description: Et privat firma fra i dag.");
    served.wait_for(PROVIDER_PAGE, "the replaced folder", |r| r.body.contains("Et privat firma fra i dag."));
    site.edit(PROFILE, "description: Et privat firma fra i dag.", "description: Et privat firma i den nye mappen.");
    served.wait_for(PROVIDER_PAGE, "a change inside the replaced folder", |r| {
        r.body.contains("Et privat firma i den nye mappen.")
    });
}

/// A GET with the `Host:` header a browser would send for `host`.
fn get_as(address: &str, host: &str, path: &str) -> Response {
    let mut stream = TcpStream::connect(address).expect("connect to serve");
    stream.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
    write!(stream, "GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n").unwrap();
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).expect("read the answer");
    let raw = String::from_utf8_lossy(&raw).into_owned();
    let (head, body) = raw.split_once("\r\n\r\n").unwrap_or((&raw, ""));
    let status = head.split_whitespace().nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
    Response { status, head: head.to_string(), body: body.to_string() }
}

#[test]
fn only_requests_for_its_own_address_are_answered() {
    let site = TestSite::minimal();
    let temp = tempfile::tempdir().unwrap();
    let served = Served::start(&site, temp.path());
    let port = served.address.rsplit(':').next().unwrap().to_string();
    for host in [format!("127.0.0.1:{port}"), format!("localhost:{port}"), format!("[::1]:{port}")] {
        assert_eq!(get_as(&served.address, &host, "/").status, 200, "{host}");
    }
    // A page elsewhere whose name was made to point at 127.0.0.1.
    for host in [format!("rebound.example:{port}"), "localhost".to_string(), format!("localhost:{port}0")] {
        let answer = get_as(&served.address, &host, PROVIDER_PAGE);
        assert_eq!(answer.status, 421, "{host}");
        assert!(!answer.body.contains("Alfa"), "{host} read the preview");
        assert_eq!(get_as(&served.address, &host, "/__brukervalg/events").status, 421, "{host}");
    }
}

/// Opens a reload stream and reads its first answer.
fn open_stream(address: &str) -> (TcpStream, String) {
    let mut stream = TcpStream::connect(address).expect("connect to serve");
    stream.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
    write!(stream, "GET /__brukervalg/events HTTP/1.1\r\nHost: {address}\r\n\r\n").unwrap();
    let mut first = vec![0; 512];
    let read = stream.read(&mut first).expect("the stream's first answer");
    (stream, String::from_utf8_lossy(&first[..read]).into_owned())
}

fn threads(pid: u32) -> usize {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    status.lines().find_map(|l| l.strip_prefix("Threads:")).unwrap().trim().parse().unwrap()
}

#[test]
fn reload_streams_are_capped_and_cost_no_thread_of_their_own() {
    const MAX_STREAMS: usize = 64;
    let site = TestSite::minimal();
    let temp = tempfile::tempdir().unwrap();
    let served = Served::start(&site, temp.path());
    // Answered only once the request threads are there: they are counted
    // in `before`, not as the streams' cost.
    assert_eq!(served.get("/").status, 200);
    let before = threads(served.child.id());
    let open: Vec<(TcpStream, String)> = (0..MAX_STREAMS).map(|_| open_stream(&served.address)).collect();
    for (_, first) in &open {
        assert!(first.starts_with("HTTP/1.1 200") && first.contains("text/event-stream"), "{first}");
    }
    // One thread writes every stream, and connections are read by a fixed
    // pool: the streams add no thread (a thread per connection added 64).
    // A few more may be the watcher's and a build's, started meanwhile.
    let during = threads(served.child.id());
    assert!(during <= before + 8, "{before} threads before, {during} with {MAX_STREAMS} streams");
    let (_, refused) = open_stream(&served.address);
    assert!(refused.starts_with("HTTP/1.1 503"), "one stream too many:\n{refused}");

    // The open streams still hear of a build.
    site.edit(PROFILE, "description: Et privat firma.", "description: Et privat firma med lang erfaring.");
    for (mut stream, first) in open.into_iter().take(3) {
        let tag = first.rsplit("data: ").next().unwrap().trim().to_string();
        let mut more = vec![0; 256];
        let read = stream.read(&mut more).expect("a build's news");
        let news = String::from_utf8_lossy(&more[..read]).into_owned();
        assert!(news.starts_with("data: ") && !news.contains(&tag), "{news}");
    }
}

#[test]
fn idle_connections_cost_no_thread_and_pages_are_still_served() {
    let site = TestSite::minimal();
    let temp = tempfile::tempdir().unwrap();
    let served = Served::start(&site, temp.path());
    assert_eq!(served.get("/").status, 200);
    let before = threads(served.child.id());
    // Connections that never send a request, as a flood would open them.
    let idle: Vec<TcpStream> = (0..300).map(|_| TcpStream::connect(&served.address).unwrap()).collect();
    std::thread::sleep(Duration::from_millis(500));
    let during = threads(served.child.id());
    assert!(during <= before + 8, "{before} threads before, {during} with {} idle connections", idle.len());
    drop(idle);
    // The idle ones are let go after a few seconds; pages are served again.
    let deadline = std::time::Instant::now() + Duration::from_secs(30);
    while served.get("/").status != 200 {
        assert!(std::time::Instant::now() < deadline, "pages are not served after the idle connections closed");
        std::thread::sleep(Duration::from_millis(200));
    }
}

#[test]
fn private_folders_of_killed_serves_are_removed_at_start_and_no_others() {
    let site = TestSite::minimal();
    let temp = tempfile::tempdir().unwrap();
    // No process has this id (above the kernel's largest, 2^22).
    let dead = temp.path().join("brukervalg-serve-4999999-abc123");
    let alive = temp.path().join(format!("brukervalg-serve-{}-def456", std::process::id()));
    let unnamed = temp.path().join("brukervalg-serve-Xy12Ab");
    for folder in [&dead, &alive, &unnamed] {
        std::fs::create_dir_all(folder.join("a/b")).unwrap();
        std::fs::write(folder.join("a/b/index.html"), "x").unwrap();
    }
    let served = Served::start(&site, temp.path());
    assert_eq!(served.get("/").status, 200);
    assert!(!dead.exists(), "the folder of a killed serve stays behind");
    assert!(alive.exists() && unnamed.exists(), "a live or unknown folder was removed");
    let own = std::fs::read_dir(temp.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .find(|n| n.starts_with(&format!("brukervalg-serve-{}-", served.child.id())));
    assert!(own.is_some(), "serve's own folder is named with its process id");
}
