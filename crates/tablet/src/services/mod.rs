//! Small services over browser APIs, each behind narrow functions that
//! return `Result` (never panicking on what the browser refuses).

pub mod idb_request;
pub mod idb_store;
pub mod instruments;
pub mod key_derivation;
pub mod local_store;
pub mod locale;
pub mod randomness;
pub mod records_db;
pub mod safe_elsewhere;
pub mod secrets;
pub mod signing_key;
pub mod speech;
pub mod startup;
pub mod storage_probe;
pub mod storage_report;
pub mod storage_status;
pub mod tablet_facts;
pub mod visibility;
pub mod web_crypto;
pub mod window_lock;
