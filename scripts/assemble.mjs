// Puts the two Trunk builds (the tablet app and the workbench) together into
// one release folder, then finishes it:
// 1. copies every file of both builds into the release folder, each build's
//    index.html (Trunk always names its page so) under the page's own name;
//    a name both builds have (the shared stylesheets, the icon, the worker's
//    registration script) must have the same content in each, or the build
//    fails;
// 2. fills each page's Content-Security-Policy with the hashes of the inline
//    scripts Trunk generated (scripts/csp.mjs);
// 3. writes the one service worker, which precaches every file of both pages,
//    and the build id into both pages (scripts/precache.mjs). It must come
//    last, because the build id hashes the finished pages.
//
// Usage: node scripts/assemble.mjs OUT index.html=TABLET_DIR workbench.html=WORKBENCH_DIR
import { createHash } from 'node:crypto';
import { cp, mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fillCsp } from './csp.mjs';
import { filesOf, precache, PAGES } from './precache.mjs';

const sha256 = (data) => createHash('sha256').update(data).digest('hex');

/**
 * Builds `out` from `builds`, a list of `{ page, dir }`: the Trunk build in
 * `dir` of the page named `page`. Returns the precache result.
 */
export async function assemble(out, builds) {
  await rm(out, { recursive: true, force: true });
  await mkdir(out, { recursive: true });
  const seen = new Map();
  for (const { page, dir } of builds) {
    for (const file of await filesOf(dir)) {
      const name = file === 'index.html' ? page : file;
      const digest = sha256(await readFile(join(dir, file)));
      const earlier = seen.get(name);
      if (earlier && earlier.digest !== digest) {
        throw new Error(`assemble: ${name} differs between ${earlier.dir} and ${dir}`);
      }
      seen.set(name, { dir, digest });
      await cp(join(dir, file), join(out, name));
    }
  }
  for (const page of PAGES) {
    const scripts = await fillCsp(out, page);
    console.log(`assemble: the CSP of ${page} allows ${scripts} inline script(s) by hash`);
  }
  return precache(out);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [out, ...pairs] = process.argv.slice(2);
  const builds = pairs.map((pair) => {
    const [page, dir] = pair.split('=');
    return { page, dir };
  });
  if (!out || builds.length === 0 || builds.some(({ page, dir }) => !page || !dir)) {
    console.error('Usage: node scripts/assemble.mjs OUT PAGE.html=TRUNK_BUILD_DIR...');
    process.exit(1);
  }
  try {
    const { build, files } = await assemble(out, builds);
    console.log(`assemble: service worker for build ${build} precaches ${files.length} files`);
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
