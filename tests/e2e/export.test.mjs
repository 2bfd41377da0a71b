// Export, end to end: two participants complete the survey, the researcher
// sets a PIN, unlocks and exports; the tablet downloads only the JSON export
// (analysis files are the workbench's), which holds both records with
// exactly the values entered. Then, with the saved file picked back in,
// exactly its records are deleted after a confirmation naming the count.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { axe, openApp, start } from './harness.mjs';
import { FULL_PLAN, answerAll, startAndConsent, storedRecords } from './survey.mjs';
import { setFirstPin } from './staff.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.stop(); });

const PIN = '402718';

/** The export's value for a plan's stored expectation. */
function exported(expected) {
  if ('code' in expected) return expected.code;
  if ('codes' in expected) return expected.codes;
  if ('number' in expected) return expected.number;
  if ('text' in expected) return expected.text;
  return { prefer_not_to_say: -99, dont_know: -98, unanswered: -97, does_not_apply: -96, not_reached: -95 }[expected.missing];
}

async function completeSurvey(page, code) {
  await startAndConsent(page, { code });
  await answerAll(page, FULL_PLAN);
  await page.getByRole('button', { name: 'Send my answers' }).click();
  await page.getByRole('button', { name: 'Close now' }).click();
  await page.getByRole('button', { name: 'Start a new survey' }).waitFor();
}

async function unlockFirstTime(page) {
  await page.getByRole('button', { name: 'Researcher area' }).click();
  await setFirstPin(page, PIN);
  await page.getByRole('heading', { name: 'Export responses' }).waitFor();
}

/** Presses Export and collects every downloaded file by its name (and its
 * path, to pick it back in). */
async function exportAll(page) {
  const files = {};
  const pending = [];
  const onDownload = (d) => pending.push((async () => {
    const path = await d.path();
    files[d.suggestedFilename()] = await readFile(path, 'utf8');
    files.path = path;
  })());
  page.on('download', onDownload);
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await page.getByRole('status').filter({ hasText: /Exported \d+ responses/ }).waitFor();
  await Promise.all(pending);
  page.off('download', onDownload);
  return files;
}

test('two surveys export as one JSON file holding exactly the values entered, and exported ones can be deleted', async () => {
  const page = await openApp(env);
  await completeSurvey(page, 'HAT-001');
  await completeSurvey(page, 'HAT-002');
  await unlockFirstTime(page);
  assert.deepEqual(await axe(page), [], 'axe on the researcher home with export');

  const started = Date.now();
  const files = await exportAll(page);
  const took = Date.now() - started;
  const saved = files.path;
  delete files.path;
  const names = Object.keys(files).sort();
  assert.equal(names.length, 1, `the tablet offers no CSV or syntax download: ${names.join(', ')}`);
  assert.match(names[0], /^candour_.*_\d{4}-\d{2}-\d{2}_2-records\.json$/, names[0]);
  console.log(`export of 2 records: ${took} ms, files: ${names.map((n) => `${n} ${files[n].length} B`).join('; ')}`);

  // JSON: both records, every value as entered.
  const json = JSON.parse(files[names.find((n) => n.endsWith('.json'))]);
  assert.equal(json.format, 'candour-export');
  assert.equal(json.format_version, 2);
  assert.equal(json.record_count, 2);
  // Every questionnaire the tablet ships is known, but only the one used is listed.
  assert.deepEqual(json.instruments.map((i) => i.version), ['2.0.0']);
  assert.deepEqual(json.records.map((r) => r.participant_code).sort(), ['HAT-001', 'HAT-002']);
  for (const record of json.records) {
    for (const [variable, [, expected]] of Object.entries(FULL_PLAN)) {
      assert.deepEqual(record.answers[variable], exported(expected), `${record.participant_code} ${variable}`);
    }
    assert.equal(record.service_code, null, 'no service code set on this tablet');
    // Burden: "does not apply" kept out; (5 + 2 + 4 + 3) / 4 = 3.5, 62.5 on 0-100.
    assert.deepEqual(record.domain_scores.B, { score: 3.5, score_100: 62.5, answered: 4, shown: 4 });
  }

  // Marked exported: "only not yet exported" now finds nothing.
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await page.getByRole('status').filter({ hasText: 'There is nothing to export.' }).waitFor();

  // A third survey, not exported, survives deleting the exported two.
  await page.getByRole('button', { name: 'Lock and leave' }).click();
  await page.getByRole('button', { name: 'Start a new survey' }).waitFor();
  await completeSurvey(page, 'HAT-003');
  await page.getByRole('button', { name: 'Researcher area' }).click();
  await page.getByLabel('PIN', { exact: true }).fill(PIN);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await page.getByRole('button', { name: 'Delete exported responses' }).click();
  await page.getByLabel('Export files or workbench receipts').setInputFiles(saved);
  await page.getByText('2 responses are safe elsewhere. Delete them from this tablet for good?').waitFor();
  await page.getByRole('button', { name: 'Delete 2 responses that are safe elsewhere' }).click();
  await page.getByRole('status').filter({ hasText: 'Deleted 2 responses that are safe elsewhere.' }).waitFor();
  const left = await storedRecords(page);
  assert.deepEqual(left.map((r) => r.participant_code), ['HAT-003']);
  assert.deepEqual(page.problems, []);
  await page.close();
});
