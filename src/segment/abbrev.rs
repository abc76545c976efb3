//! English abbreviations and the small closed word lists the splitter's
//! rules consult.
//!
//! An abbreviation's [`Kind`] says what a full stop after it means:
//!
//! * [`Kind::Title`] ("Mr.", "Gen.", "Mt."): prepositive, never ends a
//!   sentence before a capitalised word or a number.
//! * [`Kind::Number`] ("No.", "p.", "Vol."): never ends a sentence before a
//!   number; otherwise ambiguous.
//! * [`Kind::Month`] ("Jan.", "Sept."): never before a number (a day);
//!   otherwise ambiguous.
//! * [`Kind::Time`] ("a.m.", "p.m."): ambiguous, and never ends an
//!   introductory time phrase ("At 5 a.m. Mr. Smith left").
//! * [`Kind::Ambiguous`] ("Inc.", "Corp.", "U.S.", "Calif.", "etc."): ends
//!   a sentence only when the next word is a typical sentence opener (a
//!   pronoun, article, conjunction, preposition, auxiliary verb or title).
//! * [`Kind::Never`] ("e.g.", "i.e.", "vs."): never ends a sentence.

use std::collections::HashMap;

use once_cell::sync::Lazy;

/// What a full stop after an abbreviation means; see the module docs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    Title,
    Number,
    Month,
    Time,
    Ambiguous,
    Never,
}

