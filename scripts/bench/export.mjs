// Export figures (not a test): with 1,000 and then 10,000 complete records
// stored, a researcher unlocks and presses Export (everything); prints the
// time from the press to the "Exported" message and each file's size.
// Usage: node scripts/bench/export.mjs [dist]   (scripts/bench.sh runs it)
import { readFile, stat } from 'node:fs/promises';
import { chromium } from 'playwright-core';
import { serve } from '../static-server.mjs';
import { seed } from './seed.mjs';
import { report } from './report.mjs';

const dist = process.argv[2] ?? 'dist';
const fixture = await readFile(new URL('../../tests/fixtures/storage/record-v2.json', import.meta.url), 'utf8');
const server = await serve(dist, 0);
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
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
      await page.getByLabel('New PIN').fill('402718');
      await page.getByLabel('Type the PIN again').fill('402718');
      await page.getByRole('button', { name: 'Set PIN' }).click();
      first = false;
    } else {
      await page.getByLabel('PIN', { exact: true }).fill('402718');
      await page.getByRole('button', { name: 'Unlock' }).click();
    }
    await page.getByRole('radio', { name: 'Everything on this tablet' }).check();
    const sizes = [];
    const pending = [];
    page.on('download', (d) => pending.push(d.path().then(async (p) => sizes.push([d.suggestedFilename(), (await stat(p)).size]))));
    const t0 = Date.now();
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    await page.getByRole('status').filter({ hasText: /Exported \d+ responses/ }).waitFor();
    const took = Date.now() - t0;
    await Promise.all(pending);
    page.removeAllListeners('download');
    report(`export of ${count} stored records, every format (press to done)`, took, budget);
    for (const [name, size] of sizes.sort()) console.log(`       ${name.padEnd(60)} ${(size / 1024).toFixed(0).padStart(8)} KB`);
    await page.getByRole('button', { name: 'Lock and leave' }).click();
    await page.getByRole('button', { name: 'Start a new survey' }).waitFor();
  }
} finally {
  await browser.close();
  server.close();
}
