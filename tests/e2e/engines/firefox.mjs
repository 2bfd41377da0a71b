// Firefox: Debian's firefox-esr, driven by puppeteer-core over WebDriver BiDi
// (no browser download: puppeteer-core only talks to the binary given).
// One Firefox per test file; each `open` is a new BiDi user context (its own
// storage, service workers and downloads folder), closed with the test.
import puppeteer from 'puppeteer-core';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const FIREFOX = process.env.FIREFOX ?? '/usr/bin/firefox-esr';

/** The function whose source is `source` (puppeteer sends a function's
 * source to the page, with its arguments). */
const fn = (source) => new Function(`return (${source});`)();

/** Backend operations (see driver.mjs) over one puppeteer page. */
class FirefoxWindow {
  constructor(context, page, downloads) {
    this.context = context;
    this.page = page;
    this.downloads = downloads;
  }

  goto(url) { return this.page.goto(url); }
  reload() { return this.page.reload(); }
  async url() { return this.page.url(); }

  evaluate(source, args = []) {
    return this.page.evaluate(fn(source), ...args);
  }

  /** Runs the function `source` in the page with `el` as its first argument. */
  evaluateOn(el, source, args = []) {
    return el.evaluate(fn(source), ...args);
  }

  async evaluateElement(source, args = []) {
    const handle = await this.page.evaluateHandle(fn(source), ...args);
    const element = handle.asElement();
    if (!element) await handle.dispose();
    return element;
  }

  click(el) { return el.click(); }
  async clear(el) {
    await el.evaluate((e) => { e.focus(); e.select?.(); });
    await this.page.keyboard.press('Backspace');
  }
  type(el, text) { return el.type(text); }
  upload(el, paths) { return el.uploadFile(...paths); }

  /**
   * Firefox's own accessibility tree, asked through BiDi
   * (`browsingContext.locateNodes` by accessible role and name): whether it
   * finds `el` under this role and name. BiDi gives no computed name to
   * compare, only an exact match; where the exact name misses but the role
   * finds the element, the difference is reported as `nameDiffers` (Firefox
   * puts a space after an inline button inside a name: "heroin ?" for a
   * heading with a glossary button, where WebKit and Chromium say "heroin?").
   */
  async confirms(el, role, name) {
    const includes = async (selector) => {
      let same = false;
      for (const other of await this.page.$$(selector)) {
        if (!same) same = await el.evaluate((a, b) => a === b, other);
        await other.dispose();
      }
      return same;
    };
    if (await includes(`::-p-aria([name=${JSON.stringify(name)}][role=${JSON.stringify(role)}])`)) return { same: true, role, name };
    if (await includes(`::-p-aria([role=${JSON.stringify(role)}])`)) return { same: true, nameDiffers: true, role, name };
    return { same: false, role: '(not found by this role)', name: '' };
  }

  async openWindow(url) {
    const page = await this.context.newPage();
    const window = new FirefoxWindow(this.context, page, this.downloads);
    await window.goto(url);
    return window;
  }

  screenshot() { return this.page.screenshot(); }
  close() { return this.page.close().catch(() => {}); }
}

/** Launches Firefox. */
export async function launchFirefox() {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    protocol: 'webDriverBiDi',
    executablePath: FIREFOX,
    headless: true,
    // A call into a page that was navigated away from may never be answered;
    // the driver gives up on it itself, and this frees it soon after.
    protocolTimeout: 30_000,
    extraPrefsFirefox: {
      // Nothing but the test origin: no update, telemetry or remote settings.
      'app.update.enabled': false,
      'browser.safebrowsing.malware.enabled': false,
      'browser.safebrowsing.phishing.enabled': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
    },
  });
  const version = `Firefox ${(await browser.version()).replace(/^firefox\//, '')}`;
  const folders = [];
  return {
    name: 'firefox',
    version,
    async open(url, { width = 768, height = 1024 } = {}) {
      const downloads = await mkdtemp(join(tmpdir(), 'candour-firefox-downloads-'));
      folders.push(downloads);
      const context = await browser.createBrowserContext({
        downloadBehavior: { policy: 'allow', downloadPath: downloads },
      });
      const page = await context.newPage();
      await page.setViewport({ width, height });
      const window = new FirefoxWindow(context, page, downloads);
      window.closeBrowser = () => context.close().catch(() => {});
      await window.goto(url);
      return window;
    },
    features: { downloads: true, networkEmulation: true },
    async stop() {
      try {
        await browser.close();
      } finally {
        for (const f of folders) await rm(f, { recursive: true, force: true, maxRetries: 5 }).catch(() => {});
      }
    },
  };
}
