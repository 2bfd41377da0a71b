// The participant's path, end to end in the release build, through roles and
// accessible names only: a whole survey, declining, skip logic, reload and
// resume, double submit, browser Back after the reset.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, screenshot, start } from './harness.mjs';
import {
  FULL_PLAN, PAGES, answerAll, currentVariable, currentVariables, give, next, startAndConsent,
  storedDraft, storedRecords,
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
  const screens = [];
  const seen = await answerAll(page, FULL_PLAN, {
    onScreen: async (variables) => {
      counters.push(await page.getByText(/^Page \d+ of \d+$/).innerText());
      screens.push(variables);
      const shots = {
        a1_works: 'question-scale', a4_here_in_a_year: 'question-group-agreement',
        b4_missed_why: 'question-multiple', b1_visits: 'question-number',
        b5_hard_work: 'question-group-difficulty', e1_days_heroin: 'question-group-numbers',
        e10_physical: 'question-scale-20', h1_take_home: 'question-group-yes-no',
      };
      if (shots[variables[0]]) await screenshot(page, shots[variables[0]]);
    },
  });
  assert.deepEqual(seen, Object.keys(FULL_PLAN), 'every item shown, in order');
  assert.equal(counters[0], `Page 1 of ${PAGES.before_answers}`);
  assert.equal(screens.length, PAGES.with_follow_ups, 'one page per screen, groups together');
  assert.equal(counters.at(-1), `Page ${screens.length} of ${screens.length}`);
  assert.deepEqual(screens.find((s) => s[0] === 'b5_hard_work'),
    ['b5_hard_work', 'b6_hard_family', 'b7_hard_places', 'b8_hard_rest', 'b9_hard_travel']);

  // The review lists every answer in words, grouped items under their heading.
  await screenshot(page, 'review');
  const review = await page.getByRole('main').innerText();
  assert.match(review, /I slept in, Staff did not give me my dose/);
  assert.match(review, /1 time a day/);
  assert.match(review, /45 minutes/);
  assert.match(review, /Does not apply to me/);
  assert.match(review, /13 out of 20/);
  assert.match(review, /Prefer not to say/);
  assert.match(review, /No answer/);
  assert.match(review, /Because you come here for your doses, how hard is it to do these things\?\s+Keep a job, or look for work\s+Very hard/);

  await page.getByRole('button', { name: 'Send my answers' }).click();
  await page.getByRole('heading', { name: 'Thank you', level: 1 }).waitFor();
  await screenshot(page, 'thanks');

  const [record] = await storedRecords(page);
  assert.equal(record.status, 'complete');
  assert.equal(record.participant_code, 'HAT-042');
  assert.equal(record.instrument.id, 'candour-hat-feedback');
  assert.match(record.instrument.hash, /^sha256:[0-9a-f]{64}$/);
  assert.equal(record.locale, 'en');
  assert.equal(record.instrument.version, '2.0.0');
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
    const variables = await currentVariables(page);
    if (variables[0] === 'b3_missed_doses') break;
    for (const variable of variables) await give(page, FULL_PLAN[variable][0], variable);
    await next(page);
  }
  const counter = page.getByText(/^Page \d+ of \d+$/);
  assert.equal(await counter.innerText(), `Page 7 of ${PAGES.before_answers}`);
  // Required: it decides whether the reasons are asked.
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('alert').filter({ hasText: 'Please type a number to go on' }).waitFor();
  await give(page, { number: '0' });
  await next(page);
  assert.equal(await currentVariable(page), 'b5_hard_work', 'no missed doses: no reasons asked');

  await page.getByRole('button', { name: 'Back' }).click();
  await page.getByRole('heading', { level: 1, name: /how many doses/ }).waitFor();
  await give(page, { number: '3' });
  assert.equal(await counter.innerText(), `Page 7 of ${PAGES.before_answers + 1}`, 'the count includes the newly shown item');
  await next(page);
  assert.equal(await currentVariable(page), 'b4_missed_why');
  await page.close();
});

test('"On my own" goes alone: ticking it clears the others, and another answer clears it', async () => {
  const page = await openApp(env);
  await startAndConsent(page);
  for (let variables = await currentVariables(page); variables[0] !== 'p5_how_done'; variables = await currentVariables(page)) {
    for (const variable of variables) await give(page, FULL_PLAN[variable][0], variable);
    await next(page);
  }
  const box = (name) => page.getByRole('checkbox', { name, exact: true });
  await box('The tablet read them out to me').check();
  await box('A person read them out to me').check();
  await box('On my own, with no help').check();
  assert.equal(await box('The tablet read them out to me').isChecked(), false);
  assert.equal(await box('A person read them out to me').isChecked(), false);
  await box('A person helped me choose my answers').check();
  assert.equal(await box('On my own, with no help').isChecked(), false);
  await next(page);
  await page.getByRole('heading', { name: 'Check your answers' }).waitFor();
  await page.getByRole('button', { name: 'Send my answers' }).click();
  await page.getByRole('heading', { name: 'Thank you', level: 1 }).waitFor();
  const [record] = await storedRecords(page);
  assert.deepEqual(record.answers.p5_how_done, { codes: [3] });
  await page.close();
});

test('a reload mid-survey brings the participant back to the same question with every answer', async () => {
  const page = await openApp(env);
  await startAndConsent(page);
  for (const variable of ['a1_works', 'a2_keep_coming', 'a3_avoid_street']) {
    await give(page, FULL_PLAN[variable][0]);
    await next(page);
  }
  // Two items of a group answered, Next not yet pressed.
  await give(page, FULL_PLAN.a4_here_in_a_year[0], 'a4_here_in_a_year');
  await give(page, FULL_PLAN.a6_told_funding[0], 'a6_told_funding');
  await page.reload();
  assert.deepEqual(await currentVariables(page), ['a4_here_in_a_year', 'a5_worry_close', 'a6_told_funding']);
  assert.ok(await page.locator('#item-a4_here_in_a_year').getByRole('radio', { name: 'I agree', exact: true }).isChecked());
  assert.ok(await page.locator('#item-a6_told_funding').getByRole('radio', { name: "I don't agree", exact: true }).isChecked());
  await page.getByRole('button', { name: 'Back' }).click();
  await page.getByRole('heading', { level: 1, name: /street heroin/ }).waitFor();
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
  const traces = ['Sam', 'I slept in', 'evening slots', 'Check your answers', 'weekend'];
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
