//! The record database in IndexedDB: the core's [`RecordStore`] operations,
//! asynchronous. Values are the core's text (versioned envelopes), so all
//! decoding, checking and quarantining stays in the tested core.
//!
//! Every request of a transaction is issued before anything is awaited, so
//! no transaction ever depends on staying open across a microtask.

use crate::services::idb_request::{arm, complete, outcome, read_error, request, thrown};
use candour_core::storage::{StoreError, StoreFault, Table, Write};
use js_sys::{Array, Object, Promise, Reflect};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{IdbDatabase, IdbObjectStore, IdbOpenDbRequest, IdbTransaction, IdbTransactionMode};

/// The database's schema version: bump it when a table is added (the
/// upgrade creates every table a database lacks). 1: records, index and
/// quarantine; 2: the journal of surveys in progress; 3: `meta` (the
/// sequence counter of sealed records). Values carry their own format
/// version; this does not.
const SCHEMA_VERSION: u32 = 3;
/// How long opening may take before storage counts as unavailable.
const OPEN_TIMEOUT_MS: i32 = 5_000;

#[wasm_bindgen]
extern "C" {
    /// An `IDBDatabase` seen through the one method web-sys has only behind
    /// its unstable flag: `transaction(names, mode, options)`, needed for
    /// `durability`.
    type DatabaseWithOptions;

    #[wasm_bindgen(method, catch, js_name = transaction)]
    fn transaction_with_options(
        this: &DatabaseWithOptions,
        names: &Array,
        mode: &str,
        options: &JsValue,
    ) -> Result<IdbTransaction, JsValue>;
}

/// An open connection, closed when the last handle is dropped.
struct Connection {
    db: IdbDatabase,
    // Kept alive as long as the connection: closes it when a newer build
    // needs to upgrade the schema, so that build is never blocked.
    _on_version_change: Closure<dyn FnMut()>,
}

impl Drop for Connection {
    fn drop(&mut self) {
        self.db.close();
    }
}

/// A handle on the record database; cheap to clone.
#[derive(Clone)]
pub struct IdbStore {
    connection: Rc<Connection>,
}

impl PartialEq for IdbStore {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.connection, &other.connection)
    }
}

impl IdbStore {
    /// Opens (creating or upgrading) the database `name`. Fails with
    /// [`StoreError::Unavailable`] or [`StoreError::UnavailableBecause`]
    /// when the browser has no IndexedDB, refuses
    /// it (some private modes), or does not answer within 5 seconds.
    pub async fn open(name: &str) -> Result<Self, StoreError> {
        Self::begin_open(name)?.finish().await
    }

    /// Asks the browser to open the database `name` now, so that the app
    /// can do other work while it does; [`OpeningDb::finish`] waits for it.
    pub fn begin_open(name: &str) -> Result<OpeningDb, StoreError> {
        let factory = web_sys::window()
            .ok_or(StoreError::UnavailableBecause(StoreFault::NoWindow))?
            .indexed_db()
            .map_err(|e| read_error(&e))?
            .ok_or(StoreError::UnavailableBecause(StoreFault::NoIndexedDb))?;
        let request: IdbOpenDbRequest = factory
            .open_with_u32(name, SCHEMA_VERSION)
            .map_err(|e| read_error(&e))?;
        let upgrade = {
            let request = request.clone();
            Closure::<dyn FnMut()>::new(move || create_tables(&request))
        };
        request.set_onupgradeneeded(Some(upgrade.as_ref().unchecked_ref()));
        let answer = arm(&request, Some(OPEN_TIMEOUT_MS));
        Ok(OpeningDb {
            request,
            upgrade,
            answer,
        })
    }

    fn transaction(&self, tables: &[Table], write: bool) -> Result<IdbTransaction, StoreError> {
        let names = Array::new();
        for table in tables {
            names.push(&JsValue::from_str(table.name()));
        }
        let db = &self.connection.db;
        if write {
            // "strict": the transaction completes only once the data is on
            // disk, so "saved" means saved even if the tablet loses power.
            let options = Object::new();
            let _ = Reflect::set(&options, &"durability".into(), &"strict".into());
            db.unchecked_ref::<DatabaseWithOptions>()
                .transaction_with_options(&names, "readwrite", &options)
                .or_else(|_| {
                    db.transaction_with_str_sequence_and_mode(&names, IdbTransactionMode::Readwrite)
                })
                .map_err(|e| thrown(&e))
        } else {
            db.transaction_with_str_sequence(&names)
                .map_err(|e| read_error(&e))
        }
    }

    fn table(tx: &IdbTransaction, table: Table) -> Result<IdbObjectStore, StoreError> {
        tx.object_store(table.name()).map_err(|e| read_error(&e))
    }

    /// The value under `key`, if any.
    pub async fn get(&self, table: Table, key: &str) -> Result<Option<String>, StoreError> {
        let tx = self.transaction(&[table], false)?;
        let req = Self::table(&tx, table)?
            .get(&JsValue::from_str(key))
            .map_err(|e| read_error(&e))?;
        let value = request(&req).await?;
        Ok((!value.is_undefined()).then(|| as_text(&value)))
    }

    /// Whether `key` is present, without reading its value.
    pub async fn contains(&self, table: Table, key: &str) -> Result<bool, StoreError> {
        let tx = self.transaction(&[table], false)?;
        let req = Self::table(&tx, table)?
            .count_with_key(&JsValue::from_str(key))
            .map_err(|e| read_error(&e))?;
        Ok(request(&req).await?.as_f64().unwrap_or(0.0) > 0.0)
    }

