// Helpers that answer the survey as a participant would: through roles and
// accessible names only. Each question's heading id ("q-<variable>") tells
// which items are on screen, so a plan can give each item its answer; on a
// screen of several items each item's answers are found in its own region.
import assert from 'node:assert/strict';

/** A complete answer plan for the default questionnaire (2.0.0), with the
 * value each answer must be stored as. Exercises every item type, skip
 * logic (b4, e6, e9 shown), screens of several items, "Don't know", "Does
 * not apply" and "Prefer not to say", an exclusive choice ticked after
 * another (only it is kept), a unit in the singular, and text that must
 * survive intact. */
export const FULL_PLAN = {
  a1_works: [{ radio: '7' }, { code: 7 }],
  a2_keep_coming: [{ radio: '0, Not at all sure' }, { code: 0 }],
  a3_avoid_street: [{ radio: '10, Very sure' }, { code: 10 }],
  a4_here_in_a_year: [{ radio: 'I agree' }, { code: 4 }],
  a5_worry_close: [{ missing: "Don't know" }, { missing: 'dont_know' }],
  a6_told_funding: [{ radio: "I don't agree" }, { code: 2 }],
  b1_visits: [{ number: '1' }, { number: 1 }],
  b2_visit_minutes: [{ number: '45' }, { number: 45 }],
  b3_missed_doses: [{ number: '2' }, { number: 2 }],
  b4_missed_why: [{ check: ['I slept in', 'Staff did not give me my dose'] }, { codes: [8, 10] }],
  b5_hard_work: [{ radio: 'Very hard' }, { code: 5 }],
  b6_hard_family: [{ missing: 'Does not apply to me' }, { missing: 'does_not_apply' }],
  b7_hard_places: [{ radio: 'A little hard' }, { code: 2 }],
  b8_hard_rest: [{ radio: 'Hard' }, { code: 4 }],
  b9_hard_travel: [{ radio: 'Fairly hard' }, { code: 3 }],
  c1_respect: [{ radio: 'I agree a lot' }, { code: 5 }],
  c2_trust: [{ radio: 'I agree' }, { code: 4 }],
  c3_listened: [{ radio: 'I agree' }, { code: 4 }],
  c4_person: [{ radio: 'In between' }, { code: 3 }],
  c5_problem: [{ radio: "I don't agree at all" }, { code: 1 }],
  c6_beyond_dose: [{ radio: 'I agree' }, { code: 4 }],
  c7_raise_problem: [{ radio: "I don't agree" }, { code: 2 }],
  c8_understand: [{ missing: "Don't know" }, { missing: 'dont_know' }],
  d1_know_rules: [{ radio: 'I agree a lot' }, { code: 5 }],
  d2_fair: [{ radio: 'I agree' }, { code: 4 }],
  d3_same_for_all: [{ radio: 'In between' }, { code: 3 }],
  d4_fit_my_life: [{ radio: "I don't agree" }, { code: 2 }],
  d5_reasons_told: [{ radio: 'I agree' }, { code: 4 }],
  d6_harder: [{ radio: 'I agree' }, { code: 4 }],
  p1_months: [{ number: '14' }, { number: 14 }],
  e1_days_heroin: [{ number: '3' }, { number: 3 }],
  e2_days_crack: [{ number: '0' }, { number: 0 }],
  e3_days_other: [{ missing: 'Prefer not to say' }, { missing: 'prefer_not_to_say' }],
  e4_days_bought: [{ number: '5' }, { number: 5 }],
  e5_days_crime: [{ number: '0' }, { number: 0 }],
  e6_stop_buying: [{ radio: 'I agree a lot' }, { code: 5 }],
  e7_overdose: [{ radio: 'Not sure' }, { code: 2 }],
  e8_injected: [{ radio: 'Yes' }, { code: 1 }],
  e9_shared: [{ radio: 'No' }, { code: 0 }],
  e10_physical: [{ radio: '13' }, { code: 13 }],
  e11_mental: [{ radio: '20, Very good' }, { code: 20 }],
  e12_life: [{ radio: '8' }, { code: 8 }],
  e13_housing: [{ radio: 'With family or friends, short term' }, { code: 3 }],
  e14_days_work: [{ number: '4' }, { number: 4 }],
  e15_change: [{ radio: 'A bit better' }, { code: 4 }],
  f1_satisfaction: [{ radio: '9' }, { code: 9 }],
  f2_recommend: [{ radio: 'I agree a lot' }, { code: 5 }],
  f3_choose_again: [{ radio: 'I agree' }, { code: 4 }],
  h1_take_home: [{ radio: 'Yes' }, { code: 1 }],
  h2_one_visit: [{ radio: 'Yes' }, { code: 1 }],
  h3_longer_hours: [{ radio: 'Not sure' }, { code: 2 }],
  h4_help_here: [{ radio: 'No' }, { code: 0 }],
  h5_say_in_dose: [{ radio: 'Yes' }, { code: 1 }],
  h6_something_else: [{ text: 'Longer hours at the weekend' }, { text: 'Longer hours at the weekend' }],
  g1_best_thing: [{ text: 'The staff, "Sam" & Jo, treat me well, 100% 🙂\nThank you' }, { text: 'The staff, "Sam" & Jo, treat me well, 100% 🙂\nThank you' }],
  g2_change_one: [{ text: '=SUM(A1) more evening slots' }, { text: '=SUM(A1) more evening slots' }],
  g3_anything_else: [{ skip: true }, { missing: 'unanswered' }],
  p2_age_band: [{ radio: '40 to 49' }, { code: 3 }],
  p3_gender: [{ radio: 'I see myself another way' }, { code: 3 }],
  p4_dose_today: [{ radio: 'After my dose' }, { code: 2 }],
  p5_how_done: [{ check: ['The tablet read them out to me', 'On my own, with no help'] }, { codes: [4] }],
};

