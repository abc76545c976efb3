//! News layout: what a whole line is (byline, credit line, dateline) and
//! list markers at the start of a sentence or line.
//!
//! Every function here looks at a bounded slice (a line is cut at a few
//! hundred bytes), so the splitter stays linear.

/// Bullet characters that open a list item.
const BULLETS: &[char] = &[
    '•', '◦', '▪', '‣', '⁃', '●', '○', '■', '□', '►', '▶', '–', '—',
];

/// A list marker at the start of a sentence: "1.", "2)", "3.)", "a.", "b)",
/// "(c)", "•", "• 9.", "⁃10.", "-".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Marker {
    /// Where the marker starts.
    pub start: usize,
    /// One past its last byte (before the white space that follows).
    pub end: usize,
    bullet: Option<char>,
    value: Option<(Value, Style)>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Value {
    Num(u32),
    Letter(u8),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Style {
    Dot,
    Paren,
    DotParen,
    Enclosed,
}

impl Marker {
    /// True when `other` is the item that follows `self` in the same list.
    pub(crate) fn is_followed_by(&self, other: &Marker) -> bool {
        if self.bullet != other.bullet {
            return false;
        }
        match (self.value, other.value) {
            (None, None) => self.bullet.is_some(),
            (Some((Value::Num(a), s)), Some((Value::Num(b), t))) => s == t && b == a + 1,
            (Some((Value::Letter(a), s)), Some((Value::Letter(b), t))) => {
                s == t && b == a.wrapping_add(1)
            }
            _ => false,
        }
    }
}

/// The list marker starting exactly at `at`, if any. A marker must be
/// followed by white space.
pub(crate) fn parse_marker(text: &str, at: usize) -> Option<Marker> {
    let rest = text.get(at..)?;
    // Most sentences open with a word: no marker starts with an ASCII
    // letter followed by a letter or digit, nor with an ASCII character
    // other than a digit, a letter, `(`, `-` or `*`.
    match rest.as_bytes() {
        [b0, b1, ..] if b0.is_ascii_alphabetic() && b1.is_ascii_alphanumeric() => return None,
        [b0, ..]
            if b0.is_ascii()
                && !(b0.is_ascii_alphanumeric() || matches!(b0, b'(' | b'-' | b'*')) =>
        {
            return None
        }
        _ => {}
    }
    let mut cap = rest.len().min(16);
    while !rest.is_char_boundary(cap) {
        cap -= 1;
    }
    let rest = &rest[..cap];
    let b = rest.as_bytes();
    let mut i = 0;
    let mut bullet = None;
    let mut spaces = 0;
    let first = rest.chars().next()?;
    if BULLETS.contains(&first) || first == '-' || first == '*' {
        bullet = Some(first);
        i += first.len_utf8();
        while i < b.len() && b[i] == b' ' && spaces < 3 {
            i += 1;
            spaces += 1;
        }
        if spaces == 0 && (first == '-' || first == '*') {
            return None;
        }
    }
    let value_start = i;
    let mut value = None;
    let enclosed = i < b.len() && b[i] == b'(';
    if enclosed {
        i += 1;
    }
    let digits_start = i;
    while i < b.len() && b[i].is_ascii_digit() && i - digits_start < 3 {
        i += 1;
    }
    let v = if i > digits_start {
        if i < b.len() && b[i].is_ascii_digit() {
            return None;
        }
        std::str::from_utf8(&b[digits_start..i])
            .ok()
            .and_then(|s| s.parse().ok())
            .map(Value::Num)
    } else if i < b.len()
        && b[i].is_ascii_alphabetic()
        && !(i + 1 < b.len() && b[i + 1].is_ascii_alphanumeric())
    {
        i += 1;
        Some(Value::Letter(b[i - 1]))
    } else {
        None
    };
    if let Some(v) = v {
        let style = if enclosed {
            (i < b.len() && b[i] == b')').then_some(Style::Enclosed)
        } else if b[i..].starts_with(b".)") {
            Some(Style::DotParen)
        } else if b[i..].starts_with(b")") {
            Some(Style::Paren)
        } else if b[i..].starts_with(b".") {
            Some(Style::Dot)
        } else {
            None
        };
        if let Some(style) = style {
            let len = match style {
                Style::DotParen => 2,
                _ => 1,
            };
            // "A." is an initial, not a list item; "A)" is an item.
            let initial =
                matches!(v, Value::Letter(c) if c.is_ascii_uppercase()) && style == Style::Dot;
            if !initial {
                value = Some((v, style));
                i += len;
            }
        }
    }
    if value.is_none() {
        // A bare bullet must be followed by a space.
        if bullet.is_none() || spaces == 0 {
            return None;
        }
        i = value_start;
        if rest.get(i..)?.is_empty() {
            return None;
        }
    } else if !rest
        .get(i..)?
        .chars()
        .next()
        .is_some_and(char::is_whitespace)
    {
        return None;
    }
    Some(Marker {
        start: at,
        end: at + i,
        bullet,
        value,
    })
}

/// "By Jane Doe", "by Jane Doe and John Roe, Northsea Press".
pub(crate) fn is_byline(line: &str) -> bool {
    let line = line.trim();
    if line.len() > 90 {
        return false;
    }
    let Some(rest) = line
        .strip_prefix("By ")
        .or_else(|| line.strip_prefix("by "))
        .or_else(|| line.strip_prefix("BY "))
    else {
        return false;
    };
    let mut names = 0;
    for w in rest.split_whitespace() {
        let w = w.trim_end_matches(',');
        if w.is_empty() {
            continue;
        }
        if w.chars().next().is_some_and(char::is_uppercase) {
            names += 1;
        } else if !matches!(
            w,
            "and"
                | "&"
                | "de"
                | "van"
                | "von"
                | "der"
                | "den"
                | "da"
                | "del"
                | "di"
                | "du"
                | "le"
                | "la"
                | "al"
                | "bin"
                | "in"
                | "ter"
        ) {
            return false;
        }
    }
    (1..=10).contains(&names)
}

/// "Reporting by ...; editing by ...", "(Additional reporting by ...)".
pub(crate) fn is_credit(line: &str) -> bool {
    let line = line.trim().trim_start_matches('(');
    if line.len() > 400 {
        return false;
    }
    let head: String = line.chars().take(26).collect::<String>().to_lowercase();
    const CREDITS: &[&str] = &[
        "reporting by",
        "additional reporting by",
        "writing by",
        "written by",
        "reported by",
        "editing by",
        "edited by",
        "compiled by",
        "produced by",
        "photos by",
        "photo by",
        "graphics by",
        "research by",
        "translated by",
        "translation by",
    ];
    CREDITS.iter().any(|c| head.starts_with(c))
}

/// True when the line ends with a dash that stands alone ("WASHINGTON
/// (Reuters) -"): the line opens what follows.
pub(crate) fn ends_with_dash(line: &str) -> bool {
    let t = line.trim_end();
    let stripped = t.trim_end_matches(['-', '–', '—']);
    stripped.len() < t.len() && (stripped.is_empty() || stripped.ends_with(char::is_whitespace))
}

const MONTHS: &[&str] = &[
    "Jan",
    "January",
    "Feb",
    "February",
    "Mar",
    "March",
    "Apr",
    "April",
    "May",
    "Jun",
    "June",
    "Jul",
    "July",
    "Aug",
    "August",
    "Sep",
    "Sept",
    "September",
    "Oct",
    "October",
    "Nov",
    "November",
    "Dec",
    "December",
];

fn is_month(w: &str) -> bool {
    MONTHS.contains(&w.trim_end_matches(['.', ',']))
}

/// The longest dateline, in bytes.
pub(crate) const DATELINE_MAX: usize = 120;

/// A dateline line: "WASHINGTON (Reuters)", "THE HAGUE (Northsea Press)
/// March 4, 2026 -", "Washington DC (UPI) May 28, 2025", "OSLO, Sept 9
/// (AFP) —".
pub(crate) fn is_dateline(line: &str) -> bool {
    let line = line.trim();
    if line.len() > DATELINE_MAX {
        return false;
    }
    let Some(open) = line.find('(') else {
        return false;
    };
    let Some(close) = line[open..].find(')').map(|c| open + c) else {
        return false;
    };
    let place = &line[..open];
    let agency = &line[open + 1..close];
    let tail = &line[close + 1..];
    let place_words: Vec<&str> = place.split_whitespace().collect();
    if place_words.is_empty() || place_words.len() > 7 {
        return false;
    }
    let upper_or_digit = |w: &str| {
        w.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
    };
    if !place_words.iter().all(|w| upper_or_digit(w)) {
        return false;
    }
    let agency_words: Vec<&str> = agency.split_whitespace().collect();
    if agency_words.is_empty()
        || agency_words.len() > 5
        || !agency_words[0]
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
    {
        return false;
    }
    tail.split_whitespace().count() <= 5
        && tail.split_whitespace().all(|w| {
            is_month(w)
                || w.trim_end_matches(',').chars().all(|c| c.is_ascii_digit())
                || w.chars().all(|c| matches!(c, '-' | '–' | '—'))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers() {
        fn m(s: &str) -> Option<&str> {
            parse_marker(s, 0).map(|m| &s[m.start..m.end])
        }
        assert_eq!(m("1. The"), Some("1."));
        assert_eq!(m("1.) The"), Some("1.)"));
        assert_eq!(m("12) The"), Some("12)"));
        assert_eq!(m("a. The"), Some("a."));
        assert_eq!(m("(b) the"), Some("(b)"));
        assert_eq!(m("• 9. The"), Some("• 9."));
        assert_eq!(m("⁃10. The"), Some("⁃10."));
        assert_eq!(m("• The"), Some("• "));
        assert_eq!(m("- The"), Some("- "));
        assert_eq!(m("-5 degrees"), None);
        assert_eq!(m("J. P. van Aalst"), None);
        assert_eq!(m("1.5 million"), None);
        assert_eq!(m("2024 was"), None);
        assert_eq!(m("1."), None);
        let a = parse_marker("9. x", 0).unwrap();
        let b = parse_marker("10. y", 0).unwrap();
        assert!(a.is_followed_by(&b));
        assert!(!b.is_followed_by(&a));
    }

    #[test]
    fn lines() {
        assert!(is_byline("by Jane Doe"));
        assert!(is_byline(
            "By Jane Doe and Piet van der Berg, Northsea Press"
        ));
        assert!(!is_byline("By the end of the day"));
        assert!(is_credit("Reporting by Jane Doe; editing by John Roe"));
        assert!(is_credit("(Additional reporting by Jane Doe)"));
        assert!(!is_credit("Reporters said"));
        assert!(ends_with_dash("WASHINGTON (Reuters) -"));
        assert!(ends_with_dash("OSLO (AFP) —"));
        assert!(!ends_with_dash("cyber-"));
        assert!(is_dateline("WASHINGTON (Reuters)"));
        assert!(is_dateline("THE HAGUE (Northsea Press) March 4, 2026 -"));
        assert!(is_dateline("Washington DC (UPI) May 28, 2025"));
        assert!(is_dateline("OSLO, Sept 9 (AFP)"));
        assert!(!is_dateline("The ministry (which denied it) said"));
    }
}
