// Stores copies of a real record (a format-2 fixture) straight into the
// app's IndexedDB, as the app stores them, for benchmarks: each record with
// its index entry, in one transaction, as the app's save does
// (crates/core/src/storage/plan.rs). Without the entries the researcher area would
// first rebuild the index by reading every record, which no tablet does.
// Used by storage.mjs, export.mjs and merge.mjs; the app must have opened
// the database once (its tables exist).

/** Stores records `bench-<from>` up to `bench-<to - 1>`, copies of the
 * fixture's record, and their index entries. */
export async function seed(page, fixture, from, to) {
  await page.evaluate(async ([fixture, from, to]) => {
    // crates/core/src/storage/checksum.rs: FNV-1a 64 of the exact `data` text.
    const fnv = (text) => {
      let h = 0xcbf29ce484222325n;
      for (const b of new TextEncoder().encode(text)) { h ^= BigInt(b); h = (h * 0x100000001b3n) & 0xffffffffffffffffn; }
      return `fnv1a64:${h.toString(16).padStart(16, '0')}`;
    };
    const real = JSON.parse(fixture).data;
    const db = await new Promise((ok, fail) => { const o = indexedDB.open('candour'); o.onsuccess = () => ok(o.result); o.onerror = () => fail(o.error); });
    const tx = db.transaction(['records', 'index'], 'readwrite');
    for (let i = from; i < to; i += 1) {
      const id = `bench-${String(i).padStart(5, '0')}`;
      const data = JSON.stringify({ ...real, id });
      tx.objectStore('records').put(`{"format":2,"kind":"record","sum":"${fnv(data)}","data":${data}}`, id);
      // crates/core/src/storage/index.rs: IndexEntry in a format-1 envelope,
      // fields in serde's order.
      const entry = { id, status: real.status, started_at: real.started_at, ended_at: real.ended_at, exported_at: real.exported_at ?? null };
      tx.objectStore('index').put(JSON.stringify({ format: 1, kind: 'index', data: entry }), id);
    }
    await new Promise((ok, fail) => { tx.oncomplete = ok; tx.onerror = () => fail(tx.error); });
    db.close();
  }, [fixture, from, to]);
}
