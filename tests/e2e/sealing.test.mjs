// Sealed responses, end to end (issue 14): staff load the research team's
// tablet setup file and see its fingerprint; a participant completes the
// survey with a unique free-text answer and another declines; then nothing
// the tablet keeps (every IndexedDB database, localStorage) nor the export
// file holds that text or any free-text answer. The export is the signed
// format 3: its signature verifies (node's WebCrypto) with the tablet key
// its manifest names, and the research key (the fixture's test secret,
// through an independent HPKE implementation) opens exactly the answers
// given. Picked back in, the export lets exactly those records be deleted.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { webcrypto } from 'node:crypto';
import { axe, openApp, start } from './harness.mjs';
import { FULL_PLAN, answerAll, declineSurvey, startAndConsent } from './survey.mjs';
import { PIN, setFirstPin, unlock } from './staff.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SETUP = join(ROOT, 'tests', 'fixtures', 'sealing', 'tablet-setup.json');
const FINGERPRINT = join(ROOT, 'tests', 'fixtures', 'sealing', 'tablet-setup.fingerprint');
const UNIQUE = `kestrel-marmalade-${Date.now()}`;

let env;
before(async () => { env = await start(); });
after(async () => { await env?.stop(); });

/** Every value the app keeps: all of localStorage, and every value of every
 * object store of every IndexedDB database of the origin, as text. */
