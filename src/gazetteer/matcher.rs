//! The matcher: a word-start scan with a hash of first words.
//!
//! Every surface form is filed under its first word, ASCII-lowercased. The
//! scan walks the text word by word; a word whose first two bytes can start
//! some form (a 64 Kbit table) is lowercased and looked up, and the forms
//! filed under it are compared in place (ASCII case folded, whitespace runs
//! equal to one space, `'` equal to `’`), then checked for case, whole-word
//! boundaries and the form's flags. The longest valid form wins; at equal
//! length the qualified and the later-added form wins. Nothing is allocated
//! for words that start no form, which is almost all of them.
//!
//! Why not one automaton: see `gazetteers/README.md` ("Matching approach")
//! for the measured alternatives.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::Arc;

use super::form::{Case, Form};
use super::scheme;
use super::{EntityInfo, EntityKind, Mention};
use crate::span::Span;

/// A small, fast, non-cryptographic hasher (FxHash): keys are short words.
#[derive(Default, Clone, Copy)]
pub(crate) struct FxHasher(u64);

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    #[inline]
    fn add(&mut self, w: u64) {
        self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut b = [0u8; 8];
            b.copy_from_slice(c);
            self.add(u64::from_le_bytes(b));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut b = [0u8; 8];
            b[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(b) ^ ((rest.len() as u64) << 59));
        }
    }
    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }
    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// Lowercase first words → their candidate patterns (most words of a
/// text are looked up here; see [`WordMap`](crate::swar::WordMap)). The
/// lists sit end to end in one vector; the map holds (start, length).
#[derive(Debug)]
struct WordTable {
    index: crate::swar::WordMap<(u32, u32)>,
    lists: Vec<u32>,
}

impl WordTable {
    fn new(entries: impl Iterator<Item = (Box<[u8]>, Box<[u32]>)>) -> WordTable {
        let mut t = WordTable {
            index: crate::swar::WordMap::default(),
            lists: Vec::new(),
        };
        for (word, list) in entries {
            let at = (t.lists.len() as u32, list.len() as u32);
            if t.index.insert(&word, at) {
                t.lists.extend_from_slice(&list);
            }
        }
        t
    }

    /// The candidates of the word `w` (any ASCII case).
    #[inline]
    fn get(&self, w: &[u8]) -> Option<&[u32]> {
        let &(at, n) = self.index.get(w)?;
        self.lists.get(at as usize..at as usize + n as usize)
    }
}

/// One compiled form.
#[derive(Debug)]
struct Pattern {
    bytes: Box<[u8]>,
    /// Byte positions (in `bytes`) of letters that must be upper case.
    caps: Box<[u16]>,
    exact: bool,
    entity: u32,
    context: bool,
    name_like: bool,
    capital: bool,
    qualified: bool,
    negative: bool,
    /// The byte after the first word, lowercased, with a space standing for
    /// any whitespace and `'` for `’`; 0 for one-word forms.
    next: u8,
    /// The length of the first word (`first_word`), the key the pattern is
    /// found by.
    first_len: usize,
    /// When the first word is followed by a space and an ASCII letter or
    /// digit, that byte lowercased (see `second_key`); else 0.
    second: u8,
}

/// The first byte after the white space that follows the word ending at
/// `we`, lowercased, as `Pattern::match_at` would compare it with a form's
/// byte after a space: a run of spaces, tabs and line breaks, or else one
/// no-break space. 0 when there is none.
#[inline]
fn second_key(t: &[u8], we: usize) -> u8 {
    let mut i = we;
    while t.get(i).is_some_and(|b| SPACE_BYTES.contains(b)) {
        i += 1;
    }
    if i == we && t.get(i..i + 2) == Some(&[0xC2, 0xA0]) {
        i += 2;
    }
    t.get(i).map_or(0, u8::to_ascii_lowercase)
}

/// The byte after the word ending at `we`, normalised as `Pattern::next`.
#[inline]
fn next_key(t: &[u8], we: usize) -> u8 {
    match t.get(we) {
        None => 0,
        Some(b' ' | b'\t' | b'\n' | b'\r') => b' ',
        Some(0xC2) if t.get(we + 1) == Some(&0xA0) => b' ',
        Some(0xE2) => b'\'',
        Some(&b) => b.to_ascii_lowercase(),
    }
}

/// The compiled matcher.
#[derive(Debug)]
pub(crate) struct Matcher {
    patterns: Vec<Pattern>,
    /// Lowercased first word → pattern indexes, longest form first.
    by_first_word: WordTable,
    /// Bit (first byte << 8 | lowercased second byte): some form may start.
    pairs: Box<[u64]>,
    /// Finds forms with a lower-case or digit initial, which the main scan
    /// skips.
    lower_starts: Option<aho_corasick::AhoCorasick>,
    /// For ASCII first words: lowercased (first, second) byte → bit set of
    /// first-word lengths (31 = 31 or more).
    lens: Box<[u32]>,
    entities: Vec<Arc<EntityInfo>>,
    infer: bool,
}

const SPACE_BYTES: [u8; 4] = [b' ', b'\t', b'\n', b'\r'];

/// Byte classes: 0 not part of a word, 1 ASCII word byte, 2 non-ASCII
/// (decode to decide).
static CLASS: [u8; 256] = {
    let mut c = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        let b = i as u8;
        c[i] = if b.is_ascii_alphanumeric() || b == b'_' {
            1
        } else if b >= 0x80 {
            2
        } else {
            0
        };
        i += 1;
    }
    c
};

#[inline]
fn is_ascii_word(b: u8) -> bool {
    CLASS[usize::from(b)] == 1
}

/// The char starting at byte `i`, if `i` is a char boundary inside `text`.
#[inline]
fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..).and_then(|s| s.chars().next())
}

/// True when a word character starts at byte `i`.
#[inline]
pub(crate) fn is_word_at(text: &str, i: usize) -> bool {
    match text.as_bytes().get(i) {
        None => false,
        Some(&b) if b < 0x80 => is_ascii_word(b),
        Some(_) => char_at(text, i).is_some_and(char::is_alphanumeric),
    }
}

/// True when a word character ends right before byte `i`.
#[inline]
pub(crate) fn is_word_before(text: &str, i: usize) -> bool {
    if i == 0 {
        return false;
    }
    match text.as_bytes().get(i - 1) {
        None => false,
        Some(&b) if b < 0x80 => is_ascii_word(b),
        Some(_) => text
            .get(..i)
            .and_then(|s| s.chars().next_back())
            .is_some_and(char::is_alphanumeric),
    }
}

