// Storage filled to its quota, before and during a survey, for real: the
// database's quota overridden through Chromium's DevTools protocol
// (Storage.overrideQuotaForOrigin, which Chromium applies to an origin's
// first database write of a browser session: so "during a survey" is a
// survey resumed after the tablet was restarted with its storage full), and
// localStorage filled to its own fixed limit. Before a survey, a real test
// write proves the answers can be stored, or staff are told in words and no
// survey starts. During one, the journal is kept in the database with
// localStorage as the fallback, so a full localStorage never leaves answers
// only in memory, and with both full the participant is told and nothing
// saved is lost.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { openApp, screenshot, start } from './harness.mjs';
import {
  FULL_PLAN, answerAll, currentVariable, databaseRecords, give, next, outboxRecords, startAndConsent,
  storedDraft, waitForDatabaseRecords,
} from './survey.mjs';
import { rawRows, reopen } from './storage.mjs';

let env;
const profiles = [];
before(async () => { env = await start(); });
after(async () => {
  await env?.stop();
  await Promise.all(profiles.map((dir) => rm(dir, { recursive: true, force: true })));
});

const FULL_PARTICIPANT = /storage is full\. The answers already given are kept safe\. Please hand the tablet to a member of staff/;
const FULL_STAFF = /storage is full, so no new survey can start/;

/** Fills localStorage to its fixed limit with one value, for real. */
function fillLocalStorage(page) {
  return page.evaluate(() => {
    let size = 1 << 24;
    let filler = '';
    while (size >= 1) {
      try {
        localStorage.setItem('filler', filler + 'x'.repeat(size));
        filler += 'x'.repeat(size);
      } catch {
        size = Math.floor(size / 2);
      }
    }
  });
}

/** The survey drafts in the database's journal, by id. */
async function journal(page) {
  return Object.fromEntries((await rawRows(page, 'journal')).map(([k, v]) => [k, JSON.parse(v).data]));
}

/** A tablet that can be switched off and on: a browser with a profile on
 * disk. `open` starts it and opens the app; with `full`, the database's
 * quota is already exceeded when the app starts. */
async function tablet() {
  const dir = await mkdtemp(join(tmpdir(), 'candour-tablet-'));
  profiles.push(dir);
  let context;
  return {
    async open({ full = false } = {}) {
      context = await chromium.launchPersistentContext(dir, {
        executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
        args: ['--no-sandbox', '--disable-gpu'],
        viewport: { width: 768, height: 1024 },
      });
      context.setDefaultTimeout(10_000);
      const page = context.pages()[0] ?? await context.newPage();
      page.problems = [];
      page.on('pageerror', (e) => page.problems.push(`page error: ${e.message}`));
      page.cdp = await context.newCDPSession(page);
      if (full) await page.cdp.send('Storage.overrideQuotaForOrigin', { origin: env.origin, quotaSize: 1024 });
      await page.goto(env.origin + '/');
      await page.locator('h1').first().waitFor();
      return page;
    },
    async off() { await context.close(); },
  };
}

test('with storage full before a survey, the test write fails, staff are told, and no survey starts', async () => {
  let page = await openApp(env);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: env.origin, quotaSize: 1024 });
  await page.getByRole('button', { name: 'Start a new survey' }).click();
  await page.getByRole('alert').filter({ hasText: FULL_STAFF }).waitFor();
  await screenshot(page, 'storage-full-before');
  assert.equal(await page.getByRole('button', { name: 'Yes, I am happy to answer' }).count(), 0, 'no survey started');
  assert.equal(await storedDraft(page), null, 'no draft written');
  assert.deepEqual(await journal(page), {}, 'nothing left in the journal');
  // Pressed again, it checks again, and still refuses.
  await page.getByRole('button', { name: 'Start a new survey' }).click();
  await page.getByRole('alert').filter({ hasText: FULL_STAFF }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Yes, I am happy to answer' }).count(), 0);
  // Room made: the next start works.
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: env.origin });
  page = await reopen(env, page);
  await startAndConsent(page);
  assert.equal(await currentVariable(page), 'a1_works');
  await page.context().close();
});

