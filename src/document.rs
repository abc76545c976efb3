//! Stage 4: the serializable result of tagging one text.
//!
//! The wire format (what `serde_json` writes) is documented in the README,
//! section "Output format"; field names are stable.

use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::gazetteer::{EntityKind, Mention};
use crate::span::{Span, TextSpan};

/// Everything found in one text.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// Sentence spans, in order.
    pub sentences: Vec<Span>,
    /// Entity mentions, in order of their start.
    pub entities: Vec<Entity>,
    /// Attribution claims, in order of their cue.
    pub claims: Vec<Claim>,
}

/// An entity mention as written in the output.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Entity {
    /// First byte of the mention (inclusive).
    pub start: usize,
    /// One past the last byte of the mention.
    pub end: usize,
    /// The mention's text.
    pub text: String,
    /// The entity's family.
    pub kind: EntityKind,
    /// Stable id (ISO alpha-2 for states; MITRE ATT&CK id or a slug for
    /// threat actors).
    pub id: Arc<str>,
    /// Canonical name.
    pub name: Arc<str>,
    /// ISO alpha-2 code of the state the entity is, belongs to or is
    /// attributed to.
    pub country: Option<Arc<str>>,
    /// True when the entity was inferred from a vendor naming scheme and is
    /// not in the gazetteer.
    #[serde(default)]
    pub inferred: bool,
}

impl Entity {
    /// The output form of `mention` in `text`.
    pub fn from_mention(text: &str, mention: &Mention) -> Entity {
        Entity {
            start: mention.span.start,
            end: mention.span.end,
            text: mention.span.as_str(text).to_owned(),
            kind: mention.entity.kind,
            id: mention.entity.id.clone(),
            name: mention.entity.name.clone(),
            country: mention.entity.country.clone(),
            inferred: mention.inferred,
        }
    }

    /// The byte span.
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
}

/// What kind of attribution a claim makes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ClaimKind {
    /// Blames, accused of, was behind, carried out by.
    Responsibility,
    /// State-sponsored, China-backed, on behalf of, works for.
    Sponsorship,
    /// Linked to, tied to, associated with, based in.
    Association,
    /// Charged, indicted, convicted.
    Legal,
    /// Sanctioned, designated.
    Sanction,
    /// Claimed responsibility.
    SelfClaim,
}

/// Whether the claim is asserted or denied.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Polarity {
    /// The attribution is made.
    Affirmed,
    /// The attribution is withheld or denied.
    Negated,
}

/// How sure the attributor is, on the ICD 203 / PHIA convention.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Confidence {
    /// may, might, suspected, reportedly, unnamed sources.
    Low,
    /// likely, probably, believes, assesses.
    Moderate,
    /// An unhedged assertion or a booster at 80% or above.
    High,
}

/// A probability band named by an estimative term.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Likelihood {
    /// The term as written ("highly likely").
    pub term: String,
    /// The scale it belongs to (`ICD 203` or `PHIA`).
    pub scale: String,
    /// Lower bound of the band, in percent.
    pub low: u8,
    /// Upper bound of the band, in percent.
    pub high: u8,
}

/// One attribution claim.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    /// Index of the sentence that holds the claim.
    pub sentence: usize,
    /// First byte of the claim's extent.
    pub start: usize,
    /// One past the last byte of the claim's extent.
    pub end: usize,
    /// What kind of attribution.
    pub kind: ClaimKind,
    /// The few words that make it a claim.
    pub cue: TextSpan,
    /// The entities that make the claim (empty when unattributed).
    pub attributor: Vec<Entity>,
    /// The speaker phrase when it is not an entity ("researchers").
    pub source: Option<TextSpan>,
    /// The entities blamed (never empty).
    pub accused: Vec<Entity>,
    /// What was attacked, when stated.
    pub target: Option<TextSpan>,
    /// Affirmed or negated.
    pub polarity: Polarity,
    /// How sure the attributor is.
    pub confidence: Confidence,
    /// The probability band of an estimative term, when one is used.
    pub likelihood: Option<Likelihood>,
    /// Every hedge and booster that shaped the confidence.
    pub hedges: Vec<TextSpan>,
}

/// One row of the document-level answer: who attributed to whom, how often
/// and how strongly.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attribution {
    /// Ids of the attributor entities (empty for unattributed claims).
    pub attributor: Vec<Arc<str>>,
    /// Id of the accused entity: for threat actors and agencies with a
    /// country, the state they are attributed to.
    pub accused: Arc<str>,
    /// Affirmed or negated.
    pub polarity: Polarity,
    /// Number of claims folded into the row.
    pub count: usize,
    /// The strongest confidence among them.
    pub confidence: Confidence,
    /// Indices into [`Document::claims`].
    pub claims: Vec<usize>,
}

/// The state an entity stands for: itself for states, its country otherwise,
/// its id when it has no country.
fn state_of(e: &Entity) -> Arc<str> {
    e.country.clone().unwrap_or_else(|| e.id.clone())
}

impl Document {
    /// Folds the claims into one row per (attributors, accused state,
    /// polarity), in order of first appearance.
    ///
    /// Attributors are the states (or organisations) behind the claim's
    /// attributor entities; the accused is the state behind each accused
    /// entity, so "APT31" and "China" both count for `CN`.
    pub fn attributions(&self) -> Vec<Attribution> {
        let mut rows: Vec<Attribution> = Vec::new();
        for (i, claim) in self.claims.iter().enumerate() {
            let mut attributor: Vec<Arc<str>> = claim.attributor.iter().map(state_of).collect();
            attributor.sort();
            attributor.dedup();
            let mut accused: Vec<Arc<str>> = claim.accused.iter().map(state_of).collect();
            accused.sort();
            accused.dedup();
            for acc in accused {
                match rows.iter_mut().find(|r| {
                    r.attributor == attributor && r.accused == acc && r.polarity == claim.polarity
                }) {
                    Some(row) => {
                        row.count += 1;
                        row.confidence = row.confidence.max(claim.confidence);
                        row.claims.push(i);
                    }
                    None => rows.push(Attribution {
                        attributor: attributor.clone(),
                        accused: acc,
                        polarity: claim.polarity,
                        count: 1,
                        confidence: claim.confidence,
                        claims: vec![i],
                    }),
                }
            }
        }
        rows
    }
}
