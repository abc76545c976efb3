//! Tests of the `--jsonl` pipeline, run by `cargo test` (the example has
//! `test = true`). They drive `stream::run` with in-memory inputs and
//! outputs.

use std::io::{self, Read, Write};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use attribution_tagger::Tagger;
use serde_json::{json, Value};

use crate::progress::Progress;
use crate::stream::{self, Fields, Input, InputKind, Options, Summary};

/// Small batches, so that even small inputs make many of them.
fn options(threads: usize) -> Options {
    Options {
        threads,
        fields: Fields::default(),
        claims_only: false,
        batch_bytes: 4096,
    }
}

fn input(name: &str, kind: InputKind, bytes: Vec<u8>) -> Input<'static> {
    Input {
        name: name.to_owned(),
        kind,
        open: Box::new(move || Ok(Box::new(io::Cursor::new(bytes)) as Box<dyn Read + Send>)),
    }
}

fn lines(bytes: Vec<u8>) -> Input<'static> {
    input("in.jsonl", InputKind::Lines, bytes)
}

fn run(inputs: Vec<Input<'static>>, options: &Options) -> (Summary, Vec<Value>) {
    let tagger = Tagger::new();
    let mut out = Vec::new();
    let summary = stream::run(
        &tagger,
        inputs,
        options,
        &mut out,
        &mut Progress::new(false, None),
    )
    .unwrap();
    let text = String::from_utf8(out).unwrap();
    let values = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    (summary, values)
}

fn article(i: usize) -> String {
    let extra = "The ministry said its systems were restored by the evening. ".repeat(i % 7);
    format!(
        "WARSAW (Baltic Wire) - Poland's cyber command said on Monday that a \
         group it called Amber Lynx had probed the networks of {i} regional \
         water utilities. {extra}Officials in Prague said they saw similar \
         activity and blamed China for it."
    )
}

fn jsonl(texts: &[Value]) -> Vec<u8> {
    let mut out = Vec::new();
    for t in texts {
        serde_json::to_writer(&mut out, t).unwrap();
        out.push(b'\n');
    }
    out
}

fn is_error(v: &Value) -> bool {
    v.get("error").is_some()
}

#[test]
fn n_lines_in_n_lines_out_with_error_lines_mixed_in() {
    let mut data = Vec::new();
    // 1: a good line.
    data.extend_from_slice(b"{\"id\": \"a\", \"text\": \"Prague blames China.\"}\n");
    // 2: not JSON.
    data.extend_from_slice(b"{\"id\": \"b\", \"text\": \n");
    // 3: not UTF-8 (a lone continuation byte inside the text).
    data.extend_from_slice(b"{\"id\": \"c\", \"text\": \"bad \x80 byte\"}\n");
    // 4: no text.
    data.extend_from_slice(b"{\"id\": \"d\", \"title\": \"Headline only\"}\n");
    // 5: text is not a string.
    data.extend_from_slice(b"{\"id\": [1, 2], \"text\": {\"body\": \"x\"}}\n");
    // 6: an empty line.
    data.extend_from_slice(b"\n");
    // 7: a 50 MB line: a huge title is skipped, the text is tagged.
    data.extend_from_slice(b"{\"id\": \"big\", \"title\": \"");
    data.extend(std::iter::repeat(b'x').take(50 << 20));
    data.extend_from_slice(b"\", \"text\": \"Berlin said little.\"}\n");
    // 8: JSON that is not an object.
    data.extend_from_slice(b"[\"id\", \"text\"]\n");
    // 9: no id, CRLF ending.
    data.extend_from_slice(b"{\"text\": \"Officials met on Tuesday.\"}\r\n");
    // 10: a good line without a final newline.
    data.extend_from_slice(b"{\"id\": 10, \"text\": \"The talks ended.\"}");

    let (summary, out) = run(vec![lines(data)], &options(2));
    assert_eq!(out.len(), 10, "N lines in, N lines out");
    assert_eq!(summary.documents, 10);
    assert_eq!(summary.written, 10);
    let errors: Vec<u64> = out
        .iter()
        .filter(|v| is_error(v))
        .map(|v| v["line"].as_u64().unwrap())
        .collect();
    assert_eq!(errors, [2, 3, 4, 5, 6, 8]);
    assert_eq!(summary.errors, 6);
    // Ids: the line's own where it could be read, else null.
    let ids: Vec<&Value> = out.iter().map(|v| &v["id"]).collect();
    assert_eq!(
        ids,
        [
            &json!("a"),
            &Value::Null,
            &Value::Null,
            &json!("d"),
            &json!([1, 2]),
            &Value::Null,
            &json!("big"),
            &Value::Null,
            &json!(9),
            &json!(10),
        ]
    );
    assert!(out[1]["error"]
        .as_str()
        .unwrap()
        .starts_with("not valid JSON"));
    assert!(out[2]["error"]
        .as_str()
        .unwrap()
        .starts_with("not valid UTF-8"));
    assert_eq!(out[3]["error"], "no \"text\" field");
    assert_eq!(out[4]["error"], "\"text\" is not a string");
    assert!(out[7]["error"]
        .as_str()
        .unwrap()
        .starts_with("not a JSON object"));
    // Good documents carry every field, with offsets into their text.
    for v in [&out[0], &out[6], &out[8], &out[9]] {
        assert!(v["sentences"].is_array() && v["entities"].is_array(), "{v}");
        assert!(v["claims"].is_array(), "{v}");
        assert!(!is_error(v));
    }
    assert_eq!(out[6]["sentences"], json!([{"start": 0, "end": 19}]));
}

