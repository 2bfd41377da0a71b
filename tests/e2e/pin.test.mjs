// A forgotten PIN and an unattended researcher area, with the faults
// injected for real: a stranger with no PIN and no recovery code (nothing
// can be erased), staff with the recovery code (a new PIN, every record
// kept), a PIN hashed by an older build (upgraded), the tablet's clock moved
// forward during a lockout (Playwright's clock: only time that passed ends
// it), and an area left untouched or hidden (it locks itself).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { pbkdf2Sync } from 'node:crypto';
import { axe, openApp, screenshot, start } from './harness.mjs';
import { databaseRecords, declineSurvey, storedRecords } from './survey.mjs';
import {
  PIN, RECOVERY_CODE, openArea, readRecoveryCode, setFirstPin, setPinUnconfirmed, unlock,
} from './staff.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.stop(); });

const HOME = 'Responses on this tablet';

/** A tablet with a PIN and three records (participants who declined: the
 * quickest records to make through the screens); returns the page (on the
 * start screen) and the recovery code. */
async function tabletWithRecords() {
  const page = await openApp(env);
  await openArea(page);
  const code = await setFirstPin(page);
  await page.getByRole('button', { name: 'Lock and leave' }).click();
  for (let i = 0; i < 3; i += 1) await declineSurvey(page);
  assert.equal((await storedRecords(page)).length, 3);
  return { page, code };
}

/** Fills the recovery form. */
async function recover(page, code, pin) {
  await page.getByLabel('Recovery code').fill(code);
  await page.getByLabel('New PIN').fill(pin);
  await page.getByLabel('Type the PIN again').fill(pin);
  await page.getByRole('button', { name: 'Reset the PIN' }).click();
}

