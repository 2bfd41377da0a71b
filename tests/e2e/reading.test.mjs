// Reading aloud, text size, high contrast and plain-language help, in the
// release build. Headless Chromium has no voices, so speechSynthesis is
// replaced by a recorder (reading-helpers.mjs) that keeps what the app asks
// it to say and fires each utterance's start and end when the test says.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { VIEWPORTS, screenshot, scrollsSideways, start } from './harness.mjs';
import { FULL_PLAN, answerAll, currentVariable, currentVariables, give, next, startAndConsent } from './survey.mjs';
import {
  TEST_VOICES, axeWith, chooseDisplay, finishUtterance, installRecorder, openAt, speech, storeSettings,
  untilStarted,
} from './reading-helpers.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.stop(); });

/** Opens the app with the speech recorder in place. */
function openWithVoices(options = {}) {
  return openAt(env, { ...options, setup: (context) => installRecorder(context, options) });
}

/** Answers by FULL_PLAN until the screen holding `variable` is on screen. */
async function goTo(page, variable) {
  for (let vs = await currentVariables(page); !vs.includes(variable); vs = await currentVariables(page)) {
    assert.ok(vs.length, `never reached ${variable}`);
    for (const v of vs) await give(page, FULL_PLAN[v][0], v);
    await next(page);
  }
}

/** What the question screen shows, top to bottom, in the pieces a reader
 * reads: intro, heading, then for each item (one, or each of a group):
 * its question, help, open explanations, options, "Or", missing options.
 * Taken from the page, so the test does not repeat the app. */
function shownInReadingOrder(page) {
  return page.evaluate(() => {
    const text = (e) => e.innerText.replace(/\s+/g, ' ').trim();
    const main = document.querySelector('main');
    const pieces = [];
    const intro = main.querySelector('.section-intro');
    if (intro) pieces.push(text(intro));
    pieces.push(text(main.querySelector('h1')));
    const groupItems = [...main.querySelectorAll('.group-item')];
    for (const block of groupItems.length ? groupItems : [main]) {
      if (block !== main) pieces.push(text(block.querySelector('h2')));
      const help = block.querySelector('p.help');
      if (help) pieces.push(text(help));
      for (const box of block.querySelectorAll('.glossary-explanation:not([hidden])')) {
        pieces.push(`${text(box.querySelector('.glossary-word'))}: ${text(box.lastElementChild)}`);
      }
      const scale = block.querySelectorAll('.answer-scale-tile .answer-sr-only');
      if (scale.length) for (const end of scale) pieces.push(end.textContent.trim());
      else for (const tile of block.querySelectorAll('.answer-tile')) pieces.push(text(tile));
      const or = block.querySelector('.answer-or');
      if (or) pieces.push(text(or));
      for (const b of block.querySelectorAll('.answer-missing-option')) pieces.push(text(b));
    }
    return pieces;
  });
}

const readAloud = (page) => page.getByRole('button', { name: 'Read aloud' });

