// A participant's steps in any engine, modelled on the Chromium suite's
// helpers (../survey.mjs): a screen shows one item, or several under a
// group's heading (each in its own region, named by its question); each item
// is answered by a plan (FULL_PLAN, by default) through its widget, found by
// role and accessible name: a radio group, a group of checkboxes, a text box
// or a text area, and the missing options ("Does not apply to me", "Don't
// know", "Prefer not to say") as toggle buttons under it. Every item's
// question has the id "q-<variable>": the <h1> of a screen of its own, or an
// <h2> under the group's <h1>.
import assert from 'node:assert/strict';
import { inside, role, text } from './driver.mjs';
import { FULL_PLAN } from '../survey.mjs';

export { FULL_PLAN, PAGES } from '../survey.mjs';

const NEXT = role('button', /^(Next|Back to my answers)$/);
/** The "Page n of N" counter of a question screen. */
const COUNTER = text(/^Page \d+ of \d+$/);

/** The variables of the items on screen, in order (empty off a question
 * screen). */
export async function currentVariables(page) {
  await page.waitFor(role('heading', undefined, { level: 1 }));
  return page.evaluate(() => [...document.querySelectorAll('main [id^="q-"]')].map((e) => e.id.slice(2)));
}

/** The variable naming the screen: its first item's; null off a question screen. */
export async function currentVariable(page) {
  return (await currentVariables(page))[0] ?? null;
}

/** The "Page n of N" the screen shows. */
export function counter(page) {
  return page.text(COUNTER);
}

/**
 * The items on screen, as a screen reader meets them: for each, `{ variable,
 * kind, widget, scope }`: `widget` finds the answer widget labelled by the
 * item's question (by role and accessible name), `kind` is what it is
 * ('radio', 'checkbox', 'number' or 'text'), and `scope` finds where the
 * item's missing options are (its own region on a screen of several items,
 * else the screen's main). Each query is checked to find exactly one element.
 */
export async function itemsOnScreen(page) {
  const items = await page.on(role('heading', undefined, { level: 1 }), () => {
    const A = window.__candourA11y;
    const one = (q) => A.findAll(q).length === 1;
    return [...document.querySelectorAll('main [id^="q-"]')].map((question) => {
      const variable = question.id.slice(2);
      const region = document.getElementById(`item-${variable}`);
      const widget = [...document.querySelectorAll('[aria-labelledby]')]
        .find((e) => e !== region && e.getAttribute('aria-labelledby').split(/\s+/).includes(question.id));
      if (!widget) return { variable, kind: 'unknown', html: (region ?? document.querySelector('main'))?.innerHTML.slice(0, 500) };
      const widgetQuery = { role: A.roleOf(widget), name: A.nameOf(widget), exact: true };
      const scope = region ? { role: A.roleOf(region), name: A.nameOf(region), exact: true } : { role: 'main' };
      const kind = widgetQuery.role === 'radiogroup' ? 'radio'
        : widget.querySelector('input[type=checkbox]') ? 'checkbox'
          : widget.matches('textarea') ? 'text'
            : widget.matches('input') ? 'number' : 'unknown';
      return {
        variable,
        kind,
        widget: widgetQuery,
        scope,
        unique: one(widgetQuery) && one(scope),
        html: kind === 'unknown' ? widget.outerHTML.slice(0, 500) : undefined,
      };
    });
  });
  for (const item of items) {
    assert.notEqual(item.kind, 'unknown', `${item.variable}: an answer widget the tests know: ${item.html}`);
    assert.ok(item.unique, `${item.variable}: its widget and region are each found once by role and name`);
  }
  return items;
}

/** The widget type a plan's action needs. */
function kindFor(action) {
  if (action.radio !== undefined) return 'radio';
  if (action.check) return 'checkbox';
  if (action.number !== undefined) return 'number';
  if (action.text !== undefined) return 'text';
  return null;
}

/** A missing option (a toggle button) of `item`, by its name. */
const missingButton = (item, name) => inside(item.scope, role('button', name, { exact: true }));

/**
 * Gives one answer, `action` of a plan (`{ radio }`, `{ check: [...] }`,
 * `{ number }`, `{ text }`, `{ missing }` or `{ skip: true }`), to `item`
 * (from itemsOnScreen), by role and name; waits until the screen shows it.
 */
