// The key worker's loader (the workbench starts it as ./key-worker.js):
// loads the worker's WebAssembly (crates/key-worker, which Trunk builds
// beside the workbench as candour-key-worker.js and
// candour-key-worker_bg.wasm, names without a hash), which then posts
// "ready". If the WebAssembly does not load, it posts why, in place of
// "ready": a failed promise in a worker reaches no error handler of the
// page, which would otherwise wait for ever.
importScripts('./candour-key-worker.js');
wasm_bindgen({ module_or_path: './candour-key-worker_bg.wasm' }).catch((error) => {
  self.postMessage(`failed: ${(error && error.message) || error}`);
});