/** Question pages of the default questionnaire when nothing is answered
 * yet (the three follow-up items hidden), and with all three shown. */
export const PAGES = { before_answers: 34, with_follow_ups: 37 };

/** The variables of the items on screen, in order (empty off a question
 * screen): each item's question has the id "q-<variable>", the <h1> of a
 * screen of its own or an <h2> under a group's heading. */
export async function currentVariables(page) {
  await page.getByRole('heading', { level: 1 }).waitFor();
  return page.evaluate(() => [...document.querySelectorAll('main [id^="q-"]')].map((e) => e.id.slice(2)));
}

/** The variable naming the screen: its first item's; null off a question screen. */
export async function currentVariable(page) {
  return (await currentVariables(page))[0] ?? null;
}

/** Where an item's answer is given: its own region on a screen of several
 * items, else the whole screen. */
export async function scopeOf(page, variable) {
  const region = page.locator(`#item-${variable}`);
  return variable && (await region.count()) > 0 ? region : page.getByRole('main');
}

/** Gives one answer, to `variable` when given (needed on a screen of
 * several items), else to the screen's only item. */
export async function give(page, action, variable) {
  const scope = await scopeOf(page, variable);
  if (action.radio) await scope.getByRole('radio', { name: action.radio, exact: true }).check();
  if (action.check) for (const name of action.check) await scope.getByRole('checkbox', { name, exact: true }).check();
  if (action.number !== undefined) await scope.getByRole('textbox').fill(action.number);
  if (action.text !== undefined) await scope.getByRole('textbox').fill(action.text);
  if (action.missing) await scope.getByRole('button', { name: action.missing, exact: true }).click();
}

/** The id of the screen's heading, which names the screen. */
function headingId(page) {
  return page.evaluate(() => document.querySelector('h1')?.id ?? '');
}

/** Presses Next and waits for the screen to change. */
export async function next(page) {
  const before = await headingId(page);
  await page.getByRole('button', { name: /^(Next|Back to my answers)$/ }).click();
  await page.waitForFunction((b) => (document.querySelector('h1')?.id ?? '') !== b, before);
}

