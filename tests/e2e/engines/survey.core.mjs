// The participant's path in this engine: a whole survey with a reload part-way,
// and declining. The questionnaire is whatever the build ships: each screen is
// answered by its widget, and the stored record must hold exactly what was given.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inside, role } from './driver.mjs';
import { storedDraft, storedRecords } from '../survey.mjs';
import {
  answerAll, answerShown, currentVariable, next, send, startAndConsent, storedValue, widgetOnScreen,
} from './participant.mjs';
import { named, useEngine } from './setup.mjs';

const env = useEngine();

/** Whether the screen still shows `given` as the answer (after a reload). */
async function shows(page, given) {
  const { kind, scope } = await widgetOnScreen(page);
  if ('code' in given) return page.isChecked(inside(scope, role('radio', given.said, { exact: true })));
  if ('codes' in given) {
    for (const name of given.said) if (!(await page.isChecked(inside(scope, role('checkbox', name, { exact: true }))))) return false;
    return true;
  }
  assert.ok(['number', 'text'].includes(kind));
  return (await page.on(scope, (el) => el.value)) === given.said;
}

test(named('a whole survey with a reload part-way stores every answer as given'), async (t) => {
  const page = await env.open(t);
  t.diagnostic(`engine: ${env.engine.version}`);
  await startAndConsent(page);
  const given = new Map();
  for (let n = 0; n < 3; n++) {
    given.set(await currentVariable(page), await answerShown(page, n));
    await next(page);
  }
  // The fourth answer is given, Next not yet pressed: the tablet is reloaded.
  const variable = await currentVariable(page);
  const answer = await answerShown(page, 3);
  given.set(variable, answer);
  await page.screenshot('survey-before-reload');
  await page.reload();
  assert.equal(await currentVariable(page), variable, 'the same question after the reload');
  assert.ok(await shows(page, answer), `the answer to ${variable} is still shown`);
  await page.click(role('button', 'Back'));
  await page.waitUntil((v) => document.querySelector('h1')?.id !== `q-${v}`, variable);
  const [first3] = [...given.entries()].slice(2, 3);
  assert.equal(await currentVariable(page), first3[0], 'Back goes to the question before');
  assert.ok(await shows(page, first3[1]), `the answer to ${first3[0]} is still shown`);
  await next(page);

  await answerAll(page, { from: 3, given });
  await page.screenshot('survey-review');
  await send(page);

  const records = await storedRecords(page);
  assert.equal(records.length, 1, 'one record');
  const [record] = records;
  assert.equal(record.status, 'complete');
  for (const [v, expected] of given) assert.deepEqual(record.answers[v], storedValue(expected), v);
  const shown = Object.keys(record.paradata);
  assert.deepEqual(shown.sort(), [...given.keys()].sort(), 'every question shown was answered, and only those');
  assert.equal(await storedDraft(page), null, 'the draft is gone once sent');
  t.diagnostic(`${given.size} questions answered`);
});

test(named('declining stores only a declined record and returns to the start'), async (t) => {
  const page = await env.open(t);
  await page.click(role('button', 'Start a new survey'));
  await page.click(role('button', 'No, I do not want to'));
  await page.waitFor(role('heading', 'Thank you', { level: 1 }));
  await page.click(role('button', 'Close now'));
  await page.waitFor(role('button', 'Start a new survey'));
  const records = await storedRecords(page);
  assert.equal(records.length, 1);
  assert.equal(records[0].status, 'declined_consent');
  assert.deepEqual(records[0].answers, {});
  assert.equal(await storedDraft(page), null);
});
