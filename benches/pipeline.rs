//! Throughput of each stage and of the whole pipeline.
//!
//! Set `ATTRIBUTION_TAGGER_CORPUS` to a JSON Lines file of `{"text": ...}`
//! objects (such as a news corpus) to measure on it; the default is the
//! bench text in `benches/texts/`.

use attribution_tagger::{SentenceSplitter, Tagger};
use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};

fn corpus() -> Vec<String> {
    if let Ok(path) = std::env::var("ATTRIBUTION_TAGGER_CORPUS") {
        let data = std::fs::read_to_string(&path).expect("read ATTRIBUTION_TAGGER_CORPUS");
        return data
            .lines()
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .filter_map(|v| v.get("text").and_then(|t| t.as_str()).map(str::to_owned))
            .collect();
    }
    vec![include_str!("texts/news.txt").to_owned()]
}

fn stages(c: &mut Criterion) {
    let docs = corpus();
    let bytes: usize = docs.iter().map(|d| d.len()).sum();
    let mut g = c.benchmark_group("stages");
    g.throughput(Throughput::Bytes(bytes as u64));
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
    g.bench_function("pipeline", |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| tagger.tag(black_box(d)).claims.len())
                .sum::<usize>()
        })
    });
    g.finish();
}

fn build(c: &mut Criterion) {
    let mut g = c.benchmark_group("build");
    g.sample_size(10);
    g.bench_function("default_gazetteer", |b| {
        b.iter(|| attribution_tagger::Gazetteer::builder().build().unwrap())
    });
    g.finish();
}

criterion_group!(benches, stages, build);
criterion_main!(benches);
