//! The annotated claim set (`tests/data/claims.jsonl`, sentences written
//! for this project) scored with the semantics of `score-claims`: a
//! predicted claim matches a gold claim when its cue overlaps the gold "in"
//! phrase and one of its accused carries a gold accused code; the pairing
//! is one to one and maximises required matches, then optional ones, then
//! agreeing polarity and confidence. Fails below the bars (f1 and each
//! field ≥ 0.90). The blind held-out set (`data/heldout_claims.jsonl`) is
//! scored the same way against a regression floor; it must not be tuned on.

use std::collections::HashMap;

use attribution_tagger::{Claim, Entity, Gazetteer, Tagger};
use serde_json::Value;

const DATA: &str = include_str!("data/claims.jsonl");
const HELDOUT: &str = include_str!("data/heldout_claims.jsonl");
const HELDOUT2: &str = include_str!("data/heldout2_claims.jsonl");
const HELDOUT3: &str = include_str!("data/heldout3_claims.jsonl");
const HELDOUT4: &str = include_str!("data/heldout4_claims.jsonl");
const EXTRA_ENTITIES: &str = include_str!("data/claims_gazetteer.tsv");
const MAX_CUE: usize = 80;

fn tagger() -> Tagger {
    let mut g = Gazetteer::builder();
    g.add_tsv(EXTRA_ENTITIES, "tests/data/claims_gazetteer.tsv")
        .unwrap();
    Tagger::builder()
        .gazetteer(g.build().unwrap())
        .build()
        .unwrap()
}

fn keys(e: &Entity) -> Vec<String> {
    let mut out = vec![
        e.id.to_lowercase(),
        e.name.to_lowercase(),
        e.text.to_lowercase(),
    ];
    if let Some(c) = &e.country {
        out.push(c.to_lowercase());
    }
    out.retain(|k| !k.is_empty());
    out
}

fn is_w(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric() || c == '_')
}

