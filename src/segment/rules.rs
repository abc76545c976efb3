//! The English and news-layout rules on top of UAX #29.
//!
//! One forward pass over three sorted kinds of events:
//!
//! 1. every UAX #29 boundary (after a terminator cluster, or after a line
//!    break), which the rules keep or drop;
//! 2. a full stop between a lower-case and a capitalised word with no space
//!    ("world.Today"), which UAX #29 (rule SB7) never breaks;
//! 3. a horizontal ellipsis "…", which UAX #29 does not treat as a
//!    terminator, and a full stop before a number ("in 2019. 45 people"),
//!    which UAX #29 (rule SB8) never breaks when a lower-case word follows.
//!
//! Inline list items ("1) ... 2) ...") are found by scanning the current
//! sentence, but only when it starts with a list marker.
//!
//! Every look-around is bounded (a token is at most [`TOKEN`] bytes, a line
//! at most [`LINE`] bytes) or covers text no other event covers, so the
//! pass is linear in the length of the text.

use super::abbrev::{self, Kind};
use super::layout::{self, Marker};
use super::uax29::{self, Cat};
use super::{Config, LineBreaks};

/// Longest token looked at around a full stop, in bytes.
const TOKEN: usize = 48;
/// Longest part of a line the layout rules look at, in bytes.
const LINE: usize = 200;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Decision {
    Keep,
    Cut(usize),
}

/// What follows a candidate boundary.
#[derive(Clone, Copy, Debug, Default)]
struct Next {
    /// The first non-white-space character, unless a blank line (or a
    /// paragraph separator) or the end of the text comes first.
    pos: Option<usize>,
    /// A line break lies between the candidate and `pos`.
    line_break: bool,
}

/// The word after a candidate boundary.
#[derive(Clone, Copy, Debug, Default)]
struct Word<'h> {
    /// The word itself (letters, digits, apostrophes), without the opening
    /// quotes or brackets before it.
    text: &'h str,
    /// It was preceded by an opening quote or bracket.
    quoted: bool,
    /// It was preceded by an opening quotation mark (not a bracket).
    quote: bool,
    /// One past the word's last byte, in the text.
    end: usize,
    /// The first character after the opening quotes or brackets.
    first: Option<char>,
    upper: bool,
    lower: bool,
    digit: bool,
}

fn is_parasep(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

fn is_terminator(c: char) -> bool {
    c == '…' || matches!(uax29::cat(c), Cat::ATerm | Cat::STerm)
}

fn is_opening(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '(' | '[' | '{' | '“' | '‘' | '«' | '‹' | '„' | '¿' | '¡'
    )
}

fn char_before(text: &str, at: usize) -> Option<char> {
    text.get(..at)?.chars().next_back()
}

fn char_at(text: &str, at: usize) -> Option<char> {
    text.get(at..)?.chars().next()
}

/// The largest char boundary of `text` that is `<= at`.
fn floor_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The cut points of `text`: byte offsets where a new sentence begins.
pub(crate) fn cuts(text: &str, cfg: &Config, uax: &[usize]) -> Vec<usize> {
    let extra = extra_events(text);
    let mut e = Engine {
        text,
        cfg,
        cuts: Vec::with_capacity(uax.len() + 4),
        last_cut: 0,
        sent_start: 0,
        line_start: 0,
        marker: None,
        marker_scan: 0,
        ws_cache: (usize::MAX, 0),
    };
    e.start_sentence(0);
    let (mut i, mut j) = (0, 0);
    loop {
        let a = uax.get(i).copied();
        let b = extra.get(j).copied();
        match (a, b) {
            (None, None) => break,
            (Some(x), Some((y, _))) if x <= y => {
                e.boundary(x);
                i += 1;
            }
            (Some(x), None) => {
                e.boundary(x);
                i += 1;
            }
            (_, Some((y, kind))) => {
                e.extra(y, kind);
                j += 1;
            }
        }
    }
    e.scan_markers(text.len());
    e.cuts
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Extra {
    /// "world.Today": the full stop's offset.
    Glued,
    /// "…": its offset.
    Ellipsis,
    /// "in 2019. 45 people were hurt": a full stop, white space, a digit.
    /// UAX #29 (rule SB8) does not break there because a lower-case word
    /// follows the number. The full stop's offset.
    BeforeNumber,
}

/// Events 2 and 3 of the module docs, in order.
fn extra_events(text: &str) -> Vec<(usize, Extra)> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    for i in memchr::memchr2_iter(b'.', 0xE2, b) {
        if b[i] == b'.' {
            if i > 0
                && b[i - 1].is_ascii_lowercase()
                && b.get(i + 1).is_some_and(u8::is_ascii_uppercase)
                && b.get(i + 2).is_some_and(u8::is_ascii_lowercase)
            {
                out.push((i, Extra::Glued));
            } else if b.get(i + 1) == Some(&b' ')
                && b.get(i + 2).is_some_and(u8::is_ascii_digit)
                && i > 0
                && b[i - 1].is_ascii_alphanumeric()
            {
                out.push((i, Extra::BeforeNumber));
            }
        } else if b[i..].starts_with("…".as_bytes()) {
            out.push((i, Extra::Ellipsis));
        }
    }
    out
}

