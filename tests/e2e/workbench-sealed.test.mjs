// The workbench and sealed responses, end to end, as a researcher uses them:
// a research key is created (passphrase checked in words, both files
// downloaded, the fingerprint shown, then opened with its passphrase); a
// signed export sealed to a fixture key is opened without the key (its
// sealed records counted and said to need it), then with it (a wrong
// passphrase refused in words; the answers recovered exactly, the unique
// free-text answer in the CSV downloaded, every file byte for byte what the
// command-line tool writes with the same key); a record cut out of the file
// is reported as a gap and an edited one as altered; another key is named
// with both fingerprints. Nothing of the answers or the key is stored by
// the browser. Axe finds nothing; the keyboard does it all.
//
// The fixtures are made natively (crates/cli/tests/sealed.rs), their key
// files with a low Argon2id cost; the passphrase is in passphrase.txt.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { axe, foreignRequests, openWorkbench, start } from './harness.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const FIXTURES = join(ROOT, 'tests', 'fixtures', 'sealing', 'workbench');
const fixture = (name) => join(FIXTURES, name);
const UNIQUE_ANSWER = 'A quiet room to wait in, please (sealed-e2e-7731)';
// Argon2id at its recommended cost (64 MiB, 3 passes) in the page's
// WebAssembly: seconds, more on a loaded machine. A condition, not a sleep.
const KDF = { timeout: 120_000 };

let env;
let passphrase;
before(async () => {
  env = await start();
  passphrase = (await readFile(fixture('passphrase.txt'), 'utf8')).split('\n')[0];
});
after(async () => { await env?.stop(); });

/** The text of every download the page makes, by file name. */
function collectDownloads(page) {
  const downloads = {};
  const pending = [];
  page.on('download', (d) => pending.push((async () => { downloads[d.suggestedFilename()] = await readFile(await d.path()); })()));
  return { downloads, settled: () => Promise.all(pending) };
}

/** What the browser stores for this origin: local and session storage, and IndexedDB. */
async function stored(page) {
  return page.evaluate(async () => ({
    local: localStorage.length,
    session: sessionStorage.length,
    databases: (await indexedDB.databases()).map((d) => d.name),
  }));
}

/** Picks a key file and types its passphrase with the keyboard. */
async function openKey(page, file, words) {
  await page.getByLabel('Research key file').setInputFiles(file);
  const field = page.getByLabel('Passphrase of the key file', { exact: true });
  await field.fill('');
  await field.focus();
  await page.keyboard.type(words);
  await page.keyboard.press('Enter');
}

const verification = (page) => page.getByRole('region', { name: 'What verification found' });

