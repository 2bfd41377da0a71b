// A new build replaces the stored one cleanly: it takes over only once it is
// stored whole, never in the middle of someone's use, and the draft and
// responses in the browser's storage survive it. A half-uploaded build never
// replaces the working one.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildOf, openApp, startServing, waitForOffline } from './harness.mjs';
import { cleanUp, copyOfRelease, deploy, makeAnotherBuild, tempDir } from './builds.mjs';
import { precache } from '../../scripts/precache.mjs';

const DRAFT_KEY = 'candour:v1:draft';
const DRAFT = JSON.stringify({ stands: 'for a draft in progress', answers: { q1: 3 } });

let env;
let served; // the folder the server serves: tests deploy builds into it
const a = {}; // build A: the release build as it is
const b = {}; // build B: the same with a changed stylesheet

before(async () => {
  a.dir = await copyOfRelease('a');
  a.build = (await precache(a.dir)).build;
  b.dir = await copyOfRelease('b');
  b.build = await makeAnotherBuild(b.dir, 'build B');
  assert.notEqual(a.build, b.build);
  served = await tempDir('served');
  env = await startServing(served);
});
after(async () => {
  await env?.stop();
  await cleanUp();
});

/** Serves build A, opens it, waits until it is stored, and leaves a draft. */
async function openBuildA() {
  await deploy(a.dir, served);
  const page = await openApp(env);
  page.consoleLines = [];
  page.on('console', (m) => page.consoleLines.push(m.text()));
  assert.deepEqual(await waitForOffline(page), [`candour-${a.build}`]);
  assert.equal(await buildOf(page), a.build);
  await page.evaluate(([key, value]) => localStorage.setItem(key, value), [DRAFT_KEY, DRAFT]);
  return page;
}

/** Waits until the page runs build `build`, across the reload that brings it.
 * Taking over is two whole loads of the app and a worker's activation in
 * between, so it is given 30 s, not the 10 s of one step. */
async function waitForBuild(page, build) {
  try {
    await page.locator(`meta[name="candour-build"][content="${build}"]`).waitFor({ state: 'attached', timeout: 30_000 });
  } catch (error) {
    // Say where the switch stopped, for whoever reads the failure.
    const state = await page.evaluate(async () => {
      const r = await navigator.serviceWorker.getRegistration();
      const w = (worker) => worker && `${worker.state}`;
      return {
        page: document.querySelector('meta[name="candour-build"]')?.content,
        offline: document.documentElement.dataset.candourOffline,
        controlled: Boolean(navigator.serviceWorker.controller),
        active: w(r?.active), waiting: w(r?.waiting), installing: w(r?.installing),
        caches: await caches.keys(),
      };
    }).catch((e) => `unavailable: ${e.message}`);
    error.message += `\nwhere the switch stopped: ${JSON.stringify(state)}\nconsole: ${JSON.stringify(page.consoleLines ?? [])}`;
    throw error;
  }
  await page.getByRole('button', { name: 'Start a new survey' }).waitFor();
}

/** Checks what every update must leave behind: the draft, one cache, no error. */
async function assertIntact(page, build) {
  assert.equal(await page.evaluate((key) => localStorage.getItem(key), DRAFT_KEY), DRAFT, 'the draft');
  assert.deepEqual(await waitForOffline(page), [`candour-${build}`], 'the stored builds');
  // A request cut short by the switch's own reload is not a failure.
  assert.deepEqual(page.failures.filter((f) => !f.endsWith('net::ERR_ABORTED')), [], 'failed requests');
  assert.deepEqual(page.problems, []);
}

/**
 * Asks the browser to look for a new build now (as it does on each load) and
 * waits for the outcome: 'installed' (stored whole, waiting to take over) or
 * 'redundant' (refused). Also reports whether the page asked the new worker
 * to take over, which it must not do while someone is using it.
 */
function checkForUpdate(page) {
  return page.evaluate(async () => {
    const asked = [];
    const post = ServiceWorker.prototype.postMessage;
    ServiceWorker.prototype.postMessage = function (message) {
      asked.push(message?.type);
      return post.apply(this, arguments);
    };
    const registration = await navigator.serviceWorker.getRegistration();
    await registration.update().catch(() => {});
    const worker = registration.installing ?? registration.waiting;
    if (!worker) return { state: 'no update', asked };
    const settled = () => worker.state !== 'installing';
    if (!settled()) await new Promise((ok) => worker.addEventListener('statechange', () => settled() && ok()));
    // One more task, so that every listener of that state change (the page's
    // own register-sw.js among them) has run before we look.
    await new Promise((ok) => setTimeout(ok));
    return { state: worker.state, asked };
  });
}