struct Engine<'a> {
    text: &'a str,
    cfg: &'a Config,
    cuts: Vec<usize>,
    last_cut: usize,
    /// First non-white-space byte of the current sentence.
    sent_start: usize,
    /// Start of the current line.
    line_start: usize,
    /// The list marker that opens the current sentence.
    marker: Option<Marker>,
    /// Where the search for the next list item goes on.
    marker_scan: usize,
    /// `(from, found)`: every byte in `from..found` is white space and
    /// `found` is not (or is the end).
    ws_cache: (usize, usize),
}

impl<'a> Engine<'a> {
    fn first_non_ws(&mut self, from: usize) -> usize {
        let (f, found) = self.ws_cache;
        if f <= from && from <= found {
            return found;
        }
        let text = self.text;
        let found = text
            .get(from..)
            .and_then(|rest| {
                rest.char_indices()
                    .find(|&(_, c)| !c.is_whitespace())
                    .map(|(i, _)| from + i)
            })
            .unwrap_or(text.len());
        self.ws_cache = (from, found);
        found
    }

    fn start_sentence(&mut self, at: usize) {
        self.sent_start = self.first_non_ws(at);
        self.marker = layout::parse_marker(self.text, self.sent_start);
        self.marker_scan = self.marker.map_or(self.sent_start, |m| m.end);
    }

    fn cut(&mut self, at: usize) {
        if at <= self.last_cut || at > self.text.len() || !self.text.is_char_boundary(at) {
            return;
        }
        self.cuts.push(at);
        self.last_cut = at;
        self.start_sentence(at);
    }

    /// Cuts before each inline list item that continues the current
    /// sentence's list, up to `limit`.
    fn scan_markers(&mut self, limit: usize) {
        while let Some(m) = self.marker {
            let from = self.marker_scan.max(self.last_cut);
            if from >= limit {
                return;
            }
            let text = self.text;
            let region = text.get(from..limit).unwrap_or("");
            let mut found = None;
            let mut prev_ws = char_before(text, from).is_some_and(char::is_whitespace);
            for (i, c) in region.char_indices() {
                if prev_ws && !c.is_whitespace() {
                    if let Some(next) = layout::parse_marker(text, from + i) {
                        if m.is_followed_by(&next) {
                            found = Some(next.start);
                            break;
                        }
                    }
                }
                prev_ws = c.is_whitespace();
            }
            match found {
                Some(at) => self.cut(at),
                None => {
                    self.marker_scan = limit;
                    return;
                }
            }
        }
    }

    /// What follows `at`, looking no further than the second line break.
    fn next(&self, at: usize, mut line_break: bool) -> Next {
        let text = self.text;
        let mut it = text.get(at..).unwrap_or("").char_indices().peekable();
        while let Some((i, c)) = it.next() {
            if c == '\u{2029}' {
                return Next {
                    pos: None,
                    line_break: true,
                };
            }
            if is_parasep(c) {
                if c == '\r' && matches!(it.peek(), Some(&(_, '\n'))) {
                    it.next();
                }
                if line_break {
                    return Next {
                        pos: None,
                        line_break: true,
                    };
                }
                line_break = true;
            } else if !c.is_whitespace() {
                return Next {
                    pos: Some(at + i),
                    line_break,
                };
            }
        }
        Next {
            pos: None,
            line_break,
        }
    }

