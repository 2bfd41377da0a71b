// The release ZIP (scripts/package-release.mjs, run by scripts/release.sh)
// holds exactly the build, with a checksum that matches, and its unpacked
// files work from a subfolder of a web address as a static host would serve
// them: the manifest, the service worker's scope and its stored copy all
// belong to that folder, and offline a whole survey runs there, the staff
// area opens and the workbench opens.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { packageRelease, workspaceVersion } from '../../scripts/package-release.mjs';
import { readZip } from '../../scripts/zip.mjs';
import { cleanUp, tempDir } from './builds.mjs';
import { DIST, buildOf, openApp, screenshot, startServing, waitForOffline } from './harness.mjs';
import { FULL_PLAN, answerAll, startAndConsent, storedRecords } from './survey.mjs';

const FOLDER = '/clinic/candour/';
let env;
let release;
let unpacked;

before(async () => {
  release = await packageRelease(DIST, await tempDir('release'));
  // Unpack it as a person would, then serve its folder under FOLDER.
  const root = await tempDir('unpacked');
  for (const { name, data } of readZip(await readFile(release.zip))) {
    await mkdir(dirname(join(root, name)), { recursive: true });
    await writeFile(join(root, name), data);
  }
  unpacked = join(root, release.name);
  env = await startServing(unpacked, { base: FOLDER });
});
after(async () => {
  await env?.stop();
  await cleanUp();
});

test('the release ZIP is named by version and build, holds the whole build, and its checksum matches', async () => {
  const build = (await readFile(join(DIST, 'index.html'), 'utf8')).match(/name="candour-build" content="(\w+)"/)[1];
  assert.equal(release.name, `candour-${await workspaceVersion()}-${build}`);
  assert.match(release.name, /^candour-\d+\.\d+\.\d+-[0-9a-f]{16}$/);

  const bytes = await readFile(release.zip);
  const [sum, name] = (await readFile(`${release.zip}.sha256`, 'utf8')).trim().split(/ {2}/);
  assert.equal(name, `${release.name}.zip`);
  assert.equal(sum, createHash('sha256').update(bytes).digest('hex'));

  const distFiles = (await readdir(DIST, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath ?? e.path, e.name).slice(DIST.length + 1))
    .filter((f) => !f.split('/').some((part) => part.startsWith('.')))
    .sort();
  assert.deepEqual(release.files, distFiles, 'exactly the files of dist/');
  for (const needed of ['index.html', 'staff.html', 'workbench.html', 'sw.js', 'manifest.webmanifest', 'icons/icon-192.png']) {
    assert.ok(release.files.includes(needed), needed);
  }
  for (const { name: entry, data } of readZip(bytes)) {
    assert.ok(entry.startsWith(`${release.name}/`), `${entry} is inside the release folder`);
    assert.ok(data.equals(await readFile(join(DIST, entry.slice(release.name.length + 1)))), entry);
  }
});

test('served from a subfolder, the manifest, the worker and its stored copy belong to that folder', async () => {
  const page = await openApp(env, { path: FOLDER });
  const [cache] = await waitForOffline(page);
  assert.equal(cache, `candour-${await buildOf(page)}`);
  const base = `${env.origin}${FOLDER}`;
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).scope);
  assert.equal(scope, base, 'the worker controls the folder, not the whole site');
  const stored = await page.evaluate(async (name) => (await (await caches.open(name)).keys()).map((r) => r.url), cache);
  assert.equal(stored.length, release.files.length - 1, 'every file but sw.js itself');
  assert.deepEqual(stored.filter((url) => !url.startsWith(base)), [], 'stored files outside the folder');

  const cdp = await page.context().newCDPSession(page);
  const { url, errors, manifest } = await cdp.send('Page.getAppManifest');
  assert.equal(url, `${base}manifest.webmanifest`);
  assert.deepEqual(errors, []);
  assert.equal(manifest.startUrl, base);
  assert.equal(manifest.scope, base);
  assert.deepEqual(page.requests.filter((r) => !r.startsWith(base)), [], 'requests outside the folder');
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('offline in a subfolder, a whole survey runs and is stored, and the staff area and workbench open', async () => {
  const page = await openApp(env, { path: FOLDER });
  await waitForOffline(page);
  await page.context().setOffline(true);
  const response = await page.reload();
  assert.ok(response.fromServiceWorker(), 'the page came from the stored copy');
  await startAndConsent(page);
  await answerAll(page, FULL_PLAN);
  await page.getByRole('button', { name: 'Send my answers' }).click();
  await page.getByRole('heading', { name: 'Thank you', level: 1 }).waitFor();
  const records = await storedRecords(page);
  assert.equal(records.length, 1);
  assert.equal(records[0].status, 'complete');
  await screenshot(page, 'release-subfolder-offline-thanks');

  await page.getByRole('button', { name: 'Close now' }).click();
  await page.getByRole('button', { name: 'Researcher area' }).click();
  await page.waitForURL(`${env.origin}${FOLDER}staff.html`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  assert.equal(await page.title(), 'Candour: staff area');

  const workbench = await page.goto(`${env.origin}${FOLDER}workbench.html`);
  assert.ok(workbench.fromServiceWorker(), 'the workbench came from the stored copy');
  await page.getByRole('heading', { name: 'Candour workbench', level: 1 }).waitFor();
  assert.deepEqual(page.failures, [], 'failed requests');
  assert.deepEqual(page.problems, []);
  await page.close();
});
