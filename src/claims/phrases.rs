//! A whole-word phrase matcher for the cue, hedge and context lexicons.
//!
//! The lexicons expand to thousands of lowercase phrases ("blamed",
//! "pointed the finger at", "-backed"; the default cue file to 12,344). An
//! Aho-Corasick DFA over 3,166 of them scanned fast but took ~40 ms
//! (≈ 260 M instructions) per automaton to build, more than tagging a
//! megabyte of news, and every `tag` process paid it. Since a cue must start
//! and end on word boundaries anyway, this matcher is a trie over word
//! tokens instead: building is a table insert per new token (all default
//! lexicons in ~20 ms, most of it expanding `{a|b}` alternatives), and a scan
//! looks up each word of the sentence once, by its first eight bytes and its
//! length, then follows the trie word by word.
//!
//! Matching is ASCII-case-insensitive, one space of a phrase matches any run
//! of white space in the text (so hard-wrapped lines still match), and a
//! match must be whole words: not preceded by a word character (letters,
//! digits, `_`) unless it starts with a hyphen, and not followed by one.
//! At each position the longest such phrase wins; matches do not overlap.

use crate::claims::lexicon::Fnv;
use crate::swar::{ascii_word_len8, load8, lower8, pack, WordMap};

/// A compiled set of phrases: a trie over their tokens.
///
/// A token is a run of word characters (letters, digits, `_`) or a single
/// other character that is not white space; an edge of the trie is keyed
/// by its parent node, the token's key (its first eight bytes, lowercased
/// and packed in a `u64`, and its length; longer tokens also compare their
/// tails) and whether white space stands before it ("pointed the" vs
/// "U.S.-backed").
#[derive(Clone, Debug)]
pub(crate) struct PhraseSet {
    /// The first tokens: token key → node, in a small table of its own
    /// (every word of a scanned sentence is looked up here, so it must stay
    /// in the first-level cache).
    roots: WordMap<u32>,
    /// Per node: its children, a range of `child_keys` / `child_nodes`.
    children: Vec<(u32, u32)>,
    /// Per node: bit `n` set when a child token is `n` bytes long (bit 63:
    /// 63 or more), to reject most next tokens before looking them up.
    child_lens: Vec<u64>,
    /// Per node: a 64-bit filter of its children's keys (`child_bit`): a
    /// node like "the" has dozens of children, and most words after it are
    /// none of them.
    child_bloom: Vec<u64>,
    /// The (packed token, token length, white space before) of every
    /// non-root edge, sorted within each node's range (binary search; a
    /// node's children sit side by side, so a lookup touches a cache line
    /// or two).
    child_keys: Vec<(u64, u32, bool)>,
    /// The child node of each entry of `child_keys`.
    child_nodes: Vec<u32>,
    /// Per node: where in `token_bytes` the lowercase token that leads to it
    /// lies (to compare the tails of tokens longer than eight bytes).
    token_at: Vec<(u32, u32)>,
    /// The tokens of all nodes, end to end.
    token_bytes: Vec<u8>,
    /// Per node: the pattern that ends there, if any.
    terminal: Vec<Option<u32>>,
    /// Bytes that start a phrase beginning with a non-word character.
    punct_start: [bool; 256],
    /// Per lowercased first byte: bit `n` set when some first token of
    /// that byte is `n` bytes long (bit 63: 63 or more). Most words of a
    /// sentence start no phrase; this rejects many before the table lookup.
    first_lens: [u64; 256],
}

/// A child key's bit in its parent's `child_bloom`.
#[inline(always)]
fn child_bit(packed: u64, len: u32, space: bool) -> u64 {
    let h = (packed ^ u64::from(len) << 1 ^ u64::from(space)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    1 << (h >> 58)
}

/// The `first_lens` bit of a token length.
#[inline]
fn len_bit(len: usize) -> u64 {
    1 << len.min(63)
}

/// One match: byte offsets into the scanned text and the pattern id.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct PhraseMatch {
    pub start: usize,
    pub end: usize,
    pub pattern: usize,
}