/// `(lower-case form without the final full stop, kind, cased)`. A `cased`
/// entry only matches when the token starts with a capital letter ("Ill."
/// the state, not "ill." the adjective).
const ABBREVIATIONS: &[(&str, Kind, bool)] = &[
    // Titles and ranks.
    ("mr", Kind::Title, true),
    ("mrs", Kind::Title, true),
    ("ms", Kind::Title, true),
    ("mx", Kind::Title, true),
    ("messrs", Kind::Title, true),
    ("mme", Kind::Title, true),
    ("mlle", Kind::Title, true),
    ("dr", Kind::Title, true),
    ("prof", Kind::Title, true),
    ("gen", Kind::Title, true),
    ("gens", Kind::Title, true),
    ("lt", Kind::Title, true),
    ("col", Kind::Title, true),
    ("capt", Kind::Title, true),
    ("cpt", Kind::Title, true),
    ("cmdr", Kind::Title, true),
    ("cdr", Kind::Title, true),
    ("adm", Kind::Title, true),
    ("maj", Kind::Title, true),
    ("brig", Kind::Title, true),
    ("sgt", Kind::Title, true),
    ("cpl", Kind::Title, true),
    ("pvt", Kind::Title, true),
    ("pfc", Kind::Title, true),
    ("spc", Kind::Title, true),
    ("ens", Kind::Title, true),
    ("lieut", Kind::Title, true),
    ("sen", Kind::Title, true),
    ("sens", Kind::Title, true),
    ("rep", Kind::Title, true),
    ("reps", Kind::Title, true),
    ("gov", Kind::Title, true),
    ("govs", Kind::Title, true),
    ("pres", Kind::Title, true),
    ("supt", Kind::Title, true),
    ("det", Kind::Title, true),
    ("insp", Kind::Title, true),
    ("hon", Kind::Title, true),
    ("amb", Kind::Title, true),
    ("atty", Kind::Title, true),
    ("asst", Kind::Title, true),
    ("dep", Kind::Title, true),
    ("rev", Kind::Title, true),
    ("msgr", Kind::Title, true),
    ("fr", Kind::Title, true),
    ("wm", Kind::Title, true),
    ("chas", Kind::Title, true),
    ("jas", Kind::Title, true),
    ("geo", Kind::Title, true),
    ("thos", Kind::Title, true),
    ("sr", Kind::Ambiguous, true),
    ("jr", Kind::Ambiguous, true),
    // Saint or Street, Mount, Fort or feet, Point: before a name ("St.
    // Louis") they hold; at the end of an address ("on Main St. The") not.
    ("st", Kind::Ambiguous, true),
    ("mt", Kind::Ambiguous, true),
    ("ft", Kind::Ambiguous, true),
    ("pt", Kind::Ambiguous, true),
    // Followed by a number.
    ("no", Kind::Number, false),
    ("nos", Kind::Number, false),
    ("nr", Kind::Number, false),
    ("n°", Kind::Number, false),
    ("p", Kind::Number, false),
    ("pp", Kind::Number, false),
    ("vol", Kind::Number, false),
    ("vols", Kind::Number, false),
    ("fig", Kind::Number, false),
    ("figs", Kind::Number, false),
    ("art", Kind::Number, false),
    ("sec", Kind::Number, false),
    ("sect", Kind::Number, false),
    ("ch", Kind::Number, false),
    ("chap", Kind::Number, false),
    ("para", Kind::Number, false),
    ("paras", Kind::Number, false),
    ("op", Kind::Number, false),
    ("ed", Kind::Number, false),
    ("eds", Kind::Number, false),
    ("tel", Kind::Number, false),
    ("ext", Kind::Number, false),
    ("ref", Kind::Number, false),
    ("ca", Kind::Number, false),
    ("approx", Kind::Number, false),
    ("est", Kind::Number, false),
    ("apt", Kind::Number, false),
    ("rm", Kind::Number, false),
    ("bldg", Kind::Number, false),
    ("ste", Kind::Number, false),
    ("hwy", Kind::Number, false),
    ("rte", Kind::Number, false),
    ("ver", Kind::Number, false),
    // Months (May, June, July are words).
    ("jan", Kind::Month, true),
    ("feb", Kind::Month, true),
    ("mar", Kind::Month, true),
    ("apr", Kind::Month, true),
    ("jun", Kind::Month, true),
    ("jul", Kind::Month, true),
    ("aug", Kind::Month, true),
    ("sep", Kind::Month, true),
    ("sept", Kind::Month, true),
    ("oct", Kind::Month, true),
    ("nov", Kind::Month, true),
    ("dec", Kind::Month, true),
    // Times.
    ("a.m", Kind::Time, false),
    ("p.m", Kind::Time, false),
    // Company and other suffixes that often end a sentence.
    ("inc", Kind::Ambiguous, false),
    ("corp", Kind::Ambiguous, false),
    ("co", Kind::Ambiguous, false),
    ("cos", Kind::Ambiguous, false),
    ("ltd", Kind::Ambiguous, false),
    ("plc", Kind::Ambiguous, false),
    ("bros", Kind::Ambiguous, false),
    ("assn", Kind::Ambiguous, false),
    ("dept", Kind::Ambiguous, false),
    ("govt", Kind::Ambiguous, false),
    ("univ", Kind::Ambiguous, false),
    ("intl", Kind::Ambiguous, false),
    ("natl", Kind::Ambiguous, false),
    ("mfg", Kind::Ambiguous, false),
    ("ave", Kind::Ambiguous, true),
    ("blvd", Kind::Ambiguous, true),
    ("rd", Kind::Ambiguous, true),
    ("etc", Kind::Ambiguous, false),
    ("al", Kind::Ambiguous, false),
    ("esq", Kind::Ambiguous, true),
    ("yrs", Kind::Ambiguous, false),
    ("hrs", Kind::Ambiguous, false),
    ("mins", Kind::Ambiguous, false),
    // US states (AP style) and Canadian provinces.
    ("ala", Kind::Ambiguous, true),
    ("ariz", Kind::Ambiguous, true),
    ("ark", Kind::Ambiguous, true),
    ("calif", Kind::Ambiguous, true),
    ("colo", Kind::Ambiguous, true),
    ("conn", Kind::Ambiguous, true),
    ("del", Kind::Ambiguous, true),
    ("fla", Kind::Ambiguous, true),
    ("ga", Kind::Ambiguous, true),
    ("ill", Kind::Ambiguous, true),
    ("ind", Kind::Ambiguous, true),
    ("kan", Kind::Ambiguous, true),
    ("kans", Kind::Ambiguous, true),
    ("ky", Kind::Ambiguous, true),
    ("la", Kind::Ambiguous, true),
    ("md", Kind::Ambiguous, true),
    ("mass", Kind::Ambiguous, true),
    ("mich", Kind::Ambiguous, true),
    ("minn", Kind::Ambiguous, true),
    ("miss", Kind::Ambiguous, true),
    ("mo", Kind::Ambiguous, true),
    ("mont", Kind::Ambiguous, true),
    ("neb", Kind::Ambiguous, true),
    ("nebr", Kind::Ambiguous, true),
    ("nev", Kind::Ambiguous, true),
    ("okla", Kind::Ambiguous, true),
    ("ore", Kind::Ambiguous, true),
    ("oreg", Kind::Ambiguous, true),
    ("pa", Kind::Ambiguous, true),
    ("penn", Kind::Ambiguous, true),
    ("tenn", Kind::Ambiguous, true),
    ("tex", Kind::Ambiguous, true),
    ("vt", Kind::Ambiguous, true),
    ("va", Kind::Ambiguous, true),
    ("wash", Kind::Ambiguous, true),
    ("wis", Kind::Ambiguous, true),
    ("wisc", Kind::Ambiguous, true),
    ("wyo", Kind::Ambiguous, true),
    ("alta", Kind::Ambiguous, true),
    ("ont", Kind::Ambiguous, true),
    ("que", Kind::Ambiguous, true),
    ("sask", Kind::Ambiguous, true),
    // Never at the end of a sentence.
    ("e.g", Kind::Never, false),
    ("i.e", Kind::Never, false),
    ("cf", Kind::Never, false),
    ("vs", Kind::Never, false),
    ("viz", Kind::Never, false),
];

