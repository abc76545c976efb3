//! Stage 3: sentences and entity mentions → attribution claims.
//!
//! A [`ClaimTagger`] finds cue words ("blames", "was behind",
//! "China-backed", "linked to", "denied involvement") with one
//! whole-word phrase scan of each sentence that holds an entity mention, then
//! runs rules only there: who is accused (the entities the cue's frame
//! points at), who attributes (the agent of the cue, the speaker of a
//! reporting verb, or "it"/"the agency" resolved to the last speaker), the
//! polarity, and the confidence set by the hedges in the claim's scope.
//!
//! The cue and hedge lexicons are data: `gazetteers/cues.tsv` and
//! `gazetteers/hedges.tsv` (format in `gazetteers/LEXICONS.md`), embedded
//! in the library and extendable with [`ClaimTaggerBuilder`].
//!
//! ```
//! use attribution_tagger::{ClaimTagger, EntityInfo, EntityKind, Gazetteer, Span};
//!
//! let mut b = Gazetteer::builder();
//! b.defaults(false);
//! for (id, name) in [("SE", "Sweden"), ("RU", "Russia")] {
//!     let info = EntityInfo {
//!         id: id.into(),
//!         name: name.into(),
//!         kind: EntityKind::State,
//!         country: Some(id.into()),
//!     };
//!     b.add_entry(info, [name]);
//! }
//! let gazetteer = b.build().unwrap();
//! let text = "Sweden blamed Russia for the cyberattack.";
//! let mentions = gazetteer.find_all(text);
//! let claims = ClaimTagger::new().tag_sentence(text, 0, Span::new(0, text.len()), &mentions);
//! assert_eq!(claims.len(), 1);
//! assert_eq!(claims[0].cue.text, "blamed");
//! assert_eq!(&*claims[0].attributor[0].id, "SE");
//! assert_eq!(&*claims[0].accused[0].id, "RU");
//! ```

mod lexicon;
mod phrases;
mod rules;
mod tokens;

use std::sync::Arc;

use once_cell::sync::Lazy;

use crate::document::Claim;
use crate::error::Error;
use crate::gazetteer::Mention;
use crate::span::Span;

pub use crate::claims::rules::ClaimContext;

/// The embedded cue lexicon (`gazetteers/cues.tsv`).
pub const DEFAULT_CUES: &str =
    include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/gazetteers/cues.tsv"));

/// The embedded hedge lexicon (`gazetteers/hedges.tsv`).
pub const DEFAULT_HEDGES: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/gazetteers/hedges.tsv"
));

static DEFAULT: Lazy<ClaimTagger> = Lazy::new(|| {
    ClaimTagger::builder()
        .build()
        .expect("embedded lexicons parse (tested by claims::tests)")
});

/// The longest stretch of a sentence, in bytes, that the claim rules read
/// at once. Longer sentences (tables, lists and scrapes without
/// punctuation; news sentences are far shorter) are read in pieces of at
/// most this many bytes, cut at white space outside entity mentions, so
/// that tagging time stays linear in the length of the text. A claim
/// whose words straddle a cut is missed.
pub const MAX_SENTENCE_BYTES: usize = 4096;

/// Finds attribution claims in a sentence, given its entity mentions.
///
/// Cheap to clone (the compiled lexicons are shared); `Send + Sync`.
#[derive(Clone, Debug)]
pub struct ClaimTagger {
    lex: Arc<lexicon::Lexicon>,
}

impl Default for ClaimTagger {
    fn default() -> ClaimTagger {
        ClaimTagger::new()
    }
}

impl ClaimTagger {
    /// The default English cue and hedge lexicons (compiled once per
    /// process).
    pub fn new() -> ClaimTagger {
        DEFAULT.clone()
    }

    /// A builder to add lexicon files or leave out the defaults.
    pub fn builder() -> ClaimTaggerBuilder {
        ClaimTaggerBuilder::new()
    }

