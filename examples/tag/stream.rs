//! `--jsonl` mode: a streaming, parallel, order-preserving pipeline.
//!
//! One reader thread cuts the inputs into batches of whole lines (or whole
//! `.txt` documents); `threads` workers parse, tag and serialize each batch
//! into an output buffer; the calling thread writes the buffers in input
//! order. A fixed number of batches (`window`) may be in flight at once
//! (queued, being tagged, or waiting for an earlier batch to be written):
//! the reader takes a token before it sends a batch and the writer gives it
//! back once the batch is written. Memory is therefore bounded by
//! `window × batch size` plus the longest single line, whatever the corpus
//! size.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt;
use std::io::{self, BufRead, BufReader, Read, Write};
use std::panic::{self, AssertUnwindSafe};
use std::sync::mpsc::{self, Receiver, SyncSender};
use std::sync::{Arc, Mutex};

use attribution_tagger::{Claim, Document, Entity, Span, Tagger};
use serde::de::{self, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::progress::Progress;

/// A batch is sent to the workers once it holds this many bytes (the
/// default of [`Options::batch_bytes`])...
pub const BATCH_BYTES: usize = 256 * 1024;
/// ... or this many lines.
const BATCH_LINES: usize = 512;

/// Which parts of a document to write.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Fields {
    pub sentences: bool,
    pub entities: bool,
    pub claims: bool,
}

impl Default for Fields {
    fn default() -> Fields {
        Fields {
            sentences: true,
            entities: true,
            claims: true,
        }
    }
}

impl Fields {
    /// Parses `sentences,entities,claims` (any subset, any order).
    pub fn parse(list: &str) -> Result<Fields, String> {
        let mut f = Fields {
            sentences: false,
            entities: false,
            claims: false,
        };
        for name in list.split(',').map(str::trim).filter(|s| !s.is_empty()) {
            match name {
                "sentences" => f.sentences = true,
                "entities" => f.entities = true,
                "claims" => f.claims = true,
                other => {
                    return Err(format!(
                        "unknown field {other:?} (expected sentences, entities, claims)"
                    ))
                }
            }
        }
        Ok(f)
    }
}

/// Settings of the `--jsonl` pipeline.
#[derive(Clone, Debug)]
pub struct Options {
    /// Worker threads (at least 1).
    pub threads: usize,
    /// Parts of each document to write.
    pub fields: Fields,
    /// Write only documents with at least one claim (error records are
    /// still written).
    pub claims_only: bool,
    /// Bytes of input per batch ([`BATCH_BYTES`]; tests use small batches).
    pub batch_bytes: usize,
}

/// How an input is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InputKind {
    /// JSON Lines: one `{"id", "text"}` per line.
    Lines,
    /// The whole input is one document; its id is the input's name.
    Document,
}

/// One input: a name for messages and ids, how to read it, and a way to
/// open it (opened lazily, in order, so a thousand files are never open at
/// once).
pub struct Input<'a> {
    pub name: String,
    pub kind: InputKind,
    pub open: Box<dyn FnOnce() -> io::Result<Box<dyn Read + Send + 'a>> + Send + 'a>,
}

impl fmt::Debug for Input<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Input")
            .field("name", &self.name)
            .field("kind", &self.kind)
            .finish()
    }
}

/// What the run did, for the summary line and the exit status.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    /// Input records (lines, `.txt` documents), error lines included.
    pub documents: u64,
    /// Input bytes read.
    pub bytes: u64,
    /// Documents with at least one claim.
    pub with_claims: u64,
    /// Records that gave an error record.
    pub errors: u64,
    /// Records written to the output.
    pub written: u64,
}

/// One record of a batch: a line or a whole document, as a byte range of
/// the batch's buffer.
struct Item {
    input: usize,
    line: u64,
    start: usize,
    end: usize,
}

struct Batch {
    seq: u64,
    data: Vec<u8>,
    items: Vec<Item>,
}

struct Done {
    seq: u64,
    out: Vec<u8>,
    /// Messages for standard error, in order.
    messages: Vec<String>,
    summary: Summary,
}

