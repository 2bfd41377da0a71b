// Candour's service worker: lets the app start and run with no network at all.
//
// This file is a template. scripts/precache.mjs writes the finished copy into
// each build as sw.js, filling in BUILD (a hash of every file of that build)
// and FILES (every file of that build, by its real hashed name: the tablet
// app's two pages and the workbench, so every page opens offline). Any change to
// any file therefore changes sw.js, and the browser installs it as an update.
//
// Rules this worker keeps, and why:
// - It only ever fetches files of its own build, from its own origin. It never
//   handles, let alone makes, a request to another origin (the page's CSP
//   forbids those as well).
// - Each build lives in its own cache, "candour-<BUILD>", filled completely
//   before the worker may take over. A page is always answered from one cache
//   only, so index.html and the hashed scripts and wasm it names always come
//   from the same build: the tablet is never stranded between two versions.
// - Old Candour caches are deleted only once the new one is complete and this
//   worker is the active one.
// - It never touches localStorage or IndexedDB: stored responses and drafts
//   live there and must outlive every update.
// - It waits to take over until the page asks it to (see assets/register-sw.js),
//   which the page does only when nobody is in the middle of using it.

const BUILD = 'CANDOUR_BUILD';
const FILES = ['CANDOUR_FILES'];

const PREFIX = 'candour-';
const CACHE = PREFIX + BUILD;
const INDEX = new URL('index.html', self.location).href;
/** The build's pages; each must carry this build's id. */
const PAGES = ['index.html', 'staff.html', 'workbench.html'].map((page) => new URL(page, self.location).href);
const PRECACHED = new Set(FILES.map((file) => new URL(file, self.location).href));
/** The exact tag scripts/precache.mjs writes into this build's index.html. */
const BUILD_META = `<meta name="candour-build" content="${BUILD}">`;

self.addEventListener('install', (event) => {
  event.waitUntil(fillCache());
});

self.addEventListener('activate', (event) => {
  event.waitUntil(takeOver());
});

self.addEventListener('message', (event) => {
  // The page's signal that now is a good moment to switch builds.
  if (event.data?.type === 'candour:activate') self.skipWaiting();
  // The page asks whether this build's offline copy is complete (for the
  // start screen's "Ready without network" and the staff area's check).
  if (event.data?.type === 'candour:status') event.waitUntil(reportStatus(event.ports[0]));
});

/** Tells `port` this worker's build and whether its offline copy is complete. */
async function reportStatus(port) {
  // caches.open would create an empty cache: look first.
  const complete = (await caches.has(CACHE)) && (await isComplete(await caches.open(CACHE)));
  port?.postMessage({ build: BUILD, complete });
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  // Not ours to answer: the browser handles it (and the CSP blocks any other
  // origin). This worker makes no request of its own for these.
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(answer(request));
});

/**
 * Downloads every file of this build into a fresh cache. If any file is
 * missing, or the server's index.html belongs to another build (a half-copied
 * deployment), the cache is thrown away and the install fails: the browser
 * keeps the worker it had, and tries again on a later visit.
 */
async function fillCache() {
  const cache = await caches.open(CACHE);
  try {
    // 'no-cache' revalidates with the server, so no stale copy from the
    // browser's HTTP cache can slip into this build's cache.
    await cache.addAll(FILES.map((file) => new Request(file, { cache: 'no-cache' })));
    if (!(await isComplete(cache))) {
      throw new Error(`the server's pages are not from build ${BUILD}`);
    }
  } catch (error) {
    await caches.delete(CACHE);
    throw new Error(`Candour could not store build ${BUILD} for offline use, so the version already on this tablet stays: ${error.message}`);
  }
}

/**
 * True when `cache` holds every file of this build and each of its pages is
 * this build's own.
 */
async function isComplete(cache) {
  const stored = new Set((await cache.keys()).map((request) => request.url));
  if (![...PRECACHED].every((url) => stored.has(url))) return false;
  for (const url of PAGES) {
    const page = await cache.match(url);
    if (!page || !(await page.text()).includes(BUILD_META)) return false;
  }
  return true;
}

/**
 * Becomes the worker of every open Candour page, then deletes the caches of
 * earlier builds, which no page can need any more.
 */
async function takeOver() {
  // Pages opened before any worker existed (the very first visit) come under
  // this worker too, so they work offline without a reload. They were loaded
  // from the network just now, i.e. from this same build.
  await self.clients.claim();
  if (!(await isComplete(await caches.open(CACHE)))) {
    // Cannot happen unless the browser evicted files: keep everything, and let
    // requests fall through to the network.
    console.error(`Candour: the offline copy of build ${BUILD} is incomplete; earlier copies are kept.`);
    return;
  }
  for (const name of await caches.keys()) {
    if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
  }
}

/**
 * Answers a same-origin GET from this build's cache: a page load gets this
 * build's copy of that page (the staff area or the workbench, whatever its
 * query) or else its
 * index.html (whatever the path), every file of the build its stored copy.
 * Only a file outside the build goes to the network.
 */
async function answer(request) {
  const cache = await caches.open(CACHE);
  const navigation = request.mode === 'navigate';
  const stored = navigation
    ? (await cache.match(request, { ignoreSearch: true })) ?? (await cache.match(INDEX))
    : await cache.match(request);
  if (stored) return stored;
  try {
    return await fetch(request);
  } catch {
    return navigation ? offlinePage() : unavailable(request.url);
  }
}

/** The page shown when there is neither a stored copy nor a network. */
function offlinePage() {
  const html = `<!doctype html><html lang="en"><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Candour</title>
<h1>Candour cannot start</h1>
<p>This tablet has no stored copy of Candour and no network connection.</p>
<p>Please hand the tablet to a member of staff. Staff: connect the tablet to the clinic network and open Candour again.</p></html>`;
  return new Response(html, { status: 503, headers: { 'Content-Type': 'text/html; charset=utf-8' } });
}

/** A plain-words failure for a file that is neither stored nor reachable. */
function unavailable(url) {
  return new Response(`Candour: ${url} is not stored on this tablet and there is no network connection.`, {
    status: 503,
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
}
