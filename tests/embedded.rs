//! Every embedded gazetteer file parses.
#![cfg(feature = "default-gazetteers")]

#[test]
fn default_tagger_builds() {
    let g = attribution_tagger::Gazetteer::builder().build().unwrap();
    assert!(!g.is_empty());
}
