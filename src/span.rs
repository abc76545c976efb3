//! Byte spans and their conversion to character offsets.
//!
//! Every span in this crate is a half-open range of UTF-8 byte offsets into
//! the caller's `&str`: `start` inclusive, `end` exclusive, both on char
//! boundaries. Users in languages that count characters (Python, JavaScript
//! counts UTF-16 units) convert with [`CharOffsets`].

use serde::{Deserialize, Serialize};

/// A half-open byte range `start..end` into a text.
///
/// ```
/// use attribution_tagger::Span;
///
/// let text = "Prague blames Beijing.";
/// let span = Span::new(0, 6);
/// assert_eq!(span.as_str(text), "Prague");
/// assert_eq!(span.range(), 0..6);
/// ```
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub struct Span {
    /// First byte of the span (inclusive).
    pub start: usize,
    /// One past the last byte of the span (exclusive).
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (byte offsets).
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// The byte range.
    pub fn range(&self) -> std::ops::Range<usize> {
        self.start..self.end
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// True when the span holds no byte.
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// The text the span covers, or `""` when the span does not lie on char
    /// boundaries inside `text` (never panics).
    pub fn as_str<'h>(&self, text: &'h str) -> &'h str {
        text.get(self.start..self.end).unwrap_or("")
    }

    /// True when `other` lies entirely within this span.
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

/// A span together with the text it covers: what the JSON output shows for
/// cues, hedges, sources and targets (`{"start", "end", "text"}`).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct TextSpan {
    /// First byte (inclusive).
    pub start: usize,
    /// One past the last byte (exclusive).
    pub end: usize,
    /// The covered text.
    pub text: String,
}

impl TextSpan {
    /// The span `span` of `text`, with its covered text copied.
    pub fn of(text: &str, span: Span) -> TextSpan {
        TextSpan {
            start: span.start,
            end: span.end,
            text: span.as_str(text).to_owned(),
        }
    }

    /// The byte span.
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
}

/// Converts byte offsets into character (Unicode scalar value) offsets and
/// UTF-16 code unit offsets, in O(log n) per lookup after an O(n) index.
///
/// ```
/// use attribution_tagger::CharOffsets;
///
/// let text = "Núkib blames ČR 🙂 today";
/// let offsets = CharOffsets::new(text);
/// let byte = text.find("blames").unwrap();
/// assert_eq!(byte, 7); // "ú" takes two bytes
/// assert_eq!(offsets.char_offset(byte), 6);
/// assert_eq!(offsets.utf16_offset(byte), 6);
/// let byte = text.find("today").unwrap();
/// assert_eq!(offsets.char_offset(byte), 18);
/// assert_eq!(offsets.utf16_offset(byte), 19); // the emoji is two units
/// ```
#[derive(Clone, Debug)]
pub struct CharOffsets {
    /// For every non-ASCII char: its byte offset, byte width, and the number
    /// of chars and UTF-16 units before it.
    marks: Vec<Mark>,
    len: usize,
}

#[derive(Clone, Copy, Debug)]
struct Mark {
    byte: usize,
    width: usize,
    chars: usize,
    units: usize,
}

impl CharOffsets {
    /// Indexes `text`.
    pub fn new(text: &str) -> CharOffsets {
        let mut marks = Vec::new();
        let (mut chars, mut units) = (0usize, 0usize);
        for (byte, c) in text.char_indices() {
            if !c.is_ascii() {
                marks.push(Mark {
                    byte,
                    width: c.len_utf8(),
                    chars,
                    units,
                });
            }
            chars += 1;
            units += c.len_utf16();
        }
        CharOffsets {
            marks,
            len: text.len(),
        }
    }

    /// (chars, UTF-16 units) before byte offset `byte`.
    fn lookup(&self, byte: usize) -> (usize, usize) {
        let byte = byte.min(self.len);
        // The last non-ASCII char that starts before `byte`.
        let idx = self.marks.partition_point(|m| m.byte < byte);
        let Some(m) = idx.checked_sub(1).map(|i| self.marks[i]) else {
            return (byte, byte);
        };
        // That char, then only ASCII bytes up to `byte`.
        let tail = byte.saturating_sub(m.byte + m.width);
        let units = if m.width == 4 { 2 } else { 1 };
        (m.chars + 1 + tail, m.units + units + tail)
    }

    /// The char offset of byte offset `byte` (clamped to the text length).
    pub fn char_offset(&self, byte: usize) -> usize {
        self.lookup(byte).0
    }

    /// The UTF-16 code unit offset of byte offset `byte` (JavaScript, Java).
    pub fn utf16_offset(&self, byte: usize) -> usize {
        self.lookup(byte).1
    }
}