    fn word(&self, at: usize) -> Word<'a> {
        let text = self.text;
        let rest = text.get(at..).unwrap_or("");
        let mut w = Word::default();
        let mut start = rest.len();
        for (n, (i, c)) in rest.char_indices().enumerate() {
            if n < 4 && is_opening(c) {
                w.quoted = true;
                w.quote |= !matches!(c, '(' | '[' | '{');
                continue;
            }
            start = i;
            break;
        }
        let rest = &rest[start..];
        let mut end = 0;
        for (i, c) in rest.char_indices() {
            if i >= TOKEN || !(c.is_alphanumeric() || c == '\'' || c == '’') {
                break;
            }
            end = i + c.len_utf8();
        }
        w.text = &rest[..end];
        w.end = at + start + end;
        let first = rest.chars().next();
        w.first = first;
        w.upper = first.is_some_and(char::is_uppercase);
        w.lower = first.is_some_and(char::is_lowercase);
        w.digit = first.is_some_and(|c| c.is_ascii_digit());
        w
    }

    /// One UAX #29 boundary.
    fn boundary(&mut self, b: usize) {
        let text = self.text;
        let Some(c) = char_before(text, b) else {
            return;
        };
        if is_parasep(c) {
            let mut nl = b - c.len_utf8();
            if c == '\n' && nl > 0 && text.as_bytes()[nl - 1] == b'\r' {
                nl -= 1;
            }
            let content_end = self.skip_back_space(nl);
            let term = self.terminator_before(content_end);
            self.scan_markers(term.map_or(content_end, |t| t.1));
            // A paragraph separator is a blank line of its own: `next`
            // only sees the ones after `b`, not the one that makes `b`.
            let next = if c == '\u{2029}' {
                Next {
                    pos: None,
                    line_break: true,
                }
            } else {
                self.next(b, true)
            };
            let d = match term {
                Some((t0, t1)) => self.decide_term(t0, t1, b, &next),
                None => self.decide_line(content_end, b, &next),
            };
            if let Decision::Cut(at) = d {
                self.cut(at);
            }
            self.line_start = b;
        } else {
            let end = self.skip_back_space(b);
            let Some((t0, t1)) = self.terminator_before(end) else {
                // A boundary the rules do not know: trust UAX #29.
                self.cut(b);
                return;
            };
            self.scan_markers(t1);
            let next = self.next(b, false);
            if let Decision::Cut(at) = self.decide_term(t0, t1, b, &next) {
                self.cut(at);
            }
        }
    }

    /// Event 2 or 3.
    fn extra(&mut self, at: usize, kind: Extra) {
        match kind {
            Extra::Glued => {
                self.scan_markers(at + 1);
                if self.glued_sentence_end(at) {
                    self.cut(at + 1);
                }
            }
            Extra::BeforeNumber => {
                self.scan_markers(at + 1);
                let next = self.next(at + 1, false);
                if let Decision::Cut(c) = self.decide_term(at, at + 1, at + 2, &next) {
                    self.cut(c);
                }
            }
            Extra::Ellipsis => {
                let end = at + '…'.len_utf8();
                self.scan_markers(end);
                let text = self.text;
                if matches!(char_before(text, at), Some('[' | '(')) {
                    return;
                }
                // Closing quotes and brackets, then a space on the same line.
                let mut p = end;
                while let Some(c) = char_at(text, p) {
                    if uax29::cat(c) == Cat::Close && !is_opening_quote(c) {
                        p += c.len_utf8();
                    } else {
                        break;
                    }
                }
                match char_at(text, p) {
                    Some(c) if c.is_whitespace() && !is_parasep(c) => {}
                    _ => return,
                }
                let next = self.next(p, false);
                if let (Some(np), false) = (next.pos, next.line_break) {
                    if is_terminator(char_at(text, np).unwrap_or(' ')) {
                        return;
                    }
                    let w = self.word(np);
                    if w.upper && (w.quoted || w.text != "I") {
                        self.cut(p);
                    }
                }
            }
        }
    }

    fn skip_back_space(&self, mut at: usize) -> usize {
        while let Some(c) = char_before(self.text, at) {
            if c.is_whitespace() && !is_parasep(c) {
                at -= c.len_utf8();
            } else {
                break;
            }
        }
        at
    }

    /// The terminator run `(t0, t1)` that ends at `end` after optional
    /// closing quotes and brackets: "!!", "?!", "...", ". . . .".
    fn terminator_before(&self, end: usize) -> Option<(usize, usize)> {
        let text = self.text;
        let mut t1 = end;
        while let Some(c) = char_before(text, t1) {
            if uax29::cat(c) == Cat::Close {
                t1 -= c.len_utf8();
            } else {
                break;
            }
        }
        if !char_before(text, t1).is_some_and(is_terminator) {
            return None;
        }
        let mut t0 = t1;
        loop {
            match char_before(text, t0) {
                Some(c) if is_terminator(c) => t0 -= c.len_utf8(),
                Some(' ')
                    if text.as_bytes().get(t0) == Some(&b'.')
                        && char_before(text, t0 - 1) == Some('.') =>
                {
                    t0 -= 1
                }
                _ => break,
            }
        }
        Some((t0, t1))
    }

    /// Decides a terminator run `t0..t1` whose UAX #29 boundary is `b`.
    fn decide_term(&mut self, t0: usize, t1: usize, b: usize, next: &Next) -> Decision {
        let cut = Decision::Cut(b);
        let Some(np) = next.pos else {
            return cut;
        };
        if next.line_break && (self.cfg.line_breaks == LineBreaks::Always || self.opens_block(np)) {
            return cut;
        }
        // The run is part of the list marker that opens the sentence.
        if let Some(m) = self.marker {
            if m.start <= t0 && t1 <= m.end {
                return Decision::Keep;
            }
        }
        let text = self.text;
        let run = &text[t0..t1];
        // "[.]", "(!)", "[...]": a defanged dot or an editorial mark.
        if matches!(char_before(text, t0), Some('[' | '('))
            && matches!(char_at(text, t1), Some(']' | ')'))
        {
            return Decision::Keep;
        }
        let w = self.word(np);
        if w.lower {
            return Decision::Keep;
        }
        let dots = run.bytes().filter(|&c| c == b'.').count();
        let other = run.chars().any(|c| c != '.' && c != ' ');
        let line_break = next.line_break && self.cfg.line_breaks != LineBreaks::Wrapped;
        if (dots >= 2 || run.contains('…')) && !run.contains(['!', '?']) {
            // An ellipsis. "[...]" marks an omission inside a quotation.
            if matches!(char_before(text, t0), Some('[' | '(')) {
                return Decision::Keep;
            }
            let spaced = run.contains(' ');
            let attached = char_before(text, t0).is_some_and(|c| !c.is_whitespace());
            if spaced && attached && text.as_bytes().get(t0 + 1) == Some(&b' ') {
                // "words. . . . The": the full stop ends the sentence and the
                // ellipsis opens the next one.
                return Decision::Cut(t0 + 1);
            }
            if spaced && dots < 4 && !line_break {
                // ". . ." within a sentence; a fourth dot is a full stop.
                return Decision::Keep;
            }
            return cut;
        }
        if other || dots != 1 {
            // “Why now?” Jane Doe asked.
            if !line_break && self.quote_then_attribution(t1, np) {
                return Decision::Keep;
            }
            return cut;
        }
        self.decide_full_stop(t0, &w, line_break, cut)
    }

    fn decide_full_stop(
        &mut self,
        t0: usize,
        w: &Word<'a>,
        line_break: bool,
        cut: Decision,
    ) -> Decision {
        let text = self.text;
        // The token before the full stop, back to white space.
        let lo = floor_boundary(text, t0.saturating_sub(TOKEN));
        let before = &text[lo..t0];
        let ws_start = match before.rfind(char::is_whitespace) {
            Some(i) => Some(lo + i + before[i..].chars().next().map_or(1, char::len_utf8)),
            None if lo == 0 || char_before(text, lo).is_some_and(char::is_whitespace) => Some(lo),
            None => None,
        };
        // The token starts no earlier than the sentence ("Tuesday.Mr."). A
        // token that starts at the sentence start is found whether the
        // sentence opens the text or follows white space: the window
        // reaching back to offset 0 must not decide it.
        let in_sentence = self.sent_start <= t0;
        let tok_start = match ws_start {
            Some(s) if in_sentence => s.max(self.sent_start),
            Some(s) => s,
            None if in_sentence && lo <= self.sent_start => self.sent_start,
            None => return cut,
        };
        let raw = &text[tok_start..t0];
        let tok = raw.trim_start_matches(is_opening);
        // "Japan-U.S.", "ex-Gen.": the part after the last hyphen or slash.
        let tok = match tok.rfind(['-', '/']) {
            Some(i) if i + 1 < tok.len() => &tok[i + 1..],
            _ => tok,
        };
        let tok_start = t0 - tok.len();
        if tok.is_empty() {
            return cut;
        }
        let ambiguous = || {
            let opener = abbrev::is_opener(w.text);
            if opener || (w.upper && (line_break || w.quote)) {
                cut
            } else {
                Decision::Keep
            }
        };
        let kind = self
            .cfg
            .abbreviation(tok)
            .or_else(|| abbrev::builtin(tok))
            .or_else(|| is_dotted_abbreviation(tok).then_some(Kind::Ambiguous));
        match kind {
            Some(Kind::Title) => {
                if w.upper || w.digit {
                    Decision::Keep
                } else {
                    cut
                }
            }
            Some(Kind::Number) => {
                if w.digit || w.first == Some('#') {
                    Decision::Keep
                } else {
                    ambiguous()
                }
            }
            Some(Kind::Month) => {
                if w.digit {
                    Decision::Keep
                } else {
                    ambiguous()
                }
            }
            Some(Kind::Time) => {
                if self.fronted_time_phrase(tok_start) {
                    Decision::Keep
                } else {
                    ambiguous()
                }
            }
            Some(Kind::Ambiguous) => ambiguous(),
            Some(Kind::Never) => Decision::Keep,
            None => {
                let mut chars = tok.chars();
                match (chars.next(), chars.next()) {
                    (Some(c), None) if c.is_uppercase() => {
                        // An initial, unless the pronoun "I" after a
                        // lower-case word ("you and I. Did") or a letter
                        // before a sentence opener that is not itself an
                        // initial ("Plan B. The", but "A. A. Milne").
                        let pronoun = c == 'I' && self.prev_word_is_lower(tok_start);
                        let next_initial = w.text.chars().count() == 1
                            && text.as_bytes().get(w.end) == Some(&b'.');
                        let sentence_end = pronoun || (abbrev::is_opener(w.text) && !next_initial);
                        if sentence_end || (line_break && !w.upper) {
                            cut
                        } else {
                            Decision::Keep
                        }
                    }
                    (Some(c), None) if c.is_lowercase() => ambiguous(),
                    _ => cut,
                }
            }
        }
    }

    fn prev_word_is_lower(&self, tok_start: usize) -> bool {
        let text = self.text;
        let lo = floor_boundary(text, tok_start.saturating_sub(TOKEN));
        // Only words of the current sentence count.
        let lo = if self.sent_start <= tok_start {
            lo.max(self.sent_start)
        } else {
            lo
        };
        let before = text[lo..tok_start].trim_end();
        before
            .split_whitespace()
            .next_back()
            .and_then(|w| w.chars().next())
            .is_some_and(char::is_lowercase)
    }

    /// A closing quote at `t1`, then at `np` one to three capitalised words
    /// and a speech verb: "“Why now?” Jane Doe asked."
    fn quote_then_attribution(&self, t1: usize, np: usize) -> bool {
        let text = self.text;
        if !matches!(char_at(text, t1), Some('"' | '”' | '\'' | '’' | '»')) {
            return false;
        }
        let hi = floor_boundary(text, np.saturating_add(64));
        let rest = text.get(np..hi).unwrap_or("");
        for (i, word) in rest.split_whitespace().take(4).enumerate() {
            let word = word.trim_end_matches([',', '.']);
            if i > 0 && abbrev::is_speech_verb(word) {
                return true;
            }
            if !word.chars().next().is_some_and(char::is_uppercase) {
                return false;
            }
        }
        false
    }

    /// "At 5 a.m." at the start of the sentence.
    fn fronted_time_phrase(&self, tok_start: usize) -> bool {
        let text = self.text;
        if tok_start < self.sent_start || tok_start - self.sent_start > 24 {
            return false;
        }
        let prefix = text.get(self.sent_start..tok_start).unwrap_or("");
        let mut words = prefix.split_whitespace();
        let first = words.next().unwrap_or("");
        prefix.split_whitespace().count() <= 3 && abbrev::is_time_preposition(first)
    }

    /// "world.Today", "1,000.That": a sentence glued to the next.
    fn glued_sentence_end(&self, dot: usize) -> bool {
        let text = self.text;
        let b = text.as_bytes();
        // The token around the full stop, between white space of any kind
        // (a paragraph separator before it is white space too).
        let lo = floor_boundary(text, dot.saturating_sub(TOKEN));
        let before = &text[lo..dot];
        let start = match before.rfind(char::is_whitespace) {
            Some(i) => lo + i + before[i..].chars().next().map_or(1, char::len_utf8),
            None if lo == 0 || char_before(text, lo).is_some_and(char::is_whitespace) => lo,
            None => return false,
        };
        let hi = floor_boundary(text, dot + TOKEN);
        let after = text.get(dot + 1..hi).unwrap_or("");
        let end = match after.find(char::is_whitespace) {
            Some(i) => dot + 1 + i,
            None if hi == b.len() || char_at(text, hi).is_some_and(char::is_whitespace) => hi,
            None => return false,
        };
        let token = &b[start..end];
        if token
            .iter()
            .any(|c| matches!(c, b'@' | b'/' | b':' | b'\\' | b'_' | b'=' | b'#'))
        {
            return false;
        }
        let word = &b[start..dot];
        if word.contains(&b'.') || word.len() < 2 || !word.iter().all(u8::is_ascii_alphabetic) {
            return false;
        }
        let word = std::str::from_utf8(word).unwrap_or("");
        self.cfg.abbreviation(word).is_none() && abbrev::builtin(word).is_none()
    }

    /// True when the line at `np` opens a new block: a list item, a byline
    /// or a credit line.
    fn opens_block(&self, np: usize) -> bool {
        if layout::parse_marker(self.text, np).is_some() {
            return true;
        }
        let line = self.line_at(np);
        layout::is_byline(line) || layout::is_credit(line)
    }

    /// The line starting at `at`, at most [`LINE`] bytes of it.
    fn line_at(&self, at: usize) -> &'a str {
        let text = self.text;
        let hi = floor_boundary(text, at.saturating_add(LINE));
        let rest = text.get(at..hi).unwrap_or("");
        match rest.find(is_parasep) {
            Some(i) => &rest[..i],
            None => rest,
        }
    }

    /// Decides a line break after a line that does not end with a
    /// terminator: `content_end` is the end of the line's text, `b` the
    /// start of the next line.
    fn decide_line(&mut self, content_end: usize, b: usize, next: &Next) -> Decision {
        let cut = Decision::Cut(b);
        let Some(np) = next.pos else {
            return cut;
        };
        match self.cfg.line_breaks {
            LineBreaks::Always => return cut,
            LineBreaks::Wrapped => {
                return if layout::parse_marker(self.text, np).is_some() {
                    cut
                } else {
                    Decision::Keep
                };
            }
            LineBreaks::Auto => {}
        }
        let text = self.text;
        let start = self
            .line_start
            .max(floor_boundary(text, content_end.saturating_sub(LINE)));
        let line = text.get(start..content_end).unwrap_or("").trim();
        if line.is_empty() || self.opens_block(np) {
            return cut;
        }
        if layout::is_byline(line) || layout::is_credit(line) {
            return cut;
        }
        // A dateline opens the paragraph it stands in.
        if layout::ends_with_dash(line) || layout::is_dateline(line) {
            return Decision::Keep;
        }
        // A line cannot end on a comma or a connecting word.
        if line.ends_with([',', ';']) {
            return Decision::Keep;
        }
        if line
            .split_whitespace()
            .next_back()
            .is_some_and(abbrev::is_connector)
        {
            return Decision::Keep;
        }
        // A wrapped sentence: the next line goes on in lower case, and the
        // sentence does not itself start in lower case (a list of
        // lower-case items, one per line, does).
        let w = self.word(np);
        let starts_lower = char_at(text, self.sent_start).is_some_and(char::is_lowercase);
        if w.lower && !starts_lower && !w.quoted {
            return Decision::Keep;
        }
        cut
    }
}

fn is_opening_quote(c: char) -> bool {
    matches!(c, '“' | '‘' | '«' | '‹' | '„' | '(' | '[' | '{')
}

/// "U.S", "U.S.A", "Ph.D", "D.C": letters in groups of one to three,
/// joined by full stops.
fn is_dotted_abbreviation(tok: &str) -> bool {
    let mut groups = 0;
    for g in tok.split('.') {
        if g.is_empty() || g.len() > 3 || !g.bytes().all(|c| c.is_ascii_alphabetic()) {
            return false;
        }
        groups += 1;
    }
    groups >= 2
}
