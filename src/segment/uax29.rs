//! UAX #29 sentence boundaries, two ways.
//!
//! * [`general`]: `unicode-segmentation`'s own iterator. It defines the
//!   semantics, but runs at about 40 MB/s and its rule SB8 looks ahead from
//!   every position after a full stop, which is quadratic on a full stop
//!   followed by a long run of spaces.
//! * [`fast`]: a port of the same state machine over the same category table
//!   (`table.rs`, generated from `unicode-segmentation`), which skips runs of
//!   characters that cannot start or end a boundary decision and caches the
//!   SB8 look-ahead, so it is linear. The tests below check that both give
//!   the same boundaries on arbitrary strings.
//!
//! Both return the *interior* boundaries: byte offsets `b` with
//! `0 < b < text.len()` where a UAX #29 sentence ends, in increasing order.

use super::table::SENTENCE_CAT;

/// A UAX #29 `Sentence_Break` property value (`Other` is `Any`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Cat {
    Other,
    ATerm,
    CR,
    Close,
    Extend,
    Format,
    LF,
    Lower,
    Numeric,
    OLetter,
    SContinue,
    STerm,
    Sep,
    Sp,
    Upper,
}

const fn ascii_table() -> [Cat; 128] {
    let mut t = [Cat::Other; 128];
    let mut i = 0;
    while i < SENTENCE_CAT.len() {
        let (lo, hi, cat) = SENTENCE_CAT[i];
        if lo >= 128 {
            break;
        }
        let mut c = lo;
        while c <= hi && c < 128 {
            t[c as usize] = cat;
            c += 1;
        }
        i += 1;
    }
    t
}

static ASCII: [Cat; 128] = ascii_table();

/// True for ASCII bytes at which no rule can fire while the state is
/// settled (see [`State::settled`]): everything but terminators and line
/// breaks. Non-ASCII characters are checked with [`skippable`].
const fn skip_table() -> [bool; 256] {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 128 {
        t[i] = matches!(
            ASCII[i],
            Cat::Other
                | Cat::Lower
                | Cat::Upper
                | Cat::Numeric
                | Cat::SContinue
                | Cat::Sp
                | Cat::Close
        );
        i += 1;
    }
    t
}

static SKIP: [bool; 256] = skip_table();

/// Finds the bytes that may stop a skip: a byte [`SKIP`] rejects, which in
/// ASCII is one of `. ! ? \n \r`, or any non-ASCII byte.
///
/// News text has a full stop or line break every few dozen bytes and `!`,
/// CR or non-ASCII bytes rarely, so `.`, `\n` and `?` are found with
/// `memchr3` and the rare ones are looked for ahead, each search going on
/// from where the last one ended (linear time overall).
struct Stops<'a> {
    bytes: &'a [u8],
    /// The next `!` or `\r` at or after the last position asked about.
    rare: usize,
    /// The next non-ASCII byte at or after the last position asked about.
    high: usize,
}