test('a new build takes over on the next reload, and the draft survives', async () => {
  const page = await openBuildA();
  await deploy(b.dir, served);
  await page.reload();
  await waitForBuild(page, b.build);
  await assertIntact(page, b.build);

  // B is stored whole: it starts with the network off.
  await page.context().setOffline(true);
  await page.reload();
  await waitForBuild(page, b.build);
  await assertIntact(page, b.build);
  await page.close();
});

test('a new build never takes over while someone is using the app', async () => {
  const page = await openBuildA();
  await page.mouse.click(2, 2); // someone touches the screen
  await page.evaluate(() => { window.candourTestStillHere = true; });
  await deploy(b.dir, served);

  const { state, asked } = await checkForUpdate(page);
  assert.equal(state, 'installed', 'B is stored and waits');
  assert.deepEqual(asked, [], 'the page did not ask B to take over');
  assert.equal(await buildOf(page), a.build);
  assert.equal(await page.evaluate(() => window.candourTestStillHere), true, 'no reload happened');

  // The app says it is back at rest (e.g. at the start screen after a
  // survey): B takes over then, with one reload.
  await page.evaluate(() => dispatchEvent(new Event('candour:at-rest')));
  await waitForBuild(page, b.build);
  await assertIntact(page, b.build);
  await page.close();
});

test('a waiting build takes over when the app is next loaded', async () => {
  const page = await openBuildA();
  await page.mouse.click(2, 2);
  await deploy(b.dir, served);
  assert.equal((await checkForUpdate(page)).state, 'installed');
  await page.reload();
  await waitForBuild(page, b.build);
  await assertIntact(page, b.build);
  await page.close();
});

// The browser may activate a waiting build by itself (when the last page of
// the old build goes, which can fall in the middle of a reload), leaving a
// page of the old build under the new build's worker. That page must move
// into the build in control, but only once nobody is using it.
test('a build that takes control by itself brings the page along once it is at rest', async () => {
  const page = await openBuildA();
  await page.mouse.click(2, 2);
  await deploy(b.dir, served);
  assert.equal((await checkForUpdate(page)).state, 'installed');
  // As the browser would: the waiting worker activates without the page asking.
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    const changed = new Promise((ok) => navigator.serviceWorker.addEventListener('controllerchange', ok, { once: true }));
    registration.waiting.postMessage({ type: 'candour:activate' });
    await changed;
  });
  // In use: it stays as it is, with a participant's survey untouched.
  await page.waitForTimeout(500);
  assert.equal(await buildOf(page), a.build);
  await page.evaluate(() => dispatchEvent(new Event('candour:at-rest')));
  await waitForBuild(page, b.build);
  await assertIntact(page, b.build);
  await page.close();
});

test('a reload that bypasses the stored copy still says the offline copy is ready', async () => {
  const page = await openBuildA();
  // As shift-reload does: the page is loaded from the network, and no
  // worker controls it, but the stored build is still complete.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Page.reload', { ignoreCache: true });
  await page.waitForFunction(() => document.readyState === 'complete');
  assert.equal(await page.evaluate(() => navigator.serviceWorker.controller), null, 'not controlled');
  await page.waitForFunction(() => document.documentElement.dataset.candourOffline === 'ready');
  await page.getByText('Ready without network').waitFor();
  await page.close();
});

// A build uploaded file by file can be seen half done. The new worker must
// then refuse to install, and the tablet keep the whole build it has.
const HALF_DONE = {
  'only the new sw.js is there': () => ['sw.js'],
  'the new sw.js and files are there, but not the new index.html': async () => {
    const { readdir } = await import('node:fs/promises');
    return ['sw.js', ...(await readdir(b.dir)).filter((file) => file.endsWith('.css'))];
  },
};

for (const [name, files] of Object.entries(HALF_DONE)) {
  test(`a half-uploaded build is refused and the stored one kept: ${name}`, async () => {
    const page = await openBuildA();
    await deploy(b.dir, served, { only: await files() });

    assert.equal((await checkForUpdate(page)).state, 'redundant', 'B was refused');
    assert.deepEqual(await page.evaluate(() => caches.keys()), [`candour-${a.build}`]);
    // The refused worker's own downloads were cut short when it gave up: that
    // is the refusal itself, not a failure of the page.
    const cut = page.failures.splice(0);
    assert.ok(cut.every((failure) => failure.endsWith('net::ERR_ABORTED')), cut.join('\n'));

    // A still runs in full, even with no network (the worker console error
    // about the refused build is the worker's, not the page's).
    await page.context().setOffline(true);
    await page.reload();
    await waitForBuild(page, a.build);
    await assertIntact(page, a.build);
    await page.close();
  });
}
