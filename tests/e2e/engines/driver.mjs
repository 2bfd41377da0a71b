// The engine-neutral layer of the engine tests: the few things a person
// does with the app (open it, find things by role and accessible name, tap,
// type, reload, go offline, open a second window, get a file), the same for
// every engine. Each engine module (webkit.mjs, firefox.mjs, chromium.mjs)
// gives a backend per window with a handful of primitives; everything a test
// reads is written here once.
//
// Waiting is always for a condition, checked in the page on every DOM change
// (and every 100 ms), never for a fixed time: 10 s without the condition is a
// failure, as in the Chromium suite.
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { A11Y, portable } from './roles.mjs';
import { SCREENSHOTS } from '../harness.mjs';

/** How long any condition may take before the test fails. */
export const TIMEOUT = 10_000;

/** The engines the core set runs in, by name. */
export const ENGINES = {
  webkit: async () => (await import('./webkit.mjs')).launchWebKit(),
  firefox: async () => (await import('./firefox.mjs')).launchFirefox(),
  chromium: async () => (await import('./chromium.mjs')).launchChromium(),
};

/** Launches the engine `name` (CANDOUR_ENGINE, by default). */
export async function launch(name = process.env.CANDOUR_ENGINE) {
  if (!ENGINES[name]) throw new Error(`CANDOUR_ENGINE must be one of ${Object.keys(ENGINES).join(', ')} (got ${name})`);
  return ENGINES[name]();
}

// Queries, written as a person would point at things.

/** An element by ARIA role and accessible name (substring, unless exact). */
export const role = (r, name, { exact = false, level } = {}) => ({ role: r, name, exact, level });
/** A form control by its label (its accessible name). */
export const label = (name, { exact = false } = {}) => ({ label: name, exact });
/** The smallest visible element whose text matches. */
export const text = (t, { exact = false } = {}) => ({ text: t, exact });
/** `query`, looked for only inside the matches of `scope`. */
export const inside = (scope, query) => ({ ...query, within: scope });

/**
 * Errors that mean the page went away under a command (a navigation).
 * Firefox may also refuse a script that touches a document being torn down
 * ("Security Manager vetoed action", NS_ERROR_XPC_SECURITY_MANAGER_VETO, or a
 * "dead object"): seen once while the staff page replaced the start screen.
 */
const NAVIGATED = /stale element|no answer from the page|script timeout|no such element|unloaded|navigat|context was destroyed|Execution context|detached|no such frame|target closed|document unloaded|JavaScript execution context|Inspected target|Security Manager vetoed|SECURITY_MANAGER_VETO|dead object/i;

/**
 * `promise`, or a "page went away" failure after `ms`: a script running in a
 * document that was navigated away from may never answer (Firefox keeps
 * such a document frozen in its back-forward cache, timers and all).
 */
