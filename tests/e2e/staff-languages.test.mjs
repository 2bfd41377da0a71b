// Languages in the staff area and the workbench: in the pseudo-locale no
// English is left on any of their screens, the errors included (a PIN typed
// differently twice, a wrong PIN, a refused setup file, questionnaire,
// proof file, lock time and device setting on the tablet; a refused
// export, passphrase, key file and questionnaire in the workbench, and an
// accepted export with its verification and summary). Errors
// reach the screen typed and are said there from the locale files, so
// each is shown here at least once. The locale is chosen with ?locale= in
// the address, which every page keeps when it opens another.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { VIEWPORTS, buildOf, scrollsSideways, start } from './harness.mjs';
import { englishOn } from './pseudo.mjs';
import { openAt } from './reading-helpers.mjs';
import { PIN, RECOVERY_CODE } from './staff.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

let env;
before(async () => { env = await start(); });
after(async () => { await env?.stop(); });

// Picked files are named without ASCII words, so that their names (which a
// message repeats) need no exception.
const NOT_JSON = { name: 'ñöţ-ĵšöñ', mimeType: 'application/json', buffer: Buffer.from('{ not json') };
const NOT_TEXT = { name: 'þîçţûŕé', mimeType: 'application/json', buffer: Buffer.from([0xff, 0xfe, 0x00, 0x81]) };
const NOT_PROOF = { name: 'ŕéçéîþţ', mimeType: 'application/json', buffer: Buffer.from('{"a": 1}\n') };
const EMPTY = { name: 'éɱþţý', mimeType: 'application/json', buffer: Buffer.alloc(0) };

/** A checker for `page`: no English (but `data`), and nothing wider than
 * the screen, on the screen named `what`. */
function checker(page, data = []) {
  return async (what) => {
    assert.deepEqual(await englishOn(page, { data }), [], `English on ${what}`);
    assert.equal(await scrollsSideways(page), false, `${what} scrolls sideways`);
  };
}

/** Every string value of a JSON value of two characters or more. */
function valuesOf(value) {
  if (typeof value === 'string') return value.length > 1 ? [value] : [];
  if (Array.isArray(value)) return value.flatMap(valuesOf);
  if (value && typeof value === 'object') return Object.values(value).flatMap(valuesOf);
  return [];
}

/** The alert inside `scope` once it holds text. */
function alertIn(page, scope) {
  return page.locator(`${scope} [role=alert]`).filter({ hasText: /\S/ }).first().waitFor();
}

