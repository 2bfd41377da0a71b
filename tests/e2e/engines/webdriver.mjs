// A minimal WebDriver classic client (W3C WebDriver, HTTP + JSON), for the
// engines driven through a driver binary: WebKitWebDriver (WebKitGTK's
// MiniBrowser) and, as a cross-check of this layer, chromedriver. Only the
// commands the engine tests need; each window is a page object that
// switches the session to itself before every command.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

/** A free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((ok, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => ok(port));
    });
  });
}

/**
 * Starts a driver binary on a free port; resolves once it answers /status.
 * Returns `{ base, stop() }`. The driver leads a process group of its own,
 * so that `stop` also ends the browser it started, should it outlive its
 * session.
 */
export async function startDriver(binary, args, { env = process.env, timeout = 30_000 } = {}) {
  const port = await freePort();
  const child = spawn(binary, [...args(port)], { env, stdio: ['ignore', 'ignore', 'pipe'], detached: true });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr = (stderr + d).slice(-4000); });
  const exited = new Promise((ok) => child.once('exit', (code) => ok(code)));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeout;
  for (;;) {
    const up = await fetch(`${base}/status`).then((r) => r.ok, () => false);
    if (up) break;
    const gone = await Promise.race([exited, new Promise((ok) => setTimeout(() => ok(undefined), 100))]);
    if (gone !== undefined) throw new Error(`${binary} exited (${gone}) before answering: ${stderr}`);
    if (Date.now() > deadline) throw new Error(`${binary} did not answer in ${timeout} ms: ${stderr}`);
  }
  return {
    base,
    async stop() {
      if (child.exitCode === null) {
        try { process.kill(-child.pid, 'SIGTERM'); } catch { child.kill('SIGTERM'); }
        await exited;
      } else {
        try { process.kill(-child.pid, 'SIGTERM'); } catch { /* the group is gone already */ }
      }
    },
  };
}

/** An error the remote end reported, with its WebDriver error code. */
export class WebDriverError extends Error {
  constructor(command, value) {
    super(`${command}: ${value.error}: ${value.message}`);
    this.code = value.error;
  }
}

/** The key under which WebDriver serialises an element reference. */
const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';

/** One WebDriver session: one browser with its own profile. */
export class Session {
  /** Opens a session at the driver `base` with `capabilities`. */
  static async create(base, capabilities) {
    const session = new Session(base, null);
    const value = await session.command('POST', '/session', { capabilities: { alwaysMatch: capabilities } }, { global: true, timeout: 60_000 });
    session.id = value.sessionId;
    session.capabilities = value.capabilities;
    session.current = await session.command('GET', '/window');
    // Scripts may wait for a condition: up to the tests' 10 s and a margin.
    await session.command('POST', '/timeouts', { script: 15_000, pageLoad: 30_000, implicit: 0 });
    return session;
  }

  constructor(base, id) {
    this.base = base;
    this.id = id;
  }

