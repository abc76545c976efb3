//! The sentence splitter: the English Golden Rules, news-layout cases of
//! our own, and properties that hold for any text.
//!
//! Test data lives in `tests/data/` (JSON Lines, one case per line:
//! `{"id", "text", "sentences": [...]}`); see `tests/data/LICENSES.md`.

use attribution_tagger::segment::LineBreaks;
use attribution_tagger::{SentenceSplitter, Span};
use proptest::prelude::*;
use serde_json::Value;

/// Runs of white space folded to one space, ends trimmed: how
/// `score-sentences` compares sentences.
fn fold(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

struct Case {
    id: String,
    text: String,
    want: Vec<String>,
}

fn cases(data: &str) -> Vec<Case> {
    data.lines()
        .filter(|l| !l.trim().is_empty())
        .enumerate()
        .map(|(n, line)| {
            let v: Value =
                serde_json::from_str(line).unwrap_or_else(|e| panic!("line {}: {e}", n + 1));
            let text = v["text"].as_str().expect("text").to_owned();
            let want = v["sentences"]
                .as_array()
                .expect("sentences")
                .iter()
                .map(|s| fold(s.as_str().expect("sentence")))
                .collect();
            Case {
                id: v["id"].to_string(),
                text,
                want,
            }
        })
        .collect()
}

fn got(splitter: &SentenceSplitter, text: &str) -> Vec<String> {
    splitter
        .split(text)
        .iter()
        .map(|s| fold(s.as_str(text)))
        .filter(|s| !s.is_empty())
        .collect()
}

/// Runs every case; returns the ids of the failing ones, printing each.
fn run(splitter: &SentenceSplitter, cases: &[Case]) -> Vec<String> {
    let mut failed = Vec::new();
    for c in cases {
        let got = got(splitter, &c.text);
        if got != c.want {
            println!(
                "FAIL {}\n  text {:?}\n  want {:?}\n  got  {:?}",
                c.id, c.text, c.want, got
            );
            failed.push(c.id.clone());
        }
    }
    failed
}

/// The 52 English Golden Rules of pragmatic_segmenter (MIT), converted from
/// its spec. Rules 40-42 are about line breaks: 40 and 41 expect a line
/// break inside a sentence to be white space, 42 expects each line of a
/// lower-case list to be a sentence. News layout needs lines to be units
/// (headlines, bylines, datelines), so the default `LineBreaks::Auto`
/// decides by evidence, the same for every text: a single line break goes
/// on when the next line starts in lower case and the sentence itself did
/// not (40, 41), and ends a sentence otherwise (42; headlines). They are
/// counted like every other rule; no input is special-cased.
#[test]
fn golden_rules() {
    let cases = cases(include_str!("data/golden_rules_en.jsonl"));
    assert_eq!(cases.len(), 52);
    let failed = run(&SentenceSplitter::new(), &cases);
    let passed = cases.len() - failed.len();
    println!(
        "golden rules: passed={passed}/{} failed={failed:?}",
        cases.len()
    );
    assert!(
        passed >= 50,
        "golden rules: {passed}/52, failing {failed:?}"
    );
}

/// News layout cases written for this project.
#[test]
fn news_layout() {
    let cases = cases(include_str!("data/news_layout.jsonl"));
    assert!(cases.len() >= 30);
    let failed = run(&SentenceSplitter::new(), &cases);
    assert!(failed.is_empty(), "news layout: failing {failed:?}");
}

#[test]
fn line_break_modes() {
    let text = "Hackers hit port\nofficials said on Monday\n\nThey denied it";
    let with = |mode| {
        let s = SentenceSplitter::builder()
            .line_breaks(mode)
            .build()
            .unwrap();
        got(&s, text)
    };
    assert_eq!(
        with(LineBreaks::Auto),
        [
            "Hackers hit port officials said on Monday",
            "They denied it"
        ]
    );
    assert_eq!(
        with(LineBreaks::Always),
        [
            "Hackers hit port",
            "officials said on Monday",
            "They denied it"
        ]
    );
    let text = "Hackers hit the\nPort of Oslo, officials said.\n\nNo data was lost";
    let s = SentenceSplitter::builder()
        .line_breaks(LineBreaks::Wrapped)
        .build()
        .unwrap();
    assert_eq!(
        got(&s, text),
        [
            "Hackers hit the Port of Oslo, officials said.",
            "No data was lost"
        ]
    );
}

#[test]
fn user_abbreviations() {
    use attribution_tagger::segment::AbbreviationKind;
    let text = "Acme Bhd. It was hit. Then Cllr. Lee spoke.";
    let s = SentenceSplitter::new();
    assert_eq!(got(&s, text).len(), 4);
    let s = SentenceSplitter::builder()
        .abbreviation("Bhd", AbbreviationKind::Ambiguous)
        .abbreviation("cllr", AbbreviationKind::Title)
        .build()
        .unwrap();
    assert_eq!(
        got(&s, text),
        ["Acme Bhd.", "It was hit.", "Then Cllr. Lee spoke."]
    );
    for bad in ["", "a b", "Bhd.", "abcdefghijklmnopq"] {
        assert!(SentenceSplitter::builder()
            .abbreviation(bad, AbbreviationKind::Never)
            .build()
            .is_err());
    }
}

#[test]
fn sentences_iterator_matches_split() {
    let text = "One. Two! Three?\n\nFour";
    let s = SentenceSplitter::new();
    assert_eq!(s.sentences(text).collect::<Vec<_>>(), s.split(text));
    assert_eq!(s.sentences(text).len(), 4);
    assert_eq!(s.sentences(text).next_back(), Some(Span::new(18, 22)));
}

/// Large inputs without sentence ends, or with one abbreviation repeated,
/// finish (linear time: a quadratic scan would take minutes here).
#[test]
fn adversarial_inputs_finish() {
    let s = SentenceSplitter::new();
    let plain = "word ".repeat(1_000_000);
    assert_eq!(s.split(&plain).len(), 1);
    let us = "U.S. ".repeat(200_000);
    assert_eq!(s.split(&us).len(), 1);
    let spaces = format!("x.{}y", " ".repeat(1_000_000));
    assert_eq!(s.split(&spaces).len(), 1);
    let dots = "a.".repeat(500_000);
    assert!(!s.split(&dots).is_empty());
    let lines = "\n".repeat(1_000_000) + "x";
    assert_eq!(s.split(&lines).len(), 1);
    let list = (1..1000).map(|i| format!("{i}) item ")).collect::<String>();
    // Items 1) to 999) each open a sentence; the repeats, whose "1)" does
    // not follow "999)", stay inside the last one.
    assert_eq!(s.split(&list.repeat(100)).len(), 999);
    let ell = "wait… ".repeat(200_000);
    assert_eq!(s.split(&ell).len(), 1);
    let glued = "aB.".repeat(300_000);
    assert!(!s.split(&glued).is_empty());
}

/// Checks the span invariants for `text`.
fn check_spans(text: &str, spans: &[Span]) -> Result<(), TestCaseError> {
    let mut prev_end = 0;
    for s in spans {
        prop_assert!(s.start < s.end, "empty span {s:?}");
        prop_assert!(prev_end <= s.start, "overlap or disorder at {s:?}");
        prop_assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        let piece = &text[s.start..s.end];
        prop_assert_eq!(piece.trim(), piece, "untrimmed {:?}", s);
        prop_assert!(
            text[prev_end..s.start].chars().all(char::is_whitespace),
            "non-white-space text left out before {:?}",
            s
        );
        prev_end = s.end;
    }
    prop_assert!(text[prev_end..].chars().all(char::is_whitespace));
    Ok(())
}

fn newsy() -> impl Strategy<Value = String> {
    let atoms = prop::sample::select(vec![
        "The",
        "U.S.",
        "Mr.",
        "a.m.",
        "No.",
        "5",
        "1.2.3[.]4",
        "J.",
        "I.",
        "and",
        "said",
        ".",
        "!",
        "?",
        "...",
        "…",
        ". . .",
        "\"",
        "“",
        "”",
        "'",
        "(",
        ")",
        "[",
        "]",
        " ",
        " ",
        " ",
        "\n",
        "\n\n",
        "\r\n",
        "\t",
        "1)",
        "2)",
        "a.",
        "b.",
        "•",
        "⁃",
        "-",
        "—",
        "By",
        "Jane",
        "WASHINGTON",
        "(Reuters)",
        "Reporting by",
        ";",
        ",",
        "é",
        "\u{301}",
        "\u{200d}",
        "\u{2029}",
        "\u{85}",
        "\u{a0}",
        "中文",
        "。",
        "\u{0}",
        "\u{7f}",
        "ß",
        "İ",
        "Inc.",
        "Jan.",
        "at",
        "e.g.",
        "Plan",
        "B.",
        "of",
        "the",
        "asked",
        "2019.",
        "45",
        "#",
        "x.com/a.b",
        "world.Today",
        "Gen.",
        "1.",
        "9.",
        "10.",
        "(c)",
        "*",
        "\u{2028}",
        "?!",
        "’",
        "»",
        "«",
        ":",
        "(AFP)",
        "OSLO,",
        "Sept",
        "March",
        "4,",
        "editing by",
    ]);
    prop::collection::vec(atoms, 0..60).prop_map(|v| v.concat())
}

/// 500 cases per property by default (CI runs them in debug builds on two
/// cores); `PROPTEST_CASES=20000` runs more. Failures are saved next to
/// this file, in `sentences.proptest-regressions`.
fn proptest_config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(500);
    ProptestConfig {
        cases,
        failure_persistence: Some(Box::new(
            proptest::test_runner::FileFailurePersistence::WithSource("proptest-regressions"),
        )),
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(proptest_config())]

    #[test]
    fn spans_tile_any_string(text in any::<String>()) {
        let s = SentenceSplitter::new();
        check_spans(&text, &s.split(&text))?;
    }

    #[test]
    fn spans_tile_newsy_text(text in newsy()) {
        for mode in [LineBreaks::Auto, LineBreaks::Always, LineBreaks::Wrapped] {
            let s = SentenceSplitter::builder().line_breaks(mode).build().unwrap();
            check_spans(&text, &s.split(&text))?;
        }
    }

    /// The fast UAX #29 path gives the same sentences as
    /// `unicode-segmentation`'s own iterator.
    #[test]
    fn fast_path_equals_general_path(text in newsy()) {
        let s = SentenceSplitter::new();
        prop_assert_eq!(s.split(&text), s.split_general(&text));
    }

    #[test]
    fn fast_path_equals_general_path_any(text in any::<String>()) {
        let s = SentenceSplitter::new();
        prop_assert_eq!(s.split(&text), s.split_general(&text));
    }

    /// Splitting is local: a paragraph in front does not change how the
    /// text after it is split.
    #[test]
    fn prefix_paragraph_does_not_matter(
        text in newsy(),
        prefix in prop::sample::select(PREFIXES),
    ) {
        check_prefix(prefix, &text)?;
    }
}

