//! Tags cyber-attribution claims in English news: who blamed whom for a
//! cyber operation, how sure they were, and the words that hedged it.
//!
//! ```
//! use attribution_tagger::Tagger;
//!
//! let tagger = Tagger::new();
//! let text = "Prague blames China for a cyberattack. It was a busy week.";
//! let doc = tagger.tag(text);
//! assert_eq!(doc.sentences.len(), 2);
//! assert_eq!(doc.sentences[0].as_str(text), "Prague blames China for a cyberattack.");
//! ```
//!
//! # Overview
//!
//! The data flows through four stages, one module each, joined only in
//! [`Tagger`]:
//!
//! 1. [`segment`]: text → sentence [`Span`]s ([`SentenceSplitter`]).
//! 2. [`gazetteer`]: sentences → entity [`Mention`]s of states, agencies,
//!    international organisations, companies and threat actors
//!    ([`Gazetteer`]).
//! 3. [`claims`]: mentions and cue words → attribution [`Claim`]s
//!    ([`ClaimTagger`]).
//! 4. [`document`]: the serializable [`Document`] with sentences, entities
//!    and claims, and [`Document::attributions`] for the document-level
//!    answer.
//!
//! Every span is a half-open range of UTF-8 byte offsets into the text given
//! to [`Tagger::tag`]; [`CharOffsets`] converts them to char or UTF-16
//! offsets.
//!
//! # Untrusted input
//!
//! No function of this crate panics on any input text. Errors in what users
//! supply (gazetteer files, settings) are returned as [`Error`]s naming the
//! file, line and column; [`GazetteerBuilder::add_tsv_bytes`] takes raw
//! bytes and locates the first byte that is not UTF-8 the same way.
//!
//! **Limits.** [`Tagger::tag`] accepts a text of any length that fits in
//! memory: offsets are `usize`, and tagging needs about 8 bytes of memory
//! per byte of ordinary news, up to about 50 per byte for text made of
//! nothing but entity names. Running out of memory aborts the process, as
//! it does for any Rust program; to get an error instead, use
//! [`Tagger::try_tag`], which refuses texts over [`Tagger::MAX_TEXT_BYTES`]
//! (64 MiB) with an error of kind [`ErrorKind::TooLarge`].
//!
//! **Time** is linear in the length of the text, whatever it holds: a
//! sentence longer than [`claims::MAX_SENTENCE_BYTES`] (4 KiB: a table or
//! a scrape without punctuation) is read by the claim rules in pieces of
//! at most that size, so a claim whose words straddle a cut is missed. The
//! bench `benches/pathological.rs` compares the time per byte of
//! pathological inputs (megabytes without punctuation, 200,000 × "U.S. ",
//! 100,000 entity names in a row, deeply nested quotes and brackets, one
//! repeated char, control chars, every Unicode space) with ordinary news.
//!
//! **Stack.** No function recurses to a depth that depends on the input, so
//! deeply nested quotes or brackets cannot overflow the stack.
//!
//! **Fuzzing.** `fuzz/` holds cargo-fuzz targets for [`Tagger::tag`], the
//! sentence splitter, and loading a gazetteer file from arbitrary bytes;
//! each checks the invariants of the output (spans on char boundaries
//! inside their sentence, sentences covering the text, claims with an
//! accused), not only the absence of a crash.
//!
//! # Performance
//!
//! Build a [`Tagger`] once and share it: it is `Send + Sync` and cheap to
//! clone. Building the default tagger parses the embedded gazetteers and
//! lexicons into its lookup tables (about 10 ms), once per process.
//!
//! # Crate features
//!
//! * `default-gazetteers` (on by default): embeds the files of
//!   `gazetteers/` and offers [`Tagger::new`] and [`Gazetteer::new`].

#![deny(missing_docs)]

pub mod claims;
pub mod document;
mod error;
pub mod gazetteer;
pub mod segment;
mod span;
mod swar;
mod tagger;
pub mod tsv;

pub use crate::claims::ClaimTagger;
pub use crate::claims::{ClaimContext, ClaimTaggerBuilder};
pub use crate::document::{
    Attribution, Claim, ClaimKind, Confidence, Document, Entity, Likelihood, Polarity,
};
pub use crate::error::{Error, ErrorKind};
pub use crate::gazetteer::{EntityInfo, EntityKind, Gazetteer, GazetteerBuilder, Mention};
pub use crate::segment::SentenceSplitter;
pub use crate::span::{CharOffsets, Span, TextSpan};
pub use crate::tagger::{Tagger, TaggerBuilder};

#[cfg(test)]
mod testoibits {
    use super::*;
    use std::panic::{RefUnwindSafe, UnwindSafe};

    fn assert_all<T: Send + Sync + UnwindSafe + RefUnwindSafe>() {}

    #[test]
    fn public_types_are_send_sync_unwind_safe() {
        assert_all::<Tagger>();
        assert_all::<TaggerBuilder>();
        assert_all::<SentenceSplitter>();
        assert_all::<Gazetteer>();
        assert_all::<GazetteerBuilder>();
        assert_all::<ClaimTagger>();
        assert_all::<Document>();
        assert_all::<Claim>();
        assert_all::<Entity>();
        assert_all::<Mention>();
        assert_all::<Error>();
        assert_all::<CharOffsets>();
    }
}

/// The README's Rust examples compile and run as doc tests.
#[cfg(all(doctest, feature = "default-gazetteers"))]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
