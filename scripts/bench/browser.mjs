// Browser figures for the release build, in headless Chromium (not a test:
// it prints figures beside their budgets and never fails on a slow machine).
//   - time to the first interactive screen, median of 5 loads, at 1x and 4x
//     CPU: first visits (a fresh browser context each) and returning visits
//     (5 reloads after a first load: the app stored, its database made, as
//     on a clinic tablet);
//   - input-to-next-paint for every tap and key of a complete survey, p50 /
//     p95 / max, at 1x and 4x: a probe that times each input to the frame
//     after it (every input), and Event Timing durations (the browser's own
//     measure, which reports only events of 16 ms or more, so its p50 / p95
//     are of those events, printed with how many of all events they are).
// Usage: node scripts/bench/browser.mjs [DIST]
import { FULL_PLAN, answerAll, startAndConsent } from '../../tests/e2e/survey.mjs';
import { report } from './report.mjs';
import { benchSession, QUIET } from './session.mjs';

const dist = process.argv[2] ?? 'dist';
const LOADS = 5;

const percentile = (xs, p) => {
  if (xs.length === 0) return 0;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};
const median = (xs) => percentile(xs, 50);

/** Records when the start screen's button first exists, and every input's
 * time to the next frame, inside the page. */
function instrument() {
  window.__bench = { interactive: null, probes: [], timings: [] };
  new MutationObserver((_, observer) => {
    const start = [...document.querySelectorAll('button')].find((b) => b.textContent.includes('Start a new survey'));
    if (start && window.__bench.interactive === null) {
      window.__bench.interactive = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
  for (const type of ['pointerdown', 'click', 'keydown', 'input']) {
    addEventListener(type, (e) => {
      const t0 = e.timeStamp;
      requestAnimationFrame(() => setTimeout(() => window.__bench.probes.push(performance.now() - t0), 0));
    }, { capture: true });
  }
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__bench.timings.push(e.duration);
    }).observe({ type: 'event', buffered: true, durationThreshold: 16 });
  } catch { /* no Event Timing: the probe still measures */ }
  // Every event Event Timing considers, short ones included: the denominator.
  window.__bench.eventCount = () => [...(performance.eventCounts?.values() ?? [])].reduce((a, b) => a + b, 0);
}

async function newPage(browser, origin, rate) {
  const context = await browser.newContext({ viewport: { width: 768, height: 1024 } });
  await context.addInitScript(instrument);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  page.setDefaultTimeout(60_000);
  return { context, page };
}

async function firstInteractive(browser, origin, rate) {
  const times = [];
  for (let i = 0; i < LOADS; i++) {
    const { context, page } = await newPage(browser, origin, rate);
    await page.goto(origin);
    await page.getByRole('button', { name: 'Start a new survey' }).waitFor();
    times.push(await page.evaluate(() => window.__bench.interactive));
    await context.close();
  }
  return median(times);
}

/** The same, for reloads in one context after a first load has installed
 * the service worker and made the database: how a clinic tablet opens it. */
async function returningInteractive(browser, origin, rate) {
  const { context, page } = await newPage(browser, origin, rate);
  await page.goto(origin);
  await page.getByRole('button', { name: 'Start a new survey' }).waitFor();
  await page.evaluate(() => navigator.serviceWorker?.ready);
  const times = [];
  for (let i = 0; i < LOADS; i++) {
    await page.reload();
    await page.getByRole('button', { name: 'Start a new survey' }).waitFor();
    times.push(await page.evaluate(() => window.__bench.interactive));
  }
  await context.close();
  return median(times);
}

async function tapLatency(browser, origin, rate) {
  const { context, page } = await newPage(browser, origin, rate);
  await page.goto(origin);
  await startAndConsent(page);
  await answerAll(page, FULL_PLAN);
  await page.getByRole('button', { name: 'Send my answers' }).click();
  await page.getByRole('heading', { name: 'Thank you' }).waitFor();
  const { probes, timings, events } = await page.evaluate(() => {
    const { probes, timings, eventCount } = window.__bench;
    return { probes, timings, events: eventCount() };
  });
  await context.close();
  return { probes, timings, events };
}

const { origin, browser, close } = await benchSession(dist, QUIET);
try {
  for (const [rate, budget] of [[1, undefined], [4, 300]]) {
    report(`first interactive screen at ${rate}x, first visit (median of ${LOADS})`, await firstInteractive(browser, origin, rate), budget);
    report(`first interactive screen at ${rate}x, returning (median of ${LOADS})`, await returningInteractive(browser, origin, rate), budget);
  }
  for (const [rate, budget] of [[1, 16], [4, 50]]) {
    const { probes, timings, events } = await tapLatency(browser, origin, rate);
    report(`input to next frame at ${rate}x: inputs measured`, String(probes.length), undefined, '');
    report(`input to next frame at ${rate}x: p50`, percentile(probes, 50));
    report(`input to next frame at ${rate}x: p95`, percentile(probes, 95), budget);
    report(`input to next frame at ${rate}x: max`, Math.max(...probes));
    report(`Event Timing at ${rate}x: events of 16 ms or more`, `${timings.length} of ${events}`, undefined, '');
    if (timings.length) {
      report(`Event Timing at ${rate}x: p50 of those`, percentile(timings, 50));
      report(`Event Timing at ${rate}x: p95 of those`, percentile(timings, 95));
      report(`Event Timing at ${rate}x: max`, Math.max(...timings));
    }
  }
} finally {
  await close();
}
