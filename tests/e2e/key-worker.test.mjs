// The research key's Argon2id (64 MiB, 3 passes) runs in the workbench's
// key worker, off the page's main thread: while a key is made and opened
// the page keeps answering (no task of the page takes even half as long as
// the derivation), the worker is the one Trunk built beside the workbench,
// and a worker that does not load is said in words, with nothing lost: the
// next try works.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { foreignRequests, openWorkbench, start } from './harness.mjs';

// Argon2id at its recommended cost: seconds, more on a loaded machine.
const KDF = { timeout: 120_000 };
const WORDS = 'seven quiet rivers under the moon';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.stop(); });

/** Starts recording the page's long tasks (50 ms or more) in `window.longTasks`. */
async function recordLongTasks(page) {
  await page.evaluate(() => {
    window.longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.longTasks.push(entry.duration);
    }).observe({ type: 'longtask' });
  });
}

/** The longest long task since recording began, and the step measure `name`. */
async function tasksAndStep(page, name) {
  return page.evaluate((step) => ({
    longest: Math.max(0, ...window.longTasks),
    step: performance.getEntriesByName(step, 'measure').at(-1)?.duration ?? 0,
  }), name);
}

/** Fills "Create a research key" with `words` twice and submits it. */
async function create(page, words = WORDS) {
  const region = page.getByRole('region', { name: 'Create a research key' });
  await region.getByLabel('New passphrase', { exact: true }).fill(words);
  await region.getByLabel('The same passphrase again', { exact: true }).fill(words);
  await region.getByRole('button', { name: 'Create the research key' }).click();
  return region.getByRole('status').first();
}

test('making and opening the research key runs Argon2id in the key worker, and the page answers meanwhile', async () => {
  const page = await openWorkbench(env);
  const workers = [];
  page.on('worker', (w) => workers.push(new URL(w.url()).pathname));
  const downloads = [];
  page.on('download', (d) => downloads.push(d));

  await recordLongTasks(page);
  const status = await create(page);
  await status.filter({ hasText: 'The research key is made.' }).waitFor(KDF);
  const made = await tasksAndStep(page, 'candour:workbench:keygen');
  assert.ok(made.step > 0, 'the step is timed');
  assert.ok(made.longest < made.step / 2,
    `no task of the page as long as half the derivation (${made.longest} ms of ${made.step} ms)`);
  assert.deepEqual(workers, ['/key-worker.js'], 'one key worker, started from its loader');

  // The key file just made opens in the worker too.
  const region = page.getByRole('region', { name: 'Create a research key' });
  await region.getByRole('button', { name: 'Download the private key file' }).click();
  await region.getByRole('status').filter({ hasText: /Saved candour-research-key-/ }).waitFor();
  const dir = await mkdtemp(join(tmpdir(), 'candour-key-worker-'));
  try {
    const file = join(dir, downloads[0].suggestedFilename());
    await writeFile(file, await readFile(await downloads[0].path()));
    await recordLongTasks(page);
    await page.getByLabel('Research key file').setInputFiles(file);
    const use = page.getByRole('region', { name: 'Use the research key' });
    await use.getByLabel('Passphrase of the key file', { exact: true }).fill(WORDS);
    await use.getByRole('button', { name: 'Open the key' }).click();
    await use.getByRole('status').filter({ hasText: /^The research key .* is open\./ }).waitFor(KDF);
    const opened = await tasksAndStep(page, 'candour:workbench:open_key');
    assert.ok(opened.step > 0, 'the step is timed');
    assert.ok(opened.longest < opened.step / 2,
      `no task of the page as long as half the derivation (${opened.longest} ms of ${opened.step} ms)`);
    assert.equal(workers.length, 2, 'a worker for each derivation');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  const built = page.requests.map((u) => new URL(u).pathname);
  for (const file of ['/key-worker.js', '/candour-key-worker.js', '/candour-key-worker_bg.wasm']) {
    assert.ok(built.includes(file), `${file} was loaded`);
  }
  assert.deepEqual(foreignRequests(env, page.requests), []);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a key worker that does not load is said in words, and the next try makes the key', async () => {
  // No service worker, so that the test's routes see every request.
  const page = await openWorkbench(env, { contextOptions: { serviceWorkers: 'block' } });
  await page.route('**/candour-key-worker_bg.wasm', (route) => route.abort());
  let status = await create(page);
  await status.filter({ hasText: "The key could not be worked out, because the page's background worker did not run" }).waitFor(KDF);
  await page.unroute('**/candour-key-worker_bg.wasm');

  await page.route('**/key-worker.js', (route) => route.abort());
  status = await create(page);
  await status.filter({ hasText: "The key could not be worked out, because the page's background worker did not start. Reload the page and try again." }).waitFor(KDF);
  await page.unroute('**/key-worker.js');

  status = await create(page);
  await status.filter({ hasText: 'The research key is made.' }).waitFor(KDF);
  const region = page.getByRole('region', { name: 'Create a research key' });
  await region.getByRole('button', { name: 'Download the private key file' }).waitFor();
  await page.context().close();
});
