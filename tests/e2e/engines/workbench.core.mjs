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
  await page.upload(inside(role('region', 'Open export files'), label('Export files (JSON)')),
    ['tablet-a.json', 'tablet-b.json', 'corrupt.json'].map((f) => join(IMPORT, f)));
  const combinedPanel = role('region', 'Combined data', { exact: true });
  await page.waitFor(inside(inside(combinedPanel, role('status')),
    text('Files combined: 2. Files refused: 1. Responses in the combined data: 4.', { exact: true })));
  const files = await page.texts(inside(role('list', 'Files', { exact: true }), role('listitem')));
  assert.equal(files.length, 3, files.join(' | '));
  assert.match(files[0], /^tablet-a\.json: accepted\. .*Responses: 4 complete, 0 partial, 0 declined\./);
  assert.match(files[1], /^tablet-b\.json: accepted\. .*Responses: 3 complete, 0 partial, 0 declined\./);
  assert.match(files[2], /^corrupt\.json: refused, nothing of it is used\. The file "corrupt\.json" ends too early/);
  await page.waitFor(inside(combinedPanel, text('Responses found in more than one file with identical content, kept once: 1.')));
  await page.screenshot('workbench-combined');

  const panel = role('region', 'Analysis files', { exact: true });
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
