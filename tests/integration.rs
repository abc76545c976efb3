//! The one integration test binary: each module is a family of tests.

mod bad_files;
mod claims;
mod embedded;
mod gazetteer;
mod invariants;
mod pathological;
mod pathological_inputs;
mod properties;
mod sentences;
