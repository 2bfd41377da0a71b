// Merge figure (not a test): the time from picking 10 JSON exports of 1,000
// records each in the researcher area's "Combine exports from several
// tablets" to its result on screen ("Files combined: 10 ..."), median of 3
// picks, in headless Chromium. The issue sets no budget for it. The files
// are one real export of 1,000 seeded records, made through the app, copied
// ten times with the record ids changed so that no two files share one.
// Usage: node scripts/bench/merge.mjs [dist]   (scripts/bench.sh runs it)
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { serve } from '../static-server.mjs';
import { seed } from './seed.mjs';
import { report } from './report.mjs';
import { setFirstPin } from '../../tests/e2e/staff.mjs';

const dist = process.argv[2] ?? 'dist';
const FILES = 10;
const RECORDS = 1000;
const fixture = await readFile(new URL('../../tests/fixtures/storage/record-v2.json', import.meta.url), 'utf8');
const server = await serve(dist, 0);
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
const dir = await mkdtemp(join(tmpdir(), 'candour-merge-'));

/** The app's JSON export of `RECORDS` seeded records, as text. */
async function exportJson(page) {
  await seed(page, fixture, 0, RECORDS);
  await page.reload();
  await page.getByRole('button', { name: 'Researcher area' }).click();
  await setFirstPin(page);
  await page.getByRole('radio', { name: 'Everything on this tablet' }).check();
  const json = page.waitForEvent('download', { predicate: (d) => d.suggestedFilename().endsWith('.json') });
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  return readFile(await (await json).path(), 'utf8');
}

/** Ten copies as if from ten tablets. Only the ids change: the file has no
 * checksum of its own (crates/core/src/export/import_check.rs checks the record
 * count and each questionnaire's hash, both unchanged). */
async function tabletFiles(text) {
  const paths = [];
  for (let t = 1; t <= FILES; t += 1) {
    const file = JSON.parse(text);
    for (const r of file.records) r.id = `tablet${t}-${r.id}`;
    paths.push(join(dir, `tablet-${t}.json`));
    await writeFile(paths.at(-1), JSON.stringify(file));
  }
  return paths;
}

/** Picks the files; returns milliseconds from the input's change event to
 * the frame after the result appeared, and the result's summary. */
async function pickAndTime(page, paths) {
  const panel = page.getByRole('region', { name: 'Combine exports from several tablets' });
  await page.evaluate(() => {
    window.__merge = {};
    addEventListener('change', (e) => { window.__merge.t0 = e.timeStamp; }, { capture: true, once: true });
    new MutationObserver((_, observer) => {
      if (!document.body.textContent.includes('Files combined:')) return;
      observer.disconnect();
      requestAnimationFrame(() => setTimeout(() => { window.__merge.t1 = performance.now(); }, 0));
    }).observe(document.body, { childList: true, subtree: true, characterData: true });
  });
  await panel.getByLabel('JSON export files to combine').setInputFiles(paths);
  const summary = await panel.getByText(/^Files combined:/).textContent();
  await page.waitForFunction(() => window.__merge.t1 !== undefined);
  return { ms: await page.evaluate(() => window.__merge.t1 - window.__merge.t0), summary };
}

try {
  const page = await (await browser.newContext({ acceptDownloads: true })).newPage();
  page.setDefaultTimeout(300_000);
  await page.goto(origin);
  await page.getByRole('button', { name: 'Start a new survey' }).waitFor();
  const paths = await tabletFiles(await exportJson(page));
  const times = [];
  let summary;
  for (let i = 0; i < 3; i += 1) {
    // The panel's result stays on screen; reload so each pick starts clean.
    if (i > 0) {
      await page.reload();
      await page.getByRole('button', { name: 'Researcher area' }).click();
      await page.getByLabel('PIN', { exact: true }).fill('402718');
      await page.getByRole('button', { name: 'Unlock' }).click();
    }
    ({ ms: times[i], summary } = await pickAndTime(page, paths));
  }
  console.log(`       ${summary} [${times.map((t) => t.toFixed(0)).join(', ')}]`);
  report(`merge of ${FILES} files of ${RECORDS} records (median of 3)`, times.sort((a, b) => a - b)[1]);
} finally {
  await browser.close();
  server.close();
  await rm(dir, { recursive: true, force: true });
}