const ROOT: u32 = 0;

/// Per byte: 1 for an ASCII word character, 2 for a byte of a non-ASCII
/// character (decode it to know), 0 otherwise.
static CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        let b = i as u8;
        t[i] = if b >= 0x80 {
            2
        } else if b.is_ascii_alphanumeric() || b == b'_' {
            1
        } else {
            0
        };
        i += 1;
    }
    t
};

/// True for the characters that make up words.
#[inline]
fn word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The character at byte `i` of `s`, if `i` is on a character boundary.
#[inline]
fn char_at(s: &str, i: usize) -> Option<char> {
    let b = *s.as_bytes().get(i)?;
    if b < 0x80 {
        return Some(char::from(b));
    }
    s.get(i..)?.chars().next()
}

/// The length of the word character at byte `i` of `s`, if it is one.
#[inline]
fn word_at(s: &str, i: usize) -> Option<usize> {
    let b = *s.as_bytes().get(i)?;
    match CLASS[usize::from(b)] {
        0 => return None,
        1 => return Some(1),
        _ => {}
    }
    let c = s.get(i..)?.chars().next()?;
    word_char(c).then(|| c.len_utf8())
}

/// The next token of `s` at or after byte `i`: (white space skipped before
/// it, start, end); `None` at the end of `s`.
#[inline]
fn next_token(s: &str, mut i: usize) -> Option<(bool, usize, usize)> {
    let bytes = s.as_bytes();
    let mut space = false;
    // ASCII fast path: blanks, then a word or one punctuation byte.
    while let Some(&b) = bytes.get(i) {
        match CLASS[usize::from(b)] {
            1 => {
                let mut end = i + 1;
                while bytes.get(end).is_some_and(|&c| CLASS[usize::from(c)] == 1) {
                    end += 1;
                }
                if bytes.get(end).is_some_and(|&c| c >= 0x80) {
                    break; // the word may go on in non-ASCII letters
                }
                return Some((space, i, end));
            }
            0 if char::from(b).is_whitespace() => {
                space = true;
                i += 1;
            }
            0 => return Some((space, i, i + 1)),
            _ => break,
        }
    }
    loop {
        let c = char_at(s, i)?;
        if c.is_whitespace() {
            space = true;
            i += c.len_utf8();
            continue;
        }
        if word_char(c) {
            let mut end = i + c.len_utf8();
            while let Some(l) = word_at(s, end) {
                end += l;
            }
            return Some((space, i, end));
        }
        return Some((space, i, i + c.len_utf8()));
    }
}