/// FNV-1a: the keys are a few bytes long and fixed, where the default
/// SipHash costs more than the lookup itself (it runs at every full stop).
#[derive(Clone, Copy)]
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl std::hash::Hasher for Fnv {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

type FnvMap<K, V> = HashMap<K, V, std::hash::BuildHasherDefault<Fnv>>;

static TABLE: Lazy<FnvMap<&'static str, (Kind, bool)>> = Lazy::new(|| {
    ABBREVIATIONS
        .iter()
        .map(|&(w, k, cased)| (w, (k, cased)))
        .collect()
});

/// The longest abbreviation, in bytes, worth looking up.
pub(crate) const MAX_LEN: usize = 16;

/// Lower-cases the ASCII letters of `token` into `buf`; `None` when the
/// token is too long to be an abbreviation.
pub(crate) fn lower(token: &str, buf: &mut [u8; MAX_LEN]) -> Option<usize> {
    let b = token.as_bytes();
    if b.is_empty() || b.len() > MAX_LEN {
        return None;
    }
    for (dst, &src) in buf.iter_mut().zip(b) {
        *dst = src.to_ascii_lowercase();
    }
    Some(b.len())
}

/// The built-in kind of `token` (the word before a full stop, without it).
pub(crate) fn builtin(token: &str) -> Option<Kind> {
    let mut buf = [0u8; MAX_LEN];
    let n = lower(token, &mut buf)?;
    let key = std::str::from_utf8(&buf[..n]).ok()?;
    let &(kind, cased) = TABLE.get(key)?;
    if cased && !token.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    Some(kind)
}

