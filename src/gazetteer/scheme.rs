//! Threat-actor names that are not in the gazetteer but follow a vendor
//! naming scheme ("Opal Typhoon", "Storm-1234", "UNC5221", "WICKED PANDA"):
//! tagged as inferred threat actors, with the country the scheme implies.
//!
//! Rules from `naming_schemes.md` (shared data), in order: codes (Storm-####,
//! DEV-####, UNC####, TA###, UAC-####, TAG-##, FIN##, APT##, CovertNetwork-####);
//! Microsoft weather families; CrowdStrike animals (the rarer ones only in
//! upper case); Palo Alto Unit 42 constellations; Check Point Manticore;
//! Secureworks colour-metal prefixes (upper case); Recorded Future
//! colour + NATO phonetic single words ("BlueDelta").

use super::{EntityInfo, EntityKind};

/// An inferred mention: where it ends and what it is.
pub(crate) struct Inferred {
    pub(crate) end: usize,
    pub(crate) info: EntityInfo,
}

/// Second words of two-word names: (family, country, upper case only,
/// needs threat-actor context unless written in upper case).
const FAMILIES: &[(&str, Option<&str>, bool, bool)] = &[
    // Microsoft
    ("typhoon", Some("CN"), false, false),
    ("blizzard", Some("RU"), false, false),
    ("sandstorm", Some("IR"), false, false),
    ("sleet", Some("KP"), false, false),
    ("hail", Some("KR"), false, true),
    ("cyclone", Some("VN"), false, true),
    ("tempest", None, false, true),
    ("tsunami", None, false, true),
    // CrowdStrike
    ("panda", Some("CN"), false, false),
    ("bear", Some("RU"), false, true),
    ("kitten", Some("IR"), false, false),
    ("chollima", Some("KP"), false, false),
    ("spider", None, false, true),
    ("jackal", None, false, true),
    ("buffalo", Some("VN"), true, true),
    ("crane", Some("KR"), true, true),
    ("leopard", Some("PK"), true, true),
    ("tiger", Some("IN"), true, true),
    ("wolf", Some("TR"), true, true),
    ("ocelot", Some("CO"), true, true),
    // Palo Alto Networks Unit 42
    ("taurus", Some("CN"), false, true),
    ("ursa", Some("RU"), false, true),
    ("serpens", Some("IR"), false, true),
    ("pisces", Some("KP"), false, true),
    ("libra", None, false, true),
    // Check Point
    ("manticore", Some("IR"), false, false),
];

/// For each letter `a..=z`, the bit set of the `FAMILIES` entries that
/// start with it: a second word is compared with two or three families,
/// not all of them.
static FAMILIES_BY_LETTER: [u32; 26] = {
    let mut by = [0u32; 26];
    let mut i = 0;
    while i < FAMILIES.len() {
        let b = FAMILIES[i].0.as_bytes()[0];
        assert!(b.is_ascii_lowercase() && i < 32);
        by[(b - b'a') as usize] |= 1 << i;
        i += 1;
    }
    by
};

/// The first family (in `FAMILIES` order) named `second` (any ASCII case)
/// that `ok` accepts.
fn family(
    second: &str,
    ok: impl Fn(&(&str, Option<&str>, bool, bool)) -> bool,
) -> Option<&'static (&'static str, Option<&'static str>, bool, bool)> {
    let first = second.as_bytes().first()?.to_ascii_lowercase();
    let mut bits = match first {
        b'a'..=b'z' => FAMILIES_BY_LETTER[usize::from(first - b'a')],
        _ => 0,
    };
    while bits != 0 {
        let f = FAMILIES.get(bits.trailing_zeros() as usize)?;
        if f.0.eq_ignore_ascii_case(second) && ok(f) {
            return Some(f);
        }
        bits &= bits - 1;
    }
    None
}

/// Secureworks first words (upper case only).
const METALS: &[(&str, Option<&str>)] = &[
    ("BRONZE", Some("CN")),
    ("IRON", Some("RU")),
    ("COBALT", Some("IR")),
    ("NICKEL", Some("KP")),
    ("GOLD", None),
];

/// Recorded Future colours.
const COLOURS: &[(&str, Option<&str>)] = &[
    ("Red", Some("CN")),
    ("Blue", Some("RU")),
    ("Green", Some("IR")),
    ("Purple", Some("KP")),
    ("Gray", None),
    ("Grey", None),
];

const PHONETIC: &[&str] = &[
    "Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot", "Golf", "Hotel", "India", "Juliett",
    "Juliet", "Kilo", "Lima", "Mike", "November", "Oscar", "Papa", "Quebec", "Romeo", "Sierra",
    "Tango", "Uniform", "Victor", "Whiskey", "Xray", "Yankee", "Zulu",
];

/// Mandiant APT numbers → suspected sponsor (naming_schemes.md).
fn apt_country(n: u32) -> Option<&'static str> {
    Some(match n {
        1..=6 | 9 | 10 | 12 | 14..=27 | 30 | 31 | 40 | 41 => "CN",
        28 | 29 | 44 => "RU",
        32 => "VN",
        33..=35 | 39 | 42 => "IR",
        36 => "PK",
        37 | 38 | 43 | 45 => "KP",
        _ => return None,
    })
}

