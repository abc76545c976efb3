//! Generators for the pathological inputs of issue 6, shared by
//! `tests/pathological.rs` (invariants, small sizes in debug builds) and
//! `benches/pathological.rs` (time per byte at full size). Every input is
//! generated here, from invented words; nothing is read from disk.

#![allow(dead_code)]

use attribution_tagger::Gazetteer;

/// A small deterministic generator (64-bit LCG), so every run tags the same
/// text.
pub struct Lcg(u64);

impl Lcg {
    pub fn new(seed: u64) -> Lcg {
        Lcg(seed)
    }

    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        items[(self.0 >> 33) as usize % items.len()]
    }
}

/// News words with names and claim cues but no sentence punctuation.
const WORDS: &[&str] = &[
    "officials",
    "in",
    "Prague",
    "blamed",
    "China",
    "for",
    "the",
    "attack",
    "on",
    "port",
    "systems",
    "and",
    "said",
    "hackers",
    "linked",
    "to",
    "Russia",
    "were",
    "behind",
    "a",
    "campaign",
    "against",
    "ministries",
    "APT31",
    "likely",
    "stole",
    "data",
    "from",
    "email",
    "servers",
    "which",
    "Microsoft",
    "researchers",
    "tied",
    "Fancy",
    "Bear",
    "the",
    "GRU",
    "of",
    "accused",
    "North",
    "Korea",
    "Lazarus",
    "Group",
    "denied",
    "involvement",
    "water",
    "plant",
    "in",
    "Oslo",
    "with",
    "probably",
    "may",
    "have",
    "been",
];

/// `len` bytes (about) of words separated by spaces, with no `.`, `!`, `?`
/// or line break: one endless sentence full of entities and cues.
pub fn no_punctuation(len: usize) -> String {
    let mut rng = Lcg::new(6);
    let mut s = String::with_capacity(len + 16);
    while s.len() < len {
        s.push_str(rng.pick(WORDS));
        s.push(' ');
    }
    s
}

/// `n` repetitions of `"U.S. "`.
pub fn us_repeated(n: usize) -> String {
    "U.S. ".repeat(n)
}

/// `n` names of the default gazetteer in a row, separated by spaces (no
/// punctuation: one sentence holding `n` mentions).
pub fn gazetteer_names(n: usize) -> String {
    let g = Gazetteer::new();
    let names: Vec<&str> = g
        .entities()
        .map(|e| e.name.as_ref())
        .filter(|name| !name.contains(['.', '!', '?']))
        .collect();
    let mut s = String::new();
    for i in 0..n {
        s.push_str(names[(i * 7919) % names.len()]);
        s.push(' ');
    }
    s
}

/// `depth` opening quotes and brackets of every kind, a claim, then the
/// closing ones in reverse order; and the same with no closing ones.
pub fn nested(depth: usize) -> String {
    const OPEN: [&str; 8] = ["(", "[", "{", "\"", "“", "‘", "«", "'"];
    const CLOSE: [&str; 8] = [")", "]", "}", "\"", "”", "’", "»", "'"];
    let mut s = String::new();
    for i in 0..depth {
        s.push_str(OPEN[i % 8]);
    }
    s.push_str("Officials blamed China for the attack.");
    for i in (0..depth).rev() {
        s.push_str(CLOSE[i % 8]);
        if i % 97 == 0 {
            s.push_str(" it said. ");
        }
    }
    s.push(' ');
    for i in 0..depth {
        s.push_str(OPEN[i % 8]);
        s.push_str(if i % 5 == 0 { "Russia " } else { "" });
    }
    s
}

/// The chars repeated by [`repeated_char`]: letters, punctuation, white
/// space, a multi-byte letter, an emoji and a combining mark.
pub const REPEATED: &[char] = &[
    'a', 'A', '.', '!', ' ', '\n', '-', '(', '"', 'é', '🙂', '\u{301}',
];

/// `c` repeated to `len` bytes (about).
pub fn repeated_char(c: char, len: usize) -> String {
    std::iter::repeat(c).take(len / c.len_utf8()).collect()
}

