//! Every embedded gazetteer file parses.

#[test]
fn default_tagger_builds() {
    let g = attribution_tagger::Gazetteer::builder().build().unwrap();
    assert!(!g.is_empty());
}