    /// How many keys `table` holds, without reading them.
    pub async fn count(&self, table: Table) -> Result<usize, StoreError> {
        let tx = self.transaction(&[table], false)?;
        let req = Self::table(&tx, table)?
            .count()
            .map_err(|e| read_error(&e))?;
        Ok(request(&req).await?.as_f64().unwrap_or(0.0) as usize)
    }

    /// Every `(key, value)` of `table`, in key order (two requests in one
    /// transaction, so keys and values always match).
    pub async fn get_all(&self, table: Table) -> Result<Vec<(String, String)>, StoreError> {
        let tx = self.transaction(&[table], false)?;
        let store = Self::table(&tx, table)?;
        let keys_req = store.get_all_keys().map_err(|e| read_error(&e))?;
        let values_req = store.get_all().map_err(|e| read_error(&e))?;
        let keys: Array = request(&keys_req).await?.unchecked_into();
        let values: Array = request(&values_req).await?.unchecked_into();
        Ok(keys
            .iter()
            .zip(values.iter())
            .map(|(k, v)| (as_text(&k), as_text(&v)))
            .collect())
    }

    /// Applies every write in one transaction and waits until it committed;
    /// on any failure nothing of it is applied.
    pub async fn commit(&self, writes: Vec<Write>) -> Result<(), StoreError> {
        if writes.is_empty() {
            return Ok(());
        }
        let tx = self.transaction(&Table::ALL, true)?;
        let issued = issue(&tx, writes);
        if let Err(e) = issued {
            let _ = tx.abort();
            return Err(e);
        }
        complete(&tx).await
    }
}

/// A database the browser was asked to open ([`IdbStore::begin_open`]).
pub struct OpeningDb {
    request: IdbOpenDbRequest,
    upgrade: Closure<dyn FnMut()>,
    answer: Promise,
}

impl OpeningDb {
    /// Waits until the database is open (tables created on first use).
    pub async fn finish(self) -> Result<IdbStore, StoreError> {
        let OpeningDb {
            request,
            upgrade,
            answer,
        } = self;
        let opened = outcome(&request, answer).await;
        if opened.is_err() {
            // Given up on (timed out), the request may still be answered
            // later. If its upgrade then ran without this handler, the
            // database would be created with no tables, and every later
            // start would find it so: keep the handler for good (one small
            // closure, only on this failure), and close a late connection.
            upgrade.forget();
            let late = request.clone();
            let close = Closure::once_into_js(move || {
                if let Ok(db) = late.result() {
                    db.unchecked_into::<IdbDatabase>().close();
                }
            });
            request.set_onsuccess(Some(close.unchecked_ref()));
        } else {
            request.set_onupgradeneeded(None);
            drop(upgrade);
        }
        let db: IdbDatabase = opened
            .map_err(|e| match e {
                StoreError::WriteFailed(why) | StoreError::Unavailable(why) => {
                    StoreError::Unavailable(why)
                }
                StoreError::WriteFailedBecause(fault) | StoreError::UnavailableBecause(fault) => {
                    StoreError::UnavailableBecause(fault)
                }
                StoreError::Full => StoreError::Full,
            })?
            .dyn_into()
            .map_err(|_| StoreError::UnavailableBecause(StoreFault::DatabaseDidNotOpen))?;
        let on_version_change = {
            let db = db.clone();
            Closure::<dyn FnMut()>::new(move || db.close())
        };
        db.set_onversionchange(Some(on_version_change.as_ref().unchecked_ref()));
        Ok(IdbStore {
            connection: Rc::new(Connection {
                db,
                _on_version_change: on_version_change,
            }),
        })
    }
}

/// Issues every write on `tx` (they run in order; the transaction commits
/// once all have succeeded).
fn issue(tx: &IdbTransaction, writes: Vec<Write>) -> Result<(), StoreError> {
    let stores: Vec<(Table, IdbObjectStore)> = Table::ALL
        .iter()
        .map(|&t| IdbStore::table(tx, t).map(|s| (t, s)))
        .collect::<Result<_, _>>()?;
    let store_of = |table: Table| {
        stores
            .iter()
            .find(|(t, _)| *t == table)
            .map(|(_, s)| s)
            .ok_or(StoreError::WriteFailedBecause(StoreFault::NoTable(
                table.name(),
            )))
    };
    for write in writes {
        match write {
            Write::Put { table, key, value } => {
                store_of(table)?
                    .put_with_key(&JsValue::from_str(&value), &JsValue::from_str(&key))
                    .map_err(|e| thrown(&e))?;
            }
            Write::Delete { table, key } => {
                store_of(table)?
                    .delete(&JsValue::from_str(&key))
                    .map_err(|e| thrown(&e))?;
            }
            Write::Clear { table } => {
                store_of(table)?.clear().map_err(|e| thrown(&e))?;
            }
        }
    }
    Ok(())
}

/// Creates the tables a new (or older) database lacks, during its upgrade.
fn create_tables(open: &IdbOpenDbRequest) {
    let Ok(db) = open.result().and_then(|r| r.dyn_into::<IdbDatabase>()) else {
        return;
    };
    let existing = db.object_store_names();
    for table in Table::ALL {
        if !existing.contains(table.name()) {
            // A failure here aborts the upgrade, and opening reports it.
            let _ = db.create_object_store(table.name());
        }
    }
}

/// A stored key or value as text. The app writes only text; anything else
/// (a value put there by hand) is kept as its JSON, or its string form, so
/// it is quarantined raw rather than lost.
fn as_text(value: &JsValue) -> String {
    if let Some(text) = value.as_string() {
        return text;
    }
    js_sys::JSON::stringify(value)
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_else(|| format!("{value:?}"))
}
