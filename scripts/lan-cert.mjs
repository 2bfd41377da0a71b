// Certificates for serving Candour on the clinic's local network over https
// (scripts/serve.sh --lan), made on this computer with Debian's openssl:
// - a local certificate authority, made once for two years: candour-local-ca.crt is what
//   each tablet installs and trusts (README: "Serving from a laptop on the
//   clinic network"); its key, candour-local-ca.key, never leaves this
//   computer. It may only vouch for local names and private network
//   addresses (name constraints), so even a stolen key cannot be used to
//   pose as any site on the internet.
// - a server certificate signed by it for this computer's addresses, made
//   again whenever an address is new or it expires within 30 days. It lasts
//   397 days, within what iPadOS and Android accept.
import { execFile } from 'node:child_process';
import { X509Certificate, createHash } from 'node:crypto';
import { chmod, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { hostname, networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** What the local CA may vouch for: private IPv4 networks and local names. */
const PERMITTED = [
  'IP:10.0.0.0/255.0.0.0',
  'IP:172.16.0.0/255.240.0.0',
  'IP:192.168.0.0/255.255.0.0',
  'IP:127.0.0.0/255.0.0.0',
  'DNS:localhost',
  'DNS:local',
];

/** True for an IPv4 address the local CA may vouch for. */
export function isPrivateIPv4(address) {
  const [a, b] = address.split('.').map(Number);
  return a === 10 || a === 127 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168);
}

/**
 * This computer's addresses on the local network: every private IPv4
 * address of a network interface that is up, not loopback.
 */
export function lanAddresses() {
  return Object.values(networkInterfaces())
    .flat()
    .filter((i) => i && i.family === 'IPv4' && !i.internal && isPrivateIPv4(i.address))
    .map((i) => i.address);
}

/** The names a server certificate covers, beside `addresses`. */
export function localNames() {
  const host = hostname().toLowerCase().replace(/\.local$/, '');
  return ['localhost', ...(/^[a-z0-9-]+$/.test(host) ? [`${host}.local`] : [])];
}

/** The SHA-256 fingerprint of a PEM certificate, as a tablet shows it. */
export function fingerprint(pem) {
  return new X509Certificate(pem).fingerprint256;
}

async function openssl(args) {
  try {
    await run('openssl', args);
  } catch (error) {
    throw new Error(`openssl ${args[0]} failed (is Debian's openssl installed?): ${error.stderr || error.message}`);
  }
}

/** Reads a file, or null when it is not there. */
async function maybeRead(file) {
  return readFile(file, 'utf8').catch(() => null);
}

async function makeAuthority(dir) {
  const config = join(dir, 'ca.cnf');
  await writeFile(config, [
    '[req]', 'distinguished_name = dn', 'prompt = no', 'x509_extensions = ca', '',
    '[dn]', `CN = Candour local CA (${hostname()})`, 'O = Candour, this computer only', '',
    '[ca]',
    'basicConstraints = critical, CA:TRUE, pathlen:0',
    'keyUsage = critical, keyCertSign, cRLSign',
    'subjectKeyIdentifier = hash',
    // Only ever for web servers, never for e-mail or code.
    'extendedKeyUsage = serverAuth',
    `nameConstraints = critical, ${PERMITTED.map((p) => `permitted;${p}`).join(', ')}`,
    '',
  ].join('\n'));
  await openssl(['req', '-x509', '-new', '-newkey', 'rsa:2048', '-nodes', '-sha256', '-days', '730',
    '-config', config, '-keyout', join(dir, 'candour-local-ca.key'), '-out', join(dir, 'candour-local-ca.crt')]);
  await chmod(join(dir, 'candour-local-ca.key'), 0o600);
  await rm(config);
}

/** True when `pem` was signed by the CA `caPem`, covers exactly each of
 * the names (192.168.1.2 is not 192.168.1.20) and lasts 30 more days. */
function stillGood(pem, caPem, ipAddresses, dnsNames) {
  if (!pem || !caPem) return false;
  const cert = new X509Certificate(pem);
  if (!cert.checkIssued(new X509Certificate(caPem))) return false;
  if (Date.parse(cert.validTo) - Date.now() < 30 * 24 * 3600 * 1000) return false;
  const covered = new Set((cert.subjectAltName ?? '').split(', '));
  return ipAddresses.every((ip) => covered.has(`IP Address:${ip}`))
    && dnsNames.every((name) => covered.has(`DNS:${name}`));
}

async function makeServer(dir, ipAddresses, dnsNames) {
  const config = join(dir, 'server.cnf');
  const names = [...dnsNames.map((n) => `DNS:${n}`), ...ipAddresses.map((ip) => `IP:${ip}`)];
  await writeFile(config, [
    '[req]', 'distinguished_name = dn', 'prompt = no', '',
    '[dn]', `CN = Candour on ${hostname()}`, '',
    '[server]',
    'basicConstraints = critical, CA:FALSE',
    'keyUsage = critical, digitalSignature, keyEncipherment',
    'extendedKeyUsage = serverAuth',
    'authorityKeyIdentifier = keyid',
    `subjectAltName = ${names.join(', ')}`,
    '',
  ].join('\n'));
  const request = join(dir, 'server.csr');
  await openssl(['req', '-new', '-newkey', 'rsa:2048', '-nodes', '-sha256', '-config', config,
    '-keyout', join(dir, 'server.key'), '-out', request]);
  await openssl(['x509', '-req', '-in', request, '-sha256', '-days', '397', '-set_serial',
    `0x${createHash('sha256').update(`${Date.now()} ${Math.random()}`).digest('hex').slice(0, 16)}`,
    '-CA', join(dir, 'candour-local-ca.crt'), '-CAkey', join(dir, 'candour-local-ca.key'),
    '-extfile', config, '-extensions', 'server', '-out', join(dir, 'server.crt')]);
  await chmod(join(dir, 'server.key'), 0o600);
  await rm(config);
  await rm(request);
}

/**
 * Makes (or reuses) the local CA and a server certificate in `dir` for
 * `ipAddresses` (private IPv4 only) and `dnsNames`. Returns `{ ca, cert,
 * key }` as PEM text.
 */
export async function certificates(dir, ipAddresses, dnsNames = localNames()) {
  const refused = ipAddresses.filter((ip) => !isPrivateIPv4(ip));
  if (refused.length) throw new Error(`not a private network address: ${refused.join(', ')}`);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  // mkdir leaves a folder that was already there as it was.
  await chmod(dir, 0o700);
  const oldCa = await maybeRead(join(dir, 'candour-local-ca.crt'));
  const expiring = oldCa && Date.parse(new X509Certificate(oldCa).validTo) - Date.now() < 30 * 24 * 3600 * 1000;
  if (!oldCa || expiring || !(await maybeRead(join(dir, 'candour-local-ca.key')))) {
    // A new authority: each tablet must install it again (its fingerprint
    // is printed), so this happens only when there is none or it ends.
    await makeAuthority(dir);
  }
  const caPem = await maybeRead(join(dir, 'candour-local-ca.crt'));
  if (!stillGood(await maybeRead(join(dir, 'server.crt')), caPem, ipAddresses, dnsNames)) {
    await makeServer(dir, ipAddresses, dnsNames);
  }
  return {
    ca: await readFile(join(dir, 'candour-local-ca.crt'), 'utf8'),
    cert: await readFile(join(dir, 'server.crt'), 'utf8'),
    key: await readFile(join(dir, 'server.key'), 'utf8'),
  };
}