test('a research key is created: passphrase checked in words, both files downloaded, the fingerprint shown, and the key opens', async () => {
  const page = await openWorkbench(env);
  const { downloads, settled } = collectDownloads(page);
  const create = page.getByRole('region', { name: 'Create a research key' });
  const status = create.getByRole('status').first();
  const fill = async (first, second) => {
    await create.getByLabel('New passphrase', { exact: true }).fill(first);
    await create.getByLabel('The same passphrase again', { exact: true }).fill(second);
    await create.getByRole('button', { name: 'Create the research key' }).click();
  };
  await fill('short', 'short');
  await status.filter({ hasText: 'The passphrase must have at least 12 characters.' }).waitFor();
  await fill('a long enough passphrase', 'a long enough passphrase!');
  await status.filter({ hasText: 'The two passphrases are not the same.' }).waitFor();

  // By keyboard: typed, then Enter submits; the page says it is working.
  const words = 'seven quiet rivers under the moon';
  await create.getByLabel('New passphrase', { exact: true }).fill('');
  await create.getByLabel('The same passphrase again', { exact: true }).fill('');
  await create.getByLabel('New passphrase', { exact: true }).focus();
  await page.keyboard.type(words);
  await page.keyboard.press('Tab');
  await page.keyboard.type(words);
  await page.keyboard.press('Enter');
  await status.filter({ hasText: /Making the research key|The research key is made/ }).waitFor();
  await status.filter({ hasText: 'The research key is made.' }).waitFor(KDF);
  const fingerprint = await create.locator('.fingerprint').textContent();
  assert.match(fingerprint, /^[A-Z2-7]{4} [A-Z2-7]{4} [A-Z2-7]{4} [A-Z2-7]{4}$/);
  await create.getByText(`check, by phone or in person, that it is ${fingerprint}`).waitFor();
  await create.getByText(/Losing either one means nobody, not even you, can open the sealed responses/).waitFor();
  assert.deepEqual(await axe(page), [], 'axe with the new key');

  await create.getByRole('button', { name: 'Download the private key file' }).focus();
  await page.keyboard.press('Enter');
  await create.getByRole('status').filter({ hasText: /Saved candour-research-key-/ }).waitFor();
  await create.getByRole('button', { name: 'Download the tablet setup file' }).focus();
  await page.keyboard.press('Enter');
  await create.getByRole('status').filter({ hasText: /Saved candour-tablet-setup-/ }).waitFor();
  await settled();
  const compact = fingerprint.replaceAll(' ', '');
  const keyName = `candour-research-key-${compact}.json`;
  const setupName = `candour-tablet-setup-${compact}.json`;
  assert.deepEqual(Object.keys(downloads).sort(), [keyName, setupName]);
  const keyFile = JSON.parse(downloads[keyName].toString('utf8'));
  const setup = JSON.parse(downloads[setupName].toString('utf8'));
  assert.equal(keyFile.format, 'candour-research-key');
  assert.equal(keyFile.fingerprint, fingerprint);
  assert.equal(keyFile.kdf.memory_kib, 65536, 'the recommended Argon2id cost');
  assert.ok(!downloads[keyName].toString('utf8').includes(words), 'the passphrase is not in the file');
  assert.equal(setup.format, 'candour-tablet-setup');
  assert.equal(setup.research_key.fingerprint, fingerprint);
  assert.equal(setup.research_key.public_key, keyFile.public_key);
  assert.equal(setup.research_key.private_key, undefined);

  // The downloaded key file opens with its passphrase; its fingerprint is
  // shown before the passphrase is asked for.
  const dir = await mkdtemp(join(tmpdir(), 'candour-key-'));
  try {
    const { writeFile } = await import('node:fs/promises');
    await writeFile(join(dir, keyName), downloads[keyName]);
    await page.getByLabel('Research key file').setInputFiles(join(dir, keyName));
    const use = page.getByRole('region', { name: 'Use the research key' });
    assert.equal(await use.locator('.fingerprint').textContent(), fingerprint);
    await openKey(page, join(dir, keyName), words);
    await use.getByRole('status').filter({ hasText: `The research key ${fingerprint} is open.` }).waitFor(KDF);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  assert.deepEqual(await stored(page), { local: 0, session: 0, databases: [] }, 'nothing stored by the browser');
  assert.deepEqual(foreignRequests(env, page.requests), []);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a sealed, signed export: counted without the key, opened exactly with it, written as the CLI writes it; tampering, gaps and a wrong key said in words', async () => {
  const page = await openWorkbench(env);
  const keyText = JSON.parse(await readFile(fixture('research-key.json'), 'utf8'));
  const otherText = JSON.parse(await readFile(fixture('other-key.json'), 'utf8'));
  const use = page.getByRole('region', { name: 'Use the research key' });

  // Without the key: signed and verified, the sealed records counted.
  await page.getByLabel('Export files (JSON)').setInputFiles(fixture('sealed-clinic-a.json'));
  const files = page.getByRole('list', { name: 'Files', exact: true });
  await files.getByText('Signed by the tablet "Clinic A, tablet 2"').waitFor();
  assert.match(await files.textContent(), /the signature is valid\. Records read: 0 of 4\./);
  await verification(page).getByText('4 records in the file "sealed-clinic-a.json" are sealed; open the research key file to read them.').waitFor();

  // The key file's fingerprint first; a wrong passphrase refused in words.
  await page.getByLabel('Research key file').setInputFiles(fixture('research-key.json'));
  assert.equal(await use.locator('.fingerprint').textContent(), keyText.fingerprint);
  await openKey(page, fixture('research-key.json'), 'not the passphrase at all');
  await use.getByRole('status').filter({ hasText: 'The passphrase does not open this key file.' }).waitFor(KDF);
  assert.deepEqual(await axe(page), [], 'axe with a refused passphrase');

  // The right one: the open file is read again with the key.
  await openKey(page, fixture('research-key.json'), passphrase);
  await use.getByRole('status').filter({ hasText: `The research key ${keyText.fingerprint} is open.` }).waitFor(KDF);
  await page.getByText('Files combined: 1. Files refused: 0. Responses in the combined data: 4.').waitFor();
  await verification(page).getByText(/^Complete and unaltered: every file is signed/).waitFor();
  assert.match(await files.textContent(), /Records read: 4 of 4\./);
  assert.deepEqual(await axe(page), [], 'axe with the verdict');

  // Every file downloaded; the unique answer in the CSV; byte for byte the CLI's.
  const { downloads, settled } = collectDownloads(page);
  await page.getByRole('button', { name: 'Download every file' }).click();
  await page.getByRole('status').filter({ hasText: 'Saved 8 files.' }).waitFor();
  await settled();
  const names = Object.keys(downloads).sort();
  const wide = downloads[names.find((n) => n.endsWith('.wide.csv'))].toString('utf8');
  assert.ok(wide.includes(UNIQUE_ANSWER), 'the free-text answer, recovered exactly');
  execFileSync('cargo', ['build', '--quiet', '--locked', '-p', 'candour-cli'], { cwd: ROOT, stdio: 'inherit' });
  const out = await mkdtemp(join(tmpdir(), 'candour-cli-sealed-'));
  try {
    execFileSync(join(ROOT, 'target', 'debug', 'candour-cli'), [
      'write', fixture('sealed-clinic-a.json'), '--out', out,
      '--key', fixture('research-key.json'), '--passphrase-file', fixture('passphrase.txt'),
    ], { stdio: 'pipe' });
    const cli = (await readdir(out)).sort();
    assert.deepEqual(cli, names, 'the same files');
    for (const name of cli) {
      assert.ok((await readFile(join(out, name))).equals(downloads[name]), `${name}: byte for byte the same`);
    }
  } finally {
    await rm(out, { recursive: true, force: true });
  }

  // A record cut out of the file is a gap; an edited one is altered.
  await page.getByRole('button', { name: 'Remove every file' }).click();
  await page.getByText('No file is open yet.').waitFor();
  await page.getByLabel('Export files (JSON)').setInputFiles(fixture('tampered-clinic-a.json'));
  const found = verification(page);
  await found.getByText('Problems found: 3.', { exact: false }).waitFor();
  await found.getByText(/^Record 2 of Clinic A, tablet 2 \(id sealed-1\) was removed from the file "tampered-clinic-a\.json" after export\.$/).waitFor();
  await found.getByText('Record 2 of Clinic A, tablet 2 is in none of the files opened.').waitFor();
  await found.getByText(/^Record 3 of Clinic A, tablet 2 \(id sealed-2\) was altered in the file "tampered-clinic-a\.json": it is not what the tablet signed, so it is not used\.$/).waitFor();
  await page.getByText('Files combined: 1. Files refused: 0. Responses in the combined data: 2.').waitFor();
  assert.deepEqual(await axe(page), [], 'axe with the findings');

  // Another key: both fingerprints named.
  await page.getByRole('button', { name: 'Remove every file' }).click();
  await page.getByText('No file is open yet.').waitFor();
  await page.getByLabel('Export files (JSON)').setInputFiles(fixture('sealed-clinic-a.json'));
  await verification(page).getByText(/^Complete and unaltered/).waitFor();
  await openKey(page, fixture('other-key.json'), passphrase);
  await use.getByRole('status').filter({ hasText: `The research key ${otherText.fingerprint} is open.` }).waitFor(KDF);
  await verification(page).getByText(
    `4 records from Clinic A, tablet 2 in the file "sealed-clinic-a.json" are sealed to the research key ${keyText.fingerprint}, but the key file opened is ${otherText.fingerprint}.`,
    { exact: false },
  ).waitFor();

  assert.deepEqual(await stored(page), { local: 0, session: 0, databases: [] }, 'no answer and no key stored by the browser');
  assert.deepEqual(foreignRequests(env, page.requests), []);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
