//! Loading a user gazetteer file from arbitrary bytes, the way a user does
//! (`GazetteerBuilder::add_tsv_bytes`, what `add_file` calls): an error is
//! located (source, line within the file, column >= 1); a file that loads
//! builds a gazetteer whose mentions keep the invariants, on the file's own
//! text and on a fixed sentence.
#![no_main]

use attribution_tagger::{ErrorKind, Gazetteer, Tagger};
use libfuzzer_sys::fuzz_target;

#[path = "../../tests/invariants.rs"]
mod invariants;

const SOURCE: &str = "user.tsv";

fuzz_target!(|data: &[u8]| {
    let mut builder = Gazetteer::builder();
    builder.defaults(false);
    let gazetteer = match builder.add_tsv_bytes(data, SOURCE) {
        Err(e) => {
            assert_eq!(e.source_name(), Some(SOURCE), "{e}");
            let lines = data.split(|&b| b == b'\n').count() as u64;
            let line = e.line().unwrap_or_else(|| panic!("no line: {e}"));
            assert!(line >= 1 && line <= lines.max(1), "line {line} of {lines}: {e}");
            assert!(e.column().is_some_and(|c| c >= 1), "column: {e}");
            assert!(matches!(e.kind(), ErrorKind::Syntax | ErrorKind::Io), "{e}");
            assert!(e.to_string().starts_with(&format!("{SOURCE}:{line}:")), "{e}");
            return;
        }
        Ok(b) => match b.build() {
            Ok(g) => g,
            Err(e) => panic!("a file that loads must build: {e}"),
        },
    };
    let own = String::from_utf8_lossy(data);
    let fixed = "Officials in Prague blamed the group for the attack, the ministry said.";
    let tagger = Tagger::builder()
        .gazetteer(gazetteer)
        .build()
        .expect("a gazetteer is given");
    for text in [own.as_ref(), fixed] {
        let doc = tagger.tag(text);
        if let Err(e) = invariants::check_document(text, &doc) {
            panic!("{e}\ntext: {text:?}");
        }
    }
});