/// The first word start at or after `i` whose first character is a
/// capital or non-ASCII, or `limit` when there is none before it. Eight
/// bytes at a time: English text is mostly lower case, digits and spaces.
#[inline]
fn next_start(text: &str, mut i: usize, limit: usize) -> usize {
    const L: u64 = 0x0101_0101_0101_0101;
    const H: u64 = 0x8080_8080_8080_8080;
    let t = text.as_bytes();
    let limit = limit.min(t.len());
    while i < limit {
        // Find the next interesting byte.
        let mut hit = None;
        while i + 8 <= limit {
            let mut w = [0u8; 8];
            w.copy_from_slice(&t[i..i + 8]);
            let x = u64::from_le_bytes(w);
            let x7 = x & !H;
            let ge = |c: u64| (x7 + (0x80 - c) * L) & H;
            let m = (ge(0x41) & !ge(0x5B)) | (x & H);
            if m != 0 {
                hit = Some(i + (m.trailing_zeros() / 8) as usize);
                break;
            }
            i += 8;
        }
        let h = match hit {
            Some(h) => h,
            None => {
                while i < limit
                    && !(t[i].is_ascii_uppercase() || t[i].is_ascii_digit() || t[i] >= 0x80)
                {
                    i += 1;
                }
                if i >= limit {
                    return limit;
                }
                i
            }
        };
        // A word start?
        let ok = if t[h] < 0x80 {
            !is_word_before(text, h)
        } else {
            char_at(text, h).is_some_and(char::is_alphanumeric) && !is_word_before(text, h)
        };
        if ok {
            return h;
        }
        i = h + 1;
    }
    limit
}

/// Where a qualified form would start after a state mention ending at
/// `end`: past "'s", "'" or "’s" and up to three spaces.
fn qualified_start(text: &str, end: usize) -> Option<usize> {
    let rest = text.get(end..)?;
    let after = rest
        .strip_prefix("'s")
        .or_else(|| rest.strip_prefix("\u{2019}s"))
        .or_else(|| rest.strip_prefix('\''))
        .or_else(|| rest.strip_prefix('\u{2019}'))
        .unwrap_or(rest);
    let spaces = after.bytes().take_while(|&b| b == b' ').count();
    if spaces == 0 || spaces > 3 {
        return None;
    }
    let ws = text.len() - after.len() + spaces;
    is_word_at(text, ws).then_some(ws)
}

/// The end of the word starting at `i`.
#[inline]
pub(crate) fn word_end(text: &str, mut i: usize) -> usize {
    let t = text.as_bytes();
    while i < t.len() {
        let c = CLASS[usize::from(t[i])];
        if c == 0 {
            break;
        } else if c == 1 {
            i += 1;
        } else {
            match char_at(text, i) {
                Some(c) if c.is_alphanumeric() => i += c.len_utf8(),
                _ => break,
            }
        }
    }
    i
}

/// The first word of a form: bytes up to the first non-word character.
fn first_word(s: &str) -> &str {
    let end = word_end(s, 0);
    &s[..end]
}

/// The `lens` slot of a word: its first two bytes, lowercased, when ASCII.
#[inline]
fn len_index(word: &[u8]) -> Option<usize> {
    let b0 = *word.first()?;
    let b1 = word.get(1).copied().unwrap_or(0);
    (b0 < 0x80 && b1 < 0x80)
        .then(|| usize::from(b0.to_ascii_lowercase()) << 7 | usize::from(b1.to_ascii_lowercase()))
}

fn lower_key(word: &[u8]) -> Box<[u8]> {
    word.iter().map(u8::to_ascii_lowercase).collect()
}

impl Pattern {
    fn new(form: &Form, entity: u32) -> Pattern {
        let bytes: Box<[u8]> = form.text.as_bytes().into();
        let mut caps = Vec::new();
        if form.case == Case::Initials {
            let mut prev_word = false;
            for (j, &b) in bytes.iter().enumerate() {
                if b.is_ascii_uppercase() && !prev_word && j <= usize::from(u16::MAX) {
                    caps.push(j as u16);
                }
                prev_word = is_ascii_word(b) || b >= 0x80;
            }
        }
        let fw = word_end(&form.text, 0);
        let next = if fw >= bytes.len() {
            0
        } else {
            next_key(&bytes, fw)
        };
        let second = match (bytes.get(fw), bytes.get(fw + 1)) {
            (Some(b' '), Some(&b)) if b.is_ascii_alphanumeric() => b.to_ascii_lowercase(),
            _ => 0,
        };
        Pattern {
            next,
            first_len: fw,
            second,
            bytes,
            caps: caps.into(),
            exact: form.case == Case::Exact,
            entity,
            context: form.context,
            name_like: form.name_like,
            capital: form.capital,
            qualified: form.qualified,
            negative: form.negative,
        }
    }

    /// The end of this form if it matches `text` at `start`, as a whole word.
    ///
    /// Callers find the pattern by the word at `start` (`by_first_word`),
    /// so that word already equals the form's first word ignoring ASCII
    /// case (it has no spaces or apostrophes): only its case is checked,
    /// and the byte loop goes on after it.
    #[inline]
    fn match_at(&self, text: &str, start: usize) -> Option<usize> {
        let t = text.as_bytes();
        let f = &self.bytes;
        let fw = self.first_len;
        let word = t.get(start..start.checked_add(fw)?)?;
        let mut k = 0;
        if self.exact {
            if word != f.get(..fw)? {
                return None;
            }
        } else {
            debug_assert!(word.eq_ignore_ascii_case(&f[..fw]));
            while let Some(&c) = self.caps.get(k) {
                let c = usize::from(c);
                if c >= fw {
                    break;
                }
                if !word[c].is_ascii_uppercase() {
                    return None;
                }
                k += 1;
            }
        }
        let (mut i, mut j) = (start + fw, fw);
        while j < f.len() {
            let fb = f[j];
            if fb == b' ' {
                // Any whitespace run, but not a paragraph break.
                let s = i;
                let mut newlines = 0;
                while i < t.len() && SPACE_BYTES.contains(&t[i]) {
                    newlines += usize::from(t[i] == b'\n');
                    i += 1;
                }
                if newlines > 1 {
                    return None;
                }
                if i == s {
                    if t.get(i..i + 2) == Some(&[0xC2, 0xA0]) {
                        i += 2;
                    } else {
                        return None;
                    }
                }
                j += 1;
                continue;
            }
            if fb == b'\'' {
                if t.get(i) == Some(&b'\'') {
                    i += 1;
                } else if t.get(i..i + 3) == Some("\u{2019}".as_bytes()) {
                    i += 3;
                } else {
                    return None;
                }
                j += 1;
                continue;
            }
            let tb = *t.get(i)?;
            if self.exact {
                if tb != fb {
                    return None;
                }
            } else if fb.is_ascii_alphabetic() {
                if tb | 0x20 != fb | 0x20 {
                    return None;
                }
                if self.caps.get(k).is_some_and(|&c| usize::from(c) == j) {
                    k += 1;
                    if !tb.is_ascii_uppercase() {
                        return None;
                    }
                }
            } else if tb != fb {
                return None;
            }
            i += 1;
            j += 1;
        }
        if is_word_at(text, i) {
            return None;
        }
        // A form ending inside a code ("APT 31" in "APT 31-2", "Storm" in
        // "Storm-0558") is not a whole name.
        if t.get(i) == Some(&b'-') && t.get(i + 1).is_some_and(u8::is_ascii_digit) {
            return None;
        }
        Some(i)
    }
}

