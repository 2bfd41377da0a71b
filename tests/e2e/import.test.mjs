// Import and merge in the workbench, and a researcher's own questionnaire on
// the tablet, end to end.
//
// The export files are made natively from records answered through the
// survey flow on the default instrument (tests/export_import_fixtures.rs
// writes and checks tests/fixtures/export-import/): tablet A's and tablet
// B's exports share one identical record and one record id with different
// answers; corrupt.json is tablet A's file cut short; tablet C's export
// combines with format-1-tablet-a.json, an export written before format 2
// of records answered on questionnaire 1.0.0.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { axe, openApp, openWorkbench, screenshot, start } from './harness.mjs';
import { currentVariable, startAndConsent, storedRecords } from './survey.mjs';
import { setFirstPin } from './staff.mjs';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');
const IMPORT = join(FIXTURES, 'export-import');
const SMALL = join(FIXTURES, 'small_instrument.json');
const PIN = '402718';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.stop(); });

/** Sets the first PIN and arrives unlocked. */
async function setPin(page) {
  await page.getByRole('button', { name: 'Researcher area' }).click();
  await setFirstPin(page, PIN);
}

/** Every localStorage key and value, to prove a panel wrote nothing. */
function localStorageCopy(page) {
  return page.evaluate(() => Object.fromEntries(Object.keys(localStorage).sort().map((k) => [k, localStorage.getItem(k)])));
}

/** Presses the button `name` in `scope` and returns the downloaded file's
 * name and text. */
async function downloadFrom(page, scope, name) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    scope.getByRole('button', { name, exact: true }).click(),
  ]);
  return { name: download.suggestedFilename(), text: await readFile(await download.path(), 'utf8') };
}

