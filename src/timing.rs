//! Phase timings of a build on standard error, when `BRUKERVALG_TIMINGS`
//! is set: for finding where a rebuild's time goes, without a profiler.

use std::sync::OnceLock;
use std::time::Instant;

fn on() -> bool {
    static ON: OnceLock<bool> = OnceLock::new();
    *ON.get_or_init(|| std::env::var_os("BRUKERVALG_TIMINGS").is_some())
}

/// Runs `f`, printing how long it took under `label` when timings are on.
pub fn phase<T>(label: &str, f: impl FnOnce() -> T) -> T {
    if !on() {
        return f();
    }
    let started = Instant::now();
    let value = f();
    eprintln!("timing {label:<28} {:>8.1} ms", started.elapsed().as_secs_f64() * 1000.0);
    value
}
