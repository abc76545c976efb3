//! One stage of the crate on a JSON Lines corpus, for `benches/compare/`.
//!
//! ```text
//! cargo run --release --example compare_stage -- split|entities CORPUS.jsonl
//! ```
//!
//! Reads every `text` of the corpus into memory, then runs the stage once
//! over all of them on one thread and prints one JSON object: the stage,
//! documents, bytes of text, seconds spent in the stage (reading excluded),
//! the number of sentences or mentions found and, for `entities`, the count
//! per entity id. Mentions are found on whole documents, as flashtext and
//! spaCy's EntityRuler are run by `compare.py`.

use std::collections::BTreeMap;
use std::process::ExitCode;
use std::time::Instant;

use attribution_tagger::{SentenceSplitter, Tagger};
use serde_json::{json, Value};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [stage, path] = &args[..] else {
        eprintln!("usage: compare_stage split|entities CORPUS.jsonl");
        return ExitCode::from(2);
    };
    let data = match std::fs::read(path) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("compare_stage: {path}: {e}");
            return ExitCode::from(2);
        }
    };
    let texts: Vec<String> = data
        .split(|&b| b == b'\n')
        .filter_map(|l| serde_json::from_slice::<Value>(l).ok())
        .filter_map(|v| v.get("text").and_then(|t| t.as_str()).map(str::to_owned))
        .collect();
    drop(data);
    let bytes: usize = texts.iter().map(String::len).sum();
    let (seconds, count, by_id) = match stage.as_str() {
        "split" => {
            let splitter = SentenceSplitter::new();
            let t = Instant::now();
            let n: usize = texts.iter().map(|d| splitter.split(d).len()).sum();
            (t.elapsed().as_secs_f64(), n, None)
        }
        "entities" => {
            let tagger = Tagger::new();
            let gazetteer = tagger.gazetteer();
            let t = Instant::now();
            let found: Vec<_> = texts.iter().map(|d| gazetteer.find_all(d)).collect();
            let seconds = t.elapsed().as_secs_f64();
            let mut by_id: BTreeMap<&str, usize> = BTreeMap::new();
            for m in found.iter().flatten() {
                *by_id.entry(m.entity.id.as_ref()).or_default() += 1;
            }
            let n = found.iter().map(Vec::len).sum();
            (seconds, n, Some(json!(by_id)))
        }
        other => {
            eprintln!("compare_stage: unknown stage {other:?} (split or entities)");
            return ExitCode::from(2);
        }
    };
    let mut out = json!({
        "stage": stage,
        "documents": texts.len(),
        "bytes": bytes,
        "seconds": seconds,
        "count": count,
    });
    if let Some(by_id) = by_id {
        out["by_id"] = by_id;
    }
    println!("{out}");
    ExitCode::SUCCESS
}
