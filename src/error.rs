//! Errors for everything a user supplies: gazetteer and lexicon files,
//! builder settings.
//!
//! An [`Error`] names where the problem is (the source name given by the
//! caller, a 1-based line and column when known) and what was expected. The
//! kind of error is exposed through [`Error::kind`] as a
//! `#[non_exhaustive]` [`ErrorKind`], so new kinds can be added without a
//! breaking change.

use std::fmt;

/// What went wrong, broadly. Match with a wildcard arm: new kinds may be
/// added.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// Reading the input failed (an I/O error or bytes that are not UTF-8).
    Io,
    /// A file's content is malformed: a missing column, a bad value, a
    /// duplicate id.
    Syntax,
    /// A builder setting is out of range or inconsistent.
    Config,
    /// The input is larger than the library accepts.
    TooLarge,
}

/// An error with its location: the source (usually a file name), line and
/// column, all optional, plus a message saying what was expected.
///
/// ```
/// use attribution_tagger::{Error, ErrorKind};
///
/// let err = Error::syntax("expected a country code", Some("my.tsv"), 3, 17);
/// assert_eq!(err.kind(), ErrorKind::Syntax);
/// assert_eq!(err.line(), Some(3));
/// assert_eq!(err.to_string(), "my.tsv:3:17: expected a country code");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
    message: String,
    source_name: Option<String>,
    line: Option<u64>,
    column: Option<u64>,
}

impl Error {
    /// A syntax error at a 1-based `line` and `column` of `source_name`.
    pub fn syntax(
        message: impl Into<String>,
        source_name: Option<&str>,
        line: u64,
        column: u64,
    ) -> Error {
        Error {
            kind: ErrorKind::Syntax,
            message: message.into(),
            source_name: source_name.map(str::to_owned),
            line: Some(line),
            column: Some(column),
        }
    }

    /// An error of `kind` with no position.
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Error {
        Error {
            kind,
            message: message.into(),
            source_name: None,
            line: None,
            column: None,
        }
    }

    /// The same error, attributed to `source_name` (a file name, say).
    pub fn with_source(mut self, source_name: &str) -> Error {
        self.source_name = Some(source_name.to_owned());
        self
    }

    /// The same error at a 1-based line (and column, if known).
    pub fn at(mut self, line: u64, column: Option<u64>) -> Error {
        self.line = Some(line);
        self.column = column;
        self
    }

    /// The kind of error.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// What was wrong or expected, without the location.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The name of the source (usually a file path) that held the error.
    pub fn source_name(&self) -> Option<&str> {
        self.source_name.as_deref()
    }

    /// The 1-based line of the error, when it comes from a file.
    pub fn line(&self) -> Option<u64> {
        self.line
    }

    /// The 1-based column (in characters) of the error, when known.
    pub fn column(&self) -> Option<u64> {
        self.column
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut located = false;
        if let Some(src) = &self.source_name {
            write!(f, "{src}")?;
            located = true;
        }
        if let Some(line) = self.line {
            if located {
                write!(f, ":")?;
            }
            write!(f, "{line}")?;
            if let Some(col) = self.column {
                write!(f, ":{col}")?;
            }
            located = true;
        }
        if located {
            write!(f, ": ")?;
        }
        write!(f, "{}", self.message)
    }
}

impl std::error::Error for Error {}

impl From<std::io::Error> for Error {
    fn from(err: std::io::Error) -> Error {
        Error::new(ErrorKind::Io, err.to_string())
    }
}
