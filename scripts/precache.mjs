// Writes the service worker of a build: DIR/sw.js, made from assets/sw.js with
// the list of every file of DIR (their real, hashed names: every page, the
// tablet app's two and the workbench) and a build id. Also writes that build
// id into each page (index.html, staff.html, workbench.html) as
// <meta name="candour-build" content="...">, so a page can tell which build
// it runs and the worker can check that the pages belong to its build.
//
// The build id hashes every file's name and content (with the pages' own id
// blanked) and the worker template, so any change gives a new id, hence a new
// sw.js, hence an update in the browser. Running it again on a finished build
// changes nothing, which lets the tests re-run it on a modified copy of dist/.
//
// Usage: node scripts/precache.mjs DIR   (scripts/assemble.mjs calls it
// after the CSP is filled in.)
import { createHash } from 'node:crypto';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const TEMPLATE = join(dirname(fileURLToPath(import.meta.url)), '..', 'assets', 'sw.js');
const WORKER = 'sw.js';
const BUILD_META = /<meta name="candour-build" content="[^"]*">/;
const BLANK_META = '<meta name="candour-build" content="CANDOUR_BUILD">';

/** The build's pages: each carries the build id. */
export const PAGES = ['index.html', 'staff.html', 'workbench.html'];

const sha256 = (data) => createHash('sha256').update(data).digest('hex');

/**
 * Every file below `dir` as a '/'-separated relative path, leaving out
 * hidden ones: a dot-name is never part of a build (Trunk stages its next
 * build in dist/.stage, for one). scripts/assemble.mjs uses it too.
 */
export async function filesOf(dir) {
  const names = await readdir(dir, { recursive: true });
  const files = [];
  for (const name of names) {
    const file = name.split(sep).join('/');
    if (file.split('/').some((part) => part.startsWith('.'))) continue;
    if ((await stat(join(dir, name))).isFile()) files.push(file);
  }
  return files;
}

/** The files the worker precaches: every file of `dir` but sw.js, sorted. */
async function buildFiles(dir) {
  return (await filesOf(dir)).filter((file) => file !== WORKER).sort();
}

/** Replaces `marker` in `text` by `value`, failing loudly if it is not there. */
function fill(text, marker, value, where) {
  if (!text.includes(marker)) throw new Error(`precache: ${where} has no ${marker}`);
  return text.replace(marker, value);
}

/**
 * Writes `dir`/sw.js and the build id into every page of `dir`; returns
 * `{ build, files }`. Throws if a page is missing or has no candour-build meta
 * tag, or the template lacks its markers, so no build ships without a
 * working worker.
 */
export async function precache(dir) {
  const template = await readFile(TEMPLATE, 'utf8');
  const files = await buildFiles(dir);
  const blank = new Map();
  for (const page of PAGES) {
    if (!files.includes(page)) throw new Error(`precache: ${dir} has no ${page}`);
    const file = join(dir, page);
    const html = await readFile(file, 'utf8');
    if (!BUILD_META.test(html)) throw new Error(`precache: ${file} has no <meta name="candour-build">`);
    blank.set(page, html.replace(BUILD_META, BLANK_META));
  }

  const digest = createHash('sha256').update(`template ${sha256(template)}\n`);
  for (const file of files) {
    const body = blank.get(file) ?? (await readFile(join(dir, file)));
    digest.update(`${file} ${sha256(body)}\n`);
  }
  const build = digest.digest('hex').slice(0, 16);

  let worker = fill(template, "'CANDOUR_BUILD'", JSON.stringify(build), TEMPLATE);
  worker = fill(worker, "['CANDOUR_FILES']", JSON.stringify(files), TEMPLATE);
  await writeFile(join(dir, WORKER), worker);
  for (const [page, html] of blank) {
    await writeFile(join(dir, page), html.replace(BLANK_META, `<meta name="candour-build" content="${build}">`));
  }
  return { build, files };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('Usage: node scripts/precache.mjs DIR');
    process.exit(1);
  }
  const { build, files } = await precache(dir);
  console.log(`precache: build ${build}, ${files.length} files in sw.js`);
}
