//! Bad user gazetteer files (issue 6): each gives an error located at the
//! file, line and column, or is accepted as documented (a byte-order mark
//! and CRLF line ends are accepted, see `src/tsv.rs`); never a panic.
//!
//! Bytes reach the builder the way a user loads them: `add_file(path)`,
//! which reads the file and calls `add_tsv_bytes(bytes, name)`; text that
//! is already a `&str` goes to `add_tsv`.

use attribution_tagger::{Error, ErrorKind, Gazetteer, GazetteerBuilder};

const HEADER: &str = "id\tkind\tname\tcountry\taliases\n";

fn builder() -> GazetteerBuilder {
    let mut b = Gazetteer::builder();
    b.defaults(false);
    b
}

fn load(bytes: &[u8]) -> Result<Gazetteer, Error> {
    builder().add_tsv_bytes(bytes, "user.tsv")?.build()
}

/// The error of loading `bytes`, with its (line, column).
fn located(bytes: &[u8]) -> (Error, u64, u64) {
    let err = load(bytes).map(|_| ()).unwrap_err();
    assert_eq!(err.source_name(), Some("user.tsv"), "{err}");
    let (line, col) = (err.line().expect("a line"), err.column().expect("a column"));
    assert!(
        err.to_string()
            .starts_with(&format!("user.tsv:{line}:{col}: ")),
        "{err}"
    );
    (err, line, col)
}

fn names(g: &Gazetteer, text: &str) -> Vec<String> {
    g.find_all(text)
        .iter()
        .map(|m| m.span.as_str(text).to_owned())
        .collect()
}

#[test]
fn missing_column_in_the_header() {
    let (err, line, col) = located(b"id\tkind\tname\taliases\nzz\tstate\tZedland\tZed\n");
    assert_eq!(err.kind(), ErrorKind::Syntax);
    assert_eq!(line, 1);
    assert!(col >= 1);
    assert!(err.message().contains("\"country\""), "{err}");
}

#[test]
fn missing_column_in_a_row() {
    let text = format!("{HEADER}zz\tstate\tZedland\tZZ\tZed\nyy\tstate\tYland\n");
    let (err, line, col) = located(text.as_bytes());
    assert_eq!(err.kind(), ErrorKind::Syntax);
    // Line 3 has three fields where four are needed: the column just past
    // the end of the line.
    assert_eq!(
        (line, col),
        (3, "yy\tstate\tYland".chars().count() as u64 + 1)
    );
    assert!(err.message().contains("expected at least 4"), "{err}");
}

#[test]
fn bad_country_code() {
    for bad in ["usa", "us", "U1", "ÜS", "X"] {
        let text = format!("{HEADER}zz\tstate\tZedland\t{bad}\tZed\n");
        let (err, line, col) = located(text.as_bytes());
        assert_eq!(err.kind(), ErrorKind::Syntax);
        assert_eq!(
            (line, col),
            (2, "zz\tstate\tZedland\t".chars().count() as u64 + 1)
        );
        assert!(err.message().contains("ISO 3166-1"), "{err}");
    }
}

#[test]
fn duplicate_id() {
    let text = format!("{HEADER}zz\tstate\tZedland\tZZ\t\n# a comment\nzz\tstate\tZedonia\tZZ\t\n");
    let (err, line, col) = located(text.as_bytes());
    assert_eq!(err.kind(), ErrorKind::Syntax);
    assert_eq!((line, col), (4, 1));
    assert!(
        err.message()
            .contains("duplicate id \"zz\" (first on line 2)"),
        "{err}"
    );
}

#[test]
fn byte_order_mark_is_accepted() {
    let text = format!("\u{feff}{HEADER}zz\tstate\tZedland\tZZ\tZed\n");
    let g = load(text.as_bytes()).unwrap();
    assert_eq!(names(&g, "Zed and Zedland"), ["Zed", "Zedland"]);
    // Columns on line 1 do not count the mark.
    let (_, line, col) = located("\u{feff}id\tkind\tname\n".as_bytes());
    assert_eq!((line, col), (1, 1));
    // A mark anywhere else is part of the field (here: of the id).
    let text = format!("{HEADER}\u{feff}zz\tstate\tZedland\tZZ\t\n");
    let g = load(text.as_bytes()).unwrap();
    assert_eq!(&*g.entities().next().unwrap().id, "\u{feff}zz");
}

#[test]
fn crlf_line_ends_are_accepted() {
    let text = "id\tkind\tname\tcountry\taliases\r\nzz\tstate\tZedland\tZZ\tZed\r\n\r\n";
    let g = load(text.as_bytes()).unwrap();
    // The `\r` is not part of the last field: "Zed" matches.
    assert_eq!(names(&g, "Zed blamed Zedland."), ["Zed", "Zedland"]);
    // Errors on CRLF lines count columns without the `\r`.
    let text = "id\tkind\tname\tcountry\taliases\r\nzz\tstate\tZedland\tzz\t\r\n";
    let (_, line, col) = located(text.as_bytes());
    assert_eq!((line, col), (2, 18));
    // A lone `\r` is not a line end: the whole file is one header line.
    let (err, line, _) = located(b"id\tkind\tname\tcountry\raa\tstate\tA\t\r");
    assert_eq!(line, 1);
    assert!(err.message().contains("\"country\""), "{err}");
}

