// A small static file server for dist/, bound to 127.0.0.1 unless told
// otherwise (scripts/lan-server.mjs binds it to the local network, over https).
// Usage: node scripts/static-server.mjs DIR [PORT]   (PORT 0 picks a free one)
// Prints "Candour is served at http://127.0.0.1:PORT/" once listening, which
// the end-to-end tests read to learn the port.
import { createServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/** Sent with every file: no other site may frame a page (a tap tricked
 * onto "Delete" or a PIN box), no type is guessed, no address is passed on. */
export const SECURITY_HEADERS = {
  'Content-Security-Policy': "frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

/**
 * Starts serving `dir`; resolves to the listening server. Options:
 * - `base`: the folder of the web address the app is served under, e.g.
 *   '/clinic/candour/' (default '/'), as a static host serving it from a
 *   subfolder would; every other path is not found.
 * - `host`: the address to listen on (default '127.0.0.1').
 * - `tls`: `{ key, cert }` to serve over https instead of http.
 */
export function serve(dir, port = 0, { base = '/', host = '127.0.0.1', tls } = {}) {
  const root = resolve(dir);
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const handler = async (req, res) => {
    try {
      const url = new URL(req.url, 'http://x');
      const whole = decodeURIComponent(url.pathname);
      // The folder itself without its slash: a static host redirects, so
      // that the app's relative addresses resolve inside the folder.
      if (`${whole}/` === prefix) {
        res.writeHead(301, { Location: `${prefix}${url.search}` }).end();
        return;
      }
      if (!whole.startsWith(prefix)) throw new Error('outside the served folder');
      let file = normalize(join(root, whole.slice(prefix.length - 1)));
      // Refuse anything that escapes dist/ (e.g. /../../etc/passwd).
      if (file !== root && !file.startsWith(root + sep)) {
        res.writeHead(403).end('Forbidden');
        return;
      }
      if ((await stat(file).catch(() => null))?.isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, {
        'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
        // Hashed assets could be cached for ever; the rest must be revalidated
        // so that a new build is picked up. (Trunk writes its 64-bit hash
        // without leading zeros, so a name's hash may be shorter than 16.)
        'Cache-Control': /-[0-9a-f]{12,16}\./.test(file) ? 'max-age=31536000, immutable' : 'no-cache',
        ...SECURITY_HEADERS,
      });
      res.end(body);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
    }
  };
  const server = tls ? createHttpsServer(tls, handler) : createServer(handler);
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => ok(server));
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir = 'dist', port = '8080'] = process.argv.slice(2);
  const server = await serve(dir, Number(port));
  console.log(`Candour is served at http://127.0.0.1:${server.address().port}/`);
  console.log('Press Ctrl+C to stop.');
}