/// First words that make "X Bear" an animal, a storm or a brand rather than
/// a threat actor.
const STOP_FIRST: &[&str] = &[
    "the",
    "a",
    "an",
    "this",
    "that",
    "these",
    "those",
    "every",
    "our",
    "their",
    "his",
    "her",
    "its",
    "my",
    "your",
    "super",
    "tropical",
    "giant",
    "red",
    "polar",
    "teddy",
    "grizzly",
    "brown",
    "black",
    "big",
    "great",
    "little",
    "baby",
    "mama",
    "papa",
    "fu",
    "activision",
    "care",
    "gummy",
    "winnie",
    "paddington",
    "yogi",
    "golden",
    "white",
    "snow",
    "ice",
    "heavy",
    "freezing",
    "acid",
    "purple",
    "mother",
    "father",
    "killer",
    "sun",
    "moon",
    "spectacled",
    "honey",
    "koala",
    "cave",
    "bad",
    "good",
    "old",
    "new",
    "young",
    "wild",
    "hello",
    "lucky",
    "pink",
    "dancing",
    "angry",
    "lazy",
    "sleepy",
    "first",
    "last",
    "next",
    "chicago",
    "desert",
    "summer",
    "winter",
    "spring",
    "autumn",
    "morning",
    "evening",
    "night",
    "april",
    "may",
    "june",
    "march",
    "one",
    "two",
    "three",
    "no",
    "bengal",
    "siberian",
    "tamil",
    "celtic",
    "tiger",
    "paper",
    "crouching",
    "hidden",
    "asian",
    "economic",
    "tasmanian",
    "lone",
    "gray",
    "grey",
    "timber",
    "arctic",
    "snow",
    "sea",
    "water",
    "flying",
    "hungry",
    "fat",
    "wall",
    "bull",
    "ford",
    "mercury",
    "perfect",
    "sand",
    "dust",
    "typhoon",
    "storm",
    "snowy",
    "mighty",
    "de",
    "la",
    "le",
    "el",
    "saint",
    "st",
    "mr",
    "ms",
    "mrs",
    "dr",
    "van",
    "von",
    "lord",
    "sir",
    "john",
    "united",
    "royal",
    "national",
    "international",
    "china",
    "russia",
    "iran",
    "korea",
    "chinese",
    "russian",
    "iranian",
    "korean",
    "north",
    "south",
    "east",
    "west",
    "world",
    "global",
    "american",
    "european",
    "is",
    "was",
    "as",
    "of",
    "in",
    "on",
    "at",
    "for",
    "and",
    "or",
    "but",
    "with",
    "by",
    "from",
    "if",
    "when",
];

