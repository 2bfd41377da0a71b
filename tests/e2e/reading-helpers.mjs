// Helpers for the reading, display and language tests: a speechSynthesis
// recorder put in the page before the app starts, opening the app in any
// locale (the harness's openApp waits for English words), stored settings,
// the participant's display choices, and axe with the AAA contrast rule.
import { createRequire } from 'node:module';
import { readFile } from 'node:fs/promises';

/** A local English voice (the only kind the app may use), a network voice
 * (which it must never use), and a local voice in another language. */
export const TEST_VOICES = [
  { name: 'Network English', lang: 'en-US', localService: false, default: true, voiceURI: 'net' },
  { name: 'Local English', lang: 'en-GB', localService: true, default: false, voiceURI: 'local-en' },
  { name: 'Local Arabic', lang: 'ar-SA', localService: true, default: false, voiceURI: 'local-ar' },
];

/**
 * Replaces window.speechSynthesis (and SpeechSynthesisUtterance) in every
 * page of `context` with a recorder, before the app starts. Headless
 * Chromium has no voices of its own, so this is how reading aloud is seen.
 *
 * The recorder speaks one utterance at a time and only moves on when the
 * test calls `window.__speech.finish()`, so each step can be checked.
 * `window.__speech` holds: `spoken` (every text queued, in order, with its
 * voice, lang and rate), `started` (texts whose start event fired),
 * `cancels` (calls to cancel), and `current` (the utterance playing).
 * `voices: null` removes speechSynthesis altogether.
 */
export async function installRecorder(context, { voices = TEST_VOICES } = {}) {
  await context.addInitScript((voices) => {
    if (voices === null) {
      Object.defineProperty(window, 'speechSynthesis', { value: undefined, configurable: true });
      return;
    }
    class FakeUtterance extends EventTarget {
      constructor(text = '') {
        super();
        this.text = text;
        this.lang = '';
        this.voice = null;
        this.rate = 1;
        this.pitch = 1;
        this.volume = 1;
      }
    }
    class Recorder extends EventTarget {
      constructor() {
        super();
        this.voices = voices;
        this.spoken = [];
        this.started = [];
        this.queue = [];
        this.current = null;
        this.cancels = 0;
      }
      get speaking() { return this.current !== null; }
      get pending() { return this.queue.length > 0; }
      get paused() { return false; }
      getVoices() { return this.voices; }
      speak(u) {
        this.spoken.push({ text: u.text, voice: u.voice?.name ?? null, lang: u.lang, rate: u.rate });
        this.queue.push(u);
        if (!this.current) this.#next();
      }
      // Events fire later, as a real synthesiser's do.
      #next() {
        this.current = this.queue.shift() ?? null;
        const u = this.current;
        if (u) setTimeout(() => { if (this.current === u) { this.started.push(u.text); u.dispatchEvent(new Event('start')); } }, 0);
      }
      finish() {
        const u = this.current;
        if (!u) return false;
        u.dispatchEvent(new Event('end'));
        this.#next();
        return true;
      }
      cancel() {
        this.cancels += 1;
        const cut = [this.current, ...this.queue].filter(Boolean);
        this.current = null;
        this.queue = [];
        for (const u of cut) u.dispatchEvent(new Event('error'));
      }
      pause() {}
      resume() {}
      setVoices(list) {
        this.voices = list;
        this.dispatchEvent(new Event('voiceschanged'));
      }
    }
    const recorder = new Recorder();
    Object.defineProperty(window, 'speechSynthesis', { value: recorder, configurable: true });
    window.SpeechSynthesisUtterance = FakeUtterance;
    window.__speech = recorder;
  }, voices);
}

/** What the recorder holds. */
export function speech(page) {
  return page.evaluate(() => {
    const s = window.__speech;
    return { spoken: s.spoken, started: s.started, cancels: s.cancels, current: s.current?.text ?? null, queued: s.queue.length };
  });
}

/** Ends the utterance playing; the next one starts. */
export async function finishUtterance(page) {
  const before = await page.evaluate(() => window.__speech.started.length);
  const more = await page.evaluate(() => { window.__speech.finish(); return window.__speech.current !== null; });
  if (more) await page.waitForFunction((n) => window.__speech.started.length > n, before);
}

