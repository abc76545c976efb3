//! Tags attribution claims in news text.
//!
//! ```text
//! tag [--json | --jsonl] [--threads N] [--fields LIST] [--claims-only]
//!     [--quiet] [FILE...]
//! ```
//!
//! * With no flag: a readable report per document (sentences, entities,
//!   claims, attributions).
//! * `--json`: one JSON document per input file (pretty-printed).
//! * `--jsonl`: input is JSON Lines, one `{"id": ..., "text": "..."}` per
//!   line (a `.txt` file is one document whose id is its path); output is one
//!   JSON object per input line, in input order. A bad line gives
//!   `{"id": ..., "line": N, "error": "..."}` in its place and the exit
//!   status is 1 at the end. Streams with bounded memory on all cores
//!   (`examples/tag/stream.rs`).
//!
//! Reads the files named, or standard input when there are none. `--help`
//! lists the options.

use std::io::{self, IsTerminal, Read, Write};
use std::process::ExitCode;

use attribution_tagger::{Document, Tagger};
use serde_json::Value;

#[path = "tag/args.rs"]
mod args;
#[path = "tag/progress.rs"]
mod progress;
#[path = "tag/stream.rs"]
mod stream;
#[cfg(test)]
#[path = "tag/tests.rs"]
mod tests;
#[cfg(test)]
#[path = "tag/tests_robust.rs"]
mod tests_robust;

use args::{Args, Mode};
use stream::{Input, InputKind};

fn main() -> ExitCode {
    let args = match args::parse(std::env::args().skip(1)) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("tag: {e}\n{}", args::USAGE);
            return ExitCode::from(2);
        }
    };
    if args.help {
        println!("{}", args::USAGE);
        return ExitCode::SUCCESS;
    }
    let tagger = Tagger::new();
    let stdout = io::stdout();
    let mut out = io::BufWriter::with_capacity(256 * 1024, stdout.lock());
    let result = match args.mode {
        Mode::Jsonl => run_jsonl(&tagger, &args, &mut out),
        _ => run_documents(&tagger, &args, &mut out),
    };
    let result = result.and_then(|ok| out.flush().map(|()| ok));
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        // A closed pipe (`tag --jsonl big.jsonl | head`) is a normal way to
        // stop reading.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
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
fn run_documents(tagger: &Tagger, args: &Args, out: &mut impl Write) -> io::Result<bool> {
    let mut ok = true;
    for (name, mut reader) in inputs(&args.files)? {
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
        if args.claims_only && doc.claims.is_empty() {
            continue;
        }
        if args.mode == Mode::Json {
            let id = Value::String(name);
            let v = stream::document_out(&id, &doc, args.fields);
            serde_json::to_writer_pretty(&mut *out, &v)?;
            writeln!(out)?;
        } else {
            report(&name, &text, &doc, out)?;
        }
    }
    Ok(ok)
}

/// The inputs of `--jsonl` mode, checked to exist, with their total size
/// when every one is a regular file.
fn jsonl_inputs(files: &[String]) -> io::Result<(Vec<Input<'static>>, Option<u64>)> {
    let stdin = || Input {
        name: "-".to_owned(),
        kind: InputKind::Lines,
        open: Box::new(|| Ok(Box::new(io::stdin()) as Box<dyn Read + Send>)),
    };
    if files.is_empty() {
        return Ok((vec![stdin()], None));
    }
    let mut total = Some(0u64);
    let mut inputs = Vec::new();
    for f in files {
        if f == "-" {
            total = None;
            inputs.push(stdin());
            continue;
        }
        let meta =
            std::fs::metadata(f).map_err(|e| io::Error::new(e.kind(), format!("{f}: {e}")))?;
        total = total.filter(|_| meta.is_file()).map(|t| t + meta.len());
        let kind = if f.ends_with(".txt") {
            InputKind::Document
        } else {
            InputKind::Lines
        };
        let path = f.clone();
        inputs.push(Input {
            name: f.clone(),
            kind,
            open: Box::new(
                move || Ok(Box::new(std::fs::File::open(path)?) as Box<dyn Read + Send>),
            ),
        });
    }
    Ok((inputs, total))
}

/// `--jsonl` mode. Returns false when any line failed.
fn run_jsonl(tagger: &Tagger, args: &Args, out: &mut impl Write) -> io::Result<bool> {
    let (inputs, total) = jsonl_inputs(&args.files)?;
    let threads = args.threads.unwrap_or_else(|| {
        std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1)
    });
    let options = stream::Options {
        threads,
        fields: args.fields,
        claims_only: args.claims_only,
        batch_bytes: stream::BATCH_BYTES,
    };
    let bar = !args.quiet && io::stderr().is_terminal();
    let mut progress = progress::Progress::new(bar, total);
    let summary = stream::run(tagger, inputs, &options, out, &mut progress)?;
    out.flush()?;
    progress.clear();
    if !args.quiet {
        eprintln!("{}", progress::summary_line(&summary, progress.elapsed()));
    }
    Ok(summary.errors == 0)
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