/// Paragraphs that end in a blank line (of any kind) and leave no state
/// behind: sentences, unterminated lines, list items, bylines, credit
/// lines, abbreviations. (A dateline alone would open the text's first
/// sentence, by design.)
const PREFIXES: &[&str] = &[
    "Officials said nothing.\n\n",
    "Officials said nothing.\r\n\r\n",
    "Officials said nothing.\r\r",
    "Officials said nothing.\n\n\n",
    "Officials said nothing.\n \n",
    "Officials said nothing.\n\u{a0}\n",
    "Officials said nothing.\n\t\n",
    "Officials said nothing.\u{85}\u{85}",
    "Officials said nothing.\u{2028}\u{2028}",
    "Officials said nothing.\u{2029}",
    "Officials said nothing\n\n",
    "Officials said nothing…\n\n",
    "Officials said nothing...\n\n",
    "WASHINGTON (Reuters) - Officials said nothing.\n\n",
    "1) Patch now.\n\n",
    "2) Patch now\n\n",
    "Officials said nothing. 1)\n\n",
    "• Patch now\n\n",
    "By Jane Doe\n\n",
    "(Reporting by Jane Doe)\n\n",
    "Hackers hit port systems\n\n",
    "U.S.\n\n",
    "a.\n\n",
    "I.\n\n",
    "No.\n\n",
    "Mr.\n\n",
    "“Why now?”\n\n",
    "He said the\n\n",
    "He said,\n\n",
];