test('without the PIN or the recovery code nothing can be erased, and every record stays', async () => {
  const { page } = await tabletWithRecords();
  const before = await page.evaluate(() => JSON.stringify({ ...localStorage }));
  await openArea(page);
  await page.getByRole('button', { name: 'Forgotten the PIN?' }).click();
  await page.getByRole('heading', { name: 'Reset the PIN with the recovery code' }).waitFor();
  await page.getByText('Without the PIN and the recovery code, nothing on this tablet can be exported or erased').waitFor();
  await screenshot(page, 'forgotten-pin');
  assert.deepEqual(await axe(page), [], 'axe on the recovery form');
  // The old way past a forgotten PIN is gone: no button erases anything.
  assert.equal(await page.getByRole('button', { name: /erase|delete/i }).count(), 0);
  // A stranger guessing codes: refused in words, counted, then a wait.
  await recover(page, 'ABCD-EFGH', '402719');
  await page.getByRole('alert').filter({ hasText: 'A recovery code has 20 letters and digits.' }).waitFor();
  for (const left of [4, 3, 2, 1]) {
    await recover(page, 'ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ', '402719');
    await page.getByRole('alert').filter({ hasText: `That recovery code is not right. ${left} more tries` }).waitFor();
  }
  await recover(page, 'ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ', '402719');
  await page.getByRole('alert').filter({ hasText: 'Too many wrong tries' }).waitFor();
  // Leaving and coming back changes nothing either.
  await page.getByRole('button', { name: 'Lock and leave' }).click();
  await page.getByRole('button', { name: 'Start a new survey' }).waitFor();
  assert.equal((await storedRecords(page)).length, 3, 'every record is still there');
  const after = JSON.parse(await page.evaluate(() => JSON.stringify({ ...localStorage })));
  const was = JSON.parse(before);
  assert.equal(after['candour:pin'], was['candour:pin'], 'the PIN is unchanged');
  assert.equal(after['candour:recovery'], was['candour:recovery'], 'the recovery code is unchanged');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('the recovery code resets a forgotten PIN, keeps every record, and is then used up', async () => {
  const { page, code } = await tabletWithRecords();
  const ids = (await databaseRecords(page)).map((r) => r.id).sort();
  await openArea(page);
  await page.getByRole('button', { name: 'Forgotten the PIN?' }).click();
  // Typed as people do: lower case, spaces for dashes, O for zero.
  const typed = code.toLowerCase().replaceAll('-', ' ').replaceAll('0', 'o');
  await recover(page, typed, '583920');
  const fresh = await readRecoveryCode(page);
  assert.match(fresh, RECOVERY_CODE);
  assert.notEqual(fresh, code, 'a new code replaces the used one');
  await page.getByRole('heading', { name: HOME }).waitFor();
  const counts = await page.getByRole('heading', { name: HOME }).locator('..').innerText();
  assert.match(counts, /Declined to take part\s+3/, counts);
  assert.deepEqual((await databaseRecords(page)).map((r) => r.id).sort(), ids, 'every record kept');
  await page.getByRole('button', { name: 'Lock and leave' }).click();
  // The old PIN no longer opens it; the new one does.
  await openArea(page);
  await unlock(page, PIN);
  await page.getByRole('alert').filter({ hasText: 'That PIN is not right' }).waitFor();
  await unlock(page, '583920');
  await page.getByRole('heading', { name: HOME }).waitFor();
  await page.getByRole('button', { name: 'Lock and leave' }).click();
  // The old code is used up.
  await openArea(page);
  await page.getByRole('button', { name: 'Forgotten the PIN?' }).click();
  await recover(page, code, '674031');
  await page.getByRole('alert').filter({ hasText: 'That recovery code is not right' }).waitFor();
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a recovery code whose screen went away before it was confirmed is replaced, and shown, at the next right PIN', async () => {
  const page = await openApp(env);
  await openArea(page);
  const unseen = await setPinUnconfirmed(page);
  // The page goes away before "I have written it down".
  await page.reload();
  await unlock(page, PIN);
  const fresh = await readRecoveryCode(page);
  assert.notEqual(fresh, unseen, 'a new code, since the first may never have been written down');
  await page.getByRole('heading', { name: HOME }).waitFor();
  await page.getByRole('button', { name: 'Lock and leave' }).click();
  // Confirmed: the next unlock goes straight in, and the confirmed code works.
  await openArea(page);
  await unlock(page, PIN);
  await page.getByRole('heading', { name: HOME }).waitFor();
  await page.getByRole('button', { name: 'Lock and leave' }).click();
  await openArea(page);
  await page.getByRole('button', { name: 'Forgotten the PIN?' }).click();
  await recover(page, fresh, '583920');
  await readRecoveryCode(page);
  await page.getByRole('heading', { name: HOME }).waitFor();
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a PIN hashed by an older build unlocks once, is made 600,000 rounds, and gets a recovery code', async () => {
  const page = await openApp(env);
  // As the first builds stored it: 100,000 rounds, no recovery code.
  const salt = Buffer.alloc(16, 7);
  const hash = pbkdf2Sync(PIN, salt, 100000, 32, 'sha256').toString('hex');
  await page.evaluate(([salt, hash]) => localStorage.setItem('candour:pin', JSON.stringify({
    format: 1, kind: 'pin', data: { salt, rounds: 100000, hash },
  })), [salt.toString('hex'), hash]);
  await openArea(page);
  await unlock(page, PIN);
  const code = await readRecoveryCode(page);
  assert.match(code, RECOVERY_CODE);
  await page.getByRole('heading', { name: HOME }).waitFor();
  const { data } = JSON.parse(await page.evaluate(() => localStorage.getItem('candour:pin')));
  assert.equal(data.rounds, 600000, 'upgraded on the right unlock');
  assert.equal(data.kdf, 'pbkdf2-hmac-sha256');
  assert.notEqual(data.hash, hash);
  // The upgraded hash still opens with the same PIN, and asks nothing more.
  await page.getByRole('button', { name: 'Lock and leave' }).click();
  await openArea(page);
  await unlock(page, PIN);
  await page.getByRole('heading', { name: HOME }).waitFor();
  await page.context().close();
});

test('moving the clock forward during a lockout ends nothing; only time that passes does', async () => {
  const page = await openApp(env);
  await page.clock.install();
  await page.reload();
  await openArea(page);
  await setFirstPin(page);
  await page.getByRole('button', { name: 'Lock and leave' }).click();
  await openArea(page);
  for (let i = 0; i < 5; i += 1) await unlock(page, '999999');
  await page.getByRole('alert').filter({ hasText: /Too many wrong tries\. Please wait (29|30) seconds/ }).waitFor();
  // The tablet's clock jumps two hours ahead, as staff could set it.
  await page.clock.setSystemTime(Date.now() + 2 * 3600 * 1000);
  await unlock(page, PIN);
  await page.getByRole('alert').filter({ hasText: 'Too many wrong tries' }).waitFor();
  assert.equal(await page.getByRole('heading', { name: HOME }).count(), 0);
  // A reload after the jump: still waiting.
  await page.reload();
  await page.getByRole('alert').filter({ hasText: 'Too many wrong tries' }).waitFor();
  await unlock(page, PIN);
  await page.getByRole('alert').filter({ hasText: 'Too many wrong tries' }).waitFor();
  // Thirty seconds that really pass (on the clock that only moves forward).
  await page.clock.runFor(31_000);
  await page.getByRole('alert').filter({ hasText: 'Too many wrong tries' }).waitFor({ state: 'detached' });
  await unlock(page, PIN);
  await page.getByRole('heading', { name: HOME }).waitFor();
  await page.context().close();
});

test('an untouched researcher area locks itself after the set time, and a touch keeps it open', async () => {
  const page = await openApp(env);
  await page.clock.install();
  await page.reload();
  await openArea(page);
  await setFirstPin(page);
  // Touched every four minutes: stays open past the 5-minute default.
  await page.clock.runFor(4 * 60_000);
  await page.getByRole('heading', { name: HOME }).click();
  await page.clock.runFor(4 * 60_000);
  await page.getByRole('heading', { name: HOME }).waitFor();
  // Five minutes untouched: locked, and it says why.
  await page.clock.runFor(5 * 60_000 + 2_000);
  await page.getByText('The researcher area locked itself: nobody touched it for 5 min.').waitFor();
  await page.getByLabel('PIN', { exact: true }).waitFor();
  assert.equal(await page.getByRole('heading', { name: HOME }).count(), 0, 'nothing of the area stays');
  await screenshot(page, 'area-locked-idle');
  // Set to 1 minute in the area: applies at once.
  await unlock(page);
  await page.getByLabel('Minutes without a touch before this area locks').fill('1');
  await page.getByRole('button', { name: 'Set the lock time' }).click();
  await page.getByText('Saved. This area now locks after 1 min without a touch.').waitFor();
  await page.clock.runFor(62_000);
  await page.getByText('The researcher area locked itself: nobody touched it for 1 min.').waitFor();
  await page.context().close();
});

test('a recovery code left on screen locks itself as the area does, and the next right PIN shows a new one', async () => {
  const page = await openApp(env);
  await openArea(page);
  const left = await setPinUnconfirmed(page);
  // The tablet locks (or another app opens) with the code on screen.
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  await page.getByText('The researcher area locked itself because the page was hidden.').waitFor();
  assert.equal(await page.getByText(RECOVERY_CODE).count(), 0, 'the code is no longer on screen');
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
  });
  await unlock(page, PIN);
  const fresh = await readRecoveryCode(page);
  assert.notEqual(fresh, left, 'the code left on screen is replaced');
  await page.getByRole('heading', { name: HOME }).waitFor();
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a hidden page locks the researcher area', async () => {
  const page = await openApp(env);
  await openArea(page);
  await setFirstPin(page);
  // What the browser does when the tablet is locked or another app opens.
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  await page.getByText('The researcher area locked itself because the page was hidden.').waitFor();
  await page.getByLabel('PIN', { exact: true }).waitFor();
  await page.context().close();
});
