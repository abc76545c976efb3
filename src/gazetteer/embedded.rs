//! The default gazetteers, embedded from the `gazetteers/` folder.

use once_cell::sync::Lazy;

use super::{EntityInfo, Gazetteer, GazetteerBuilder};
use crate::error::Error;

/// The embedded files, by name.
pub const FILES: &[(&str, &str)] = &[(
    "gazetteers/states.tsv",
    include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/gazetteers/states.tsv"
    )),
)];

pub(crate) fn default_entries() -> Result<Vec<(EntityInfo, Vec<String>)>, Error> {
    let mut b = GazetteerBuilder::new();
    b.defaults(false);
    for (name, text) in FILES {
        b.add_tsv(text, name)?;
    }
    Ok(b.entries)
}

static DEFAULT: Lazy<Gazetteer> = Lazy::new(|| {
    GazetteerBuilder::new()
        .build()
        .expect("embedded gazetteers parse (tested by tests/integration.rs)")
});

pub(crate) fn default_gazetteer() -> &'static Gazetteer {
    &DEFAULT
}
