// Stores copies of a real record (a format-2 fixture) straight into the
// app's IndexedDB, as the app stores them, for benchmarks.

/** Copies of the fixture's real record, stored as the app stores them. */
export async function seed(page, fixture, from, to) {
  await page.evaluate(async ([fixture, from, to]) => {
    const fnv = (text) => {
      let h = 0xcbf29ce484222325n;
      for (const b of new TextEncoder().encode(text)) { h ^= BigInt(b); h = (h * 0x100000001b3n) & 0xffffffffffffffffn; }
      return `fnv1a64:${h.toString(16).padStart(16, '0')}`;
    };
    const real = JSON.parse(fixture).data;
    const db = await new Promise((ok) => { const o = indexedDB.open('candour'); o.onsuccess = () => ok(o.result); });
    const tx = db.transaction(['records'], 'readwrite');
    for (let i = from; i < to; i += 1) {
      const data = JSON.stringify({ ...real, id: `bench-${String(i).padStart(5, '0')}` });
      tx.objectStore('records').put(`{"format":2,"kind":"record","sum":"${fnv(data)}","data":${data}}`, `bench-${String(i).padStart(5, '0')}`);
    }
    await new Promise((ok, fail) => { tx.oncomplete = ok; tx.onerror = () => fail(tx.error); });
    db.close();
  }, [fixture, from, to]);
}
