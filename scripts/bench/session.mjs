// The benchmark's browser session, one home for it: the build served on
// loopback (127.0.0.1, never this machine's network addresses) and one
// headless Chromium (Debian's, or $CHROMIUM).
import { chromium } from 'playwright-core';
import { serve } from '../static-server.mjs';

/**
 * Serves `dist` and starts Chromium with `args`. Returns `{ origin, browser,
 * close }`: `origin` has no trailing slash (pages are `${origin}/staff.html`),
 * and `close` stops both.
 */
export async function benchSession(dist, args = ['--no-sandbox', '--disable-gpu']) {
  const server = await serve(dist, 0);
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args,
  });
  return {
    origin,
    browser,
    close: async () => {
      await browser.close();
      server.close();
    },
  };
}

/** The quieter launch the timing benchmarks use: no background traffic. */
export const QUIET = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];
