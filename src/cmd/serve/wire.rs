//! HTTP/1.1 on the wire, as much as a preview on one's own machine needs:
//! one request per connection (every answer says `Connection: close`), its
//! head parsed by httparse, answered by a small fixed pool of threads. A
//! flood of connections, idle ones included, costs a place in a short
//! queue or a 503, never a thread each (as a thread per connection did:
//! 3,000 connections, 6,000 threads).

use std::io::{self, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::mpsc::{Receiver, TrySendError, sync_channel};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// Threads that read requests and send files. Event streams are handed to
/// the streams thread, so these are busy only while a file is sent.
pub const WORKERS: usize = 4;
/// Connections accepted but not yet read; beyond, a connection gets 503.
const QUEUE: usize = 64;
/// A browser's request head is a few hundred bytes.
const HEAD_LIMIT: usize = 16 * 1024;
/// A connection that says nothing for this long is closed, so an idle one
/// holds a worker briefly at most.
const READ_TIMEOUT: Duration = Duration::from_secs(5);
/// A reader that stops reading is dropped rather than waited for.
const WRITE_TIMEOUT: Duration = Duration::from_secs(10);

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Method {
    Get,
    Head,
    Other,
}

/// One request's head, and the connection to answer on.
pub struct Request {
    pub method: Method,
    /// The path and query as sent (`/lettlest/?a=b`).
    pub target: String,
    pub host: Option<String>,
    stream: TcpStream,
}

/// A whole answer, body in memory.
pub struct Response {
    pub status: u16,
    headers: Vec<(&'static str, String)>,
    pub body: Vec<u8>,
}

impl Response {
    /// Every answer is marked not to be cached: the next build may change it.
    pub fn new(status: u16, body: Vec<u8>, content_type: &str) -> Response {
        let headers = vec![("Content-Type", content_type.to_string()), ("Cache-Control", "no-store".to_string())];
        Response { status, headers, body }
    }

    pub fn with_header(mut self, name: &'static str, value: &str) -> Response {
        // Values are ours or an already-parsed request path; a line break
        // would start a header of its own.
        self.headers.push((name, value.replace(['\r', '\n'], "")));
        self
    }

    fn head(&self) -> String {
        let mut head = format!("HTTP/1.1 {} {}\r\n", self.status, reason(self.status));
        for (name, value) in &self.headers {
            head.push_str(&format!("{name}: {value}\r\n"));
        }
        head.push_str(&format!("Content-Length: {}\r\nConnection: close\r\n\r\n", self.body.len()));
        head
    }
}

impl Request {
    pub fn respond(mut self, response: Response) -> io::Result<()> {
        self.stream.write_all(response.head().as_bytes())?;
        if self.method != Method::Head {
            self.stream.write_all(&response.body)?;
        }
        self.stream.flush()
    }

    /// The connection, to keep open and write to (the reload events).
    pub fn into_stream(self) -> TcpStream {
        self.stream
    }
}

/// Accepts connections until the listener fails, each answered by `handle`
/// on one of `WORKERS` threads.
pub fn accept(listener: &TcpListener, handle: impl Fn(Request) + Send + Sync + 'static) {
    let (queue, waiting) = sync_channel::<TcpStream>(QUEUE);
    let waiting = Arc::new(Mutex::new(waiting));
    let handle = Arc::new(handle);
    for _ in 0..WORKERS {
        let (waiting, handle) = (Arc::clone(&waiting), Arc::clone(&handle));
        std::thread::spawn(move || work(&waiting, &*handle));
    }
    for stream in listener.incoming() {
        let Ok(stream) = stream else { continue };
        if let Err(TrySendError::Full(mut stream)) = queue.try_send(stream) {
            let _ = stream.set_write_timeout(Some(Duration::from_secs(1)));
            let refusal = Response::new(503, b"Busy; try again.\n".to_vec(), "text/plain; charset=utf-8");
            let _ = stream.write_all(refusal.head().as_bytes()).and_then(|()| stream.write_all(&refusal.body));
        }
    }
}

fn work(waiting: &Mutex<Receiver<TcpStream>>, handle: &(dyn Fn(Request) + Send + Sync)) {
    loop {
        // The lock is held only while taking the next connection.
        let next = waiting.lock().unwrap_or_else(std::sync::PoisonError::into_inner).recv();
        let Ok(stream) = next else { return };
        match read_request(stream) {
            Ok(request) => handle(request),
            Err(Some(mut stream)) => {
                let bad = Response::new(400, b"Bad request.\n".to_vec(), "text/plain; charset=utf-8");
                let _ = stream.write_all(bad.head().as_bytes()).and_then(|()| stream.write_all(&bad.body));
            }
            Err(None) => {}
        }
    }
}

/// Reads a request's head; `Err` with the connection when it is not
/// HTTP, without when the connection closed or fell silent.
fn read_request(mut stream: TcpStream) -> Result<Request, Option<TcpStream>> {
    let timeouts = stream.set_read_timeout(Some(READ_TIMEOUT)).and(stream.set_write_timeout(Some(WRITE_TIMEOUT)));
    if timeouts.is_err() {
        return Err(None);
    }
    let mut head = Vec::with_capacity(1024);
    let mut chunk = [0; 2048];
    loop {
        let read = match stream.read(&mut chunk) {
            Ok(0) | Err(_) => return Err(None),
            Ok(n) => n,
        };
        head.extend_from_slice(&chunk[..read]);
        let mut headers = [httparse::EMPTY_HEADER; 64];
        let mut parsed = httparse::Request::new(&mut headers);
        match parsed.parse(&head) {
            Ok(httparse::Status::Complete(_)) => {
                let method = match parsed.method {
                    Some("GET") => Method::Get,
                    Some("HEAD") => Method::Head,
                    _ => Method::Other,
                };
                let target = parsed.path.unwrap_or("/").to_string();
                let host = parsed
                    .headers
                    .iter()
                    .find(|h| h.name.eq_ignore_ascii_case("Host"))
                    .and_then(|h| std::str::from_utf8(h.value).ok())
                    .map(str::to_string);
                return Ok(Request { method, target, host, stream });
            }
            Ok(httparse::Status::Partial) if head.len() < HEAD_LIMIT => {}
            _ => return Err(Some(stream)),
        }
    }
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        301 => "Moved Permanently",
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        421 => "Misdirected Request",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A server answering every request with its method and target.
    fn echo() -> String {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let address = listener.local_addr().unwrap().to_string();
        std::thread::spawn(move || {
            accept(&listener, |request| {
                let body = format!("{:?} {} {:?}", request.method, request.target, request.host);
                let _ = request.respond(Response::new(200, body.into_bytes(), "text/plain"));
            })
        });
        address
    }

    fn exchange(address: &str, sent: &[u8]) -> String {
        let mut stream = TcpStream::connect(address).unwrap();
        stream.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
        stream.write_all(sent).unwrap();
        let mut answer = String::new();
        let _ = stream.read_to_string(&mut answer);
        answer
    }

    #[test]
    fn a_request_gets_one_whole_answer_and_the_connection_closes() {
        let address = echo();
        let answer = exchange(&address, b"GET /a/?b=c HTTP/1.1\r\nhost: localhost:1\r\n\r\n");
        assert!(answer.starts_with("HTTP/1.1 200 OK\r\n"), "{answer}");
        let body = r#"Get /a/?b=c Some("localhost:1")"#;
        let head = format!("Content-Length: {}\r\nConnection: close\r\n\r\n", body.len());
        assert!(answer.ends_with(&format!("{head}{body}")), "{answer}");
        let head = exchange(&address, b"HEAD / HTTP/1.1\r\nHost: x\r\n\r\n");
        assert!(head.ends_with("\r\n\r\n"), "a HEAD answer has no body: {head}");
    }

    #[test]
    fn what_is_not_http_is_a_bad_request() {
        let address = echo();
        assert!(exchange(&address, b"\x00\x01 not http\r\n\r\n").starts_with("HTTP/1.1 400"));
        let endless = [b"GET / HTTP/1.1\r\nX: ".as_slice(), &[b'a'; HEAD_LIMIT]].concat();
        assert!(exchange(&address, &endless).starts_with("HTTP/1.1 400"));
    }

    #[test]
    fn a_header_value_cannot_add_a_header() {
        let response = Response::new(301, Vec::new(), "text/plain").with_header("Location", "/a\r\nSet-Cookie: x");
        assert!(response.head().contains("Location: /aSet-Cookie: x\r\n"), "{}", response.head());
    }
}