test('the workbench combines two exports and a corrupt file: every good record kept, the bad file named with its reason', async () => {
  const page = await openWorkbench(env);
  const storageBefore = await localStorageCopy(page);

  await page.getByLabel('Export files (JSON)').setInputFiles(
    ['tablet-a.json', 'tablet-b.json', 'corrupt.json'].map((f) => join(IMPORT, f)),
  );
  await page.getByText('Files combined: 2. Files refused: 1. Responses in the combined data: 4.').waitFor();
  const files = await page.getByRole('list', { name: 'Files', exact: true }).getByRole('listitem').allTextContents();
  assert.equal(files.length, 3);
  assert.match(files[0], /^tablet-a\.json: accepted\..*Responses: 4 complete, 0 partial, 0 declined\./);
  assert.match(files[1], /^tablet-b\.json: accepted\..*Responses: 3 complete, 0 partial, 0 declined\./);
  assert.match(files[2], /^corrupt\.json: refused, nothing of it is used\. The file "corrupt\.json" ends too early/);
  await page.getByText('Responses found in more than one file with identical content, kept once: 1.').waitFor();
  const conflicts = page.getByRole('alert').filter({ hasText: 'Responses that differ between files: 1' });
  await conflicts.getByText('Response clash-1, in: tablet-a.json / tablet-b.json.').waitFor();
  await screenshot(page, 'researcher-import');
  assert.deepEqual(await axe(page), [], 'axe on the import report');

  const files_ = page.getByRole('region', { name: 'Analysis files' });
  const json = await downloadFrom(page, files_, 'Combined JSON (conflicts included)');
  assert.match(json.name, /^candour_combined_\d{4}-\d{2}-\d{2}_4-records\.json$/);
  const combined = JSON.parse(json.text);
  assert.equal(combined.format, 'candour-export');
  assert.deepEqual(combined.records.map((r) => r.id), ['tablet-a-1', 'tablet-a-2', 'shared-1', 'tablet-b-1']);
  assert.deepEqual(combined.conflicts.map((c) => c.record_id), ['clash-1']);
  // Every record of both good files is in the combined file, unchanged:
  // among the records, or as one version of a conflict.
  for (const f of ['tablet-a.json', 'tablet-b.json']) {
    const source = JSON.parse(await readFile(join(IMPORT, f), 'utf8'));
    for (const record of source.records) {
      const kept = [...combined.records, ...combined.conflicts.flatMap((c) => c.versions.map((v) => v.record))];
      assert.ok(kept.some((r) => JSON.stringify(r) === JSON.stringify(record)), `${f}: ${record.id} kept as it was`);
    }
  }

  const wide = await downloadFrom(page, files_, 'Wide CSV');
  assert.match(wide.name, /^candour_combined_\d{4}-\d{2}-\d{2}_4-records\.wide\.csv$/);
  assert.equal(wide.text.split('\n').filter((l) => /^(tablet|shared)/.test(l)).length, 4);
  const r = await downloadFrom(page, files_, 'R syntax');
  assert.ok(r.text.includes(wide.name), 'the R syntax reads the wide CSV by its name');
  await page.getByRole('status').filter({ hasText: `Saved ${r.name}.` }).waitFor();

  assert.deepEqual(await localStorageCopy(page), storageBefore, 'nothing written to localStorage');
  assert.equal((await storedRecords(page)).length, 0, 'no record stored on this device');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('an export written before questionnaire 2.0 combines with a 2.0 export, each version its own tables', async () => {
  const page = await openWorkbench(env);
  // format-1-tablet-a.json: export format 1, questionnaire 1.0.0, as an app
  // before 2.0 wrote it. tablet-c.json: format 2, questionnaire 2.0.0.
  await page.getByLabel('Export files (JSON)').setInputFiles(
    ['format-1-tablet-a.json', 'tablet-c.json'].map((f) => join(IMPORT, f)),
  );
  await page.getByText('Files combined: 2. Files refused: 0. Responses in the combined data: 6.').waitFor();
  await page.getByText('The responses were answered on 2 different questionnaires or versions').waitFor();
  const files_ = page.getByRole('region', { name: 'Analysis files' });
  const tables = files_.getByRole('group');
  assert.equal(await tables.count(), 2, 'one group of files per version');
  const older = tables.filter({ hasText: 'version 1.0.0' }).filter({ hasText: 'responses: 4' });
  const newer = tables.filter({ hasText: 'version 2.0.0' }).filter({ hasText: 'responses: 2' });
  await older.waitFor();
  await newer.waitFor();
  await screenshot(page, 'researcher-import-two-versions');
  assert.deepEqual(await axe(page), [], 'axe on a report of two versions');

  // Each version's wide table has its own columns.
  const old = await downloadFrom(page, older, 'Wide CSV');
  const now = await downloadFrom(page, newer, 'Wide CSV');
  const header = (csv) => csv.text.replace(/^\uFEFF/, '').split('\r\n')[0].split(',');
  assert.ok(header(old).includes('b8_work_or_care_4') && !header(old).includes('score_a1_100'));
  assert.ok(header(now).includes('score_a1_100') && header(now).includes('service_code'));
  assert.equal(old.text.split('\r\n').filter((l) => l.startsWith('tablet-a') || l.startsWith('shared') || l.startsWith('clash')).length, 4);

  const json = JSON.parse((await downloadFrom(page, files_, 'Combined JSON (conflicts included)')).text);
  assert.equal(json.format_version, 2);
  assert.deepEqual(json.instruments.map((i) => i.version), ['1.0.0', '2.0.0']);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

/** The small fixture with two mistakes the checks find (the file still
 * reads as JSON): a repeated variable and a misspelt item field. */
async function brokenInstrument() {
  const text = (await readFile(SMALL, 'utf8'))
    .replace('"s2_listen"', '"s1_respect"')
    .replace('"required": true', '"requird": true');
  return { name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(text) };
}

test('a broken questionnaire lists its problems and is not applied; a valid one is used from the next start', async () => {
  const page = await openApp(env);
  await setPin(page);
  const panel = page.getByRole('region', { name: 'Questionnaire for new surveys' });
  await panel.getByText('candour-hat-feedback').waitFor();
  const input = panel.getByLabel('Load a questionnaire file (JSON)');

  await input.setInputFiles(await brokenInstrument());
  const problems = panel.getByRole('alert').filter({ hasText: 'This file was not applied' });
  await problems.waitFor();
  const listed = await problems.getByRole('listitem').allTextContents();
  assert.ok(listed.length >= 2, `every problem listed: ${listed.join(' | ')}`);
  assert.ok(listed.some((p) => p.includes('s1_respect')), listed.join(' | '));
  assert.ok(listed.some((p) => p.includes('requird')), listed.join(' | '));
  assert.equal(await page.evaluate(() => localStorage.getItem('candour:instrument')), null, 'not applied');
  assert.deepEqual(await axe(page), [], 'axe on the listed problems');

  await input.setInputFiles(SMALL);
  await panel.getByRole('status').filter({ hasText: 'Loaded "A short test survey"' }).waitFor();
  await panel.getByText('fixture-small').waitFor();
  await screenshot(page, 'researcher-instrument');
  assert.deepEqual(await axe(page), [], 'axe on the instrument panel');

  // Leaving reloads the app, which then starts new surveys on it.
  await page.getByRole('button', { name: 'Lock and leave' }).click();
  await page.getByRole('button', { name: 'Start a new survey' }).waitFor();
  await startAndConsent(page);
  assert.equal(await currentVariable(page), 's1_respect');
  await page.getByRole('heading', { name: 'Staff treat me with respect.' }).waitFor();
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('"Use the default questionnaire again" keeps the loaded one for exports and starts new surveys on the default', async () => {
  const page = await openApp(env);
  await setPin(page);
  const panel = page.getByRole('region', { name: 'Questionnaire for new surveys' });
  await panel.getByLabel('Load a questionnaire file (JSON)').setInputFiles(SMALL);
  await panel.getByText('fixture-small').waitFor();
  await panel.getByRole('button', { name: 'Use the default questionnaire again' }).click();
  await panel.getByText('candour-hat-feedback').waitFor();
  const keys = await page.evaluate(() => Object.keys(localStorage));
  assert.ok(!keys.includes('candour:instrument'), 'no instrument chosen');
  assert.ok(keys.some((k) => k.startsWith('candour:instrument:sha256:')), 'the loaded one is kept');

  await page.getByRole('button', { name: 'Lock and leave' }).click();
  await page.getByRole('button', { name: 'Start a new survey' }).waitFor();
  await startAndConsent(page);
  assert.equal(await currentVariable(page), 'a1_works');
  await page.context().close();
});

test('a chosen questionnaire that no longer loads falls back to the default, with a notice', async () => {
  const page = await openApp(env);
  await page.evaluate(() => localStorage.setItem('candour:instrument', '{"format":1,"kind":"instrument-choice","data":{"hash":"sha256:gone"}}'));
  await page.reload();
  await page.getByRole('status').filter({ hasText: 'cannot be used' }).waitFor();
  await startAndConsent(page);
  assert.equal(await currentVariable(page), 'a1_works');
  await page.context().close();
});