test('with localStorage full during a survey the database keeps every answer, and a closed tab loses none', async () => {
  let page = await openApp(env);
  await startAndConsent(page);
  await give(page, FULL_PLAN.a1_works[0]);
  await next(page);
  const saved = await storedDraft(page);
  await fillLocalStorage(page);
  await give(page, FULL_PLAN.a2_keep_coming[0]);
  await next(page);
  await give(page, FULL_PLAN.a3_avoid_street[0]);
  // Nothing to say: the answers are saved, in the database.
  const id = saved.id;
  await page.waitForFunction(async (id) => {
    const db = await new Promise((ok) => { const o = indexedDB.open('candour'); o.onsuccess = () => ok(o.result); });
    const raw = await new Promise((ok) => { const r = db.transaction('journal').objectStore('journal').get(id); r.onsuccess = () => ok(r.result); });
    db.close();
    return raw?.includes('a3_avoid_street');
  }, id);
  assert.equal(await page.getByRole('alert').count(), 0, 'no failure to report');
  assert.deepEqual(await storedDraft(page), saved, 'localStorage keeps its last whole copy');
  // The tab is closed at once, with localStorage still full.
  page = await reopen(env, page);
  assert.equal(await currentVariable(page), 'a3_avoid_street', 'back at the same question');
  const draft = (await journal(page))[id].draft;
  for (const variable of ['a1_works', 'a2_keep_coming', 'a3_avoid_street']) {
    assert.deepEqual(draft.answers[variable], FULL_PLAN[variable][1], `${variable} kept`);
  }
  await next(page);
  await answerAll(page, FULL_PLAN);
  await page.getByRole('button', { name: 'Send my answers' }).click();
  await page.getByRole('heading', { name: 'Thank you', level: 1 }).waitFor();
  const [record] = await waitForDatabaseRecords(page, 1);
  assert.equal(record.status, 'complete');
  for (const [variable, [, expected]] of Object.entries(FULL_PLAN)) {
    assert.deepEqual(record.answers[variable], expected, variable);
  }
  assert.deepEqual(await journal(page), {}, 'its draft went with the record');
  assert.equal(await page.getByRole('alert').count(), 0);
  await page.evaluate(() => localStorage.removeItem('filler'));
  await page.context().close();
});

test('with the database full during a survey, localStorage keeps the answers and the record waits for room', async () => {
  const device = await tablet();
  let page = await device.open();
  await startAndConsent(page);
  await give(page, FULL_PLAN.a1_works[0]);
  await next(page);
  await device.off();
  // Switched on again with its storage full: the survey resumes.
  page = await device.open({ full: true });
  assert.equal(await currentVariable(page), 'a2_keep_coming');
  await answerAll(page, FULL_PLAN);
  assert.equal(await page.getByRole('alert').count(), 0, 'every answer saved, in localStorage');
  await page.getByRole('button', { name: 'Send my answers' }).click();
  await page.getByRole('heading', { name: 'Thank you', level: 1 }).waitFor();
  await page.getByRole('alert').filter({ hasText: FULL_PARTICIPANT }).waitFor();
  await screenshot(page, 'storage-full-during');
  const [waiting] = await outboxRecords(page);
  assert.equal(waiting.status, 'complete');
  for (const [variable, [, expected]] of Object.entries(FULL_PLAN)) {
    assert.deepEqual(waiting.answers[variable], expected, variable);
  }
  assert.deepEqual(await databaseRecords(page), []);
  await page.getByRole('button', { name: 'Close now' }).click();
  await page.getByRole('alert').filter({ hasText: FULL_STAFF }).waitFor();
  assert.ok(await page.getByRole('button', { name: 'Start a new survey' }).isDisabled());
  // Room made: the record moves in, unchanged, and its draft goes with it.
  await page.cdp.send('Storage.overrideQuotaForOrigin', { origin: env.origin });
  await device.off();
  page = await device.open();
  await page.getByRole('button', { name: 'Start a new survey' }).waitFor();
  const [stored] = await waitForDatabaseRecords(page, 1);
  assert.deepEqual(stored, waiting);
  assert.deepEqual(await outboxRecords(page), []);
  assert.deepEqual(await journal(page), {});
  assert.deepEqual(page.problems, []);
  await device.off();
});

test('with both stores full during a survey the participant is told, and every answer saved before is kept', async () => {
  const device = await tablet();
  let page = await device.open();
  await startAndConsent(page);
  await give(page, FULL_PLAN.a1_works[0]);
  await next(page);
  await device.off();
  page = await device.open({ full: true });
  assert.equal(await currentVariable(page), 'a2_keep_coming');
  await fillLocalStorage(page);
  await give(page, FULL_PLAN.a2_keep_coming[0]);
  await page.getByRole('alert').filter({ hasText: FULL_PARTICIPANT }).waitFor();
  await screenshot(page, 'storage-full-both');
  // Room made: the survey comes back as last saved, a1 answered.
  await page.evaluate(() => localStorage.removeItem('filler'));
  await page.cdp.send('Storage.overrideQuotaForOrigin', { origin: env.origin });
  await device.off();
  page = await device.open();
  assert.equal(await currentVariable(page), 'a2_keep_coming');
  const draft = await storedDraft(page);
  assert.deepEqual(draft.answers.a1_works, FULL_PLAN.a1_works[1]);
  await device.off();
});
