// Languages: in the pseudo-locale (English accented and about 40% longer,
// generated from locales/en.json, the instrument's texts too) no English
// word is left anywhere a participant looks, nothing overflows, and each
// record stores its locale; in the right-to-left pseudo-locale the layout
// mirrors. The locale is chosen with ?locale= in the address.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { VIEWPORTS, screenshot, scrollsSideways, start } from './harness.mjs';
import { englishOn, textsOnPage } from './pseudo.mjs';
import { storedRecords } from './survey.mjs';
import {
  answerAnyhow, axeWith, chooseDisplay, nextScreen, openAt, questionId, storeSettings,
} from './reading-helpers.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.stop(); });

test('in the pseudo-locale no English is left on any screen, and nothing overflows at 390 px in the largest text', async () => {
  const page = await openAt(env, { viewport: VIEWPORTS.phone, path: '/?locale=en-XA' });
  const seen = new Set();
  const check = async (what) => {
    assert.deepEqual(await englishOn(page), [], `English on ${what}`);
    assert.equal(await scrollsSideways(page), false, `${what} scrolls sideways`);
    for (const t of await textsOnPage(page)) seen.add(t);
  };
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en-XA');
  await check('start');
  await screenshot(page, 'pseudo-start');
  await page.locator('#participant-code').fill('John Smith');
  await page.locator('.start-form button[type=submit]').click();
  await page.locator('#code-error').waitFor();
  await check('start, a refused participant code');
  await page.locator('#participant-code').fill('');
  await page.locator('.start-form button[type=submit]').click();

  await page.locator('.consent-screen').waitFor();
  await chooseDisplay(page, 'text-largest');
  await check('consent');
  await screenshot(page, 'pseudo-consent-largest');
  await page.locator('.consent-screen .button.primary').click();

  let screens = 0;
  for (let variable = await questionId(page); variable; variable = await questionId(page)) {
    screens += 1;
    if (variable === 'b3_missed_doses') {
      await page.locator('.nav-buttons .button.primary').click();
      await page.locator('.notice.warning[role=alert]').waitFor();
      await check('a required item refused');
    }
    const terms = page.locator('main .question-text .glossary-term');
    if (await terms.count()) await terms.first().click();
    const number = page.locator('.answer-number-box').first();
    if (await number.count() && !(await page.locator('.answer-error:not(:empty)').count())) {
      await number.fill('x1');
      await page.locator('.answer-error:not(:empty)').waitFor();
      await check(`${variable}, a number refused`);
    }
    await check(variable);
    if (['a1_works', 'a4_here_in_a_year', 'b4_missed_why', 'b5_hard_work', 'e1_days_heroin', 'e10_physical'].includes(variable)) {
      await screenshot(page, `pseudo-${variable}`);
    }
    await answerAnyhow(page);
    await nextScreen(page);
  }
  assert.equal(screens, 37, 'every screen, the follow-ups included');
  await page.locator('.review-screen').waitFor();
  await check('review');
  await screenshot(page, 'pseudo-review');
  await page.locator('.review-screen .nav-buttons .button.primary').click();
  await page.locator('.ended-screen').waitFor();
  await check('thank-you');
  await screenshot(page, 'pseudo-thanks');

  // The walk did see the app's texts, pseudo-localised: a sample of them.
  for (const t of ['[Ñéẋţ ~]', '[Ɓåçķ ~]']) assert.ok(seen.has(t), `saw ${t}`);
  const [record] = await storedRecords(page);
  assert.equal(record?.locale, 'en-XA', 'the record stores the locale it was answered in');
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('in the pseudo-locale "Are you still there?" has no English either', async () => {
  const page = await openAt(env, { viewport: VIEWPORTS.phone, path: '/?locale=en-XA' });
  await storeSettings(page, { idle_seconds: 1, still_there_seconds: 30 });
  await page.locator('.start-form button[type=submit]').click();
  await page.locator('.consent-screen .button.primary').click();
  await page.getByRole('alertdialog').waitFor();
  assert.deepEqual(await englishOn(page), []);
  assert.equal(await scrollsSideways(page), false);
  await screenshot(page, 'pseudo-still-there');
  await page.close();
});

test('a survey resumed after a reload keeps its own locale, whatever the address says', async () => {
  const page = await openAt(env, { path: '/?locale=en-XA' });
  await page.locator('.start-form button[type=submit]').click();
  await page.locator('.consent-screen .button.primary').click();
  await page.locator('h1[id^="q-"]').waitFor();
  await page.goto(env.origin + '/');
  await page.locator('h1[id^="q-"]').waitFor();
  assert.deepEqual(await englishOn(page), []);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en-XA');
  await page.close();
});

test('right to left: the layout mirrors, and stays accessible and within the screen', async () => {
  const page = await openAt(env, { viewport: VIEWPORTS.tabletPortrait, path: '/?locale=ar-XB' });
  const root = await page.evaluate(() => ({
    dir: document.documentElement.dir,
    lang: document.documentElement.lang,
    direction: getComputedStyle(document.body).direction,
  }));
  assert.deepEqual(root, { dir: 'rtl', lang: 'ar-XB', direction: 'rtl' });
  await page.locator('.start-form button[type=submit]').click();
  await page.locator('.consent-screen').waitFor();
  await screenshot(page, 'rtl-consent');
  // The first answer is at the right, the second at its left.
  const yes = await page.locator('.consent-screen .button.primary').boundingBox();
  const no = await page.locator('.consent-screen .choice-buttons .button:not(.primary)').boundingBox();
  assert.ok(yes.x > no.x, 'Yes (first) is right of No');
  await page.locator('.consent-screen .button.primary').click();

  // On the 0-10 scale, 0 and its words are at the right, 10 at the left.
  await page.waitForFunction(() => document.querySelector('h1')?.id === 'q-a1_works');
  const box = (selector) => page.locator(selector).first().boundingBox();
  const zero = await box('.answer-scale-tile:first-child');
  const one = await box('.answer-scale-tile:nth-child(2)');
  assert.ok(zero.x > one.x, '0 is right of 1');
  const low = await box('.answer-scale-end');
  const high = await box('.answer-scale-end-high');
  assert.ok(low.x > high.x, 'the low end\'s words are at the right');
  await screenshot(page, 'rtl-scale');

  // A screen of list questions, with the navigation.
  for (let v = await questionId(page); v !== 'a4_here_in_a_year'; v = await questionId(page)) {
    await answerAnyhow(page);
    await nextScreen(page);
  }
  const next = await box('.nav-buttons .button.primary');
  const back = await box('.nav-buttons .button:not(.primary)');
  assert.ok(next.x + next.width <= back.x + 1, `Next (${next.x}) is left of Back (${back.x})`);
  const mark = await box('.answer-tile .answer-mark');
  const words = await box('.answer-tile .answer-tile-text');
  assert.ok(mark.x > words.x, 'each tile\'s mark is at its right, before its words');
  const heading = await page.locator('h1').evaluate((h) => getComputedStyle(h).direction);
  assert.equal(heading, 'rtl');
  assert.deepEqual(await axeWith(page), []);
  assert.equal(await scrollsSideways(page), false);
  await screenshot(page, 'rtl-agreement');
  await page.setViewportSize(VIEWPORTS.phone);
  await chooseDisplay(page, 'text-largest');
  assert.equal(await scrollsSideways(page), false);
  await screenshot(page, 'rtl-agreement-phone-largest');
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('an unknown locale in the address gives English, and records say "en"', async () => {
  const page = await openAt(env, { path: '/?locale=xx-YY' });
  assert.equal(await page.locator('.start-form button[type=submit]').innerText(), 'Start a new survey');
  const root = await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir]);
  assert.deepEqual(root, ['en', 'ltr']);
  // The same check that found no English in the pseudo-locale finds it here.
  assert.ok((await englishOn(page)).includes('Start a new survey'));
  await page.locator('.start-form button[type=submit]').click();
  await page.getByRole('button', { name: 'No, I do not want to' }).click();
  await page.getByRole('heading', { name: 'Thank you' }).waitFor();
  const [record] = await storedRecords(page);
  assert.equal(record?.locale, 'en');
  await page.close();
});
