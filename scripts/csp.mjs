// Puts the SHA-256 hashes of every inline <script> of a built page into
// its Content-Security-Policy, replacing the CANDOUR_INLINE_SCRIPT_HASHES
// marker, so no 'unsafe-inline' is ever needed. Fails if the marker or the
// policy is missing, so a build can never ship without its CSP.
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const MARKER = 'CANDOUR_INLINE_SCRIPT_HASHES';

/** Fills the CSP of `dir`/`page`; returns how many inline scripts it allows. */
export async function fillCsp(dir, page = 'index.html') {
  const file = join(dir, page);
  const html = await readFile(file, 'utf8');
  if (!html.includes(MARKER)) {
    throw new Error(`csp: ${file} has no ${MARKER} in its Content-Security-Policy`);
  }
  const hashes = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)]
    .map(([, body]) => `'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`);
  await writeFile(file, html.replace(MARKER, [...new Set(hashes)].join(' ')));
  return hashes.length;
}
