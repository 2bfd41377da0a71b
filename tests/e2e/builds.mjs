// Makes other builds of the app for the update tests, without a second cargo
// build: a copy of dist/ with one hashed file changed and renamed, the way a
// real new build changes, and its service worker written again by the build's
// own scripts/precache.mjs. And "deploys" a build by replacing the files of a
// served folder.
import { createHash } from 'node:crypto';
import { cp, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { PAGES, precache } from '../../scripts/precache.mjs';
import { DIST } from './harness.mjs';

/** The folders made by `tempDir`, for `cleanUp`. */
const made = [];

/** A fresh temporary folder; `cleanUp` removes it. */
export async function tempDir(name) {
  const dir = await mkdtemp(join(tmpdir(), `candour-${name}-`));
  made.push(dir);
  return dir;
}

/** Removes the folders made by `tempDir`. */
export async function cleanUp() {
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
}

/**
 * A copy of the release build (dist/) in a new folder; returns the folder.
 * Leaves out hidden entries such as dist/.stage, where a build running at the
 * same time stages its files.
 */
export async function copyOfRelease(name) {
  const dir = await tempDir(name);
  await cp(DIST, dir, { recursive: true, filter: (path) => !basename(path).startsWith('.') });
  return dir;
}

/**
 * Turns the build in `dir` into another build: the stylesheet gets a comment
 * `label`, hence a new hashed name and integrity in both pages, and the service
 * worker is written again. Returns the new build id.
 */
export async function makeAnotherBuild(dir, label) {
  const css = (await readdir(dir)).find((file) => /^main-[0-9a-f]{1,16}\.css$/.test(file));
  if (!css) throw new Error(`builds: no hashed stylesheet in ${dir}`);
  const body = `${await readFile(join(dir, css), 'utf8')}\n/* ${label} */\n`;
  const renamed = `main-${createHash('sha256').update(body).digest('hex').slice(0, 16)}.css`;
  await writeFile(join(dir, css), body);
  await rename(join(dir, css), join(dir, renamed));

  const sri = (text) => `sha384-${createHash('sha384').update(text).digest('base64')}`;
  // Both pages link the stylesheet: each must name the renamed file.
  for (const page of PAGES) {
    const pageFile = join(dir, page);
    const html = await readFile(pageFile, 'utf8');
    const linked = html.replace(
      new RegExp(`href="(\\./|/)?${css}" integrity="[^"]*"`),
      `href="./${renamed}" integrity="${sri(body)}"`,
    );
    if (linked === html) throw new Error(`builds: ${page} does not link ${css} with an integrity`);
    await writeFile(pageFile, linked);
  }
  return (await precache(dir)).build;
}

/**
 * Deploys the build in `from` to the served folder `to`: replaces all its
 * files, or, with `only`, copies just those files over (a half-done upload).
 */
export async function deploy(from, to, { only } = {}) {
  if (!only) {
    await rm(to, { recursive: true, force: true });
    await cp(from, to, { recursive: true });
    return;
  }
  for (const file of only) await cp(join(from, file), join(to, file));
}
