// Serves a Candour build to tablets on the clinic's local network, over
// https with a certificate made on this computer (scripts/lan-cert.mjs), and
// hands out the local certificate authority's certificate (never its key) on
// a second, plain http port, so each tablet can install and trust it once.
// Prints every address to open, and the authority's fingerprint to compare
// on the tablet before trusting it.
//
// Usage: node scripts/lan-server.mjs DIR [PORT]   (scripts/serve.sh --lan)
//   PORT (default 8443) serves the app; PORT+1 the certificate.
//   CANDOUR_LAN_CERTS: where the certificates are kept (default .lan-cert/).
//   CANDOUR_LAN_HOST: the address to listen on (default every IPv4 address).
import { createServer } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { networkInterfaces } from 'node:os';
import { certificates, fingerprint, isPrivateIPv4, lanAddresses, localNames } from './lan-cert.mjs';
import { serve } from './static-server.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CA_FILE = 'candour-local-ca.crt';

/** The http server that hands out only the authority's certificate. */
function certificateServer(ca, port, host) {
  const print = fingerprint(ca);
  const page = `<!doctype html><html lang="en"><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Candour: trust this computer</title>
<h1>Trust this computer's certificate</h1>
<p><a href="${CA_FILE}">Download the certificate</a>, then install it as the README says
("Serving from a laptop on the clinic network").</p>
<p>Before you trust it, check that its SHA-256 fingerprint is the one this computer printed:</p>
<p><code>${print}</code></p></html>`;
  const server = createServer((req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    if (path === `/${CA_FILE}`) {
      res.writeHead(200, { 'Content-Type': 'application/x-x509-ca-cert', 'Content-Disposition': `attachment; filename="${CA_FILE}"` });
      res.end(ca);
    } else if (path === '/') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(page);
    } else {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
    }
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => ok(server));
  });
}

/**
 * Starts both servers. Options: `dir` (the build), `port` (0 picks free
 * ones), `host`, `certDir`, `addresses` (the IPv4 addresses the certificate
 * covers; 127.0.0.1 is always added). Resolves to `{ app, certificate,
 * ca, fingerprint, addresses, urls, stop() }`.
 */
export async function startLan({ dir, port = 8443, host = '0.0.0.0', certDir, addresses = lanAddresses() }) {
  const ips = [...new Set([...addresses, '127.0.0.1'])];
  const { ca, cert, key } = await certificates(certDir, ips, localNames());
  const app = await serve(dir, port, { host, tls: { key, cert } });
  const appPort = app.address().port;
  let certificate;
  try {
    certificate = await certificateServer(ca, port === 0 ? 0 : appPort + 1, host);
  } catch (error) {
    await new Promise((ok) => app.close(ok));
    throw error;
  }
  const certPort = certificate.address().port;
  const shown = host === '0.0.0.0' ? ips : [host];
  return {
    app,
    certificate,
    ca,
    fingerprint: fingerprint(ca),
    addresses,
    urls: {
      app: shown.map((ip) => `https://${ip}:${appPort}/`),
      certificate: shown.map((ip) => `http://${ip}:${certPort}/`),
    },
    async stop() {
      await Promise.all([app, certificate].map((s) => new Promise((ok) => s.close(ok))));
    },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir = join(ROOT, 'dist'), port = '8443'] = process.argv.slice(2);
  try {
    const lan = await startLan({
      dir,
      port: Number(port),
      host: process.env.CANDOUR_LAN_HOST ?? '0.0.0.0',
      certDir: process.env.CANDOUR_LAN_CERTS ?? join(ROOT, '.lan-cert'),
    });
    console.log('Candour is served on the local network at:');
    for (const url of lan.urls.app) console.log(`  ${url}`);
    console.log('Each tablet trusts this computer once: open on the tablet');
    for (const url of lan.urls.certificate) console.log(`  ${url}`);
    console.log(`and install the certificate whose SHA-256 fingerprint is\n  ${lan.fingerprint}`);
    if (lan.addresses.length === 0) console.log('No local network address was found: is this computer on the clinic network?');
    const open = Object.values(networkInterfaces()).flat()
      .filter((i) => i && !i.internal && i.family === 'IPv4' && !isPrivateIPv4(i.address))
      .map((i) => i.address);
    if (open.length && !process.env.CANDOUR_LAN_HOST) {
      console.log(`Warning: this computer also has the address ${open.join(', ')}, which is not a private one: anyone who can reach it can load the app (never an answer, which stays on the tablets). To listen on the clinic network only, run with CANDOUR_LAN_HOST set to the laptop's clinic address.`);
    }
    console.log('Press Ctrl+C to stop.');
  } catch (error) {
    console.error(`Candour cannot serve on the local network: ${error.message}`);
    process.exit(1);
  }
}
