// WebKit: Debian's WebKitGTK MiniBrowser, driven through WebKitWebDriver
// (WebDriver classic), on a virtual display of its own (Xvfb). Each `open`
// is a new WebDriver session: a new MiniBrowser in automation mode, whose
// storage is its own and gone when it closes, under a WebKitWebDriver of
// its own (a driver runs one session at a time, and one that was left
// waiting must not hold up the next test). A second window is a window of
// the same session.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
  // A home of its own: MiniBrowser saves every download, without asking,
  // into the user's download folder, which here is one the test can read.
  const home = await mkdtemp(join(tmpdir(), 'candour-webkit-home-'));
  const downloads = join(home, 'Downloads');
  await mkdir(join(home, '.config'), { recursive: true });
  await mkdir(downloads);
  await writeFile(join(home, '.config', 'user-dirs.dirs'), `XDG_DOWNLOAD_DIR="${downloads}"\n`);
  const xvfb = await startXvfb();
  const env = {
    ...process.env,
    DISPLAY: xvfb.display,
    HOME: home,
    XDG_CONFIG_HOME: join(home, '.config'),
    XDG_DATA_HOME: join(home, '.local', 'share'),
    XDG_CACHE_HOME: join(home, '.cache'),
    MESA_SHADER_CACHE_DISABLE: 'true',
  };
  const browsers = new Set();
  let version = null;

  /** A WebKitWebDriver of its own with one session (one MiniBrowser):
   * nothing of one test's browser can hold up the next one's. */
  async function browser() {
    const driver = await startDriver('WebKitWebDriver', (port) => [`--port=${port}`], { env });
    try {
      const session = await Session.create(driver.base, {
        'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
      });
      const one = { session, async close() { await session.close(); await driver.stop(); browsers.delete(one); } };
      browsers.add(one);
      return one;
    } catch (e) {
      await driver.stop();
      throw e;
    }
  }

  return {
    name: 'webkit',
    get version() { return version; },
    /** A fresh browser (its own storage) with one window at `url`. */
    async open(url, { width = 768, height = 1024 } = {}) {
      // A MiniBrowser that never connects to its driver is given up on and
      // started once more.
      const { session, close } = await browser().catch(() => browser());
      version = `WebKitGTK ${session.capabilities.browserVersion}`;
      const window = new WebDriverWindow(session, session.current);
      window.downloads = downloads;
      await window.command('POST', '/window/rect', { width, height }).catch(() => {});
      window.closeBrowser = close;
      await window.goto(url);
      return window;
    },
    /** What this engine can do that the tests check differently. */
    features: { downloads: true, networkEmulation: false },
    async stop() {
      try {
        for (const b of [...browsers]) await b.close();
        await xvfb.stop();
      } finally {
        // The browser's helper processes may still be writing as they exit.
        await rm(home, { recursive: true, force: true, maxRetries: 5 }).catch(() => {});
      }
    },
  };
}
