//! `Tagger::tag` on arbitrary strings: every invariant of
//! `tests/invariants.rs` holds, and tagging twice gives the same document.
#![no_main]

use std::sync::OnceLock;

use attribution_tagger::Tagger;
use libfuzzer_sys::fuzz_target;

#[path = "../../tests/invariants.rs"]
mod invariants;

fn tagger() -> &'static Tagger {
    static TAGGER: OnceLock<Tagger> = OnceLock::new();
    TAGGER.get_or_init(Tagger::new)
}

fuzz_target!(|text: &str| {
    let doc = tagger().tag(text);
    if let Err(e) = invariants::check_document(text, &doc) {
        panic!("{e}\ntext: {text:?}\ndoc: {doc:?}");
    }
    assert_eq!(tagger().tag(text), doc, "tagging is not deterministic");
});
