//! Pathological inputs (issue 6), each generated in the test
//! (`tests/pathological_inputs.rs`): every invariant of
//! `tests/invariants.rs` holds on them. Not timed: the time per byte is
//! measured by `benches/pathological.rs` against ordinary news text.
//!
//! In debug builds the big inputs are scaled down ten times (500 KB instead
//! of 5 MB, 20,000 × "U.S. " instead of 200,000, ...) so that `cargo test`
//! stays quick; release builds (`cargo test --release`) and the bench use
//! the full sizes.

use std::sync::OnceLock;

use attribution_tagger::{Document, SentenceSplitter, Tagger};

use crate::invariants::{check_document, check_sentences};
use crate::pathological_inputs as inputs;

/// How much smaller the big inputs are in this build.
const SCALE_DOWN: usize = if cfg!(debug_assertions) { 10 } else { 1 };

fn tagger() -> &'static Tagger {
    static TAGGER: OnceLock<Tagger> = OnceLock::new();
    TAGGER.get_or_init(Tagger::new)
}

fn tag_checked(name: &str, text: &str) -> Document {
    let doc = tagger().tag(text);
    if let Err(e) = check_document(text, &doc) {
        let head: String = text.chars().take(80).collect();
        panic!("{name}: {e}\ntext starts {head:?}");
    }
    doc
}

const MB: usize = 1 << 20;

#[test]
fn five_mb_without_sentence_punctuation() {
    let text = inputs::no_punctuation(5 * MB / SCALE_DOWN);
    let doc = tag_checked("no punctuation", &text);
    // No punctuation and no line break: one sentence, many mentions.
    assert_eq!(doc.sentences.len(), 1);
    assert!(doc.entities.len() > 1000, "{}", doc.entities.len());
}

#[test]
fn us_repeated_200000_times() {
    let n = 200_000 / SCALE_DOWN;
    let text = inputs::us_repeated(n);
    let doc = tag_checked("U.S. x n", &text);
    assert_eq!(doc.entities.len(), n, "every U.S. is a mention of the US");
    assert!(doc.entities.iter().all(|e| &*e.id == "US"));
}

#[test]
fn gazetteer_names_100000_in_a_row() {
    let n = 100_000 / SCALE_DOWN;
    let text = inputs::gazetteer_names(n);
    let doc = tag_checked("names in a row", &text);
    assert_eq!(doc.sentences.len(), 1);
    assert!(doc.entities.len() > n / 4, "{} of {n}", doc.entities.len());
}

#[test]
fn deeply_nested_quotes_and_brackets() {
    for depth in [1, 2, 50, 100_000 / SCALE_DOWN] {
        let text = inputs::nested(depth);
        let doc = tag_checked(&format!("nested {depth}"), &text);
        assert!(doc.entities.iter().any(|e| &*e.id == "CN"));
    }
}

#[test]
fn one_mb_of_one_repeated_char() {
    for &c in inputs::REPEATED {
        let text = inputs::repeated_char(c, MB / SCALE_DOWN);
        let doc = tag_checked(&format!("repeated {c:?}"), &text);
        if c.is_whitespace() {
            assert!(doc.sentences.is_empty(), "{c:?}");
        } else {
            assert!(!doc.sentences.is_empty(), "{c:?}");
        }
    }
}

#[test]
fn nul_and_control_chars() {
    let text = inputs::control_chars(MB / SCALE_DOWN);
    let doc = tag_checked("control chars", &text);
    assert!(doc.entities.iter().any(|e| &*e.id == "CN"));
    // Each control char alone and doubled, and the lot in a row.
    for c in (0u32..0x20).chain(0x7f..0xa0).filter_map(char::from_u32) {
        tag_checked("one control char", &c.to_string());
        tag_checked(
            "two control chars",
            &format!("{c}Officials blamed China.{c}{c}"),
        );
    }
    let all: String = (0u32..0xa0)
        .filter_map(char::from_u32)
        .filter(|c| c.is_control())
        .collect();
    tag_checked("all control chars", &all);
}

#[test]
fn lone_combining_mark() {
    for text in inputs::lone_combining_marks() {
        let doc = tag_checked("lone combining mark", &text);
        assert!(!doc.sentences.is_empty(), "{text:?}");
    }
}

