#!/usr/bin/env bash
# The benchmark (not a test): builds the release app and prints figures for
# issues 9 and 15, each beside its budget, over-budget ones marked OVER.
# Usage: scripts/bench.sh
source "$(dirname "$0")/tools.sh"
ensure_build_tools
ensure_twiggy
build_release
say "Sizes of dist/ (raw, gzip -9, brotli -q 11)"
node "$ROOT/scripts/bench/sizes.mjs" "$ROOT/dist"

# The shipped wasm is stripped, so the breakdown needs a second build that
# keeps its names, in its own target dir (the release one stays as built),
# put through wasm-bindgen and wasm-opt as Trunk does (its flags are read
# from index.html); -g keeps the names without changing the code.
say "Size of the wasm by crate and function (twiggy, names-kept build)"
NAMES="$ROOT/target/bench-names"
(cd "$ROOT" && CARGO_PROFILE_RELEASE_STRIP=false CARGO_TARGET_DIR="$NAMES" \
  cargo build --quiet --release --target wasm32-unknown-unknown -p candour-tablet --bin candour-tablet)
wasm-bindgen --target web --no-typescript --out-dir "$NAMES/bg" --out-name candour \
  "$NAMES/wasm32-unknown-unknown/release/candour-tablet.wasm"
read -r -a OPT_PARAMS <<< "$(grep -o 'data-wasm-opt-params="[^"]*"' "$ROOT/index.html" | cut -d'"' -f2)"
wasm-opt -Oz -g "${OPT_PARAMS[@]}" "$NAMES/bg/candour_bg.wasm" -o "$NAMES/candour-names.wasm"
node "$ROOT/scripts/bench/wasm-breakdown.mjs" "$TOOLS/bin/twiggy" "$NAMES/candour-names.wasm" 25

ensure_chromium
say "Browser figures (headless Chromium; 1x and 4x CPU throttling)"
node "$ROOT/scripts/bench/browser.mjs" "$ROOT/dist"
say "Sealing at Send (headless Chromium; 1x and 4x CPU): the sealed entry, and the Send tap with and without a research key"
node "$ROOT/scripts/bench/sealing.mjs" "$ROOT/dist"
say "Researcher PIN (headless Chromium; 1x and 4x CPU): unlock, setting the PIN, the key derivation, frames while unlocking"
node "$ROOT/scripts/bench/unlock.mjs" "$ROOT/dist"
say "Storage figures (headless Chromium): record size, start-up, export read and wasm memory with 5,000 and 10,000 records"
node "$ROOT/scripts/bench/storage.mjs" "$ROOT/dist"
say "Export of 1,000 and 10,000 stored records (each step, and every format)"
node "$ROOT/scripts/bench/export.mjs" "$ROOT/dist"
say "Workbench and command-line tool: open and write every file for 10,000 records"
node "$ROOT/scripts/bench/workbench.mjs" "$ROOT/dist"
say "Sealed responses: the workbench opens 1,000 and 10,000 sealed records; the key's Argon2id; natively too"
node "$ROOT/scripts/bench/workbench-sealed.mjs" "$ROOT/dist"
say "Export and merge natively (cargo run --release --example export_bench)"
(cd "$ROOT" && cargo run --quiet --release --example export_bench)