export async function give(page, item, action) {
  const kind = kindFor(action);
  if (kind) assert.equal(item.kind, kind, `${item.variable}: the widget the plan answers`);
  if (action.radio !== undefined) await page.check(inside(item.widget, role('radio', action.radio, { exact: true })));
  if (action.check) {
    for (const name of action.check) await page.check(inside(item.widget, role('checkbox', name, { exact: true })));
  }
  for (const typed of [action.number, action.text].filter((v) => v !== undefined)) {
    await page.fill(item.widget, typed);
    // What the field holds is what was typed: a character the engine's
    // automation failed to type must not pass for the app losing it.
    await page.waitOn(item.widget, (el, want) => el.value === want, typed);
  }
  if (action.missing) {
    // A toggle: pressing it again would undo it.
    const button = missingButton(item, action.missing);
    if (!(await isPressed(page, button))) await page.click(button);
    await page.waitOn(button, (el) => el.getAttribute('aria-pressed') === 'true');
  }
}

/** The codes of the radios or checkboxes of `item` that are ticked, in order. */
function chosenCodes(page, item) {
  return page.on(item.widget, (widget) => [...widget.querySelectorAll('input:checked')]
    .map((input) => Number(input.value)).sort((a, b) => a - b));
}

/** Whether the toggle button `query` is pressed. */
function isPressed(page, query) {
  return page.on(query, (el) => el.getAttribute('aria-pressed') === 'true');
}

/** Whether the screen shows `action` as `item`'s answer (after a reload, or
 * coming Back). */
export async function shows(page, item, action) {
  if (action.radio !== undefined) return page.isChecked(inside(item.widget, role('radio', action.radio, { exact: true })));
  if (action.check) {
    for (const name of action.check) {
      if (!(await page.isChecked(inside(item.widget, role('checkbox', name, { exact: true }))))) return false;
    }
    return true;
  }
  if (action.number !== undefined) return (await page.on(item.widget, (el) => el.value)) === action.number;
  if (action.text !== undefined) return (await page.on(item.widget, (el) => el.value)) === action.text;
  if (action.missing) return isPressed(page, missingButton(item, action.missing));
  throw new Error(`nothing to show for ${JSON.stringify(action)}`);
}

/**
 * Presses Next and waits for the next screen, and for the app to have moved
 * focus to its heading (which scrolls the page to it: a tap before that could
 * land where the page is about to move).
 */
export async function next(page) {
  const before = await page.evaluate(() => document.querySelector('h1')?.id ?? '');
  await page.click(NEXT);
  await arrived(page, before);
}

/** Waits until the screen whose heading had the id `before` is gone, and the
 * new screen's heading has the focus. */
export function arrived(page, before) {
  return page.waitUntil((b) => {
    const h1 = document.querySelector('h1');
    return (h1?.id ?? '') !== b && document.activeElement === h1;
  }, before);
}

/** Staff start a survey; the participant agrees. */
export async function startAndConsent(page) {
  await page.click(role('button', 'Start a new survey'));
  await page.click(role('button', 'Yes, I am happy to answer'));
  await page.waitUntil(() => document.querySelector('main [id^="q-"]') !== null);
}

/**
 * Answers every item of every screen by `plan` until the review screen, then
 * Next. An item missing from the plan fails the test. `onScreen(variables)`
 * runs before each screen is answered. Returns the value each item answered
 * must be stored as, by variable, in the order asked (added to `given`).
 */
export async function answerAll(page, { plan = FULL_PLAN, onScreen, given = new Map() } = {}) {
  for (;;) {
    const items = await itemsOnScreen(page);
    if (items.length === 0) break;
    if (onScreen) await onScreen(items.map((i) => i.variable));
    for (const item of items) {
      assert.ok(plan[item.variable], `no plan for ${item.variable}`);
      const [action, stored] = plan[item.variable];
      await give(page, item, action);
      // A choice shows the codes it will be stored as, and only those (an
      // exclusive choice, ticked after another, stands alone).
      if ('code' in stored) assert.deepEqual(await chosenCodes(page, item), [stored.code], item.variable);
      if ('codes' in stored) assert.deepEqual(await chosenCodes(page, item), stored.codes, item.variable);
      given.set(item.variable, stored);
    }
    await next(page);
  }
  await page.waitFor(role('heading', 'Check your answers', { level: 1 }));
  return given;
}

/** The value the JSON export holds for an answer stored as `stored`. */
export function exportedValue(stored) {
  if ('code' in stored) return stored.code;
  if ('codes' in stored) return stored.codes;
  if ('number' in stored) return stored.number;
  if ('text' in stored) return stored.text;
  return { prefer_not_to_say: -99, dont_know: -98, unanswered: -97, does_not_apply: -96, not_reached: -95 }[stored.missing];
}

/** Sends the answers from the review screen and closes the thank-you screen. */
export async function send(page) {
  await page.click(role('button', 'Send my answers'));
  await page.waitFor(role('heading', 'Thank you', { level: 1 }));
  await page.click(role('button', 'Close now'));
  await page.waitFor(role('button', 'Start a new survey'));
}