/// The spans of `text` are the same after `prefix` (shifted by its
/// length), and no span reaches from the prefix into the text.
fn check_prefix(prefix: &str, text: &str) -> Result<(), TestCaseError> {
    let s = SentenceSplitter::new();
    let shifted: Vec<Span> = s
        .split(&format!("{prefix}{text}"))
        .into_iter()
        .filter(|sp| sp.end > prefix.len())
        .map(|sp| Span::new(sp.start.wrapping_sub(prefix.len()), sp.end - prefix.len()))
        .collect();
    prop_assert_eq!(
        shifted,
        s.split(text),
        "prefix {:?}, text {:?}",
        prefix,
        text
    );
    Ok(())
}

/// Every property, for one input.
fn assert_properties(text: &str) {
    let s = SentenceSplitter::new();
    assert_eq!(s.split(text), s.split_general(text), "{text:?}");
    let checks = PREFIXES
        .iter()
        .map(|prefix| check_prefix(prefix, text))
        .chain([check_spans(text, &s.split(text))]);
    for check in checks {
        if let Err(e) = check {
            panic!("{e}");
        }
    }
}

// Shrunk failures of `prefix_paragraph_does_not_matter`, each named by its
// cause.

/// The token before a full stop was looked for within 48 bytes back to
/// white space, or to offset 0; a token at the start of a sentence with no
/// white space before it in that window ("...。No.", "...'J.") was found
/// at the start of the text, but after a blank line it was taken as too
/// long and the full stop ended the sentence.
#[test]
fn regression_token_at_sentence_start_far_from_white_space() {
    assert_properties("1)•-(Reuters)saidU.S.Mr.J.Mr.1.2.3[.]4Mr.。No.\0The");
    assert_properties("WASHINGTON-(Reuters)\0(Reuters)•.-U.S....éa.'J.\"•");
    assert_properties("I.(Reuters)");
    let s = SentenceSplitter::new();
    let text =
        "Officials said nothing.\n\nA-very-long-hyphenated-compound-word-here。No.\0The end.";
    assert_eq!(
        got(&s, text),
        [
            "Officials said nothing.",
            "A-very-long-hyphenated-compound-word-here。",
            "No.\0The end."
        ]
    );
}

