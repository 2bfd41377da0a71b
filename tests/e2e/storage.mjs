// Helpers of the storage tests: reopening the app on the same device (same
// browser context, so the same storage), reading and writing IndexedDB by
// hand, and the app's storage report.

/** Closes `page` as a tablet would (no beforeunload) and opens the app
 * again in the same context; waits until a screen is shown (not the moment
 * in which the closed window still held the one-window lock). */
export async function reopen(env, page) {
  const context = page.context();
  await page.close({ runBeforeUnload: false });
  const fresh = await context.newPage();
  fresh.problems = [];
  fresh.on('pageerror', (e) => fresh.problems.push(`page error: ${e.message}`));
  await fresh.goto(env.origin + '/');
  await fresh.waitForFunction(() => {
    const heading = document.querySelector('h1');
    return heading && heading.textContent !== 'Candour is already open';
  });
  return fresh;
}

/** FNV-1a 64 of `text`'s UTF-8 bytes, as the app writes it in a record's
 * `sum` (src/core/storage/checksum.rs). */
export function fnv1a64(text) {
  let h = 0xcbf29ce484222325n;
  for (const b of new TextEncoder().encode(text)) {
    h ^= BigInt(b);
    h = (h * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return `fnv1a64:${h.toString(16).padStart(16, '0')}`;
}

/** A record's stored value in today's format (format 2). */
export function sealRecord(record) {
  const data = JSON.stringify(record);
  return `{"format":2,"kind":"record","sum":"${fnv1a64(data)}","data":${data}}`;
}

/** Puts `[key, value]` rows into a table of the app's database, by hand,
 * in one transaction. The app must have opened the database before. */
export function putRows(page, table, rows) {
  return page.evaluate(([table, rows]) => new Promise((resolve, reject) => {
    const open = indexedDB.open('candour');
    open.onsuccess = () => {
      const tx = open.result.transaction(table, 'readwrite');
      for (const [key, value] of rows) tx.objectStore(table).put(value, key);
      tx.oncomplete = () => { open.result.close(); resolve(); };
      tx.onerror = () => { open.result.close(); reject(tx.error); };
    };
    open.onerror = () => reject(open.error);
  }), [table, rows]);
}

/** The raw `[key, value]` rows of a table of the app's database. */
export function rawRows(page, table) {
  return page.evaluate((table) => new Promise((resolve, reject) => {
    const open = indexedDB.open('candour');
    open.onsuccess = () => {
      const store = open.result.transaction(table).objectStore(table);
      const keys = store.getAllKeys();
      const values = store.getAll();
      values.onsuccess = () => { open.result.close(); resolve(keys.result.map((k, i) => [k, values.result[i]])); };
      values.onerror = () => reject(values.error);
    };
    open.onerror = () => reject(open.error);
  }), table);
}

/** The app's storage report (src/ui/services/storage_report.rs): reads
 * every record as an export does. */
export async function storageReport(page) {
  return JSON.parse(await page.evaluate(() => window.wasmBindings.candourStorageReport()));
}