test('Read aloud says the question and then every option, in order, with the device\'s own voice', async () => {
  const page = await openWithVoices();
  await startAndConsent(page);
  const checked = [];
  for (const variable of ['a1_works', 'a4_here_in_a_year', 'b1_visits', 'b4_missed_why', 'b5_hard_work', 'e8_injected', 'e10_physical', 'f2_recommend']) {
    await goTo(page, variable);
    const before = (await speech(page)).spoken.length;
    await readAloud(page).click();
    await page.getByRole('button', { name: 'Stop reading' }).waitFor();
    const spoken = (await speech(page)).spoken.slice(before);
    const expected = await shownInReadingOrder(page);
    assert.deepEqual(spoken.map((s) => s.text), expected, variable);
    for (const s of spoken) {
      assert.equal(s.voice, 'Local English', 'never the network voice, though it is the default');
      assert.equal(s.lang, 'en');
      assert.ok(Math.abs(s.rate - 0.9) < 1e-6, `rate ${s.rate}`);
    }
    checked.push(expected.length);
    await page.getByRole('button', { name: 'Stop reading' }).click();
    await readAloud(page).waitFor();
  }
  // The A2 screen: its heading, then three agreement items, each its
  // question, five points, "Or" and "Don't know".
  assert.equal(checked[1], 1 + 3 * 8);
  // f2 alone on its screen: the question and its five points.
  assert.equal(checked.at(-1), 6);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('the option being read is highlighted, one after the other, and the highlight follows the voice', async () => {
  const page = await openWithVoices({ viewport: VIEWPORTS.phone });
  await startAndConsent(page);
  await goTo(page, 'f2_recommend');
  await readAloud(page).click();
  await untilStarted(page, 1);
  const lit = () => page.evaluate(() => [...document.querySelectorAll('.reading')].map((e) => e.innerText.trim()));
  await page.waitForFunction(() => document.querySelector('h1.reading'));
  assert.equal((await lit()).length, 1, 'only the question is lit');
  await screenshot(page, 'reading-question-highlighted');
  const options = await page.locator('.answer-tile').allInnerTexts();
  for (const [i, option] of options.entries()) {
    await finishUtterance(page);
    await page.waitForFunction((o) => document.querySelector('.answer-tile.reading')?.innerText.trim() === o, option);
    assert.deepEqual(await lit(), [option], `option ${i + 1} alone is lit`);
    if (i === 2) await screenshot(page, 'reading-option-highlighted');
  }
  await finishUtterance(page);
  await page.waitForFunction(() => !document.querySelector('.reading'));
  await readAloud(page).waitFor();
  await page.close();
});

test('on a screen of several items, each item is lit as it is read, and only its own options', async () => {
  const page = await openWithVoices({ viewport: VIEWPORTS.tabletPortrait });
  await startAndConsent(page);
  await goTo(page, 'b5_hard_work');
  await readAloud(page).click();
  await untilStarted(page, 1);
  const lit = () => page.evaluate(() => [...document.querySelectorAll('.reading')].map((e) => e.id || e.closest('.group-item')?.id || e.tagName));
  await page.waitForFunction(() => document.querySelector('h1.reading'));
  assert.deepEqual(await lit(), ['g-b_hard'], 'the group heading first');
  await finishUtterance(page);
  await page.waitForFunction(() => document.querySelector('#q-b5_hard_work.reading'));
  assert.deepEqual(await lit(), ['q-b5_hard_work'], 'then the first item\'s question');
  await finishUtterance(page);
  await page.waitForFunction(() => document.querySelector('.answer-tile.reading'));
  assert.deepEqual(await lit(), ['item-b5_hard_work'], 'then its first option, and no other item\'s');
  assert.equal(await page.locator('#item-b5_hard_work .answer-tile.reading').innerText(), 'Not hard');
  await screenshot(page, 'reading-group-option-highlighted');
  await page.getByRole('button', { name: 'Stop reading' }).click();
  await page.close();
});

test('speech stops the moment the person answers, and when they move on', async () => {
  const page = await openWithVoices();
  await startAndConsent(page);
  await goTo(page, 'f2_recommend');

  await readAloud(page).click();
  await untilStarted(page, 1);
  await finishUtterance(page); // now on the first option
  const { cancels } = await speech(page);
  await page.getByRole('radio', { name: 'I agree', exact: true }).check();
  await page.waitForFunction((c) => window.__speech.cancels > c && window.__speech.current === null, cancels);
  const after = await speech(page);
  assert.equal(after.queued, 0, 'nothing left to say');
  assert.equal(await page.locator('.reading').count(), 0, 'nothing lit');
  await readAloud(page).waitFor();
  const startedThen = after.started.length;

  // Reading again, then Next: the next screen starts silent.
  await readAloud(page).click();
  await untilStarted(page, startedThen + 1);
  await next(page);
  await page.waitForFunction(() => window.__speech.current === null && window.__speech.queue.length === 0);
  assert.equal(await currentVariable(page), 'f3_choose_again');

  // And Back, from the middle of the options.
  const s = await speech(page);
  await readAloud(page).click();
  await untilStarted(page, s.started.length + 1);
  await page.getByRole('button', { name: 'Back' }).click();
  await page.waitForFunction(() => window.__speech.current === null && window.__speech.queue.length === 0);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('a hard word is marked in the question; a tap explains it, and the explanation is read aloud too', async () => {
  const page = await openWithVoices({ viewport: VIEWPORTS.phone });
  await startAndConsent(page);
  await goTo(page, 'a3_avoid_street');
  const term = page.locator('h1').getByRole('button', { name: 'street heroin' });
  assert.equal(await term.getAttribute('aria-expanded'), 'false');
  const explanation = page.locator(`#${await term.getAttribute('aria-controls')}`);
  assert.equal(await explanation.isVisible(), false);
  await term.click();
  assert.equal(await term.getAttribute('aria-expanded'), 'true');
  await explanation.waitFor({ state: 'visible' });
  assert.match(await explanation.innerText(), /Heroin you get from a dealer or a friend, not from the clinic\./);
  await screenshot(page, 'reading-glossary-open');

  await readAloud(page).click();
  const spoken = (await speech(page)).spoken.map((s) => s.text);
  const at = spoken.findIndex((t) => t.startsWith('street heroin: Heroin you get'));
  assert.ok(at > 0, `explanation read: ${JSON.stringify(spoken)}`);
  assert.match(spoken[at - 1], /stay away from street heroin\?$/, 'right after the question');
  await page.getByRole('button', { name: 'Stop reading' }).click();

  // With reading by itself on, opening a word reads its explanation at once.
  await storeSettings(page, { auto_read: true }, { ready: 'h1 .glossary-term' });
  const before = (await speech(page)).spoken.length;
  await page.locator('h1').getByRole('button', { name: 'street heroin' }).click();
  await page.waitForFunction((n) => window.__speech.spoken.slice(n).some((s) => s.text.startsWith('street heroin:')), before);
  await page.close();
});

test('with reading by itself on, each screen is read as it shows, from consent to thank-you', async () => {
  const page = await openWithVoices();
  await storeSettings(page, { auto_read: true, voice: 'Local English', speech_rate: 1.15 });
  await page.getByRole('button', { name: 'Start a new survey' }).click();
  await page.waitForFunction(() => window.__speech.spoken.length > 0);
  let { spoken } = await speech(page);
  assert.equal(spoken[0].text, await page.locator('h1').innerText(), 'the consent screen, from its title');
  assert.equal(spoken.at(-1).text, 'No, I do not want to');
  assert.ok(Math.abs(spoken[0].rate - 1.15) < 1e-6);
  await page.getByRole('button', { name: 'Yes, I am happy to answer' }).click();
  await page.waitForFunction((n) => window.__speech.spoken.length > n, spoken.length);
  ({ spoken } = await speech(page));
  assert.ok(spoken.some((s) => s.text === 'How sure are you that this treatment works for you?'));
  await answerAll(page, FULL_PLAN);
  await page.waitForFunction(() => window.__speech.spoken.some((s) => s.text === 'Check your answers'));
  ({ spoken } = await speech(page));
  assert.ok(spoken.some((s) => s.text === 'Staff treat me with respect. Your answer: I agree a lot.'), 'review rows');
  await page.getByRole('button', { name: 'Send my answers' }).click();
  await page.waitForFunction(() => window.__speech.spoken.at(-1)?.text.startsWith('Your answers are saved.'));
  await page.close();
});

test('where the device has no voice of its own, there is no Read aloud button and nothing breaks', async () => {
  for (const [what, voices] of [
    ['no speechSynthesis at all', null],
    ['no voices', []],
    ['only a network voice', [TEST_VOICES[0]]],
    ['only a voice in another language', [TEST_VOICES[2]]],
  ]) {
    const page = await openWithVoices({ voices });
    await startAndConsent(page);
    await goTo(page, 'a5_worry_close');
    assert.equal(await readAloud(page).count(), 0, what);
    await give(page, FULL_PLAN.a5_worry_close[0], 'a5_worry_close');
    await next(page);
    assert.deepEqual(page.problems, [], what);
    await page.close();
  }
});

test('voices that arrive after the page starts (voiceschanged) bring the button', async () => {
  const page = await openWithVoices({ voices: [] });
  await startAndConsent(page);
  assert.equal(await readAloud(page).count(), 0);
  await page.evaluate((v) => window.__speech.setVoices(v), TEST_VOICES);
  await readAloud(page).waitFor();
  await readAloud(page).click();
  assert.ok((await speech(page)).spoken.length > 0);
  await page.close();
});

for (const [name, viewport] of [['390', VIEWPORTS.phone], ['768', VIEWPORTS.tabletPortrait]]) {
  for (const size of ['text-standard', 'text-large', 'text-largest']) {
    test(`${size} at ${name} px: chosen on the consent screen, kept on every screen, never scrolling sideways`, async () => {
      const page = await openWithVoices({ viewport });
      await page.getByRole('button', { name: 'Start a new survey' }).click();
      await page.getByRole('button', { name: 'Yes, I am happy to answer' }).waitFor();
      const fits = async (what) => assert.equal(await scrollsSideways(page), false, `${what} scrolls sideways`);
      await chooseDisplay(page, size);
      await fits('consent');
      await screenshot(page, `size-${name}-${size}-consent`);
      await page.getByRole('button', { name: 'Yes, I am happy to answer' }).click();
      const shots = {
        a1_works: 'scale', a4_here_in_a_year: 'agreement-group', b1_visits: 'number',
        b4_missed_why: 'multiple', b5_hard_work: 'difficulty-group', e1_days_heroin: 'glossary-numbers',
        e10_physical: 'scale-20', h1_take_home: 'yes-no-group',
      };
      await answerAll(page, FULL_PLAN, {
        onQuestion: async (variable) => {
          assert.ok(await page.evaluate((c) => document.documentElement.classList.contains(c), size), `${variable} keeps ${size}`);
          if (variable === 'e1_days_heroin') await page.locator('#q-e1_days_heroin .glossary-term').click();
          await fits(variable);
          if (shots[variable]) await screenshot(page, `size-${name}-${size}-${shots[variable]}`);
        },
      });
      await fits('review');
      await screenshot(page, `size-${name}-${size}-review`);
      // The display choices open on a narrow screen must fit too.
      await page.locator('details.display-options summary').click();
      await fits('review with the display choices open');
      await page.getByRole('button', { name: 'Send my answers' }).click();
      await page.getByRole('heading', { name: 'Thank you' }).waitFor();
      await fits('thank-you');
      await screenshot(page, `size-${name}-${size}-thanks`);
      // The next participant starts with the researcher's default again.
      await page.getByRole('button', { name: 'Close now' }).click();
      await page.getByRole('button', { name: 'Start a new survey' }).waitFor();
      assert.ok(await page.evaluate(() => document.documentElement.classList.contains('text-standard')));
      assert.deepEqual(page.problems, []);
      await page.close();
    });
  }
}

test('the researcher\'s default text size and colours start each survey', async () => {
  const page = await openWithVoices({ viewport: VIEWPORTS.phone });
  await storeSettings(page, { text_size: 'largest', theme: 'high_contrast' });
  const root = () => page.evaluate(() => document.documentElement.className);
  assert.match(await root(), /text-largest/);
  assert.match(await root(), /theme-contrast/);
  await startAndConsent(page);
  assert.ok(await page.locator('.display-choice-input[value="text-largest"]').isChecked());
  assert.equal(await scrollsSideways(page), false);
  await page.close();
});

for (const theme of ['theme-standard', 'theme-contrast']) {
  test(`${theme}: axe-core finds nothing on any kind of screen${theme === 'theme-contrast' ? ', AAA contrast (7:1) included' : ''}`, async () => {
    const page = await openWithVoices();
    const aaa = theme === 'theme-contrast';
    const check = async (what) => assert.deepEqual(await axeWith(page, { aaa }), [], `${theme}: ${what}`);
    await page.getByRole('button', { name: 'Start a new survey' }).click();
    await page.getByRole('button', { name: 'Yes, I am happy to answer' }).waitFor();
    await chooseDisplay(page, theme);
    await check('consent, display choices open');
    await screenshot(page, `${theme}-consent`);
    // A highlight being read must keep its contrast too.
    await readAloud(page).click();
    await untilStarted(page, 1);
    await page.waitForFunction(() => document.querySelector('h1.reading'));
    await check('consent, title being read');
    await page.getByRole('button', { name: 'Stop reading' }).click();
    await page.getByRole('button', { name: 'Yes, I am happy to answer' }).click();
    const kinds = new Set([
      'a1_works', 'a3_avoid_street', 'a4_here_in_a_year', 'b2_visit_minutes', 'b3_missed_doses',
      'b4_missed_why', 'b5_hard_work', 'e1_days_heroin', 'e10_physical', 'h1_take_home', 'g1_best_thing',
      'p5_how_done',
    ]);
    await answerAll(page, FULL_PLAN, {
      onScreen: async ([variable]) => {
        if (!kinds.has(variable)) return;
        if (variable === 'a3_avoid_street') await page.locator('h1 .glossary-term').click();
        if (variable === 'a4_here_in_a_year') {
          // The group's heading, then the first item's question, then its
          // first option: each lit in turn.
          await readAloud(page).click();
          await finishUtterance(page);
          await page.waitForFunction(() => document.querySelector('#q-a4_here_in_a_year.reading'));
          await finishUtterance(page);
          await page.waitForFunction(() => document.querySelector('#item-a4_here_in_a_year .answer-tile.reading'));
        }
        if (variable === 'b3_missed_doses') {
          await page.getByRole('button', { name: 'Next' }).click();
          await page.getByRole('alert').waitFor();
          await check('a required item refused');
        }
        await check(variable);
        if (variable === 'a4_here_in_a_year') {
          await page.getByRole('button', { name: 'Stop reading' }).click();
          await screenshot(page, `${theme}-agreement-group`);
        }
        if (variable === 'b2_visit_minutes') {
          await page.getByRole('textbox').fill('abc');
          await page.locator('.answer-error:not(:empty)').waitFor();
          await check('a number refused');
          await screenshot(page, `${theme}-number-error`);
        }
      },
    });
    await check('review');
    await screenshot(page, `${theme}-review`);
    await page.getByRole('button', { name: 'Send my answers' }).click();
    await page.getByRole('heading', { name: 'Thank you' }).waitFor();
    await check('thank-you');
    await page.close();
  });
}

test('forced colours and reduced motion: the system\'s colours are kept, nothing moves, nothing breaks', async () => {
  const page = await openWithVoices({ viewport: VIEWPORTS.phone });
  await page.emulateMedia({ forcedColors: 'active', reducedMotion: 'reduce' });
  await startAndConsent(page);
  await goTo(page, 'f2_recommend');
  await give(page, FULL_PLAN.f2_recommend[0]);
  await readAloud(page).click();
  await finishUtterance(page);
  await page.waitForFunction(() => document.querySelector('.answer-tile.reading'));
  // The chosen tile takes the system's highlight colours, as do choices in
  // the display panel; and no transition or animation runs anywhere.
  const looks = await page.evaluate(() => {
    const chosen = document.querySelector('.answer-tile:has(> input:checked)');
    const probe = document.createElement('div');
    probe.style.cssText = 'color: Highlight';
    document.body.append(probe);
    const highlight = getComputedStyle(probe).color;
    probe.remove();
    const moving = [...document.querySelectorAll('*')].filter((e) => {
      const s = getComputedStyle(e);
      const longest = (v) => Math.max(...v.split(',').map((t) => parseFloat(t) || 0));
      return longest(s.transitionDuration) > 0.001 || longest(s.animationDuration) > 0.001;
    }).length;
    return { chosen: getComputedStyle(chosen).backgroundColor, highlight, moving };
  });
  assert.equal(looks.chosen, looks.highlight);
  assert.equal(looks.moving, 0);
  assert.equal(await scrollsSideways(page), false);
  await screenshot(page, 'forced-colors-agreement');
  assert.deepEqual(await axeWith(page), []);
  await page.close();
});
