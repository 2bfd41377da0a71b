#!/usr/bin/env bash
# The benchmark (not a test): builds the release app and prints figures.
# Usage: scripts/bench.sh
source "$(dirname "$0")/tools.sh"
ensure_build_tools
build_release
say "Sizes of dist/ (raw, gzip -9, brotli -q 11)"
node "$ROOT/scripts/bench/sizes.mjs" "$ROOT/dist"
ensure_chromium
say "Browser figures (headless Chromium; 1x and 4x CPU throttling)"
node "$ROOT/scripts/bench/browser.mjs" "$ROOT/dist"
say "Storage figures (headless Chromium): record size, start-up and export read with 5,000 and 10,000 records"
node "$ROOT/scripts/bench/storage.mjs" "$ROOT/dist"
say "Export of 1,000 and 10,000 stored records (every format)"
node "$ROOT/scripts/bench/export.mjs" "$ROOT/dist"
say "Export and merge natively (cargo run --release --example export_bench)"
(cd "$ROOT" && cargo run --quiet --release --example export_bench)
