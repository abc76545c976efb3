//! Untrusted `--jsonl` lines the main tests (`tests.rs`) do not cover
//! (issue 6): a 50 MB `text` (the other 50 MB test has a huge skipped
//! field; this one is 8 MB in debug builds), escapes that are not chars,
//! NUL and control chars, a BOM, white space only. Each line gives exactly
//! one record, in order.

use std::io::{self, Read};

use attribution_tagger::Tagger;
use serde_json::Value;

use crate::progress::Progress;
use crate::stream::{self, Fields, Input, InputKind, Options};

fn run_lines(bytes: Vec<u8>) -> Vec<Value> {
    let options = Options {
        threads: 2,
        fields: Fields::default(),
        claims_only: false,
        batch_bytes: 4096,
    };
    let input = Input {
        name: "in.jsonl".to_owned(),
        kind: InputKind::Lines,
        open: Box::new(move || Ok(Box::new(io::Cursor::new(bytes)) as Box<dyn Read + Send>)),
    };
    let mut out = Vec::new();
    let tagger = Tagger::new();
    let summary = stream::run(
        &tagger,
        vec![input],
        &options,
        &mut out,
        &mut Progress::new(false, None),
    )
    .unwrap();
    let values: Vec<Value> = String::from_utf8(out)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(summary.documents, values.len() as u64);
    values
}

fn error(v: &Value) -> Option<&str> {
    v.get("error").and_then(Value::as_str)
}

#[test]
fn odd_lines_each_give_one_record_in_order() {
    let lines: &[&[u8]] = &[
        // 1: a byte-order mark before the first line is skipped.
        b"\xef\xbb\xbf{\"id\": 1, \"text\": \"Oslo said nothing.\"}",
        // 2: a lone surrogate escape: not a char.
        b"{\"id\": 2, \"text\": \"bad \\ud800 escape\"}",
        // 3: NUL and control chars, escaped: a valid text.
        b"{\"id\": 3, \"text\": \"\\u0000Riga\\u0007 blamed\\u001b Moscow.\\u0085\"}",
        // 4: white space only.
        b"   \t ",
        // 5: the text twice (JSON leaves duplicate names undefined): one
        // of them is tagged.
        b"{\"id\": 5, \"text\": \"a\", \"text\": \"b\"}",
        // 6: an empty text.
        b"{\"id\": 6, \"text\": \"\"}",
        // 7: a number too big for any type, as the id.
        b"{\"id\": 1e999, \"text\": \"x\"}",
        // 8: a good line after all of them.
        b"{\"id\": 8, \"text\": \"Prague blamed China for the attack.\"}",
    ];
    let data = lines.join(&b'\n');
    let out = run_lines(data);
    assert_eq!(out.len(), lines.len(), "N lines in, N lines out");
    let lines_of_errors: Vec<u64> = out
        .iter()
        .filter(|v| error(v).is_some())
        .map(|v| v["line"].as_u64().unwrap())
        .collect();
    assert_eq!(lines_of_errors, [2, 4, 7], "{out:?}");
    assert_eq!(out[0]["id"], 1);
    assert_eq!(
        out[4]["sentences"],
        serde_json::json!([{"start": 0, "end": 1}])
    );
    assert_eq!(out[2]["id"], 3);
    assert_eq!(
        out[2]["sentences"].as_array().unwrap().len(),
        1,
        "{}",
        out[2]
    );
    assert_eq!(out[5]["sentences"], serde_json::json!([]));
    assert_eq!(out[7]["id"], 8);
    assert!(
        !out[7]["claims"].as_array().unwrap().is_empty(),
        "{}",
        out[7]
    );
}

#[test]
fn a_fifty_mb_text_is_tagged_and_the_next_line_too() {
    // Mostly white space; 8 MB in debug builds, where 50 MB takes most of
    // a minute (`tests.rs` reads a 50 MB line in every build).
    let size: usize = if cfg!(debug_assertions) {
        8 << 20
    } else {
        50 << 20
    };
    let mut data = b"{\"id\": \"big\", \"text\": \"Oslo said nothing.".to_vec();
    data.extend(std::iter::repeat(b' ').take(size));
    data.extend_from_slice(b"Riga blamed Moscow.\"}\n{\"id\": 2, \"text\": \"Then rain.\"}\n");
    let out = run_lines(data);
    assert_eq!(out.len(), 2);
    let sentences = out[0]["sentences"].as_array().unwrap();
    assert_eq!(sentences.len(), 2, "{}", out[0]);
    assert!(sentences[1]["start"].as_u64().unwrap() > size as u64);
    assert_eq!(out[1]["id"], 2);
}