  /**
   * Sends one command; returns its `value` or throws a WebDriverError. A
   * command never waits longer than `timeout` (page loads and scripts have
   * shorter limits of their own), so a driver that stops answering fails
   * the test instead of hanging it.
   */
  async command(method, path, body, { global = false, timeout = 45_000 } = {}) {
    const url = global ? `${this.base}${path}` : `${this.base}/session/${this.id}${path}`;
    const response = await fetch(url, {
      method,
      signal: AbortSignal.timeout(timeout),
      headers: { 'Content-Type': 'application/json; charset=utf-8' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const { value } = await response.json();
    if (!response.ok || (value && typeof value === 'object' && 'error' in value && typeof value.error === 'string')) {
      throw new WebDriverError(`${method} ${path}`, value ?? { error: String(response.status), message: '' });
    }
    return value;
  }

  /** Makes `handle` the window the next commands go to. */
  async use(handle) {
    if (this.current === handle) return;
    await this.command('POST', '/window', { handle });
    this.current = handle;
  }

  async close() {
    await this.command('DELETE', '', undefined, { timeout: 15_000 }).catch(() => {});
  }
}

/** An element reference as WebDriver returns it, or null. */
function elementId(value) {
  if (!value || typeof value !== 'object') return null;
  return value[ELEMENT] ?? null;
}

/**
 * One window of a session, with the backend operations the engine-neutral
 * driver (driver.mjs) builds on.
 */
export class WebDriverWindow {
  constructor(session, handle) {
    this.session = session;
    this.handle = handle;
  }

  async command(method, path, body) {
    await this.session.use(this.handle);
    return this.session.command(method, path, body);
  }

  goto(url) { return this.command('POST', '/url', { url }); }
  reload() { return this.command('POST', '/refresh', {}); }
  url() { return this.command('GET', '/url'); }

  /**
   * Runs the function `source` with `args` in the page (it may be async)
   * and returns its JSON result.
   */
  async evaluate(source, args = []) {
    const script = `const done = arguments[arguments.length - 1];
      Promise.resolve().then(() => (${source}).apply(null, Array.prototype.slice.call(arguments, 0, -1)))
        .then((value) => done({ value }), (e) => done({ thrown: String(e && e.stack || e) }));`;
    const out = await this.command('POST', '/execute/async', { script, args });
    if (out && 'thrown' in out) throw new Error(`in the page: ${out.thrown}`);
    return out?.value;
  }

  /** Like `evaluate`, for a function returning one element (or null). */
  async evaluateElement(source, args = []) {
    const id = elementId(await this.evaluate(source, args));
    return id ? { id } : null;
  }

  /** Runs the function `source` in the page with `el` as its first argument. */
  evaluateOn(el, source, args = []) {
    return this.evaluate(source, [{ [ELEMENT]: el.id }, ...args]);
  }

  click(el) { return this.command('POST', `/element/${el.id}/click`, {}); }
  clear(el) { return this.command('POST', `/element/${el.id}/clear`, {}); }
  /**
   * Types `text` key by key; a line break is the Enter key (WebDriver's
   * U+E007: WebKitWebDriver drops a bare "\n"). A character outside the
   * Basic Multilingual Plane (an emoji) has no key: WebKitWebDriver drops it
   * without a trace (no input event at all), so it is committed at the caret
   * as an emoji keyboard commits it, as one "insertText" edit.
   */
  async type(el, text) {
    for (const run of text.match(/[\u{10000}-\u{10FFFF}]+|[^\u{10000}-\u{10FFFF}]+/gu) ?? []) {
      if (/[\u{10000}-\u{10FFFF}]/u.test(run)) {
        await this.evaluateOn(el, `(el, run) => {
          el.focus();
          if (!document.execCommand('insertText', false, run)) throw new Error('insertText refused');
        }`, [run]);
      } else {
        await this.command('POST', `/element/${el.id}/value`, { text: run.replace(/\n/g, '\uE007') });
      }
    }
  }
  /** Gives a file input the files at `paths` (the driver reads them). */
  upload(el, paths) { return this.command('POST', `/element/${el.id}/value`, { text: paths.join('\n') }); }

  /**
   * Whether the engine's own accessibility layer gives `el` this role and
   * name (WebDriver's computed role and label). Resolves to
   * `{ same, role, name }`, or null where the driver cannot say.
   */
  async confirms(el, role, name) {
    try {
      const actual = {
        role: await this.command('GET', `/element/${el.id}/computedrole`),
        name: await this.command('GET', `/element/${el.id}/computedlabel`),
      };
      const norm = (s) => String(s ?? '').replace(/\s+/g, ' ').trim();
      return { same: actual.role === role && norm(actual.name) === norm(name), ...actual };
    } catch (e) {
      if (e.code === 'unknown command' || e.code === 'unsupported operation') return null;
      throw e;
    }
  }

  /** Opens a second window of the same browser (same profile) at `url`. */
  async openWindow(url) {
    const { handle } = await this.session.command('POST', '/window/new', { type: 'window' });
    const window = new WebDriverWindow(this.session, handle);
    window.downloads = this.downloads;
    window.closeBrowser = this.closeBrowser;
    await window.goto(url);
    return window;
  }

  async screenshot() {
    return Buffer.from(await this.command('GET', '/screenshot'), 'base64');
  }

  /** Closes this window (the session stays while another is open). */
  async close() {
    await this.command('DELETE', '/window').catch(() => {});
    this.session.current = null;
  }
}