function answerWithin(promise, ms) {
  let timer;
  const late = new Promise((_, fail) => {
    timer = setTimeout(() => fail(new Error(`no answer from the page in ${ms} ms: it navigated away`)), ms);
  });
  promise.catch(() => {}); // a late failure of the abandoned call is expected
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/** The in-page helper library plus `fn`, as one function source. */
function withA11y(fn) {
  return `async function (...args) { const A = (${A11Y})(); return (${fn})(A, ...args); }`;
}

/** A window of the app in one engine. */
export class Page {
  /**
   * Opens a fresh browser profile (nothing stored) at `origin` + `path`.
   * `origin` is the object of server.mjs's `startOrigin`.
   */
  static async open(engine, origin, path = '/', options = {}) {
    const backend = await engine.open(origin.origin + path, options);
    const page = new Page(engine, backend, origin);
    // A download folder may be shared by the engine's profiles: only files
    // new since this profile opened are its downloads.
    page.downloadsBefore = new Set(backend.downloads ? await readdir(backend.downloads) : []);
    return page;
  }

  constructor(engine, backend, origin) {
    this.engine = engine;
    this.backend = backend;
    this.origin = origin;
  }

  /** Runs `fn(...args)` in the page (it may be async); returns its JSON value. */
  evaluate(fn, ...args) {
    return this.backend.evaluate(String(fn), args);
  }

  /**
   * Waits until `fn(...args)`, run in the page, returns something truthy;
   * returns it. Survives navigations (the condition is asked again in the
   * new document).
   */
  async waitUntil(fn, ...args) {
    // The condition is written into the script, not eval'd in the page:
    // Candour's CSP forbids eval, and rightly.
    const poll = `async function (args, slice) {
      const f = (${fn});
      const until = Date.now() + slice;
      for (;;) {
        const value = await f(...args);
        if (value) return { value };
        if (Date.now() > until) return null;
        await new Promise((ok) => {
          const mo = new MutationObserver(() => { mo.disconnect(); ok(); });
          mo.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
          setTimeout(() => { mo.disconnect(); ok(); }, 100);
        });
      }
    }`;
    let last;
    await this.#retry(`the condition ${String(fn).slice(0, 120)}`, async (slice) => {
      const out = await this.backend.evaluate(poll, [args, slice]);
      if (out) last = out.value;
      return out;
    });
    return last;
  }

  /**
   * Runs `attempt(slice)` until it returns something truthy, for up to
   * TIMEOUT; a navigation under it just means asking again. With `guard`,
   * an attempt (one call into the page) that does not answer within its
   * slice counts as such a navigation.
   */
  async #retry(what, attempt, { guard = true } = {}) {
    const deadline = Date.now() + TIMEOUT;
    let lastError;
    for (;;) {
      const left = deadline - Date.now();
      if (left <= 0) break;
      try {
        const slice = Math.min(left, 2_000);
        const out = await (guard ? answerWithin(attempt(slice), slice + 3_000) : attempt(slice));
        if (out) return out;
      } catch (e) {
        if (!NAVIGATED.test(String(e.message))) throw e;
        lastError = e;
      }
    }
    // What the page showed instead, for the person reading the failure.
    const shown = await this.evaluate(() => document.body?.innerText.replace(/\s+/g, ' ').slice(0, 400)).catch(() => '?');
    await this.screenshot(`timeout-${Date.now()}`).catch(() => {});
    throw new Error(`${this.engine.name}: timed out after ${TIMEOUT} ms waiting for ${what}${lastError ? ` (last: ${lastError.message})` : ''}; the page shows: ${shown}`);
  }

  /** Waits for the first visible match of `query` (and, with `enabled`,
   * for it to be enabled); returns the engine's element handle. */
  async #element(query, { enabled = false } = {}) {
    const find = withA11y(`async (A, query, enabled, slice) => {
      const until = Date.now() + slice;
      for (;;) {
        const el = A.findAll(query).find((e) => !enabled || !(e.disabled || e.getAttribute('aria-disabled') === 'true'));
        if (el) return el;
        if (Date.now() > until) return null;
        await new Promise((ok) => {
          const mo = new MutationObserver(() => { mo.disconnect(); ok(); });
          mo.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
          setTimeout(() => { mo.disconnect(); ok(); }, 100);
        });
      }
    }`);
    const q = portable(query);
    return this.#retry(describe(query), (slice) => this.backend.evaluateElement(find, [q, enabled, slice]));
  }

  /** Waits until `query` is shown. */
  async waitFor(query) {
    await this.#element(query);
  }

  /** Waits until nothing matches `query`. */
  async waitForNone(query) {
    await this.waitUntil(withA11y(`(A, q) => A.findAll(q).length === 0`), portable(query));
  }

  /** How many visible elements match `query` now. */
  count(query) {
    return this.evaluate(withA11y(`(A, q) => A.findAll(q).length`), portable(query));
  }

  /** The visible text of the first match of `query` (waits for it). */
  async text(query) {
    await this.waitFor(query);
    return this.evaluate(withA11y(`(A, q) => A.norm(A.findAll(q)[0]?.innerText)`), portable(query));
  }

  /** The visible texts of every match of `query`, now. */
  texts(query) {
    return this.evaluate(withA11y(`(A, q) => A.findAll(q).map((e) => A.norm(e.innerText))`), portable(query));
  }

  /** Waits for `query` to match and runs `fn(element, ...args)` on it in the page. */
  async on(query, fn, ...args) {
    await this.waitFor(query);
    return this.evaluate(withA11y(`(A, q, args) => (${fn})(A.findAll(q)[0], ...args)`), portable(query), args);
  }

  /** Waits until `fn(element, ...args)`, run in the page on the first match
   * of `query`, returns something truthy; returns it. */
  waitOn(query, fn, ...args) {
    return this.waitUntil(withA11y(`(A, q, args) => { const el = A.findAll(q)[0]; return el ? (${fn})(el, ...args) : null; }`), portable(query), args);
  }

  /** Whether the radio or checkbox `query` is checked (waits for it). */
  isChecked(query) {
    return this.on(query, (el) => el.checked === true || el.getAttribute('aria-checked') === 'true');
  }

  /**
   * Acts on the element `query` finds, once it is enabled: `act(element)`.
   * For role queries, the engine's own accessibility layer must agree on
   * the element's role and name first. A page that changed under the
   * action (the element went stale) is looked at again.
   */
  async #act(query, act) {
    await this.#retry(describe(query), async () => {
      const el = await this.#element(query, { enabled: true });
      if (query.role) await this.#confirm(el, query);
      await act(el);
      return true;
    }, { guard: false });
  }

  /** Fails when the engine's accessibility layer disagrees with ours. */
  async #confirm(el, query) {
    if (!this.backend.confirms) return;
    const ours = await this.backend.evaluateOn(el, `(el) => (${A11Y})().nameOf(el)`, []);
    // Each role and name is asked once per window: the same markup gets
    // the same answer, and asking costs round trips on every tap.
    const key = `${query.role}\n${ours}`;
    this.backend.confirmed ??= new Set();
    if (this.backend.confirmed.has(key)) return;
    const verdict = await this.backend.confirms(el, query.role, ours);
    if (verdict?.nameDiffers) (this.engine.notes ??= new Set()).add(`${query.role} "${ours}": same element by role, but ${this.engine.name} computes another name`);
    if (verdict?.same) this.backend.confirmed.add(key);
    if (verdict && !verdict.same) {
      throw new Error(`${this.engine.name} exposes ${describe(query)} as role "${verdict.role}", name "${verdict.name}" (expected "${query.role}", "${ours}")`);
    }
  }

  /** Taps `query` (a button, a radio, a checkbox...). */
  click(query) {
    return this.#act(query, async (el) => {
      // As a person does, what is tapped is first brought to the middle of
      // the screen: WebKitWebDriver refuses a tap on a tile whose centre is
      // near the bottom edge ("element click intercepted"), now that a
      // screen of several items is taller than the window.
      await this.backend.evaluateOn(el, '(el) => el.scrollIntoView({ block: "center", inline: "center" })', []);
      await this.backend.click(el);
    });
  }

  /** Replaces the text of the field `query` with `value`, typed key by key. */
  fill(query, value) {
    return this.#act(query, async (el) => {
      await this.backend.clear(el);
      if (value !== '') await this.backend.type(el, value);
    });
  }

  /** Ticks the radio or checkbox `query` unless it is already ticked. */
  async check(query) {
    if (!(await this.isChecked(query))) await this.click(query);
    await this.waitUntil(withA11y(`(A, q) => A.findAll(q)[0]?.checked === true`), portable(query));
  }

  /** Gives the file input `query` the files at `paths`. */
  upload(query, paths) {
    return this.#act(query, (el) => this.backend.upload(el, paths));
  }

  /** Reloads the page, as a person pressing reload or a crash and restart. */
  reload() {
    return this.backend.reload();
  }

  /** Goes to `path` on the app's origin. */
  goto(path) {
    return this.backend.goto(this.origin.origin + path);
  }

  /** The address the page shows. */
  url() {
    return this.backend.url();
  }

  /** Opens a second window of the same browser (same storage) at `path`. */
  async openWindow(path = '/') {
    const page = new Page(this.engine, await this.backend.openWindow(this.origin.origin + path), this.origin);
    page.downloadsBefore = this.downloadsBefore;
    return page;
  }

  /** Cuts (true) or restores (false) the network to the app's origin. */
  setOffline(on) {
    this.origin.setOffline(on);
  }

  /** Reads localStorage[key] (null when absent). */
  localStorage(key) {
    return this.evaluate((k) => localStorage.getItem(k), key);
  }

  /**
   * Starts catching what the app hands to the browser as a file (a Blob
   * behind an object URL, given to an <a download> that is clicked): every
   * engine, downloads or not. `handedOver()` then returns them as
   * `[{ name, type, text }]`.
   */
  catchHandOver() {
    return this.evaluate(() => {
      if (window.__candourHandOver) return;
      const blobs = new Map();
      const files = [];
      window.__candourHandOver = files;
      const create = URL.createObjectURL;
      URL.createObjectURL = function (blob) {
        const url = create.call(URL, blob);
        blobs.set(url, blob);
        return url;
      };
      const click = HTMLAnchorElement.prototype.click;
      HTMLAnchorElement.prototype.click = function () {
        const blob = blobs.get(this.href);
        if (blob && this.hasAttribute('download')) files.push({ name: this.download, type: blob.type, blob });
        return click.call(this);
      };
    });
  }

  /** The files handed over since `catchHandOver`, read as text. */
  handedOver() {
    return this.evaluate(() => Promise.all((window.__candourHandOver ?? []).map(async (f) => ({
      name: f.name, type: f.type, text: await f.blob.text(),
    }))));
  }

  /**
   * Where the engine saves downloads (it keeps them), or null where the
   * engine's automation cannot hand them to a test.
   */
  get downloadFolder() {
    return this.backend.downloads ?? null;
  }

  /** Waits until the download folder holds a finished file whose name
   * matches `pattern`; returns `{ name, text }`. */
  async downloaded(pattern) {
    const folder = this.downloadFolder;
    if (!folder) throw new Error(`${this.engine.name}: downloads cannot be caught in this engine`);
    const deadline = Date.now() + TIMEOUT;
    for (;;) {
      const names = await readdir(folder);
      const name = names.find((n) => pattern.test(n) && !n.endsWith('.part') && !this.downloadsBefore?.has(n));
      // Firefox writes into NAME.part and renames it when complete.
      if (name && !names.includes(`${name}.part`)) {
        return { name, text: await readFile(join(folder, name), 'utf8') };
      }
      if (Date.now() > deadline) throw new Error(`${this.engine.name}: no download matching ${pattern} in ${TIMEOUT} ms (${names.join(', ')})`);
      await new Promise((ok) => setTimeout(ok, 50)); // polling a folder: there is no event to wait on
    }
  }

  /** Saves a screenshot as test-output/screenshots/ENGINE-NAME.png. */
  async screenshot(name) {
    await mkdir(SCREENSHOTS, { recursive: true });
    await writeFile(join(SCREENSHOTS, `${this.engine.name}-${name}.png`), await this.backend.screenshot());
  }

  /** Closes this window. */
  close() {
    return this.backend.close();
  }

  /** Closes the whole browser profile of this page (every window of it). */
  closeBrowser() {
    return this.backend.closeBrowser();
  }
}

/** A query in words, for failures. */
export function describe(q) {
  const what = q.text !== undefined ? `text "${q.text}"`
    : q.label !== undefined ? `the field labelled "${q.label}"`
      : `${q.role}${q.name !== undefined ? ` "${q.name}"` : ''}${q.level ? ` (level ${q.level})` : ''}`;
  return q.within ? `${what} in ${describe(q.within)}` : what;
}
