//! The progress bar on standard error and the summary line.

use std::io::{self, Write};
use std::time::{Duration, Instant};

use crate::stream::Summary;

/// Redraws at most every `EVERY`.
const EVERY: Duration = Duration::from_millis(200);

/// A one-line progress bar on standard error: documents, MB, MB/s and, when
/// the input size is known, a bar with the percentage and the ETA.
#[derive(Debug)]
pub struct Progress {
    enabled: bool,
    start: Instant,
    last: Option<Instant>,
    total: Option<u64>,
    drawn: bool,
}

impl Progress {
    /// A bar that draws only when `enabled`; `total` is the input size in
    /// bytes when known.
    pub fn new(enabled: bool, total: Option<u64>) -> Progress {
        Progress {
            enabled,
            start: Instant::now(),
            last: None,
            total,
            drawn: false,
        }
    }

    /// Seconds since the start.
    pub fn elapsed(&self) -> f64 {
        self.start.elapsed().as_secs_f64()
    }

    /// Redraws with the counts so far (rate-limited).
    pub fn update(&mut self, documents: u64, bytes: u64) {
        if !self.enabled {
            return;
        }
        let now = Instant::now();
        if self.last.is_some_and(|t| now.duration_since(t) < EVERY) {
            return;
        }
        self.last = Some(now);
        let line = bar_line(documents, bytes, self.elapsed(), self.total);
        let mut err = io::stderr().lock();
        let _ = write!(err, "\r{line}\x1b[K");
        let _ = err.flush();
        self.drawn = true;
    }

    /// Erases the bar (before another message, or at the end).
    pub fn clear(&mut self) {
        if self.drawn {
            let mut err = io::stderr().lock();
            let _ = write!(err, "\r\x1b[K");
            let _ = err.flush();
            self.drawn = false;
            // Redraw on the next update.
            self.last = None;
        }
    }
}

fn mb(bytes: u64) -> f64 {
    bytes as f64 / 1e6
}

/// The text of the bar.
pub fn bar_line(documents: u64, bytes: u64, seconds: f64, total: Option<u64>) -> String {
    let rate = if seconds > 0.0 {
        mb(bytes) / seconds
    } else {
        0.0
    };
    let mut s = format!("{documents} documents, {:.1} MB, {rate:.1} MB/s", mb(bytes));
    if let Some(total) = total.filter(|&t| t > 0) {
        let frac = (bytes as f64 / total as f64).clamp(0.0, 1.0);
        let width = 24;
        let filled = (frac * width as f64).round() as usize;
        let eta = if rate > 0.0 {
            let left = mb(total.saturating_sub(bytes)) / rate;
            format!("ETA {}", clock(left))
        } else {
            "ETA ?".to_owned()
        };
        s = format!(
            "[{}{}] {:3.0}% {s}, {eta}",
            "#".repeat(filled),
            "-".repeat(width - filled),
            frac * 100.0
        );
    }
    s
}

/// `m:ss` or `h:mm:ss`.
fn clock(seconds: f64) -> String {
    let s = seconds.max(0.0).round() as u64;
    if s >= 3600 {
        format!("{}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60)
    } else {
        format!("{}:{:02}", s / 60, s % 60)
    }
}

/// The line written on standard error at the end of a `--jsonl` run.
pub fn summary_line(s: &Summary, seconds: f64) -> String {
    let rate = if seconds > 0.0 {
        mb(s.bytes) / seconds
    } else {
        0.0
    };
    format!(
        "tag: {} documents, {:.1} MB in {seconds:.2} s, {rate:.1} MB/s, {} with claims, {} error lines",
        s.documents,
        mb(s.bytes),
        s.with_claims,
        s.errors
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bar_without_total_has_no_eta() {
        let line = bar_line(1200, 3_000_000, 2.0, None);
        assert_eq!(line, "1200 documents, 3.0 MB, 1.5 MB/s");
    }

    #[test]
    fn bar_with_total_has_percentage_and_eta() {
        let line = bar_line(10, 25_000_000, 5.0, Some(100_000_000));
        // 5 MB/s, 75 MB left: 15 s.
        assert!(
            line.starts_with("[######------------------]  25% "),
            "{line}"
        );
        assert!(line.ends_with("5.0 MB/s, ETA 0:15"), "{line}");
    }

    #[test]
    fn bar_is_clamped_when_input_grows() {
        let line = bar_line(10, 150, 1.0, Some(100));
        assert!(line.contains("100%"), "{line}");
    }

    #[test]
    fn clock_formats_hours() {
        assert_eq!(clock(3725.0), "1:02:05");
        assert_eq!(clock(59.6), "1:00");
    }

    #[test]
    fn summary_names_every_count() {
        let s = Summary {
            documents: 3,
            bytes: 2_500_000,
            with_claims: 1,
            errors: 2,
            written: 3,
        };
        assert_eq!(
            summary_line(&s, 0.5),
            "tag: 3 documents, 2.5 MB in 0.50 s, 5.0 MB/s, 1 with claims, 2 error lines"
        );
    }
}
