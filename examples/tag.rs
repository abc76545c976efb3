//! Tags attribution claims in news text.
//!
//! ```text
//! tag [--json | --jsonl] [FILE...]
//! ```
//!
//! * With no flag: a readable report per document (sentences, entities,
//!   claims, attributions).
//! * `--json`: one JSON document per input file (pretty-printed).
//! * `--jsonl`: input is JSON Lines, one `{"id": ..., "text": "..."}` per
//!   line; output is one JSON object per input line, in input order. A bad
//!   line gives `{"id": ..., "line": N, "error": "..."}` in its place and the
//!   exit status is 1 at the end.
//!
//! Reads the files named, or standard input when there are none.

use std::io::{self, BufRead, BufReader, Read, Write};
use std::process::ExitCode;

use attribution_tagger::{Document, Tagger};
use serde_json::{json, Value};

#[derive(Clone, Copy, PartialEq)]
enum Mode {
    Report,
    Json,
    Jsonl,
}

fn main() -> ExitCode {
    let mut mode = Mode::Report;
    let mut files = Vec::new();
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            "--json" => mode = Mode::Json,
            "--jsonl" => mode = Mode::Jsonl,
            "-h" | "--help" => {
                eprintln!("usage: tag [--json | --jsonl] [FILE...]");
                return ExitCode::SUCCESS;
            }
            s if s.starts_with("--") => {
                eprintln!("tag: unknown option {s}");
                return ExitCode::from(2);
            }
            _ => files.push(arg),
        }
    }
    let tagger = Tagger::new();
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let result = match mode {
        Mode::Jsonl => run_jsonl(&tagger, &files, &mut out),
        _ => run_documents(&tagger, &files, mode, &mut out),
    };
    if let Err(e) = out.flush() {
        eprintln!("tag: {e}");
        return ExitCode::from(2);
    }
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(e) => {
            eprintln!("tag: {e}");
            ExitCode::from(2)
        }
    }
}

fn inputs(files: &[String]) -> io::Result<Vec<(String, Box<dyn Read>)>> {
    if files.is_empty() {
        return Ok(vec![("-".to_owned(), Box::new(io::stdin()))]);
    }
    files
        .iter()
        .map(|f| {
            let r: Box<dyn Read> = if f == "-" {
                Box::new(io::stdin())
            } else {
                Box::new(
                    std::fs::File::open(f)
                        .map_err(|e| io::Error::new(e.kind(), format!("{f}: {e}")))?,
                )
            };
            Ok((f.clone(), r))
        })
        .collect()
}

/// Report or `--json` mode: each input is one document. Returns false when
/// an input could not be read as UTF-8.
fn run_documents(
    tagger: &Tagger,
    files: &[String],
    mode: Mode,
    out: &mut impl Write,
) -> io::Result<bool> {
    let mut ok = true;
    for (name, mut reader) in inputs(files)? {
        let mut bytes = Vec::new();
        reader.read_to_end(&mut bytes)?;
        let text = match String::from_utf8(bytes) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("tag: {name}: not valid UTF-8: {e}");
                ok = false;
                continue;
            }
        };
        let doc = tagger.tag(&text);
        if mode == Mode::Json {
            let v = document_json(json!(name), &doc);
            serde_json::to_writer_pretty(&mut *out, &v)?;
            writeln!(out)?;
        } else {
            report(&name, &text, &doc, out)?;
        }
    }
    Ok(ok)
}

fn document_json(id: Value, doc: &Document) -> Value {
    json!({
        "id": id,
        "sentences": doc.sentences,
        "entities": doc.entities,
        "claims": doc.claims,
    })
}

