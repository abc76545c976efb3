//! Throughput of each stage and of the whole pipeline, and the time to build
//! the default tagger.
//!
//! ```text
//! cargo bench --bench pipeline
//! ATTRIBUTION_TAGGER_CORPUS=../shared/bench/news.jsonl cargo bench --bench pipeline
//! ```
//!
//! The corpus is `ATTRIBUTION_TAGGER_CORPUS` when set: a JSON Lines file of
//! `{"text": ...}` objects (lines without a string `text` are skipped), or
//! any other file as one document. Otherwise it is the invented articles of
//! `benches/texts/news.txt` (separated by `---` lines), repeated with small
//! variations to about 512 KB. Throughput is in bytes of text.

use attribution_tagger::{ClaimContext, SentenceSplitter, Tagger};
use criterion::{black_box, criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

const WEEKDAYS: [&str; 5] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];

fn corpus() -> Vec<String> {
    if let Ok(path) = std::env::var("ATTRIBUTION_TAGGER_CORPUS") {
        let data = std::fs::read(&path).expect("read ATTRIBUTION_TAGGER_CORPUS");
        if !path.ends_with(".jsonl") {
            return vec![String::from_utf8_lossy(&data).into_owned()];
        }
        return data
            .split(|&b| b == b'\n')
            .filter_map(|l| serde_json::from_slice::<serde_json::Value>(l).ok())
            .filter_map(|v| v.get("text").and_then(|t| t.as_str()).map(str::to_owned))
            .collect();
    }
    let articles: Vec<&str> = include_str!("texts/news.txt")
        .split("\n---\n")
        .map(str::trim)
        .filter(|a| !a.is_empty())
        .collect();
    let mut docs = Vec::new();
    let mut bytes = 0;
    let mut round = 0;
    while bytes < 512 * 1024 {
        for (i, a) in articles.iter().enumerate() {
            // Vary the weekday and the figures so repeats are not identical.
            let day = WEEKDAYS[(round + i) % WEEKDAYS.len()];
            let mut doc = a.to_string();
            for w in WEEKDAYS {
                doc = doc.replace(w, day);
            }
            doc = doc.replace(" about ", &format!(" about {} or ", round + 2));
            bytes += doc.len();
            docs.push(doc);
        }
        round += 1;
    }
    docs
}

fn total_bytes(docs: &[String]) -> u64 {
    docs.iter().map(|d| d.len() as u64).sum()
}

fn stages(c: &mut Criterion) {
    let docs = corpus();
    let mut g = c.benchmark_group("stages");
    g.throughput(Throughput::Bytes(total_bytes(&docs)));
    g.sample_size(10);
    let splitter = SentenceSplitter::new();
    g.bench_function("split", |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| splitter.split(black_box(d)).len())
                .sum::<usize>()
        })
    });
    let tagger = Tagger::new();
    let gazetteer = tagger.gazetteer();
    g.bench_function("entities", |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| gazetteer.find_all(black_box(d)).len())
                .sum::<usize>()
        })
    });
    // The gazetteer as the pipeline calls it: once per sentence.
    let split: Vec<_> = docs.iter().map(|d| splitter.split(d)).collect();
    g.bench_function("entities_by_sentence", |b| {
        b.iter(|| {
            let mut n = 0;
            for (d, sentences) in docs.iter().zip(&split) {
                for s in sentences {
                    n += gazetteer.find_all(black_box(s.as_str(d))).len();
                }
            }
            n
        })
    });
    // The claim stage alone, on sentences and mentions found beforehand.
    let prepared: Vec<_> = docs
        .iter()
        .map(|d| {
            let sentences = splitter.split(d);
            let mentions: Vec<_> = sentences
                .iter()
                .map(|s| {
                    let mut m = gazetteer.find_all(s.as_str(d));
                    for x in &mut m {
                        x.span.start += s.start;
                        x.span.end += s.start;
                    }
                    m
                })
                .collect();
            (d, sentences, mentions)
        })
        .collect();
    let claims = tagger.claim_tagger();
    g.bench_function("claims", |b| {
        b.iter(|| {
            let mut n = 0;
            for (d, sentences, mentions) in &prepared {
                // As the pipeline does: context carried across sentences.
                let mut context = ClaimContext::default();
                for (i, (&s, m)) in sentences.iter().zip(mentions).enumerate() {
                    n += claims
                        .tag_sentence_in(&mut context, black_box(d), i, s, m)
                        .len();
                }
            }
            n
        })
    });
    g.bench_function("pipeline", |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| tagger.tag(black_box(d)).claims.len())
                .sum::<usize>()
        })
    });
    // What `tag --jsonl` does per document besides reading: tag and write
    // the JSON line.
    let mut out = Vec::with_capacity(64 << 20);
    g.bench_function("pipeline_json", |b| {
        b.iter(|| {
            out.clear();
            for d in &docs {
                serde_json::to_writer(&mut out, &tagger.tag(black_box(d))).unwrap();
                out.push(b'\n');
            }
            out.len()
        })
    });
    g.finish();
}

/// `Tagger::tag_many` on 1, 2 and all cores: the parallel speed-up.
fn parallel(c: &mut Criterion) {
    let docs = corpus();
    let tagger = Tagger::new();
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mut counts = vec![1, 2];
    if cores > 2 {
        counts.push(cores);
    }
    let mut g = c.benchmark_group("tag_many");
    g.throughput(Throughput::Bytes(total_bytes(&docs)));
    g.sample_size(10);
    for threads in counts {
        g.bench_with_input(BenchmarkId::from_parameter(threads), &threads, |b, &t| {
            b.iter(|| tagger.tag_many_with_threads(black_box(&docs), t).len())
        });
    }
    g.finish();
}

/// Building the default tagger from the embedded gazetteers (what the first
/// `Tagger::new()` of a process pays; later calls clone the cached one).
fn build(c: &mut Criterion) {
    let mut g = c.benchmark_group("build");
    g.sample_size(10);
    // The default claim tagger is built once per process and cached, so
    // `default_tagger` times the gazetteer and the assembly only; what the
    // first `Tagger::new()` of a process pays is the sum of the two.
    g.bench_function("default_tagger", |b| {
        b.iter(|| Tagger::builder().build().unwrap())
    });
    g.bench_function("claim_tagger", |b| {
        b.iter(|| attribution_tagger::ClaimTagger::builder().build().unwrap())
    });
    g.finish();
}

criterion_group!(benches, stages, parallel, build);
criterion_main!(benches);
