//! The reload streams: each open page keeps one Server-Sent Events
//! connection, told the build's tag at once and again after each build.
//! All of them are written by one thread, and there are at most
//! `MAX_STREAMS`: a page left open costs a few bytes, not a thread, and a
//! flood of connections gets 503 instead of exhausting the machine.

use std::io::Write;
use std::net::TcpStream;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
use std::time::{Duration, Instant};

use super::state::State;

/// More than an editor has tabs open; browsers allow six connections per
/// server anyway, so a page beyond that waits in the browser.
pub const MAX_STREAMS: usize = 64;
/// An idle stream gets a comment this often, which is how a closed tab is
/// noticed and its place freed.
const KEEP_ALIVE: Duration = Duration::from_secs(10);

const HEAD: &str =
    "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n";
const TOO_MANY: &str = "Too many open pages; close a few tabs.\n";

/// The answer beyond `MAX_STREAMS`, which closes the connection.
fn refusal() -> String {
    format!(
        "HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: {}\r\n\
         Cache-Control: no-store\r\nConnection: close\r\n\r\n{TOO_MANY}",
        TOO_MANY.len()
    )
}

enum Event {
    Open(TcpStream),
    Built,
}

/// Hands event requests to the thread that writes every stream.
pub struct Streams {
    sender: Sender<Event>,
}

impl Streams {
    /// Starts the writing thread, and one that waits for builds.
    pub fn start(state: Arc<State>) -> Streams {
        let (sender, events) = channel();
        let builds = sender.clone();
        let watched = Arc::clone(&state);
        std::thread::spawn(move || {
            let mut seen = watched.snapshot().generation;
            loop {
                let now = watched.wait_for_change(seen, Duration::from_secs(3600));
                if now != seen && builds.send(Event::Built).is_err() {
                    return;
                }
                seen = now;
            }
        });
        std::thread::spawn(move || write_streams(&events, &state));
        Streams { sender }
    }

    pub fn open(&self, connection: TcpStream) {
        // Only fails once the writing thread is gone, with the process.
        let _ = self.sender.send(Event::Open(connection));
    }
}

/// Sent as Server-Sent Events, written to each connection directly.
fn write_streams(events: &Receiver<Event>, state: &State) {
    let mut streams: Vec<TcpStream> = Vec::new();
    let mut next_keep_alive = Instant::now() + KEEP_ALIVE;
    loop {
        match events.recv_timeout(next_keep_alive.saturating_duration_since(Instant::now())) {
            Ok(Event::Open(mut writer)) => {
                // One slow reader must not hold up the others' news.
                let _ = writer.set_write_timeout(Some(Duration::from_secs(1)));
                if streams.len() >= MAX_STREAMS {
                    let _ = send(&mut writer, &refusal());
                    continue;
                }
                let first = format!("{HEAD}retry: 1000\ndata: {}\n\n", state.snapshot().tag());
                if send(&mut writer, &first).is_ok() {
                    streams.push(writer);
                }
            }
            Ok(Event::Built) => broadcast(&mut streams, &format!("data: {}\n\n", state.snapshot().tag())),
            Err(RecvTimeoutError::Timeout) => {
                broadcast(&mut streams, ": still here\n\n");
                next_keep_alive = Instant::now() + KEEP_ALIVE;
            }
            Err(RecvTimeoutError::Disconnected) => return,
        }
    }
}

/// Sends `message` to every stream, dropping those whose page has gone.
fn broadcast(streams: &mut Vec<TcpStream>, message: &str) {
    streams.retain_mut(|writer| send(writer, message).is_ok());
}

fn send(writer: &mut TcpStream, message: &str) -> std::io::Result<()> {
    writer.write_all(message.as_bytes())?;
    writer.flush()
}
