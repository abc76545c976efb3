//! One stage of the crate on a JSON Lines corpus, for `benches/compare/`.
//!
//! ```text
//! cargo run --release --example compare_stage -- split CORPUS.jsonl
//! cargo run --release --example compare_stage -- entities CORPUS.jsonl [NAMES.json]
//! ```
//!
//! Reads every `text` of the corpus into memory, then runs the stage once
//! over all of them on one thread and prints one JSON object: the stage,
//! documents, bytes of text, seconds spent in the stage (reading excluded),
//! the number of sentences or mentions found and, for `entities`, the count
//! per entity id. Mentions are found on whole documents, as flashtext and
//! spaCy's EntityRuler are run by `compare.py`.
//!
//! With `NAMES.json` (a list of `[form, id, kind]`, written by `compare.py`)
//! the gazetteer holds exactly those forms, exact case, without the
//! default files' context rules or naming-scheme inference: the same names
//! as the Python tools get. Without it, the default gazetteer is used.

use std::collections::{BTreeMap, HashSet};
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Instant;

use attribution_tagger::{EntityInfo, EntityKind, Gazetteer, SentenceSplitter};
use serde_json::{json, Value};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (stage, path, names) = match &args[..] {
        [stage, path] => (stage, path, None),
        [stage, path, names] if stage == "entities" => (stage, path, Some(names)),
        _ => {
            eprintln!("usage: compare_stage split|entities|tag CORPUS.jsonl [NAMES.json]");
            return ExitCode::from(2);
        }
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
            let gazetteer = match names {
                None => Gazetteer::new(),
                Some(names) => match same_names(names) {
                    Ok(g) => g,
                    Err(e) => {
                        eprintln!("compare_stage: {names}: {e}");
                        return ExitCode::from(2);
                    }
                },
            };
            let t = Instant::now();
            let mut found: Vec<_> = texts.iter().map(|d| gazetteer.find_all(d)).collect();
            let seconds = t.elapsed().as_secs_f64();
            if names.is_some() {
                // The matcher also names ministries it does not list ("Ministry
                // of Mines and Energy"), whatever the entries; the Python
                // tools cannot, so those are not counted.
                let known: HashSet<Arc<str>> = gazetteer.entities().map(|e| e.id.clone()).collect();
                for f in &mut found {
                    f.retain(|m| known.contains(&m.entity.id));
                }
            }
            let mut by_id: BTreeMap<&str, usize> = BTreeMap::new();
            for m in found.iter().flatten() {
                *by_id.entry(m.entity.id.as_ref()).or_default() += 1;
            }
            let n = found.iter().map(Vec::len).sum();
            (seconds, n, Some(json!(by_id)))
        }
        "tag" => {
            // The whole pipeline (Tagger::tag, no JSON), best of five passes:
            // a quick A/B figure beside the criterion bench.
            let tagger = attribution_tagger::Tagger::new();
            let mut best = f64::MAX;
            let mut n = 0;
            for _ in 0..5 {
                let t = Instant::now();
                n = texts.iter().map(|d| tagger.tag(d).claims.len()).sum();
                best = best.min(t.elapsed().as_secs_f64());
            }
            (best, n, None)
        }
        other => {
            eprintln!("compare_stage: unknown stage {other:?} (split, entities or tag)");
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

/// A gazetteer of exactly the forms of `names` (`[[form, id, kind], ...]`),
/// each matched in exact case.
fn same_names(names: &str) -> Result<Gazetteer, String> {
    let data = std::fs::read_to_string(names).map_err(|e| e.to_string())?;
    let rows: Vec<(String, String, String)> =
        serde_json::from_str(&data).map_err(|e| e.to_string())?;
    // Forms grouped by entity, in first-seen order.
    let mut order: Vec<(String, String)> = Vec::new();
    let mut forms: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (form, id, kind) in rows {
        let list = forms.entry(id.clone()).or_insert_with(|| {
            order.push((id.clone(), kind.clone()));
            Vec::new()
        });
        list.push(format!("={form}"));
    }
    let mut b = Gazetteer::builder();
    b.defaults(false).infer_schemes(false);
    for (id, kind) in order {
        let kind = EntityKind::parse(&kind).ok_or(format!("unknown kind {kind:?}"))?;
        let list = forms.remove(&id).unwrap_or_default();
        // The name is the first form; listing it flagged keeps the builder
        // from adding it again unflagged.
        let name = list.first().map_or("", |f| &f[1..]).to_owned();
        let info = EntityInfo {
            id: id.as_str().into(),
            name: name.as_str().into(),
            kind,
            country: None,
        };
        b.add_entry(info, list);
    }
    b.build().map_err(|e| e.to_string())
}
