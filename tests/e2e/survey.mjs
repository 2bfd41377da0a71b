// Helpers that answer the survey as a participant would: through roles and
// accessible names only. The question's heading id ("q-<variable>") tells
// which item is on screen, so a plan can give each item its answer.
import assert from 'node:assert/strict';

/** A complete answer plan for the default questionnaire, with the value each
 * answer must be stored as. Exercises every item type, skip logic (b6, b9,
 * b10 shown), a missing code, and text that must survive intact. */
export const FULL_PLAN = {
  a1_works: [{ radio: '7' }, { code: 7 }],
  a2_here_in_a_year: [{ radio: '0, Not at all sure' }, { code: 0 }],
  a3_keep_going: [{ radio: '10, Very sure' }, { code: 10 }],
  a4_avoid_street: [{ radio: '5' }, { code: 5 }],
  a5_worry_close: [{ radio: 'I agree' }, { code: 4 }],
  a6_told_funding: [{ radio: 'No' }, { code: 0 }],
  b1_visits: [{ number: '2' }, { number: 2 }],
  b2_travel_minutes: [{ number: '25' }, { number: 25 }],
  b3_travel_cost: [{ number: '3.40' }, { number: 3.4 }],
  b4_wait_minutes: [{ missing: "Don't know" }, { missing: 'dont_know' }],
  b5_missed_doses: [{ number: '2' }, { number: 2 }],
  b6_missed_reason: [{ radio: 'I slept in' }, { code: 8 }],
  b7_stops_me: [{ radio: 'I agree a lot' }, { code: 5 }],
  b8_work_or_care: [
    { check: ['I have a job, paid or not', 'I care for a child, or for an adult who needs help'] },
    { codes: [1, 3] },
  ],
  b9_work_effect: [{ radio: "I don't agree" }, { code: 2 }],
  b10_care_effect: [{ radio: 'In between' }, { code: 3 }],
  c1_respect: [{ radio: 'I agree a lot' }, { code: 5 }],
  c2_trust: [{ radio: 'I agree' }, { code: 4 }],
  c3_listened: [{ radio: 'I agree' }, { code: 4 }],
  c4_person: [{ radio: 'In between' }, { code: 3 }],
  c5_beyond_dose: [{ radio: 'I agree' }, { code: 4 }],
  c6_raise_problem: [{ radio: "I don't agree at all" }, { code: 1 }],
  c7_understand: [{ radio: 'I agree' }, { code: 4 }],
  d1_know_rules: [{ radio: 'I agree a lot' }, { code: 5 }],
  d2_fair: [{ radio: 'I agree' }, { code: 4 }],
  d3_same_for_all: [{ radio: 'In between' }, { code: 3 }],
  d4_flexible: [{ radio: "I don't agree" }, { code: 2 }],
  d5_reasons_told: [{ radio: 'I agree' }, { code: 4 }],
  d6_harder: [{ radio: 'I agree' }, { code: 4 }],
  e1_days_heroin: [{ number: '3' }, { number: 3 }],
  e2_days_crack: [{ number: '0' }, { number: 0 }],
  e3_days_other: [{ missing: 'Prefer not to say' }, { missing: 'prefer_not_to_say' }],
  e4_bought_dealer: [{ radio: 'Yes' }, { code: 1 }],
  e5_crime_days: [{ number: '0' }, { number: 0 }],
  e6_overdose: [{ radio: 'Not sure' }, { code: 2 }],
  e7_physical_health: [{ radio: '6' }, { code: 6 }],
  e8_mental_health: [{ radio: '4' }, { code: 4 }],
  e9_life_quality: [{ radio: '5' }, { code: 5 }],
  e10_change: [{ radio: 'A bit better' }, { code: 4 }],
  f1_satisfaction: [{ radio: '9' }, { code: 9 }],
  f2_recommend: [{ radio: 'I agree a lot' }, { code: 5 }],
  f3_choose_again: [{ radio: 'I agree' }, { code: 4 }],
  g1_best_thing: [{ text: 'The staff, "Sam" & Jo, treat me well, 100% 🙂\nThank you' }, { text: 'The staff, "Sam" & Jo, treat me well, 100% 🙂\nThank you' }],
  g2_change_one: [{ text: '=SUM(A1) more evening slots' }, { text: '=SUM(A1) more evening slots' }],
  g3_anything_else: [{ skip: true }, { missing: 'unanswered' }],
  p1_age_band: [{ radio: '40 to 49' }, { code: 3 }],
  p2_gender: [{ radio: 'I see myself another way' }, { code: 3 }],
  p3_months: [{ number: '14' }, { number: 14 }],
};

/** The variable of the question on screen, read from its heading's id. */
export async function currentVariable(page) {
  const heading = page.getByRole('heading', { level: 1 });
  await heading.waitFor();
  const id = await heading.getAttribute('id');
  return id?.startsWith('q-') ? id.slice(2) : null;
}

/** Gives one answer on the current question screen. */
export async function give(page, action) {
  const main = page.getByRole('main');
  if (action.radio) await main.getByRole('radio', { name: action.radio, exact: true }).check();
  if (action.check) for (const name of action.check) await main.getByRole('checkbox', { name, exact: true }).check();
  if (action.number !== undefined) await main.getByRole('textbox').fill(action.number);
  if (action.text !== undefined) await main.getByRole('textbox').fill(action.text);
  if (action.missing) await main.getByRole('button', { name: action.missing, exact: true }).click();
}

/** Presses Next and waits for the screen to change. */
export async function next(page) {
  const before = await currentVariable(page);
  await page.getByRole('button', { name: /^(Next|Back to my answers)$/ }).click();
  await page.waitForFunction((b) => (document.querySelector('h1')?.id ?? '') !== `q-${b}`, before);
}

/** Staff start; participant agrees. */
export async function startAndConsent(page, { code } = {}) {
  if (code) await page.getByRole('textbox', { name: 'Participant code (optional)' }).fill(code);
  await page.getByRole('button', { name: 'Start a new survey' }).click();
  await page.getByRole('button', { name: 'Yes, I am happy to answer' }).click();
  await page.getByRole('heading', { level: 1 }).waitFor();
}

/** Answers every question by `plan` until the review screen; returns the
 * variables seen, in order. An item missing from the plan fails the test. */
export async function answerAll(page, plan, { onQuestion } = {}) {
  const seen = [];
  for (;;) {
    const variable = await currentVariable(page);
    if (!variable) break;
    assert.ok(plan[variable], `no plan for ${variable}`);
    seen.push(variable);
    if (onQuestion) await onQuestion(variable);
    await give(page, plan[variable][0]);
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
