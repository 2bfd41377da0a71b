// The app's origin for the engine tests: scripts/static-server.mjs on
// 127.0.0.1, with a switch that takes the origin off the network for real.
//
// No engine offers the same way to cut the network (WebDriver classic has
// none at all), so "offline" is done where it is the same for every engine:
// while the switch is on, every request that reaches the origin is dropped
// unanswered (its connection reset), as when the tablet has lost its
// network. The server records what it answered and what it dropped, so a
// test can tell what came from the network, what the app's own stored copy
// answered, and what the engine still tried to fetch.
import { serve } from '../../../scripts/static-server.mjs';

/**
 * Serves `dir` on 127.0.0.1 (a free port). Returns `{ origin, requests,
 * dropped, setOffline(on), close() }`: `requests` lists the paths answered
 * and `dropped` the paths asked for while offline, in order.
 */
export async function startOrigin(dir) {
  const server = await serve(dir, 0);
  const origin = `http://127.0.0.1:${server.address().port}`;
  const sockets = new Set();
  const requests = [];
  const dropped = [];
  let offline = false;
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  // The static server's handler runs only while online.
  const answer = server.listeners('request');
  server.removeAllListeners('request');
  server.on('request', (req, res) => {
    const path = new URL(req.url, origin).pathname;
    if (offline) {
      dropped.push(path);
      req.socket.destroy();
      return;
    }
    requests.push(path);
    for (const handler of answer) handler.call(server, req, res);
  });
  return {
    origin,
    requests,
    dropped,
    /** Cuts (true) or restores (false) the network between browser and origin. */
    setOffline(on) {
      offline = on;
      // Connections kept alive from before would otherwise still be used.
      if (on) for (const socket of sockets) socket.destroy();
    },
    close() {
      for (const socket of sockets) socket.destroy();
      return new Promise((ok) => server.close(ok));
    },
  };
}
