// Measures, in each engine, the browser APIs where engines differ and Candour
// leans on them (the README's engine table comes from this, not from memory).
// Not a test: run it by hand against a release build, e.g.
//   node tests/e2e/engines/probe.mjs webkit firefox chromium
// (WebKit needs xvfb and webkit2gtk-driver, Firefox firefox-esr, Chromium
// chromium-driver: scripts/tools.sh installs them.)
import { DIST } from '../harness.mjs';
import { Page, launch } from './driver.mjs';
import { startOrigin } from './server.mjs';

/** Runs in the page: what this engine offers. */
async function probe() {
  const out = {};
  const has = (f) => typeof f === 'function';
  out['service worker controls the page'] = navigator.serviceWorker?.controller?.state ?? 'no';
  out['Web Locks'] = has(navigator.locks?.request);
  out['indexedDB.databases()'] = has(indexedDB.databases);
  out['navigator.storage'] = !!navigator.storage;
  const settles0 = (promise) => Promise.race([promise, new Promise((ok) => setTimeout(() => ok('no answer in 5 s'), 5000))]);
  out['storage.persist() granted'] = has(navigator.storage?.persist) ? await settles0(navigator.storage.persist()) : 'no API';
  out['storage quota (MB)'] = has(navigator.storage?.estimate) ? Math.round((await navigator.storage.estimate()).quota / 1e6) : 'no API';
  const voices = () => window.speechSynthesis?.getVoices() ?? [];
  if (window.speechSynthesis && voices().length === 0) {
    await new Promise((ok) => { speechSynthesis.addEventListener('voiceschanged', ok, { once: true }); setTimeout(ok, 3000); });
  }
  out['speechSynthesis'] = !!window.speechSynthesis;
  out['voices (all / local)'] = `${voices().length} / ${voices().filter((v) => v.localService).length}`;
  const keys = {
    'PBKDF2 (PIN)': async () => {
      const k = await crypto.subtle.importKey('raw', new Uint8Array(16), 'PBKDF2', false, ['deriveBits']);
      await crypto.subtle.deriveBits({ name: 'PBKDF2', salt: new Uint8Array(16), iterations: 1000, hash: 'SHA-256' }, k, 256);
    },
    'AES-GCM 256': () => crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt', 'decrypt']),
    'AES-KW wrapKey': async () => {
      const kek = await crypto.subtle.generateKey({ name: 'AES-KW', length: 256 }, false, ['wrapKey']);
      const k = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt']);
      await crypto.subtle.wrapKey('raw', k, kek, 'AES-KW');
    },
    'ECDSA P-256 sign': async () => {
      const k = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify']);
      await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, k.privateKey, new Uint8Array(8));
    },
    'ECDSA P-256 non-extractable private key in IndexedDB': async () => {
      const k = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign']);
      await new Promise((ok, fail) => {
        const open = indexedDB.open('candour-probe');
        open.onupgradeneeded = () => open.result.createObjectStore('k');
        open.onsuccess = () => {
          const tx = open.result.transaction('k', 'readwrite');
          tx.objectStore('k').put(k.privateKey, 1);
          tx.oncomplete = () => { open.result.close(); indexedDB.deleteDatabase('candour-probe'); ok(); };
          tx.onerror = () => fail(tx.error);
        };
        open.onerror = () => fail(open.error);
      });
    },
    'ECDH P-256': () => crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, true, ['deriveBits']),
    'X25519': () => crypto.subtle.generateKey({ name: 'X25519' }, true, ['deriveBits']),
    'Ed25519': () => crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify']),
    'RSA-OAEP 2048': () => crypto.subtle.generateKey({ name: 'RSA-OAEP', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' }, true, ['encrypt', 'decrypt']),
    'HKDF': async () => {
      const k = await crypto.subtle.importKey('raw', new Uint8Array(32), 'HKDF', false, ['deriveBits']);
      await crypto.subtle.deriveBits({ name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info: new Uint8Array(0) }, k, 256);
    },
  };
  // A call that never settles is a finding too, not a hang of the probe.
  const settles = (promise) => Promise.race([promise, new Promise((_, fail) => setTimeout(() => fail(new Error('no answer in 5 s')), 5000))]);
  for (const [name, run] of Object.entries(keys)) {
    try { await settles(run()); out[`WebCrypto ${name}`] = true; } catch (e) { out[`WebCrypto ${name}`] = `${e.name}: ${e.message}`; }
  }
  return out;
}

const names = process.argv.slice(2);
const origin = await startOrigin(DIST);
const results = {};
for (const name of names.length ? names : ['webkit', 'firefox', 'chromium']) {
  const engine = await launch(name);
  try {
    const page = await Page.open(engine, origin, '/');
    await page.waitUntil(() => navigator.serviceWorker?.controller?.state === 'activated');
    results[engine.version] = Object.fromEntries([
      ...(await page.evaluate(probe)),
      ['downloads caught by the automation', engine.features.downloads],
    ]);
    await page.closeBrowser();
  } finally {
    await engine.stop();
  }
}
await origin.close();
const engines = Object.keys(results);
console.log(`| | ${engines.join(' | ')} |`);
console.log(`| --- |${engines.map(() => ' --- |').join('')}`);
for (const row of Object.keys(results[engines[0]])) {
  console.log(`| ${row} | ${engines.map((e) => String(results[e][row])).join(' | ')} |`);
}
