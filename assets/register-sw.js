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
//
// It also tells the app whether this build's offline copy is complete: it
// sets <html data-candour-offline="..."> and dispatches `candour:offline` on
// window, with one of: "unsupported" (no service workers here),
// "downloading", "failed" (storing the build failed), "incomplete" (the
// worker's copy lacks files, or is of another build) and "ready". The app
// reads it (crates/tablet/src/hooks/use_offline_copy.rs; the meaning of
// each state is in candour_core::researcher::tablet_check).
(() => {
  const report = (state) => {
    document.documentElement.dataset.candourOffline = state;
    dispatchEvent(new CustomEvent('candour:offline', { detail: state }));
  };
  if (!('serviceWorker' in navigator)) {
    report('unsupported');
    console.error('Candour cannot work offline here: this browser has no service workers (they need https:// or localhost).');
    return;
  }
  const build = document.querySelector('meta[name="candour-build"]')?.content;

  // Asks the worker in control whether its copy of this page's build is
  // complete. A worker that does not answer within 5 seconds counts as
  // incomplete; asking again later (on the next change) may tell more.
  const askWorker = (worker) => new Promise((resolve) => {
    const channel = new MessageChannel();
    const timer = setTimeout(() => resolve(null), 5000);
    channel.port1.onmessage = (event) => {
      clearTimeout(timer);
      resolve(event.data);
    };
    worker.postMessage({ type: 'candour:status' }, [channel.port2]);
  });
  const check = async () => {
    // While switching, the page is about to reload into the new build: the
    // old worker is left idle, since Chrome activates the new one only once
    // the old one has no event in hand (a status question would be one).
    if (switching) return;
    // A reload that bypasses the cache (shift-reload) leaves the page
    // uncontrolled while a complete build stays stored: ask the active
    // worker then, so the page does not say "downloading" for ever.
    const worker = navigator.serviceWorker.controller
      ?? (await navigator.serviceWorker.getRegistration().catch(() => null))?.active;
    if (!worker) {
      // Asking took a moment: a first download may have failed meanwhile,
      // and that outcome stands.
      if (document.documentElement.dataset.candourOffline !== 'failed') report('downloading');
      return;
    }
    const status = await askWorker(worker);
    if (status?.complete && status.build !== build && movedOn(status.build)) return;
    report(status?.complete && status.build === build ? 'ready' : 'incomplete');
  };
  // A waiting build can take control without this page asking: the browser
  // activates it when the last page of the old build goes, and during a
  // reload that can happen between the old page and this one. This page
  // (of the old build) is then under the new build's worker, and any file it
  // still fetches would come from the other build. It reloads once into the
  // build in control, when at rest as for any switch; at most once per
  // build, so a worker that keeps answering wrongly cannot loop the page.
  const movedOn = (newer) => {
    if (!atRest || switching) return false;
    const key = 'candour:reloaded-into';
    try {
      if (sessionStorage.getItem(key) === newer) return false;
      sessionStorage.setItem(key, newer);
    } catch {
      return false;
    }
    switching = true;
    location.reload();
    return true;
  };
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
    // Seen under load in Chrome, about one switch in twenty: the new build
    // stays waiting although it was asked. Ask again; if it still waits,
    // load the page again (still at rest: nobody is using it), which makes
    // the browser look again at who should be in control. Once a minute at
    // most, so this can never become a reload loop.
    let asked = 1;
    const retry = setInterval(() => {
      if (worker.state !== 'installed') {
        clearInterval(retry);
      } else if (asked < 3) {
        asked += 1;
        worker.postMessage({ type: 'candour:activate' });
      } else {
        clearInterval(retry);
        reloadOnceAMinute();
      }
    }, 3000);
  };
  const reloadOnceAMinute = () => {
    const key = 'candour:switch-reloaded-at';
    try {
      const last = Number(sessionStorage.getItem(key) ?? 0);
      if (Date.now() - last < 60_000) return;
      sessionStorage.setItem(key, String(Date.now()));
    } catch {
      return;
    }
    location.reload();
  };

  // Reload only for a switch this page asked for: the very first worker also
  // takes control of the page (a "controllerchange"), but it serves the build
  // this page already runs, so nothing needs reloading then.
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (switching) location.reload();
    else check();
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
        check();
      });
      const follow = (worker) => worker?.addEventListener('statechange', () => {
        if (worker.state === 'installed') offer(worker);
        // The first download failed: nothing is stored yet. (A failed
        // update leaves the previous build in control, still complete.)
        if (worker.state === 'redundant' && !navigator.serviceWorker.controller) report('failed');
      });
      registration.addEventListener('updatefound', () => follow(registration.installing));
      follow(registration.installing);
      offer(registration.waiting);
      check();
    })
    .catch((error) => {
      report('failed');
      console.error(`Candour could not set up offline use; it works only while the network is on: ${error.message}`);
    });
})();
