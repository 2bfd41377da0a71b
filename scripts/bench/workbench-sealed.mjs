// Sealed responses on the workbench (not a test), for issue 14's budgets:
// opening an export of 1,000 sealed, signed records in at most 2 s and of
// 10,000 in at most 15 s (verified, opened with the research key, combined
// and summarised), with the key already open; and the key's own steps
// (Argon2id at the recommended cost, in the page's WebAssembly): making a
// key and opening the key file. The exports and the key file are made
// natively (cargo run --profile cli -p candour-cli --example sealed_bench
// -- --write DIR 1000 10000), which also prints the native figures.
// Browser figures are the median of 3, in headless Chromium.
// Usage: node scripts/bench/workbench-sealed.mjs [dist]   (scripts/bench.sh runs it)
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { report } from './report.mjs';
import { benchSession } from './session.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dist = process.argv[2] ?? join(ROOT, 'dist');
const COUNTS = [[1_000, 2_000], [10_000, 15_000]];
const dir = await mkdtemp(join(tmpdir(), 'candour-sealed-bench-'));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const example = ['run', '--quiet', '--profile', 'cli', '-p', 'candour-cli', '--example', 'sealed_bench', '--'];

try {
  execFileSync('cargo', example, { cwd: ROOT, stdio: 'inherit' });
  execFileSync('cargo', [...example, '--write', dir, ...COUNTS.map(([n]) => String(n))], { cwd: ROOT, stdio: 'inherit' });
  const passphrase = await readFile(join(dir, 'bench-passphrase.txt'), 'utf8');

  const { origin, browser, close } = await benchSession(dist);
  const figures = {};
  const add = (name, value) => { (figures[name] ??= []).push(value); };
  try {
    for (let i = 0; i < 3; i++) {
      for (const [n] of COUNTS) {
        const context = await browser.newContext({ acceptDownloads: true });
        context.setDefaultTimeout(120_000);
        const page = await context.newPage();
        await page.goto(`${origin}/workbench.html`);
        await page.getByRole('heading', { name: 'Candour workbench' }).waitFor();
        await page.getByLabel('Research key file').setInputFiles(join(dir, 'bench-key.json'));
        await page.getByLabel('Passphrase of the key file', { exact: true }).fill(passphrase);
        await page.getByRole('button', { name: 'Open the key' }).click();
        await page.getByText(/The research key .* is open\. Sealed/).waitFor();
        const t0 = Date.now();
        await page.getByLabel('Export files (JSON)').setInputFiles(join(dir, `bench-sealed-${n}.json`));
        await page.getByText(`Responses in the combined data: ${n}.`).waitFor();
        await page.getByText(/^Complete and unaltered/).waitFor();
        add(`open ${n}`, Date.now() - t0);
        if (n === COUNTS[0][0]) {
          // Making a key, through the page as a researcher does.
          await page.getByLabel('New passphrase', { exact: true }).fill('a long enough bench passphrase');
          await page.getByLabel('The same passphrase again', { exact: true }).fill('a long enough bench passphrase');
          await page.getByRole('button', { name: 'Create the research key' }).click();
          await page.getByText('The research key is made.', { exact: false }).waitFor();
        }
        const measures = await page.evaluate(() => Object.fromEntries(
          performance.getEntriesByType('measure').filter((m) => m.name.startsWith('candour:workbench:')).map((m) => [m.name, m.duration]),
        ));
        for (const [name, value] of Object.entries(measures)) add(`${name} (${n})`, value);
        await context.close();
      }
    }
  } finally {
    await close();
  }
  for (const [n, budget] of COUNTS) {
    report(`workbench: open, verify, combine ${n} sealed (median)`, median(figures[`open ${n}`]), budget);
  }
  const first = COUNTS[0][0];
  report(`workbench: make a key (Argon2id 64 MiB; keygen)`, median(figures[`candour:workbench:keygen (${first})`] ?? [NaN]));
  report(`workbench: open the key file (open_key)`, median(figures[`candour:workbench:open_key (${first})`] ?? [NaN]));
} finally {
  await rm(dir, { recursive: true, force: true });
}
