// The research team's whole journey with sealed responses, every step through
// the pages people use (issue 14): the workbench makes the research key and
// the tablet setup file; the tablet's staff area loads that file and shows the
// same fingerprint; participants answer (one with a unique free-text answer);
// the staff area exports the signed, sealed file; the workbench, given the
// key file and its passphrase, recovers exactly that answer, says the file is
// complete and unaltered, and, when a record is cut out of the file and
// another edited, says so in words (a gap, a removed record, an altered one).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { axe, openApp, openWorkbench, start } from './harness.mjs';
import { FULL_PLAN, answerAll, declineSurvey, startAndConsent } from './survey.mjs';
import { PIN, setFirstPin, unlock } from './staff.mjs';

const UNIQUE = `heron-lantern-${Date.now()}`;
const WORDS = 'a long passphrase for the study team';
// Argon2id at its recommended cost in the page's WebAssembly: seconds, more
// on a loaded machine. A condition, not a sleep.
const KDF = { timeout: 120_000 };

let env;
let dir;
before(async () => {
  env = await start();
  dir = await mkdtemp(join(tmpdir(), 'candour-journey-'));
});
after(async () => {
  await env?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** Saves every download of `page` into `dir`; returns their paths by name. */
function saveDownloads(page) {
  const saved = {};
  const pending = [];
  page.on('download', (d) => pending.push((async () => {
    const path = join(dir, d.suggestedFilename());
    await writeFile(path, await readFile(await d.path()));
    saved[d.suggestedFilename()] = path;
  })()));
  return { saved, settled: () => Promise.all(pending) };
}

/** The top-level objects of the JSON array that starts at `open` in `text`
 * (the index of its "["), as exact text spans: [start, end) each. */
function arrayItems(text, open) {
  const items = [];
  let depth = 0;
  let inString = false;
  let start = -1;
  for (let i = open + 1; i < text.length; i += 1) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i += 1;
      else if (c === '"') inString = false;
    } else if (c === '"') {
      inString = true;
    } else if (c === '{') {
      if (depth === 0) start = i;
      depth += 1;
    } else if (c === '}') {
      depth -= 1;
      if (depth === 0) items.push([start, i + 1]);
    } else if (c === ']' && depth === 0) {
      return { items, close: i };
    }
  }
  throw new Error('unterminated array');
}

/** The export with record 2 cut out and record 3's clear header edited,
 * everything else byte for byte as the tablet wrote it. */
function tamper(text) {
  const open = text.lastIndexOf('"records":[') + '"records":'.length;
  const { items, close } = arrayItems(text, open);
  assert.equal(items.length, 3);
  const [first, , third] = items.map(([s, e]) => text.slice(s, e));
  assert.match(third, /"sequence":3/);
  const edited = third.replace('"status":"declined_consent"', '"status":"partial"');
  assert.notEqual(edited, third);
  return `${text.slice(0, open)}[${first},${edited}${text.slice(close)}`;
}

