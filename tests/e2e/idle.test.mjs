// Inactivity: "Are you still there?" after the idle time set in the app's
// settings, then a partial record and the start screen when nobody answers.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { axe, openApp, screenshot, start } from './harness.mjs';
import { FULL_PLAN, currentVariable, give, next, startAndConsent, storedDraft, storedRecords } from './survey.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.stop(); });

/** Opens the app with a short idle time stored in its settings. */
async function openWithShortIdle() {
  const page = await openApp(env);
  await page.evaluate(() => localStorage.setItem('candour:settings', JSON.stringify({
    format: 1, kind: 'settings', data: { idle_seconds: 2, still_there_seconds: 3, thanks_seconds: 15 },
  })));
  await page.reload();
  await page.getByRole('button', { name: 'Start a new survey' }).waitFor();
  return page;
}

test('with no answer to "Are you still there?", the draft becomes a partial record and the start returns', async () => {
  const page = await openWithShortIdle();
  await startAndConsent(page);
  await give(page, FULL_PLAN.a1_works[0]);
  await next(page);
  const dialog = page.getByRole('alertdialog', { name: 'Are you still there?' });
  await dialog.waitFor();
  await screenshot(page, 'still-there');
  assert.deepEqual(await axe(page), []);
  assert.match(await dialog.innerText(), /in \d seconds/);

  await page.getByRole('button', { name: 'Start a new survey' }).waitFor();
  const [record] = await storedRecords(page);
  assert.equal(record.status, 'partial');
  assert.deepEqual(record.answers.a1_works, { code: 7 });
  assert.deepEqual(record.answers.a2_keep_coming, { missing: 'unanswered' }, 'shown but not answered');
  assert.deepEqual(record.answers.a3_avoid_street, { missing: 'not_reached' }, 'never reached: -95, not blank');
  assert.deepEqual(record.answers.b4_missed_why, { missing: 'not_reached' }, 'its condition reads an unreached item');
  assert.equal(Object.keys(record.answers).length, 61, 'no item left blank: none was skipped by logic');
  assert.equal(await storedDraft(page), null);
  assert.ok(!(await page.locator('body').innerText()).includes('How sure'), 'nothing of the answers on screen');
  await page.close();
});

test('"Yes, I am still here" keeps the survey going where it was', async () => {
  const page = await openWithShortIdle();
  await startAndConsent(page);
  await page.getByRole('alertdialog', { name: 'Are you still there?' }).waitFor();
  await page.getByRole('button', { name: 'Yes, I am still here' }).click();
  await page.getByRole('alertdialog').waitFor({ state: 'detached' });
  assert.equal(await currentVariable(page), 'a1_works');
  assert.deepEqual(await storedRecords(page), []);
  await page.close();
});
