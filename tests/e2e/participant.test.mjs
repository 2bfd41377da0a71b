// The participant's path, end to end in the release build, through roles and
// accessible names only: a whole survey, declining, skip logic, reload and
// resume, double submit, browser Back after the reset.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, screenshot, start } from './harness.mjs';
import {
  FULL_PLAN, answerAll, currentVariable, give, next, startAndConsent, storedDraft, storedRecords,
} from './survey.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.stop(); });

test('a participant completes the whole default questionnaire and every value is stored as entered', async () => {
  const page = await openApp(env);
  await screenshot(page, 'start');
  await page.getByRole('textbox', { name: 'Participant code (optional)' }).fill('hat-042');
  await page.getByRole('button', { name: 'Start a new survey' }).click();
  await page.getByRole('heading', { level: 1 }).waitFor();
  await screenshot(page, 'consent');
  await page.getByRole('button', { name: 'Yes, I am happy to answer' }).click();

  const counters = [];
  const seen = await answerAll(page, FULL_PLAN, {
    onQuestion: async (variable) => {
      counters.push(await page.getByText(/^Question \d+ of \d+$/).innerText());
      if (variable === 'a1_works') await screenshot(page, 'question-scale');
      if (variable === 'b8_work_or_care') await screenshot(page, 'question-multiple');
      if (variable === 'b3_travel_cost') await screenshot(page, 'question-number');
    },
  });
  assert.deepEqual(seen, Object.keys(FULL_PLAN), 'every item shown, in order');
  assert.equal(counters[0], 'Question 1 of 45');
  assert.equal(counters.at(-1), `Question ${seen.length} of ${seen.length}`);

  // The review lists every answer in words.
  await screenshot(page, 'review');
  const review = await page.getByRole('main').innerText();
  assert.match(review, /I slept in/);
  assert.match(review, /3\.4 pounds/);
  assert.match(review, /Prefer not to say/);
  assert.match(review, /No answer/);

  await page.getByRole('button', { name: 'Send my answers' }).click();
  await page.getByRole('heading', { name: 'Thank you', level: 1 }).waitFor();
  await screenshot(page, 'thanks');

  const [record] = await storedRecords(page);
  assert.equal(record.status, 'complete');
  assert.equal(record.participant_code, 'HAT-042');
  assert.equal(record.instrument.id, 'candour-hat-feedback');
  assert.match(record.instrument.hash, /^sha256:[0-9a-f]{64}$/);
  assert.equal(record.locale, 'en');
  assert.ok(record.ended_at >= record.started_at);
  for (const [variable, [, expected]] of Object.entries(FULL_PLAN)) {
    assert.deepEqual(record.answers[variable], expected, variable);
    assert.ok(record.paradata[variable]?.first_shown, `${variable} first shown`);
  }
  assert.equal(await storedDraft(page), null, 'the draft is gone once submitted');
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('declining consent stores only a declined record and returns to the start', async () => {
  const page = await openApp(env);
  await page.getByRole('button', { name: 'Start a new survey' }).click();
  await page.getByRole('button', { name: 'No, I do not want to' }).click();
  await page.getByRole('heading', { name: 'Thank you', level: 1 }).waitFor();
  await screenshot(page, 'declined');
  await page.getByRole('button', { name: 'Close now' }).click();
  await page.getByRole('button', { name: 'Start a new survey' }).waitFor();
  const records = await storedRecords(page);
  assert.equal(records.length, 1);
  assert.equal(records[0].status, 'declined_consent');
  assert.deepEqual(records[0].answers, {});
  await page.close();
});

test('a skip condition shows and hides an item as answers change', async () => {
  const page = await openApp(env);
  await startAndConsent(page);
  for (;;) {
    const variable = await currentVariable(page);
    if (variable === 'b5_missed_doses') break;
    await give(page, FULL_PLAN[variable][0]);
    await next(page);
  }
  const counter = page.getByText(/^Question \d+ of \d+$/);
  assert.equal(await counter.innerText(), 'Question 11 of 45');
  await give(page, { number: '0' });
  await next(page);
  assert.equal(await currentVariable(page), 'b7_stops_me', 'no missed doses: no reason asked');

  await page.getByRole('button', { name: 'Back' }).click();
  await page.getByRole('heading', { level: 1, name: /how many doses/ }).waitFor();
  await give(page, { number: '3' });
  assert.equal(await counter.innerText(), 'Question 11 of 46', 'the count includes the newly shown item');
  await next(page);
  assert.equal(await currentVariable(page), 'b6_missed_reason');
  await page.close();
});

test('a reload mid-survey brings the participant back to the same question with every answer', async () => {
  const page = await openApp(env);
  await startAndConsent(page);
  for (const variable of ['a1_works', 'a2_here_in_a_year', 'a3_keep_going']) {
    await give(page, FULL_PLAN[variable][0]);
    await next(page);
  }
  await give(page, FULL_PLAN.a4_avoid_street[0]); // answered, Next not yet pressed
  await page.reload();
  assert.equal(await currentVariable(page), 'a4_avoid_street');
  assert.ok(await page.getByRole('radio', { name: '5', exact: true }).isChecked());
  await page.getByRole('button', { name: 'Back' }).click();
  await page.getByRole('heading', { level: 1, name: /keep going/ }).waitFor();
  assert.ok(await page.getByRole('radio', { name: '10, Very sure' }).isChecked());
  await page.close();
});

test('a double tap on Submit stores one record, and browser Back after the reset shows nothing', async () => {
  const page = await openApp(env);
  await startAndConsent(page);
  await answerAll(page, FULL_PLAN);
  // Two clicks in the same task, before any re-render: a real double tap.
  await page.getByRole('button', { name: 'Send my answers' }).evaluate((b) => { b.click(); b.click(); });
  await page.getByRole('heading', { name: 'Thank you', level: 1 }).waitFor();
  assert.equal((await storedRecords(page)).length, 1);

  await page.getByRole('button', { name: 'Close now' }).click();
  await page.getByRole('button', { name: 'Start a new survey' }).waitFor();
  const traces = ['Sam', 'I slept in', 'evening slots', 'Check your answers'];
  const visible = async () => (await page.locator('body').innerText());
  for (const t of traces) assert.ok(!(await visible()).includes(t), `start screen shows "${t}"`);

  await page.goBack().catch(() => {});
  await page.waitForLoadState();
  for (const t of traces) assert.ok(!(await visible()).includes(t), `after Back the page shows "${t}"`);
  await page.goForward().catch(() => {});
  await page.waitForLoadState();
  for (const t of traces) assert.ok(!(await visible()).includes(t), `after Forward the page shows "${t}"`);
  await page.close();
});
