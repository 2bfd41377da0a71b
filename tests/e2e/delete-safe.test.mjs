// "Delete exported responses" deletes only records known to be safe
// elsewhere: the export file picked back in on the tablet, or a receipt
// the workbench writes after opening it (its own button, and receipts made
// here by tests/e2e/receipt.mjs, which follows the README's description of
// the format independently). A download the browser refused, a file changed
// by one digit, or a file of another tablet deletes nothing.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { axe, openApp, openWorkbench, screenshot, start } from './harness.mjs';
import { databaseRecords, declineSurvey } from './survey.mjs';
import { exportJson, openArea, setFirstPin, unlock } from './staff.mjs';
import { buildReceipt } from './receipt.mjs';

let env;
let dir;
before(async () => {
  env = await start();
  dir = await mkdtemp(join(tmpdir(), 'candour-delete-'));
});
after(async () => {
  await env?.stop();
  await rm(dir, { recursive: true, force: true });
});

/** A record with participant code `code` (the participant declines: the
 * quickest real record to make through the screens; export.test.mjs
 * deletes complete ones). */
const survey = (page, code) => declineSurvey(page, { code });

/** Writes `text` to a file named `name` in the test's folder. */
async function file(name, text) {
  const path = join(dir, name);
  await writeFile(path, text);
  return path;
}

/** Opens "Delete exported responses" and picks `paths`. */
async function pickProof(page, paths) {
  await page.getByRole('button', { name: 'Delete exported responses' }).click();
  await page.getByLabel('Export files or workbench receipts').setInputFiles(paths);
}

/** The codes of the records stored, sorted. */
async function codes(page) {
  return (await databaseRecords(page)).map((r) => r.participant_code).sort();
}

test('after a download the browser refused, Delete exported deletes nothing', async () => {
  // The browser refuses every download (as when the tablet's storage for
  // downloads is full, or a download is cancelled).
  const page = await openApp(env, { contextOptions: { acceptDownloads: false } });
  await survey(page, 'HAT-001');
  await survey(page, 'HAT-002');
  await openArea(page);
  await setFirstPin(page);
  const refused = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await page.getByRole('status').filter({ hasText: /Exported 2 responses/ }).waitFor();
  const download = await refused;
  assert.notEqual(await download.failure(), null, 'the browser did not save the file');
  // Marked as exported (it was handed to the browser), which is not proof.
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await page.getByRole('status').filter({ hasText: 'There is nothing to export.' }).waitFor();
  // With nothing to show, or with another tablet's export: nothing goes.
  const other = await readFile(new URL('../fixtures/export-import/tablet-a.json', import.meta.url), 'utf8');
  await pickProof(page, [await file('another-tablet.json', other)]);
  await page.getByText('(an export): 0 responses on this tablet are in it exactly.').waitFor();
  await page.getByText('4 responses in it are not on this tablet').waitFor();
  await page.getByRole('alert').filter({ hasText: 'None of the responses on this tablet is safe in the files picked, so nothing was deleted.' }).waitFor();
  await screenshot(page, 'delete-nothing-safe');
  assert.deepEqual(await axe(page), []);
  assert.equal(await page.getByRole('button', { name: /Delete \d+ responses/ }).count(), 0);
  assert.deepEqual(await codes(page), ['HAT-001', 'HAT-002'], 'every record kept');
  await page.context().close();
});

