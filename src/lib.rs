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
//! file, line and column.
//!
//! # Performance
//!
//! Build a [`Tagger`] once and share it: it is `Send + Sync` and cheap to
//! clone. Building the default tagger parses the embedded gazetteers and
//! compiles the automata, once per process.
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