/// Runs the pipeline over `inputs`, writing one JSON object per record to
/// `out` in input order. `progress` is drawn as batches are written.
pub fn run(
    tagger: &Tagger,
    inputs: Vec<Input<'_>>,
    options: &Options,
    out: &mut dyn Write,
    progress: &mut Progress,
) -> io::Result<Summary> {
    let threads = options.threads.max(1);
    let window = 2 * threads + 2;
    let names: Vec<String> = inputs.iter().map(|i| i.name.clone()).collect();
    let kinds: Vec<InputKind> = inputs.iter().map(|i| i.kind).collect();
    let (work_tx, work_rx) = mpsc::sync_channel::<Batch>(window);
    let work_rx = Arc::new(Mutex::new(work_rx));
    let (done_tx, done_rx) = mpsc::channel::<Done>();
    let (token_tx, token_rx) = mpsc::sync_channel::<()>(window);
    for _ in 0..window {
        // Cannot fail: the channel holds exactly `window` tokens.
        let _ = token_tx.send(());
    }
    std::thread::scope(|scope| {
        let batch_bytes = options.batch_bytes.max(1);
        let reader = scope.spawn(move || read_batches(inputs, batch_bytes, work_tx, token_rx));
        for _ in 0..threads {
            let work_rx = Arc::clone(&work_rx);
            let done_tx = done_tx.clone();
            let (names, kinds) = (&names, &kinds);
            scope.spawn(move || work(tagger, options, names, kinds, &work_rx, &done_tx));
        }
        // Only the workers hold these now: when the writer stops early, the
        // workers stop, and the reader's sends fail instead of blocking.
        drop(work_rx);
        drop(done_tx);
        let written = write_in_order(done_rx, token_tx, out, progress);
        let read = reader
            .join()
            .unwrap_or_else(|_| Err(io::Error::other("the reader thread panicked")));
        let summary = written?;
        read?;
        Ok(summary)
    })
}

/// The reader: cuts the inputs into batches and sends them, taking one
/// token per batch. Stops early when the writer has gone away.
fn read_batches(
    inputs: Vec<Input<'_>>,
    batch_bytes: usize,
    work: SyncSender<Batch>,
    tokens: Receiver<()>,
) -> io::Result<()> {
    let mut seq = 0u64;
    let mut batch = Batch {
        seq,
        data: Vec::with_capacity(batch_bytes.saturating_add(4096)),
        items: Vec::new(),
    };
    let mut send = |batch: &mut Batch| -> bool {
        seq += 1;
        let full = std::mem::replace(
            batch,
            Batch {
                seq,
                data: Vec::with_capacity(batch_bytes.saturating_add(4096)),
                items: Vec::new(),
            },
        );
        tokens.recv().is_ok() && work.send(full).is_ok()
    };
    for (index, input) in inputs.into_iter().enumerate() {
        let name = input.name;
        let reader = (input.open)().map_err(|e| with_name(&name, e))?;
        match input.kind {
            InputKind::Document => {
                let start = batch.data.len();
                let mut reader = reader;
                reader
                    .read_to_end(&mut batch.data)
                    .map_err(|e| with_name(&name, e))?;
                batch.items.push(Item {
                    input: index,
                    line: 1,
                    start,
                    end: batch.data.len(),
                });
                if batch.data.len() >= batch_bytes && !send(&mut batch) {
                    return Ok(());
                }
            }
            InputKind::Lines => {
                let mut reader = BufReader::with_capacity(256 * 1024, reader);
                let mut line = 0u64;
                loop {
                    let start = batch.data.len();
                    let n = reader
                        .read_until(b'\n', &mut batch.data)
                        .map_err(|e| with_name(&name, e))?;
                    if n == 0 {
                        break;
                    }
                    line += 1;
                    batch.items.push(Item {
                        input: index,
                        line,
                        start,
                        end: batch.data.len(),
                    });
                    if (batch.data.len() >= batch_bytes || batch.items.len() >= BATCH_LINES)
                        && !send(&mut batch)
                    {
                        return Ok(());
                    }
                }
            }
        }
    }
    if !batch.items.is_empty() {
        send(&mut batch);
    }
    Ok(())
}

fn with_name(name: &str, e: io::Error) -> io::Error {
    io::Error::new(e.kind(), format!("{name}: {e}"))
}

