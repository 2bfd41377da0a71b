// Accessibility of the participant's path: axe-core on every kind of screen,
// a whole survey by keyboard alone, and no sideways scrolling at tablet and
// phone sizes.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { VIEWPORTS, axe, openApp, screenshot, scrollsSideways, start } from './harness.mjs';
import { FULL_PLAN, answerAll, currentVariable, startAndConsent, storedRecords } from './survey.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.stop(); });

/** One question of each type, plus the screens around them. */
const KINDS = {
  a1_works: 'scale 0-10', a5_worry_close: 'agreement', a6_told_funding: 'yes / no / not sure',
  b1_visits: 'number', b6_missed_reason: 'single choice', b8_work_or_care: 'multiple choice',
  e1_days_heroin: 'number with prefer not to say', g1_best_thing: 'free text',
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
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('alert').waitFor();
    await check('a required item refused');
    await answerAll(page, FULL_PLAN, {
      onQuestion: async (variable) => {
        if (KINDS[variable]) await check(KINDS[variable]);
        if (name === 'phone' && KINDS[variable]) await screenshot(page, `phone-${variable}`);
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

  let answered = 0;
  for (let variable = await currentVariable(page); variable; variable = await currentVariable(page)) {
    // Focus starts on the question's heading; Tab passes any explained hard
    // word (a <summary>) to reach the answer.
    let f = await focused();
    for (let i = 0; i < 5 && !['INPUT', 'TEXTAREA'].includes(f.tag); i++) {
      await page.keyboard.press('Tab');
      f = await focused();
    }
    if (f.type === 'radio' || f.type === 'checkbox') await page.keyboard.press('Space');
    else if (f.tag === 'TEXTAREA') await page.keyboard.type('Fine');
    else if (f.tag === 'INPUT') await page.keyboard.type('1');
    else assert.fail(`${variable}: Tab never reached an answer, stopped at ${JSON.stringify(f)}`);
    answered++;
    await tabTo('Next');
    await page.keyboard.press('Enter');
    await page.waitForFunction((v) => document.querySelector('h1')?.id !== `q-${v}`, variable);
  }
  await page.getByRole('heading', { name: 'Check your answers' }).waitFor();
  await tabTo('Send my answers');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Thank you' }).waitFor();
  const [record] = await storedRecords(page);
  assert.equal(record.status, 'complete');
  assert.ok(answered >= 45, `${answered} questions answered`);
  assert.deepEqual(record.answers.a1_works, { code: 0 });
  assert.deepEqual(record.answers.b1_visits, { number: 1 });
  assert.deepEqual(record.answers.g1_best_thing, { text: 'Fine' });
  await page.close();
});