/// Words that typically open a sentence: after an ambiguous abbreviation
/// ("in the U.S. The report ...") they mean the abbreviation ended one.
const OPENERS: &[&str] = &[
    "A",
    "About",
    "According",
    "Across",
    "After",
    "Against",
    "Al",
    "All",
    "Also",
    "Although",
    "Amid",
    "Among",
    "An",
    "And",
    "Another",
    "Any",
    "Are",
    "As",
    "At",
    "Because",
    "Before",
    "Both",
    "But",
    "By",
    "Can",
    "Could",
    "Despite",
    "Did",
    "Do",
    "Does",
    "Dr",
    "During",
    "Each",
    "Earlier",
    "Either",
    "Even",
    "Every",
    "For",
    "From",
    "Had",
    "Has",
    "Have",
    "He",
    "Her",
    "Here",
    "His",
    "How",
    "However",
    "I",
    "If",
    "In",
    "Indeed",
    "Instead",
    "Is",
    "It",
    "It's",
    "Its",
    "Last",
    "Later",
    "Many",
    "Meanwhile",
    "Most",
    "Mr",
    "Mrs",
    "Ms",
    "Much",
    "My",
    "Neither",
    "Nevertheless",
    "No",
    "None",
    "Nor",
    "Not",
    "Now",
    "Of",
    "On",
    "One",
    "Only",
    "Or",
    "Other",
    "Others",
    "Our",
    "Over",
    "Several",
    "She",
    "Should",
    "Since",
    "So",
    "Some",
    "Still",
    "Such",
    "That",
    "The",
    "Their",
    "Then",
    "There",
    "These",
    "They",
    "This",
    "Those",
    "Though",
    "Thus",
    "To",
    "Under",
    "Until",
    "Was",
    "We",
    "Were",
    "What",
    "When",
    "Where",
    "Whether",
    "Which",
    "While",
    "Who",
    "Why",
    "With",
    "Without",
    "Would",
    "Yet",
    "You",
    "Your",
];

static OPENER_SET: Lazy<
    std::collections::HashSet<&'static str, std::hash::BuildHasherDefault<Fnv>>,
> = Lazy::new(|| OPENERS.iter().copied().collect());

/// True when `word` (no punctuation) typically opens a sentence.
pub(crate) fn is_opener(word: &str) -> bool {
    OPENER_SET.contains(word)
}

/// Prepositions that open an introductory time phrase ("At 5 a.m.").
pub(crate) fn is_time_preposition(word: &str) -> bool {
    matches!(
        word.to_ascii_lowercase().as_str(),
        "at" | "by"
            | "before"
            | "after"
            | "until"
            | "till"
            | "from"
            | "since"
            | "around"
            | "about"
            | "shortly"
            | "just"
            | "on"
            | "early"
            | "late"
    )
}

/// Verbs that attribute a quotation: "“Why?” Jane Doe asked."
pub(crate) fn is_speech_verb(word: &str) -> bool {
    matches!(
        word,
        "said"
            | "says"
            | "asked"
            | "asks"
            | "added"
            | "adds"
            | "told"
            | "wrote"
            | "writes"
            | "replied"
            | "explained"
            | "insisted"
            | "shouted"
            | "warned"
            | "tweeted"
            | "posted"
            | "declared"
            | "exclaimed"
            | "wondered"
    )
}

/// Lower-case words that cannot end a headline or a sentence: a line that
/// ends with one continues on the next line.
pub(crate) fn is_connector(word: &str) -> bool {
    matches!(
        word,
        "a" | "an"
            | "the"
            | "of"
            | "to"
            | "in"
            | "for"
            | "on"
            | "at"
            | "by"
            | "with"
            | "from"
            | "and"
            | "or"
            | "but"
            | "nor"
            | "that"
            | "as"
            | "into"
            | "than"
            | "its"
            | "their"
            | "his"
            | "her"
            | "our"
            | "which"
            | "who"
            | "whose"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookups() {
        assert_eq!(builtin("Mr"), Some(Kind::Title));
        assert_eq!(builtin("mr"), None);
        assert_eq!(builtin("co"), Some(Kind::Ambiguous));
        assert_eq!(builtin("Co"), Some(Kind::Ambiguous));
        assert_eq!(builtin("Ill"), Some(Kind::Ambiguous));
        assert_eq!(builtin("ill"), None);
        assert_eq!(builtin("N°"), Some(Kind::Number));
        assert_eq!(builtin("P.M"), Some(Kind::Time));
        assert_eq!(builtin("averyveryverylongword"), None);
        assert!(is_opener("The"));
        assert!(!is_opener("Government"));
    }

    #[test]
    fn entries_are_lower_case_and_unique() {
        let mut seen = std::collections::HashSet::new();
        for &(w, _, _) in ABBREVIATIONS {
            assert_eq!(w, w.to_lowercase(), "{w}");
            assert!(seen.insert(w), "duplicate {w}");
            assert!(w.len() <= MAX_LEN);
        }
    }
}
