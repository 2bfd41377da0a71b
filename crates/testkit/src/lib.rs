//! Helpers shared by Candour's native tests: records made the way the app
//! makes them, small instruments, storage doubles and the readability
//! measure the questionnaire's test applies. Only tests depend on this
//! crate, so none of it ships.
#![allow(clippy::unwrap_used, clippy::expect_used)]

pub mod codebook_support;
pub mod completion_time;
pub mod export_support;
pub mod fixture_files;
pub mod in_words;
pub mod memory_records;
pub mod memory_store;
pub mod module_graph;
pub mod native_storage;
pub mod readability;
pub mod sealing_support;
pub mod signed_export;
pub mod storage_support;