/// A candidate chosen at one word start.
#[derive(Clone)]
struct Choice {
    end: usize,
    pattern: usize,
    rank: u8,
    /// The state whose country a generic form takes.
    qualifier: Option<Arc<EntityInfo>>,
    pending: bool,
}

impl Matcher {
    pub(crate) fn new(entries: &[(Arc<EntityInfo>, Vec<Form>)], infer: bool) -> Matcher {
        let mut patterns = Vec::new();
        let mut entities = Vec::with_capacity(entries.len());
        for (info, forms) in entries {
            let e = entities.len() as u32;
            entities.push(info.clone());
            for form in forms {
                if form.suppressed {
                    continue;
                }
                patterns.push(Pattern::new(form, e));
            }
        }
        let mut lists: FxMap<Box<[u8]>, Vec<u32>> = FxMap::default();
        let mut pairs = vec![0u64; 1024].into_boxed_slice();
        let mut lens = vec![0u32; 128 * 128].into_boxed_slice();
        for (pi, p) in patterns.iter().enumerate() {
            let Ok(s) = std::str::from_utf8(&p.bytes) else {
                continue;
            };
            let w = first_word(s);
            if w.is_empty() {
                continue;
            }
            lists
                .entry(lower_key(w.as_bytes()))
                .or_default()
                .push(pi as u32);
            if p.qualified {
                // Looked up only right after a state mention, unfiltered:
                // "foreign ministry" must not make every "foreign" a
                // candidate.
                continue;
            }
            let b0 = p.bytes[0];
            let firsts: Vec<u8> = if p.exact || !b0.is_ascii_alphabetic() {
                vec![b0]
            } else if p.caps.first() == Some(&0) {
                vec![b0.to_ascii_uppercase()]
            } else {
                vec![b0.to_ascii_lowercase(), b0.to_ascii_uppercase()]
            };
            let seconds: Vec<u8> = match p.bytes.get(1) {
                None => (0..=255).collect(),
                Some(b' ') => vec![b' ', b'\t', b'\n', b'\r', 0xC2],
                Some(b'\'') => vec![b'\'', 0xE2],
                Some(&b) => vec![b.to_ascii_lowercase()],
            };
            let wb = w.as_bytes();
            if let Some(ix) = len_index(wb) {
                lens[ix] |= 1 << wb.len().min(31);
            }
            for &f in &firsts {
                for &s in &seconds {
                    let bit = (usize::from(f) << 8) | usize::from(s);
                    pairs[bit / 64] |= 1 << (bit % 64);
                }
            }
        }
        // Forms with a lower-case or digit initial, in the case variants
        // news uses (as written, lower, title, upper): a case-sensitive
        // automaton keeps its fast prefilter.
        let mut lower_forms: Vec<Vec<u8>> = Vec::new();
        for p in patterns.iter().filter(|p| !p.qualified) {
            let b0 = p.bytes[0];
            if !(b0.is_ascii_lowercase() || b0.is_ascii_digit()) {
                continue;
            }
            lower_forms.push(p.bytes.to_vec());
            if p.exact {
                continue;
            }
            lower_forms.push(p.bytes.to_ascii_lowercase());
            if b0.is_ascii_digit() {
                lower_forms.push(p.bytes.to_ascii_uppercase());
                let mut title = p.bytes.to_ascii_lowercase();
                for j in 0..title.len() {
                    if j == 0 || title[j - 1] == b' ' {
                        title[j] = title[j].to_ascii_uppercase();
                    }
                }
                lower_forms.push(title);
            }
        }
        lower_forms.sort();
        lower_forms.dedup();
        let lower_starts = if lower_forms.is_empty() {
            None
        } else {
            aho_corasick::AhoCorasick::builder()
                .match_kind(aho_corasick::MatchKind::LeftmostFirst)
                .build(&lower_forms)
                .ok()
        };
        let by_first_word = WordTable::new(lists.into_iter().map(|(k, mut v)| {
            v.sort_by(|&a, &b| {
                let (pa, pb) = (&patterns[a as usize], &patterns[b as usize]);
                pb.bytes.len().cmp(&pa.bytes.len()).then(b.cmp(&a))
            });
            (k, v.into_boxed_slice())
        }));
        Matcher {
            patterns,
            by_first_word,
            pairs,
            lower_starts,
            lens,
            entities,
            infer,
        }
    }

    pub(crate) fn len(&self) -> usize {
        self.entities.len()
    }

    pub(crate) fn entities(&self) -> &[Arc<EntityInfo>] {
        &self.entities
    }

    /// Whether some form's first word has the length and first two bytes of
    /// `word` (always true for words the table does not cover).
    #[inline]
    fn len_ok(&self, word: &[u8]) -> bool {
        match len_index(word) {
            Some(ix) => self.lens[ix] & (1 << word.len().min(31)) != 0,
            None => true,
        }
    }

    #[inline]
    fn pair_ok(&self, b0: u8, b1: u8) -> bool {
        let bit = (usize::from(b0) << 8) | usize::from(b1.to_ascii_lowercase());
        self.pairs[bit / 64] & (1 << (bit % 64)) != 0
    }