/** Waits until the utterance now playing has started (its start event fired). */
export function untilStarted(page, count = 1) {
  return page.waitForFunction((n) => window.__speech.started.length >= n, count);
}

/**
 * A new page (its own storage) at `path`, with `setup(context)` run first
 * (e.g. installRecorder), waiting for the start form whatever its language.
 */
export async function openAt(env, { viewport, path = '/', setup } = {}) {
  const context = await env.browser.newContext({ viewport });
  context.setDefaultTimeout(10_000);
  if (setup) await setup(context);
  const page = await context.newPage();
  page.problems = [];
  page.requests = [];
  page.on('request', (r) => page.requests.push(r.url()));
  page.on('console', (m) => { if (m.type() === 'error') page.problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => page.problems.push(`page error: ${e.message}`));
  await page.goto(env.origin + path);
  await page.locator('.start-form button[type=submit]').waitFor();
  return page;
}

/** Stores device settings (as the researcher area would), reloads, and
 * waits for `ready` (the start form, unless a survey resumes). */
export async function storeSettings(page, data, { ready = '.start-form button[type=submit]' } = {}) {
  await page.evaluate((data) => localStorage.setItem('candour:settings', JSON.stringify({
    format: 1, kind: 'settings', data: { idle_seconds: 600, still_there_seconds: 30, thanks_seconds: 60, ...data },
  })), data);
  await page.reload();
  await page.locator(ready).first().waitFor();
}

/** Chooses a text size or colours by the value of its radio, whatever the
 * language: `text-standard`, `text-large`, `text-largest`, `theme-standard`,
 * `theme-contrast`. Opens the display choices first if they are closed. */
export async function chooseDisplay(page, value) {
  const details = page.locator('details.display-options');
  if (!(await details.evaluate((d) => d.open))) await details.locator('summary').click();
  await page.locator(`.display-choice-input[value="${value}"]`).check();
  await page.waitForFunction((v) => document.documentElement.classList.contains(v), value);
}

const require = createRequire(import.meta.url);

/**
 * axe-core with the WCAG A and AA rules and, with `aaa`, the AAA contrast
 * rule (7:1, "color-contrast-enhanced"). Returns the violations.
 */
export async function axeWith(page, { aaa = false } = {}) {
  const source = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(source);
  return page.evaluate(async (aaa) => {
    const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
    const result = await window.axe.run(document, {
      runOnly: { type: 'tag', values: aaa ? [...tags, 'wcag2aaa'] : tags },
    });
    return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target).join(', ')})`);
  }, aaa);
}

/** The variable of the screen's first question ("q-<variable>" without
 * "q-"), or null off a question screen. */
export function questionId(page) {
  return page.evaluate(() => {
    const id = document.querySelector('main [id^="q-"]')?.id ?? '';
    return id ? id.slice(2) : null;
  });
}

/** Presses the screen's primary navigation button (Next, whatever its
 * words) and waits for another screen or the review. */
export async function nextScreen(page) {
  const before = await page.evaluate(() => document.querySelector('h1')?.id ?? '');
  await page.locator('.nav-buttons .button.primary').click();
  await page.waitForFunction((b) => (document.querySelector('h1')?.id ?? '') !== b, before);
}

/**
 * Answers every question on screen without knowing its words: the first
 * option of a list or scale, the first box ticked, "1" in a number box, or
 * `text` in a text area.
 */
export async function answerAnyhow(page, text = 'ŧéšţ') {
  const answers = page.locator('main .answer');
  const count = await answers.count();
  if (count === 0) throw new Error('no answer widget on this screen');
  for (let i = 0; i < count; i++) {
    const answer = answers.nth(i);
    const radio = answer.locator('input[type=radio]').first();
    const box = answer.locator('input[type=checkbox]').first();
    const number = answer.locator('.answer-number-box');
    const area = answer.locator('textarea');
    if (await radio.count()) await radio.check();
    else if (await box.count()) await box.check();
    else if (await number.count()) await number.fill('1');
    else if (await area.count()) await area.fill(text);
  }
}
