//! Surface forms and their flags, as written in gazetteer files.
//!
//! A form is written with optional one-character flags before it:
//!
//! | flag | meaning |
//! |---|---|
//! | (none) | letters that start a word and are upper case in the form must be upper case in the text; the others match in any case |
//! | `=` | exact case only |
//! | `~` | needs threat-actor context: a word such as "group", "hackers", "APT" or "actor" nearby, or the same entity named unambiguously in the same text |
//! | `^` | name-like: not when the word before is a capitalised name ("George Washington") or the word after is capitalised ("Washington Post") |
//! | `@` | a capital or seat of power: not in a dateline ("MOSCOW, May 2 (Reuters) -") |
//! | `+` | qualified: only right after a state mention ("Brazil's Federal Police", "Dutch police"); the entity takes that state's country when its own is empty |
//! | `!` | negative: the text is not this entity (nor anything shorter inside it), e.g. `!New Mexico` |
//! | `-` | never matched: stops the canonical name from being added as a form |
//!
//! Forms without flags that have no lower-case letter and at most three
//! letters ("US", "U.K.", "FBI") are exact-case automatically.

/// How letter case is compared.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Case {
    /// Word-initial capitals of the form must be capitals in the text.
    Initials,
    /// Byte for byte.
    Exact,
}

/// A parsed surface form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Form {
    pub(crate) text: String,
    pub(crate) case: Case,
    pub(crate) context: bool,
    pub(crate) name_like: bool,
    pub(crate) capital: bool,
    pub(crate) qualified: bool,
    pub(crate) negative: bool,
    pub(crate) suppressed: bool,
}

/// The flag characters, for error messages.
pub(crate) const FLAGS: &str = "= ~ ^ @ + ! -";

impl Form {
    /// Parses one form with its flags. On error returns the message and the
    /// char offset of the problem within `raw`.
    pub(crate) fn parse(raw: &str) -> Result<Form, (String, usize)> {
        let mut f = Form {
            text: String::new(),
            case: Case::Initials,
            context: false,
            name_like: false,
            capital: false,
            qualified: false,
            negative: false,
            suppressed: false,
        };
        let mut explicit_case = false;
        let mut rest = raw;
        let mut offset = 0;
        while let Some(c) = rest.chars().next() {
            match c {
                '=' => {
                    f.case = Case::Exact;
                    explicit_case = true;
                }
                '~' => f.context = true,
                '^' => f.name_like = true,
                '@' => f.capital = true,
                '+' => f.qualified = true,
                '!' => f.negative = true,
                '-' => f.suppressed = true,
                _ => break,
            }
            rest = &rest[c.len_utf8()..];
            offset += 1;
        }
        let text = rest.trim();
        if text.is_empty() {
            return Err((
                format!("expected a surface form after the flags in {raw:?}"),
                offset,
            ));
        }
        match text.chars().next() {
            Some(c) if c.is_alphanumeric() || f.suppressed => {}
            _ => {
                return Err((
                    format!(
                        "a surface form must start with a letter or digit, found {text:?} \
                         (flags: {FLAGS})"
                    ),
                    offset,
                ))
            }
        }
        if text.chars().any(|c| c == '\t' || c == '\n' || c == '|') {
            return Err((
                format!("a surface form cannot hold a tab, newline or '|': {text:?}"),
                offset,
            ));
        }
        // Collapse inner whitespace to single spaces.
        let mut norm = String::with_capacity(text.len());
        for (i, w) in text.split_whitespace().enumerate() {
            if i > 0 {
                norm.push(' ');
            }
            norm.push_str(w);
        }
        f.text = norm;
        if !explicit_case && is_short_acronym(&f.text) {
            f.case = Case::Exact;
        }
        Ok(f)
    }
}

/// "US", "U.K.", "FBI": no lower-case letter and at most three letters.
fn is_short_acronym(s: &str) -> bool {
    let letters = s.chars().filter(|c| c.is_alphabetic()).count();
    letters > 0 && letters <= 3 && !s.chars().any(char::is_lowercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags() {
        let f = Form::parse("@^Washington").unwrap();
        assert!(f.capital && f.name_like && !f.context);
        assert_eq!(f.text, "Washington");
        assert_eq!(Form::parse("US").unwrap().case, Case::Exact);
        assert_eq!(Form::parse("U.S.").unwrap().case, Case::Exact);
        assert_eq!(Form::parse("NATO").unwrap().case, Case::Initials);
        assert_eq!(Form::parse("Fancy  Bear").unwrap().text, "Fancy Bear");
        assert!(Form::parse("~").is_err());
        assert_eq!(Form::parse("=*x").unwrap_err().1, 1);
    }
}
