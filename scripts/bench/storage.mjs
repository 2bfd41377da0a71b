// Storage figures (not a test), in headless Chromium: the stored size of one
// complete record (of questionnaire 1.0.0, the storage fixture); then with 5,000 and 10,000
// stored records, start-up (median of 5 reloads, budget 500 ms at 10,000),
// the wasm memory right after that start-up, the export read (every record
// decoded and checked, median of 3) and the IndexedDB size on disk.
// Usage: node scripts/bench/storage.mjs [dist]   (scripts/bench.sh runs it)
import { readFile } from 'node:fs/promises';
import { seed } from './seed.mjs';
import { report } from './report.mjs';
import { benchSession } from './session.mjs';

const dist = process.argv[2] ?? 'dist';
const fixture = await readFile(new URL('../../tests/fixtures/storage/record-v2.json', import.meta.url), 'utf8');
const { origin, browser, close } = await benchSession(dist);

/** Trunk's loader (dist/index.html) announces the started app with the wasm
 * instance's exports; its memory is the app's whole heap. */
function keepWasmMemory() {
  addEventListener('TrunkApplicationStarted', (e) => { window.__wasmMemory = e.detail.wasm.memory; });
}

/** Milliseconds from navigation to the app's `candour:storage-ready` mark. */
async function startUpMs(page) {
  await page.reload();
  await page.getByRole('button', { name: 'Start a new survey' }).waitFor();
  return page.evaluate(() => performance.getEntriesByName('candour:storage-ready')[0].startTime);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const context = await browser.newContext();
await context.addInitScript(keepWasmMemory);
const page = await context.newPage();
await page.goto(origin);
await page.getByRole('button', { name: 'Start a new survey' }).waitFor();
const empty = await page.evaluate(async () => (await navigator.storage.estimate()).usageDetails?.indexedDB ?? 0);

report('one complete record of questionnaire 1.0.0 as stored (45 answers, paradata)', String(new TextEncoder().encode(fixture).length), undefined, 'bytes');
for (const [from, to, budget] of [[0, 5000, undefined], [5000, 10000, 500]]) {
  await seed(page, fixture, from, to);
  const starts = [];
  for (let i = 0; i < 5; i += 1) starts.push(await startUpMs(page));
  report(`start-up with ${to} records (median of 5)`, median(starts), budget);
  // Read before the export read below, which grows the heap.
  const memory = await page.evaluate(() => window.__wasmMemory?.buffer.byteLength);
  report(`wasm memory after start-up with ${to} records`, memory === undefined ? 'unknown' : memory / 2 ** 20, undefined, 'MB');
  const reads = [];
  for (let i = 0; i < 3; i += 1) {
    const read = JSON.parse(await page.evaluate(() => window.wasmBindings.candourStorageReport()));
    if (read.loaded !== to) throw new Error(`loaded ${read.loaded} of ${to}`);
    reads.push(read.read_ms);
  }
  report(`export read of ${to} records (median of 3)`, median(reads));
  const used = await page.evaluate(async () => (await navigator.storage.estimate()).usageDetails?.indexedDB ?? 0);
  report(`IndexedDB on disk with ${to} records`, used / 1e6, undefined, 'MB');
  report('  of which per record (with its index entry)', String(Math.round((used - empty) / to)), undefined, 'bytes');
}
await close();
