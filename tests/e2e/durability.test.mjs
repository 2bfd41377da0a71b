// Nothing lost: closing the page on every screen of a survey, a record
// corrupted by hand, records left in localStorage by an older build, and
// start-up with many stored records (storage filled to its quota is
// storage-full.test.mjs). Every wait is a condition, never a fixed sleep.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { openApp, start } from './harness.mjs';
import {
  FULL_PLAN, PAGES, answerAll, currentVariables, databaseRecords, give, next, outboxRecords,
  startAndConsent, storedDraft, storedRecords, waitForDatabaseRecords,
} from './survey.mjs';
import { putRows, rawRows, reopen, sealRecord, storageReport } from './storage.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.stop(); });

test('closing the page on every screen of a survey and reopening it loses nothing', async () => {
  let page = await openApp(env);
  await page.getByRole('textbox', { name: 'Participant code (optional)' }).fill('hat-7');
  await page.getByRole('button', { name: 'Start a new survey' }).click();
  await page.getByRole('button', { name: 'Yes, I am happy to answer' }).waitFor();
  page = await reopen(env, page);
  await page.getByRole('button', { name: 'Yes, I am happy to answer' }).click();

  let screens = 0;
  for (;;) {
    const variables = await currentVariables(page);
    if (variables.length === 0) break;
    for (const variable of variables) {
      await give(page, FULL_PLAN[variable][0], variable);
      // Closed the moment the answer is given, before Next.
      page = await reopen(env, page);
      assert.deepEqual(await currentVariables(page), variables, 'the same screen comes back');
      const draft = await storedDraft(page);
      const expected = FULL_PLAN[variable][1];
      if (!('missing' in expected && expected.missing === 'unanswered')) {
        assert.deepEqual(draft.answers[variable], expected, `${variable} kept`);
      }
    }
    await next(page);
    screens += 1;
  }
  assert.equal(screens, PAGES.with_follow_ups, 'every question screen');
  await page.getByRole('heading', { name: 'Check your answers', level: 1 }).waitFor();
  page = await reopen(env, page);
  await page.getByRole('heading', { name: 'Check your answers', level: 1 }).waitFor();
  await page.getByRole('button', { name: 'Send my answers' }).click();
  await page.getByRole('heading', { name: 'Thank you', level: 1 }).waitFor();
  page = await reopen(env, page);
  await page.getByRole('button', { name: 'Start a new survey' }).waitFor();

  const [record, ...more] = await waitForDatabaseRecords(page, 1);
  assert.deepEqual(more, []);
  assert.equal(record.status, 'complete');
  assert.equal(record.participant_code, 'HAT-7');
  for (const [variable, [, expected]] of Object.entries(FULL_PLAN)) {
    assert.deepEqual(record.answers[variable], expected, variable);
  }
  assert.equal(await storedDraft(page), null);
  assert.deepEqual(await outboxRecords(page), []);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('closing the page the instant Send is pressed stores the record once, as complete', async () => {
  let page = await openApp(env);
  await startAndConsent(page);
  await answerAll(page, FULL_PLAN);
  // The click and the close in one go: the move into IndexedDB may be cut off.
  await page.getByRole('button', { name: 'Send my answers' }).evaluate((b) => b.click());
  page = await reopen(env, page);
  await page.getByRole('button', { name: 'Start a new survey' }).waitFor();
  const records = await waitForDatabaseRecords(page, 1);
  assert.equal(records[0].status, 'complete');
  assert.equal(await storedDraft(page), null, 'not resumed, not a second record');
  assert.deepEqual(await outboxRecords(page), []);
  await page.context().close();
});

test('records a first build left in localStorage move into IndexedDB at start-up, unchanged', async () => {
  const v1 = await readFile(new URL('../fixtures/storage/record-v1.json', import.meta.url), 'utf8');
  const data = JSON.parse(v1).data;
  let page = await openApp(env);
  const ids = ['11111111-1111-4111-8111-111111111111', '22222222-2222-4222-8222-222222222222'];
  await page.evaluate(([v1, ids]) => {
    for (const id of ids) {
      const value = v1.replace(/"id":"[^"]+"/, `"id":"${id}"`);
      localStorage.setItem(`candour:record:${id}`, value);
    }
    localStorage.setItem('candour:record:broken', '{"format":1,"kind":"record","data":{"id":');
  }, [v1, ids]);
  page = await reopen(env, page);
  await page.getByRole('button', { name: 'Start a new survey' }).waitFor();
  const records = await waitForDatabaseRecords(page, 2);
  assert.deepEqual(records.map((r) => r.id).sort(), ids);
  for (const r of records) assert.deepEqual({ ...r, id: data.id }, data, 'every value unchanged');
  assert.deepEqual(await outboxRecords(page), []);
  const report = await storageReport(page);
  assert.equal(report.loaded, 2);
  assert.deepEqual(report.quarantined.map((q) => q.key), ['candour:record:broken']);
  await page.context().close();
});

test('a record corrupted by hand is quarantined raw and every other record still loads', async () => {
  let page = await openApp(env);
  await startAndConsent(page);
  await answerAll(page, FULL_PLAN);
  await page.getByRole('button', { name: 'Send my answers' }).click();
  const [real] = await waitForDatabaseRecords(page, 1);
  const copies = [1, 2, 3, 4].map((n) => ({ ...real, id: `copy-${n}` }));
  await putRows(page, 'records', copies.map((r) => [r.id, sealRecord(r)]));
  // By hand: one answer changed in place (still valid JSON), one value cut
  // short, one not even text.
  const [[, value]] = (await rawRows(page, 'records')).filter(([k]) => k === 'copy-2');
  await putRows(page, 'records', [
    ['copy-2', value.replace('"code":7', '"code":8')],
    ['copy-3', value.slice(0, 100)],
    ['copy-4', { not: 'text' }],
  ]);
  page = await reopen(env, page);
  await page.getByRole('button', { name: 'Start a new survey' }).waitFor();
  const report = await storageReport(page);
  assert.equal(report.stored, 5);
  assert.deepEqual(report.ids.sort(), [real.id, 'copy-1'].sort(), 'every other record loads');
  const reasons = Object.fromEntries(report.quarantined.map((q) => [q.key.split('@')[0], q.reason]));
  assert.match(reasons['records/copy-2'], /checksum/);
  assert.match(reasons['records/copy-3'], /not a readable value/);
  assert.match(reasons['records/copy-4'], /not a readable value|damaged/);
  // Kept raw, byte for byte, and no longer among the records.
  const quarantine = await rawRows(page, 'quarantine');
  const kept = quarantine.map(([, v]) => JSON.parse(v).data).find((q) => q.key === 'records/copy-2');
  assert.equal(kept.raw, value.replace('"code":7', '"code":8'));
  assert.equal((await databaseRecords(page)).length, 2);
  const again = await storageReport(page);
  assert.equal(again.quarantined.length, 3, 'still reported, once each');
  await page.context().close();
});

test('start-up with 10,000 stored records reads none of them', async () => {
  let page = await openApp(env);
  await startAndConsent(page);
  await answerAll(page, FULL_PLAN);
  await page.getByRole('button', { name: 'Send my answers' }).click();
  const [real] = await waitForDatabaseRecords(page, 1);
  await page.evaluate(async ([real, count]) => {
    // Seeded in the browser: 10,000 values of the real record's size.
    const fnv = (text) => {
      let h = 0xcbf29ce484222325n;
      for (const b of new TextEncoder().encode(text)) { h ^= BigInt(b); h = (h * 0x100000001b3n) & 0xffffffffffffffffn; }
      return `fnv1a64:${h.toString(16).padStart(16, '0')}`;
    };
    const db = await new Promise((ok) => { const o = indexedDB.open('candour'); o.onsuccess = () => ok(o.result); });
    const tx = db.transaction(['records', 'index'], 'readwrite');
    for (let i = 0; i < count; i += 1) {
      const data = JSON.stringify({ ...real, id: `seed-${i}` });
      tx.objectStore('records').put(`{"format":2,"kind":"record","sum":"${fnv(data)}","data":${data}}`, `seed-${i}`);
    }
    await new Promise((ok, fail) => { tx.oncomplete = ok; tx.onerror = () => fail(tx.error); });
    db.close();
  }, [real, 9_999]);
  // Every read of a stored value of the records table, counted in the page
  // from its first script on. How long start-up takes is the benchmark's
  // to say (scripts/bench/storage.mjs), not a test's.
  await page.context().addInitScript(() => {
    window.recordReads = [];
    const count = (proto, storeOf) => {
      for (const name of ['get', 'getAll', 'openCursor']) {
        const original = proto[name];
        proto[name] = function counted(...args) {
          if (storeOf(this).name === 'records') window.recordReads.push(name);
          return original.apply(this, args);
        };
      }
    };
    count(IDBObjectStore.prototype, (store) => store);
    count(IDBIndex.prototype, (index) => index.objectStore);
  });
  for (let i = 0; i < 2; i += 1) {
    page = await reopen(env, page);
    await page.getByRole('button', { name: 'Start a new survey' }).waitFor();
    await page.waitForFunction(() => performance.getEntriesByName('candour:storage-ready').length > 0);
    assert.deepEqual(await page.evaluate(() => window.recordReads), [], 'no stored record read at start-up');
  }
  // The count is real: one read of a record by hand is counted.
  const counted = await page.evaluate(async () => {
    const db = await new Promise((ok) => { const o = indexedDB.open('candour'); o.onsuccess = () => ok(o.result); });
    await new Promise((ok) => { db.transaction('records').objectStore('records').get('seed-0').onsuccess = ok; });
    db.close();
    return window.recordReads;
  });
  assert.deepEqual(counted, ['get']);
  // And the survey still starts.
  await startAndConsent(page);
  await page.context().close();
});