fn slug(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

fn title(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for (i, c) in word.chars().enumerate() {
        if i == 0 {
            out.push(c.to_ascii_uppercase());
        } else {
            out.push(c.to_ascii_lowercase());
        }
    }
    out
}

fn actor(name: String, country: Option<&str>, end: usize) -> Inferred {
    Inferred {
        end,
        info: EntityInfo {
            id: slug(&name).into(),
            name: name.into(),
            kind: EntityKind::ThreatActor,
            country: country.map(Into::into),
        },
    }
}

fn digits_end(t: &[u8], mut i: usize) -> usize {
    while i < t.len() && t[i].is_ascii_digit() {
        i += 1;
    }
    i
}

/// Whether the name ending at `end` stands alone: no word character, no
/// "-digit" right after it.
fn ends_clean(text: &str, end: usize) -> bool {
    let t = text.as_bytes();
    let code_goes_on = t.get(end) == Some(&b'-') && t.get(end + 1).is_some_and(u8::is_ascii_digit);
    !(super::matcher::is_word_at(text, end) || code_goes_on)
}

/// Tries the naming schemes on the word `text[ws..we]`.
pub(crate) fn infer(text: &str, ws: usize, we: usize) -> Option<Inferred> {
    let t = text.as_bytes();
    let word = text.get(ws..we)?;
    let first = *t.get(ws)?;
    if !first.is_ascii_uppercase() {
        return None;
    }
    // Codes with a hyphen: Storm-1234, DEV-0537, UAC-0050, TAG-22,
    // CovertNetwork-1658.
    if t.get(we) == Some(&b'-') && matches!(first, b'S' | b'D' | b'U' | b'T' | b'C') {
        let prefix = match word {
            "Storm" | "STORM" => Some(("Storm", 4, 4)),
            "DEV" => Some(("DEV", 4, 4)),
            "UAC" => Some(("UAC", 4, 4)),
            "TAG" => Some(("TAG", 2, 3)),
            "CovertNetwork" => Some(("CovertNetwork", 4, 4)),
            _ => None,
        };
        if let Some((p, lo, hi)) = prefix {
            let de = digits_end(t, we + 1);
            let nd = de - (we + 1);
            if nd >= lo && nd <= hi && ends_clean(text, de) {
                let name = format!("{p}-{}", &text[we + 1..de]);
                return Some(actor(name, None, de));
            }
        }
    }
    // Codes in one word: UNC5221, TA453, FIN7, APT46.
    let has_digit = t.get(we - 1).is_some_and(u8::is_ascii_digit);
    for (p, lo, hi) in [("UNC", 3, 5), ("TA", 3, 4), ("FIN", 1, 2), ("APT", 1, 3)] {
        if !has_digit {
            break;
        }
        if let Some(num) = word.strip_prefix(p) {
            if num.len() >= lo && num.len() <= hi && num.bytes().all(|b| b.is_ascii_digit()) {
                if !ends_clean(text, we) {
                    return None;
                }
                let country = if p == "APT" {
                    num.parse().ok().and_then(apt_country)
                } else {
                    None
                };
                return Some(actor(word.to_owned(), country, we));
            }
        }
    }
    // Recorded Future: BlueDelta, RedNovember.
    for (c, country) in COLOURS
        .iter()
        .filter(|_| matches!(first, b'R' | b'B' | b'G' | b'P'))
    {
        if let Some(rest) = word.strip_prefix(c) {
            if PHONETIC.contains(&rest) {
                return Some(actor(word.to_owned(), *country, we));
            }
        }
    }
    // Two capitalised words.
    if t.get(we) != Some(&b' ') || !t.get(we + 1).is_some_and(u8::is_ascii_uppercase) {
        return None;
    }
    if word.len() < 3 || !word.bytes().all(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    // Only a family or a metal name can follow: most capitalised pairs
    // ("White House") are out by the second word's initial or the first
    // word's case before the second word is scanned.
    let initial = t.get(we + 1).map_or(0, u8::to_ascii_lowercase);
    let may_family =
        initial.is_ascii_lowercase() && FAMILIES_BY_LETTER[usize::from(initial - b'a')] != 0;
    if !may_family && !METALS.iter().any(|m| m.0 == word) {
        return None;
    }
    let s2 = we + 1;
    let e2 = super::matcher::word_end(text, s2);
    let second = text.get(s2..e2)?;
    if second.len() < 3 || !second.bytes().all(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    let upper1 = word.bytes().all(|b| b.is_ascii_uppercase());
    let upper2 = second.bytes().all(|b| b.is_ascii_uppercase());
    let title2 = second.bytes().skip(1).all(|b| b.is_ascii_lowercase());
    let family = if upper2 || title2 {
        family(second, |f| !f.2 || (upper1 && upper2))
    } else {
        None
    };
    let metal = if upper1 && upper2 {
        METALS.iter().find(|m| m.0 == word)
    } else {
        None
    };
    if family.is_none() && metal.is_none() {
        return None;
    }
    // Inside a run of capitalised words ("Giant Panda Born In Zoo") it is a
    // title, not a name.
    if !ends_clean(text, e2)
        || (t.get(e2) == Some(&b' ') && t.get(e2 + 1).is_some_and(u8::is_ascii_uppercase))
        || STOP_FIRST.iter().any(|w| w.eq_ignore_ascii_case(word))
    {
        return None;
    }
    if let Some(&(_, country, _, context)) = family {
        if !context || (upper1 && upper2) || super::matcher::has_actor_context(text, ws, e2) {
            let name = format!("{} {}", title(word), title(second));
            return Some(actor(name, country, e2));
        }
    }
    if let Some(&(_, country)) = metal {
        let name = format!("{word} {second}");
        return Some(actor(name, country, e2));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str) -> Option<(String, Option<String>)> {
        let we = super::super::matcher::word_end(text, 0);
        infer(text, 0, we).map(|i| {
            (
                text[..i.end].to_owned(),
                i.info.country.as_deref().map(str::to_owned),
            )
        })
    }

    #[test]
    fn schemes() {
        assert_eq!(
            run("Opal Typhoon hit"),
            Some(("Opal Typhoon".into(), Some("CN".into())))
        );
        assert_eq!(run("Storm-1234 was"), Some(("Storm-1234".into(), None)));
        assert_eq!(run("UNC5221 is"), Some(("UNC5221".into(), None)));
        assert_eq!(
            run("WICKED PANDA"),
            Some(("WICKED PANDA".into(), Some("CN".into())))
        );
        assert_eq!(
            run("Cerulean Sleet"),
            Some(("Cerulean Sleet".into(), Some("KP".into())))
        );
        assert_eq!(
            run("BRONZE STARLIGHT"),
            Some(("BRONZE STARLIGHT".into(), Some("CN".into())))
        );
        assert_eq!(
            run("BlueDelta"),
            Some(("BlueDelta".into(), Some("RU".into())))
        );
        assert_eq!(run("Giant Panda"), None);
        assert_eq!(run("Super Typhoon"), None);
        assert_eq!(run("Bengal Tiger"), None);
        assert_eq!(run("Storm-12345"), None);
        assert_eq!(run("Snowy Panda Born In Zoo"), None);
    }
}