    /// The claims of the sentence `sentence` (index `index`) of `text`, whose
    /// mentions are `mentions` (in order, inside the sentence, with
    /// offsets into `text`). Each sentence is read on its own: use
    /// [`ClaimTagger::tag_sentence_in`] to resolve "it said" across
    /// sentences.
    pub fn tag_sentence(
        &self,
        text: &str,
        index: usize,
        sentence: Span,
        mentions: &[Mention],
    ) -> Vec<Claim> {
        self.tag_sentence_in(
            &mut ClaimContext::default(),
            text,
            index,
            sentence,
            mentions,
        )
    }

    /// Like [`ClaimTagger::tag_sentence`], carrying `context` from one
    /// sentence of a document to the next (the last named speaker, for "it
    /// said" and "the agency said"). Call it on the sentences of one text,
    /// in order, with a fresh context per text.
    ///
    /// ```
    /// use attribution_tagger::{ClaimContext, ClaimTagger, EntityInfo, EntityKind, Gazetteer, Span};
    ///
    /// let mut b = Gazetteer::builder();
    /// b.defaults(false);
    /// for (id, name) in [("EE", "Estonia"), ("RU", "Russia")] {
    ///     let info = EntityInfo {
    ///         id: id.into(),
    ///         name: name.into(),
    ///         kind: EntityKind::State,
    ///         country: Some(id.into()),
    ///     };
    ///     b.add_entry(info, [name]);
    /// }
    /// let gazetteer = b.build().unwrap();
    /// let tagger = ClaimTagger::new();
    /// let text = "Estonia said on Monday that it was investigating. \
    ///             The attack was carried out by Russia, the ministry said.";
    /// let split = text.find(" The").unwrap();
    /// let mut context = ClaimContext::default();
    /// let mut claims = Vec::new();
    /// for (i, span) in [Span::new(0, split), Span::new(split + 1, text.len())].into_iter().enumerate() {
    ///     let mut mentions = gazetteer.find_all(span.as_str(text));
    ///     for m in &mut mentions {
    ///         m.span.start += span.start;
    ///         m.span.end += span.start;
    ///     }
    ///     claims.extend(tagger.tag_sentence_in(&mut context, text, i, span, &mentions));
    /// }
    /// assert_eq!(claims.len(), 1);
    /// assert_eq!(&*claims[0].attributor[0].id, "EE"); // "the ministry" → Estonia
    /// ```
    pub fn tag_sentence_in(
        &self,
        context: &mut ClaimContext,
        text: &str,
        index: usize,
        sentence: Span,
        mentions: &[Mention],
    ) -> Vec<Claim> {
        if mentions.is_empty() || sentence.is_empty() {
            context.note_unnamed(text, sentence);
            return Vec::new();
        }
        if sentence.len() > MAX_SENTENCE_BYTES {
            return self.tag_long_sentence(context, text, index, sentence, mentions);
        }
        self.tag_piece(context, text, index, sentence, mentions)
    }

