// The staff area in this engine: a PIN set on first use, a wrong PIN refused in
// words, the right one unlocking; the export holding exactly the answers given;
// the file the browser saves; the workbench (in a second window) opening that
// export; and what the area says about this engine's storage and voices.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inside, label, role, text } from './driver.mjs';
import { answerAll, exportedValue, send, startAndConsent } from './participant.mjs';
import { named, useEngine } from './setup.mjs';

const env = useEngine();
const PIN = '402718';
const DASHBOARD = role('heading', 'Responses on this tablet');

/** From the start screen, sets the first PIN; arrives unlocked. */
async function setPin(page) {
  await page.click(role('button', 'Researcher area'));
  await page.waitFor(role('heading', 'Set a researcher PIN'));
  await page.fill(label('New PIN'), PIN);
  await page.fill(label('Type the PIN again'), PIN);
  await page.click(role('button', 'Set PIN'));
  // The recovery code is shown once, before the dashboard.
  await page.waitFor(role('heading', 'Write down the recovery code'));
  await page.click(role('button', 'I have written it down'));
  await page.waitFor(DASHBOARD);
}

/** What the dashboard must say about eviction, given what the engine says. */
const PERSISTENCE = {
  true: 'The browser has promised to keep these responses',
  false: 'The browser has not promised to keep these responses',
  null: 'This browser does not say whether it will keep these responses',
};

test(named('the staff area: PIN, wrong PIN, export of exactly the answers given, opened by the workbench'), async (t) => {
  const page = await env.open(t);
  await startAndConsent(page);
  const given = await answerAll(page);
  await send(page);

  await setPin(page);
  await page.click(role('button', 'Lock and leave'));
  await page.click(role('button', 'Researcher area'));
  await page.fill(label('PIN', { exact: true }), '999999');
  await page.click(role('button', 'Unlock'));
  await page.waitFor(inside(role('alert'), text('That PIN is not right. 4 more tries before a pause.')));
  assert.equal(await page.count(DASHBOARD), 0, 'a wrong PIN shows nothing of the area');
  await page.fill(label('PIN', { exact: true }), PIN);
  await page.click(role('button', 'Unlock'));
  await page.waitFor(DASHBOARD);

  // Eviction: the area says in words what this engine promised.
  const persisted = await page.evaluate(async () => (navigator.storage?.persisted ? navigator.storage.persisted() : null));
  await page.waitFor(text(PERSISTENCE[persisted]));
  t.diagnostic(`storage persisted: ${persisted}`);

  await page.catchHandOver();
  await page.click(role('button', 'Export', { exact: true }));
  const done = await page.text(inside(role('status'), text(/Exported 1 responses to the file candour_.*\.json\./)));
  const name = /the file (candour_.*\.json)\./.exec(done)[1];
  const [handed] = await page.handedOver();
  assert.equal(handed.name, name, 'the file the app handed over');
  // The file the browser saved is the one the app handed over.
  const file = await page.downloaded(new RegExp(`^${name.replace(/\./g, '\\.')}$`));
  assert.equal(file.text, handed.text, 'the saved download is the file the app handed over');
  await page.screenshot('staff-exported');

  const json = JSON.parse(file.text);
  assert.equal(json.format, 'candour-export');
  assert.equal(json.record_count, 1);
  const [record] = json.records;
  assert.equal(record.status, 'complete');
  for (const [variable, answer] of given) assert.deepEqual(record.answers[variable], exportedValue(answer), variable);

  // The researcher opens that very file in the workbench.
  const folder = await mkdtemp(join(tmpdir(), 'candour-engine-export-'));
  t.after(() => rm(folder, { recursive: true, force: true }));
  await writeFile(join(folder, name), file.text);
  const bench = await page.openWindow('/workbench.html');
  await bench.waitFor(role('heading', 'Candour workbench', { level: 1 }));
  await bench.upload(inside(role('region', 'Open export files'), label('Export files (JSON)')), [join(folder, name)]);
  await bench.waitFor(inside(role('status'), text('Files combined: 1. Files refused: 0. Responses in the combined data: 1.', { exact: true })));
  const listed = await bench.text(inside(role('list', 'Files', { exact: true }), role('listitem')));
  assert.ok(listed.startsWith(`${name}: accepted. `), listed);
  assert.match(listed, /Responses: 1 complete, 0 partial, 0 declined\./);
});

test(named('reading aloud: the area offers the tablet\'s own voices, or says in words that it has none'), async (t) => {
  const page = await env.open(t);
  await setPin(page);
  // The browser may list its voices late: wait until what the area shows
  // agrees with what the engine offers at that moment.
  const seen = await page.waitUntil(() => {
    const local = (window.speechSynthesis?.getVoices() ?? []).filter((v) => v.localService);
    const noVoice = document.getElementById('reading-no-voice');
    const select = document.getElementById('reading-voice');
    if (noVoice && local.length === 0) return { local: 0, all: window.speechSynthesis?.getVoices().length ?? null };
    if (select && local.length > 0 && select.options.length === local.length + 1) return { local: local.length };
    return null;
  });
  t.diagnostic(`voices of its own: ${seen.local}${seen.all !== undefined ? ` (all voices: ${seen.all})` : ''}`);
  if (seen.local === 0) await page.waitFor(text('This tablet has no voice of its own for reading aloud'));
  await page.click(role('button', 'Lock and leave'));
  await startAndConsent(page);
  assert.equal(await page.count(role('button', 'Read aloud')), seen.local === 0 ? 0 : 1,
    'a Read aloud button only where the tablet has a voice of its own');
});