impl PhraseSet {
    /// Compiles `patterns` (pattern id = index). Empty patterns never
    /// match; of two patterns with the same tokens the first is kept.
    pub fn new<S: AsRef<str>>(patterns: &[S]) -> PhraseSet {
        let mut set = PhraseSet {
            roots: WordMap::default(),
            children: Vec::new(),
            child_lens: Vec::new(),
            child_bloom: Vec::new(),
            child_keys: Vec::new(),
            child_nodes: Vec::new(),
            token_at: vec![(0, 0)],
            token_bytes: Vec::new(),
            terminal: vec![None],
            punct_start: [false; 256],
            first_lens: [0; 256],
        };
        // The non-root edges while building: (parent, token key, space, hash
        // of the token's tail) → child; a child found there is compared, and
        // a different token under the same key (a 64-bit hash collision)
        // goes to `overflow`.
        type EdgeKey = (u32, u64, u32, bool, u64);
        let mut edges: std::collections::HashMap<EdgeKey, u32, Fnv> = Default::default();
        let mut overflow: Vec<(EdgeKey, u32)> = Vec::new();
        let mut sorted: Vec<(u32, (u64, u32, bool), u32)> = Vec::new();
        for (id, p) in patterns.iter().enumerate() {
            let p = p.as_ref();
            // The lexicons hand over lowercase phrases: no copy then.
            let p: std::borrow::Cow<'_, str> = if p.bytes().any(|b| b.is_ascii_uppercase()) {
                p.to_ascii_lowercase().into()
            } else {
                p.into()
            };
            let (mut node, mut at, mut first) = (ROOT, 0, true);
            while let Some((space, a, b)) = next_token(&p, at) {
                if first && word_at(&p, a).is_none() {
                    set.punct_start[usize::from(p.as_bytes()[a])] = true;
                }
                let tok = &p.as_bytes()[a..b];
                let space = space && !first;
                let tail = tok.get(8..).map_or(0, |t| {
                    t.iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, &c| {
                        (h ^ u64::from(c)).wrapping_mul(0x0100_0000_01b3)
                    })
                });
                let key = (node, pack(tok, 0, tok.len()), tok.len() as u32, space, tail);
                let found = if node == ROOT {
                    set.root(p.as_bytes(), a, b)
                } else {
                    edges
                        .get(&key)
                        .copied()
                        .filter(|&k| set.token(k) == tok)
                        .or_else(|| {
                            overflow
                                .iter()
                                .find(|(k, c)| *k == key && set.token(*c) == tok)
                                .map(|(_, c)| *c)
                        })
                };
                node = match found {
                    Some(child) => child,
                    None => {
                        let child = set.token_at.len() as u32;
                        let from = set.token_bytes.len() as u32;
                        set.token_bytes.extend_from_slice(tok);
                        set.token_at.push((from, tok.len() as u32));
                        set.terminal.push(None);
                        if node == ROOT {
                            let first = usize::from(p.as_bytes()[a].to_ascii_lowercase());
                            set.first_lens[first] |= len_bit(b - a);
                            set.roots.insert(tok, child);
                        } else {
                            match edges.entry(key) {
                                std::collections::hash_map::Entry::Occupied(_) => {
                                    overflow.push((key, child));
                                }
                                std::collections::hash_map::Entry::Vacant(v) => {
                                    v.insert(child);
                                }
                            }
                            sorted.push((node, (key.1, key.2, key.3), child));
                        }
                        child
                    }
                };
                at = b;
                first = false;
            }
            if node != ROOT {
                let t = &mut set.terminal[node as usize];
                if t.is_none() {
                    *t = Some(id as u32);
                }
            }
        }
        sorted.sort_unstable();
        let nodes = set.token_at.len();
        set.children = vec![(0, 0); nodes];
        set.child_lens = vec![0; nodes];
        set.child_bloom = vec![0; nodes];
        for (parent, key, child) in sorted {
            let len = key.1 as usize;
            set.child_lens[parent as usize] |= len_bit(len);
            set.child_bloom[parent as usize] |= child_bit(key.0, key.1, key.2);
            let at = set.child_keys.len() as u32;
            let range = &mut set.children[parent as usize];
            if range.1 == 0 {
                range.0 = at;
            }
            range.1 += 1;
            set.child_keys.push(key);
            set.child_nodes.push(child);
        }
        set
    }

    /// The lowercase token that leads to `node`.
    fn token(&self, node: u32) -> &[u8] {
        let (from, len) = self.token_at.get(node as usize).copied().unwrap_or((0, 0));
        self.token_bytes
            .get(from as usize..from as usize + len as usize)
            .unwrap_or(&[])
    }

    /// The matches in `s`, left to right.
    pub fn find_iter<'s>(&'s self, s: &'s str) -> PhraseIter<'s> {
        PhraseIter {
            set: self,
            s,
            pos: 0,
            prev_word: false,
        }
    }

    /// The child of `node` by the token `s[a..b]` (white space before it
    /// or not).
    #[inline]
    fn child(&self, node: u32, s: &[u8], a: usize, b: usize, space: bool) -> Option<u32> {
        let tok = s.get(a..b)?;
        let key = (pack(s, a, b), u32::try_from(tok.len()).ok()?, space);
        if self.child_bloom.get(node as usize)? & child_bit(key.0, key.1, key.2) == 0 {
            return None;
        }
        let &(from, n) = self.children.get(node as usize)?;
        let (from, to) = (from as usize, from as usize + n as usize);
        let keys = self.child_keys.get(from..to)?;
        let first = keys.partition_point(|k| *k < key);
        // Tokens longer than eight bytes may share a key: compare tails.
        keys.get(first..)?
            .iter()
            .take_while(|k| **k == key)
            .zip(self.child_nodes.get(from + first..)?)
            .find(|(_, &child)| {
                tok.len() <= 8
                    || Some(self.token(child)).is_some_and(|want| {
                        want.len() == tok.len()
                            && want
                                .iter()
                                .zip(tok)
                                .all(|(w, t)| *w == t.to_ascii_lowercase())
                    })
            })
            .map(|(_, &child)| child)
    }

    /// The root child for the first token `bytes[a..b]`.
    #[inline(always)]
    fn root(&self, bytes: &[u8], a: usize, b: usize) -> Option<u32> {
        self.root_packed(bytes, a, b, pack(bytes, a, b))
    }

    /// [`PhraseSet::root`] with the token's key (`pack`) already computed.
    #[inline(always)]
    fn root_packed(&self, bytes: &[u8], a: usize, b: usize, packed: u64) -> Option<u32> {
        let len = b.checked_sub(a)?;
        let first = usize::from(bytes.get(a)?.to_ascii_lowercase());
        if self.first_lens[first] & len_bit(len) == 0 {
            return None;
        }
        self.roots.get_packed(bytes.get(a..b)?, packed).copied()
    }

    /// The longest phrase whose first token is `s[a..b]`.
    #[inline]
    fn longest(&self, s: &str, a: usize, b: usize) -> Option<PhraseMatch> {
        let node = self.root(s.as_bytes(), a, b)?;
        self.extend(s, a, b, node)
    }

    /// Walks on from `node` (reached at byte `b`) to the longest match.
    fn extend(&self, s: &str, a: usize, b: usize, mut node: u32) -> Option<PhraseMatch> {
        let bytes = s.as_bytes();
        let mut end = b;
        let mut best = None;
        loop {
            if let Some(id) = self.terminal[node as usize] {
                // A phrase ending in a non-word character must still end
                // before a non-word character ("U.S." in "U.S.A").
                if word_at(s, end).is_none() {
                    best = Some(PhraseMatch {
                        start: a,
                        end,
                        pattern: id as usize,
                    });
                }
            }
            let lens = self.child_lens.get(node as usize).copied().unwrap_or(0);
            if lens == 0 {
                break;
            }
            let Some((space, ta, tb)) = next_token(s, end) else {
                break;
            };
            if lens & len_bit(tb - ta) == 0 {
                break;
            }
            let Some(next) = self.child(node, bytes, ta, tb, space) else {
                break;
            };
            node = next;
            end = tb;
        }
        best
    }
}