#[test]
fn every_unicode_space_and_line_separator() {
    let text = inputs::unicode_spaces(MB / SCALE_DOWN);
    tag_checked("unicode spaces", &text);
    for text in inputs::spaces_alone() {
        let doc = tag_checked("a space alone", &text);
        // Only the zero-width ones, which are not white space, make a
        // sentence.
        assert_eq!(
            doc.sentences.is_empty(),
            text.chars().all(char::is_whitespace),
            "{text:?}"
        );
    }
    // The splitter alone, in every line-break mode.
    use attribution_tagger::segment::LineBreaks;
    let text = inputs::unicode_spaces(64 * 1024);
    for mode in [LineBreaks::Auto, LineBreaks::Always, LineBreaks::Wrapped] {
        let s = SentenceSplitter::builder()
            .line_breaks(mode)
            .build()
            .unwrap();
        check_sentences(&text, &s.split(&text)).unwrap();
    }
}

// ------------------------------------------------------------ regressions

/// Defect found by the 5 MB input: the claim rules read the whole clause
/// of a hedge for every (claim, hedge) pair, cubic in the length of a
/// sentence without punctuation (128 KB took 37 s in release). Fixed in
/// `claims::rules` (scan only between hedge and claim) and
/// `claims::ClaimTagger::tag_sentence_in` (sentences longer than
/// `MAX_SENTENCE_BYTES` are read in pieces). Not timed here (the bench
/// measures it); this checks that claims are still found in every piece
/// of a long sentence and that the pieces keep the invariants.
#[test]
fn regression_long_sentence_claims_cubic_time() {
    use attribution_tagger::claims::MAX_SENTENCE_BYTES;
    let filler = "the port systems were slow for weeks ";
    let pad = filler.repeat(MAX_SENTENCE_BYTES / filler.len() + 3);
    let text = format!(
        "{pad}officials in Prague blamed China for the cyberattack {pad}\
         Norway accused Russia of the cyberattack {pad}the end"
    );
    assert!(text.len() > 3 * MAX_SENTENCE_BYTES);
    let doc = tag_checked("long sentence", &text);
    assert_eq!(doc.sentences.len(), 1);
    let accused: Vec<&str> = doc
        .claims
        .iter()
        .flat_map(|c| c.accused.iter().map(|e| &*e.id))
        .collect();
    assert_eq!(accused, ["CN", "RU"], "{:?}", doc.claims);
    // The same sentence split by full stops gives the same accused.
    let short = text
        .replace(" officials", ". Officials")
        .replace(" Norway", ". Norway");
    let doc = tag_checked("short sentences", &short);
    let accused_short: Vec<&str> = doc
        .claims
        .iter()
        .flat_map(|c| c.accused.iter().map(|e| &*e.id))
        .collect();
    assert_eq!(accused_short, accused);
}

/// Defect found by 100,000 names in a row: the gazetteer kept names that
/// need threat-actor context (`~` forms) by looking up every one in a
/// `Vec` of the sure ids, quadratic in the number of mentions (a 3.7 MB
/// list of names took 10 s). Fixed in `gazetteer::matcher` with a set; the
/// rule itself is unchanged: a `~` form counts when the same entity is
/// named plainly somewhere in the text.
#[test]
fn regression_context_names_quadratic_time() {
    use attribution_tagger::Gazetteer;
    let mut b = Gazetteer::builder();
    b.defaults(false)
        .add_tsv(
            "id\tkind\tname\tcountry\taliases\n\
             zp\tthreat_actor\tZebra Panda\tCN\t~Zebra\n\
             op\tthreat_actor\tOkapi Panda\tCN\t~Okapi\n",
            "ctx.tsv",
        )
        .unwrap();
    let g = b.build().unwrap();
    let n = 20_000 / SCALE_DOWN.min(4);
    let mut text = "Zebra Okapi ".repeat(n);
    // Only Zebra is named plainly: every "Zebra" counts, no "Okapi" does.
    text.push_str("Zebra Panda");
    let ms = g.find_all(&text);
    assert_eq!(ms.len(), n + 1);
    assert!(ms.iter().all(|m| &*m.entity.id == "zp"));
}
