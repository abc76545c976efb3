//! The pipeline: text → sentences → entity mentions → claims → [`Document`].
//!
//! This is the one place where the stages are joined.

use crate::claims::{ClaimContext, ClaimTagger};
use crate::document::{Document, Entity};
use crate::error::Error;
use crate::gazetteer::Gazetteer;
use crate::segment::SentenceSplitter;

/// Tags attribution claims in English news text.
///
/// ```
/// use attribution_tagger::Tagger;
///
/// let tagger = Tagger::new();
/// let doc = tagger.tag("Prague blames Beijing. It was a quiet day.");
/// assert_eq!(doc.sentences.len(), 2);
/// ```
#[derive(Clone, Debug)]
pub struct Tagger {
    splitter: SentenceSplitter,
    gazetteer: Gazetteer,
    claims: ClaimTagger,
}

impl Tagger {
    /// A tagger with the embedded default gazetteers and rules.
    #[cfg(feature = "default-gazetteers")]
    pub fn new() -> Tagger {
        Tagger {
            splitter: SentenceSplitter::new(),
            gazetteer: Gazetteer::new(),
            claims: ClaimTagger::new(),
        }
    }

    /// A builder to replace any stage.
    pub fn builder() -> TaggerBuilder {
        TaggerBuilder::default()
    }

    /// The sentence splitter.
    pub fn splitter(&self) -> &SentenceSplitter {
        &self.splitter
    }

    /// The gazetteer.
    pub fn gazetteer(&self) -> &Gazetteer {
        &self.gazetteer
    }

    /// The claim tagger.
    pub fn claim_tagger(&self) -> &ClaimTagger {
        &self.claims
    }

    /// Tags one text. Never panics.
    pub fn tag(&self, text: &str) -> Document {
        let sentences = self.splitter.split(text);
        let mut entities = Vec::new();
        let mut claims = Vec::new();
        let mut context = ClaimContext::default();
        for (i, &sentence) in sentences.iter().enumerate() {
            let mut mentions = self.gazetteer.find_all(sentence.as_str(text));
            for m in &mut mentions {
                m.span.start += sentence.start;
                m.span.end += sentence.start;
            }
            entities.extend(mentions.iter().map(|m| Entity::from_mention(text, m)));
            claims.extend(
                self.claims
                    .tag_sentence_in(&mut context, text, i, sentence, &mentions),
            );
        }
        Document {
            sentences,
            entities,
            claims,
        }
    }
}

#[cfg(feature = "default-gazetteers")]
impl Default for Tagger {
    fn default() -> Tagger {
        Tagger::new()
    }
}

/// Builds a [`Tagger`] with chosen stages.
#[derive(Clone, Debug, Default)]
pub struct TaggerBuilder {
    splitter: Option<SentenceSplitter>,
    gazetteer: Option<Gazetteer>,
    claims: Option<ClaimTagger>,
}

impl TaggerBuilder {
    /// Uses `splitter` for stage 1.
    pub fn splitter(&mut self, splitter: SentenceSplitter) -> &mut TaggerBuilder {
        self.splitter = Some(splitter);
        self
    }

    /// Uses `gazetteer` for stage 2.
    pub fn gazetteer(&mut self, gazetteer: Gazetteer) -> &mut TaggerBuilder {
        self.gazetteer = Some(gazetteer);
        self
    }

    /// Uses `claims` for stage 3.
    pub fn claim_tagger(&mut self, claims: ClaimTagger) -> &mut TaggerBuilder {
        self.claims = Some(claims);
        self
    }

    /// Builds the tagger; stages not set use the defaults (an error when the
    /// `default-gazetteers` feature is off and no gazetteer was given).
    pub fn build(&self) -> Result<Tagger, Error> {
        let gazetteer = match &self.gazetteer {
            Some(g) => g.clone(),
            None => Gazetteer::builder().build()?,
        };
        Ok(Tagger {
            splitter: self.splitter.clone().unwrap_or_default(),
            gazetteer,
            claims: self.claims.clone().unwrap_or_default(),
        })
    }
}
