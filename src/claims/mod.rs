//! Stage 3: sentences and entity mentions → attribution claims.

use crate::document::Claim;
use crate::gazetteer::Mention;
use crate::span::Span;

/// Finds attribution claims in a sentence, given its entity mentions.
#[derive(Clone, Debug, Default)]
pub struct ClaimTagger {
    _private: (),
}

impl ClaimTagger {
    /// The default English cue and hedge lexicons.
    pub fn new() -> ClaimTagger {
        ClaimTagger { _private: () }
    }

    /// The claims of the sentence `sentence` (index `index`) of `text`, whose
    /// mentions are `mentions` (in order, inside the sentence).
    pub fn tag_sentence(
        &self,
        text: &str,
        index: usize,
        sentence: Span,
        mentions: &[Mention],
    ) -> Vec<Claim> {
        let _ = (text, index, sentence, mentions);
        Vec::new()
    }
}
