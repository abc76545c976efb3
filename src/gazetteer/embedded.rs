//! The default gazetteers, embedded from the `gazetteers/` folder.

use once_cell::sync::Lazy;

use super::{parse_tsv, Entry, Gazetteer, GazetteerBuilder};
use crate::error::Error;

macro_rules! embed {
    ($($name:literal),* $(,)?) => {
        &[$(
            (
                concat!("gazetteers/", $name),
                include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/gazetteers/", $name)),
            ),
        )*]
    };
}

/// The embedded files, by name, in the order they are loaded.
pub const FILES: &[(&str, &str)] = embed!(
    "states.tsv",
    "agencies.tsv",
    "organizations.tsv",
    "companies.tsv",
    "threat_actors.tsv",
);

pub(crate) fn default_entries() -> Result<Vec<Entry>, Error> {
    let mut out = Vec::with_capacity(1700);
    for (name, text) in FILES {
        out.extend(parse_tsv(text, name)?);
    }
    Ok(out)
}

static DEFAULT: Lazy<Gazetteer> = Lazy::new(|| {
    GazetteerBuilder::new()
        .build()
        .expect("embedded gazetteers parse (tested by tests/gazetteer.rs)")
});

pub(crate) fn default_gazetteer() -> &'static Gazetteer {
    &DEFAULT
}
