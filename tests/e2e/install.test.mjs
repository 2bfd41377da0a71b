// The app can be added to the home screen and opens full screen: Chromium
// finds its manifest valid and the app installable, and every icon an
// installer asks for is there in its stated size.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, start, waitForOffline } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.stop(); });

/** Width and height of a PNG, read from its IHDR chunk. */
function pngSize(bytes) {
  assert.equal(Buffer.from(bytes.subarray(1, 4)).toString('latin1'), 'PNG', 'a PNG file');
  const view = new DataView(bytes.buffer, bytes.byteOffset);
  return `${view.getUint32(16)}x${view.getUint32(20)}`;
}

/** The bytes of `path` on the app's origin, fetched by the test itself. */
async function bytesOf(path) {
  const response = await fetch(new URL(path, `${env.origin}/`));
  assert.equal(response.status, 200, path);
  return new Uint8Array(await response.arrayBuffer());
}

test('Chromium finds the manifest valid and the app installable', async () => {
  const page = await openApp(env);
  await waitForOffline(page); // an installable app needs its service worker
  const cdp = await page.context().newCDPSession(page);
  const { url, errors, manifest } = await cdp.send('Page.getAppManifest');
  assert.equal(url, `${env.origin}/manifest.webmanifest`);
  assert.deepEqual(errors, []);
  assert.equal(manifest.name, 'Candour');
  assert.equal(manifest.display, 'kStandalone');
  assert.equal(manifest.startUrl, `${env.origin}/`);
  assert.equal(manifest.themeColor, 'rgba(11,79,138,1)'); // --accent #0b4f8a
  assert.equal(manifest.backgroundColor, 'rgba(255,255,255,1)');
  // Test browsers are off the record, which alone keeps Chromium from
  // offering to install; it still reports every other reason.
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  assert.deepEqual(installabilityErrors.filter((e) => e.errorId !== 'in-incognito'), []);
  await page.close();
});

test('every icon an installer asks for exists in its stated size', async () => {
  const manifest = JSON.parse(new TextDecoder().decode(await bytesOf('/manifest.webmanifest')));
  assert.ok(manifest.icons.some((i) => i.sizes === '192x192' && i.purpose === 'any'));
  assert.ok(manifest.icons.some((i) => i.sizes === '512x512' && i.purpose === 'any'));
  assert.ok(manifest.icons.some((i) => i.sizes === '512x512' && i.purpose === 'maskable'));
  for (const icon of manifest.icons) {
    assert.equal(pngSize(await bytesOf(`/${icon.src}`)), icon.sizes, icon.src);
  }

  const page = await openApp(env);
  const touchIcon = await page.locator('link[rel="apple-touch-icon"]').getAttribute('href');
  assert.equal(pngSize(await bytesOf(touchIcon)), '180x180', 'the iPad home-screen icon');
  assert.equal(await page.locator('meta[name="theme-color"]').getAttribute('content'), '#0b4f8a');
  await page.close();
});
