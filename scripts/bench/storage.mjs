// Storage figures (not a test): the stored size of one complete record of
// the default questionnaire, and start-up and export-read times with 5,000
// (and 10,000) stored records, in headless Chromium.
// Usage: node scripts/bench/storage.mjs [dist]   (scripts/bench.sh runs it)
import { readFile } from 'node:fs/promises';
import { chromium } from 'playwright-core';
import { serve } from '../static-server.mjs';
import { seed } from './seed.mjs';

const dist = process.argv[2] ?? 'dist';
const fixture = await readFile(new URL('../../tests/fixtures/storage/record-v2.json', import.meta.url), 'utf8');
const server = await serve(dist, 0);
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});

async function startUpMs(page) {
  await page.reload();
  await page.getByRole('button', { name: 'Start a new survey' }).waitFor();
  return page.evaluate(() => performance.getEntriesByName('candour:storage-ready')[0].startTime);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const context = await browser.newContext();
const page = await context.newPage();
await page.goto(origin);
await page.getByRole('button', { name: 'Start a new survey' }).waitFor();
const empty = await page.evaluate(async () => (await navigator.storage.estimate()).usageDetails?.indexedDB ?? 0);

console.log(`one complete record (default questionnaire, 45 answers with paradata): ${new TextEncoder().encode(fixture).length} bytes as stored (format 2)`);
for (const [from, to] of [[0, 5000], [5000, 10000]]) {
  await seed(page, fixture, from, to);
  const starts = [];
  for (let i = 0; i < 5; i += 1) starts.push(await startUpMs(page));
  const reads = [];
  for (let i = 0; i < 3; i += 1) {
    const report = JSON.parse(await page.evaluate(() => window.wasmBindings.candourStorageReport()));
    if (report.loaded !== to) throw new Error(`loaded ${report.loaded} of ${to}`);
    reads.push(report.read_ms);
  }
  const used = await page.evaluate(async () => (await navigator.storage.estimate()).usageDetails?.indexedDB ?? 0);
  console.log(`${to} records: start-up (navigation to storage ready) median ${median(starts).toFixed(0)} ms ` +
    `[${starts.map((s) => s.toFixed(0)).join(', ')}]; export read (every record decoded and checked) ` +
    `median ${median(reads).toFixed(0)} ms [${reads.map((s) => s.toFixed(0)).join(', ')}]; ` +
    `IndexedDB on disk ${(used / 1e6).toFixed(1)} MB (${((used - empty) / to).toFixed(0)} bytes per record)`);
}
await browser.close();
server.close();
