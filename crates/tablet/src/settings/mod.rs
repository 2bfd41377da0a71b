//! Self-contained pieces of the researcher's settings, each taking the
//! settings and calling back with changed ones; the researcher area mounts
//! them and stores what they return.

pub mod reading;