#[test]
fn output_order_is_input_order_whatever_the_threads() {
    let docs: Vec<Value> = (0..1000)
        .map(|i| json!({"id": i, "text": article(i)}))
        .collect();
    let data = jsonl(&docs);
    let (s1, one) = run(vec![lines(data.clone())], &options(1));
    let (s4, four) = run(vec![lines(data)], &options(4));
    assert_eq!(one.len(), 1000);
    assert_eq!(one, four);
    assert_eq!(s1, s4);
    for (i, v) in four.iter().enumerate() {
        assert_eq!(v["id"], json!(i));
    }
}

#[test]
fn txt_files_are_documents_and_line_numbers_restart_per_input() {
    let first = jsonl(&[json!({"text": "Line one."}), json!({"text": "Line two."})]);
    let second = jsonl(&[json!({"text": "Another file."})]);
    let inputs = vec![
        input("one.jsonl", InputKind::Lines, first),
        input(
            "story.txt",
            InputKind::Document,
            b"Headline\n\nTallinn blamed Moscow. \"Nothing new\", he said.\n".to_vec(),
        ),
        input("bad.txt", InputKind::Document, b"caf\xe9\n".to_vec()),
        input("two.jsonl", InputKind::Lines, second),
    ];
    let (summary, out) = run(inputs, &options(3));
    assert_eq!(out.len(), 5);
    assert_eq!(summary.errors, 1);
    let ids: Vec<&Value> = out.iter().map(|v| &v["id"]).collect();
    assert_eq!(
        ids,
        [
            &json!(1),
            &json!(2),
            &json!("story.txt"),
            &json!("bad.txt"),
            &json!(1)
        ]
    );
    assert!(out[2]["sentences"].as_array().unwrap().len() >= 2);
    assert!(out[3]["error"].as_str().unwrap().contains("UTF-8"));
}

#[test]
fn fields_pick_the_parts_written() {
    let data = jsonl(&[json!({"id": "x", "text": "Prague blames China."})]);
    let opts = Options {
        fields: Fields::parse("entities").unwrap(),
        ..options(1)
    };
    let (_, out) = run(vec![lines(data)], &opts);
    let keys: Vec<&String> = out[0].as_object().unwrap().keys().collect();
    assert_eq!(keys, ["entities", "id"]);
}

#[test]
fn claims_only_keeps_documents_with_claims_and_errors() {
    let mut docs: Vec<Value> = (0..200)
        .map(|i| json!({"id": i, "text": article(i)}))
        .collect();
    docs.push(json!({"id": "quiet", "text": "The weather was mild."}));
    docs.push(json!({"id": "broken"}));
    let data = jsonl(&docs);
    let (all_summary, _) = run(vec![lines(data.clone())], &options(2));
    let opts = Options {
        claims_only: true,
        ..options(2)
    };
    let (summary, out) = run(vec![lines(data)], &opts);
    assert_eq!(summary.documents, 202);
    assert_eq!(summary.with_claims, all_summary.with_claims);
    assert_eq!(out.len() as u64, summary.with_claims + 1);
    assert_eq!(summary.written, out.len() as u64);
    for v in &out {
        assert!(
            is_error(v) || !v["claims"].as_array().unwrap().is_empty(),
            "{v}"
        );
        assert_ne!(v["id"], "quiet");
    }
    assert_eq!(out.last().unwrap()["id"], "broken");
}

/// A writer that fails after `limit` bytes, as a closed pipe does.
struct Failing {
    written: usize,
    limit: usize,
}

