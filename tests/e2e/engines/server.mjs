// The app's origin for the engine tests: scripts/static-server.mjs on
// 127.0.0.1, with a switch that takes the origin off the network for real.
//
// No engine offers the same way to cut the network (WebDriver classic has
// none at all), so "offline" is done where it is the same for every engine:
// while the switch is on, every connection to the origin is reset the moment
// it opens, as when the tablet has lost its network. The server counts those
// attempts and records every request it answered, so a test can tell what
// came from the network and what from the app's own stored copy.
import { serve } from '../../../scripts/static-server.mjs';

/**
 * Serves `dir` on 127.0.0.1 (a free port). Returns `{ origin, requests,
 * refused, setOffline(on), close() }`: `requests` lists the paths answered,
 * in order; `refused` counts connections reset while offline.
 */
export async function startOrigin(dir) {
  const server = await serve(dir, 0);
  const origin = `http://127.0.0.1:${server.address().port}`;
  const sockets = new Set();
  const state = { offline: false, refused: 0 };
  const requests = [];
  server.on('connection', (socket) => {
    if (state.offline) {
      state.refused += 1;
      socket.destroy();
      return;
    }
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('request', (req) => requests.push(new URL(req.url, origin).pathname));
  return {
    origin,
    requests,
    get refused() { return state.refused; },
    /** Cuts (true) or restores (false) the network between browser and origin. */
    setOffline(on) {
      state.offline = on;
      // Connections kept alive from before would still carry requests.
      if (on) for (const socket of sockets) socket.destroy();
    },
    close() {
      for (const socket of sockets) socket.destroy();
      return new Promise((ok) => server.close(ok));
    },
  };
}