    /// Every mention in `text`, in order, non-overlapping.
    pub(crate) fn find(&self, text: &str) -> Vec<Mention> {
        let t = text.as_bytes();
        let n = t.len();
        // News names an entity every ~340 bytes.
        let mut out: Vec<Mention> = Vec::with_capacity(text.len() / 256 + 4);
        let mut pending: Vec<bool> = Vec::with_capacity(out.capacity());
        let mut any_pending = false;
        let mut key = [0u8; 64];
        // Starts of forms written with a lower-case or digit initial
        // ("iKittens", "8220 Gang"): the main scan only stops at capitals
        // and non-ASCII letters.
        let lower: Vec<usize> = match &self.lower_starts {
            Some(ac) => ac
                .find_iter(text)
                .map(|m| m.start())
                .filter(|&s| {
                    (t[s].is_ascii_lowercase() || t[s].is_ascii_digit()) && !is_word_before(text, s)
                })
                .collect(),
            None => Vec::new(),
        };
        let home = self.dateline_state(text);
        let mut lk = 0;
        // A word right after a state mention, where qualified forms may start.
        let mut forced = usize::MAX;
        let mut i = 0;
        while i < n {
            while lk < lower.len() && lower[lk] < i {
                lk += 1;
            }
            let next_lower = lower.get(lk).copied().unwrap_or(usize::MAX);
            let next = next_start(text, i, next_lower.min(forced).min(n));
            let ws = next.min(next_lower).min(forced);
            if ws >= n {
                break;
            }
            let after_state = ws == forced;
            if forced <= ws {
                forced = usize::MAX;
            }
            let b = t[ws];
            // A word that may start a form or an inferred name: its end and
            // its lowercased key in one pass, eight ASCII bytes at a time
            // (a word going on in non-ASCII letters is decoded below).
            let mut we = ws;
            loop {
                let x = crate::swar::load8(t, we);
                let k = crate::swar::ascii_word_len8(x) as usize;
                if let Some(d) = key.get_mut(we - ws..we - ws + 8) {
                    d.copy_from_slice(&crate::swar::lower8(x).to_le_bytes());
                }
                we += k;
                if k < 8 || we - ws >= key.len() {
                    break;
                }
            }
            if we < n && t[we] >= 0x80 || we - ws >= key.len() {
                we = word_end(text, we);
                for (d, s) in key.iter_mut().zip(&t[ws..we]) {
                    *d = s.to_ascii_lowercase();
                }
            }
            let wl = we - ws;
            let b1 = t.get(ws + 1).copied().unwrap_or(0);
            if (after_state || (self.pair_ok(b, b1) && self.len_ok(&t[ws..we]))) && wl <= key.len()
            {
                if let Some(cands) = self.by_first_word.get(&key[..wl]) {
                    if let Some(c) = self.choose(text, ws, we, cands, &out, home.as_ref()) {
                        let p = &self.patterns[c.pattern];
                        if !p.negative {
                            let m = self.mention(ws, &c);
                            if m.entity.kind == EntityKind::State {
                                forced = qualified_start(text, c.end).unwrap_or(usize::MAX);
                            }
                            out.push(m);
                            pending.push(c.pending);
                            any_pending |= c.pending;
                        }
                        i = c.end.max(ws + 1);
                        continue;
                    }
                }
            }
            if &t[ws..we] == b"Ministry" {
                if let Some(m) = self.ministry(text, we, &out, home.as_ref()) {
                    let m = Mention {
                        span: Span::new(ws, m.0),
                        entity: Arc::new(m.1),
                        inferred: false,
                    };
                    i = m.span.end;
                    out.push(m);
                    pending.push(false);
                    continue;
                }
            }
            let may_infer = self.infer
                && b.is_ascii_uppercase()
                && match t.get(we) {
                    Some(b'-') => true,
                    Some(b' ') => t.get(we + 1).is_some_and(u8::is_ascii_uppercase),
                    _ => {
                        t[we - 1].is_ascii_digit()
                            || (wl >= 7 && matches!(b, b'R' | b'B' | b'G' | b'P'))
                    }
                };
            if may_infer {
                if let Some(inf) = scheme::infer(text, ws, we) {
                    out.push(Mention {
                        span: Span::new(ws, inf.end),
                        entity: Arc::new(inf.info),
                        inferred: true,
                    });
                    pending.push(false);
                    i = inf.end.max(ws + 1);
                    continue;
                }
            }
            i = we.max(ws + 1);
        }
        if any_pending {
            // A set: `Vec::contains` here made a text of many names
            // quadratic (a 3.7 MB list of names took 10 s).
            let sure: std::collections::HashSet<Arc<str>> = out
                .iter()
                .zip(&pending)
                .filter(|(_, &p)| !p)
                .map(|(m, _)| m.entity.id.clone())
                .collect();
            // "North Korea's Lazarus", "the Pyongyang-backed Lazarus": its
            // own sponsor state just before the name also settles it.
            for k in 1..out.len() {
                if pending[k] && sponsor_before(text, &out[k - 1], &out[k]) {
                    pending[k] = false;
                }
            }
            let mut k = 0;
            out.retain(|m| {
                let keep = !pending[k] || sure.contains(&m.entity.id);
                k += 1;
                keep
            });
        }
        out
    }

    fn mention(&self, start: usize, c: &Choice) -> Mention {
        let p = &self.patterns[c.pattern];
        let info = &self.entities[p.entity as usize];
        let entity = match &c.qualifier {
            Some(q) if info.country.is_none() => {
                let code = q.country.clone();
                let suffix = code.as_deref().unwrap_or("").to_ascii_lowercase();
                Arc::new(EntityInfo {
                    id: format!("{}-{}", info.id, suffix).into(),
                    name: format!("{} ({})", info.name, q.name).into(),
                    kind: info.kind,
                    country: code,
                })
            }
            _ => info.clone(),
        };
        Mention {
            span: Span::new(start, c.end),
            entity,
            inferred: false,
        }
    }

    /// "Ministry of Mines and Energy", "Ministry for Digital Affairs": a
    /// ministry not in the gazetteer, from "Ministry" ending at `we`. Its
    /// country comes from the state right before it ("Brazil's"), a state
    /// right after it ("of Chile"), or the dateline; else it has none.
    fn ministry(
        &self,
        text: &str,
        we: usize,
        out: &[Mention],
        home: Option<&Arc<EntityInfo>>,
    ) -> Option<(usize, EntityInfo)> {
        let t = text.as_bytes();
        let ws = we - "Ministry".len();
        let rest = text.get(we..)?;
        let mut pos = we
            + if rest.starts_with(" of the ") {
                8
            } else if rest.starts_with(" of ") || rest.starts_with(" for ") {
                rest.find(|c: char| c.is_ascii_uppercase())?.min(5)
            } else {
                return None;
            };
        // Capitalised words joined by spaces, "and", "&" or commas.
        let mut end = None;
        loop {
            if !t.get(pos).is_some_and(u8::is_ascii_uppercase) {
                break;
            }
            let e = word_end(text, pos);
            end = Some(e);
            let after = text.get(e..).unwrap_or("");
            let skip = if after.starts_with(" and ") {
                5
            } else if after.starts_with(" & ") {
                3
            } else if after.starts_with(", ") {
                2
            } else if after.starts_with(' ') {
                1
            } else {
                break;
            };
            pos = e + skip;
            // "Ministry of Commerce, China": a state ends the name.
            if self.state_at(text, pos).is_some() {
                break;
            }
        }
        let end = end?;
        let name_text = text.get(ws..end)?;
        let name: String = name_text.split_whitespace().collect::<Vec<_>>().join(" ");
        // The state: right before ("Brazil's"), right after ("of Chile"),
        // or the dateline's.
        let state = self
            .qualifier(text, ws, out)
            .map(|q| out[q].entity.clone())
            .or_else(|| {
                let after = text.get(end..)?;
                let after = after
                    .strip_prefix(" of ")
                    .or_else(|| after.strip_prefix(", "))?;
                let s = end + (text.len() - end - after.len());
                let s = s + after.len() - after.trim_start_matches("the ").len();
                self.state_at(text, s)
            })
            .or_else(|| home.cloned());
        let mut slug = String::with_capacity(name.len());
        for c in name.chars() {
            if c.is_ascii_alphanumeric() {
                slug.push(c.to_ascii_lowercase());
            } else if !slug.ends_with('-') {
                slug.push('-');
            }
        }
        let (id, full, country) = match &state {
            Some(st) => (
                format!("{}-{}", slug, st.id.to_ascii_lowercase()),
                format!("{name} ({})", st.name),
                st.country.clone(),
            ),
            None => (slug, name.clone(), None),
        };
        Some((
            end,
            EntityInfo {
                id: id.into(),
                name: full.into(),
                kind: EntityKind::Agency,
                country,
            },
        ))
    }