test('the workbench makes the key, the tablet seals with it, and the workbench opens exactly what was given, and finds a cut and an edit', async () => {
  // 1. The researcher makes the key in the workbench.
  const bench = await openWorkbench(env);
  const made = saveDownloads(bench);
  const create = bench.getByRole('region', { name: 'Create a research key' });
  await create.getByLabel('New passphrase', { exact: true }).fill(WORDS);
  await create.getByLabel('The same passphrase again', { exact: true }).fill(WORDS);
  await create.getByRole('button', { name: 'Create the research key' }).click();
  await create.getByRole('status').first().filter({ hasText: 'The research key is made.' }).waitFor(KDF);
  const fingerprint = (await create.locator('.fingerprint').textContent()).trim();
  await create.getByRole('button', { name: 'Download the private key file' }).click();
  await create.getByRole('status').filter({ hasText: /Saved candour-research-key-/ }).waitFor();
  await create.getByRole('button', { name: 'Download the tablet setup file' }).click();
  await create.getByRole('status').filter({ hasText: /Saved candour-tablet-setup-/ }).waitFor();
  await made.settled();
  const compact = fingerprint.replaceAll(' ', '');
  const keyFile = made.saved[`candour-research-key-${compact}.json`];
  const setupFile = made.saved[`candour-tablet-setup-${compact}.json`];
  assert.ok(keyFile && setupFile, Object.keys(made.saved).join(', '));
  await bench.context().close();

  // 2. Staff load the setup file and see the same fingerprint.
  const tablet = await openApp(env);
  await tablet.getByRole('button', { name: 'Researcher area' }).click();
  await setFirstPin(tablet, PIN);
  await tablet.getByLabel('Load a tablet setup file').setInputFiles(setupFile);
  await tablet.getByRole('status').filter({ hasText: 'Research key loaded.' }).waitFor();
  await tablet.getByText(fingerprint, { exact: true }).first().waitFor();
  await tablet.getByRole('button', { name: 'Lock and leave' }).click();

  // 3. Three participants: one answers everything, two decline.
  const answers = { ...FULL_PLAN, g1_best_thing: [{ text: UNIQUE }, { text: UNIQUE }] };
  await startAndConsent(tablet, { code: 'HAT-201' });
  await answerAll(tablet, answers);
  await tablet.getByRole('button', { name: 'Send my answers' }).click();
  await tablet.getByRole('button', { name: 'Close now' }).click();
  await tablet.getByRole('button', { name: 'Start a new survey' }).waitFor();
  await declineSurvey(tablet, { code: 'HAT-202' });
  await declineSurvey(tablet, { code: 'HAT-203' });

  // 4. Staff export the signed, sealed file.
  await tablet.getByRole('button', { name: 'Researcher area' }).click();
  await unlock(tablet);
  const downloaded = tablet.waitForEvent('download');
  await tablet.getByRole('button', { name: 'Export', exact: true }).click();
  await tablet.getByRole('status').filter({ hasText: /Exported 3 responses/ }).waitFor();
  const download = await downloaded;
  const exportName = download.suggestedFilename();
  const exportPath = join(dir, exportName);
  const exportText = await readFile(await download.path(), 'utf8');
  await writeFile(exportPath, exportText);
  assert.ok(!exportText.includes(UNIQUE), 'the export holds no answer in clear');
  assert.deepEqual(tablet.problems, []);
  await tablet.context().close();

  // 5. The researcher opens it with the key: exactly the answer given.
  const reader = await openWorkbench(env);
  const use = reader.getByRole('region', { name: 'Use the research key' });
  await reader.getByLabel('Research key file').setInputFiles(keyFile);
  assert.equal((await use.locator('.fingerprint').textContent()).trim(), fingerprint);
  await reader.getByLabel('Passphrase of the key file', { exact: true }).fill(WORDS);
  await reader.getByLabel('Passphrase of the key file', { exact: true }).press('Enter');
  await use.getByRole('status').filter({ hasText: `The research key ${fingerprint} is open.` }).waitFor(KDF);
  await reader.getByLabel('Export files (JSON)').setInputFiles(exportPath);
  await reader.getByText('Files combined: 1. Files refused: 0. Responses in the combined data: 3.').waitFor();
  const found = reader.getByRole('region', { name: 'What verification found' });
  await found.getByText(/^Complete and unaltered/).waitFor();
  const tables = saveDownloads(reader);
  await reader.getByRole('button', { name: 'Download every file' }).click();
  await reader.getByRole('status').filter({ hasText: /^Saved \d+ files\.$/ }).waitFor();
  await tables.settled();
  const wideName = Object.keys(tables.saved).find((n) => n.endsWith('.wide.csv'));
  const wide = await readFile(tables.saved[wideName], 'utf8');
  assert.ok(wide.includes(UNIQUE), 'the unique free-text answer, recovered exactly');
  for (const code of ['HAT-201', 'HAT-202', 'HAT-203']) assert.ok(wide.includes(code), code);

  // 6. A record cut out of the file and another edited: said in words.
  const tamperedPath = join(dir, `tampered-${exportName}`);
  await writeFile(tamperedPath, tamper(exportText));
  await reader.getByRole('button', { name: 'Remove every file' }).click();
  await reader.getByText('No file is open yet.').waitFor();
  await reader.getByLabel('Export files (JSON)').setInputFiles(tamperedPath);
  await found.getByText(/^Record 2 of .+ was removed from the file "tampered-.+" after export\.$/).waitFor();
  await found.getByText(/^Record 2 of .+ is in none of the files opened\.$/).waitFor();
  await found.getByText(/^Record 3 of .+ was altered in the file "tampered-.+": it is not what the tablet signed, so it is not used\.$/).waitFor();
  await reader.getByText('Files combined: 1. Files refused: 0. Responses in the combined data: 1.').waitFor();
  assert.deepEqual(await axe(reader), [], 'axe with the findings');
  assert.deepEqual(reader.problems, []);
  await reader.context().close();
});
