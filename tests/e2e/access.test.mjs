// Accessibility of the participant's path: axe-core on every kind of screen,
// a whole survey by keyboard alone, and no sideways scrolling at tablet and
// phone sizes.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { VIEWPORTS, axe, openApp, screenshot, scrollsSideways, start } from './harness.mjs';
import { FULL_PLAN, answerAll, currentVariable, give, startAndConsent, storedRecords } from './survey.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.stop(); });

/** One screen of each kind, by its first item, plus the screens around them. */
const KINDS = {
  a1_works: 'scale 0-10', a4_here_in_a_year: 'agreement items on one screen, with don\'t know',
  b1_visits: 'number', b4_missed_why: 'multiple choice',
  b5_hard_work: 'difficulty items with does not apply', c1_respect: 'agreement items on one screen',
  e1_days_heroin: 'number boxes on one screen, with prefer not to say', e8_injected: 'single choice',
  e10_physical: 'scale 0-20', h1_take_home: 'yes / no / not sure items on one screen',
  g1_best_thing: 'free text', p5_how_done: 'multiple choice with an exclusive option',
};

for (const [name, viewport] of Object.entries(VIEWPORTS)) {
  test(`every kind of screen passes axe-core and fits without sideways scrolling at ${name}`, async () => {
    const page = await openApp(env, { viewport });
    const check = async (what) => {
      assert.deepEqual(await axe(page), [], `axe on ${what}`);
      assert.equal(await scrollsSideways(page), false, `${what} scrolls sideways`);
    };
    await check('start');
    await page.getByRole('textbox', { name: 'Participant code (optional)' }).fill('John Smith');
    await page.getByRole('button', { name: 'Start a new survey' }).click();
    await page.getByRole('alert').waitFor();
    await check('start with a code error');
    await startAndConsent(page, { code: 'HAT-1' });
    await page.getByRole('button', { name: 'Back' }).click();
    await page.getByRole('button', { name: 'Yes, I am happy to answer' }).waitFor();
    await check('consent');
    await page.getByRole('button', { name: 'Yes, I am happy to answer' }).click();
    await answerAll(page, FULL_PLAN, {
      onScreen: async ([variable]) => {
        if (KINDS[variable]) await check(KINDS[variable]);
        if (name === 'phone' && KINDS[variable]) await screenshot(page, `phone-${variable}`);
        if (variable === 'b3_missed_doses') {
          await page.getByRole('button', { name: 'Next' }).click();
          await page.getByRole('alert').waitFor();
          await check('a required item refused');
        }
        if (variable === 'e1_days_heroin') {
          // Next refused on a screen of several items: the item that needs
          // an answer says so under it.
          await page.getByRole('button', { name: 'Next' }).click();
          await page.locator('#item-e4_days_bought').getByRole('alert').waitFor();
          await check('a required item refused on a screen of several');
          await give(page, { number: 'x' }, 'e1_days_heroin');
          await page.locator('#item-e1_days_heroin').getByText('Please type a number using digits').waitFor();
          await check('a number the box cannot read');
        }
      },
    });
    await check('review');
    await page.getByRole('button', { name: 'Send my answers' }).click();
    await page.getByRole('heading', { name: 'Thank you' }).waitFor();
    await check('thank-you');
    await page.close();
  });
}

test('a whole survey can be completed by keyboard alone', async () => {
  const page = await openApp(env);
  const focused = () => page.evaluate(() => {
    const e = document.activeElement;
    return { tag: e?.tagName, type: e?.getAttribute('type'), text: e?.textContent?.trim() ?? '' };
  });
  const tabTo = async (label) => {
    for (let i = 0; i < 120; i++) {
      await page.keyboard.press('Tab');
      if ((await focused()).text === label) return;
    }
    assert.fail(`Tab never reached "${label}"`);
  };

  await tabTo('Start a new survey');
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Yes, I am happy to answer' }).waitFor();
  await tabTo('Yes, I am happy to answer');
  await page.keyboard.press('Enter');

  // Every answer on every screen: Tab to each control in turn; the first
  // option of each group (Space), every box of a list of boxes, "1" in a
  // number box, "Fine" in a text box; then Next.
  let screens = 0;
  for (let variable = await currentVariable(page); variable; variable = await currentVariable(page)) {
    const heading = await page.evaluate(() => document.querySelector('h1')?.id ?? '');
    let f = await focused();
    for (let i = 0; i < 150 && f.text !== 'Next'; i++) {
      await page.keyboard.press('Tab');
      f = await focused();
      if (f.type === 'radio' || f.type === 'checkbox') await page.keyboard.press('Space');
      else if (f.tag === 'TEXTAREA') await page.keyboard.type('Fine');
      else if (f.tag === 'INPUT') await page.keyboard.type('1');
    }
    assert.equal(f.text, 'Next', `${variable}: Tab never reached Next`);
    screens++;
    await page.keyboard.press('Enter');
    await page.waitForFunction((h) => (document.querySelector('h1')?.id ?? '') !== h, heading);
  }
  await page.getByRole('heading', { name: 'Check your answers' }).waitFor();
  await tabTo('Send my answers');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Thank you' }).waitFor();
  const [record] = await storedRecords(page);
  assert.equal(record.status, 'complete');
  assert.equal(screens, 37, 'every page, the follow-ups included');
  const unanswered = Object.entries(record.answers).filter(([, v]) => 'missing' in v).map(([k]) => k);
  assert.deepEqual(unanswered, [], 'every item answered by keyboard');
  assert.equal(Object.keys(record.answers).length, Object.keys(FULL_PLAN).length);
  assert.deepEqual(record.answers.a1_works, { code: 0 });
  assert.deepEqual(record.answers.b1_visits, { number: 1 });
  assert.deepEqual(record.answers.b5_hard_work, { code: 1 });
  assert.deepEqual(record.answers.e4_days_bought, { number: 1 });
  assert.deepEqual(record.answers.g1_best_thing, { text: 'Fine' });
  // Every box of "how it was done" ticked in turn: "On my own" came last
  // and cleared the others.
  assert.deepEqual(record.answers.p5_how_done, { codes: [4] });
  await page.close();
});
