// Chromium through chromedriver (WebDriver classic), the same backend as
// WebKit's. Not part of scripts/test.sh (the Chromium suite runs through
// playwright-core): it exists to check the engine layer itself against the
// reference engine, e.g. `CANDOUR_ENGINE=chromium node --test tests/e2e/engines/*.core.mjs`.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Session, WebDriverWindow, startDriver } from './webdriver.mjs';

export async function launchChromium() {
  const driver = await startDriver(process.env.CHROMEDRIVER ?? '/usr/bin/chromedriver', (port) => [`--port=${port}`]);
  const sessions = new Set();
  const folders = [];
  let version = null;
  return {
    name: 'chromium',
    get version() { return version; },
    async open(url, { width = 768, height = 1024 } = {}) {
      const downloads = await mkdtemp(join(tmpdir(), 'candour-chromium-downloads-'));
      folders.push(downloads);
      const session = await Session.create(driver.base, {
        'goog:chromeOptions': {
          binary: process.env.CHROMIUM ?? '/usr/bin/chromium',
          args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
            '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run',
            `--window-size=${width},${height}`],
          prefs: { 'download.default_directory': downloads, 'download.prompt_for_download': false },
        },
      });
      sessions.add(session);
      version = `Chromium ${session.capabilities.browserVersion}`;
      const window = new WebDriverWindow(session, session.current);
      window.downloads = downloads;
      window.closeBrowser = async () => { sessions.delete(session); await session.close(); };
      await window.goto(url);
      return window;
    },
    features: { downloads: true, networkEmulation: false },
    async stop() {
      for (const s of sessions) await s.close();
      await driver.stop();
      for (const f of folders) await rm(f, { recursive: true, force: true });
    },
  };
}
