// A participant's steps in any engine, without knowing the questionnaire:
// each question screen is answered by what it shows (a radio group, a
// checkbox group, a number field or a text area; yes/no and agreement items
// are radio groups), through roles and names, and the value each answer
// must be stored as is remembered, so a test can compare the record with
// what was given, whatever the default questionnaire's items are.
import { inside, role } from './driver.mjs';

const NEXT = role('button', /^(Next|Back to my answers)$/);

/** Free text typed into every text area: punctuation, an accent, a line break. */
export const TYPED_TEXT = 'Staff "Sam" & Jo: café, 100% kind.\nThank you';

/** The variable of the question on screen (its heading's id, "q-<variable>"),
 * or null on a screen that is not a question. */
export async function currentVariable(page) {
  await page.waitFor(role('heading', undefined, { level: 1 }));
  return page.evaluate(() => {
    const id = document.querySelector('h1')?.id ?? '';
    return id.startsWith('q-') ? id.slice(2) : null;
  });
}

/**
 * What the question screen asks for: the widget labelled by the question
 * (as a screen reader announces it: a radio group, a group of checkboxes or
 * a text field named by the question's heading), as `{ kind, scope,
 * options }`: `scope` finds the widget by role and name, `options` are the
 * choices by accessible name with the code each stands for.
 */
export async function widgetOnScreen(page) {
  return (await screenNow(page)).widget;
}

/** The screen now: `{ variable, widget }` (variable null off a question). */
export function screenNow(page) {
  return page.on(role('heading', undefined, { level: 1 }), (heading) => {
    const A = window.__candourA11y;
    const variable = heading.id.startsWith('q-') ? heading.id.slice(2) : null;
    if (!variable) return { variable };
    const widget = [...document.querySelectorAll('[aria-labelledby]')]
      .find((e) => e !== heading && e.getAttribute('aria-labelledby').split(/\s+/).includes(heading.id));
    if (!widget) return { variable, widget: { kind: 'unknown', html: document.querySelector('main')?.innerHTML.slice(0, 500) } };
    const scope = { role: A.roleOf(widget), name: A.nameOf(widget), exact: true };
    const choices = (type) => [...widget.querySelectorAll(`input[type=${type}]`)]
      .map((input) => ({ name: A.nameOf(input), code: Number(input.value) }));
    const kind = scope.role === 'radiogroup' ? 'radio'
      : widget.querySelector('input[type=checkbox]') ? 'checkbox'
        : widget.matches('textarea') ? 'text'
          : widget.matches('input') ? 'number' : 'unknown';
    return {
      variable,
      widget: {
        kind,
        scope,
        options: kind === 'radio' ? choices('radio') : kind === 'checkbox' ? choices('checkbox') : undefined,
        decimal: widget.inputMode === 'decimal',
        html: kind === 'unknown' ? widget.outerHTML.slice(0, 500) : undefined,
      },
    };
  });
}

/**
 * Answers the question on screen (the `n`th asked, to vary the choices);
 * returns what the record must hold for it, and what was said (`said`: the
 * option names or the text typed).
 */
export async function answerShown(page, n, widget) {
  widget ??= await widgetOnScreen(page);
  const { scope } = widget;
  switch (widget.kind) {
    case 'radio': {
      const option = widget.options[n % widget.options.length];
      await page.check(inside(scope, role('radio', option.name, { exact: true })));
      return { code: option.code, said: option.name };
    }
    case 'checkbox': {
      const picked = widget.options.length > 1 ? [widget.options[0], widget.options.at(-1)] : widget.options;
      for (const option of picked) await page.check(inside(scope, role('checkbox', option.name, { exact: true })));
      return { codes: picked.map((o) => o.code).sort((a, b) => a - b), said: picked.map((o) => o.name) };
    }
    case 'number': {
      // The range is the questionnaire's: a value it refuses is marked
      // invalid (and said so in words), and the next candidate is typed.
      const candidates = widget.decimal ? ['2.5', '1', '0', '10', '30'] : ['2', '1', '0', '10', '30', '100'];
      for (const typed of candidates) {
        await page.fill(scope, typed);
        if (!(await page.on(scope, (el) => el.getAttribute('aria-invalid') === 'true'))) {
          return { number: Number(typed), said: typed };
        }
      }
      throw new Error(`no candidate number was accepted for ${await currentVariable(page)}`);
    }
    case 'text':
      await page.fill(scope, TYPED_TEXT);
      return { text: TYPED_TEXT, said: TYPED_TEXT };
    default:
      throw new Error(`a question screen with no widget the tests know: ${widget.html}`);
  }
}

/** Presses Next and waits for the next screen. */
export async function next(page, before) {
  before ??= await currentVariable(page);
  await page.click(NEXT);
  await page.waitUntil((b) => (document.querySelector('h1')?.id ?? '') !== `q-${b}`, before);
}

/** Staff start a survey; the participant agrees. */
export async function startAndConsent(page) {
  await page.click(role('button', 'Start a new survey'));
  await page.click(role('button', 'Yes, I am happy to answer'));
  await page.waitUntil(() => document.querySelector('h1')?.id?.startsWith('q-'));
}

/**
 * Answers every question until the review screen. `beforeNext(variable,
 * n)` runs after an answer is given and before Next. Returns the expected
 * stored value of every variable answered, in the order asked.
 */
export async function answerAll(page, { beforeNext, from = 0, given = new Map() } = {}) {
  for (let n = from; ; n++) {
    const { variable, widget } = await screenNow(page);
    if (!variable) break;
    given.set(variable, await answerShown(page, n, widget));
    if (beforeNext) await beforeNext(variable, n);
    await next(page, variable);
  }
  await page.waitFor(role('heading', 'Check your answers', { level: 1 }));
  return given;
}

/** The value a stored record holds for an answer given as `given`
 * (`{ code }`, `{ codes }`, `{ number }` or `{ text }`). */
export function storedValue(given) {
  const { said, ...value } = given;
  return value;
}

/** The value the JSON export holds for an answer given as `given`. */
export function exportedValue(given) {
  if ('code' in given) return given.code;
  if ('codes' in given) return given.codes;
  if ('number' in given) return given.number;
  return given.text;
}

/** Sends the answers from the review screen and closes the thank-you screen. */
export async function send(page) {
  await page.click(role('button', 'Send my answers'));
  await page.waitFor(role('heading', 'Thank you', { level: 1 }));
  await page.click(role('button', 'Close now'));
  await page.waitFor(role('button', 'Start a new survey'));
}

