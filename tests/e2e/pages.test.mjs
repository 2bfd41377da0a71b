// The tablet app is three pages, each with its own WebAssembly: the
// participant's (index.html), the staff area (staff.html) and the
// researcher's workbench (workbench.html). A participant's page loads only
// its own files: a complete survey never requests the staff area's or the
// workbench's (the service worker stores them in the background, once per
// build, so that they open offline; that is not the page asking).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, openWorkbench, start, waitForOffline } from './harness.mjs';
import { FULL_PLAN, answerAll, startAndConsent, storedRecords } from './survey.mjs';
import { setFirstPin } from './staff.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.stop(); });

/** Files of the staff area's and the workbench's own builds. */
const OTHER_PAGES = /\/(staff\.html|workbench\.html|candour-staff-[0-9a-f]+(_bg\.wasm|\.js)|candour-workbench-[0-9a-f]+(_bg\.wasm|\.js)|workbench-[0-9a-f]+\.css|researcher-[0-9a-f]+\.css)$/;

test('a complete survey never requests the staff area\'s or the workbench\'s files', async () => {
  const page = await openApp(env);
  // Only what the page itself asks for: the worker's background storing
  // of the whole build is reported on the context, not here.
  const own = [];
  page.on('request', (r) => own.push(r.url()));
  await waitForOffline(page);
  await startAndConsent(page);
  await answerAll(page, FULL_PLAN);
  await page.getByRole('button', { name: 'Send my answers' }).click();
  await page.getByRole('heading', { name: 'Thank you', level: 1 }).waitFor();
  assert.equal((await storedRecords(page)).at(-1).status, 'complete');
  await page.getByRole('button', { name: 'Close now' }).click();
  await page.getByRole('button', { name: 'Start a new survey' }).waitFor();

  assert.deepEqual(own.filter((url) => OTHER_PAGES.test(url)), [], 'requests of the page during the survey');
  const pageLoad = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
  assert.deepEqual(pageLoad.filter((url) => OTHER_PAGES.test(url)), [], 'files the page loaded');
  assert.ok(pageLoad.some((url) => /candour-tablet-[0-9a-f]+_bg\.wasm$/.test(url)), 'its own wasm');
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('the staff area is a page of its own: its button opens it, and leaving it locks it', async () => {
  const page = await openApp(env);
  await page.getByRole('button', { name: 'Researcher area' }).click();
  await page.waitForURL(/\/staff\.html$/);
  await page.getByLabel('New PIN').waitFor();
  const pageLoad = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
  assert.ok(pageLoad.some((url) => /candour-staff-[0-9a-f]+_bg\.wasm$/.test(url)), 'its own wasm');
  assert.ok(!pageLoad.some((url) => /candour-(tablet|workbench)-/.test(url)), 'no other page\'s code');
  await setFirstPin(page);
  await page.getByRole('button', { name: 'Lock and leave' }).click();
  await page.getByRole('button', { name: 'Start a new survey' }).waitFor();
  assert.doesNotMatch(page.url(), /staff\.html/);
  // Back to the staff page: the PIN is asked for again.
  await page.goBack();
  await page.getByLabel('PIN', { exact: true }).waitFor();
  assert.equal(await page.getByRole('heading', { name: 'Responses on this tablet' }).count(), 0);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('the workbench page loads only its own code', async () => {
  const page = await openWorkbench(env);
  const pageLoad = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
  assert.ok(pageLoad.some((url) => /candour-workbench-[0-9a-f]+_bg\.wasm$/.test(url)), 'its own wasm');
  assert.ok(!pageLoad.some((url) => /candour-(tablet|staff)-/.test(url)), 'no tablet code');
  assert.deepEqual(page.problems, []);
  await page.close();
});
