// The researcher area: a PIN set on first use (with a recovery code shown
// once), kept as slow hashes, in fields no password manager is offered;
// unlocking; the lockout after five wrong PINs; the dashboard; and the
// tablet label stored in every new record.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { axe, openApp, screenshot, start } from './harness.mjs';
import { FULL_PLAN, answerAll, startAndConsent, storedRecords } from './survey.mjs';
import { PIN, RECOVERY_CODE, openArea, readRecoveryCode, setFirstPin, unlock } from './staff.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.stop(); });

/** Sets the first PIN and arrives unlocked. */
async function setPin(page) {
  await openArea(page);
  await page.getByRole('heading', { name: 'Set a researcher PIN' }).waitFor();
  return setFirstPin(page);
}

/** One complete survey, as a participant. */
async function completeSurvey(page) {
  await startAndConsent(page);
  await answerAll(page, FULL_PLAN);
  await page.getByRole('button', { name: 'Send my answers' }).click();
  await page.getByRole('button', { name: 'Close now' }).click();
  await page.getByRole('button', { name: 'Start a new survey' }).waitFor();
}

/** What a password manager looks at in every input of the page. */
function inputs(page) {
  return page.locator('input').evaluateAll((all) => all.map((i) => ({
    id: i.id,
    type: i.type,
    autocomplete: i.getAttribute('autocomplete'),
    masked: getComputedStyle(i).getPropertyValue('-webkit-text-security'),
    ignored: ['data-lpignore', 'data-1p-ignore', 'data-bwignore'].every((a) => i.getAttribute(a) === 'true'),
  })));
}

test('a PIN is set on first use with a recovery code shown once, both kept only as slow hashes', async () => {
  const page = await openApp(env);
  await openArea(page);
  assert.deepEqual(await axe(page), [], 'axe on the set-PIN screen');
  // No field a password manager would offer to save or fill.
  for (const input of await inputs(page)) {
    assert.notEqual(input.type, 'password', `${input.id} is not a password field`);
    assert.equal(input.autocomplete, 'off', input.id);
    assert.equal(input.masked, 'disc', `${input.id}: the digits are hidden`);
    assert.ok(input.ignored, `${input.id}: password-manager extensions told to leave it`);
  }
  await page.getByLabel('New PIN').fill('12345');
  await page.getByLabel('Type the PIN again').fill('12345');
  await page.getByRole('button', { name: 'Set PIN' }).click();
  await page.getByRole('alert').filter({ hasText: 'at least 6 digits' }).waitFor();
  assert.equal(await page.getByLabel('New PIN').inputValue(), '', 'a refused PIN is not left on screen');
  await page.getByLabel('New PIN').fill(PIN);
  await page.getByLabel('Type the PIN again').fill(PIN);
  await page.getByRole('button', { name: 'Set PIN' }).click();
  await page.getByRole('heading', { name: 'Write down the recovery code' }).waitFor();
  await screenshot(page, 'recovery-code');
  assert.deepEqual(await axe(page), [], 'axe on the recovery code');
  const code = await readRecoveryCode(page);
  assert.match(code, RECOVERY_CODE);
  await page.getByRole('heading', { name: 'Responses on this tablet' }).waitFor();
  await screenshot(page, 'researcher-home');
  assert.deepEqual(await axe(page), [], 'axe on the researcher home');

  const stored = await page.evaluate(() => localStorage.getItem('candour:pin'));
  assert.ok(!stored.includes(PIN), 'the PIN is never stored in clear');
  const { data } = JSON.parse(stored);
  assert.equal(data.kdf, 'pbkdf2-hmac-sha256');
  assert.match(data.salt, /^[0-9a-f]{32}$/);
  assert.match(data.hash, /^[0-9a-f]{64}$/);
  assert.equal(data.rounds, 600000);
  const everything = await page.evaluate(() => JSON.stringify({ ...localStorage }));
  assert.ok(!everything.includes(code.replaceAll('-', '')), 'the recovery code is never stored in clear');
  assert.ok(!everything.includes(code));
  const recovery = JSON.parse(await page.evaluate(() => localStorage.getItem('candour:recovery'))).data;
  assert.equal(recovery.rounds, 600000);
  assert.notEqual(recovery.salt, data.salt);

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
  await page.getByRole('alert').filter({ hasText: 'Too many wrong tries' }).waitFor();
  assert.deepEqual(await axe(page), [], 'axe on the locked gate');
  await unlock(page, PIN);
  await page.getByRole('alert').filter({ hasText: 'Too many wrong tries' }).waitFor();
  // A reload (the staff area is a page of its own: it shows the gate
  // again) does not reset the count.
  await page.reload();
  await page.getByRole('alert').filter({ hasText: 'Too many wrong tries' }).waitFor();
  await unlock(page, PIN);
  await page.getByRole('alert').filter({ hasText: 'Too many wrong tries' }).waitFor();
  assert.equal(await page.getByRole('heading', { name: 'Responses on this tablet' }).count(), 0);
  await page.close();
});

test('the dashboard counts records, hiding counts below 3, and the tablet label goes into new records', async () => {
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
  // Leaving loads the participant's page: reload only once it is there.
  await page.getByRole('button', { name: 'Start a new survey' }).waitFor();
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