function everythingKept(page) {
  return page.evaluate(async () => {
    const texts = Object.keys(localStorage).map((k) => `${k}=${localStorage.getItem(k)}`);
    for (const { name } of await indexedDB.databases()) {
      const db = await new Promise((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      for (const store of db.objectStoreNames) {
        const values = await new Promise((resolve, reject) => {
          const request = db.transaction(store).objectStore(store).getAll();
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        for (const value of values) texts.push(`${name}/${store}: ${typeof value === 'string' ? value : JSON.stringify(value)}`);
      }
      db.close();
    }
    return texts;
  });
}

/** The free-text answers of the plan, with the unique one. */
function plan() {
  return { ...FULL_PLAN, g1_best_thing: [{ text: UNIQUE }, { text: UNIQUE }] };
}

function freeTexts(p) {
  return Object.values(p).map(([, expected]) => expected.text).filter(Boolean);
}

/** Opens the export with the test research key (native, hpke-rs): one
 * record per line. */
async function openSealed(path) {
  const { stdout } = await promisify(execFile)('cargo', [
    'test', '-q', '-p', 'candour-core', '--test', 'sealing_tablet_fixture', '--',
    '--ignored', '--nocapture', '--test-threads=1',
  ], { cwd: ROOT, env: { ...process.env, CANDOUR_SEALED_EXPORT: path }, maxBuffer: 1 << 24 });
  return stdout.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l));
}

async function verifySignature(file) {
  const text = file.text;
  // The manifest's exact bytes: from `"manifest":` to its matching `}`.
  const start = text.indexOf('"manifest":') + '"manifest":'.length;
  const end = text.indexOf(',"signature":');
  const manifestText = text.slice(start, end);
  const json = JSON.parse(text);
  const raw = Buffer.from(json.manifest.tablet.public_key, 'base64');
  const key = await webcrypto.subtle.importKey('raw', raw, { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify']);
  const signature = Buffer.from(json.signature.value, 'base64');
  const ok = await webcrypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, key, signature, Buffer.from(manifestText));
  const tampered = Buffer.from(manifestText.replace('"highest_sequence":', '"highest_sequence":1'));
  const bad = await webcrypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, key, signature, tampered);
  return { ok, bad };
}

test('with the research key loaded, finished answers are kept and exported only sealed, and the key opens exactly them', async () => {
  const page = await openApp(env);
  await page.getByRole('button', { name: 'Researcher area' }).click();
  await setFirstPin(page, PIN);
  await page.getByRole('heading', { name: 'Sealing responses' }).waitFor();
  await page.getByText('Responses on this tablet are stored unsealed').waitFor();
  await page.getByText('No research team key is loaded, so responses are stored unsealed').waitFor();
  await page.getByLabel('Load a tablet setup file').setInputFiles(SETUP);
  await page.getByRole('status').filter({ hasText: 'Research key loaded.' }).waitFor();
  const fingerprint = (await readFile(FINGERPRINT, 'utf8')).trim();
  await page.getByText(fingerprint, { exact: true }).first().waitFor();
  assert.equal(await page.getByText('Responses on this tablet are stored unsealed').count(), 0);
  // The tablet check's research-key line is ticked on "Check again".
  await page.getByRole('button', { name: 'Check again' }).click();
  await page.getByText('The research team\'s key is loaded: finished answers are sealed to it.').waitFor();
  assert.deepEqual(await axe(page), [], 'axe on the researcher home with the sealing panel');
  // Loading the same file again changes nothing, and says so.
  await page.getByLabel('Load a tablet setup file').setInputFiles(SETUP);
  await page.getByRole('status').filter({ hasText: 'This is the key already loaded' }).waitFor();
  // A file that is not a setup file is refused in words.
  await page.getByLabel('Load a tablet setup file').setInputFiles({
    name: 'not-setup.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"candour-export"}'),
  });
  await page.getByRole('alert').filter({ hasText: 'This is not a tablet setup file' }).waitFor();

  await page.getByRole('button', { name: 'Lock and leave' }).click();
  const answers = plan();
  await startAndConsent(page, { code: 'HAT-101' });
  await answerAll(page, answers);
  await page.getByRole('button', { name: 'Send my answers' }).click();
  await page.getByRole('button', { name: 'Close now' }).click();
  await page.getByRole('button', { name: 'Start a new survey' }).waitFor();
  await declineSurvey(page, { code: 'HAT-102' });

  const kept = (await everythingKept(page)).join('\n');
  assert.ok(kept.includes('"sealed"'), 'the sealed entries are stored');
  for (const text of freeTexts(answers)) {
    assert.ok(!kept.includes(text) && !kept.includes(JSON.stringify(text).slice(1, -1)), `kept on the tablet: ${text}`);
  }
  assert.ok(!kept.includes('HAT-101'), 'the participant code is sealed too');

  await page.getByRole('button', { name: 'Researcher area' }).click();
  await unlock(page);
  const downloaded = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await page.getByRole('status').filter({ hasText: /Exported 2 responses/ }).waitFor();
  const download = await downloaded;
  const path = await download.path();
  const file = { name: download.suggestedFilename(), text: await readFile(path, 'utf8') };
  for (const text of freeTexts(answers)) assert.ok(!file.text.includes(text), `in the export: ${text}`);
  const json = JSON.parse(file.text);
  assert.equal(json.format_version, 3);
  assert.equal(json.manifest.research_key.fingerprint, fingerprint);
  assert.deepEqual(json.manifest.records.map((r) => r.sequence), [1, 2]);
  assert.equal(json.manifest.highest_sequence, 2);
  assert.deepEqual(json.records.map((r) => r.header.status).sort(), ['complete', 'declined_consent']);
  const { ok, bad } = await verifySignature(file);
  assert.ok(ok, 'the signature verifies with the tablet key the manifest names');
  assert.ok(!bad, 'a changed manifest does not verify');

  const opened = await openSealed(path);
  assert.equal(opened.length, 2);
  const complete = opened.find((r) => r.participant_code === 'HAT-101');
  assert.ok(complete, JSON.stringify(opened.map((r) => r.participant_code)));
  assert.equal(complete.answers.g1_best_thing, UNIQUE);
  for (const [variable, [, expected]] of Object.entries(answers)) {
    if ('text' in expected) assert.equal(complete.answers[variable], expected.text, variable);
    if ('code' in expected) assert.equal(complete.answers[variable], expected.code, variable);
  }
  assert.equal(opened.find((r) => r.participant_code === 'HAT-102').status, 'declined_consent');

  // The export picked back in shows both safe elsewhere: deleted.
  await page.getByRole('button', { name: 'Delete exported responses' }).click();
  await page.getByLabel('Export files or workbench receipts').setInputFiles(path);
  await page.getByText('2 responses are safe elsewhere. Delete them from this tablet for good?').waitFor();
  await page.getByRole('button', { name: 'Delete 2 responses that are safe elsewhere' }).click();
  await page.getByRole('status').filter({ hasText: 'Deleted 2 responses that are safe elsewhere.' }).waitFor();
  assert.deepEqual(page.problems, []);
  await page.close();
});
