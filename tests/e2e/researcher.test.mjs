// The researcher area: a PIN set on first use, unlocking, the lockout after
// five wrong PINs, erasing as the only way past a forgotten PIN, the
// dashboard, and the tablet label stored in every new record.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { axe, openApp, screenshot, start } from './harness.mjs';
import { FULL_PLAN, answerAll, startAndConsent, storedRecords } from './survey.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.stop(); });

const PIN = '402718';

/** Opens the researcher area from the start screen. */
async function openArea(page) {
  await page.getByRole('button', { name: 'Researcher area' }).click();
  await page.getByRole('heading', { level: 1 }).waitFor();
}

/** Sets the first PIN and arrives unlocked. */
async function setPin(page) {
  await openArea(page);
  await page.getByRole('heading', { name: 'Set a researcher PIN' }).waitFor();
  await page.getByLabel('New PIN').fill(PIN);
  await page.getByLabel('Type the PIN again').fill(PIN);
  await page.getByRole('button', { name: 'Set PIN' }).click();
  await page.getByRole('heading', { name: 'Responses on this tablet' }).waitFor();
}

async function unlock(page, pin) {
  await page.getByLabel('PIN', { exact: true }).fill(pin);
  await page.getByRole('button', { name: 'Unlock' }).click();
}

/** One complete survey, as a participant. */
async function completeSurvey(page) {
  await startAndConsent(page);
  await answerAll(page, FULL_PLAN);
  await page.getByRole('button', { name: 'Send my answers' }).click();
  await page.getByRole('button', { name: 'Close now' }).click();
  await page.getByRole('button', { name: 'Start a new survey' }).waitFor();
}

test('a PIN is set on first use, stored only as a salted hash, and unlocks the area', async () => {
  const page = await openApp(env);
  await openArea(page);
  assert.deepEqual(await axe(page), [], 'axe on the set-PIN screen');
  await page.getByLabel('New PIN').fill('12345');
  await page.getByLabel('Type the PIN again').fill('12345');
  await page.getByRole('button', { name: 'Set PIN' }).click();
  await page.getByRole('alert').filter({ hasText: 'at least 6 digits' }).waitFor();
  await page.getByLabel('New PIN').fill(PIN);
  await page.getByLabel('Type the PIN again').fill(PIN);
  await page.getByRole('button', { name: 'Set PIN' }).click();
  await page.getByRole('heading', { name: 'Responses on this tablet' }).waitFor();
  await screenshot(page, 'researcher-home');
  assert.deepEqual(await axe(page), [], 'axe on the researcher home');

  const stored = await page.evaluate(() => localStorage.getItem('candour:pin'));
  assert.ok(!stored.includes(PIN), 'the PIN is never stored in clear');
  const { data } = JSON.parse(stored);
  assert.match(data.salt, /^[0-9a-f]{32}$/);
  assert.match(data.hash, /^[0-9a-f]{64}$/);
  assert.ok(data.rounds >= 100000);

  await page.getByRole('button', { name: 'Lock and leave' }).click();
  await openArea(page);
  await unlock(page, PIN);
  await page.getByRole('heading', { name: 'Responses on this tablet' }).waitFor();
  await page.close();
});

test('five wrong PINs lock the area, and even the right PIN waits out the lockout', async () => {
  const page = await openApp(env);
  await setPin(page);
  await page.getByRole('button', { name: 'Lock and leave' }).click();
  await openArea(page);
  for (const left of [4, 3, 2, 1]) {
    await unlock(page, '999999');
    await page.getByRole('alert').filter({ hasText: `${left} more tries` }).waitFor();
  }
  await unlock(page, '999999');
  await page.getByRole('alert').filter({ hasText: 'Too many wrong PINs' }).waitFor();
  assert.deepEqual(await axe(page), [], 'axe on the locked gate');
  await unlock(page, PIN);
  await page.getByRole('alert').filter({ hasText: 'Too many wrong PINs' }).waitFor();
  // A reload (the staff area is a page of its own: it shows the gate
  // again) does not reset the count.
  await page.reload();
  await unlock(page, PIN);
  await page.getByRole('alert').filter({ hasText: 'Too many wrong PINs' }).waitFor();
  assert.equal(await page.getByRole('heading', { name: 'Responses on this tablet' }).count(), 0);
  await page.close();
});

test('a forgotten PIN is reset only by erasing every response, after a warning naming the count', async () => {
  const page = await openApp(env);
  await setPin(page);
  await page.getByRole('button', { name: 'Lock and leave' }).click();
  for (let i = 0; i < 3; i++) await completeSurvey(page);
  assert.equal((await storedRecords(page)).length, 3);

  await openArea(page);
  await page.getByRole('button', { name: 'Forgotten the PIN?' }).click();
  await page.getByText('removes all 3 stored responses').waitFor();
  await page.getByLabel('To erase, type the number of stored responses: 3').fill('2');
  await page.getByRole('button', { name: 'Erase 3 responses and the PIN' }).click();
  await page.getByRole('alert').waitFor();
  assert.equal((await storedRecords(page)).length, 3, 'a wrong confirmation erases nothing');
  await page.getByLabel('To erase, type the number of stored responses: 3').fill('3');
  await page.getByRole('button', { name: 'Erase 3 responses and the PIN' }).click();
  await page.getByRole('heading', { name: 'Set a researcher PIN' }).waitFor();
  assert.equal((await storedRecords(page)).length, 0);
  assert.equal(await page.evaluate(() => localStorage.getItem('candour:pin')), null);
  await page.close();
});

test('the dashboard counts records, hiding counts below 3, and the tablet label and service code go into new records', async () => {
  const page = await openApp(env);
  await setPin(page);
  await page.getByLabel('Tablet label (stored in every response)').fill('Clinic A, tablet 2');
  // A service code is a code, checked: what is not one is refused in words,
  // and nothing is saved.
  const service = page.getByLabel('Service code (stored in every response)');
  await service.fill('Clinic A');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('status').filter({ hasText: 'Use only letters A to Z, numbers and hyphens' }).waitFor();
  assert.deepEqual(await axe(page), [], 'axe with a refused service code');
  await screenshot(page, 'researcher-service-code-refused');
  assert.equal(await page.evaluate(() => localStorage.getItem('candour:settings')), null, 'nothing saved');
  // What was typed stays, to be corrected rather than typed again.
  assert.equal(await page.getByLabel('Tablet label (stored in every response)').inputValue(), 'Clinic A, tablet 2');
  assert.equal(await service.inputValue(), 'Clinic A');
  await service.fill('mbro-hat');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
  await page.getByRole('button', { name: 'Lock and leave' }).click();
  await page.reload();
  await page.getByText('Tablet: Clinic A, tablet 2').waitFor();
  await completeSurvey(page);
  const [record] = await storedRecords(page);
  assert.equal(record.device_label, 'Clinic A, tablet 2');
  assert.equal(record.service_code, 'MBRO-HAT', 'in capitals, beside the tablet label');

  await openArea(page);
  await unlock(page, PIN);
  const counts = page.getByRole('heading', { name: 'Responses on this tablet' }).locator('..');
  await counts.waitFor();
  const text = await counts.innerText();
  assert.match(text, /Complete\s+fewer than 3/);
  assert.match(text, /Partial\s+0/);
  // The settings form shows the code as stored.
  assert.equal(await page.getByLabel('Service code (stored in every response)').inputValue(), 'MBRO-HAT');
  await page.close();
});