/// Every C0 and C1 control char, NUL included, alone and inside a news
/// sentence, repeated to `len` bytes (about).
pub fn control_chars(len: usize) -> String {
    let controls: Vec<char> = (0u32..0x20)
        .chain(0x7f..0xa0)
        .filter_map(char::from_u32)
        .collect();
    let mut s = String::with_capacity(len + 256);
    let mut i = 0;
    while s.len() < len {
        let c = controls[i % controls.len()];
        let d = controls[(i * 7 + 3) % controls.len()];
        s.push_str("Officials");
        s.push(c);
        s.push_str("blamed China");
        s.push(d);
        s.push_str(". ");
        s.push(c);
        s.push(d);
        s.push_str("Mr.");
        s.push(c);
        s.push_str(" U.S.");
        s.push(d);
        i += 1;
    }
    s
}

/// A combining mark with nothing to combine with, in every position a
/// splitter or tokenizer may trip on.
pub fn lone_combining_marks() -> Vec<String> {
    let m = '\u{301}';
    vec![
        m.to_string(),
        format!("{m}{m}{m}"),
        format!("{m}Officials blamed China."),
        format!("Officials blamed China.{m}"),
        format!("Officials blamed China. {m} It denied it."),
        format!("Officials blamed China.{m} {m}It denied it.{m}"),
        format!("U.S.{m} officials blamed{m} Russia{m}'s GRU{m}."),
        format!("\n\n{m}\n\n"),
        format!("({m}) [{m}] \"{m}\" “{m}”"),
    ]
}

/// Every char Unicode calls white space (and the zero-width ones that are
/// not), as separators between words, around punctuation and alone.
pub const SPACES: &[char] = &[
    '\t', '\n', '\u{b}', '\u{c}', '\r', ' ', '\u{85}', '\u{a0}', '\u{1680}', '\u{2000}',
    '\u{2001}', '\u{2002}', '\u{2003}', '\u{2004}', '\u{2005}', '\u{2006}', '\u{2007}', '\u{2008}',
    '\u{2009}', '\u{200a}', '\u{2028}', '\u{2029}', '\u{202f}', '\u{205f}', '\u{3000}',
    // Not white space for Rust, but often used as such.
    '\u{180e}', '\u{200b}', '\u{200c}', '\u{200d}', '\u{2060}', '\u{feff}',
];

/// Sentences whose words are separated by each space in turn, repeated to
/// `len` bytes (about).
pub fn unicode_spaces(len: usize) -> String {
    let mut s = String::with_capacity(len + 256);
    let mut i = 0;
    while s.len() < len {
        let a = SPACES[i % SPACES.len()];
        let b = SPACES[(i * 5 + 1) % SPACES.len()];
        for w in ["Officials", "in", "Oslo", "blamed", "Russia", "for", "it."] {
            s.push_str(w);
            s.push(a);
        }
        s.push(b);
        s.push(a);
        s.push_str("U.S.");
        s.push(b);
        s.push_str("officials");
        s.push(a);
        s.push_str("agreed.");
        s.push(b);
        i += 1;
    }
    s
}

/// Every space alone, and all of them in a row.
pub fn spaces_alone() -> Vec<String> {
    let mut v: Vec<String> = SPACES.iter().map(|c| c.to_string()).collect();
    v.push(SPACES.iter().collect());
    v
}

/// The named pathological inputs at a given scale (1 = the sizes of issue
/// 6: 5 MB, 200,000 × "U.S. ", 100,000 names, 1 MB of one char).
pub fn all(scale_down: usize) -> Vec<(String, String)> {
    let mb = 1 << 20;
    let d = scale_down.max(1);
    let mut v = vec![
        ("no_punctuation_5mb".to_owned(), no_punctuation(5 * mb / d)),
        ("us_x200000".to_owned(), us_repeated(200_000 / d)),
        (
            "gazetteer_names_x100000".to_owned(),
            gazetteer_names(100_000 / d),
        ),
        ("nested_quotes_brackets".to_owned(), nested(100_000 / d)),
        ("control_chars".to_owned(), control_chars(mb / d)),
        ("unicode_spaces".to_owned(), unicode_spaces(mb / d)),
    ];
    for &c in REPEATED {
        v.push((
            format!("repeated_U+{:04X}_1mb", c as u32),
            repeated_char(c, mb / d),
        ));
    }
    v
}
