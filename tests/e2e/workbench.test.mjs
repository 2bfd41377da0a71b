// The workbench, end to end, as a researcher uses it: three exports opened
// (one cut short), each listed or refused with its reason; combined; the
// summary's chart counts equal the data, a count of 2 is hidden as "fewer
// than 5" (and its complementary cell with it); every file downloads and
// parses, byte for byte what the command-line tool writes for the same
// files; long work shows progress and can be cancelled; axe finds nothing;
// the keyboard does everything; it opens from the tablet's staff area and
// works offline.
//
// The fixtures are made natively (crates/analysis/tests/workbench_fixtures.rs).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { axe, foreignRequests, openApp, openWorkbench, screenshot, start, waitForOffline } from './harness.mjs';
import { setFirstPin } from './staff.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const FIXTURES = join(ROOT, 'tests', 'fixtures', 'workbench');
const FILES = ['clinic-a.json', 'clinic-b.json', 'corrupt.json'].map((f) => join(FIXTURES, f));

let env;
before(async () => { env = await start(); });
after(async () => { await env?.stop(); });

/** The records of the good fixtures, each id once. */
async function records() {
  const byId = new Map();
  for (const f of FILES.slice(0, 2)) {
    for (const r of JSON.parse(await readFile(f, 'utf8')).records) byId.set(r.id, r);
  }
  return [...byId.values()];
}

/** Opens the three fixtures and waits for the combination. */
async function openThree(page) {
  await page.getByLabel('Export files (JSON)').setInputFiles(FILES);
  await page.getByText('Files combined: 2. Files refused: 1. Responses in the combined data: 35.').waitFor();
}

/** A small CSV reader (quotes, doubled quotes, CRLF): the rows. */
function csvRows(text) {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; } else if (c === '\n') { row.push(cell.replace(/\r$/, '')); rows.push(row); row = []; cell = ''; } else cell += c;
  }
  if (cell !== '' || row.length) { row.push(cell); rows.push(row); }
  return rows;
}

