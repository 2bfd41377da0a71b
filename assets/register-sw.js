// Registers Candour's service worker (sw.js, written into every build by
// scripts/precache.mjs) and decides when a newly downloaded build takes over.
//
// A separate file rather than an inline script, so the CSP stays
// script-src 'self' with no 'unsafe-inline' and no extra hash; Trunk copies it
// under a hashed name with an integrity attribute, like every other file.
//
// When a new build is downloaded, its worker waits. It takes over, and this
// page reloads once into the new build, only while the page is "at rest":
// nobody has touched it since it loaded, or the app has since said it is back
// at rest (by dispatching `candour:at-rest` on window, e.g. on returning to the
// start screen). So a participant is never switched to another version in the
// middle of a survey; the update then happens on the next load instead. A
// reload loses nothing: drafts and responses live in the browser's storage,
// which the worker never touches.
(() => {
  if (!('serviceWorker' in navigator)) {
    console.error('Candour cannot work offline here: this browser has no service workers (they need https:// or localhost).');
    return;
  }
  const script = new URL(document.currentScript.src);
  let atRest = true;
  let switching = false;

  // Activates `worker` (a new build, fully downloaded and waiting) if the page
  // is at rest. With no worker in control yet (a first visit), there is
  // nothing to switch from: the first worker takes over by itself.
  const offer = (worker) => {
    const current = navigator.serviceWorker.controller;
    if (!worker || !current || worker === current || !atRest) return;
    switching = true;
    worker.postMessage({ type: 'candour:activate' });
  };

  // Reload only for a switch this page asked for: the very first worker also
  // takes control of the page (a "controllerchange"), but it serves the build
  // this page already runs, so nothing needs reloading then.
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (switching) location.reload();
  });

  const touched = () => { atRest = false; };
  addEventListener('pointerdown', touched, { capture: true, passive: true });
  addEventListener('keydown', touched, { capture: true, passive: true });

  navigator.serviceWorker
    .register(new URL('sw.js', script), { scope: new URL('./', script).pathname, updateViaCache: 'none' })
    .then((registration) => {
      addEventListener('candour:at-rest', () => {
        atRest = true;
        offer(registration.waiting);
      });
      const follow = (worker) => worker?.addEventListener('statechange', () => {
        if (worker.state === 'installed') offer(worker);
      });
      registration.addEventListener('updatefound', () => follow(registration.installing));
      follow(registration.installing);
      offer(registration.waiting);
    })
    .catch((error) => {
      console.error(`Candour could not set up offline use; it works only while the network is on: ${error.message}`);
    });
})();
