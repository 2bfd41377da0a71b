// Trunk post-build hook: puts the SHA-256 hashes of every inline <script> of
// the built index.html into its Content-Security-Policy, replacing the
// CANDOUR_INLINE_SCRIPT_HASHES marker. Fails the build if the marker or the
// policy is missing, so a build can never ship without its CSP.
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const MARKER = 'CANDOUR_INLINE_SCRIPT_HASHES';
const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
if (!dir) {
  console.error('post-build: no TRUNK_STAGING_DIR and no folder given');
  process.exit(1);
}
const file = join(dir, 'index.html');
const html = await readFile(file, 'utf8');
if (!html.includes(MARKER)) {
  console.error(`post-build: ${file} has no ${MARKER} in its Content-Security-Policy`);
  process.exit(1);
}
const hashes = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)]
  .map(([, body]) => `'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`);
await writeFile(file, html.replace(MARKER, [...new Set(hashes)].join(' ')));
console.log(`post-build: CSP allows ${hashes.length} inline script(s) by hash`);
