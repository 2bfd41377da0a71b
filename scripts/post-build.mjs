// Trunk's post-build hook (Trunk runs the hooks of one stage in parallel, so
// the steps that must follow each other live in this one hook):
// 1. fill the Content-Security-Policy with the hashes of the inline scripts
//    Trunk generated (scripts/csp.mjs);
// 2. then write the service worker with the list of every file of the build
//    and the build id (scripts/precache.mjs). It must come last, because the
//    build id hashes the finished index.html.
import { fillCsp } from './csp.mjs';
import { precache } from './precache.mjs';

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
if (!dir) {
  console.error('post-build: no TRUNK_STAGING_DIR and no folder given');
  process.exit(1);
}
try {
  const scripts = await fillCsp(dir);
  console.log(`post-build: CSP allows ${scripts} inline script(s) by hash`);
  const { build, files } = await precache(dir);
  console.log(`post-build: service worker for build ${build} precaches ${files.length} files`);
} catch (error) {
  console.error(`post-build: ${error.message}`);
  process.exit(1);
}