/// A worker: tags batches until the reader is done or the writer is gone.
fn work(
    tagger: &Tagger,
    options: &Options,
    names: &[String],
    kinds: &[InputKind],
    batches: &Mutex<Receiver<Batch>>,
    done: &mpsc::Sender<Done>,
) {
    loop {
        let batch = {
            let rx = batches.lock().unwrap_or_else(|e| e.into_inner());
            rx.recv()
        };
        let Ok(batch) = batch else { return };
        let mut result = Done {
            seq: batch.seq,
            out: Vec::with_capacity(batch.data.len()),
            messages: Vec::new(),
            summary: Summary::default(),
        };
        for item in &batch.items {
            let bytes = &batch.data[item.start..item.end];
            let record = Record {
                name: &names[item.input],
                kind: kinds[item.input],
                line: item.line,
                bytes,
            };
            // A panic would be a bug in the tagger; it must not cost the
            // line (or hang the pipeline), so it becomes an error record.
            let mark = result.out.len();
            let out = &mut result.out;
            let r = panic::catch_unwind(AssertUnwindSafe(|| {
                tag_record(tagger, options, &record, out)
            }));
            let status = r.unwrap_or_else(|_| {
                // Drop whatever half a line the panic left behind.
                result.out.truncate(mark);
                let id = record.fallback_id();
                let msg = "internal error: the tagger panicked on this input";
                write_error(&mut result.out, &id, record.line, msg);
                Status::Error(msg.to_owned())
            });
            let s = &mut result.summary;
            s.documents += 1;
            s.bytes += bytes.len() as u64;
            match status {
                Status::Tagged { claims, written } => {
                    s.with_claims += u64::from(claims);
                    s.written += u64::from(written);
                }
                Status::Error(msg) => {
                    s.errors += 1;
                    s.written += 1;
                    result
                        .messages
                        .push(format!("tag: {}:{}: {msg}", record.name, record.line));
                }
            }
        }
        if done.send(result).is_err() {
            return;
        }
    }
}

/// The writer: writes finished batches in order and gives their tokens back.
fn write_in_order(
    done: Receiver<Done>,
    tokens: SyncSender<()>,
    out: &mut dyn Write,
    progress: &mut Progress,
) -> io::Result<Summary> {
    let mut total = Summary::default();
    let mut pending: BTreeMap<u64, Done> = BTreeMap::new();
    let mut next = 0u64;
    for d in done {
        pending.insert(d.seq, d);
        while let Some(d) = pending.remove(&next) {
            next += 1;
            out.write_all(&d.out)?;
            if !d.messages.is_empty() {
                progress.clear();
                let stderr = io::stderr();
                let mut err = stderr.lock();
                for m in &d.messages {
                    let _ = writeln!(err, "{m}");
                }
            }
            total.documents += d.summary.documents;
            total.bytes += d.summary.bytes;
            total.with_claims += d.summary.with_claims;
            total.errors += d.summary.errors;
            total.written += d.summary.written;
            progress.update(total.documents, total.bytes);
            // The reader may have finished; then nobody needs the token.
            let _ = tokens.send(());
        }
    }
    if !pending.is_empty() {
        return Err(io::Error::other(
            "a worker thread stopped before its batch was done",
        ));
    }
    Ok(total)
}

/// One input record as the workers see it.
struct Record<'a> {
    name: &'a str,
    kind: InputKind,
    line: u64,
    bytes: &'a [u8],
}

impl Record<'_> {
    /// The id when the record's own cannot be read.
    fn fallback_id(&self) -> Value {
        match self.kind {
            InputKind::Document => Value::String(self.name.to_owned()),
            InputKind::Lines => Value::Null,
        }
    }
}

enum Status {
    Tagged { claims: bool, written: bool },
    Error(String),
}

/// Tags one record and appends its output line (if any) to `out`.
fn tag_record(
    tagger: &Tagger,
    options: &Options,
    record: &Record<'_>,
    out: &mut Vec<u8>,
) -> Status {
    let (id, text) = match parse_record(record) {
        Ok(v) => v,
        Err((id, msg)) => {
            write_error(out, &id, record.line, &msg);
            return Status::Error(msg);
        }
    };
    let doc = tagger.tag(&text);
    let claims = !doc.claims.is_empty();
    let written = claims || !options.claims_only;
    if written {
        write_document(out, &id, &doc, options.fields);
    }
    Status::Tagged { claims, written }
}

/// The id and text of a record, or the id (when known) and what is wrong.
fn parse_record<'a>(record: &Record<'a>) -> Result<(Value, Cow<'a, str>), (Value, String)> {
    let mut bytes = trim_newline(record.bytes);
    if record.line == 1 && record.kind == InputKind::Lines {
        // A byte-order mark (Windows editors write one) is not part of the
        // first record; a `.txt` document keeps it, so offsets stay those
        // of the file.
        bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    }
    let text = std::str::from_utf8(bytes)
        .map_err(|e| (record.fallback_id(), format!("not valid UTF-8: {e}")))?;
    if record.kind == InputKind::Document {
        return Ok((record.fallback_id(), Cow::Borrowed(text)));
    }
    let line: Line<'a> = serde_json::from_str(text).map_err(|e| {
        let msg = match e.classify() {
            serde_json::error::Category::Data => format!("not a JSON object: {e}"),
            _ => format!("not valid JSON: {e}"),
        };
        (Value::Null, msg)
    })?;
    let id = line.id.unwrap_or(Value::from(record.line));
    match line.text {
        Text::Str(t) => Ok((id, t)),
        Text::NotString => Err((id, "\"text\" is not a string".to_owned())),
        Text::Missing => Err((id, "no \"text\" field".to_owned())),
    }
}