/// The iterator of [`PhraseSet::find_iter`].
pub(crate) struct PhraseIter<'s> {
    set: &'s PhraseSet,
    s: &'s str,
    pos: usize,
    /// Whether the character before `pos` is a word character.
    prev_word: bool,
}

impl Iterator for PhraseIter<'_> {
    type Item = PhraseMatch;

    fn next(&mut self) -> Option<PhraseMatch> {
        let (set, s) = (self.set, self.s);
        let bytes = s.as_bytes();
        while let Some(&b) = bytes.get(self.pos) {
            let at = self.pos;
            if CLASS[usize::from(b)] == 1 {
                // A word starts here (runs are skipped whole, so the
                // character before is not a word character).
                // The ASCII part eight bytes at a time (no branch per byte).
                let first = load8(bytes, at);
                let mut n = ascii_word_len8(first);
                let mut end = at + n as usize;
                while n == 8 {
                    n = ascii_word_len8(load8(bytes, end));
                    end += n as usize;
                }
                let ascii_only = bytes.get(end).map_or(true, |&c| c < 0x80);
                if !ascii_only {
                    // The word may go on in non-ASCII letters.
                    while let Some(l) = word_at(s, end) {
                        end += l;
                    }
                }
                self.pos = end;
                self.prev_word = true;
                let len = end - at;
                let found = if ascii_only || len <= 8 {
                    // `first` already holds the key's bytes.
                    let packed = if len < 8 {
                        first & ((1u64 << (8 * len)) - 1)
                    } else {
                        first
                    };
                    set.root_packed(bytes, at, end, lower8(packed))
                } else {
                    set.root(bytes, at, end)
                };
                if let Some(m) = found.and_then(|node| set.extend(s, at, end, node)) {
                    self.pos = m.end;
                    self.prev_word = word_at(s, prev_char_start(s, m.end)).is_some();
                    return Some(m);
                }
            } else if b >= 0x80 && word_at(s, at).is_some() {
                let mut end = at;
                while let Some(l) = word_at(s, end) {
                    end += l;
                }
                self.pos = end;
                self.prev_word = true;
                if let Some(m) = set.longest(s, at, end) {
                    self.pos = m.end;
                    self.prev_word = word_at(s, prev_char_start(s, m.end)).is_some();
                    return Some(m);
                }
            } else {
                let len = char_at(s, at).map_or(1, char::len_utf8);
                let starts = set.punct_start[usize::from(b)] && (b == b'-' || !self.prev_word);
                self.pos = at + len;
                self.prev_word = false;
                if starts {
                    if let Some(m) = set.longest(s, at, at + len) {
                        self.pos = m.end;
                        self.prev_word = word_at(s, prev_char_start(s, m.end)).is_some();
                        return Some(m);
                    }
                }
            }
        }
        None
    }
}