test('three exports, one corrupt: listed, combined, summarised with small counts hidden, and every file written as the CLI writes it', async () => {
  const page = await openWorkbench(env);
  await openThree(page);

  const items = await page.getByRole('list', { name: 'Files', exact: true }).getByRole('listitem').allTextContents();
  assert.equal(items.length, 3);
  assert.match(items[0], /clinic-a\.json: accepted\.Tablet: Clinic A, tablet 1\. Exported 2026-11-2\dT[\d:.]+Z\.Responses: 20 complete, 0 partial, 0 declined\.Questionnaires: candour-hat-feedback version 2\.0\.0 \(20 responses\)\./);
  assert.match(items[1], /clinic-b\.json: accepted\..*Responses: 16 complete/);
  assert.match(items[2], /corrupt\.json: refused, nothing of it is used\. The file "corrupt\.json" ends too early/);
  await page.getByText('Responses found in more than one file with identical content, kept once: 1.').waitFor();

  // Chart counts equal the data; hidden ones are drawn as words, no bar.
  const data = await records();
  for (const variable of ['a1_works', 'c1_respect', 'c5_problem']) {
    const chart = page.locator(`svg.chart[data-variable="${variable}"]`);
    const bars = await chart.locator('rect.bar').evaluateAll((rects) => rects.map((r) => [r.dataset.code, Number(r.dataset.count)]));
    assert.ok(bars.length > 0, variable);
    for (const [code, count] of bars) {
      const actual = data.filter((r) => String(r.answers[variable]) === code).length;
      assert.equal(count, actual, `${variable} code ${code}`);
    }
  }
  const a1 = page.locator('svg.chart[data-variable="a1_works"]');
  assert.equal(data.filter((r) => r.answers.a1_works === 0).length, 2, 'the fixture has a count of 2');
  assert.equal(await a1.locator('[data-code="0"][data-hidden="true"]').textContent(), 'fewer than 5');
  assert.equal(await a1.locator('rect[data-code="0"]').count(), 0, 'no bar for a hidden count');
  assert.equal(await a1.locator('[data-code="9"][data-hidden="true"]').count(), 1, 'its complementary cell is hidden too');
  const alt = await a1.getAttribute('aria-label');
  assert.match(alt, /0 \(Not at all sure\): fewer than 5; .*7: 18; .*9: fewer than 5/);
  // A yes / no / not sure item is also reported as % endorsing.
  const answered = data.filter((r) => [0, 1, 2].includes(r.answers.e7_overdose));
  const pct = (100 * answered.filter((r) => r.answers.e7_overdose === 1).length / answered.length).toFixed(1);
  assert.equal(
    await page.locator('article[data-variable="e7_overdose"] .item-endorsing').textContent(),
    `Endorsing (Yes, of those who answered): ${pct}%`,
  );
  await page.getByRole('rowheader', { name: /^C / }).waitFor();
  assert.match(await page.locator('table.domains').first().textContent(), /35 complete cases, 8 items/);
  await screenshot(page, 'workbench-summary');
  assert.deepEqual(await axe(page), [], 'axe on the summary');

  // Every file, downloaded and parsed, equals the command-line tool's.
  const downloads = {};
  const pending = [];
  page.on('download', (d) => pending.push((async () => { downloads[d.suggestedFilename()] = await readFile(await d.path()); })()));
  await page.getByRole('button', { name: 'Download every file' }).click();
  await page.getByRole('status').filter({ hasText: 'Saved 8 files.' }).waitFor();
  await Promise.all(pending);
  const names = Object.keys(downloads).sort();
  assert.equal(names.length, 8, names.join(', '));
  for (const ext of ['.json', '.wide.csv', '.spss.csv', '.long.csv', '.codebook.csv', '.r', '.sps', '.do']) {
    assert.ok(names.some((n) => n.endsWith(ext)), `a ${ext} file`);
  }
  const json = JSON.parse(downloads[names.find((n) => n.endsWith('.json'))].toString('utf8'));
  assert.equal(json.records.length, 35);
  for (const name of names.filter((n) => n.endsWith('.csv'))) {
    const rows = csvRows(downloads[name].toString('utf8').replace(/^\uFEFF/, ''));
    assert.ok(rows.length > 1, name);
    assert.ok(rows.every((r) => r.length === rows[0].length), `${name}: every row as wide as the header`);
  }
  const wide = csvRows(downloads[names.find((n) => n.endsWith('.wide.csv'))].toString('utf8').replace(/^\uFEFF/, ''));
  assert.equal(wide.length, 36, 'a header and 35 rows');
  for (const ext of ['.r', '.sps', '.do']) {
    const text = downloads[names.find((n) => n.endsWith(ext))].toString('utf8');
    assert.ok(text.includes('.csv'), `${ext} names the CSV it reads`);
  }

  execFileSync('cargo', ['build', '--quiet', '--locked', '-p', 'candour-cli'], { cwd: ROOT, stdio: 'inherit' });
  const out = await mkdtemp(join(tmpdir(), 'candour-cli-'));
  try {
    try {
      execFileSync(join(ROOT, 'target', 'debug', 'candour-cli'), ['write', ...FILES, '--out', out], { stdio: 'pipe' });
      assert.fail('the CLI says a file was refused with exit status 1');
    } catch (e) {
      assert.equal(e.status, 1, String(e.stderr));
      assert.match(String(e.stderr), /refused: The file "corrupt\.json" ends too early/);
    }
    const cli = (await readdir(out)).sort();
    assert.deepEqual(cli, names, 'the same files');
    for (const name of cli) {
      assert.ok((await readFile(join(out, name))).equals(downloads[name]), `${name}: byte for byte the same`);
    }
  } finally {
    await rm(out, { recursive: true, force: true });
  }
  assert.deepEqual(foreignRequests(env, page.requests), []);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('the threshold is settable but never below 3, by keyboard', async () => {
  const page = await openWorkbench(env);
  await openThree(page);
  const a1 = page.locator('svg.chart[data-variable="a1_works"]');
  const threshold = page.getByLabel('Hide counts below');
  await threshold.focus();
  await threshold.fill('1');
  await page.keyboard.press('Tab');
  assert.equal(await threshold.inputValue(), '3', 'raised to the lowest allowed');
  await a1.locator('[data-code="0"][data-hidden="true"]').filter({ hasText: 'fewer than 3' }).waitFor();
  await threshold.focus();
  await threshold.fill('20');
  await page.keyboard.press('Tab');
  await a1.locator('[data-code="7"][data-hidden="true"]').filter({ hasText: 'fewer than 20' }).waitFor();

  // Remove a file with the keyboard: the rest are combined again.
  const remove = page.getByRole('button', { name: 'Remove corrupt.json' });
  await remove.focus();
  await page.keyboard.press('Enter');
  await page.getByText('Files combined: 2. Files refused: 0. Responses in the combined data: 35.').waitFor();
  // Download one file with the keyboard.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Stata do-file' }).focus();
  await page.keyboard.press('Enter');
  assert.match((await download).suggestedFilename(), /^candour_combined_2026-11-2\d_35-records\.do$/);
  assert.deepEqual(await axe(page), [], 'axe after the changes');
  await page.context().close();
});

test('opening many files shows progress with counts and can be cancelled, keeping what was read', async () => {
  const page = await openWorkbench(env);
  const text = await readFile(FILES[0]);
  const many = Array.from({ length: 120 }, (_, i) => ({ name: `copy-${i}.json`, mimeType: 'application/json', buffer: text }));
  await page.getByLabel('Export files (JSON)').setInputFiles(many);
  const progress = page.getByRole('status').filter({ has: page.locator('progress') });
  await progress.getByText(/Reading file \d+ of 120/).waitFor();
  assert.deepEqual(await axe(page), [], 'axe with the progress bar');
  await progress.getByRole('button', { name: 'Cancel' }).click();
  await page.getByText(/Files combined: \d+\. Files refused: 0\./).waitFor();
  const listed = await page.getByRole('list', { name: 'Files', exact: true }).getByRole('listitem').count();
  assert.ok(listed > 0 && listed < 120, `stopped part way: ${listed} files`);
  assert.equal(await progress.count(), 0, 'the progress bar is gone');
  await page.context().close();
});

test('the staff area opens the workbench, which then works offline', async () => {
  const page = await openApp(env);
  await page.getByRole('button', { name: 'Researcher area' }).click();
  await setFirstPin(page);
  await page.getByRole('link', { name: 'Open the workbench' }).click();
  await page.getByRole('heading', { name: 'Candour workbench', level: 1 }).waitFor();
  await waitForOffline(page);
  await page.context().setOffline(true);
  await page.reload();
  await page.getByRole('heading', { name: 'Candour workbench', level: 1 }).waitFor();
  await openThree(page);
  await page.locator('svg.chart[data-variable="a1_works"]').waitFor();
  assert.deepEqual(foreignRequests(env, page.requests), []);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
