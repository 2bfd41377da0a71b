//! The default questionnaire that ships with the app: feedback from people in
//! heroin-assisted treatment, written to the measurement brief in
//! `INSTRUMENT.md` (version 2.0.0: domains A1, A2, B to H and P).
//!
//! The questionnaire is data, in `instruments/default.json`, embedded at build
//! time so that the app works offline and every record can name the exact
//! instrument it was answered on. A researcher changes wording there, not here.
//!
//! Every earlier default is shipped too (`instruments/previous/`): a tablet
//! updated from an earlier version still holds records answered on it, and
//! an export must include the definition of every instrument its records
//! use. Those files are never edited; a test holds each to its content hash.

use super::load::load_instrument;
use super::problem::InstrumentErrors;
use super::Instrument;

/// The default instrument file, exactly as shipped (its bytes are what the
/// content hash of a record refers to).
pub const DEFAULT_INSTRUMENT_JSON: &str = include_str!("../../../../instruments/default.json");

/// Every earlier default instrument file, oldest first, exactly as it
/// shipped: version 1.0.0 of `candour-hat-feedback`.
pub const PREVIOUS_DEFAULT_JSONS: [&str; 1] = [include_str!(
    "../../../../instruments/previous/candour-hat-feedback-1.0.0.json"
)];

/// The default instrument, parsed and checked by [`load_instrument`].
///
/// The file is checked by the test suite, so an error here means the file was
/// edited without running the tests; the caller shows the problems rather
/// than panicking.
pub fn default_instrument() -> Result<Instrument, InstrumentErrors> {
    load_instrument(DEFAULT_INSTRUMENT_JSON)
}

/// Every earlier default instrument that loads, oldest first. Only for
/// describing records answered on them (exports); new surveys never use them.
pub fn previous_defaults() -> Vec<Instrument> {
    PREVIOUS_DEFAULT_JSONS
        .iter()
        .filter_map(|json| load_instrument(json).ok())
        .collect()
}

/// Every default the app ships, for the instruments a device knows: the
/// current one first (when it loads), then the earlier ones.
pub fn shipped_defaults() -> Vec<Instrument> {
    let mut all: Vec<Instrument> = default_instrument().ok().into_iter().collect();
    all.extend(previous_defaults());
    all
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::hash::content_hash;

    #[test]
    fn the_default_instrument_loads() {
        let loaded = default_instrument();
        assert!(loaded.is_ok(), "{loaded:?}");
    }

    #[test]
    fn every_earlier_default_loads_with_the_hash_its_records_carry() {
        let previous = previous_defaults();
        assert_eq!(previous.len(), PREVIOUS_DEFAULT_JSONS.len());
        let v1 = &previous[0];
        assert_eq!(
            (v1.id.as_str(), v1.version.as_str()),
            ("candour-hat-feedback", "1.0.0")
        );
        // The hash records answered on 1.0.0 carry: new model fields must
        // leave it unchanged (they are not written while at their default).
        assert_eq!(
            content_hash(v1),
            "sha256:cef880e22ac5d872a904eaac0c2864e5bbbb9fc919ac636d2a703fabcfdc39f9"
        );
        let current = default_instrument().expect("loads");
        assert_eq!(current.id, v1.id);
        assert_ne!(current.version, v1.version);
    }
}
