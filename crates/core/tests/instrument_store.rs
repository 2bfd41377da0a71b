#![cfg(not(target_arch = "wasm32"))]
//! A researcher's own instruments on the device: stored only when they have
//! no problem, chosen for new surveys, every one kept for exports, and a
//! chosen one that no longer loads reported rather than used.

use candour_core::hash::content_hash;
use candour_core::instrument::default::shipped_defaults;
use candour_core::storage::envelope::seal;
use candour_core::storage::instruments::{
    chosen_instrument, known_instruments, save_instrument, use_default, Chosen, SaveError,
    StoredProblem, CHOICE_KEY, INSTRUMENT_PREFIX,
};
use candour_core::storage::{KeyValueStore, StoreError};
use candour_testkit::memory_store::MemoryStore;

const SMALL: &str = include_str!("../../../tests/fixtures/small_instrument.json");
const RTL: &str = include_str!("../../../tests/fixtures/rtl_instrument.json");

/// The ids of the instruments the device knows, after the two shipped
/// defaults (2.0.0 and 1.0.0), which always come first.
fn ids(store: &MemoryStore) -> Vec<String> {
    let known: Vec<String> = known_instruments(store, shipped_defaults())
        .iter()
        .map(|i| format!("{} {}", i.id, i.version))
        .collect();
    assert_eq!(
        known[..2],
        ["candour-hat-feedback 2.0.0", "candour-hat-feedback 1.0.0"],
        "every default the app ships, the current one first"
    );
    known[2..]
        .iter()
        .map(|k| k.split(' ').next().unwrap_or("").to_owned())
        .collect()
}

#[test]
fn nothing_chosen_means_the_default() {
    let store = MemoryStore::new();
    assert_eq!(chosen_instrument(&store), Chosen::Default);
    assert!(ids(&store).is_empty());
}

#[test]
fn a_valid_instrument_is_stored_chosen_and_known() {
    let mut store = MemoryStore::new();
    let saved = save_instrument(&mut store, SMALL.as_bytes()).expect("the fixture is valid");
    assert_eq!(
        chosen_instrument(&store),
        Chosen::Loaded(Box::new(saved.clone()))
    );
    let key = format!("{INSTRUMENT_PREFIX}{}", content_hash(&saved));
    assert!(store.values.contains_key(&key), "kept under its hash");
    assert!(store.values.contains_key(CHOICE_KEY));
    assert_eq!(ids(&store), ["fixture-small"]);
}

#[test]
fn an_instrument_with_problems_is_never_stored_and_every_problem_is_listed() {
    let mut store = MemoryStore::new();
    let broken = SMALL
        .replace("\"s2_listen\"", "\"s1_respect\"")
        .replace("\"agreement\"", "\"agreeable\"");
    let Err(SaveError::Invalid(errors)) = save_instrument(&mut store, broken.as_bytes()) else {
        panic!("the broken file is refused");
    };
    assert!(!errors.problems.is_empty());
    assert!(store.values.is_empty(), "nothing stored");
    let Err(SaveError::Invalid(errors)) = save_instrument(&mut store, b"{\"id\": ") else {
        panic!("a cut-short file is refused");
    };
    assert_eq!(errors.problems.len(), 1);
    assert!(errors.to_string().contains("ends too early"), "{errors}");
    assert_eq!(
        save_instrument(&mut store, &[0xff, 0xfe, 0x00]),
        Err(SaveError::NotText)
    );
    assert!(store.values.is_empty());
    assert_eq!(chosen_instrument(&store), Chosen::Default);
}

#[test]
fn every_instrument_ever_loaded_is_kept_when_another_or_the_default_is_chosen() {
    let mut store = MemoryStore::new();
    save_instrument(&mut store, SMALL.as_bytes()).expect("small");
    let rtl = save_instrument(&mut store, RTL.as_bytes()).expect("rtl");
    assert_eq!(chosen_instrument(&store), Chosen::Loaded(Box::new(rtl)));
    use_default(&mut store).expect("default chosen");
    assert_eq!(chosen_instrument(&store), Chosen::Default);
    let known = ids(&store);
    assert_eq!(known.len(), 2);
    assert!(known.contains(&"fixture-small".to_owned()));
}

#[test]
fn loading_the_same_instrument_twice_keeps_it_once() {
    let mut store = MemoryStore::new();
    save_instrument(&mut store, SMALL.as_bytes()).expect("small");
    save_instrument(&mut store, format!("\u{feff}{SMALL}").as_bytes()).expect("again, with BOM");
    assert_eq!(ids(&store), ["fixture-small"]);
}

fn chosen_small(store: &mut MemoryStore) -> String {
    let saved = save_instrument(store, SMALL.as_bytes()).expect("small");
    format!("{INSTRUMENT_PREFIX}{}", content_hash(&saved))
}

#[test]
fn a_chosen_instrument_that_no_longer_loads_is_reported_not_used() {
    let mut store = MemoryStore::new();
    let key = chosen_small(&mut store);
    let edited = SMALL.replace("\"agreement\"", "\"agreeable\"");
    let sealed = seal("instrument", &serde_json::json!({ "json": edited })).expect("sealed");
    store.set(&key, &sealed).expect("set");
    assert!(matches!(
        chosen_instrument(&store),
        Chosen::Unusable(StoredProblem::NoLongerValid(_))
    ));
    assert!(ids(&store).is_empty(), "not offered to exports");
}

#[test]
fn a_chosen_instrument_whose_content_changed_is_reported() {
    let mut store = MemoryStore::new();
    let key = chosen_small(&mut store);
    let edited = SMALL.replace("Staff listen to me.", "Staff hear me.");
    let sealed = seal("instrument", &serde_json::json!({ "json": edited })).expect("sealed");
    store.set(&key, &sealed).expect("set");
    assert!(matches!(
        chosen_instrument(&store),
        Chosen::Unusable(StoredProblem::HashChanged(_))
    ));
}

#[test]
fn a_missing_or_damaged_choice_is_reported() {
    let mut store = MemoryStore::new();
    let key = chosen_small(&mut store);
    store.remove(&key).expect("removed");
    assert!(matches!(
        chosen_instrument(&store),
        Chosen::Unusable(StoredProblem::Missing(_))
    ));
    store.set(CHOICE_KEY, "{not json").expect("set");
    let Chosen::Unusable(problem) = chosen_instrument(&store) else {
        panic!("a damaged choice is unusable");
    };
    assert!(matches!(problem, StoredProblem::Damaged(_)));
    assert!(!problem.to_string().is_empty());
}

#[test]
fn a_full_store_refuses_in_words_and_chooses_nothing() {
    let mut store = MemoryStore::new();
    store.quota_bytes = Some(1000);
    assert_eq!(
        save_instrument(&mut store, SMALL.as_bytes()),
        Err(SaveError::Store(StoreError::Full))
    );
    assert_eq!(chosen_instrument(&store), Chosen::Default);
}
