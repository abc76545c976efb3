//! Command-line options of the `tag` example.

use crate::stream::Fields;

pub const USAGE: &str = "\
usage: tag [--json | --jsonl] [OPTIONS] [FILE...]

Reads the FILEs, or standard input when there is none (\"-\" also names it).

modes:
  (none)            a readable report per document
  --json            one JSON document per input file
  --jsonl           JSON Lines in, one JSON object per input line out, in
                    input order; a .txt FILE is one document (id = its path)

options:
  --threads N       worker threads for --jsonl (default: all cores)
  --fields LIST     parts to write: any of sentences,entities,claims
                    (default: all three; the id is always written)
  --claims-only     write only documents with at least one claim
                    (error records are still written)
  -q, --quiet       no progress bar and no summary line on standard error
  -h, --help        this text";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Report,
    Json,
    Jsonl,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Args {
    pub mode: Mode,
    pub files: Vec<String>,
    /// `None`: all cores.
    pub threads: Option<usize>,
    pub fields: Fields,
    pub claims_only: bool,
    pub quiet: bool,
    pub help: bool,
}

/// Parses the arguments (without the program name).
pub fn parse(args: impl IntoIterator<Item = String>) -> Result<Args, String> {
    let mut a = Args {
        mode: Mode::Report,
        files: Vec::new(),
        threads: None,
        fields: Fields::default(),
        claims_only: false,
        quiet: false,
        help: false,
    };
    let mut args = args.into_iter();
    let mut only_files = false;
    while let Some(arg) = args.next() {
        if only_files || arg == "-" || !arg.starts_with('-') {
            a.files.push(arg);
            continue;
        }
        let (name, inline) = match arg.split_once('=') {
            Some((n, v)) if n.starts_with("--") => (n.to_owned(), Some(v.to_owned())),
            _ => (arg.clone(), None),
        };
        let mut value = |what: &str| -> Result<String, String> {
            match inline.clone().or_else(|| args.next()) {
                Some(v) => Ok(v),
                None => Err(format!("{name} needs {what}")),
            }
        };
        match name.as_str() {
            "--" => only_files = true,
            "--json" => a.mode = Mode::Json,
            "--jsonl" => a.mode = Mode::Jsonl,
            "--claims-only" => a.claims_only = true,
            "-q" | "--quiet" => a.quiet = true,
            "-h" | "--help" => a.help = true,
            "--threads" => {
                let v = value("a number")?;
                let n: usize = v
                    .parse()
                    .map_err(|_| format!("--threads: {v:?} is not a number"))?;
                if n == 0 {
                    return Err("--threads must be at least 1".to_owned());
                }
                a.threads = Some(n);
            }
            "--fields" => a.fields = Fields::parse(&value("a list")?)?,
            _ => return Err(format!("unknown option {arg}")),
        }
        if inline.is_some() && !matches!(name.as_str(), "--threads" | "--fields") {
            return Err(format!("{name} takes no value"));
        }
    }
    Ok(a)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(args: &[&str]) -> Result<Args, String> {
        parse(args.iter().map(|s| s.to_string()))
    }

    #[test]
    fn defaults() {
        let a = p(&["a.txt"]).unwrap();
        assert_eq!(a.mode, Mode::Report);
        assert_eq!(a.files, ["a.txt"]);
        assert_eq!(a.threads, None);
        assert_eq!(a.fields, Fields::default());
        assert!(!a.claims_only && !a.quiet && !a.help);
    }

    #[test]
    fn jsonl_options_both_spellings() {
        let a = p(&[
            "--jsonl",
            "--threads",
            "3",
            "--fields=claims,sentences",
            "--claims-only",
            "-q",
            "-",
            "b.jsonl",
        ])
        .unwrap();
        assert_eq!(a.mode, Mode::Jsonl);
        assert_eq!(a.threads, Some(3));
        assert_eq!(
            a.fields,
            Fields {
                sentences: true,
                entities: false,
                claims: true
            }
        );
        assert!(a.claims_only && a.quiet);
        assert_eq!(a.files, ["-", "b.jsonl"]);
        let a = p(&["--threads=2", "--fields", "entities"]).unwrap();
        assert_eq!(a.threads, Some(2));
        assert!(a.fields.entities && !a.fields.claims && !a.fields.sentences);
    }

    #[test]
    fn bad_options_are_errors() {
        assert!(p(&["--threads"]).is_err());
        assert!(p(&["--threads", "0"]).is_err());
        assert!(p(&["--threads", "many"]).is_err());
        assert!(p(&["--fields", "sentences,quotes"]).is_err());
        assert!(p(&["--colour"]).is_err());
        assert!(p(&["--jsonl=yes"]).is_err());
    }

    #[test]
    fn double_dash_ends_options() {
        let a = p(&["--", "--jsonl"]).unwrap();
        assert_eq!(a.mode, Mode::Report);
        assert_eq!(a.files, ["--jsonl"]);
    }
}