/** Staff start; participant agrees. */
export async function startAndConsent(page, { code } = {}) {
  if (code) await page.getByRole('textbox', { name: 'Participant code (optional)' }).fill(code);
  await page.getByRole('button', { name: 'Start a new survey' }).click();
  await page.getByRole('button', { name: 'Yes, I am happy to answer' }).click();
  await page.getByRole('heading', { level: 1 }).waitFor();
}

/** Answers every question by `plan` until the review screen, every item of
 * each screen in order; returns the variables seen, in order. An item
 * missing from the plan fails the test. `onQuestion(variable)` runs before
 * each item is answered; `onScreen(variables)` before each screen's. */
export async function answerAll(page, plan, { onQuestion, onScreen } = {}) {
  const seen = [];
  for (;;) {
    const variables = await currentVariables(page);
    if (variables.length === 0) break;
    if (onScreen) await onScreen(variables);
    for (const variable of variables) {
      assert.ok(plan[variable], `no plan for ${variable}`);
      seen.push(variable);
      if (onQuestion) await onQuestion(variable);
      await give(page, plan[variable][0], variable);
    }
    await next(page);
  }
  await page.getByRole('heading', { name: 'Check your answers', level: 1 }).waitFor();
  return seen;
}

/**
 * The records in the app's IndexedDB database (`candour`, table `records`),
 * parsed, oldest first. Opens the database without creating it: a test that
 * looked before the app did must not leave an empty database behind.
 */
export function databaseRecords(page) {
  return page.evaluate(() => new Promise((resolve, reject) => {
    const open = indexedDB.open('candour');
    open.onupgradeneeded = () => open.transaction.abort(); // did not exist yet
    open.onerror = () => resolve([]);
    open.onsuccess = () => {
      const db = open.result;
      const request = db.transaction('records').objectStore('records').getAll();
      request.onsuccess = () => {
        db.close();
        resolve(request.result.map((raw) => JSON.parse(raw).data).sort((a, b) => a.started_at - b.started_at));
      };
      request.onerror = () => { db.close(); reject(request.error); };
    };
  }));
}

/** The records waiting in the localStorage outbox (`candour:record:<id>`). */
export function outboxRecords(page) {
  return page.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => k.startsWith('candour:record:'))
      .map((k) => JSON.parse(localStorage.getItem(k)).data));
}

/** Every record stored on the page's device (in the database, or still in
 * the outbox on its way there), once each, oldest first. */
export async function storedRecords(page) {
  const byId = new Map();
  for (const r of [...await databaseRecords(page), ...await outboxRecords(page)]) byId.set(r.id, r);
  return [...byId.values()].sort((a, b) => a.started_at - b.started_at);
}

/** Waits until the database holds `count` records (the outbox has been
 * moved in), and returns them. */
export async function waitForDatabaseRecords(page, count) {
  await page.waitForFunction(async (want) => {
    const n = await new Promise((resolve) => {
      const open = indexedDB.open('candour');
      open.onupgradeneeded = () => open.transaction.abort();
      open.onerror = () => resolve(0);
      open.onsuccess = () => {
        const request = open.result.transaction('records').objectStore('records').count();
        request.onsuccess = () => { open.result.close(); resolve(request.result); };
        request.onerror = () => { open.result.close(); resolve(-1); };
      };
    });
    return n === want;
  }, count);
  return databaseRecords(page);
}

/** The draft in localStorage's copy of the journal (`candour:draft`, the
 * journal's head), if it holds one. */
export function storedDraft(page) {
  return page.evaluate(() => {
    const raw = localStorage.getItem('candour:draft');
    if (!raw) return null;
    const { kind, data } = JSON.parse(raw);
    return kind === 'journal' ? data.draft : data;
  });
}

/** Staff start (with `code`); the participant declines. Stores a declined
 * record: the quickest real record a test can make through the screens. */
export async function declineSurvey(page, { code } = {}) {
  if (code) await page.getByRole('textbox', { name: 'Participant code (optional)' }).fill(code);
  await page.getByRole('button', { name: 'Start a new survey' }).click();
  await page.getByRole('button', { name: 'No, I do not want to' }).click();
  await page.getByRole('button', { name: 'Close now' }).click();
  await page.getByRole('button', { name: 'Start a new survey' }).waitFor();
}