#[test]
fn invalid_utf8_is_located() {
    // In a field of line 3, after a two-byte char: column in chars.
    let mut bytes = HEADER.as_bytes().to_vec();
    bytes.extend_from_slice("aa\tstate\tAland\t\t\nbb\tstate\tBé".as_bytes());
    bytes.extend_from_slice(b"\xff\xfe\t\t\n");
    let (err, line, col) = located(&bytes);
    assert_eq!(err.kind(), ErrorKind::Io);
    assert_eq!((line, col), (3, "bb\tstate\tBé".chars().count() as u64 + 1));
    assert!(err.message().contains("0xFF"), "{err}");
    // A truncated multi-byte char at the very end, and a lone continuation
    // byte at the start (after a BOM, which is not counted).
    let (_, line, col) = located(b"id\tkind\tname\tcountry\n\xe2\x82");
    assert_eq!((line, col), (2, 1));
    let (_, line, col) = located(b"\xef\xbb\xbf\x80id");
    assert_eq!((line, col), (1, 1));
    // Through a file, as a user loads one: the path names the source.
    let path = std::env::temp_dir().join(format!("bad-utf8-{}.tsv", std::process::id()));
    std::fs::write(&path, &bytes).unwrap();
    let err = builder().add_file(&path).map(|_| ()).unwrap_err();
    std::fs::remove_file(&path).ok();
    assert_eq!(err.source_name(), Some(path.display().to_string().as_str()));
    assert_eq!((err.line(), err.column()), (Some(3), Some(12)));
}

#[test]
fn empty_file() {
    for text in ["", "\n\n", "\u{feff}", "# only a comment\n", "\r\n   \r\n"] {
        let (err, line, col) = located(text.as_bytes());
        assert_eq!(err.kind(), ErrorKind::Syntax);
        assert_eq!((line, col), (1, 1), "{text:?}");
        assert!(err.message().starts_with("empty file"), "{err}");
    }
    // A header and no rows is a valid, empty file.
    let g = load(HEADER.as_bytes()).unwrap();
    assert!(g.is_empty());
}

#[test]
fn other_bad_rows() {
    let cases: &[(&str, u64, u64, &str)] = &[
        ("zz\tvendor\tZ\t\t\n", 2, 4, "expected a kind"),
        ("zz\tstate\t\t\t\n", 2, 10, "expected a name"),
        ("\tstate\tZ\t\t\n", 2, 1, "expected an id"),
        ("zz\tstate\tZ\t\tZed\textra\n", 2, 17, "stray tab"),
        // The column after the flags, where the form should start.
        ("zz\tstate\tZed\t\t=\n", 2, 16, "after the flags"),
    ];
    for &(row, want_line, want_col, msg) in cases {
        let text = format!("{HEADER}{row}");
        let (err, line, col) = located(text.as_bytes());
        assert_eq!((line, col), (want_line, want_col), "{row:?}: {err}");
        assert!(err.message().contains(msg), "{row:?}: {err}");
    }
}

/// A file with an error adds nothing, and the builder stays usable.
#[test]
fn a_bad_file_adds_nothing() {
    let mut b = builder();
    let bad = format!("{HEADER}aa\tstate\tAland\t\t\nbb\tstate\tBland\tbad\t\n");
    assert!(b.add_tsv_bytes(bad.as_bytes(), "bad.tsv").is_err());
    let good = format!("{HEADER}cc\tstate\tCland\t\t\n");
    b.add_tsv(&good, "good.tsv").unwrap();
    let g = b.build().unwrap();
    assert_eq!(names(&g, "Aland, Bland and Cland"), ["Cland"]);
}

/// Random lines of tabs, flags, pipes and odd chars never panic, and every
/// error is located inside the file.
#[test]
fn garbage_files_never_panic() {
    use proptest::prelude::*;
    use proptest::test_runner::{Config, TestRunner};

    let atom = prop::sample::select(vec![
        "\t",
        "\n",
        "\r\n",
        "\r",
        "|",
        "=",
        "~",
        "^",
        "@",
        "+",
        "!",
        "-",
        "#",
        " ",
        "id",
        "kind",
        "name",
        "country",
        "aliases",
        "state",
        "agency",
        "threat_actor",
        "ZZ",
        "zz",
        "Zed",
        "\u{feff}",
        "é",
        "\u{301}",
        "\u{0}",
    ]);
    let file = prop::collection::vec(atom, 0..60).prop_map(|v| v.concat());
    let mut runner = TestRunner::new(Config::with_cases(256));
    runner
        .run(&file, |body| {
            for text in [body.clone(), format!("{HEADER}{body}")] {
                let lines = text.split('\n').count() as u64;
                if let Err(err) = load(text.as_bytes()) {
                    let line = err.line().unwrap_or(0);
                    prop_assert!(line >= 1 && line <= lines, "{err} ({lines} lines)");
                    prop_assert!(err.column().is_some_and(|c| c >= 1), "{err}");
                }
            }
            Ok(())
        })
        .unwrap();
}