/// A paragraph separator (U+2029) was taken for a single line break, so a
/// sentence after it could go on from the paragraph before it.
#[test]
fn regression_paragraph_separator_is_a_blank_line() {
    assert_properties("a.The");
    let s = SentenceSplitter::new();
    assert_eq!(
        got(&s, "Hackers hit the port\u{2029}officials said."),
        ["Hackers hit the port", "officials said."]
    );
}

/// A glued full stop ("anda.By") looked back for its token to ASCII white
/// space only, so a paragraph separator before it made the token invalid.
#[test]
fn regression_glued_full_stop_after_paragraph_separator() {
    assert_properties("anda.By");
}

/// A dateline alone on its line opens the sentence after it, whether or
/// not a paragraph comes before it.
#[test]
fn dateline_join_is_prefix_independent() {
    let text = "OSLO (Northsea Press) -\n\nHackers hit the port. It was closed.";
    assert_properties(text);
    let s = SentenceSplitter::new();
    assert_eq!(
        got(&s, &format!("Officials said nothing.\n\n{text}")),
        [
            "Officials said nothing.",
            "OSLO (Northsea Press) - Hackers hit the port.",
            "It was closed."
        ]
    );
}

#[test]
fn splitter_types_are_send_sync() {
    fn assert_all<T: Send + Sync + std::panic::UnwindSafe + std::panic::RefUnwindSafe>() {}
    assert_all::<SentenceSplitter>();
    assert_all::<attribution_tagger::segment::SentenceSplitterBuilder>();
    assert_all::<attribution_tagger::segment::Sentences<'static, 'static>>();
    assert_all::<LineBreaks>();
}
