// The participant's path in this engine: a whole survey with a reload part-way,
// and declining. Each screen (one item, or a group of several) is answered
// item by item through its widgets by the Chromium suite's plan, and the
// stored record must hold exactly what was given.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { role } from './driver.mjs';
import { storedDraft, storedRecords } from '../survey.mjs';
import {
  FULL_PLAN, PAGES, answerAll, arrived, counter, currentVariables, give, itemsOnScreen, next, send, shows, startAndConsent,
} from './participant.mjs';
import { named, useEngine } from './setup.mjs';

const env = useEngine();

test(named('a whole survey with a reload part-way stores every answer as given'), async (t) => {
  const page = await env.open(t);
  t.diagnostic(`engine: ${env.engine.version}`);
  await startAndConsent(page);
  const given = new Map();
  const counters = [];
  const screens = [];
  // The first three screens, an item each.
  for (let n = 0; n < 3; n++) {
    counters.push(await counter(page));
    const items = await itemsOnScreen(page);
    screens.push(items.map((i) => i.variable));
    assert.equal(items.length, 1, `screen ${n + 1} holds one item`);
    const [item] = items;
    await give(page, item, FULL_PLAN[item.variable][0]);
    given.set(item.variable, FULL_PLAN[item.variable][1]);
    await next(page);
  }
  // The fourth screen is a group: two of its items answered, Next not yet
  // pressed, and the tablet is reloaded.
  const group = await itemsOnScreen(page);
  const onGroup = group.map((i) => i.variable);
  assert.ok(group.length > 2, `a screen of several items (${onGroup.join(', ')})`);
  const answered = [group[0], group.at(-1)];
  for (const item of answered) await give(page, item, FULL_PLAN[item.variable][0]);
  await page.screenshot('survey-before-reload');
  await page.reload();
  assert.deepEqual(await currentVariables(page), onGroup, 'the same screen after the reload');
  const again = await itemsOnScreen(page);
  for (const { variable } of answered) {
    const item = again.find((i) => i.variable === variable);
    assert.ok(await shows(page, item, FULL_PLAN[variable][0]), `the answer to ${variable} is still shown`);
  }
  const groupHeading = await page.evaluate(() => document.querySelector('h1')?.id);
  await page.click(role('button', 'Back'));
  await arrived(page, groupHeading);
  const before = screens.at(-1)[0];
  assert.deepEqual(await currentVariables(page), [before], 'Back goes to the screen before');
  const [previous] = await itemsOnScreen(page);
  assert.ok(await shows(page, previous, FULL_PLAN[before][0]), `the answer to ${before} is still shown`);
  await next(page);

  await answerAll(page, {
    given,
    onScreen: async (variables) => {
      counters.push(await counter(page));
      screens.push(variables);
    },
  });
  await page.screenshot('survey-review');
  assert.deepEqual([...given.keys()], Object.keys(FULL_PLAN), 'every item shown, in order');
  assert.equal(counters[0], `Page 1 of ${PAGES.before_answers}`);
  assert.equal(screens.length, PAGES.with_follow_ups, 'one page per screen, groups together');
  assert.equal(counters.at(-1), `Page ${screens.length} of ${screens.length}`);
  await send(page);

  const records = await storedRecords(page);
  assert.equal(records.length, 1, 'one record');
  const [record] = records;
  assert.equal(record.status, 'complete');
  for (const [v, expected] of given) assert.deepEqual(record.answers[v], expected, v);
  const shown = Object.keys(record.paradata);
  assert.deepEqual(shown.sort(), [...given.keys()].sort(), 'every question shown was answered, and only those');
  assert.equal(await storedDraft(page), null, 'the draft is gone once sent');
  t.diagnostic(`${given.size} questions answered on ${screens.length} screens`);
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
