//! The invariants every output of the crate keeps, on any input text.
//!
//! Shared by the property tests (`tests/properties.rs`), the pathological
//! inputs (`tests/pathological.rs`) and the fuzz targets (`fuzz/`, which
//! include this file with `#[path]`), so it depends on nothing but the
//! crate and `serde_json`. Each check returns the first broken invariant
//! as an `Err` message.

#![allow(dead_code)]

use attribution_tagger::{Document, Entity, Span, TextSpan};

/// Fails with a formatted message when `cond` is false.
macro_rules! ensure {
    ($cond:expr, $($msg:tt)+) => {
        if !$cond {
            return Err(format!($($msg)+));
        }
    };
}

/// `span` is a non-reversed range on char boundaries inside `text`.
pub fn check_span(text: &str, span: Span, what: &str) -> Result<(), String> {
    ensure!(
        span.start <= span.end && span.end <= text.len(),
        "{what} {span:?} outside the text (len {})",
        text.len()
    );
    ensure!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what} {span:?} not on char boundaries"
    );
    Ok(())
}

/// Sentences are non-empty, on char boundaries, in order, non-overlapping,
/// trimmed of white space, and cover every non-white-space char.
pub fn check_sentences(text: &str, sentences: &[Span]) -> Result<(), String> {
    let mut prev_end = 0;
    for (i, &s) in sentences.iter().enumerate() {
        check_span(text, s, "sentence")?;
        ensure!(s.start < s.end, "sentence {i} {s:?} is empty");
        ensure!(
            prev_end <= s.start,
            "sentence {i} {s:?} overlaps or precedes the one before (end {prev_end})"
        );
        let piece = &text[s.range()];
        ensure!(piece.trim() == piece, "sentence {i} {s:?} is not trimmed");
        ensure!(
            text[prev_end..s.start].chars().all(char::is_whitespace),
            "non-white-space text left out before sentence {i} {s:?}"
        );
        prev_end = s.end;
    }
    ensure!(
        text[prev_end..].chars().all(char::is_whitespace),
        "non-white-space text left out after the last sentence (from {prev_end})"
    );
    Ok(())
}

fn check_text_span(text: &str, t: &TextSpan, within: Span, what: &str) -> Result<(), String> {
    let span = t.span();
    check_span(text, span, what)?;
    ensure!(
        within.contains(span),
        "{what} {span:?} outside its sentence {within:?}"
    );
    ensure!(
        t.text == text[span.range()],
        "{what} {span:?} text {:?} is not the text it covers",
        t.text
    );
    Ok(())
}

fn check_entity(text: &str, e: &Entity) -> Result<(), String> {
    let span = e.span();
    check_span(text, span, "entity")?;
    ensure!(span.start < span.end, "entity {span:?} is empty");
    ensure!(
        e.text == text[span.range()],
        "entity {span:?} text {:?} is not the text it covers",
        e.text
    );
    ensure!(!e.id.is_empty(), "entity {span:?} has an empty id");
    ensure!(!e.name.is_empty(), "entity {span:?} has an empty name");
    if let Some(c) = &e.country {
        ensure!(
            c.len() == 2 && c.bytes().all(|b| b.is_ascii_uppercase()),
            "entity {span:?} has country {c:?}"
        );
    }
    Ok(())
}

/// Every invariant of a [`Document`] tagged from `text`, and the JSON
/// round trip.
pub fn check_document(text: &str, doc: &Document) -> Result<(), String> {
    check_sentences(text, &doc.sentences)?;

    // Entities: in order, non-overlapping, each inside a sentence.
    let mut prev_end = 0;
    let mut sent = 0;
    for e in &doc.entities {
        check_entity(text, e)?;
        ensure!(
            prev_end <= e.start,
            "entity {:?} overlaps or precedes the one before",
            e.span()
        );
        prev_end = e.end;
        while sent < doc.sentences.len() && doc.sentences[sent].end < e.end {
            sent += 1;
        }
        ensure!(
            doc.sentences
                .get(sent)
                .is_some_and(|s| s.contains(e.span())),
            "entity {:?} is not inside a sentence",
            e.span()
        );
    }

    // Claims: in order of their cue, everything inside the sentence, at
    // least one accused, valid field values.
    let mut prev_cue = 0;
    for (i, c) in doc.claims.iter().enumerate() {
        let Some(&sentence) = doc.sentences.get(c.sentence) else {
            return Err(format!("claim {i} names sentence {}", c.sentence));
        };
        let extent = Span::new(c.start, c.end);
        check_span(text, extent, "claim")?;
        ensure!(
            sentence.contains(extent),
            "claim {i} {extent:?} outside its sentence {sentence:?}"
        );
        check_text_span(text, &c.cue, sentence, "cue")?;
        ensure!(!c.cue.text.is_empty(), "claim {i} has an empty cue");
        ensure!(
            prev_cue <= c.cue.start,
            "claim {i} is out of cue order ({} after {prev_cue})",
            c.cue.start
        );
        prev_cue = c.cue.start;
        if let Some(s) = &c.source {
            check_text_span(text, s, sentence, "source")?;
        }
        if let Some(t) = &c.target {
            check_text_span(text, t, sentence, "target")?;
        }
        for h in &c.hedges {
            check_text_span(text, h, sentence, "hedge")?;
        }
        ensure!(!c.accused.is_empty(), "claim {i} accuses nobody");
        // Accused and attributors are entities of the document, named in
        // this sentence or (resolved speakers, "it said") an earlier one.
        for (role, list) in [("accused", &c.accused), ("attributor", &c.attributor)] {
            for e in list.iter() {
                ensure!(
                    doc.entities.contains(e),
                    "claim {i}: {role} {:?} is not an entity of the document",
                    e.span()
                );
                ensure!(
                    e.end <= sentence.end,
                    "claim {i}: {role} {:?} comes after its sentence",
                    e.span()
                );
            }
        }
        if let Some(l) = &c.likelihood {
            ensure!(
                l.low <= l.high && l.high <= 100,
                "claim {i}: likelihood band {}..{}",
                l.low,
                l.high
            );
            ensure!(!l.term.is_empty(), "claim {i}: empty likelihood term");
            ensure!(!l.scale.is_empty(), "claim {i}: empty likelihood scale");
        }
    }

    for (r, row) in doc.attributions().iter().enumerate() {
        ensure!(row.count == row.claims.len(), "attribution {r}: count");
        ensure!(
            row.claims.iter().all(|&i| i < doc.claims.len()),
            "attribution {r}: claim index out of range"
        );
        ensure!(!row.accused.is_empty(), "attribution {r}: empty accused");
    }

    check_json(doc)
}

/// The JSON output parses and reads back to the same document.
pub fn check_json(doc: &Document) -> Result<(), String> {
    let json = serde_json::to_string(doc).map_err(|e| format!("serialize: {e}"))?;
    let value: serde_json::Value =
        serde_json::from_str(&json).map_err(|e| format!("output is not JSON: {e}"))?;
    ensure!(value.is_object(), "output is not a JSON object");
    let back: Document =
        serde_json::from_str(&json).map_err(|e| format!("output does not read back: {e}"))?;
    ensure!(&back == doc, "JSON round trip changed the document");
    Ok(())
}
