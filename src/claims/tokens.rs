//! A light tokenizer for candidate sentences: words, punctuation, and the
//! marks the rules need (boundaries, word classes, mentions, cue hits).

use crate::claims::lexicon::Lexicon;

/// No index.
pub(crate) const NONE: usize = usize::MAX;

/// One token of a sentence.
#[derive(Clone, Debug)]
pub(crate) struct Tok {
    /// Absolute byte offsets into the document.
    pub s: usize,
    pub e: usize,
    /// A word (letters or digits), as opposed to punctuation.
    pub word: bool,
    /// A clause boundary that no rule crosses: ; : ( ) [ ] quotes, dashes,
    /// line breaks.
    pub hard: bool,
    /// A comma.
    pub comma: bool,
    /// A quotation mark (also `hard`).
    pub quote: bool,
    /// The possessive "'s" or a lone apostrophe.
    pub poss: bool,
    /// Word-class bits (see `lexicon::word`).
    pub w: u16,
    /// Index of the mention the token lies in, or `NONE`.
    pub ment: usize,
    /// Index of the cue hit the token lies in, or `NONE`.
    pub hit: usize,
    /// Whether the token lies in a hedge hit.
    pub hedge: bool,
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Tokenizes `sentence` (whose first byte is at `base` in the document).
/// `lower` receives the ASCII-lowercased sentence (same byte length).
pub(crate) fn tokenize(sentence: &str, base: usize, lex: &Lexicon, out: &mut Vec<Tok>) {
    out.clear();
    let lower = sentence.to_ascii_lowercase();
    let mut it = sentence.char_indices().peekable();
    let tok = |s: usize, e: usize, word: bool| Tok {
        s: base + s,
        e: base + e,
        word,
        hard: false,
        comma: false,
        quote: false,
        poss: false,
        w: 0,
        ment: NONE,
        hit: NONE,
        hedge: false,
    };
    while let Some((i, c)) = it.next() {
        if c == '\n' || c == '\r' {
            // A line break inside a sentence (headline, dateline): boundary.
            if c == '\n' {
                let mut t = tok(i, i + 1, false);
                t.hard = true;
                out.push(t);
            }
            continue;
        }
        if c.is_whitespace() {
            continue;
        }
        if is_word_char(c) {
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = it.peek() {
                if is_word_char(d) {
                    end = j + d.len_utf8();
                    it.next();
                } else {
                    break;
                }
            }
            let mut t = tok(i, end, true);
            if let Some(bits) = lower.get(i..end).and_then(|w| lex.words.get(w)) {
                t.w = *bits;
            }
            out.push(t);
            continue;
        }
        let end = i + c.len_utf8();
        match c {
            '\'' | '\u{2019}' => {
                // "'s" possessive: apostrophe + s + non-word.
                let rest = &sentence[end..];
                let mut rc = rest.chars();
                let is_s = matches!(rc.next(), Some('s') | Some('S'))
                    && !rc.next().is_some_and(is_word_char);
                let prev_word = out.last().is_some_and(|t| t.word && t.e == base + i);
                if is_s && prev_word {
                    it.next();
                    let mut t = tok(i, end + 1, false);
                    t.poss = true;
                    out.push(t);
                } else {
                    let mut t = tok(i, end, false);
                    // An apostrophe closing a plural possessive ("Czechs'")
                    // or inside a word; a quote otherwise.
                    if prev_word {
                        t.poss = true;
                    } else {
                        t.quote = true;
                        t.hard = true;
                    }
                    out.push(t);
                }
            }
            ',' => {
                let mut t = tok(i, end, false);
                t.comma = true;
                out.push(t);
            }
            '"' | '\u{201c}' | '\u{201d}' | '\u{2018}' | '\u{ab}' | '\u{bb}' => {
                let mut t = tok(i, end, false);
                t.quote = true;
                t.hard = true;
                out.push(t);
            }
            ';' | ':' | '(' | ')' | '[' | ']' | '{' | '}' | '\u{2014}' | '\u{2013}' | '!' | '?'
            | '|' => {
                let mut t = tok(i, end, false);
                t.hard = true;
                out.push(t);
            }
            '-' => {
                // A spaced hyphen or a double hyphen is a dash.
                let spaced_before = i == 0 || sentence[..i].ends_with(char::is_whitespace);
                let next = sentence[end..].chars().next();
                let dash =
                    (spaced_before && next.map_or(true, char::is_whitespace)) || next == Some('-');
                if next == Some('-') {
                    it.next();
                    let mut t = tok(i, end + 1, false);
                    t.hard = true;
                    out.push(t);
                } else {
                    let mut t = tok(i, end, false);
                    t.hard = dash;
                    out.push(t);
                }
            }
            _ => out.push(tok(i, end, false)),
        }
    }
}
