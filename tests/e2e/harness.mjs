// Shared end-to-end harness: serves the release build (dist/) on 127.0.0.1,
// drives Debian's Chromium through playwright-core, and records every request
// and every console error or CSP violation, so each test can assert on them.
import { chromium } from 'playwright-core';
import { mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '../../scripts/static-server.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Where screenshots go (git-ignored), for a person to look at. */
export const SCREENSHOTS = join(ROOT, 'test-output', 'screenshots');

/** Tablet portrait, tablet landscape and phone sizes the app must fit. */
export const VIEWPORTS = {
  tabletPortrait: { width: 768, height: 1024 },
  tabletLandscape: { width: 1024, height: 768 },
  phone: { width: 390, height: 844 },
};

/** The release build served; CANDOUR_DIST points elsewhere so that several
 * builds (e.g. two engineers' at once) never overwrite each other. */
export const DIST = process.env.CANDOUR_DIST ?? join(ROOT, 'dist');

/** Starts the server and the browser once per test file. */
export async function start() {
  return startServing(DIST);
}

/**
 * Like `start`, but serves `dir` (read from disk on each request, so a test
 * may replace its files to deploy another build on the same origin), with
 * the options of scripts/static-server.mjs's `serve` (e.g. `base`, to serve
 * it from a subfolder).
 */
export async function startServing(dir, options = {}) {
  const server = await serve(dir, 0, options);
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
    ],
  });
  return {
    origin,
    browser,
    async stop() {
      await browser.close();
      // Keep-alive connections a failed test left open must not hold the
      // run: close them, then the server.
      server.closeAllConnections?.();
      await new Promise((ok) => server.close(ok));
    },
  };
}

/**
 * Opens a fresh page (its own storage) at the app and waits for the start
 * screen. Returns the page with `requests` (every URL requested, the service
 * worker's included), `failures` (requests that failed) and `problems`
 * (console errors, page errors, CSP violations) lists that fill as it runs.
 */
export async function openApp(env, { viewport = VIEWPORTS.tabletPortrait, path = '/', contextOptions = {} } = {}) {
  const page = await openPage(env, { viewport, path, contextOptions });
  await page.getByRole('button', { name: 'Start a new survey' }).waitFor();
  return page;
}

/**
 * Opens a fresh page (its own storage) at the workbench and waits for its
 * heading. The page carries the same `requests`, `failures` and `problems`
 * lists as `openApp`'s.
 */
export async function openWorkbench(env, { viewport = VIEWPORTS.tabletLandscape, path = '/workbench.html', contextOptions = {} } = {}) {
  const page = await openPage(env, { viewport, path, contextOptions });
  await page.getByRole('heading', { name: 'Candour workbench', level: 1 }).waitFor();
  return page;
}

/** A fresh page in its own context at `path`, recording what it does. */
async function openPage(env, { viewport, path, contextOptions = {} }) {
  const context = await env.browser.newContext({ viewport, ...contextOptions });
  // Conditions, not sleeps: a condition that does not hold in 10 s is a failure.
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  page.requests = [];
  page.problems = [];
  page.on('request', (r) => page.requests.push(r.url()));
  // The service worker's own fetches (it downloads the build to work offline)
  // are reported on the context, not the page: count them as the page's too,
  // so `requests` is every request the app causes.
  context.on('request', (r) => {
    if (r.serviceWorker()) page.requests.push(r.url());
  });
  page.failures = [];
  context.on('requestfailed', (r) => page.failures.push(`${r.url()}: ${r.failure()?.errorText}`));
  page.on('console', (m) => {
    if (m.type() === 'error') page.problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => page.problems.push(`page error: ${e.message}`));
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  await page.goto(env.origin + path);
  return page;
}

/** Saves a full-page screenshot as test-output/screenshots/NAME.png. */
export async function screenshot(page, name) {
  await mkdir(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

const require = createRequire(import.meta.url);

/** Runs axe-core (WCAG 2.x A and AA rules) on the page; returns the violations. */
export async function axe(page) {
  const source = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(source);
  return page.evaluate(async () => {
    const result = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    });
    return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target).join(', ')})`);
  });
}

/** True when the page scrolls sideways (content wider than the viewport). */
export function scrollsSideways(page) {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
}

/** The requests of `urls` that go anywhere but the app's own origin. */
export function foreignRequests(env, urls) {
  return urls.filter((url) => !url.startsWith(env.origin + '/'));
}

/** The build id the page runs (its <meta name="candour-build">). */
export function buildOf(page) {
  return page.locator('meta[name="candour-build"]').getAttribute('content');
}

/**
 * Waits until the app can run offline: its service worker has stored the
 * whole build, is activated and controls the page. Returns the worker's cache
 * names.
 */
export async function waitForOffline(page) {
  await page.waitForFunction(() => navigator.serviceWorker.controller?.state === 'activated');
  return page.evaluate(() => caches.keys());
}