pub fn trim_newline(line: &[u8]) -> &[u8] {
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    line.strip_suffix(b"\r").unwrap_or(line)
}

#[derive(Serialize)]
struct OutDocument<'a> {
    id: &'a Value,
    #[serde(skip_serializing_if = "Option::is_none")]
    sentences: Option<&'a [Span]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    entities: Option<&'a [Entity]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    claims: Option<&'a [Claim]>,
}

#[derive(Serialize)]
struct OutError<'a> {
    id: &'a Value,
    line: u64,
    error: &'a str,
}

/// The output form of `doc` with the chosen fields.
pub fn document_out<'a>(id: &'a Value, doc: &'a Document, fields: Fields) -> impl Serialize + 'a {
    OutDocument {
        id,
        sentences: fields.sentences.then_some(&doc.sentences[..]),
        entities: fields.entities.then_some(&doc.entities[..]),
        claims: fields.claims.then_some(&doc.claims[..]),
    }
}

/// Appends `doc` as one JSON line with the chosen fields.
fn write_document(out: &mut Vec<u8>, id: &Value, doc: &Document, fields: Fields) {
    // Writing to a Vec cannot fail, and these types always serialize.
    let _ = serde_json::to_writer(&mut *out, &document_out(id, doc, fields));
    out.push(b'\n');
}

fn write_error(out: &mut Vec<u8>, id: &Value, line: u64, error: &str) {
    let _ = serde_json::to_writer(&mut *out, &OutError { id, line, error });
    out.push(b'\n');
}

/// The two fields of an input line we read; others are skipped without
/// being built. The last `id` or `text` wins when a key repeats.
struct Line<'a> {
    id: Option<Value>,
    text: Text<'a>,
}

enum Text<'a> {
    Missing,
    NotString,
    Str(Cow<'a, str>),
}

impl<'de> Deserialize<'de> for Line<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct LineVisitor;
        impl<'de> Visitor<'de> for LineVisitor {
            type Value = Line<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Line<'de>, A::Error> {
                let mut line = Line {
                    id: None,
                    text: Text::Missing,
                };
                while let Some(key) = map.next_key::<Key>()? {
                    match key {
                        Key::Id => line.id = Some(map.next_value()?),
                        Key::Text => line.text = map.next_value::<TextValue<'de>>()?.0,
                        Key::Other => {
                            map.next_value::<IgnoredAny>()?;
                        }
                    }
                }
                Ok(line)
            }
        }
        d.deserialize_map(LineVisitor)
    }
}

enum Key {
    Id,
    Text,
    Other,
}

impl<'de> Deserialize<'de> for Key {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct KeyVisitor;
        impl Visitor<'_> for KeyVisitor {
            type Value = Key;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a key")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Key, E> {
                Ok(match v {
                    "id" => Key::Id,
                    "text" => Key::Text,
                    _ => Key::Other,
                })
            }
        }
        d.deserialize_identifier(KeyVisitor)
    }
}

/// The value of `text`: borrowed from the line when it has no escapes.
struct TextValue<'a>(Text<'a>);

impl<'de> Deserialize<'de> for TextValue<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct TextVisitor;
        impl<'de> Visitor<'de> for TextVisitor {
            type Value = TextValue<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("any JSON value")
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
                Ok(TextValue(Text::Str(Cow::Borrowed(v))))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                Ok(TextValue(Text::Str(Cow::Owned(v.to_owned()))))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
                Ok(TextValue(Text::Str(Cow::Owned(v))))
            }
            fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
                Ok(TextValue(Text::NotString))
            }
            fn visit_i64<E: de::Error>(self, _: i64) -> Result<Self::Value, E> {
                Ok(TextValue(Text::NotString))
            }
            fn visit_u64<E: de::Error>(self, _: u64) -> Result<Self::Value, E> {
                Ok(TextValue(Text::NotString))
            }
            fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> {
                Ok(TextValue(Text::NotString))
            }
            fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(TextValue(Text::NotString))
            }
            fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(TextValue(Text::NotString))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(TextValue(Text::NotString))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                Ok(TextValue(Text::NotString))
            }
        }
        d.deserialize_any(TextVisitor)
    }
}
