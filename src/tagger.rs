//! The pipeline: text → sentences → entity mentions → claims → [`Document`].
//!
//! This is the one place where the stages are joined.

use crate::claims::{ClaimContext, ClaimTagger};
use crate::document::{Document, Entity};
use crate::error::Error;
use crate::gazetteer::{Gazetteer, Mention};
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
        // The first call of a process builds (and caches) the default
        // gazetteer and claim lexicons: build the two side by side.
        let (gazetteer, claims) = std::thread::scope(|scope| {
            let gazetteer = scope.spawn(Gazetteer::new);
            let claims = ClaimTagger::new();
            // A panic there (the embedded data is tested, so none is
            // expected) goes on as if the build had run on this thread.
            let gazetteer = gazetteer
                .join()
                .unwrap_or_else(|e| std::panic::resume_unwind(e));
            (gazetteer, claims)
        });
        Tagger {
            splitter: SentenceSplitter::new(),
            gazetteer,
            claims,
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
        let mut claims = Vec::new();
        let mut context = ClaimContext::default();
        // One gazetteer pass over the whole text, so context beyond a
        // sentence (a dateline naming the country of an unqualified "Federal
        // Police", a group named plainly earlier) is seen; each sentence then
        // takes the mentions that lie inside it. A mention that straddles a
        // sentence boundary belongs to no sentence and is dropped.
        let all = self.gazetteer.find_all(text);
        let mut entities = Vec::with_capacity(all.len());
        let mut next = 0;
        for (i, &sentence) in sentences.iter().enumerate() {
            while next < all.len() && all[next].span.start < sentence.start {
                next += 1;
            }
            let first = next;
            while next < all.len() && all[next].span.start < sentence.end {
                next += 1;
            }
            let inside = &all[first..next];
            // Nearly always every mention that starts in the sentence ends
            // in it too: then the slice is used as it is, with no copy.
            let contained: Vec<Mention>;
            let mentions = if inside.iter().all(|m| sentence.contains(m.span)) {
                inside
            } else {
                contained = inside
                    .iter()
                    .filter(|m| sentence.contains(m.span))
                    .cloned()
                    .collect();
                &contained
            };
            entities.extend(mentions.iter().map(|m| Entity::from_mention(text, m)));
            claims.extend(
                self.claims
                    .tag_sentence_in(&mut context, text, i, sentence, mentions),
            );
        }
        Document {
            sentences,
            entities,
            claims,
        }
    }

    /// The longest text [`Tagger::try_tag`] accepts: 64 MiB.
    ///
    /// Tagging needs memory in proportion to the text: about 8 bytes per
    /// byte of ordinary news, up to about 50 per byte for text made of
    /// nothing but entity names ("U.S. U.S. U.S. ..."), so a text at the
    /// limit needs at most about 3.2 GB.
    pub const MAX_TEXT_BYTES: usize = 64 << 20;

    /// Like [`Tagger::tag`], but refuses a text longer than
    /// [`Tagger::MAX_TEXT_BYTES`] with an error of kind
    /// [`ErrorKind::TooLarge`](crate::ErrorKind::TooLarge) instead of
    /// trying to allocate the memory it would need (a failed allocation
    /// aborts the process). Use it on input you do not control.
    ///
    /// ```
    /// use attribution_tagger::{ErrorKind, Tagger};
    ///
    /// let tagger = Tagger::new();
    /// let doc = tagger.try_tag("Prague blames Beijing.").unwrap();
    /// assert_eq!(doc, tagger.tag("Prague blames Beijing."));
    /// let huge = " ".repeat(Tagger::MAX_TEXT_BYTES + 1);
    /// assert_eq!(tagger.try_tag(&huge).unwrap_err().kind(), ErrorKind::TooLarge);
    /// ```
    pub fn try_tag(&self, text: &str) -> Result<Document, Error> {
        if text.len() > Tagger::MAX_TEXT_BYTES {
            return Err(Error::new(
                crate::error::ErrorKind::TooLarge,
                format!(
                    "the text has {} bytes, more than the {} a text may have \
                     (Tagger::MAX_TEXT_BYTES)",
                    text.len(),
                    Tagger::MAX_TEXT_BYTES
                ),
            ));
        }
        Ok(self.tag(text))
    }

    /// Tags many texts in parallel on all available cores; the documents
    /// come back in the order of `texts`. Never panics on any text.
    ///
    /// The threads share this tagger by reference (it is `Send + Sync`) and
    /// take small chunks of `texts` in turn, so long and short texts balance
    /// out. For a stream too large to hold in memory, call this on batches,
    /// or see the `tag` example's `--jsonl` mode, which streams with bounded
    /// memory.
    ///
    /// ```
    /// use attribution_tagger::Tagger;
    ///
    /// let tagger = Tagger::new();
    /// let texts = ["Prague blames China.", "Nothing happened. Then rain."];
    /// let docs = tagger.tag_many(&texts);
    /// assert_eq!(docs.len(), 2);
    /// assert_eq!(docs[1], tagger.tag(texts[1]));
    /// ```
    pub fn tag_many<T: AsRef<str> + Sync>(&self, texts: &[T]) -> Vec<Document> {
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
        self.tag_many_with_threads(texts, threads)
    }

    /// [`Tagger::tag_many`] on at most `threads` threads (`0` counts as 1).
    ///
    /// ```
    /// use attribution_tagger::Tagger;
    ///
    /// let tagger = Tagger::new();
    /// let texts = vec!["One. Two.".to_string(); 10];
    /// let docs = tagger.tag_many_with_threads(&texts, 3);
    /// assert!(docs.iter().all(|d| d.sentences.len() == 2));
    /// ```
    pub fn tag_many_with_threads<T: AsRef<str> + Sync>(
        &self,
        texts: &[T],
        threads: usize,
    ) -> Vec<Document> {
        use std::sync::atomic::{AtomicUsize, Ordering};

        /// Texts taken by a thread at a time.
        const CHUNK: usize = 16;
        let chunks = texts.len().div_ceil(CHUNK);
        let threads = threads.clamp(1, chunks.max(1));
        if threads == 1 {
            return texts.iter().map(|t| self.tag(t.as_ref())).collect();
        }
        let next = AtomicUsize::new(0);
        let mut done: Vec<(usize, Vec<Document>)> = std::thread::scope(|scope| {
            let workers: Vec<_> = (0..threads)
                .map(|_| {
                    scope.spawn(|| {
                        let mut mine = Vec::new();
                        loop {
                            let c = next.fetch_add(1, Ordering::Relaxed);
                            let start = c.saturating_mul(CHUNK);
                            let end = start.saturating_add(CHUNK).min(texts.len());
                            let Some(chunk) = texts.get(start..end) else {
                                return mine;
                            };
                            mine.push((c, chunk.iter().map(|t| self.tag(t.as_ref())).collect()));
                        }
                    })
                })
                .collect();
            workers
                .into_iter()
                .flat_map(|w| match w.join() {
                    Ok(v) => v,
                    // `tag` does not panic; if it ever did, surface it here.
                    Err(payload) => std::panic::resume_unwind(payload),
                })
                .collect()
        });
        done.sort_unstable_by_key(|&(c, _)| c);
        done.into_iter().flat_map(|(_, docs)| docs).collect()
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

#[cfg(all(test, feature = "default-gazetteers"))]
mod tests {
    use super::*;

    #[test]
    fn tag_many_equals_tag_in_order() {
        let texts: Vec<String> = (0..101)
            .map(|i| {
                let body = "Officials in Prague blamed China for the outage. ".repeat(i % 9);
                format!("Item {i}. {body}The end.")
            })
            .collect();
        let one_by_one: Vec<Document> = texts.iter().map(|t| Tagger::new().tag(t)).collect();
        let tagger = Tagger::new();
        for threads in [0, 1, 2, 3, 8, 200] {
            assert_eq!(tagger.tag_many_with_threads(&texts, threads), one_by_one);
        }
        assert_eq!(tagger.tag_many(&texts), one_by_one);
        let none: [&str; 0] = [];
        assert!(tagger.tag_many(&none).is_empty());
    }
}