/// The start of the character that ends at byte `end` of `s`.
fn prev_char_start(s: &str, end: usize) -> usize {
    s.get(..end)
        .and_then(|p| p.char_indices().next_back())
        .map_or(0, |(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(set: &PhraseSet, s: &str) -> Vec<(usize, usize, usize)> {
        set.find_iter(s)
            .map(|m| (m.start, m.end, m.pattern))
            .collect()
    }

    #[test]
    fn whole_words_longest_first() {
        let set = PhraseSet::new(&["blamed", "point the finger at", "point", "-backed"]);
        let s = "Prague blamed Beijing; officials point the finger at China-backed units.";
        assert_eq!(all(&set, s), [(7, 13, 0), (33, 52, 1), (58, 65, 3)], "{s}");
        // not inside words, any case, any white space between words
        assert_eq!(all(&set, "unblamed blamedly BLAMED"), [(18, 24, 0)]);
        assert_eq!(all(&set, "Point  the\nfinger AT them"), [(0, 20, 1)]);
        assert_eq!(all(&set, "a point."), [(2, 7, 2)]);
    }

    #[test]
    fn non_word_starts_and_unicode() {
        let set = PhraseSet::new(&["(x", "état", "said"]);
        assert_eq!(all(&set, "a (x) b(x"), [(2, 4, 0)]);
        assert_eq!(all(&set, "l'état said, ÉTAT"), [(2, 7, 1), (8, 12, 2)]);
        // a word character after a non-ASCII letter blocks the match
        assert_eq!(all(&set, "étatx saidé"), []);
    }

    #[test]
    fn never_panics_on_odd_text() {
        let set = PhraseSet::new(&["a b", "-b", "", "é"]);
        for s in [
            "",
            "a",
            "a ",
            "-",
            "é",
            "\u{2029}a b",
            "a\u{a0}b",
            "a -b",
            "aé b",
        ] {
            let _ = all(&set, s);
        }
        assert_eq!(all(&set, "x-b"), [(1, 3, 1)]);
    }

    /// The definition, written plainly: at each position where a phrase may
    /// start, the longest phrase that matches there (one space of a phrase
    /// = a run of white space; whole words), then go on after it.
    fn reference(patterns: &[&str], s: &str) -> Vec<(usize, usize, usize)> {
        let wc = |c: Option<char>| c.is_some_and(word_char);
        let matches_at = |p: &str, at: usize| -> Option<usize> {
            let (mut i, mut toks) = (at, p.split(' ').peekable());
            while let Some(t) = toks.next() {
                let rest = s.get(i..)?;
                if rest.len() < t.len()
                    || !rest.as_bytes()[..t.len()].eq_ignore_ascii_case(t.as_bytes())
                {
                    return None;
                }
                i += t.len();
                if toks.peek().is_some() {
                    let ws: usize = s
                        .get(i..)?
                        .chars()
                        .take_while(|c| c.is_whitespace())
                        .map(char::len_utf8)
                        .sum();
                    if ws == 0 {
                        return None;
                    }
                    i += ws;
                }
            }
            (s.is_char_boundary(i) && !wc(s.get(i..)?.chars().next())).then_some(i)
        };
        let mut out = Vec::new();
        let mut at = 0;
        while at < s.len() {
            let c = s[at..].chars().next().unwrap();
            let prev = s[..at].chars().next_back();
            let may_start = !c.is_whitespace() && (c == '-' || !wc(prev));
            let best = if may_start {
                patterns
                    .iter()
                    .enumerate()
                    .filter(|(_, p)| !p.is_empty())
                    .filter_map(|(id, p)| matches_at(p, at).map(|e| (e, id)))
                    .fold(None, |b: Option<(usize, usize)>, (e, id)| match b {
                        Some((be, _)) if be >= e => b,
                        _ => Some((e, id)),
                    })
            } else {
                None
            };
            match best {
                Some((e, id)) => {
                    out.push((at, e, id));
                    at = e;
                }
                None => at += c.len_utf8(),
            }
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn equals_the_reference(
            pats in proptest::collection::vec("(-|\\(|)(ab|a|b|é|c)( ?(a|b|-|\\.|é|c)){0,3}", 1..8),
            text in "[ab é.\\-(c\n]{0,40}",
        ) {
            let pats: Vec<&str> = pats.iter().map(String::as_str).collect();
            // Only tokens the set can see: a phrase is a sequence of whole
            // tokens, so a pattern that splits a word run in two ("a" + "b"
            // written "ab" is one token) is compared on its tokens.
            let set = PhraseSet::new(&pats);
            proptest::prop_assert_eq!(all(&set, &text), reference(&pats, &text));
        }
    }

    proptest::proptest! {
        #[test]
        fn long_words_equal_the_reference(
            pats in proptest::collection::vec("(abababab(a|b|ab|ba){0,2}|(ab|a|b|B){3,7})( (ab|A|a){1,6})?", 1..8),
            text in "((abababab|ABABABAB)?[abAB ]{0,5}){0,8}",
        ) {
            let pats: Vec<&str> = pats.iter().map(String::as_str).collect();
            let set = PhraseSet::new(&pats);
            proptest::prop_assert_eq!(all(&set, &text), reference(&pats, &text));
        }
    }

    /// The embedded cue lexicon on our own annotated sentences: the set and
    /// the reference agree on every hit.
    #[test]
    fn embedded_cues_equal_the_reference() {
        let mut pats: Vec<String> = Vec::new();
        for line in crate::claims::DEFAULT_CUES.lines().skip(1) {
            let phrase = line.split('\t').next().unwrap_or("");
            if phrase.is_empty() || phrase.starts_with('#') {
                continue;
            }
            let head = phrase.split(" ... ").next().unwrap_or("");
            pats.extend(crate::claims::lexicon::expand(head).unwrap());
        }
        let pats: Vec<String> = pats.iter().map(|p| p.to_ascii_lowercase()).collect();
        let refs: Vec<&str> = pats.iter().map(String::as_str).collect();
        let set = PhraseSet::new(&refs);
        let text = include_str!("../../tests/data/claims.jsonl");
        let mut hits = 0;
        for line in text.lines().take(60) {
            let got = all(&set, line);
            // The reference keeps the first of duplicate phrases, as the set does.
            assert_eq!(got, reference(&refs, line), "{line}");
            hits += got.len();
        }
        assert!(hits > 60, "{hits}");
    }
}
