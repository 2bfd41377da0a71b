// The workbench in this engine: it opens exports of several tablets (made
// natively, tests/fixtures/export-import), says each file's outcome in words,
// and hands over the combined data holding every good record.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inside, label, role, text } from './driver.mjs';
import { named, useEngine } from './setup.mjs';

const env = useEngine();
const IMPORT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures', 'export-import');

test(named('the workbench opens exports, names each file\'s outcome, and hands over the combined data'), async (t) => {
  const page = await env.open(t, '/workbench.html');
  await page.waitFor(role('heading', 'Candour workbench', { level: 1 }));
  const panel = role('region', 'Combine exports from several tablets');
  await page.upload(inside(panel, label('JSON export files to combine')),
    ['tablet-a.json', 'tablet-b.json', 'corrupt.json'].map((f) => join(IMPORT, f)));
  await page.waitFor(inside(panel, text('Files combined: 2. Files rejected: 1. Responses in the combined data: 4.')));
  const files = await page.texts(inside(inside(panel, role('list', 'Files', { exact: true })), role('listitem')));
  assert.deepEqual(files.slice(0, 2), ['tablet-a.json: accepted (responses: 4).', 'tablet-b.json: accepted (responses: 3).']);
  assert.match(files[2], /^corrupt\.json: rejected, nothing of it was combined\. The file "corrupt\.json" ends too early/);
  await page.screenshot('workbench-combined');

  await page.catchHandOver();
  await page.click(inside(panel, role('button', 'Combined JSON (conflicts included)', { exact: true })));
  await page.waitUntil(() => window.__candourHandOver?.length > 0);
  const [handed] = await page.handedOver();
  assert.match(handed.name, /^candour_combined_\d{4}-\d{2}-\d{2}_4-records\.json$/);
  const combined = JSON.parse(handed.text);
  assert.deepEqual(combined.records.map((r) => r.id), ['tablet-a-1', 'tablet-a-2', 'shared-1', 'tablet-b-1']);
  assert.deepEqual(combined.conflicts.map((c) => c.record_id), ['clash-1']);
  for (const f of ['tablet-a.json', 'tablet-b.json']) {
    const source = JSON.parse(await readFile(join(IMPORT, f), 'utf8'));
    const kept = [...combined.records, ...combined.conflicts.flatMap((c) => c.versions.map((v) => v.record))];
    for (const record of source.records) {
      assert.ok(kept.some((r) => JSON.stringify(r) === JSON.stringify(record)), `${f}: ${record.id} kept as it was`);
    }
  }
  if (page.downloadFolder) {
    const saved = await page.downloaded(/^candour_combined_.*\.json$/);
    assert.equal(saved.text, handed.text, 'the saved download is the file handed over');
  }
});