impl<'a> Stops<'a> {
    fn new(bytes: &'a [u8]) -> Stops<'a> {
        Stops {
            bytes,
            rare: Stops::find_rare(bytes, 0),
            high: Stops::find_high(bytes, 0),
        }
    }

    /// The first byte at or after `i` that may stop a skip, or the end.
    /// It may stop early; the caller checks the byte itself.
    #[inline]
    fn next(&mut self, i: usize) -> usize {
        let len = self.bytes.len();
        if i >= len {
            return len;
        }
        if self.rare < i {
            self.rare = Stops::find_rare(self.bytes, i);
        }
        if self.high < i {
            self.high = Stops::find_high(self.bytes, i);
        }
        let limit = self.rare.min(self.high);
        match self.bytes.get(i..limit) {
            Some(run) => memchr::memchr3(b'.', b'\n', b'?', run).map_or(limit, |k| i + k),
            None => i,
        }
    }

    fn find_rare(bytes: &[u8], i: usize) -> usize {
        bytes
            .get(i..)
            .and_then(|rest| memchr::memchr2(b'!', b'\r', rest))
            .map_or(bytes.len(), |k| i + k)
    }

    /// The first non-ASCII byte at or after `i`, or the end: whole blocks
    /// are tested with `is_ascii`, which reads a word at a time.
    fn find_high(bytes: &[u8], mut i: usize) -> usize {
        const BLOCK: usize = 64;
        while let Some(block) = bytes.get(i..bytes.len().min(i + BLOCK)) {
            if block.is_empty() {
                break;
            }
            if !block.is_ascii() {
                return i + block.iter().position(|b| !b.is_ascii()).unwrap_or(0);
            }
            i += block.len();
        }
        bytes.len()
    }
}

/// The categories [`SKIP`] lets through, for any character.
fn skippable(c: Cat) -> bool {
    matches!(
        c,
        Cat::Other
            | Cat::Lower
            | Cat::Upper
            | Cat::OLetter
            | Cat::Numeric
            | Cat::SContinue
            | Cat::Sp
            | Cat::Close
    )
}

/// The `Sentence_Break` category of `c`.
#[inline]
pub(crate) fn cat(c: char) -> Cat {
    let u = c as u32;
    if u < 128 {
        return ASCII[u as usize];
    }
    match SENTENCE_CAT.binary_search_by(|&(lo, hi, _)| {
        if hi < u {
            std::cmp::Ordering::Less
        } else if lo > u {
            std::cmp::Ordering::Greater
        } else {
            std::cmp::Ordering::Equal
        }
    }) {
        Ok(i) => SENTENCE_CAT[i].2,
        Err(_) => Cat::Other,
    }
}

/// The general path: `unicode-segmentation`'s iterator.
pub(crate) fn general(text: &str) -> Vec<usize> {
    use unicode_segmentation::UnicodeSegmentation;
    text.split_sentence_bound_indices()
        .map(|(i, _)| i)
        .filter(|&i| i > 0 && i < text.len())
        .collect()
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Part {
    Sot,
    Other,
    CR,
    LF,
    Sep,
    ATerm,
    UpperLower,
    ClosePlus,
    SpPlus,
    STerm,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct State([Part; 4]);

impl State {
    fn next(self, cat: Cat) -> State {
        let p = self.0;
        match (p[3], cat) {
            (Part::ClosePlus, Cat::Close) | (Part::SpPlus, Cat::Sp) => self,
            _ => State([
                p[1],
                p[2],
                p[3],
                match cat {
                    Cat::CR => Part::CR,
                    Cat::LF => Part::LF,
                    Cat::Sep => Part::Sep,
                    Cat::ATerm => Part::ATerm,
                    Cat::Upper | Cat::Lower => Part::UpperLower,
                    Cat::Close => Part::ClosePlus,
                    Cat::Sp => Part::SpPlus,
                    Cat::STerm => Part::STerm,
                    _ => Part::Other,
                },
            ]),
        }
    }

    fn last(self) -> Part {
        self.0[3]
    }

    /// True when no rule can look back to a terminator or line break from
    /// here: plain text follows plain text.
    fn settled(self) -> bool {
        !matches!(
            self.last(),
            Part::Sot | Part::CR | Part::LF | Part::Sep | Part::ATerm | Part::STerm
        ) && !self.sb8a()
    }

    /// Index of the part before `Close* Sp*` at the end of the state.
    fn before_close_sp(self) -> usize {
        let p = self.0;
        let mut idx = if p[3] == Part::SpPlus { 2 } else { 3 };
        if p[idx] == Part::ClosePlus {
            idx -= 1;
        }
        idx
    }

    fn is_saterm(part: Part) -> bool {
        part == Part::STerm || part == Part::ATerm
    }

    fn sb8_applies(self) -> bool {
        self.0[self.before_close_sp()] == Part::ATerm
    }

    fn sb8a(self) -> bool {
        State::is_saterm(self.0[self.before_close_sp()])
    }

    fn sb9(self) -> bool {
        let p = self.0;
        let idx = if p[3] == Part::ClosePlus { 2 } else { 3 };
        State::is_saterm(p[idx])
    }

    fn sb11(self) -> bool {
        let p = self.0;
        let mut idx = match p[3] {
            Part::Sep | Part::CR | Part::LF => 2,
            _ => 3,
        };
        if p[idx] == Part::SpPlus {
            idx -= 1;
        }
        if p[idx] == Part::ClosePlus {
            idx -= 1;
        }
        State::is_saterm(p[idx])
    }
}

/// The fast path: the same rules as [`general`], linear time.
// One `if` arm per UAX #29 rule, in the standard's order, even where two
// arms do the same thing.
#[allow(clippy::if_same_then_else)]
pub(crate) fn fast(text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    // About one boundary per sentence; news sentences run ~120 bytes.
    let mut out = Vec::with_capacity(text.len() / 96 + 4);
    let mut state = State([Part::Sot; 4]);
    let mut pos = 0;
    // SB8 look-ahead cache: a scan from `from` decided `result` at `until`
    // (the deciding character, or the end of the text). Every character in
    // between is one SB8 skips, so a scan from any position in
    // `from..=until` gives the same answer.
    let mut sb8_cache: Option<(usize, usize, bool)> = None;
    let mut stops = Stops::new(bytes);
    while pos < bytes.len() {
        // Skip plain text: no rule fires inside it, and afterwards only the
        // last character's part matters (no terminator is reachable).
        if state.settled() {
            let mut end = pos;
            while end < bytes.len() {
                end = stops.next(end);
                let Some(&b) = bytes.get(end) else {
                    break;
                };
                if b < 0x80 {
                    if !SKIP[b as usize] {
                        break;
                    }
                    end += 1;
                } else {
                    match text[end..].chars().next() {
                        Some(ch) if skippable(cat(ch)) => end += ch.len_utf8(),
                        _ => break,
                    }
                }
            }
            if end > pos {
                let last = match bytes[end - 1] {
                    b if b < 0x80 => ASCII[usize::from(b)],
                    _ => text[..end].chars().next_back().map_or(Cat::Other, cat),
                };
                let part = match last {
                    Cat::Upper | Cat::Lower => Part::UpperLower,
                    Cat::Sp => Part::SpPlus,
                    Cat::Close => Part::ClosePlus,
                    _ => Part::Other,
                };
                state = State([Part::Other, Part::Other, Part::Other, part]);
                pos = end;
                continue;
            }
        }
        let (c, len) = match bytes[pos] {
            b if b < 0x80 => (ASCII[usize::from(b)], 1),
            _ => match text[pos..].chars().next() {
                Some(ch) => (cat(ch), ch.len_utf8()),
                None => break,
            },
        };
        let before = pos;
        let sb = state;
        pos += len;
        state = state.next(c);
        let brk = if sb.last() == Part::Sot {
            // SB1: a break at the start of the text (not an interior one).
            false
        } else if c == Cat::LF && sb.last() == Part::CR {
            continue;
        } else if matches!(sb.last(), Part::Sep | Part::CR | Part::LF) {
            true
        } else if c == Cat::Extend || c == Cat::Format {
            state = sb;
            continue;
        } else if c == Cat::Numeric && sb.last() == Part::ATerm {
            continue;
        } else if c == Cat::Upper && sb.0[2] == Part::UpperLower && sb.0[3] == Part::ATerm {
            continue;
        } else if sb.sb8_applies() && {
            let cached = match sb8_cache {
                Some((from, until, r)) if from <= before && before <= until => Some(r),
                _ => None,
            };
            match cached {
                Some(r) => r,
                None => {
                    let (until, r) = sb8_scan(text, before);
                    sb8_cache = Some((before, until, r));
                    r
                }
            }
        } {
            continue;
        } else if matches!(c, Cat::SContinue | Cat::STerm | Cat::ATerm) && sb.sb8a() {
            continue;
        } else if matches!(c, Cat::Close | Cat::Sp | Cat::Sep | Cat::CR | Cat::LF) && sb.sb9() {
            continue;
        } else if matches!(c, Cat::Sp | Cat::Sep | Cat::CR | Cat::LF) && sb.sb8a() {
            continue;
        } else {
            sb.sb11()
        };
        if brk {
            out.push(before);
        }
    }
    out
}

/// SB8's look-ahead from `from`: `( ¬(OLetter | Upper | Lower | ParaSep |
/// SATerm) )* Lower`. Returns where it was decided and the answer.
fn sb8_scan(text: &str, from: usize) -> (usize, bool) {
    for (i, ch) in text[from..].char_indices() {
        match cat(ch) {
            Cat::Lower => return (from + i, true),
            Cat::OLetter | Cat::Upper | Cat::Sep | Cat::CR | Cat::LF | Cat::STerm | Cat::ATerm => {
                return (from + i, false)
            }
            _ => {}
        }
    }
    (text.len(), false)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn table_is_sorted() {
        for w in SENTENCE_CAT.windows(2) {
            assert!(w[0].0 <= w[0].1 && w[0].1 < w[1].0, "{w:?}");
        }
    }

    #[test]
    fn known_cases_agree() {
        let cases = [
            "",
            "a",
            "Hello World. My name is Jonas.",
            "Hello!! Long time no see.",
            "I live in the U.S. How about you?",
            "He said \"no.\" Then he left.\r\nNext line.\n\nPara.",
            "etc. the end",
            "a.      \u{2029} b",
            "She has $100.00. It is.",
            "x.\u{301} Y",
            "“Quoted.” Next… «Done!» ¿Sí? Fin。Ok",
        ];
        for t in cases {
            assert_eq!(fast(t), general(t), "{t:?}");
        }
    }

    #[test]
    fn every_char_agrees_in_context() {
        // Each code point in a few positions that exercise every rule.
        let mut c = 0u32;
        while c <= 0x10FFFF {
            if let Some(ch) = char::from_u32(c) {
                for t in [
                    format!("Ab.{ch} cd. Ef"),
                    format!("ab{ch} Cd. {ch}ef"),
                    format!("a. {ch}x"),
                    format!("A{ch}.B! {ch}\n{ch}"),
                ] {
                    assert_eq!(fast(&t), general(&t), "U+{c:04X} in {t:?}");
                }
            }
            c += if c < 0x3000 { 1 } else { 7 };
        }
    }

    fn arb_text() -> impl Strategy<Value = String> {
        let atoms = prop::sample::select(vec![
            "a", "B", "1", ".", "!", "?", " ", "\n", "\r", "\r\n", "\"", "'", ")", "(", ",", ";",
            "-", "é", "É", "\u{a0}", "\u{301}", "\u{ad}", "\u{2029}", "\u{85}", "”", "“", "—", "…",
            "。", "\u{200d}", "\t", "ß", "中", "٫", "\u{2024}",
        ]);
        prop::collection::vec(atoms, 0..40).prop_map(|v| v.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        #[test]
        fn fast_equals_general(t in arb_text()) {
            prop_assert_eq!(fast(&t), general(&t));
        }

        #[test]
        fn fast_equals_general_any_string(t in any::<String>()) {
            prop_assert_eq!(fast(&t), general(&t));
        }
    }
}