test('in the pseudo-locale the staff area has no English, its errors included', async () => {
  const page = await openAt(env, { viewport: VIEWPORTS.phone, path: '/?locale=en-XA' });
  await page.goto(`${env.origin}/staff.html?locale=en-XA`);
  // Data, not words: the build id (in "version … (build …)"); the
  // recovery code, shown once, made of capitals and digits; and the
  // questionnaire in use, whose title, id and content hash are the
  // questionnaire file's, not the app's (the staff area shows them as
  // loaded, in the questionnaire's own language).
  const build = await buildOf(page);
  const instrument = JSON.parse(await readFile(join(ROOT, 'instruments', 'default.json'), 'utf8'));
  const data = [
    build, new RegExp(RECOVERY_CODE.source.slice(1, -1), 'g'),
    instrument.title, instrument.id, /sha256:[0-9a-f]+/g,
  ].filter(Boolean);
  const check = checker(page, data);

  // The first PIN: typed differently twice, then set.
  await page.locator('#new-pin').waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en-XA');
  await check('set the first PIN');
  await page.locator('#new-pin').fill(PIN);
  await page.locator('#confirm-pin').fill('402719');
  await page.locator('form button[type=submit]').click();
  await alertIn(page, 'form');
  await check('set the first PIN, typed differently');
  await page.locator('#new-pin').fill(PIN);
  await page.locator('#confirm-pin').fill(PIN);
  await page.locator('form button[type=submit]').click();
  await page.locator('.recovery-code').waitFor();
  await check('the recovery code, shown once');
  await page.locator('main .button.primary').click();

  // The home and its panels, once each has read what it shows.
  await page.locator('#dashboard-heading').waitFor();
  await page.locator('.tablet-check').waitFor();
  await page.locator('#sealing-heading ~ p.notice').first().waitFor();
  await check('the researcher home');

  await page.locator('#setup-file').setInputFiles(NOT_JSON);
  await alertIn(page, 'section[aria-labelledby=sealing-heading]');
  await check('a refused setup file');

  await page.locator('#instrument-file').setInputFiles(NOT_TEXT);
  await page.locator('#instrument-problems').waitFor();
  await check('a refused questionnaire file');

  const exportPanel = 'section[aria-labelledby=export-heading]';
  await page.locator(`${exportPanel} .choice-buttons .button.primary`).click();
  await page.locator(`${exportPanel} .notice[role=status]`).waitFor();
  await check('an export with nothing to export');

  await page.locator(`${exportPanel} > button.button`).click();
  await page.locator('#safe-files').setInputFiles([NOT_PROOF, NOT_TEXT]);
  await page.locator(`${exportPanel} .danger, ${exportPanel} [role=alert]`).first().waitFor();
  await check('delete exported responses, with files that show nothing');

  await page.locator('#area-lock-minutes').fill('ẋ');
  await page.locator('#area-lock-minutes').press('Enter');
  await page.locator('section[aria-labelledby=security-heading] .notice.warning').waitFor();
  await check('a refused lock time');

  await page.locator('#idle-seconds').fill('5');
  await page.locator('#idle-seconds').press('Enter');
  await page.locator('section[aria-labelledby=device-heading] .notice.warning').first().waitFor();
  await check('a refused time before a survey is set aside');

  // A wrong PIN at the gate, after the area is left and opened again.
  await page.goto(`${env.origin}/staff.html?locale=en-XA`);
  await page.locator('#pin').fill('111111');
  await page.locator('form button[type=submit]').click();
  await alertIn(page, 'form');
  await check('a wrong PIN');
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('in the pseudo-locale the workbench has no English, its refusals and an accepted export included', async () => {
  const page = await openAt(env, { viewport: VIEWPORTS.tabletLandscape, path: '/?locale=en-XA' });
  await page.goto(`${env.origin}/workbench.html?locale=en-XA`);
  await page.locator('#open-files').waitFor();
  // The page says its language, so a screen reader speaks it as such.
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en-XA');
  const check = checker(page);
  await check('the workbench');

  await page.locator('#open-files').setInputFiles(EMPTY);
  await page.locator('#files-heading').waitFor();
  await page.getByText(EMPTY.name).first().waitFor();
  await check('a refused export file');

  await page.locator('#new-passphrase').fill('ŝĥöŕţ');
  await page.locator('#confirm-passphrase').fill('ŝĥöŕţ');
  await page.locator('#confirm-passphrase').press('Enter');
  await page.locator('section[aria-labelledby=create-key-heading] .notice.warning').waitFor();
  await check('a refused passphrase');

  await page.locator('#key-file').setInputFiles(NOT_PROOF);
  await page.locator('section[aria-labelledby=use-key-heading] .notice.warning').waitFor();
  await check('a refused key file');

  await page.locator('#setup-questionnaire').setInputFiles(NOT_TEXT);
  await page.locator('#setup-questionnaire ~ .notice.warning').waitFor();
  await check('a refused questionnaire for the setup file');

  // An accepted export, verified, combined and summarised. What it holds
  // is shown as the file has it (the tablet's label, the questionnaire's
  // id, questions and answer words, dates), so every string value of the
  // file is data here, not the workbench's words; so are the start of a
  // questionnaire's content hash and the names of the files it writes.
  const fixture = join(ROOT, 'tests', 'fixtures', 'workbench', 'clinic-a.json');
  const inFile = valuesOf(JSON.parse(await readFile(fixture, 'utf8')));
  const fileData = [
    basename(fixture), ...inFile.sort((a, b) => b.length - a.length),
    /sha256:[0-9a-f]+/g, /\bcandour_[\w.-]+/g,
  ];
  await page.locator('#open-files').setInputFiles(fixture);
  await page.locator('#summary-heading').waitFor();
  await page.locator('#verify-heading').waitFor();
  await page.locator('#downloads-heading').waitFor();
  await checker(page, fileData)('an accepted export, verified, combined and summarised');
  assert.deepEqual(page.problems, []);
  await page.close();
});
