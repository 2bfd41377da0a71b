// The researcher PIN's cost, in headless Chromium at 1x and 4x CPU
// throttling (Emulation.setCPUThrottlingRate), beside issue 15's budget of
// 1.5 s at 4x (not a test: it prints figures and never fails):
//   - unlock: from pressing Unlock to the researcher area shown, median of
//     5, with the PIN kept as PBKDF2-HMAC-SHA256 at 600,000 rounds
//     (WebCrypto's deriveBits, off the main thread);
//   - setting the first PIN (two hashes: the PIN and its recovery code);
//   - the key derivation alone, timed inside the page;
//   - the longest the page's main thread went without a frame while the PIN
//     was checked ("Checking…" on screen: the screen stays live), and then
//     while the researcher area was first drawn.
// Usage: node scripts/bench/unlock.mjs [DIST]
import { report } from './report.mjs';
import { benchSession, QUIET } from './session.mjs';

const dist = process.argv[2] ?? 'dist';
const RUNS = 5;
const PIN = '402718';
const HOME = 'Responses on this tablet';

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Counts the longest gap between animation frames from now on, apart
 * for the time until the researcher area's heading exists (the PIN being
 * checked) and after (the area drawn). */
function watchFrames(home) {
  const f = { last: performance.now(), checking: 0, drawing: 0, on: true, shown: false };
  window.__frames = f;
  new MutationObserver((_, observer) => {
    if ([...document.querySelectorAll('h2')].some((h) => h.textContent === home)) {
      f.shown = true;
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
  const tick = (t) => {
    const gap = t - f.last;
    if (f.shown) f.drawing = Math.max(f.drawing, gap);
    else f.checking = Math.max(f.checking, gap);
    f.last = t;
    if (f.on) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

async function staffPage(browser, origin, rate) {
  const context = await browser.newContext({ viewport: { width: 768, height: 1024 } });
  const page = await context.newPage();
  page.setDefaultTimeout(60_000);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  await page.goto(`${origin}/staff.html`);
  return { context, page };
}

async function measure(browser, origin, rate) {
  const { context, page } = await staffPage(browser, origin, rate);
  await page.getByLabel('New PIN').fill(PIN);
  await page.getByLabel('Type the PIN again').fill(PIN);
  let started = Date.now();
  await page.getByRole('button', { name: 'Set PIN' }).click();
  await page.getByRole('heading', { name: 'Write down the recovery code' }).waitFor();
  const setPin = Date.now() - started;
  await page.getByRole('button', { name: 'I have written it down' }).click();
  await page.getByRole('heading', { name: HOME }).waitFor();
  const unlocks = [];
  const checking = [];
  const drawing = [];
  for (let i = 0; i < RUNS; i += 1) {
    await page.reload();
    await page.getByLabel('PIN', { exact: true }).fill(PIN);
    await page.evaluate(watchFrames, HOME);
    started = Date.now();
    await page.getByRole('button', { name: 'Unlock' }).click();
    await page.getByRole('heading', { name: HOME }).waitFor();
    unlocks.push(Date.now() - started);
    // A few frames after the area is shown, to see its first drawing.
    await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
    const f = await page.evaluate(() => { window.__frames.on = false; return window.__frames; });
    checking.push(f.checking);
    drawing.push(f.drawing);
  }
  const derive = await page.evaluate(async (pin) => {
    const t0 = performance.now();
    const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, ['deriveBits']);
    await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: new Uint8Array(16), iterations: 600000 }, key, 256);
    return performance.now() - t0;
  }, PIN);
  await context.close();
  return {
    setPin,
    unlock: median(unlocks),
    worst: Math.max(...unlocks),
    checking: Math.max(...checking),
    drawing: Math.max(...drawing),
    derive,
  };
}

const { origin, browser, close } = await benchSession(dist, QUIET);
try {
  for (const rate of [1, 4]) {
    const m = await measure(browser, origin, rate);
    report(`unlock with the PIN at ${rate}x (median of ${RUNS})`, m.unlock, rate === 4 ? 1500 : undefined);
    report(`unlock with the PIN at ${rate}x (slowest of ${RUNS})`, m.worst, rate === 4 ? 1500 : undefined);
    report(`set the first PIN and its recovery code at ${rate}x`, m.setPin);
    report(`PBKDF2-SHA256, 600,000 rounds, WebCrypto, at ${rate}x`, m.derive);
    report(`longest time without a frame, PIN being checked, ${rate}x`, m.checking);
    report(`longest time without a frame, area first drawn, ${rate}x`, m.drawing);
  }
} finally {
  await close();
}
