//! A light tokenizer for candidate sentences: words, punctuation, and the
//! marks the rules need (boundaries, word classes, mentions, cue hits).

use crate::claims::lexicon::{word, Lexicon};

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

/// A word shaped like the name of a piece of malware or a tracked threat
/// cluster: an inner capital after a first part of three letters or more
/// ("WannaCry", "NotPetya", "BlackEnergy"; not "McDonald", "DeSantis" or a
/// surname prefix such as "MacArthur" or "VanDyke"), or
/// capitals followed by three digits or more ("UNC3886", "TA453").
pub(crate) fn code_name(w: &str) -> bool {
    let b = w.as_bytes();
    if b.len() < 4 || !b[0].is_ascii_uppercase() {
        return false;
    }
    let caps = b.iter().take_while(|c| c.is_ascii_uppercase()).count();
    if caps >= 2 {
        let digits = b[caps..].iter().take_while(|c| c.is_ascii_digit()).count();
        return digits >= 3 && caps + digits == b.len();
    }
    let mut run = 0;
    for (i, &c) in b.iter().enumerate().skip(1) {
        if c.is_ascii_lowercase() {
            run += 1;
        } else if c.is_ascii_uppercase() && run >= 2 {
            let first = &w[..i];
            return !matches!(
                first,
                "Mac"
                    | "Van"
                    | "Von"
                    | "Del"
                    | "Des"
                    | "Der"
                    | "Den"
                    | "Dos"
                    | "Das"
                    | "Las"
                    | "Los"
                    | "Les"
                    | "Fitz"
            );
        } else {
            run = 0;
        }
    }
    false
}

/// A code name fused to its number by a hyphen ("Storm-0558", "UAC-0050"):
/// a capitalised word of three letters or more, '-', three digits or more.
fn hyphen_code(prefix: &str, digits: &str) -> bool {
    prefix.len() >= 3
        && prefix.as_bytes()[0].is_ascii_uppercase()
        && prefix.bytes().all(|c| c.is_ascii_alphabetic())
        && digits.len() >= 3
        && digits.bytes().all(|c| c.is_ascii_digit())
}

/// Whether `s` holds a word shaped like a malware or threat-cluster name
/// (see [`code_name`]; the cheap test before tokenizing).
pub(crate) fn has_code_name(s: &str) -> bool {
    let b = s.as_bytes();
    let word = |c: u8| c.is_ascii_alphanumeric() || c == b'_' || c >= 0x80;
    let mut i = 0;
    // Only words opening with a capital can be names: jump from capital to
    // capital, eight bytes at a time.
    while let Some(start) = next_capital(b, i) {
        i = start + 1;
        if start > 0 && word(b[start - 1]) {
            continue;
        }
        while i < b.len() && word(b[i]) {
            i += 1;
        }
        let w = s.get(start..i).unwrap_or("");
        if code_name(w) {
            return true;
        }
        if b.get(i) == Some(&b'-') {
            let mut j = i + 1;
            while j < b.len() && b[j].is_ascii_digit() {
                j += 1;
            }
            if (j == b.len() || !word(b[j])) && hyphen_code(w, s.get(i + 1..j).unwrap_or("")) {
                return true;
            }
        }
    }
    false
}

/// The first ASCII capital at or after `i`.
fn next_capital(b: &[u8], mut i: usize) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = ONES * 0x80;
    while i < b.len() {
        let x = crate::swar::load8(b, i);
        let low7 = x & !HIGH;
        let upper = (low7 + ONES * (0x80 - 0x41)) & !(low7 + ONES * (0x80 - 0x5b)) & !x & HIGH;
        if upper != 0 {
            return Some(i + (upper.trailing_zeros() / 8) as usize);
        }
        i += 8;
    }
    None
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
    // Tokens marked cyber only for their shape ("WannaCry").
    let mut coded: Vec<usize> = Vec::new();
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
            let w = &sentence[i..end];
            if t.w & word::CYBER == 0 && code_name(w) {
                t.w |= word::CYBER;
                coded.push(out.len());
            }
            // "Storm-0558": the prefix and the number are both the name.
            let n = out.len();
            if n >= 2 && out[n - 1].s == base + i - 1 && out[n - 2].e == base + i - 1 {
                let (ps, pe) = (out[n - 2].s - base, out[n - 2].e - base);
                if sentence.get(i - 1..i) == Some("-")
                    && hyphen_code(sentence.get(ps..pe).unwrap_or(""), w)
                {
                    t.w |= word::CYBER;
                    out[n - 2].w |= word::CYBER;
                }
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
    // "TecSyn International", "SmithKline Beckman": part of a longer
    // proper name or a company's, not malware.
    for k in coded {
        let next = out
            .get(k + 1)
            .filter(|t| t.word)
            .map_or("", |t| sentence.get(t.s - base..t.e - base).unwrap_or(""));
        if next.starts_with(|c: char| c.is_uppercase())
            || COMPANY_WORDS.contains(&next.to_ascii_lowercase().as_str())
        {
            out[k].w &= !word::CYBER;
        }
    }
}

/// Words after a name that make it a company's ("TecSyn International").
const COMPANY_WORDS: [&str; 22] = [
    "inc",
    "corp",
    "corporation",
    "co",
    "ltd",
    "plc",
    "llc",
    "group",
    "international",
    "holdings",
    "industries",
    "systems",
    "technologies",
    "ag",
    "sa",
    "nv",
    "gmbh",
    "bank",
    "airlines",
    "airways",
    "pharmaceuticals",
    "partners",
];

#[cfg(test)]
mod tests {

    /// The word-by-word scan `has_code_name` replaced.
    fn has_code_name_plain(s: &str) -> bool {
        let b = s.as_bytes();
        let word = |c: u8| c.is_ascii_alphanumeric() || c == b'_' || c >= 0x80;
        let mut i = 0;
        while i < b.len() {
            if !word(b[i]) {
                i += 1;
                continue;
            }
            let start = i;
            while i < b.len() && word(b[i]) {
                i += 1;
            }
            if !b[start].is_ascii_uppercase() {
                continue;
            }
            let w = s.get(start..i).unwrap_or("");
            if code_name(w) {
                return true;
            }
            if b.get(i) == Some(&b'-') {
                let mut j = i + 1;
                while j < b.len() && b[j].is_ascii_digit() {
                    j += 1;
                }
                if (j == b.len() || !word(b[j])) && hyphen_code(w, s.get(i + 1..j).unwrap_or("")) {
                    return true;
                }
            }
        }
        false
    }

    proptest::proptest! {
        #[test]
        fn has_code_name_equals_the_word_scan(s in "([A-Z]{1,3}[a-z]{0,4}|[0-9]{1,4}|[ -é.]){0,12}") {
            proptest::prop_assert_eq!(has_code_name(&s), has_code_name_plain(&s), "{}", s);
        }
    }

    use super::*;

    #[test]
    fn code_names() {
        for w in ["WannaCry", "NotPetya", "BlackEnergy", "UNC3886", "TA453"] {
            assert!(code_name(w), "{w}");
        }
        for w in [
            "McDonald",
            "DeSantis",
            "MacArthur",
            "VanDyke",
            "China",
            "G20",
            "MH17",
            "NATO",
        ] {
            assert!(!code_name(w), "{w}");
        }
        assert!(has_code_name("hacked by Storm-0558 last year"));
        assert!(!has_code_name(
            "flew a Tu-154 and an F-16 to Covid-19 wards"
        ));
    }
}
