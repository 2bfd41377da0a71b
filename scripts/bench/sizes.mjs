// Prints raw, gzip and brotli bytes of every file of the release dist/ and
// their totals, then the whole app's gzip bytes beside its budget (150 KB),
// and the participant's page (index.html and every file it names, with the
// service worker) beside issue 13's budget (250 KB, stretch 200 KB).
// Usage: node scripts/bench/sizes.mjs [DIST]
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { report } from './report.mjs';

/** Every file below `dir`, recursively. */
async function files(dir) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await files(path)));
    else out.push(path);
  }
  return out.sort();
}

/** Raw, gzip (level 9) and brotli (quality 11) sizes of each file of `dist`. */
export async function measure(dist) {
  const rows = [];
  for (const path of await files(dist)) {
    const body = await readFile(path);
    rows.push({
      file: relative(dist, path),
      raw: body.length,
      gzip: gzipSync(body, { level: 9 }).length,
      brotli: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    });
  }
  return rows;
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`.padStart(10);

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = await measure(process.argv[2] ?? 'dist');
  const width = Math.max(5, ...rows.map((r) => r.file.length));
  console.log(`${'file'.padEnd(width)} ${'raw'.padStart(10)} ${'gzip'.padStart(10)} ${'brotli'.padStart(10)}`);
  for (const r of rows) console.log(`${r.file.padEnd(width)} ${kb(r.raw)} ${kb(r.gzip)} ${kb(r.brotli)}`);
  const sum = (k) => rows.reduce((s, r) => s + r[k], 0);
  console.log(`${'total'.padEnd(width)} ${kb(sum('raw'))} ${kb(sum('gzip'))} ${kb(sum('brotli'))}`);
  console.log(`(bytes: raw ${sum('raw')}, gzip ${sum('gzip')}, brotli ${sum('brotli')})`);
  report('whole app (every file of dist/), gzip', sum('gzip') / 1024, 150, 'KB');
  const page = await participantFiles(process.argv[2] ?? 'dist');
  const mine = rows.filter((r) => page.has(r.file));
  for (const r of mine) console.log(`  participant page: ${r.file.padEnd(width)} ${kb(r.gzip)} gzip`);
  const gz = mine.reduce((s, r) => s + r.gzip, 0) / 1024;
  report('participant page (index.html, the files it names, sw.js), gzip', gz, 250, 'KB');
  report('participant page, gzip, stretch', gz, 200, 'KB');
}

/** index.html, every local file it names (href or src), and sw.js. */
async function participantFiles(dist) {
  const html = await readFile(join(dist, 'index.html'), 'utf8');
  const named = [...html.matchAll(/(?:href|src)="(?:\.\/)?([^"#?]+)"/g)]
    .map((m) => m[1])
    .filter((f) => !/^[a-z]+:/.test(f));
  return new Set(['index.html', 'sw.js', ...named]);
}
