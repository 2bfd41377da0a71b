// What every engine test file shares: the app's origin (the release build,
// served on 127.0.0.1 with an offline switch) and the engine named by
// CANDOUR_ENGINE, started once per file; each test opens its own fresh
// browser profile, closed when the test ends.
import { after, before } from 'node:test';
import { DIST } from '../harness.mjs';
import { Page, launch } from './driver.mjs';
import { startOrigin } from './server.mjs';

/** The engine this run tests. */
export const ENGINE = process.env.CANDOUR_ENGINE ?? 'webkit';

/** A test name that says which engine it ran in. */
export const named = (what) => `${ENGINE}: ${what}`;

/**
 * Registers the file's set-up and tear-down; returns `{ engine, origin,
 * open(t, path, options) }`. `open` gives a fresh profile at `path`.
 */
export function useEngine() {
  const env = {};
  before(async () => {
    env.origin = await startOrigin(DIST);
    env.engine = await launch(ENGINE);
  });
  after(async () => {
    // Differences the engine's accessibility layer showed (not failures).
    for (const note of env.engine?.notes ?? []) console.log(`note: ${note}`);
    try {
      await env.engine?.stop();
    } finally {
      await env.origin?.close();
    }
  });
  env.open = async (t, path = '/', options = {}) => {
    const page = await Page.open(env.engine, env.origin, path, options);
    t.after(() => page.closeBrowser());
    return page;
  };
  return env;
}
