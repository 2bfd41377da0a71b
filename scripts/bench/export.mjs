// Export figures (not a test): with 1,000 and then 10,000 complete records
// stored, a researcher unlocks and presses Export (everything). Prints the
// export to JSON (read + model + json) and to CSV (read + model + wide.csv)
// beside the 1 s budget, every step the app left in the page's timeline
// (`candour:export:*` measures, crates/tablet/src/researcher/home/export_run.rs), the
// time from the press to the "Exported" message, and each file's size.
// Usage: node scripts/bench/export.mjs [dist]   (scripts/bench.sh runs it)
import { readFile, stat } from 'node:fs/promises';
import { seed } from './seed.mjs';
import { report } from './report.mjs';
import { benchSession } from './session.mjs';
import { setFirstPin } from '../../tests/e2e/staff.mjs';

const dist = process.argv[2] ?? 'dist';
const STEPS = ['read', 'model', 'json', 'wide.csv', 'spss.csv', 'long.csv', 'codebook+syntax', 'mark', 'total'];

/** Milliseconds per export step, from the measures the app left (a step
 * done more than once, e.g. a CSV per questionnaire version, is summed). */
async function steps(page) {
  const measures = await page.evaluate(() => performance.getEntriesByType('measure').map((m) => [m.name, m.duration]));
  const ms = new Map();
  for (const [name, duration] of measures) {
    const step = name.replace(/^candour:export:/, '');
    if (step !== name) ms.set(step, (ms.get(step) ?? 0) + duration);
  }
  return ms;
}

function reportSteps(count, ms) {
  if (!['read', 'model', 'json', 'wide.csv'].every((s) => ms.has(s))) {
    console.log(`       export of ${count} records: no step timings in this build`);
    return;
  }
  const read = ms.get('read') + ms.get('model');
  report(`export of ${count} records to JSON`, read + ms.get('json'), 1000);
  report(`export of ${count} records to CSV (wide)`, read + ms.get('wide.csv'), 1000);
  for (const step of STEPS.filter((s) => ms.has(s))) report(`  step ${step}`, ms.get(step));
}
const fixture = await readFile(new URL('../../tests/fixtures/storage/record-v2.json', import.meta.url), 'utf8');
const { origin, browser, close } = await benchSession(dist);
try {
  const page = await (await browser.newContext({ acceptDownloads: true })).newPage();
  page.setDefaultTimeout(120_000);
  await page.goto(origin);
  await page.getByRole('button', { name: 'Start a new survey' }).waitFor();
  let stored = 0;
  let first = true;
  for (const [count, budget] of [[1000, undefined], [10000, 1000]]) {
    await seed(page, fixture, stored, count);
    stored = count;
    await page.reload();
    await page.getByRole('button', { name: 'Researcher area' }).click();
    if (first) {
      await setFirstPin(page);
      first = false;
    } else {
      await page.getByLabel('PIN', { exact: true }).fill('402718');
      await page.getByRole('button', { name: 'Unlock' }).click();
    }
    await page.getByRole('radio', { name: 'Everything on this tablet' }).check();
    const sizes = [];
    const pending = [];
    page.on('download', (d) => pending.push(d.path().then(async (p) => sizes.push([d.suggestedFilename(), (await stat(p)).size]))));
    await page.evaluate(() => performance.clearMeasures());
    const t0 = Date.now();
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    await page.getByRole('status').filter({ hasText: /Exported \d+ responses/ }).waitFor();
    const took = Date.now() - t0;
    await Promise.all(pending);
    page.removeAllListeners('download');
    reportSteps(count, await steps(page));
    report(`export of ${count} records, every format (press to done)`, took, budget);
    for (const [name, size] of sizes.sort()) console.log(`       ${name.padEnd(60)} ${(size / 1024).toFixed(0).padStart(8)} KB`);
    await page.getByRole('button', { name: 'Lock and leave' }).click();
    await page.getByRole('button', { name: 'Start a new survey' }).waitFor();
  }
} finally {
  await close();
}