impl Write for Failing {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.written >= self.limit {
            return Err(io::ErrorKind::BrokenPipe.into());
        }
        self.written += buf.len();
        Ok(buf.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

#[test]
fn a_failing_output_stops_the_run_without_hanging() {
    let docs: Vec<Value> = (0..20_000)
        .map(|i| json!({"id": i, "text": "A short line about Riga."}))
        .collect();
    let tagger = Tagger::new();
    let mut out = Failing {
        written: 0,
        limit: 10_000,
    };
    let r = stream::run(
        &tagger,
        vec![lines(jsonl(&docs))],
        &options(2),
        &mut out,
        &mut Progress::new(false, None),
    );
    assert_eq!(r.unwrap_err().kind(), io::ErrorKind::BrokenPipe);
}

/// A reader that fails after `limit` bytes.
struct BrokenReader {
    data: io::Cursor<Vec<u8>>,
    limit: u64,
}

impl Read for BrokenReader {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.data.position() >= self.limit {
            return Err(io::Error::other("disk on fire"));
        }
        self.data.read(buf)
    }
}

#[test]
fn a_read_error_is_reported_with_the_input_name() {
    let docs: Vec<Value> = (0..5_000)
        .map(|i| json!({"id": i, "text": "A short line about Vilnius."}))
        .collect();
    let data = jsonl(&docs);
    let tagger = Tagger::new();
    let inputs = vec![Input {
        name: "flaky.jsonl".to_owned(),
        kind: InputKind::Lines,
        open: Box::new(move || {
            Ok(Box::new(BrokenReader {
                data: io::Cursor::new(data),
                limit: 100_000,
            }) as Box<dyn Read + Send>)
        }),
    }];
    let mut out = Vec::new();
    let err = stream::run(
        &tagger,
        inputs,
        &options(2),
        &mut out,
        &mut Progress::new(false, None),
    )
    .unwrap_err();
    assert!(err.to_string().starts_with("flaky.jsonl: "), "{err}");
    // What was read before the error was written, in order.
    let written = String::from_utf8(out).unwrap();
    for (i, l) in written.lines().enumerate() {
        let v: Value = serde_json::from_str(l).unwrap();
        assert_eq!(v["id"], json!(i));
    }
}

/// Counts the bytes the pipeline has read from it.
struct Counting {
    data: io::Cursor<Vec<u8>>,
    read: Arc<AtomicU64>,
}

impl Read for Counting {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.data.read(buf)?;
        self.read.fetch_add(n as u64, Ordering::SeqCst);
        Ok(n)
    }
}

/// Holds back its first write until the reader has read the whole input or
/// half a second has passed, records how far the reader got, and fails (as
/// a closed pipe would) so the run ends without tagging the rest.
struct Stalling {
    read: Arc<AtomicU64>,
    total: u64,
    read_ahead: Option<u64>,
}

impl Write for Stalling {
    fn write(&mut self, _buf: &[u8]) -> io::Result<usize> {
        if self.read_ahead.is_none() {
            let t = Instant::now();
            while self.read.load(Ordering::SeqCst) < self.total
                && t.elapsed() < Duration::from_millis(500)
            {
                std::thread::sleep(Duration::from_millis(5));
            }
            self.read_ahead = Some(self.read.load(Ordering::SeqCst));
        }
        Err(io::ErrorKind::BrokenPipe.into())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

#[test]
fn memory_is_bounded_while_the_output_is_stalled() {
    // 40 MB of input; a stalled output must stop the reader after a bounded
    // window of batches, not let it read the whole input into memory.
    let text = "Vilnius blamed a foreign intelligence service for the outage. ".repeat(60);
    let docs: Vec<Value> = (0..10_000)
        .map(|i| json!({"id": i, "text": text}))
        .collect();
    let data = jsonl(&docs);
    let total = data.len() as u64;
    assert!(total > 35_000_000);
    let read = Arc::new(AtomicU64::new(0));
    let counter = Arc::clone(&read);
    let inputs = vec![Input {
        name: "big.jsonl".to_owned(),
        kind: InputKind::Lines,
        open: Box::new(move || {
            Ok(Box::new(Counting {
                data: io::Cursor::new(data),
                read: counter,
            }) as Box<dyn Read + Send>)
        }),
    }];
    let mut out = Stalling {
        read,
        total,
        read_ahead: None,
    };
    let tagger = Tagger::new();
    let opts = Options {
        batch_bytes: stream::BATCH_BYTES,
        ..options(2)
    };
    let r = stream::run(
        &tagger,
        inputs,
        &opts,
        &mut out,
        &mut Progress::new(false, None),
    );
    assert_eq!(r.unwrap_err().kind(), io::ErrorKind::BrokenPipe);
    // Window of 2 × 2 + 2 batches of about 256 KB, plus the reader's buffer.
    let read_ahead = out.read_ahead.unwrap();
    assert!(read_ahead < 4_000_000, "read {read_ahead} bytes ahead");
}

#[test]
fn deeply_nested_lines_do_not_crash() {
    let deep = |field: &str| -> Vec<u8> {
        let mut v = format!("{{\"{field}\": ").into_bytes();
        v.extend("[{\"a\":".repeat(100_000).bytes());
        v.push(b'0');
        v.extend("}]".repeat(100_000).bytes());
        if field != "text" {
            v.extend_from_slice(b", \"text\": \"Riga said nothing.\"");
        }
        v.extend_from_slice(b"}\n");
        v
    };
    let mut data = deep("id");
    data.extend(deep("extra"));
    data.extend(deep("text"));
    data.extend_from_slice(b"{\"id\": 8, \"text\": \"Oslo said nothing.\"}\n");
    let (summary, out) = run(vec![lines(data)], &options(2));
    assert_eq!(out.len(), 4);
    // An id is built as a value: its depth is limited.
    assert!(out[0]["error"]
        .as_str()
        .unwrap()
        .contains("recursion limit"));
    // Skipped fields are only scanned: any depth is fine.
    assert_eq!(
        out[1]["sentences"],
        json!([{"start": 0, "end": 18}]),
        "{}",
        out[1]
    );
    assert_eq!(out[2]["error"], "\"text\" is not a string");
    assert_eq!(out[3]["id"], 8);
    assert_eq!(summary.errors, 2);
}
