// The staff area's version line and tablet check, and the start screen's
// "Ready without network" mark: ticked where the tablet is ready, a line
// to do where it is not, on a whole build and on a half-uploaded one whose
// offline copy cannot be stored.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { cleanUp, copyOfRelease } from './builds.mjs';
import { workspaceVersion } from '../../scripts/package-release.mjs';
import { axe, buildOf, openApp, screenshot, start, startServing, waitForOffline } from './harness.mjs';
import { openArea, setFirstPin } from './staff.mjs';

let env;
let broken;
before(async () => {
  env = await start();
  // A half-uploaded build: a file its service worker lists is missing.
  const dir = await copyOfRelease('half-uploaded');
  await rm(join(dir, 'icons', 'icon-512.png'));
  broken = await startServing(dir);
});
after(async () => {
  await env?.stop();
  await broken?.stop();
  await cleanUp();
});

const READY = 'Ready without network';

/** The check's line containing `text`: its mark ("✓" done, "!" to do, hidden
 * from screen readers) and its words, which say "Done:" or "To do:" first. */
async function checkLine(page, text) {
  const line = page.getByRole('list').filter({ has: page.getByRole('listitem') }).getByRole('listitem').filter({ hasText: text });
  await line.waitFor();
  return (await line.innerText()).replace(/\s+/g, ' ').trim();
}

test('once the build is stored, the start screen says so, and the staff area ticks the offline copy with the version and build', async () => {
  const page = await openApp(env);
  await waitForOffline(page);
  await page.getByText(READY).waitFor();
  await screenshot(page, 'start-ready-without-network');

  await openArea(page);
  await setFirstPin(page);
  await page.getByRole('heading', { name: 'Tablet check', level: 2 }).waitFor();
  await page.getByText(`Candour ${await workspaceVersion()}, build ${await buildOf(page)}`).waitFor();

  assert.match(await checkLine(page, 'Offline copy'), /^✓ Done: Offline copy complete for this build/);
  assert.match(await checkLine(page, 'PIN'), /^✓ Done: Researcher PIN set\./);
  assert.match(await checkLine(page, 'Questionnaire in use'), /^✓ Done: Questionnaire in use: .+, version 2\.0\.0\.$/);
  // Not set up yet: each line says what to do.
  assert.match(await checkLine(page, 'label and service code'), /^! To do: Set the tablet's label and service code under "This tablet"/);
  assert.match(await checkLine(page, 'Not opened from the home screen'), /^! To do: Not opened from the home screen/);
  assert.match(await checkLine(page, 'keep the responses'), /^! To do: The browser has not promised to keep the responses/);
  assert.match(await checkLine(page, 'No research team key'), /^! To do: No research team key is loaded, so responses are stored unsealed/);
  await page.getByRole('status').filter({ hasText: 'To do: 4' }).waitFor();
  assert.deepEqual(await axe(page), []);
  await screenshot(page, 'staff-tablet-check');

  // Setting the label and service code ticks their line on "Check again".
  await page.getByLabel('Tablet label (stored in every response)').fill('Clinic A, tablet 2');
  await page.getByLabel('Service code (stored in every response)').fill('MBRO-HAT');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
  await page.getByRole('button', { name: 'Check again' }).click();
  await page.getByRole('listitem').filter({ hasText: 'Tablet label "Clinic A, tablet 2" and service code MBRO-HAT set.' }).waitFor();
  assert.match(await checkLine(page, 'Clinic A, tablet 2'), /^✓ Done: /);
  await page.getByRole('status').filter({ hasText: 'To do: 3' }).waitFor();
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('when the offline copy cannot be stored, no mark shows and the check says what to do', async () => {
  const page = await openApp(broken);
  // The worker's download fails on the missing file; the page hears so.
  await page.waitForFunction(() => document.documentElement.dataset.candourOffline === 'failed');
  assert.equal(await page.getByText(READY).count(), 0, 'no "Ready without network" mark');
  await openArea(page);
  await setFirstPin(page);
  assert.match(
    await checkLine(page, 'offline copy of this build is not complete'),
    /^! To do: The offline copy of this build is not complete: connect to the clinic network, close Candour and open it again/,
  );
  await screenshot(page, 'staff-tablet-check-offline-failed');
  await page.close();
});