    /// The state named by a form starting at `s`, if any.
    fn state_at(&self, text: &str, s: usize) -> Option<Arc<EntityInfo>> {
        let t = text.as_bytes();
        if !t.get(s).is_some_and(u8::is_ascii_uppercase) {
            return None;
        }
        let se = word_end(text, s);
        let cands = self.by_first_word.get(t.get(s..se)?)?;
        let c = self.choose(text, s, se, cands, &[], None)?;
        let p = &self.patterns[c.pattern];
        let e = &self.entities[p.entity as usize];
        (e.kind == EntityKind::State && !p.negative).then(|| e.clone())
    }

    /// The state of a dateline at the start of `text` ("BRASILIA, April 29
    /// (Reuters) -"): the home of unqualified "Federal Police" or "Ministry
    /// of Mines and Energy" further on.
    fn dateline_state(&self, text: &str) -> Option<Arc<EntityInfo>> {
        let t = text.as_bytes();
        let ws = t.iter().position(|b| !b.is_ascii_whitespace())?;
        if !t[ws].is_ascii_uppercase() {
            return None;
        }
        let we = word_end(text, ws);
        let cands = self.by_first_word.get(t.get(ws..we)?)?;
        cands.iter().find_map(|&pi| {
            let p = &self.patterns[pi as usize];
            let info = &self.entities[p.entity as usize];
            if !p.capital || info.kind != EntityKind::State {
                return None;
            }
            let end = p.match_at(text, ws)?;
            is_dateline(text, ws, end).then(|| info.clone())
        })
    }

    /// The state mention that qualifies a form starting at `ws` ("Brazil's
    /// Federal Police", "Dutch police"), as an index into `out`.
    fn qualifier(&self, text: &str, ws: usize, out: &[Mention]) -> Option<usize> {
        let last = out.len().checked_sub(1)?;
        let m = &out[last];
        if m.entity.kind != EntityKind::State || m.entity.country.is_none() {
            return None;
        }
        let gap = text.get(m.span.end..ws)?;
        let gap = gap
            .strip_prefix("'s")
            .or_else(|| gap.strip_prefix("\u{2019}s"))
            .or_else(|| gap.strip_prefix('\''))
            .or_else(|| gap.strip_prefix('\u{2019}'))
            .unwrap_or(gap);
        (!gap.is_empty() && gap.len() <= 3 && gap.bytes().all(|b| b == b' ')).then_some(last)
    }

    #[allow(clippy::too_many_arguments)]
    fn choose(
        &self,
        text: &str,
        ws: usize,
        we: usize,
        cands: &[u32],
        out: &[Mention],
        home: Option<&Arc<EntityInfo>>,
    ) -> Option<Choice> {
        let mut best: Option<Choice> = None;
        let mut qualifier: Option<Option<usize>> = None;
        let next = next_key(text.as_bytes(), we);
        let mut second: Option<u8> = None;
        for &pi in cands {
            let pi = pi as usize;
            let p = &self.patterns[pi];
            if p.next != 0 && p.next != next {
                continue;
            }
            // A form's second word must start with the text's next byte.
            if p.second != 0
                && p.second != *second.get_or_insert_with(|| second_key(text.as_bytes(), we))
            {
                continue;
            }
            let Some(end) = p.match_at(text, ws) else {
                continue;
            };
            if best.as_ref().is_some_and(|b| end < b.end) {
                continue;
            }
            let info = &self.entities[p.entity as usize];
            let q = *qualifier.get_or_insert_with(|| self.qualifier(text, ws, out));
            let adjacent = q.map(|q| &out[q].entity);
            // Ranks at equal length: a negative form loses to any positive
            // one ("!Papua New Guinea" on Guinea does not block Papua New
            // Guinea); a qualified form takes the state right before it, or
            // for a capitalised form ("Federal Police") the dateline's.
            let (rank, qual) = if p.negative {
                (0, None)
            } else if let Some(qs) = adjacent {
                if info.country.is_some() && info.country == qs.country {
                    (4, None)
                } else if p.qualified && info.country.is_none() {
                    (3, Some(qs.clone()))
                } else if p.qualified {
                    continue;
                } else {
                    (2, None)
                }
            } else if p.qualified {
                match home {
                    Some(h) if p.bytes[0].is_ascii_uppercase() => {
                        if info.country.is_some() && info.country == h.country {
                            (4, None)
                        } else if info.country.is_none() {
                            (1, Some(h.clone()))
                        } else {
                            continue;
                        }
                    }
                    _ => continue,
                }
            } else {
                (2, None)
            };
            if best
                .as_ref()
                .is_some_and(|b| end == b.end && rank <= b.rank && !(rank == 0 && b.rank == 0))
            {
                continue;
            }
            if p.name_like && !name_like_ok(text, ws, end) {
                continue;
            }
            if p.capital && is_dateline(text, ws, end) {
                continue;
            }
            if !p.negative
                && info.kind == EntityKind::State
                && (in_org_name(text, ws, end, out) || is_us_state(text, ws, end))
            {
                continue;
            }
            let pending = p.context && !has_actor_context(text, ws, end);
            best = Some(Choice {
                end,
                pattern: pi,
                rank,
                qualifier: qual,
                pending,
            });
        }
        best
    }
}

/// Countries that share their name with a US state.
const US_STATE_HOMONYMS: &[&str] = &["Georgia"];

/// Words of US state politics and places: with one of them in the
/// sentence, a `US_STATE_HOMONYMS` name is the US state ("a Democrat from
/// Georgia", "an Atlanta-based firm said Georgia's voting machines").
const US_STATE_CUES: &[&str] = &[
    "Democrat",
    "Democrats",
    "Republican",
    "Republicans",
    "GOP",
    "governor",
    "Gov",
    "county",
    "counties",
    "senator",
    "Sen",
    "congressman",
    "congresswoman",
    "Atlanta",
    "Savannah",
    "Fulton",
];

/// True when `start..end` names a country that is also a US state
/// (`US_STATE_HOMONYMS`) in a sentence with US state words.
#[inline(never)]
fn is_us_state(text: &str, start: usize, end: usize) -> bool {
    let Some(name) = text.get(start..end) else {
        return false;
    };
    if !US_STATE_HOMONYMS.contains(&name) {
        return false;
    }
    let (before, after) = window(text, start, end, 15);
    before
        .iter()
        .chain(&after)
        .any(|w| US_STATE_CUES.contains(w))
}

