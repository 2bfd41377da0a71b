// After one load, the app runs with no network at all, and it never sends a
// request anywhere but its own origin (the service worker's included).
import { after, before, test } from 'node:test';
import { FULL_PLAN, answerAll, startAndConsent, storedRecords } from './survey.mjs';
import assert from 'node:assert/strict';
import { buildOf, foreignRequests, openApp, screenshot, start, waitForOffline } from './harness.mjs';
import { setFirstPin } from './staff.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.stop(); });

const startButton = (page) => page.getByRole('button', { name: 'Start a new survey' });

/**
 * What a person does with the app once the network is gone. Each journey
 * begins on the start screen of an offline page and must fetch nothing from
 * the network: a journey on the participant's page makes no request at all
 * (everything it needs was loaded at start-up); one that opens another page
 * of the app (the staff area) gets every file of it from the stored build.
 * It fails nothing and logs no error.
 */
const JOURNEYS = {
  'stays on the start screen': async (page) => {
    await startButton(page).waitFor();
  },
  'runs a whole survey and stores the record': async (page) => {
    await startAndConsent(page);
    await answerAll(page, FULL_PLAN);
    await page.getByRole('button', { name: 'Send my answers' }).click();
    await page.getByRole('heading', { name: 'Thank you', level: 1 }).waitFor();
    const records = await storedRecords(page);
    assert.equal(records.at(-1).status, 'complete');
    await page.getByRole('button', { name: 'Close now' }).click();
    await startButton(page).waitFor();
  },
  'exports every stored response as files': async (page) => {
    await startAndConsent(page);
    await answerAll(page, FULL_PLAN);
    await page.getByRole('button', { name: 'Send my answers' }).click();
    await page.getByRole('button', { name: 'Close now' }).click();
    await page.getByRole('button', { name: 'Researcher area' }).click();
    await setFirstPin(page);
    const firstFile = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    await page.getByRole('status').filter({ hasText: /Exported \d+ responses to the file candour_.*\.json\./ }).waitFor();
    assert.match((await firstFile).suggestedFilename(), /^candour_.*\.json$/);
  },
};

/**
 * Loads the app once online, waits until it is stored for offline use, then
 * cuts the network and reloads. Returns the page, with `startUp`: how many
 * requests had been made when the offline start screen showed.
 */
async function openOffline() {
  const page = await openApp(env);
  const [cache] = await waitForOffline(page);
  assert.equal(cache, `candour-${await buildOf(page)}`, 'the worker stores this very build');
  await page.context().setOffline(true);
  const first = page.requests.length;
  const response = await page.reload();
  await startButton(page).waitFor();
  assert.ok(response.fromServiceWorker(), 'the page came from the service worker');
  page.offlineRequests = () => page.requests.slice(first);
  page.startUp = page.requests.length;
  return page;
}

test('with the network off after the first load, a reload still shows the start screen', async () => {
  const page = await openOffline();
  await screenshot(page, 'offline-start');
  assert.equal(await page.title(), 'Candour');
  assert.deepEqual(page.failures, [], 'failed requests');
  assert.deepEqual(page.problems, []);
  assert.ok(page.offlineRequests().length > 0, 'the reload requested the build');
  await page.close();
});

/** Journeys that open the staff area, a page of its own, stored like the rest. */
const OPENS_STAFF_PAGE = new Set(['exports every stored response as files']);

for (const [name, journey] of Object.entries(JOURNEYS)) {
  const what = OPENS_STAFF_PAGE.has(name) ? 'nothing but the stored build' : 'no request';
  test(`offline, the app ${name}, with ${what} after start-up`, async () => {
    const page = await openOffline();
    const fromNetwork = [];
    page.on('response', (r) => { if (!r.fromServiceWorker()) fromNetwork.push(r.url()); });
    await journey(page);
    if (OPENS_STAFF_PAGE.has(name)) {
      assert.deepEqual(fromNetwork, [], 'answered by the network, not the stored build');
      assert.ok(page.requests.slice(page.startUp).some((url) => url.endsWith('/staff.html')), 'the staff page');
    } else {
      assert.deepEqual(page.requests.slice(page.startUp), [], 'requests after start-up');
    }
    assert.deepEqual(page.failures, [], 'failed requests');
    assert.deepEqual(page.problems, []);
    await page.close();
  });
}

test('every request of a session, the service worker\'s included, stays on the origin', async () => {
  const page = await openOffline();
  for (const journey of Object.values(JOURNEYS)) await journey(page);
  assert.deepEqual(foreignRequests(env, page.requests), [], 'requests outside the app origin');
  // The worker itself downloaded the build: its requests are in the list too.
  assert.ok(page.requests.some((url) => url.endsWith('/icons/icon-maskable-512.png')));
  await page.close();
});

test('offline, every file the page asks for is answered from the stored build', async () => {
  const page = await openApp(env);
  await waitForOffline(page);
  await page.context().setOffline(true);
  const answered = [];
  page.on('response', (r) => answered.push({ url: r.url(), ok: r.ok(), stored: r.fromServiceWorker() }));
  await page.reload();
  await startButton(page).waitFor();
  // Files the page did not ask for at start-up still come from the store.
  const manifest = await page.evaluate(async () => (await fetch('/manifest.webmanifest')).json());
  assert.equal(manifest.name, 'Candour');
  const missing = answered.filter((r) => !r.ok || !r.stored);
  assert.deepEqual(missing, [], 'responses not from the stored build');
  assert.ok(answered.some((r) => r.url.endsWith('.wasm')), 'the wasm came from the store');
  await page.close();
});

test('offline, a file that is not part of the build fails with a message in words', async () => {
  const page = await openApp(env);
  await waitForOffline(page);
  await page.context().setOffline(true);
  const reply = await page.evaluate(async () => {
    const response = await fetch('/not-in-the-build.txt');
    return { status: response.status, text: await response.text() };
  });
  assert.equal(reply.status, 503);
  assert.match(reply.text, /not stored on this tablet and there is no network connection/);
  await page.close();
});
