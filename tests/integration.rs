//! The one integration test binary: each module is a family of tests.

mod claims;
mod embedded;
mod gazetteer;
mod sentences;