/// True when one spelling of the gold code names the entity.
fn code_names(code: &str, e: &Entity) -> bool {
    let ks = keys(e);
    for c in code.to_lowercase().split('|') {
        if ks.iter().any(|k| k == c) {
            return true;
        }
        if c.chars().count() > 3 {
            for k in &ks {
                let mut from = 0;
                while let Some(p) = k[from..].find(c) {
                    let s = from + p;
                    let e = s + c.len();
                    if !is_w(k[..s].chars().next_back()) && !is_w(k[e..].chars().next()) {
                        return true;
                    }
                    from = s + k[s..].chars().next().map_or(1, char::len_utf8);
                }
            }
        }
    }
    false
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|x| x.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

fn attributor_options(v: &Value) -> Vec<Vec<String>> {
    match v.get("any") {
        Some(any) => any.as_array().unwrap().iter().map(strings).collect(),
        None => vec![strings(v)],
    }
}

fn same_attributors(want: &[String], got: &[Entity]) -> bool {
    if want.is_empty() {
        return got.is_empty();
    }
    got.iter().all(|e| want.iter().any(|c| code_names(c, e)))
        && want.iter().all(|c| got.iter().any(|e| code_names(c, e)))
}

fn occurrences(text: &str, phrase: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(p) = text[from..].find(phrase) {
        let s = from + p;
        out.push((s, s + phrase.len()));
        from = s + text[s..].chars().next().map_or(1, char::len_utf8);
    }
    out
}

fn overlaps(a: (usize, usize), b: (usize, usize)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

#[derive(Default)]
struct Score {
    tp: usize,
    fp: usize,
    fn_: usize,
    dup: usize,
    attributor: usize,
    accused: usize,
    polarity: usize,
    confidence: usize,
}

struct Gold {
    accused: Vec<String>,
    attributor: Value,
    polarity: String,
    confidence: Vec<String>,
    optional: bool,
}

fn polarity(c: &Claim) -> String {
    serde_json::to_value(c.polarity)
        .unwrap()
        .as_str()
        .unwrap()
        .to_owned()
}

fn confidence(c: &Claim) -> String {
    serde_json::to_value(c.confidence)
        .unwrap()
        .as_str()
        .unwrap()
        .to_owned()
}

/// A pairing: its score and, per predicted claim, the gold occurrence.
type Pairing = (u64, Vec<Option<usize>>);

/// The best one-to-one pairing, as in score-claims (exhaustive search over
/// the few candidates of each predicted claim, memoised on the used set).
fn best(
    i: usize,
    used: u64,
    cands: &[Vec<usize>],
    gain: &dyn Fn(usize, usize) -> u64,
    memo: &mut HashMap<(usize, u64), Pairing>,
) -> Pairing {
    if i == cands.len() {
        return (0, Vec::new());
    }
    if let Some(v) = memo.get(&(i, used)) {
        return v.clone();
    }
    let (s, mut rest) = best(i + 1, used, cands, gain, memo);
    rest.insert(0, None);
    let mut top = (s, rest);
    for &k in &cands[i] {
        if used >> k & 1 == 1 {
            continue;
        }
        let (s2, mut rest2) = best(i + 1, used | 1 << k, cands, gain, memo);
        let g = s2 + gain(i, k);
        if g > top.0 {
            rest2.insert(0, Some(k));
            top = (g, rest2);
        }
    }
    memo.insert((i, used), top.clone());
    top
}

/// The figures of one scored set: f1 and the four field ratios.
struct Figures {
    f1: f64,
    fields: [(&'static str, f64); 4],
}

#[test]
fn annotated_claims_meet_the_bars() {
    let fig = score_set(DATA, &tagger());
    assert!(fig.f1 >= 0.90, "f1 {:.3} below 0.90", fig.f1);
    for (k, x) in fig.fields {
        assert!(x >= 0.90, "{k} {x:.3} below 0.90");
    }
}

/// The blind held-out set (`tests/data/heldout_claims.jsonl`, see
/// `tests/data/HELDOUT.md`): written by an independent annotator who had not
/// read the rules or the lexicons, to estimate how the claim stage
/// generalises to unseen wording. It must NOT be tuned on: do not copy its
/// sentences, and do not add rules that only fit them. This is a regression
/// floor a little under the figures measured when it was added (f1 0.979,
/// attributor 0.974, accused, polarity and confidence 1.000, with the
/// default gazetteer as the `tag` example uses it); a drop below it means a
/// change broke a general construction.
#[test]
fn heldout_claims_stay_above_the_floor() {
    let fig = score_set(HELDOUT, &Tagger::new());
    assert!(fig.f1 >= 0.95, "held-out f1 {:.3} below 0.95", fig.f1);
    for (k, x) in fig.fields {
        let floor = if k == "attributor" { 0.94 } else { 0.95 };
        assert!(x >= floor, "held-out {k} {x:.3} below {floor}");
    }
}

/// The second blind held-out set (`tests/data/heldout2_claims.jsonl`, see
/// `tests/data/HELDOUT2.md`), written after the first had been used to
/// guide the rules. Same rules as above: never tune on it, never copy its
/// sentences. A regression floor a little under the figures measured in
/// round 3 (f1 0.911, attributor 0.947, accused 0.991, polarity and
/// confidence 1.000, default gazetteer).
#[test]
fn heldout2_claims_stay_above_the_floor() {
    let fig = score_set(HELDOUT2, &Tagger::new());
    assert!(fig.f1 >= 0.89, "held-out 2 f1 {:.3} below 0.89", fig.f1);
    for (k, x) in fig.fields {
        let floor = if k == "attributor" { 0.92 } else { 0.95 };
        assert!(x >= floor, "held-out 2 {k} {x:.3} below {floor}");
    }
}

/// The third held-out set (`tests/data/heldout3_claims.jsonl`, see
/// `tests/data/HELDOUT3.md`): blind when first measured (f1 0.896), then
/// used to tune the rules, so no longer held out. A regression floor a
/// little under the figures measured after that tuning (f1 0.990,
/// attributor 0.994, accused, polarity and confidence 1.000, default
/// gazetteer).
#[test]
fn heldout3_claims_stay_above_the_floor() {
    let fig = score_set(HELDOUT3, &Tagger::new());
    assert!(fig.f1 >= 0.96, "held-out 3 f1 {:.3} below 0.96", fig.f1);
    for (k, x) in fig.fields {
        assert!(x >= 0.97, "held-out 3 {k} {x:.3} below 0.97");
    }
}

/// The fourth held-out set (`tests/data/heldout4_claims.jsonl`, see
/// `tests/data/HELDOUT4.md`): written blind to every round of rules and
/// measured once (f1 0.850, precision 0.980, recall 0.750; attributor
/// 0.910, accused 1.000, polarity 0.986, confidence 0.979). Still held out:
/// nobody working on the rules reads its failures. This floor only catches
/// regressions; it is not a target to tune for.
#[test]
fn heldout4_claims_stay_above_the_floor() {
    let fig = score_set(HELDOUT4, &Tagger::new());
    assert!(fig.f1 >= 0.82, "held-out 4 f1 {:.3} below 0.82", fig.f1);
    for (k, x) in fig.fields {
        assert!(x >= 0.88, "held-out 4 {k} {x:.3} below 0.88");
    }
}

/// Scores `data` (gold JSON Lines) with the semantics of `score-claims` and
/// prints the figures.
fn score_set(data: &str, tagger: &Tagger) -> Figures {
    let mut sc = Score::default();
    let mut report = Vec::new();
    for line in data.lines().filter(|l| !l.trim().is_empty()) {
        let g: Value = serde_json::from_str(line).unwrap();
        let id = g["id"].as_str().unwrap().to_owned();
        let text = g["text"].as_str().unwrap();
        let mut occ: Vec<(Gold, (usize, usize))> = Vec::new();
        for gc in g["claims"].as_array().unwrap() {
            let phrase = gc["in"].as_str().unwrap();
            let spans = occurrences(text, phrase);
            assert!(!spans.is_empty(), "{id}: phrase not in text: {phrase:?}");
            for s in spans {
                occ.push((
                    Gold {
                        accused: strings(&gc["accused"]),
                        attributor: gc["attributor"].clone(),
                        polarity: gc["polarity"].as_str().unwrap().to_owned(),
                        confidence: strings(&gc["confidence"]),
                        optional: gc.get("optional").and_then(Value::as_bool) == Some(true),
                    },
                    s,
                ));
            }
        }
        assert!(occ.len() <= 64, "{id}: too many gold claims");
        let ignore: Vec<(usize, usize)> = g
            .get("ignore_in")
            .map(strings)
            .unwrap_or_default()
            .iter()
            .flat_map(|p| occurrences(text, p))
            .collect();
        let doc = tagger.tag(text);
        let claims: Vec<&Claim> = doc
            .claims
            .iter()
            .filter(|c| {
                !c.accused.is_empty()
                    && c.cue.end > c.cue.start
                    && c.cue.end - c.cue.start <= MAX_CUE
            })
            .collect();
        let cands: Vec<Vec<usize>> = claims
            .iter()
            .map(|c| {
                let cue = (c.cue.start, c.cue.end);
                let mut ks: Vec<usize> = (0..occ.len())
                    .filter(|&k| {
                        overlaps(cue, occ[k].1)
                            && occ[k]
                                .0
                                .accused
                                .iter()
                                .any(|x| c.accused.iter().any(|e| code_names(x, e)))
                    })
                    .collect();
                ks.sort_by_key(|&k| (occ[k].0.polarity != polarity(c), occ[k].1 .1 - occ[k].1 .0));
                ks
            })
            .collect();
        let gain = |i: usize, k: usize| -> u64 {
            let (c, gc) = (claims[i], &occ[k].0);
            let fields =
                (polarity(c) == gc.polarity) as u64 + gc.confidence.contains(&confidence(c)) as u64;
            (if gc.optional { 10 } else { 1000 }) + fields
        };
        let mut memo = HashMap::new();
        let (_, choice) = best(0, 0, &cands, &gain, &mut memo);
        let mut matched_gold = vec![false; occ.len()];
        for (i, c) in claims.iter().enumerate() {
            let Some(k) = choice.get(i).copied().flatten() else {
                if cands[i].is_empty()
                    && ignore
                        .iter()
                        .any(|&s| overlaps((c.cue.start, c.cue.end), s))
                {
                    continue;
                }
                sc.fp += 1;
                let why = if cands[i].is_empty() {
                    "FP"
                } else {
                    sc.dup += 1;
                    "DUPLICATE"
                };
                report.push(format!(
                    "{why} {id}: cue={:?} accused={:?}",
                    c.cue.text,
                    c.accused.iter().map(|e| &e.text).collect::<Vec<_>>()
                ));
                continue;
            };
            matched_gold[k] = true;
            let gc = &occ[k].0;
            if gc.optional {
                continue;
            }
            sc.tp += 1;
            let a = attributor_options(&gc.attributor)
                .iter()
                .any(|want| same_attributors(want, &c.attributor));
            let acc = c
                .accused
                .iter()
                .all(|e| gc.accused.iter().any(|x| code_names(x, e)));
            let pol = polarity(c) == gc.polarity;
            let conf = gc.confidence.contains(&confidence(c));
            sc.attributor += a as usize;
            sc.accused += acc as usize;
            sc.polarity += pol as usize;
            sc.confidence += conf as usize;
            if !(a && acc && pol && conf) {
                report.push(format!(
                    "FIELDS {id}: cue={:?} attributor={:?} accused={:?} {} {}",
                    c.cue.text,
                    c.attributor.iter().map(|e| &e.text).collect::<Vec<_>>(),
                    c.accused.iter().map(|e| &e.text).collect::<Vec<_>>(),
                    polarity(c),
                    confidence(c)
                ));
            }
        }
        for (k, (gc, s)) in occ.iter().enumerate() {
            if !matched_gold[k] && !gc.optional {
                sc.fn_ += 1;
                report.push(format!("FN {id}: in={:?}", &text[s.0..s.1]));
            }
        }
    }
    let p = sc.tp as f64 / (sc.tp + sc.fp).max(1) as f64;
    let r = sc.tp as f64 / (sc.tp + sc.fn_).max(1) as f64;
    let f1 = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    let m = sc.tp.max(1) as f64;
    let fields = [
        ("attributor", sc.attributor),
        ("accused", sc.accused),
        ("polarity", sc.polarity),
        ("confidence", sc.confidence),
    ];
    for line in &report {
        println!("{line}");
    }
    println!(
        "claims: tp={} fp={} (of which duplicates {}) fn={}",
        sc.tp, sc.fp, sc.dup, sc.fn_
    );
    println!(
        "matched fields: {}",
        fields
            .iter()
            .map(|(k, v)| format!("{k} {v}/{}", sc.tp))
            .collect::<Vec<_>>()
            .join("  ")
    );
    println!(
        "summary: precision={p:.3} recall={r:.3} f1={f1:.3} {}",
        fields
            .iter()
            .map(|(k, v)| format!("{k}={:.3}", *v as f64 / m))
            .collect::<Vec<_>>()
            .join(" ")
    );
    Figures {
        f1,
        fields: fields.map(|(k, v)| (k, v as f64 / m)),
    }
}

mod properties {
    use attribution_tagger::Tagger;
    use proptest::prelude::*;

    /// Pieces of news text, cue words, entity names and odd characters,
    /// shuffled into sentences the rules have never seen.
    fn piece() -> impl Strategy<Value = &'static str> {
        prop::sample::select(vec![
            "Russia",
            "China's",
            "APT28",
            "the Kremlin",
            "U.S.",
            "Chinese",
            "NCSC",
            "Beijing",
            "blamed",
            "accused",
            "was behind",
            "linked to",
            "-backed",
            "state-sponsored",
            "denied",
            "the accusations",
            "are baseless",
            "said",
            "according to",
            "it said",
            "probably",
            "may",
            "almost certainly",
            "not",
            "stopped short of",
            "hackers",
            "the attack",
            "on",
            "by",
            "for",
            "which",
            "that",
            ",",
            ".",
            "\"",
            "'s",
            "—",
            "(",
            ")",
            "\n",
            "é",
            "🙂",
            "  ",
            "identified",
            "as responsible",
            "charged",
            "were",
            "the",
            "a",
            "group",
            "of",
            "to",
            "Mandiant",
            "Sandworm",
            "claimed responsibility",
        ])
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        #[test]
        fn claims_are_well_formed(pieces in prop::collection::vec(piece(), 0..40)) {
            let text = pieces.join(" ");
            let doc = Tagger::new().tag(&text);
            for c in &doc.claims {
                prop_assert!(!c.accused.is_empty());
                prop_assert!(c.cue.end > c.cue.start && c.cue.end - c.cue.start <= 80);
                prop_assert_eq!(text.get(c.cue.start..c.cue.end), Some(c.cue.text.as_str()));
                prop_assert!(c.start <= c.cue.start && c.cue.end <= c.end);
                prop_assert!(text.get(c.start..c.end).is_some());
                let s = doc.sentences[c.sentence];
                prop_assert!(s.start <= c.cue.start && c.cue.end <= s.end);
                for h in &c.hedges {
                    prop_assert_eq!(text.get(h.start..h.end), Some(h.text.as_str()));
                }
                for span in c.source.iter().chain(c.target.iter()) {
                    prop_assert_eq!(text.get(span.start..span.end), Some(span.text.as_str()));
                }
                for e in c.accused.iter().chain(c.attributor.iter()) {
                    prop_assert!(!e.id.is_empty());
                }
            }
            // the document-level rows account for every claim
            let rows = doc.attributions();
            for (i, c) in doc.claims.iter().enumerate() {
                prop_assert!(c.accused.is_empty() || rows.iter().any(|r| r.claims.contains(&i)));
            }
        }

        #[test]
        fn never_panics_on_any_text(text in "\\PC{0,300}") {
            let _ = Tagger::new().tag(&text);
        }
    }
}
