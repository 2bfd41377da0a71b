// Packs a finished release build (dist/) into a versioned ZIP with a SHA-256
// checksum file beside it:
//   OUT/candour-<version>-<build>.zip          one folder of that name inside,
//                                               holding every file of the build
//   OUT/candour-<version>-<build>.zip.sha256   "<hash>  <zip name>", the format
//                                               `sha256sum -c` and `shasum -a 256 -c` read
// The version is the workspace's (Cargo.toml [workspace.package], the one the
// staff area shows); the build id is the one scripts/precache.mjs wrote into
// every page and the service worker. Before it writes anything it checks that
// the build is whole (every page, the worker, every file the worker lists),
// and after writing it reads the ZIP back and compares every file.
//
// Usage: node scripts/package-release.mjs DIST OUT   (scripts/release.sh runs it)
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PAGES } from './precache.mjs';
import { readZip, writeZip } from './zip.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The workspace version, from the [workspace.package] table of Cargo.toml. */
export async function workspaceVersion() {
  const toml = await readFile(join(ROOT, 'Cargo.toml'), 'utf8');
  const table = toml.split(/^\[/m).find((part) => part.startsWith('workspace.package]'));
  const version = table?.match(/^version\s*=\s*"([^"]+)"/m)?.[1];
  if (!version) throw new Error('release: Cargo.toml has no [workspace.package] version');
  return version;
}

/** Every file below `dir`, '/'-separated and sorted, leaving out hidden ones. */
async function filesOf(dir) {
  const files = [];
  for (const name of await readdir(dir, { recursive: true })) {
    const file = name.split(sep).join('/');
    if (file.split('/').some((part) => part.startsWith('.'))) continue;
    if ((await stat(join(dir, name))).isFile()) files.push(file);
  }
  return files.sort();
}

/** The build id of `dist`, after checking that the build is whole. */
async function checkedBuild(dist, files) {
  const ids = new Set();
  for (const page of PAGES) {
    if (!files.includes(page)) throw new Error(`release: ${dist} has no ${page}; build it first`);
    const html = await readFile(join(dist, page), 'utf8');
    const id = html.match(/<meta name="candour-build" content="([0-9a-f]{16})">/)?.[1];
    if (!id) throw new Error(`release: ${page} carries no build id; was scripts/assemble.mjs run?`);
    ids.add(id);
  }
  if (ids.size !== 1) throw new Error(`release: the pages are of different builds (${[...ids].join(', ')})`);
  const [build] = ids;
  if (!files.includes('sw.js')) throw new Error('release: the build has no service worker (sw.js)');
  const worker = await readFile(join(dist, 'sw.js'), 'utf8');
  if (!worker.includes(`const BUILD = "${build}";`)) throw new Error(`release: sw.js is not of build ${build}`);
  const listed = JSON.parse(worker.match(/const FILES = (\[.*\]);/)?.[1] ?? 'null');
  if (!Array.isArray(listed)) throw new Error('release: sw.js lists no files');
  const missing = listed.filter((file) => !files.includes(file));
  if (missing.length) throw new Error(`release: files the worker lists are missing: ${missing.join(', ')}`);
  return build;
}

/**
 * Writes the release of `dist` into `out`; returns `{ name, zip, sha256,
 * bytes, files }` (`zip` its path, `files` the names inside its folder).
 */
export async function packageRelease(dist, out) {
  const files = await filesOf(dist);
  const build = await checkedBuild(dist, files);
  const name = `candour-${await workspaceVersion()}-${build}`;
  const entries = [];
  for (const file of files) entries.push({ name: `${name}/${file}`, data: await readFile(join(dist, file)) });
  const bytes = writeZip(entries);

  // Read it back before anyone relies on it.
  const back = new Map(readZip(bytes).map((entry) => [entry.name, entry.data]));
  for (const { name: entry, data } of entries) {
    if (!back.get(entry)?.equals(data)) throw new Error(`release: ${entry} did not survive packing`);
  }
  if (back.size !== entries.length) throw new Error('release: the ZIP holds extra entries');

  await mkdir(out, { recursive: true });
  const zip = join(out, `${name}.zip`);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  await writeFile(zip, bytes);
  await writeFile(`${zip}.sha256`, `${sha256}  ${name}.zip\n`);
  return { name, zip, sha256, bytes: bytes.length, files };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dist, out] = process.argv.slice(2);
  if (!dist || !out) {
    console.error('Usage: node scripts/package-release.mjs DIST OUT');
    process.exit(1);
  }
  try {
    const release = await packageRelease(dist, out);
    console.log(`release: ${release.zip} (${release.bytes} bytes, ${release.files.length} files)`);
    console.log(`release: ${release.zip}.sha256: ${release.sha256}`);
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