/// True when `prev` is the state that sponsors the threat actor `m` and
/// stands at most three words before it in the same sentence ("North
/// Korea's Lazarus", "Iran-backed Agrius").
fn sponsor_before(text: &str, prev: &Mention, m: &Mention) -> bool {
    if prev.entity.kind != EntityKind::State
        || m.entity.kind != EntityKind::ThreatActor
        || m.entity.country.is_none()
        || prev.entity.country != m.entity.country
    {
        return false;
    }
    let Some(gap) = text.get(prev.span.end..m.span.start) else {
        return false;
    };
    gap.len() <= 40
        && !gap.contains(['.', ';', '!', '?', '\n', ',', '(', ')'])
        && gap.split_whitespace().count() <= 3
}

/// Capitalised words that may stand before a place name without making it
/// part of a person's or an organisation's name.
const FUNCTION_WORDS: &[&str] = &[
    "In",
    "At",
    "From",
    "To",
    "For",
    "And",
    "But",
    "With",
    "By",
    "Of",
    "On",
    "As",
    "Like",
    "Unlike",
    "While",
    "When",
    "After",
    "Before",
    "Since",
    "Both",
    "Neither",
    "Even",
    "Only",
    "The",
    "Then",
    "Meanwhile",
    "Why",
    "How",
    "What",
    "Where",
    "Did",
    "Does",
    "Will",
    "Can",
    "Has",
    "Had",
    "Is",
    "Was",
    "If",
    "Although",
    "Though",
    "Because",
    "Yesterday",
    "Today",
    "Tomorrow",
    "Also",
    "Now",
    "Still",
    "Yet",
    "So",
    "Nor",
    "Or",
    "Against",
    "Across",
    "Inside",
    "Outside",
    "Within",
    "Without",
    "Between",
    "Among",
    "Via",
    "Per",
    "Whether",
    "Could",
    "Would",
    "Should",
    "May",
    "Might",
    "Must",
    "Do",
    "Are",
    "Were",
    "That",
    "This",
    "Once",
];

/// "George Washington", "Washington Post", "Jordan Peterson": a name-like
/// form touching another capitalised word is not the place.
fn name_like_ok(text: &str, start: usize, end: usize) -> bool {
    let t = text.as_bytes();
    if start >= 2 && t[start - 1] == b' ' {
        let pe = start - 1;
        let mut ps = pe;
        while ps > 0 && is_ascii_word(t[ps - 1]) {
            ps -= 1;
        }
        if ps < pe && t[ps].is_ascii_uppercase() && !is_word_before(text, ps) {
            let w = &text[ps..pe];
            if !FUNCTION_WORDS.contains(&w) {
                return false;
            }
        }
    }
    if t.get(end) == Some(&b' ') && t.get(end + 1).is_some_and(u8::is_ascii_uppercase) {
        return false;
    }
    true
}

