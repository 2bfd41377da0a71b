//! Shared by the sealing tests of this crate: the test tablet of
//! `candour_testkit::signed_export`, and a research key from a seed.
#![allow(dead_code)]

use candour_analysis::sealing::ResearchKeyPair;
use candour_testkit::sealing_support::rng;
pub use candour_testkit::signed_export::{clear, sealed, Tablet};

/// A research key pair from a seed.
pub fn research_key(seed: u64) -> ResearchKeyPair {
    ResearchKeyPair::generate(&mut rng(seed)).expect("key pair")
}

/// One picked file.
pub fn picked(name: &str, text: &str) -> (String, Result<Vec<u8>, String>) {
    (name.to_owned(), Ok(text.as_bytes().to_vec()))
}
