// Helpers of the tests that use the staff area: setting the first PIN
// (which shows the recovery code once), unlocking, and exporting.
import { readFile } from 'node:fs/promises';

/** The PIN the tests set. */
export const PIN = '402718';

/** How a recovery code is shown: five groups of four. */
export const RECOVERY_CODE = /^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$/;

/** Opens the staff area from the participant's start screen. */
export async function openArea(page) {
  await page.getByRole('button', { name: 'Researcher area' }).click();
  await page.getByRole('heading', { level: 1 }).waitFor();
}

/**
 * On the staff page with no PIN yet: sets `pin`, reads the recovery code
 * shown once, confirms it was written down, and arrives unlocked. Returns
 * the code.
 */
export async function setFirstPin(page, pin = PIN) {
  await setPinUnconfirmed(page, pin);
  const code = await readRecoveryCode(page);
  await page.getByRole('heading', { name: 'Responses on this tablet' }).waitFor();
  return code;
}

/**
 * On the staff page with no PIN yet: sets `pin` and returns the recovery
 * code then on screen, not yet confirmed as written down.
 */
export async function setPinUnconfirmed(page, pin = PIN) {
  await page.getByLabel('New PIN').fill(pin);
  await page.getByLabel('Type the PIN again').fill(pin);
  await page.getByRole('button', { name: 'Set PIN' }).click();
  return shownRecoveryCode(page);
}

/** The recovery code on screen, once it is shown. */
export async function shownRecoveryCode(page) {
  await page.getByRole('heading', { name: 'Write down the recovery code' }).waitFor();
  return (await page.getByText(RECOVERY_CODE).innerText()).trim();
}

/** Reads a recovery code shown once, and confirms it was written down. */
export async function readRecoveryCode(page) {
  const code = await shownRecoveryCode(page);
  await page.getByRole('button', { name: 'I have written it down' }).click();
  return code;
}

/** Types `pin` into the gate and presses Unlock. */
export async function unlock(page, pin = PIN) {
  await page.getByLabel('PIN', { exact: true }).fill(pin);
  await page.getByRole('button', { name: 'Unlock' }).click();
}

/** Presses Export and returns the JSON file the browser saved. */
export async function exportJson(page) {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await page.getByRole('status').filter({ hasText: /Exported \d+ responses/ }).waitFor();
  const file = await download;
  return { name: file.suggestedFilename(), text: await readFile(await file.path(), 'utf8') };
}