/// `--jsonl` mode. Returns false when any line failed.
fn run_jsonl(tagger: &Tagger, files: &[String], out: &mut impl Write) -> io::Result<bool> {
    let mut ok = true;
    for (name, reader) in inputs(files)? {
        let mut reader = BufReader::new(reader);
        let mut buf = Vec::new();
        let mut lineno = 0u64;
        loop {
            buf.clear();
            if reader.read_until(b'\n', &mut buf)? == 0 {
                break;
            }
            lineno += 1;
            let line = trim_newline(&buf);
            let v = match tag_line(tagger, line, lineno) {
                Ok(v) => v,
                Err((id, msg)) => {
                    eprintln!("tag: {name}:{lineno}: {msg}");
                    ok = false;
                    json!({"id": id, "line": lineno, "error": msg})
                }
            };
            serde_json::to_writer(&mut *out, &v)?;
            writeln!(out)?;
        }
    }
    Ok(ok)
}

fn trim_newline(line: &[u8]) -> &[u8] {
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    line.strip_suffix(b"\r").unwrap_or(line)
}

fn tag_line(tagger: &Tagger, line: &[u8], lineno: u64) -> Result<Value, (Value, String)> {
    let line =
        std::str::from_utf8(line).map_err(|e| (Value::Null, format!("not valid UTF-8: {e}")))?;
    let v: Value =
        serde_json::from_str(line).map_err(|e| (Value::Null, format!("not valid JSON: {e}")))?;
    let id = match v.get("id") {
        Some(id) => id.clone(),
        None => json!(lineno),
    };
    let text = match v.get("text") {
        Some(Value::String(t)) => t,
        Some(_) => return Err((id, "\"text\" is not a string".to_owned())),
        None => return Err((id, "no \"text\" field".to_owned())),
    };
    Ok(document_json(id, &tagger.tag(text)))
}

fn report(name: &str, text: &str, doc: &Document, out: &mut impl Write) -> io::Result<()> {
    writeln!(out, "== {name}")?;
    writeln!(out, "\n-- sentences ({})", doc.sentences.len())?;
    for (i, s) in doc.sentences.iter().enumerate() {
        writeln!(
            out,
            "{i:4} [{}..{}] {}",
            s.start,
            s.end,
            s.as_str(text).replace('\n', " ")
        )?;
    }
    writeln!(out, "\n-- entities ({})", doc.entities.len())?;
    for e in &doc.entities {
        writeln!(
            out,
            "  [{}..{}] {:?} {} id={} name={:?} country={}{}",
            e.start,
            e.end,
            e.text,
            e.kind.as_str(),
            e.id,
            e.name,
            e.country.as_deref().unwrap_or("-"),
            if e.inferred { " (inferred)" } else { "" }
        )?;
    }
    writeln!(out, "\n-- claims ({})", doc.claims.len())?;
    for (i, c) in doc.claims.iter().enumerate() {
        let names = |v: &[attribution_tagger::Entity]| {
            if v.is_empty() {
                "(none)".to_owned()
            } else {
                v.iter()
                    .map(|e| format!("{} [{}]", e.text, e.country.as_deref().unwrap_or(&e.id)))
                    .collect::<Vec<_>>()
                    .join(", ")
            }
        };
        let attributor = match (&c.attributor[..], &c.source) {
            ([], Some(src)) => format!("\"{}\"", src.text),
            (a, _) => names(a),
        };
        writeln!(
            out,
            "{i:4} s{} {} -> {} | {:?} cue={:?} {:?} {:?}",
            c.sentence,
            attributor,
            names(&c.accused),
            c.kind,
            c.cue.text,
            c.polarity,
            c.confidence,
        )?;
        if !c.hedges.is_empty() {
            let hedges: Vec<&str> = c.hedges.iter().map(|h| h.text.as_str()).collect();
            writeln!(out, "       hedges: {}", hedges.join(", "))?;
        }
        if let Some(t) = &c.target {
            writeln!(out, "       target: {}", t.text)?;
        }
    }
    let rows = doc.attributions();
    writeln!(out, "\n-- attributions ({})", rows.len())?;
    for r in rows {
        let who = if r.attributor.is_empty() {
            "(unattributed)".to_owned()
        } else {
            r.attributor.join("+")
        };
        writeln!(
            out,
            "  {who} -> {} {:?} x{} strongest={:?} claims={:?}",
            r.accused, r.polarity, r.count, r.confidence, r.claims
        )?;
    }
    writeln!(out)?;
    Ok(())
}
