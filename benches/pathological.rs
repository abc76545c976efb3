//! Tagging time per byte of each pathological input of issue 6 against the
//! same number of bytes of ordinary news text (`benches/texts/news.txt`,
//! repeated). No input may be more than 5 times slower per byte.
//!
//! ```text
//! cargo bench --bench pathological            # criterion, then the ratios
//! cargo bench --bench pathological -- us_x    # only inputs matching "us_x"
//! ```
//!
//! The inputs are generated at full size (5 MB without punctuation,
//! 200,000 × "U.S. ", 100,000 names, 1 MB of one char, ...) by
//! `tests/pathological_inputs.rs`, which the tests share at a smaller size.
//! After criterion's own report, a table gives for each input the best of
//! five timed runs of both texts and their ratio, and the bench exits with
//! status 1 when a ratio is above 5.

use std::time::{Duration, Instant};

use attribution_tagger::Tagger;
use criterion::{black_box, BenchmarkId, Criterion, Throughput};

#[path = "../tests/pathological_inputs.rs"]
mod inputs;

/// The most a pathological input may cost per byte, relative to news.
const MAX_RATIO: f64 = 5.0;

/// Ordinary news text of `len` bytes (cut on a char boundary).
fn news(len: usize) -> String {
    let base = include_str!("texts/news.txt");
    let mut s = base.repeat(len / base.len() + 1);
    let mut end = len.min(s.len());
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    s.truncate(end);
    s
}

/// The best of `runs` timings of tagging `text`.
fn best_of(tagger: &Tagger, text: &str, runs: usize) -> Duration {
    (0..runs)
        .map(|_| {
            let now = Instant::now();
            black_box(tagger.tag(black_box(text)));
            now.elapsed()
        })
        .min()
        .unwrap_or_default()
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let testing = args.iter().any(|a| a == "--test");
    let filter = args.iter().find(|a| !a.starts_with('-')).cloned();
    let tagger = Tagger::new();
    let inputs: Vec<(String, String)> = inputs::all(1)
        .into_iter()
        .filter(|(name, _)| filter.as_ref().map_or(true, |f| name.contains(f.as_str())))
        .collect();

    let mut c = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .configure_from_args();
    for (name, text) in &inputs {
        let mut g = c.benchmark_group(format!("pathological/{name}"));
        g.throughput(Throughput::Bytes(text.len() as u64));
        let plain = news(text.len());
        g.bench_with_input(BenchmarkId::new("input", text.len()), text, |b, t| {
            b.iter(|| tagger.tag(black_box(t)))
        });
        g.bench_with_input(BenchmarkId::new("news", plain.len()), &plain, |b, t| {
            b.iter(|| tagger.tag(black_box(t)))
        });
        g.finish();
    }
    c.final_summary();
    if testing {
        return;
    }

    println!();
    println!(
        "{:<28} {:>10} {:>12} {:>12} {:>7}",
        "input", "bytes", "input MB/s", "news MB/s", "ratio"
    );
    let mut worst: f64 = 0.0;
    for (name, text) in &inputs {
        let plain = news(text.len());
        let t_in = best_of(&tagger, text, 5).as_secs_f64();
        let t_news = best_of(&tagger, &plain, 5).as_secs_f64();
        let mbs = |t: f64| text.len() as f64 / t / 1e6;
        let ratio = t_in / t_news;
        worst = worst.max(ratio);
        println!(
            "{name:<28} {:>10} {:>12.1} {:>12.1} {:>7.2}{}",
            text.len(),
            mbs(t_in),
            mbs(t_news),
            ratio,
            if ratio > MAX_RATIO {
                "  > 5: TOO SLOW"
            } else {
                ""
            }
        );
    }
    println!("worst ratio: {worst:.2} (limit {MAX_RATIO})");
    if worst > MAX_RATIO {
        std::process::exit(1);
    }
}
