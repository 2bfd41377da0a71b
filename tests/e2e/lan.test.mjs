// scripts/serve.sh --lan: the local certificate authority and the server
// certificate it signs, the https server of the build and the http server
// of the authority's certificate. Everything listens on and talks to
// 127.0.0.1 only.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { X509Certificate, createHash, createPrivateKey } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { get as httpGet } from 'node:http';
import { get as httpsGet } from 'node:https';
import { chromium } from 'playwright-core';
import { certificates, isPrivateIPv4 } from '../../scripts/lan-cert.mjs';
import { startLan } from '../../scripts/lan-server.mjs';
import { cleanUp, tempDir } from './builds.mjs';
import { DIST, waitForOffline } from './harness.mjs';

let lan;
before(async () => {
  lan = await startLan({ dir: DIST, port: 0, host: '127.0.0.1', certDir: await tempDir('lan'), addresses: [] });
});
after(async () => {
  await lan?.stop();
  await cleanUp();
});

/** Runs `command` with `input` on its stdin; resolves to `{ stdout }`. */
async function run(command, args, input) {
  return { stdout: execFileSync(command, args, { input, encoding: 'utf8' }) };
}

/** GETs `url` with node's http or https; resolves to `{ status, type, body }`. */
function fetchWith(get, url, options = {}) {
  return new Promise((ok, fail) => {
    get(url, options, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => ok({ status: res.statusCode, type: res.headers['content-type'], headers: res.headers, body: Buffer.concat(chunks).toString() }));
    }).on('error', fail);
  });
}

test('the local authority may vouch only for local names and private addresses, and signs a short-lived server certificate', async () => {
  const dir = await tempDir('lan-cert');
  const first = await certificates(dir, ['192.168.1.20'], ['localhost']);
  const ca = new X509Certificate(first.ca);
  const cert = new X509Certificate(first.cert);
  assert.ok(ca.ca, 'the authority is a CA');
  assert.ok(!cert.ca, 'the server certificate is not');
  assert.ok(cert.checkIssued(ca) && cert.verify(ca.publicKey), 'signed by the local authority');
  assert.match(cert.subjectAltName, /IP Address:192\.168\.1\.20/);
  assert.match(cert.subjectAltName, /DNS:localhost/);
  const days = (Date.parse(cert.validTo) - Date.parse(cert.validFrom)) / 86_400_000;
  assert.ok(days <= 398, `the server certificate lasts ${days} days`);
  assert.ok(cert.checkPrivateKey(createPrivateKey(first.key)));
  const { stdout } = await run('openssl', ['x509', '-noout', '-text'], first.ca);
  assert.match(stdout, /Name Constraints: critical\s+Permitted:\s+IP:10\.0\.0\.0\/255\.0\.0\.0/);
  assert.match(stdout, /pathlen:0/);
  assert.match(stdout, /Extended Key Usage:\s+TLS Web Server Authentication/, 'the authority is for web servers only');
  const caDays = (Date.parse(ca.validTo) - Date.parse(ca.validFrom)) / 86_400_000;
  assert.ok(caDays <= 731, `the authority lasts ${caDays} days`);

  // Reused while it covers every address; made again (same authority) for a new one.
  assert.equal((await certificates(dir, ['192.168.1.20'], ['localhost'])).cert, first.cert);
  const moved = await certificates(dir, ['10.0.0.7'], ['localhost']);
  assert.notEqual(moved.cert, first.cert);
  assert.equal(moved.ca, first.ca);
  // 192.168.1.2 is not covered by a certificate for 192.168.1.20.
  const near = await certificates(dir, ['192.168.1.2'], ['localhost']);
  assert.match(new X509Certificate(near.cert).subjectAltName, /IP Address:192\.168\.1\.2(,|$)/);
  await assert.rejects(certificates(dir, ['8.8.8.8'], []), /not a private network address/);
  assert.ok(isPrivateIPv4('172.20.1.1') && !isPrivateIPv4('172.32.1.1'));
});

test('the build is served over https, trusted through the local authority alone', async () => {
  const [url] = lan.urls.app;
  assert.match(url, /^https:\/\/127\.0\.0\.1:\d+\/$/);
  const page = await fetchWith(httpsGet, url, { ca: lan.ca });
  assert.equal(page.status, 200);
  assert.match(page.body, /<meta name="candour-build" content="[0-9a-f]{16}">/);
  // No other site may frame it; nothing is sniffed; no address passed on.
  assert.equal(page.headers['content-security-policy'], "frame-ancestors 'none'");
  assert.equal(page.headers['x-content-type-options'], 'nosniff');
  assert.equal(page.headers['referrer-policy'], 'no-referrer');
  const worker = await fetchWith(httpsGet, `${url}sw.js`, { ca: lan.ca });
  assert.equal(worker.status, 200);
  // Without the authority, the certificate is not trusted.
  await assert.rejects(fetchWith(httpsGet, url), /self[- ]signed|unable to (get|verify)/i);
});

test('the authority\'s certificate (never its key) is handed out over http, with its fingerprint', async () => {
  const [url] = lan.urls.certificate;
  assert.match(url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
  const page = await fetchWith(httpGet, url);
  assert.equal(page.status, 200);
  assert.ok(page.body.includes(lan.fingerprint), 'the page shows the fingerprint');
  const file = await fetchWith(httpGet, `${url}candour-local-ca.crt`);
  assert.equal(file.type, 'application/x-x509-ca-cert');
  assert.equal(file.body, lan.ca);
  assert.doesNotMatch(file.body, /PRIVATE KEY/);
  assert.equal((await fetchWith(httpGet, `${url}candour-local-ca.key`)).status, 404);
});

test('over the https address, Chromium stores the app for offline use', async () => {
  // A tablet that installed the authority trusts the certificate; this
  // browser is told to trust exactly this server certificate's key instead.
  const cert = new X509Certificate(await fetchServerCert());
  const spki = createHash('sha256')
    .update(cert.publicKey.export({ type: 'spki', format: 'der' }))
    .digest('base64');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', `--ignore-certificate-errors-spki-list=${spki}`, '--disable-background-networking'],
  });
  try {
    const page = await (await browser.newContext()).newPage();
    await page.goto(lan.urls.app[0]);
    await page.getByRole('button', { name: 'Start a new survey' }).waitFor({ timeout: 10_000 });
    assert.equal(await page.evaluate(() => window.isSecureContext), true);
    const caches = await waitForOffline(page);
    assert.equal(caches.length, 1);
  } finally {
    await browser.close();
  }
});

/** The server certificate the https server presents, as PEM. */
function fetchServerCert() {
  return new Promise((ok, fail) => {
    httpsGet(lan.urls.app[0], { ca: lan.ca }, (res) => {
      const der = res.socket.getPeerCertificate().raw;
      res.resume();
      ok(`-----BEGIN CERTIFICATE-----\n${der.toString('base64')}\n-----END CERTIFICATE-----\n`);
    }).on('error', fail);
  });
}
