//! Shared helpers of the storage tests: surveys and records on the small
//! fixture instrument, and a record store that counts what is read.
#![allow(dead_code)]

use candour_core::answer::AnswerValue;
use candour_core::instrument::load::load_instrument;
use candour_core::instrument::Instrument;
use candour_core::record::ResponseRecord;
use candour_core::storage::{MemoryRecords, RecordStore, StoreError, Table, Write};
use candour_core::survey::{Action, Survey};
use candour_core::time::Timestamp;
use std::cell::Cell;
use std::rc::Rc;

/// The small fixture instrument.
pub const FIXTURE: &str = include_str!("../../../tests/fixtures/small_instrument.json");

/// The fixture instrument, loaded.
pub fn instrument() -> Instrument {
    load_instrument(FIXTURE).expect("fixture loads")
}

/// `s` seconds after a fixed moment.
pub fn t(s: i64) -> Timestamp {
    Timestamp(1_800_000_000_000 + s * 1000)
}

/// A survey with consent given and one answer, for id `id`.
pub fn survey_with_answer(id: &str) -> Survey {
    let mut s = Survey::new(Rc::new(instrument()));
    s.apply(Action::Start {
        id: id.into(),
        participant_code: None,
        locale: "en".into(),
        device_label: "Tablet 1".into(),
        service_code: None,
        now: t(0),
    });
    s.apply(Action::Consent {
        agreed: true,
        now: t(1),
    });
    s.apply(Action::Answer {
        variable: "s1_respect".into(),
        value: Some(AnswerValue::Code(4)),
        now: t(2),
    });
    s
}

/// A partial record with one answer, id `id`.
pub fn finished(id: &str) -> ResponseRecord {
    let mut s = survey_with_answer(id);
    s.apply(Action::Abandon { now: t(3) });
    s.finished.expect("record")
}

/// A record store that counts every full-table read of the records, so a
/// test can prove start-up never reads them all.
#[derive(Default)]
pub struct Counting {
    /// The store itself.
    pub inner: MemoryRecords,
    /// How many times every record was read.
    pub full_reads: Rc<Cell<usize>>,
}

impl RecordStore for Counting {
    fn get(&self, table: Table, key: &str) -> Result<Option<String>, StoreError> {
        self.inner.get(table, key)
    }
    fn get_all(&self, table: Table) -> Result<Vec<(String, String)>, StoreError> {
        if table == Table::Records {
            self.full_reads.set(self.full_reads.get() + 1);
        }
        self.inner.get_all(table)
    }
    fn count(&self, table: Table) -> Result<usize, StoreError> {
        self.inner.count(table)
    }
    fn commit(&mut self, writes: Vec<Write>) -> Result<(), StoreError> {
        self.inner.commit(writes)
    }
}
