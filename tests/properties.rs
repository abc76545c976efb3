//! Invariants of the whole pipeline on generated text (proptest): spans on
//! char boundaries inside the text; sentences ordered, non-overlapping,
//! trimmed and covering every non-white-space char; entities and claims
//! inside their sentence; every claim with an accused and valid fields;
//! tagging deterministic, the same from many threads; JSON that parses and
//! round-trips. The checks themselves are in `tests/invariants.rs`, shared
//! with the fuzz targets.
//!
//! Case counts are modest so that `cargo test` stays quick in debug builds;
//! the fuzz targets (`fuzz/`) run the same checks for millions of inputs.

use std::sync::OnceLock;

use attribution_tagger::{Document, Tagger};
use proptest::prelude::*;

use crate::invariants::check_document;

fn tagger() -> &'static Tagger {
    static TAGGER: OnceLock<Tagger> = OnceLock::new();
    TAGGER.get_or_init(Tagger::new)
}

/// News-like text: entity names, claim cues, hedges, abbreviations,
/// punctuation, layout and the odd Unicode char, in any order, so that the
/// claim rules fire on strange neighbours.
fn newsy() -> impl Strategy<Value = String> {
    let atoms = prop::sample::select(vec![
        "China",
        "Russia",
        "Iran",
        "North Korea",
        "U.S.",
        "the United States",
        "Britain's",
        "APT31",
        "APT 28",
        "Fancy Bear",
        "Lazarus Group",
        "Opal Typhoon",
        "Storm-0558",
        "Sandworm",
        "Microsoft",
        "Mandiant",
        "NATO",
        "the FBI",
        "the NCSC",
        "the foreign ministry",
        "Kremlin-linked",
        "China-backed",
        "hackers",
        "group",
        "officials",
        "researchers",
        "it",
        "they",
        "blamed",
        "blames",
        "accused",
        "accused of",
        "was behind",
        "were behind",
        "carried out by",
        "linked to",
        "tied to",
        "on behalf of",
        "state-sponsored",
        "sanctioned",
        "charged",
        "indicted",
        "claimed responsibility",
        "denied",
        "denies involvement",
        "not",
        "no evidence",
        "likely",
        "highly likely",
        "almost certainly",
        "probably",
        "may",
        "suspected",
        "reportedly",
        "assessed",
        "said",
        "told",
        "according to",
        "the attack",
        "the breach",
        "a cyberattack",
        "on Monday",
        "that",
        "and",
        ",",
        ";",
        ":",
        ".",
        "!",
        "?",
        "...",
        "\"",
        "“",
        "”",
        "'",
        "’",
        "(",
        ")",
        "[",
        "]",
        "-",
        "—",
        " ",
        " ",
        " ",
        " ",
        "\n",
        "\n\n",
        "\r\n",
        "\t",
        "1)",
        "•",
        "Mr.",
        "Gen.",
        "No.",
        "a.m.",
        "J.",
        "By",
        "WASHINGTON (Reuters) -",
        "é",
        "\u{301}",
        "\u{200d}",
        "\u{2028}",
        "\u{2029}",
        "\u{85}",
        "\u{a0}",
        "\u{3000}",
        "中国",
        "。",
        "\u{0}",
        "\u{1b}",
        "\u{7f}",
        "İ",
        "ß",
        "🙂",
        "\u{202e}",
        "\u{feff}",
        "\u{fffd}",
    ]);
    prop::collection::vec(atoms, 0..48).prop_map(|v| v.concat())
}

fn check(text: &str) -> Result<Document, TestCaseError> {
    let doc = tagger().tag(text);
    check_document(text, &doc).map_err(|e| TestCaseError::fail(format!("{e}\ntext: {text:?}")))?;
    Ok(doc)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_string_keeps_the_invariants(text in any::<String>()) {
        check(&text)?;
    }

    #[test]
    fn newsy_text_keeps_the_invariants(text in newsy()) {
        let doc = check(&text)?;
        // Deterministic: the same document a second time.
        prop_assert_eq!(tagger().tag(&text), doc);
    }

    /// Bytes that are not characters of the text never fall inside a span:
    /// the same check with a long multi-byte char glued on both sides.
    #[test]
    fn invariants_hold_next_to_multibyte_chars(text in newsy()) {
        check(&format!("🙂{text}\u{10ffff}"))?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// Many threads at once, sharing one tagger, give the documents one
    /// thread gives, in order.
    #[test]
    fn tagging_from_many_threads_is_the_same(texts in prop::collection::vec(newsy(), 1..40)) {
        let alone: Vec<Document> = texts.iter().map(|t| tagger().tag(t)).collect();
        prop_assert_eq!(&tagger().tag_many_with_threads(&texts, 4), &alone);
        // Plain threads on a shared reference, all tagging every text.
        let shared = tagger();
        let results: Vec<Vec<Document>> = std::thread::scope(|s| {
            let handles: Vec<_> = (0..4)
                .map(|k| {
                    let texts = &texts;
                    s.spawn(move || {
                        // Each thread starts at a different text.
                        let n = texts.len();
                        let mut docs = vec![Document::default(); n];
                        for i in 0..n {
                            let j = (i + k * 7) % n;
                            docs[j] = shared.tag(&texts[j]);
                        }
                        docs
                    })
                })
                .collect();
            handles.into_iter().map(|h| h.join().expect("no panic")).collect()
        });
        for docs in results {
            prop_assert_eq!(&docs, &alone);
        }
    }
}

/// The JSON of a document with claims, hedges and a likelihood reads back
/// to the same document (the property tests cover random ones; this one
/// makes sure the rich fields are exercised at least once).
#[test]
fn rich_document_round_trips_through_json() {
    let text = "Britain's NCSC said it was highly likely that Russia's GRU was \
                behind the attack. Officials in Prague blamed China-backed APT31.";
    let doc = tagger().tag(text);
    assert!(!doc.claims.is_empty(), "{doc:?}");
    check_document(text, &doc).unwrap();
    let json = serde_json::to_value(&doc).unwrap();
    assert!(json["claims"][0]["accused"].is_array());
    let back: Document = serde_json::from_value(json).unwrap();
    assert_eq!(back, doc);
}