/// Capitalised words that may stand right before a state name without
/// making it part of another name ("North Korean", "Communist China", "On
/// Monday China said", "Senior Chinese officials").
const STATE_QUALIFIERS: &[&str] = &[
    "North",
    "South",
    "East",
    "West",
    "Northern",
    "Southern",
    "Eastern",
    "Western",
    "Central",
    "Communist",
    "Mainland",
    "Greater",
    "Soviet",
    "Imperial",
    "Nazi",
    "Later",
    "Earlier",
    "Last",
    "Next",
    "Here",
    "There",
    "Not",
    "Instead",
    "Separately",
    "Initially",
    "Previously",
    "Recently",
    "Eventually",
    "Ultimately",
    "Finally",
    "Especially",
    "Including",
    "Notably",
    "A",
    "An",
    "Its",
    "Their",
    "His",
    "Her",
    "Our",
    "Your",
    "My",
    "These",
    "Those",
    "Which",
    "Who",
    "Whose",
    "Another",
    "Other",
    "Each",
    "Every",
    "No",
    "Some",
    "Many",
    "Most",
    "All",
    "Several",
    "Two",
    "Three",
    "Former",
    "Senior",
    "Top",
    "Rival",
    "Fellow",
    "Pro",
    "Anti",
    // outlets and bodies that are told things ("told Reuters China was")
    "Reuters",
    "Bloomberg",
    "Axios",
    "Politico",
    "Xinhua",
    "Interfax",
    "Yonhap",
    "Kyodo",
    "Congress",
    "Parliament",
    "Senate",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Capitalised words that, right after a state name, make it part of a
/// company's or an institution's name ("Italy Fund", "Swiss Re", "Canada
/// Post", "China Telecom", "Japan Airlines"). Not words that also name a
/// state's own bodies ("US Air Force", "U.S. Energy Department", "US
/// Securities and Exchange Commission", "Iranian Oil Ministry").
fn is_org_after(w: &str) -> bool {
    // a `match` on string literals compiles to a length switch: cheaper
    // than a list scan for the many states followed by a capitalised word
    matches!(
        w,
        "Ltd"
            | "Inc"
            | "Corp"
            | "Corporation"
            | "Co"
            | "Company"
            | "Plc"
            | "PLC"
            | "AG"
            | "SA"
            | "NV"
            | "Group"
            | "Holdings"
            | "Fund"
            | "Trust"
            | "Bank"
            | "Re"
            | "Insurance"
            | "Stock"
            | "Airlines"
            | "Airways"
            | "Telecom"
            | "Mobile"
            | "Unicom"
            | "Post"
            | "Daily"
            | "Times"
            | "Today"
            | "News"
            | "Motors"
            | "Gas"
            | "Steel"
            | "Power"
            | "Electric"
            | "Express"
            | "Railways"
            | "Tobacco"
            | "Mining"
            | "Resources"
            | "Capital"
            | "Investment"
            | "Investments"
            | "Industries"
            | "Pharma"
    )
}

/// Capitalised words that start company names even at the start of a
/// sentence ("Air France", "Royal Dutch Shell").
const ORG_BEFORE: &[&str] = &["Air", "Royal", "Bank", "Banco", "Banque", "Credit", "Shell"];

/// Institution words that, before "of", make the state part of their name
/// ("Bank of Canada", "University of Ghana"; not "Government of Canada").
const ORG_OF: &[&str] = &[
    "Bank",
    "University",
    "College",
    "Institute",
    "Museum",
    "Church",
    "Archbishop",
    "Bishop",
    "Exchange",
    "Association",
    "Chamber",
    "Federation",
    "Confederation",
    "Club",
    "Corp",
    "Corporation",
    "Co",
    "Company",
    "Ltd",
    "Inc",
    "Times",
    "Gulf",
    "Sea",
    "Port",
];

/// The ASCII word ending at `end` (exclusive), if one does.
fn word_ending_at(text: &str, end: usize) -> Option<&str> {
    let t = text.as_bytes();
    let mut s = end;
    while s > 0 && is_ascii_word(t[s - 1]) {
        s -= 1;
    }
    (s < end && !is_word_before(text, s)).then(|| &text[s..end])
}

/// "Air France", "Shell Canada", "Bank of Canada", "Italy Fund", "Swiss
/// Re": a state name inside the proper name of a company or an institution
/// is not the state. Before it: a capitalised word other than a function
/// word, a qualifier ("North", "Communist"), a day or a month, unless the
/// word after the state is capitalised too (a title-case headline, "Blames
/// Russia For Hack"); or an institution word and "of". After it: a company
/// word (`is_org_after`).
#[inline(never)]
fn in_org_name(text: &str, start: usize, end: usize, out: &[Mention]) -> bool {
    let t = text.as_bytes();
    // Most state mentions touch lower-case words: leave early.
    let next_cap = t.get(end) == Some(&b' ') && t.get(end + 1).is_some_and(u8::is_ascii_uppercase);
    if next_cap {
        let e = word_end(text, end + 1);
        if text.get(end + 1..e).is_some_and(is_org_after) {
            return true;
        }
    }
    if start < 2 || t[start - 1] != b' ' || !is_ascii_word(t[start - 2]) {
        return false;
    }
    // A word that is a mention itself is a name of its own ("told Mandiant
    // China was behind it").
    if out.last().is_some_and(|m| m.span.end == start - 1) {
        return false;
    }
    let Some(prev) = word_ending_at(text, start - 1) else {
        return false;
    };
    if prev == "of" {
        return start >= 5
            && t[start - 4] == b' '
            && word_ending_at(text, start - 4).is_some_and(|w| ORG_OF.contains(&w));
    }
    // A title-case run ("Blames Russia For Hack") says nothing either.
    let capitalised =
        prev.as_bytes()[0].is_ascii_uppercase() && prev.bytes().any(|b| b.is_ascii_lowercase());
    if !capitalised || next_cap {
        return false;
    }
    // "Suspected Chinese hackers", "Allegedly Russian", "Leading Chinese
    // firms": participles and adverbs describe, names rarely end so.
    let describes = ["ed", "ly", "ing"].iter().any(|e| prev.ends_with(e));
    if describes || FUNCTION_WORDS.contains(&prev) || STATE_QUALIFIERS.contains(&prev) {
        return false;
    }
    // At the start of a sentence a capital says nothing ("Seven Chinese
    // nationals", "Unofficial Japanese estimates"): only the words that
    // start company names there count ("Air France said").
    let ps = start - 1 - prev.len();
    let opening = text
        .get(..ps)
        .unwrap_or("")
        .trim_end_matches(|c: char| c.is_whitespace() || "\"'(\u{201c}\u{2018}".contains(c))
        .chars()
        .next_back()
        .map_or(true, |c| ".!?:\u{2014}".contains(c));
    !opening || ORG_BEFORE.contains(&prev)
}

const MONTHS: &[&str] = &[
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// "MOSCOW, May 2 (Reuters) -", "Washington DC (UPI)", "BEIJING -": a
/// capital at the start of a line followed by a date, an agency or a dash.
fn is_dateline(text: &str, start: usize, end: usize) -> bool {
    let t = text.as_bytes();
    let mut k = start;
    while k > 0 && (t[k - 1] == b' ' || t[k - 1] == b'\t') {
        k -= 1;
    }
    if k > 0 && t[k - 1] != b'\n' {
        return false;
    }
    let word = &t[start..end];
    let all_caps =
        word.iter().any(u8::is_ascii_alphabetic) && !word.iter().any(u8::is_ascii_lowercase);
    let mut r = end;
    while r < t.len() && t[r] == b' ' {
        r += 1;
    }
    match t.get(r) {
        Some(b'(') => true,
        // "BEIJING -", "MOSCOW--", but not the compound "Tehran-backed": a
        // hyphen touching the place and a letter joins two words.
        Some(b'-') => {
            r > end
                || !t
                    .get(r + 1)
                    .is_some_and(|&b| b.is_ascii_alphanumeric() || b >= 0x80)
        }
        Some(0xE2) => text
            .get(r..)
            .is_some_and(|s| s.starts_with('\u{2014}') || s.starts_with('\u{2013}')),
        Some(b',') => {
            if all_caps {
                return true;
            }
            let rest = text.get(r + 1..).unwrap_or("").trim_start();
            let word: String = rest
                .chars()
                .take_while(char::is_ascii_alphabetic)
                .take(3)
                .map(|c| c.to_ascii_lowercase())
                .collect();
            MONTHS.contains(&word.as_str())
        }
        Some(b'\n') | None => all_caps && end - start > 1,
        _ => false,
    }
}

/// Words that make an ordinary word a threat-actor name when within four
/// words of it.
const STRONG_CONTEXT: &[&str] = &[
    "hackers",
    "hacker",
    "hacking",
    "apt",
    "espionage",
    "cyberespionage",
    "tracked",
    "dubbed",
    "aka",
    "alias",
    "ransomware",
    "adversary",
    "adversaries",
    "spies",
    "cyberspies",
    "attackers",
    "intrusion",
    "intrusions",
    "threat",
];

/// Words that do so only in a sentence about cyber operations ("the Sodium
/// group" yes, "Platinum group base prices" no).
const WEAK_CONTEXT: &[&str] = &[
    "group",
    "groups",
    "gang",
    "gangs",
    "crew",
    "team",
    "collective",
    "syndicate",
    "cluster",
    "operators",
    "operator",
    "affiliates",
    "campaign",
    "known",
    "called",
    "named",
    "actor",
    "actors",
];

/// Word beginnings that, right after an ambiguous alias, make it an actor.
const AFTER_WORDS: &[&str] = &[
    "attack",
    "hack",
    "breach",
    "intrusion",
    "campaign",
    "operatives",
    "spies",
    "affiliates",
    // a crime verb or noun right after the name: "Lazarus stole", "the
    // Lazarus heist" ("Emma Lazarus wrote" does not qualify)
    "stole",
    "steal",
    "siphon",
    "launder",
    "loot",
    "heist",
    "theft",
];

/// Word beginnings that make a sentence about cyber operations.
const CYBER_PREFIXES: &[&str] = &[
    "hack",
    "cyber",
    "malware",
    "espionage",
    "phish",
    "ransomware",
    "breach",
    "intrusion",
    "exploit",
    "spy",
    "spie",
    "backdoor",
    "apt",
    "attack",
    "threat",
    "infiltrat",
    "compromis",
    "wiper",
    "ddos",
    "botnet",
    "heist",
    "crypto",
];

/// Up to `max` words before `start` (nearest first) or after `end`, within
/// the sentence.
fn window(text: &str, start: usize, end: usize, max: usize) -> (Vec<&str>, Vec<&str>) {
    let t = text.as_bytes();
    let stop = |b: u8| b == b'.' || b == b'\n' || b == b';' || b == b'!' || b == b'?';
    let mut before = Vec::new();
    let mut i = start;
    while i > 0 && before.len() < max {
        let mut e = i;
        while e > 0 && !is_ascii_word(t[e - 1]) {
            if stop(t[e - 1]) && !(t[e - 1] == b'.' && e >= 2 && t[e - 2].is_ascii_uppercase()) {
                e = 0;
                break;
            }
            e -= 1;
        }
        if e == 0 {
            break;
        }
        let mut s = e;
        while s > 0 && is_ascii_word(t[s - 1]) {
            s -= 1;
        }
        before.push(&text[s..e]);
        i = s;
    }
    let mut after = Vec::new();
    let mut i = end;
    while i < t.len() && after.len() < max {
        let mut s = i;
        let mut stopped = false;
        while s < t.len() && !is_ascii_word(t[s]) {
            if stop(t[s]) && !(t[s] == b'.' && s > 0 && t[s - 1].is_ascii_uppercase()) {
                stopped = true;
                break;
            }
            s += 1;
        }
        if stopped {
            break;
        }
        let mut e = s;
        while e < t.len() && is_ascii_word(t[e]) {
            e += 1;
        }
        if s == e {
            break;
        }
        after.push(&text[s..e]);
        i = e;
    }
    (before, after)
}

/// True when the words around `start..end` make it a threat-actor name.
pub(crate) fn has_actor_context(text: &str, start: usize, end: usize) -> bool {
    let (before, after) = window(text, start, end, 15);
    let is_in = |w: &str, list: &[&str]| list.iter().any(|c| c.eq_ignore_ascii_case(w));
    let is_cyber = |w: &str| {
        let lw = w.to_ascii_lowercase();
        CYBER_PREFIXES.iter().any(|p| lw.starts_with(p))
    };
    // "the Conti attack", "a Sodium hack": an attack word right after (not
    // "malware" or "wiper": "Shamoon malware" names the tool).
    if after.first().is_some_and(|w| {
        let lw = w.to_ascii_lowercase();
        AFTER_WORDS.iter().any(|p| lw.starts_with(p))
    }) {
        return true;
    }
    let near = before.iter().take(4).chain(after.iter().take(4));
    let mut weak = false;
    for w in near {
        if is_in(w, STRONG_CONTEXT) {
            return true;
        }
        weak |= is_in(w, WEAK_CONTEXT);
    }
    weak && before.iter().chain(&after).any(|w| is_cyber(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_table_finds_each_word_and_no_other() {
        let words = ["abcdefghij", "abcdefghik", "abcdefgh", "abc", "a", "zürich"];
        let t = WordTable::new(words.iter().enumerate().map(|(i, w)| {
            let list: Box<[u32]> = vec![i as u32].into_boxed_slice();
            (w.as_bytes().into(), list)
        }));
        for (i, w) in words.iter().enumerate() {
            assert_eq!(t.get(w.as_bytes()), Some(&[i as u32][..]), "{w}");
        }
        for w in ["abcdefghil", "abcdefg", "ab", "", "abcdefghijk", "b"] {
            assert_eq!(t.get(w.as_bytes()), None, "{w}");
        }
    }

    #[test]
    fn datelines() {
        let t = "MOSCOW, May 2 (Reuters) - x";
        assert!(is_dateline(t, 0, 6));
        let t = "Moscow, which denies it, said";
        assert!(!is_dateline(t, 0, 6));
        let t = "Washington DC (UPI) May 28";
        assert!(is_dateline(t, 0, 13));
        let t = "said Moscow (Reuters)";
        assert!(!is_dateline(t, 5, 11));
        let t = "Tehran-backed operators hit the port.";
        assert!(!is_dateline(t, 0, 6));
        let t = "x.\nMoscow-linked hackers";
        assert!(!is_dateline(t, 3, 9));
        let t = "MOSCOW - Russia said";
        assert!(is_dateline(t, 0, 6));
        let t = "MOSCOW--Russia said";
        assert!(is_dateline(t, 0, 6));
        let t = "Moscow \u{2014} Russia said";
        assert!(is_dateline(t, 0, 6));
    }

    #[test]
    fn context() {
        let t = "the Sodium group hacked";
        assert!(has_actor_context(t, 4, 10));
        let t = "hackers from Sodium struck";
        assert!(has_actor_context(t, 13, 19));
        let t = "sodium prices. Group stage";
        assert!(!has_actor_context(t, 0, 6));
        let t = "the Platinum group base prices rose";
        assert!(!has_actor_context(t, 4, 12));
        let t = "the Platinum group behind the cyberattack";
        assert!(has_actor_context(t, 4, 12));
    }

    #[test]
    fn org_names() {
        let t = "Air France said";
        assert!(in_org_name(t, 4, 10, &[]));
        let t = "the Bank of Canada said";
        assert!(in_org_name(t, 12, 18, &[]));
        let t = "the Government of Canada said";
        assert!(!in_org_name(t, 18, 24, &[]));
        let t = "the Italy Fund fell";
        assert!(in_org_name(t, 4, 9, &[]));
        let t = "Swiss Re said";
        assert!(in_org_name(t, 0, 5, &[]));
        let t = "The Czech government said";
        assert!(!in_org_name(t, 4, 9, &[]));
        let t = "On Monday China said";
        assert!(!in_org_name(t, 10, 15, &[]));
        let t = "Dutch Agency Blames Russia For Hack";
        assert!(!in_org_name(t, 20, 26, &[]));
        let t = "Officials told Reuters China was behind it";
        assert!(!in_org_name(t, 23, 28, &[]));
        let t = "Seven Chinese nationals were charged";
        assert!(!in_org_name(t, 6, 13, &[]));
        let t = "He said Texaco Canada would";
        assert!(in_org_name(t, 15, 21, &[]));
        let t = "\u{201c}Texaco Canada will";
        assert!(!in_org_name(t, 10, 16, &[]));
        let t = "the North Korean hackers";
        assert!(!in_org_name(t, 10, 16, &[]));
    }

    #[test]
    fn us_states() {
        let t = "An Atlanta-based firm said Georgia's machines were fine.";
        assert!(is_us_state(t, 27, 34));
        let t = "Georgia accused Russia of the attack.";
        assert!(!is_us_state(t, 0, 7));
        let t = "a Democrat from Georgia. Georgia accused Russia.";
        assert!(!is_us_state(t, 25, 32));
    }

    #[test]
    fn names() {
        let t = "George Washington said";
        assert!(!name_like_ok(t, 7, 17));
        let t = "In Washington, officials";
        assert!(name_like_ok(t, 3, 13));
        let t = "the Washington Post said";
        assert!(!name_like_ok(t, 4, 14));
    }
}
