//! The default questionnaire that ships with the app: feedback from people in
//! heroin-assisted treatment, written to the measurement brief in
//! `INSTRUMENT.md` (domains A to G and P).
//!
//! The questionnaire is data, in `instruments/default.json`, embedded at build
//! time so that the app works offline and every record can name the exact
//! instrument it was answered on. A researcher changes wording there, not here.

use super::load::load_instrument;
use super::problem::InstrumentErrors;
use super::Instrument;

/// The default instrument file, exactly as shipped (its bytes are what the
/// content hash of a record refers to).
pub const DEFAULT_INSTRUMENT_JSON: &str = include_str!("../../../../instruments/default.json");

/// The default instrument, parsed and checked by [`load_instrument`].
///
/// The file is checked by the test suite, so an error here means the file was
/// edited without running the tests; the caller shows the problems rather
/// than panicking.
pub fn default_instrument() -> Result<Instrument, InstrumentErrors> {
    load_instrument(DEFAULT_INSTRUMENT_JSON)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_instrument_loads() {
        let loaded = default_instrument();
        assert!(loaded.is_ok(), "{loaded:?}");
    }
}