    /// A sentence longer than [`MAX_SENTENCE_BYTES`] (a table, a list or a
    /// scrape without punctuation) is read in pieces of at most that many
    /// bytes, cut at white space outside mentions, so that the time the
    /// rules take stays linear in its length.
    fn tag_long_sentence(
        &self,
        context: &mut ClaimContext,
        text: &str,
        index: usize,
        sentence: Span,
        mentions: &[Mention],
    ) -> Vec<Claim> {
        let mut claims = Vec::new();
        let (mut start, mut next) = (sentence.start, 0);
        while start < sentence.end {
            let mut end = (start + MAX_SENTENCE_BYTES).min(sentence.end);
            if end < sentence.end {
                let window = text.as_bytes().get(start..end).unwrap_or(&[]);
                // After the last white space byte, or the whole window.
                if let Some(ws) = window.iter().rposition(|b| b.is_ascii_whitespace()) {
                    end = start + ws + 1;
                }
                while !text.is_char_boundary(end) {
                    end -= 1;
                }
                // Never cut a mention in two.
                if let Some(m) = mentions[next..]
                    .iter()
                    .find(|m| m.span.end > end)
                    .filter(|m| m.span.start < end)
                {
                    end = if m.span.start > start {
                        m.span.start
                    } else {
                        m.span.end
                    };
                }
            }
            if end <= start {
                // Only spans off char boundaries (not from this crate's
                // stages) get here; keep going forward.
                end = (start + MAX_SENTENCE_BYTES).min(sentence.end);
            }
            let piece = Span::new(start, end);
            let first = next;
            while next < mentions.len() && mentions[next].span.end <= end {
                next += 1;
            }
            claims.extend(self.tag_piece(context, text, index, piece, &mentions[first..next]));
            start = end;
        }
        claims
    }

    fn tag_piece(
        &self,
        context: &mut ClaimContext,
        text: &str,
        index: usize,
        sentence: Span,
        mentions: &[Mention],
    ) -> Vec<Claim> {
        if mentions.is_empty() || sentence.is_empty() {
            return Vec::new();
        }
        let Some(st) = text.get(sentence.range()) else {
            return Vec::new();
        };
        if mentions
            .iter()
            .any(|m| m.entity.kind == crate::gazetteer::EntityKind::ThreatActor)
        {
            context.cyber_doc = true;
        }
        if !rules::has_claim_cue(&self.lex, text, sentence, mentions, context.cyber_doc) {
            context.push_recent(sentence, mentions);
            return Vec::new();
        }
        context.settle(&self.lex, text);
        let hits = rules::cue_hits(&self.lex, st);
        let mut sent = rules::Sent::new(&self.lex, text, sentence, mentions, &hits);
        sent.doc_claims = context.cyber_doc;
        sent.claims(index, context)
    }
}

/// Builds a [`ClaimTagger`] from the embedded lexicons and user files.
///
/// ```
/// use attribution_tagger::ClaimTagger;
///
/// let cues = "phrase\tclass\tframe\tflags\n{fingered|fingers}\tresponsibility\tobj\tagent\n";
/// let tagger = ClaimTagger::builder().add_cues(cues, "my_cues.tsv").unwrap().build().unwrap();
/// # let _ = tagger;
/// let bad = ClaimTagger::builder().add_cues("phrase\tclass\nx\tnope\n", "bad.tsv").map(|_| ()).unwrap_err();
/// assert_eq!(bad.to_string().split(':').take(2).collect::<Vec<_>>(), ["bad.tsv", "2"]);
/// ```
#[derive(Clone, Debug)]
pub struct ClaimTaggerBuilder {
    defaults: bool,
    rows: lexicon::Rows,
}

impl Default for ClaimTaggerBuilder {
    fn default() -> ClaimTaggerBuilder {
        ClaimTaggerBuilder::new()
    }
}

impl ClaimTaggerBuilder {
    /// A builder that starts with the embedded lexicons.
    pub fn new() -> ClaimTaggerBuilder {
        ClaimTaggerBuilder {
            defaults: true,
            rows: lexicon::Rows::default(),
        }
    }

    /// Whether to include the embedded default lexicons.
    pub fn defaults(&mut self, yes: bool) -> &mut ClaimTaggerBuilder {
        self.defaults = yes;
        self
    }

    /// Adds the rows of a cue lexicon in the format of `gazetteers/cues.tsv`;
    /// `source_name` names it in errors.
    pub fn add_cues(
        &mut self,
        text: &str,
        source_name: &str,
    ) -> Result<&mut ClaimTaggerBuilder, Error> {
        self.rows.add_cues(text, source_name)?;
        Ok(self)
    }

