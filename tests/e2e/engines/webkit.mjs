// WebKit: Debian's WebKitGTK MiniBrowser, driven through WebKitWebDriver
// (WebDriver classic), on a virtual display of its own (Xvfb). Each `open`
// is a new WebDriver session: a new MiniBrowser in automation mode, whose
// storage is its own and gone when it closes.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { Session, WebDriverWindow, startDriver } from './webdriver.mjs';

/** Where Debian puts MiniBrowser (package libwebkit2gtk-4.1-0). */
const MINIBROWSER = ['/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser', '/usr/lib/aarch64-linux-gnu/webkit2gtk-4.1/MiniBrowser']
  .find((p) => existsSync(p));

/** Starts a private X display; resolves to `{ display, stop() }`. */
async function startXvfb() {
  const child = spawn('Xvfb', ['-displayfd', '1', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const display = await new Promise((ok, fail) => {
    child.once('error', fail);
    child.once('exit', (code) => fail(new Error(`Xvfb exited (${code}) before giving a display`)));
    child.stdout.once('data', (d) => ok(`:${String(d).trim()}`));
  });
  return {
    display,
    async stop() {
      if (child.exitCode === null) {
        const gone = new Promise((ok) => child.once('exit', ok));
        child.kill('SIGTERM');
        await gone;
      }
    },
  };
}

/** Launches the WebKit engine. */
export async function launchWebKit() {
  if (!MINIBROWSER) throw new Error('MiniBrowser not found: install webkit2gtk-driver (scripts/tools.sh ensure_webkit)');
  const xvfb = await startXvfb();
  const driver = await startDriver('WebKitWebDriver', (port) => [`--port=${port}`], {
    env: { ...process.env, DISPLAY: xvfb.display },
  }).catch(async (e) => { await xvfb.stop(); throw e; });
  const sessions = new Set();
  let version = null;
  return {
    name: 'webkit',
    get version() { return version; },
    /** A fresh browser (its own storage) with one window at `url`. */
    async open(url, { width = 768, height = 1024 } = {}) {
      const session = await Session.create(driver.base, {
        'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
      });
      sessions.add(session);
      version = `WebKitGTK ${session.capabilities.browserVersion}`;
      const window = new WebDriverWindow(session, session.current);
      await window.command('POST', '/window/rect', { width, height }).catch(() => {});
      window.closeBrowser = async () => { sessions.delete(session); await session.close(); };
      await window.goto(url);
      return window;
    },
    /** What this engine can do that the tests check differently. */
    features: { downloads: false, networkEmulation: false },
    async stop() {
      for (const s of sessions) await s.close();
      await driver.stop();
      await xvfb.stop();
    },
  };
}