test('the export file picked back deletes exactly the records it holds; a changed copy deletes none of its own', async () => {
  const page = await openApp(env);
  await survey(page, 'HAT-001');
  await survey(page, 'HAT-002');
  await openArea(page);
  await setFirstPin(page);
  const exported = await exportJson(page);
  await page.getByRole('button', { name: 'Lock and leave' }).click();
  await survey(page, 'HAT-003');
  await page.getByRole('button', { name: 'Researcher area' }).click();
  await page.getByLabel('PIN', { exact: true }).fill('402718');
  await page.getByRole('button', { name: 'Unlock' }).click();

  // One field changed by hand in a copy: that record is not safe by it.
  const changed = exported.text.replace('"participant_code":"HAT-001"', '"participant_code":"HAT-009"');
  assert.notEqual(changed, exported.text);
  await pickProof(page, [await file('changed.json', changed)]);
  await page.getByText('changed.json (an export): 1 responses on this tablet are in it exactly.').waitFor();
  await page.getByText('1 responses differ from this tablet\'s copy, so they are kept.').waitFor();
  await page.getByRole('button', { name: 'Cancel' }).click();

  // The file exactly as saved: both its records, and only they.
  await pickProof(page, [await file(exported.name, exported.text)]);
  await page.getByText(`${exported.name} (an export): 2 responses on this tablet are in it exactly.`).waitFor();
  await page.getByText('2 responses are safe elsewhere. Delete them from this tablet for good? The 1 other responses stay on this tablet.').waitFor();
  await screenshot(page, 'delete-confirm');
  assert.deepEqual(await axe(page), []);
  await page.getByRole('button', { name: 'Delete 2 responses that are safe elsewhere' }).click();
  await page.getByRole('status').filter({ hasText: 'Deleted 2 responses that are safe elsewhere. 1 responses stay on this tablet.' }).waitFor();
  assert.deepEqual(await codes(page), ['HAT-003']);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a workbench receipt deletes the records it names with the right digests, and no others', async () => {
  const page = await openApp(env);
  await survey(page, 'HAT-101');
  await survey(page, 'HAT-102');
  await survey(page, 'HAT-103');
  await openArea(page);
  await setFirstPin(page);
  const exported = await exportJson(page);
  const receipt = JSON.parse(buildReceipt([exported]));
  assert.equal(receipt.records.length, 3);
  // One digest wrong (a record the workbench read differently): kept.
  receipt.records[0].digest = `sha256:${'0'.repeat(64)}`;
  const wrongId = receipt.records[0].id;
  await pickProof(page, [await file('receipt.json', `${JSON.stringify(receipt)}\n`)]);
  await page.getByText('receipt.json (a workbench receipt): 2 responses on this tablet are in it exactly.').waitFor();
  await page.getByRole('button', { name: 'Delete 2 responses that are safe elsewhere' }).click();
  await page.getByRole('status').filter({ hasText: 'Deleted 2 responses' }).waitFor();
  const left = await databaseRecords(page);
  assert.deepEqual(left.map((r) => r.id), [wrongId]);
  // A file that is neither an export nor a receipt: refused in words.
  await pickProof(page, [await file('notes.json', '{"hello": "world"}')]);
  await page.getByText('The file notes.json is neither a Candour export nor a workbench receipt. Nothing was deleted.').waitFor();
  assert.equal((await databaseRecords(page)).length, 1);
  await page.context().close();
});

test('the receipt the workbench writes, carried back to the tablet, deletes exactly the responses it opened', async () => {
  const page = await openApp(env);
  await survey(page, 'HAT-201');
  await survey(page, 'HAT-202');
  await openArea(page);
  await setFirstPin(page);
  const exported = await exportJson(page);
  // A response given after the export: the receipt cannot name it.
  await page.getByRole('button', { name: 'Lock and leave' }).click();
  await survey(page, 'HAT-203');

  // On the researcher's computer: the workbench opens the export and
  // writes its receipt.
  const bench = await openWorkbench(env);
  await bench.getByLabel('Export files (JSON)').setInputFiles([await file(exported.name, exported.text)]);
  await bench.getByText(`${exported.name}: accepted.`).waitFor();
  const [download] = await Promise.all([
    bench.waitForEvent('download'),
    bench.getByRole('button', { name: 'Download a receipt for the tablet' }).click(),
  ]);
  const name = download.suggestedFilename();
  assert.match(name, /^candour_receipt_\d{4}-\d{2}-\d{2}_2-records\.json$/);
  await bench.getByRole('status').filter({ hasText: `Saved ${name}, naming 2 responses.` }).waitFor();
  assert.deepEqual(await axe(bench), [], 'axe on the workbench with its receipt');
  const text = await readFile(await download.path(), 'utf8');
  // The same receipt as the independent helper's, but for the time written.
  const ours = JSON.parse(text);
  const helpers = JSON.parse(buildReceipt([exported]));
  assert.deepEqual(ours.records, helpers.records);
  assert.deepEqual(ours.files, helpers.files);
  await bench.context().close();

  // Back on the tablet.
  await openArea(page);
  await unlock(page);
  await page.getByRole('heading', { name: 'Responses on this tablet' }).waitFor();
  await pickProof(page, [await file(name, text)]);
  await page.getByText(`${name} (a workbench receipt): 2 responses on this tablet are in it exactly.`).waitFor();
  await page.getByRole('button', { name: 'Delete 2 responses that are safe elsewhere' }).click();
  await page.getByRole('status').filter({ hasText: 'Deleted 2 responses' }).waitFor();
  assert.deepEqual(await codes(page), ['HAT-203']);
  await page.context().close();
});
