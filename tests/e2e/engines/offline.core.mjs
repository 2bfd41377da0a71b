// Offline after the first load, in this engine, for real: the app's own
// service worker stores the build; then the origin goes off the network
// (every connection to it is reset) and the app must start, run a whole
// survey, store it, and open the staff area and export, from what it stored.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inside, label, role, text } from './driver.mjs';
import { storedRecords } from '../survey.mjs';
import { answerAll, send, startAndConsent } from './participant.mjs';
import { named, useEngine } from './setup.mjs';

const env = useEngine();

/** Waits until the service worker has stored this build and controls the
 * page; returns its cache names and the build the page runs. */
function storedForOffline(page) {
  return page.waitUntil(async () => {
    if (navigator.serviceWorker?.controller?.state !== 'activated') return null;
    const build = document.querySelector('meta[name="candour-build"]')?.content;
    const names = await caches.keys();
    return names.includes(`candour-${build}`) ? { names, build } : null;
  });
}

test(named('offline after the first load: the app starts, a whole survey is stored, and the staff area exports'), async (t) => {
  const page = await env.open(t);
  const { names, build } = await storedForOffline(page);
  assert.deepEqual(names, [`candour-${build}`], 'one cache: this build');

  page.setOffline(true);
  const served = env.origin.requests.length;
  await page.reload();
  await page.waitFor(role('button', 'Start a new survey'));
  assert.equal(await page.evaluate(() => navigator.serviceWorker.controller?.state), 'activated');
  await page.screenshot('offline-start');

  await startAndConsent(page);
  const given = await answerAll(page);
  await send(page);
  const records = await storedRecords(page);
  assert.equal(records.length, 1);
  assert.equal(records[0].status, 'complete');
  assert.equal(Object.keys(records[0].paradata).length, given.size);

  // The staff area is a page of its own: it too comes from the stored build.
  await page.click(role('button', 'Researcher area'));
  await page.fill(label('New PIN'), '402718');
  await page.fill(label('Type the PIN again'), '402718');
  await page.click(role('button', 'Set PIN'));
  // The recovery code is shown once, before the dashboard.
  await page.waitFor(role('heading', 'Write down the recovery code'));
  await page.click(role('button', 'I have written it down'));
  await page.waitFor(role('heading', 'Responses on this tablet'));
  await page.catchHandOver();
  await page.click(role('button', 'Export', { exact: true }));
  await page.waitFor(inside(role('status'), text(/Exported 1 responses to the file candour_.*\.json\./)));
  const [file] = await page.handedOver();
  assert.equal(JSON.parse(file.text).records[0].id, records[0].id);

  assert.equal(env.origin.requests.length, served, `nothing was answered by the network: ${env.origin.requests.slice(served).join(', ')}`);
  // What the engine still tried to fetch: only checks of the worker script
  // for an update, never a file of the app.
  const tried = [...new Set(env.origin.dropped)];
  t.diagnostic(`asked of the network while offline (${env.origin.dropped.length} requests): ${tried.join(', ') || 'nothing'}`);
  assert.deepEqual(tried.filter((path) => !path.endsWith('/sw.js')), [], 'files the app needed from the network');
  page.setOffline(false);
});

test(named('offline, a page that is not stored says so in words'), async (t) => {
  const page = await env.open(t);
  await storedForOffline(page);
  page.setOffline(true);
  const reply = await page.evaluate(async () => {
    const response = await fetch('not-in-the-build.txt');
    return { status: response.status, text: await response.text() };
  });
  assert.equal(reply.status, 503);
  assert.match(reply.text, /not stored on this tablet and there is no network connection/);
  page.setOffline(false);
});
