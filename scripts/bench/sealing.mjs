// What sealing adds to the Send press (issue 14's budget: at most 30 ms at
// 4x CPU), in headless Chromium on the release build (not a test: figures
// beside their budget, never a failure). For 1x and 4x: a complete survey
// sent on a tablet with the research key loaded (the test setup file),
// three times; the app's own `candour:seal` measure (making the sealed
// entry: export form, HPKE, JSON), and the Send tap's time to the next
// frame with and without the key, medians.
// Usage: node scripts/bench/sealing.mjs [DIST]
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FULL_PLAN, answerAll, startAndConsent } from '../../tests/e2e/survey.mjs';
import { setFirstPin } from '../../tests/e2e/staff.mjs';
import { report } from './report.mjs';
import { benchSession, QUIET } from './session.mjs';

const dist = process.argv[2] ?? 'dist';
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SETUP = join(ROOT, 'tests', 'fixtures', 'sealing', 'tablet-setup.json');
const RUNS = 3;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

/** Times the Send tap to the frame after it. */
function probeSend() {
  window.__send = [];
  addEventListener('click', (e) => {
    if (!(e.target instanceof Element) || !e.target.closest('button')?.textContent.includes('Send my answers')) return;
    const t0 = e.timeStamp;
    requestAnimationFrame(() => setTimeout(() => window.__send.push(performance.now() - t0), 0));
  }, { capture: true });
}

async function sends(browser, origin, rate, sealed) {
  const context = await browser.newContext({ viewport: { width: 768, height: 1024 } });
  await context.addInitScript(probeSend);
  const page = await context.newPage();
  page.setDefaultTimeout(60_000);
  await page.goto(origin);
  if (sealed) {
    await page.getByRole('button', { name: 'Researcher area' }).click();
    await setFirstPin(page);
    await page.getByLabel('Load a tablet setup file').setInputFiles(SETUP);
    await page.getByRole('status').filter({ hasText: 'Research key loaded.' }).waitFor();
    await page.getByRole('button', { name: 'Lock and leave' }).click();
  }
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  for (let i = 0; i < RUNS; i++) {
    await startAndConsent(page);
    await answerAll(page, FULL_PLAN);
    await page.getByRole('button', { name: 'Send my answers' }).click();
    await page.getByRole('button', { name: 'Close now' }).click();
    await page.getByRole('button', { name: 'Start a new survey' }).waitFor();
  }
  const { send, seal } = await page.evaluate(() => ({
    send: window.__send,
    seal: performance.getEntriesByName('candour:seal').map((e) => e.duration),
  }));
  await context.close();
  return { send: median(send), seal: seal.length ? median(seal) : undefined, count: seal.length };
}

const { origin, browser, close } = await benchSession(dist, QUIET);
try {
  for (const rate of [1, 4]) {
    const plain = await sends(browser, origin, rate, false);
    const sealed = await sends(browser, origin, rate, true);
    const budget = rate === 4 ? 30 : undefined;
    report(`sealing one record at ${rate}x (candour:seal, median of ${sealed.count})`, sealed.seal ?? 'none', budget);
    report(`Send tap to next frame at ${rate}x, no key (median of ${RUNS})`, plain.send);
    report(`Send tap to next frame at ${rate}x, sealed (median of ${RUNS})`, sealed.send);
    report(`Send tap: added by sealing at ${rate}x`, sealed.send - plain.send, budget);
  }
} finally {
  await close();
}
