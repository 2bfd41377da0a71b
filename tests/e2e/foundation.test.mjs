// The release build loads, renders, and keeps to its Content-Security-Policy.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { axe, openApp, screenshot, start } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.stop(); });

test('the start screen renders with no error and only same-origin requests', async () => {
  const page = await openApp(env);
  await screenshot(page, 'foundation-start');
  assert.deepEqual(page.problems, []);
  const foreign = page.requests.filter((url) => !url.startsWith(env.origin + '/'));
  assert.deepEqual(foreign, [], 'requests outside the app origin');
  await page.close();
});

test('the Content-Security-Policy allows nothing outside the origin and no unsafe-inline', async () => {
  const page = await openApp(env);
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  assert.match(csp, /default-src 'self'/);
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/=]+'/);
  assert.doesNotMatch(csp, /unsafe-inline|CANDOUR_INLINE|https?:|\*/);
  await page.close();
});

test('the CSP blocks a request to another origin', async () => {
  const page = await openApp(env);
  const blocked = await page.evaluate(async () => {
    try {
      await fetch('http://127.0.0.2:9/probe');
      return false;
    } catch {
      return true;
    }
  });
  assert.equal(blocked, true);
  assert.ok(
    page.problems.some((p) => p.includes('violates the following Content Security Policy directive: "connect-src')),
    page.problems.join('\n'),
  );
  await page.close();
});

test('the start screen has no axe-core violations', async () => {
  const page = await openApp(env);
  assert.deepEqual(await axe(page), []);
  await page.close();
});
