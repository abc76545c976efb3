//! The sentence splitter alone, in each line-break mode (chosen by the
//! first byte): spans keep the invariants, and the iterator gives the same
//! spans as `split`.
#![no_main]

use attribution_tagger::segment::LineBreaks;
use attribution_tagger::SentenceSplitter;
use libfuzzer_sys::fuzz_target;

#[path = "../../tests/invariants.rs"]
mod invariants;

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let mode = match mode % 3 {
        0 => LineBreaks::Auto,
        1 => LineBreaks::Always,
        _ => LineBreaks::Wrapped,
    };
    let splitter = SentenceSplitter::builder()
        .line_breaks(mode)
        .build()
        .expect("no custom abbreviation");
    let spans = splitter.split(text);
    if let Err(e) = invariants::check_sentences(text, &spans) {
        panic!("{e}\nmode: {mode:?}\ntext: {text:?}\nspans: {spans:?}");
    }
    let iter: Vec<_> = splitter.sentences(text).collect();
    assert_eq!(iter, spans, "sentences() differs from split()");
});
