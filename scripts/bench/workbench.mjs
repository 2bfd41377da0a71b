// Workbench and command-line figures (not a test), for issue 13's budgets:
// opening an export of 10,000 records in the workbench and writing every
// analysis file (at most 2 s in the browser), and the command-line tool
// doing the same (at most 0.5 s). The export is made natively from records
// answered through the survey flow (cargo run --release --example
// export_bench -- --write-export). Browser figures are the median of 3, in
// headless Chromium; the CLI's the best of 3, built with the speed-tuned
// `cli` profile.
// Usage: node scripts/bench/workbench.mjs [dist]   (scripts/bench.sh runs it)
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { report } from './report.mjs';
import { benchSession } from './session.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dist = process.argv[2] ?? join(ROOT, 'dist');
const RECORDS = 10_000;
const dir = await mkdtemp(join(tmpdir(), 'candour-workbench-bench-'));
const big = join(dir, 'bench-10000.json');
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

try {
  execFileSync('cargo', ['run', '--quiet', '--release', '--example', 'export_bench', '--', '--write-export', big, String(RECORDS)], { cwd: ROOT, stdio: 'inherit' });
  console.log(`     export of ${RECORDS} records: ${((await stat(big)).size / 1e6).toFixed(1)} MB`);

  // The command-line tool, release build.
  execFileSync('cargo', ['build', '--quiet', '--profile', 'cli', '-p', 'candour-cli'], { cwd: ROOT, stdio: 'inherit' });
  const cli = join(ROOT, 'target', 'cli', 'candour-cli');
  const times = [];
  for (let i = 0; i < 3; i++) {
    const out = join(dir, `cli-${i}`);
    const t0 = process.hrtime.bigint();
    execFileSync(cli, ['write', big, '--out', out], { stdio: 'ignore' });
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  report(`CLI: write every file, ${RECORDS} records (best of 3)`, Math.min(...times), 500);

  // The workbench in the browser.
  const { origin, browser, close } = await benchSession(dist);
  const opens = [];
  const writes = [];
  const measured = [];
  try {
    for (let i = 0; i < 3; i++) {
      const context = await browser.newContext({ acceptDownloads: true });
      context.setDefaultTimeout(60_000);
      const page = await context.newPage();
      await page.goto(`${origin}/workbench.html`);
      await page.getByRole('heading', { name: 'Candour workbench' }).waitFor();
      const t0 = Date.now();
      await page.getByLabel('Export files (JSON)').setInputFiles(big);
      await page.locator('svg.chart[data-variable="a1_works"]').waitFor();
      const t1 = Date.now();
      let files = 0;
      page.on('download', () => { files += 1; });
      await page.getByRole('button', { name: 'Download every file' }).click();
      await page.getByRole('status').filter({ hasText: /Saved \d+ files\./ }).waitFor();
      const t2 = Date.now();
      opens.push(t1 - t0);
      writes.push(t2 - t1);
      measured.push(await page.evaluate(() => Object.fromEntries(
        performance.getEntriesByType('measure').filter((m) => m.name.startsWith('candour:workbench:')).map((m) => [m.name, m.duration]),
      )));
      if (files !== 8) console.log(`     (downloads seen: ${files})`);
      await context.close();
    }
  } finally {
    await close();
  }
  report(`workbench: open, check, combine, summarise ${RECORDS} (median)`, median(opens));
  report(`workbench: write and download every file (median)`, median(writes));
  report(`workbench: open and write every file, ${RECORDS} records`, median(opens) + median(writes), 2000);
  for (const name of ['candour:workbench:open', 'candour:workbench:write']) {
    report(`  app's own measure ${name}`, median(measured.map((m) => m[name] ?? NaN)));
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}
