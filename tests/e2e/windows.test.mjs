// One survey window at a time, with two real windows of one browser (the
// same storage): the second says in words that Candour is already open,
// writes nothing, and no draft is ever resumed by two windows. Once the
// first window is closed (or crashes), the second takes over by itself.
// Run with the Web Locks API, and again without it (as in Safari before
// 15.4), where a lease in localStorage stands in.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, screenshot, start } from './harness.mjs';
import {
  FULL_PLAN, answerAll, currentVariable, databaseRecords, give, next, startAndConsent, storedDraft,
  waitForDatabaseRecords,
} from './survey.mjs';
import { PIN, openArea, setFirstPin, unlock } from './staff.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.stop(); });

const BUSY = 'Candour is already open in another window or tab on this tablet.';

/** Everything the app keeps on the device: localStorage, and every table of
 * its database, raw. */
function everythingStored(page) {
  return page.evaluate(async () => {
    const local = Object.fromEntries(Object.keys(localStorage).sort().map((k) => [k, localStorage.getItem(k)]));
    const db = await new Promise((ok) => { const o = indexedDB.open('candour'); o.onsuccess = () => ok(o.result); });
    const tables = {};
    for (const name of db.objectStoreNames) {
      tables[name] = await new Promise((ok) => {
        const store = db.transaction(name).objectStore(name);
        const keys = store.getAllKeys();
        const values = store.getAll();
        values.onsuccess = () => ok(keys.result.map((k, i) => [k, values.result[i]]));
      });
    }
    db.close();
    return { local, tables };
  });
}

/** A second window of the same browser (same storage) at the app. */
async function secondWindow(first) {
  const page = await first.context().newPage();
  page.problems = [];
  page.on('pageerror', (e) => page.problems.push(`page error: ${e.message}`));
  await page.goto(env.origin + '/');
  return page;
}

/** Answers the first two questions in `page`, leaving it on the third. */
async function partWay(page) {
  await startAndConsent(page);
  for (const variable of ['a1_works', 'a2_keep_coming']) {
    await give(page, FULL_PLAN[variable][0]);
    await next(page);
  }
  assert.equal(await currentVariable(page), 'a3_avoid_street');
}

for (const withoutWebLocks of [false, true]) {
  const how = withoutWebLocks ? 'without Web Locks (a lease in localStorage)' : 'with Web Locks';

  test(`a second window says Candour is open, writes nothing, and takes over only once the first is closed, ${how}`, async () => {
    const first = await openApp(env);
    if (withoutWebLocks) {
      await first.context().addInitScript(() => {
        Object.defineProperty(Navigator.prototype, 'locks', { get: () => undefined, configurable: true });
      });
      await first.reload();
      await first.getByRole('button', { name: 'Start a new survey' }).waitFor();
      assert.equal(await first.evaluate(() => navigator.locks), undefined);
    }
    await partWay(first);
    const stored = await everythingStored(first);

    const second = await secondWindow(first);
    await second.getByRole('heading', { name: 'Candour is already open', level: 1 }).waitFor();
    await second.getByRole('alert').filter({ hasText: BUSY }).waitFor();
    await screenshot(second, `second-window${withoutWebLocks ? '-lease' : ''}`);
    assert.equal(await second.getByRole('button', { name: 'Start a new survey' }).count(), 0);
    assert.equal(await second.getByRole('heading', { name: /How sure/ }).count(), 0, 'the draft is not shown here');
    // The first window goes on; its draft was never touched by the second.
    const after = await everythingStored(first);
    let firstHolder;
    if (withoutWebLocks) {
      // Only the first window's own lease was renewed meanwhile.
      const lease = (o) => JSON.parse(o.local['candour:window:candour-survey']).holder;
      assert.equal(lease(after), lease(stored));
      firstHolder = lease(stored);
      delete after.local['candour:window:candour-survey'];
      delete stored.local['candour:window:candour-survey'];
    }
    assert.deepEqual(after, stored, 'the second window wrote nothing');
    if (withoutWebLocks) {
      // The first window is closed mid-survey: the second takes the lease
      // over by itself and carries on the same survey, alone.
      await first.close();
      await second.waitForFunction(() => document.querySelector('h1')?.id === 'q-a3_avoid_street', null, { timeout: 20_000 });
      const draft = await storedDraft(second);
      assert.deepEqual(draft.answers.a2_keep_coming, FULL_PLAN.a2_keep_coming[1]);
      const lease = await second.evaluate(() => JSON.parse(localStorage.getItem('candour:window:candour-survey')));
      assert.ok(firstHolder);
      assert.notEqual(lease.holder, firstHolder, 'the lease is now the second window\'s');
    } else {
      // The first window finishes its survey: one record, complete. It is
      // brought to the front first, as a person would: a window behind
      // another has its timers slowed by the browser (minutes, not seconds).
      await first.bringToFront();
      await answerAll(first, FULL_PLAN);
      await first.getByRole('button', { name: 'Send my answers' }).click();
      await first.getByRole('heading', { name: 'Thank you', level: 1 }).waitFor();
      const [record, ...more] = await waitForDatabaseRecords(first, 1);
      assert.deepEqual(more, []);
      assert.equal(record.status, 'complete');
      assert.deepEqual(record.answers.a1_works, FULL_PLAN.a1_works[1]);
      // Still waiting while the first window is open.
      assert.equal(await second.getByRole('alert').filter({ hasText: BUSY }).count(), 1);
      // The first window is closed: the second becomes ready by itself,
      // with nothing to resume.
      await first.close();
      await second.getByRole('button', { name: 'Start a new survey' }).waitFor({ timeout: 20_000 });
      assert.equal((await databaseRecords(second)).length, 1, 'one record, never two');
      assert.equal(await storedDraft(second), null);
    }
    assert.deepEqual(second.problems, []);
    await second.context().close();
  });
}

test('a survey in progress resumes only once its window crashed, never in two windows', async () => {
  const first = await openApp(env);
  await partWay(first);
  const second = await secondWindow(first);
  await second.getByRole('alert').filter({ hasText: BUSY }).waitFor();
  // The first window's renderer crashes: the browser gives the lock back.
  const cdp = await first.context().newCDPSession(first);
  // Never answered: the page is gone.
  cdp.send('Page.crash').catch(() => {});
  await second.getByRole('heading', { level: 1 }).filter({ hasText: /sure/ }).waitFor({ timeout: 20_000 });
  assert.equal(await currentVariable(second), 'a3_avoid_street', 'the same question, in one window only');
  await give(second, FULL_PLAN.a3_avoid_street[0]);
  await next(second);
  const draft = await storedDraft(second);
  assert.deepEqual(draft.answers.a1_works, FULL_PLAN.a1_works[1], 'answers given in the first window kept');
  assert.deepEqual(draft.answers.a3_avoid_street, FULL_PLAN.a3_avoid_street[1]);
  await second.context().close();
});

test('a second researcher area says it is open elsewhere', async () => {
  const first = await openApp(env);
  await openArea(first);
  await setFirstPin(first);
  const second = await first.context().newPage();
  await second.goto(env.origin + '/staff.html');
  await second.getByRole('alert').filter({ hasText: 'The researcher area is already open in another window or tab' }).waitFor();
  assert.equal(await second.getByLabel('PIN', { exact: true }).count(), 0);
  await first.close();
  await second.getByLabel('PIN', { exact: true }).waitFor({ timeout: 20_000 });
  await unlock(second, PIN);
  await second.getByRole('heading', { name: 'Responses on this tablet' }).waitFor();
  await second.context().close();
});