    /// Adds the rows of a hedge lexicon in the format of
    /// `gazetteers/hedges.tsv`; `source_name` names it in errors.
    pub fn add_hedges(
        &mut self,
        text: &str,
        source_name: &str,
    ) -> Result<&mut ClaimTaggerBuilder, Error> {
        self.rows.add_hedges(text, source_name)?;
        Ok(self)
    }

    /// Compiles the lexicons.
    pub fn build(&self) -> Result<ClaimTagger, Error> {
        let mut rows = lexicon::Rows::default();
        if self.defaults {
            rows.add_cues(DEFAULT_CUES, "gazetteers/cues.tsv")?;
            rows.add_hedges(DEFAULT_HEDGES, "gazetteers/hedges.tsv")?;
        }
        rows.extend(&self.rows);
        Ok(ClaimTagger {
            lex: Arc::new(rows.build()?),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Confidence, Polarity};
    use crate::gazetteer::{EntityInfo, EntityKind, Gazetteer};
    use crate::segment::SentenceSplitter;

    /// A small gazetteer, independent of the embedded data.
    fn gazetteer() -> Gazetteer {
        let mut b = Gazetteer::builder();
        b.defaults(false);
        let rows: &[(&str, EntityKind, &[&str])] = &[
            (
                "RU",
                EntityKind::State,
                &["Russia", "Russian", "Moscow", "Kremlin"],
            ),
            ("CN", EntityKind::State, &["China", "Chinese", "Beijing"]),
            ("SE", EntityKind::State, &["Sweden", "Swedish", "Stockholm"]),
            ("IR", EntityKind::State, &["Iran", "Iranian", "Tehran"]),
            ("IL", EntityKind::State, &["Israel", "Israeli"]),
            ("G0069", EntityKind::ThreatActor, &["MuddyWater"]),
        ];
        for (id, kind, forms) in rows {
            let country = if *kind == EntityKind::ThreatActor {
                "IR"
            } else {
                id
            };
            b.add_entry(
                EntityInfo {
                    id: (*id).into(),
                    name: forms[0].into(),
                    kind: *kind,
                    country: Some(country.into()),
                },
                forms.iter().copied(),
            );
        }
        b.build().unwrap()
    }

    fn tag(text: &str) -> Vec<Claim> {
        let g = gazetteer();
        let t = ClaimTagger::new();
        let mut ctx = ClaimContext::default();
        let mut out = Vec::new();
        for (i, s) in SentenceSplitter::new().split(text).into_iter().enumerate() {
            let mut ms = g.find_all(s.as_str(text));
            for m in &mut ms {
                m.span.start += s.start;
                m.span.end += s.start;
            }
            out.extend(t.tag_sentence_in(&mut ctx, text, i, s, &ms));
        }
        out
    }

    fn ids(es: &[crate::document::Entity]) -> Vec<&str> {
        es.iter().map(|e| &*e.id).collect()
    }

    #[test]
    fn a_quote_closed_by_an_unnamed_person_ends_the_named_speaker() {
        // The minister (no entity) spoke in between: the bare quote after is
        // hers, not Sweden's, even with a place after the reporting verb.
        let text = "Sweden said the cyberattack hit its ports. \"We will respond,\" \
                    Minister Anna Berg told reporters in Stockholm on Monday. \
                    \"Russia is responsible for the cyberattack.\"";
        let c = tag(text);
        let last = c.last().expect("a claim");
        assert_eq!(ids(&last.accused), ["RU"]);
        assert!(last.attributor.is_empty(), "{:?}", last.attributor);
        // Without the minister's quote the bare quote is Sweden's.
        let c = tag("Sweden said the cyberattack hit its ports. \
                     \"Russia is responsible for the cyberattack.\"");
        assert_eq!(ids(&c.last().expect("a claim").attributor), ["SE"]);
    }

    #[test]
    fn cues_broken_across_lines_still_match() {
        // Hard-wrapped text: a line break (and extra spaces) inside the cue.
        let c = tag("Sweden pointed the\nfinger at  Russia for the cyberattack.");
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(c[0].cue.text, "pointed the\nfinger at");
        assert_eq!(
            (ids(&c[0].attributor), ids(&c[0].accused)),
            (vec!["SE"], vec!["RU"])
        );
    }

    #[test]
    fn active_passive_compound() {
        let c = tag("Sweden blamed Russia for the cyberattack.");
        assert_eq!(
            (ids(&c[0].attributor), ids(&c[0].accused)),
            (vec!["SE"], vec!["RU"])
        );
        let c = tag("The intrusion was carried out by Chinese hackers, Sweden said.");
        assert_eq!(
            (ids(&c[0].attributor), ids(&c[0].accused)),
            (vec!["SE"], vec!["CN"])
        );
        let c = tag("China-backed hackers breached the network.");
        assert_eq!(ids(&c[0].accused), ["CN"]);
        assert!(c[0].attributor.is_empty());
    }

    #[test]
    fn negation_and_denial() {
        let c = tag("Sweden did not blame Russia for the attack.");
        assert_eq!(c[0].polarity, Polarity::Negated);
        let c = tag("The Kremlin rejected the accusations.");
        assert_eq!(c[0].polarity, Polarity::Negated);
        assert_eq!(
            (ids(&c[0].attributor), ids(&c[0].accused)),
            (vec!["RU"], vec!["RU"])
        );
    }

    #[test]
    fn hedges_stay_with_their_claim() {
        let c = tag(
            "Israel blamed Iran for the attack, saying the campaign was probably \
             coordinated by MuddyWater.",
        );
        assert_eq!(c.len(), 2);
        assert_eq!(c[0].confidence, Confidence::High);
        assert_eq!(c[1].confidence, Confidence::Moderate);
        assert_eq!(c[1].hedges[0].text, "probably");
        assert_eq!(ids(&c[1].attributor), ["IL"]);
        let l = c[1].likelihood.as_ref().unwrap();
        assert_eq!((l.low, l.high), (55, 80));
    }

    #[test]
    fn it_said_resolves_to_the_last_speaker() {
        let c = tag("Sweden said on Monday it had finished its inquiry. \
                     The attack was the work of Russian hackers, it said.");
        assert_eq!(ids(&c[0].attributor), ["SE"]);
    }

    #[test]
    fn no_claim_without_an_accused_or_a_cue() {
        assert!(
            tag("STOCKHOLM (Reuters) - Sweden's economy grew in the third quarter.").is_empty()
        );
        assert!(tag("A state-backed actor was behind the attack, Sweden said.").is_empty());
        assert!(tag("Swedish farmers blamed the weather for the poor harvest.").is_empty());
        assert!(tag("The rise in prices was attributable to higher costs in China.").is_empty());
    }

    #[test]
    fn user_cues_extend_the_defaults() {
        let g = gazetteer();
        let text = "Sweden outed Russia over the hack.";
        let ms = g.find_all(text);
        let span = crate::span::Span::new(0, text.len());
        assert!(ClaimTagger::new()
            .tag_sentence(text, 0, span, &ms)
            .is_empty());
        let t = ClaimTagger::builder()
            .add_cues(
                "phrase\tclass\tframe\tflags\n{out|outs|outed}\tresponsibility\tobj\tagent,ctx\n",
                "mine.tsv",
            )
            .unwrap()
            .build()
            .unwrap();
        let c = t.tag_sentence(text, 0, span, &ms);
        assert_eq!(
            (ids(&c[0].attributor), ids(&c[0].accused)),
            (vec!["SE"], vec!["RU"])
        );
    }

    #[test]
    fn embedded_lexicons_parse() {
        let t = ClaimTagger::builder().build().unwrap();
        assert!(t.lex.cue_slots.len() > 100);
        assert!(!t.lex.hedges.is_empty());
    }
}
