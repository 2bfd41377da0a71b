// Two windows of Candour on one tablet, in this engine.
//
// Issue 15 makes a second window say in words that Candour is already open.
// Until that build lands, both windows work on one draft; this test tells
// the two builds apart by what the second window shows, and checks the
// behaviour of the build it runs: with issue 15, the second window says so
// and the first keeps the survey; before it, the second window resumes the
// very same draft (the same question, the answers given in the first).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { role, text } from './driver.mjs';
import { storedDraft } from '../survey.mjs';
import {
  FULL_PLAN, currentVariable, give, itemsOnScreen, next, startAndConsent,
} from './participant.mjs';
import { named, useEngine } from './setup.mjs';

const env = useEngine();
const ALREADY_OPEN = /already open/i;

test(named('a second window of Candour on the same tablet'), async (t) => {
  const first = await env.open(t);
  await startAndConsent(first);
  const [item] = await itemsOnScreen(first);
  const { variable } = item;
  await give(first, item, FULL_PLAN[variable][0]);
  await next(first);
  const now = await currentVariable(first);

  const second = await first.openWindow('/');
  const shows = await second.waitUntil((pattern) => {
    const words = document.querySelector('main')?.innerText ?? '';
    if (new RegExp(pattern, 'i').test(words)) return 'already-open';
    return document.querySelector('h1')?.id?.startsWith('q-') ? 'same-draft' : null;
  }, ALREADY_OPEN.source);
  await second.screenshot('second-window');
  t.diagnostic(`the build shows: ${shows}`);

  if (shows === 'already-open') {
    // Issue 15: the second window says so in words and starts nothing.
    await second.waitFor(text(ALREADY_OPEN));
    assert.equal(await second.count(role('button', 'Start a new survey')), 0);
    assert.equal(await currentVariable(first), now, 'the first window keeps its survey');
  } else {
    // Today: the second window resumes the same draft.
    assert.equal(await currentVariable(second), now, 'the same question in both windows');
    const draft = await storedDraft(second);
    assert.deepEqual(draft.answers[variable], FULL_PLAN[variable][1], 'the answer given in the first window');
  }
  // Whatever the build, the first window's answer is kept.
  const draft = await storedDraft(first);
  assert.ok(draft?.answers?.[variable], 'the first answer is still saved');
  // The API issue 15 relies on, as this engine offers it.
  t.diagnostic(`Web Locks: ${await first.evaluate(() => typeof navigator.locks?.request === 'function')}`);
});
