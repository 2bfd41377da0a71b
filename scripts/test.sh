#!/usr/bin/env bash
# Runs every test of Candour, installing what is missing first (pinned).
# Stops at the first failure and exits non-zero. Usage: scripts/test.sh
source "$(dirname "$0")/tools.sh"
cd "$ROOT"

LOG="$(mktemp -d)"
trap 'rm -rf "$LOG"' EXIT
started=$SECONDS

# Runs one step, prints its time, and keeps its output for the final count.
step() {
  local name="$1"
  shift
  local t0=$SECONDS
  say "$name"
  "$@" 2>&1 | tee "$LOG/$(echo "$name" | tr -c 'a-zA-Z0-9' _).log"
  local rc=${PIPESTATUS[0]}
  if [ "$rc" != 0 ]; then
    echo "FAILED: $name (exit $rc)" >&2
    exit "$rc"
  fi
  printf '    (%s: %ds)\n' "$name" $((SECONDS - t0)) >&2
}

t0=$SECONDS
ensure_build_tools
ensure_chromium
ensure_stats_tools
ensure_webkit
ensure_firefox
printf '    (tools ready: %ds)\n' $((SECONDS - t0)) >&2

step "cargo fmt --check" cargo fmt --all -- --check
step "clippy (host)" cargo clippy --workspace --all-targets --locked -- -D warnings
step "clippy (wasm32)" cargo clippy --workspace --all-targets --locked --target wasm32-unknown-unknown -- -D warnings
step "native tests" cargo test --workspace --locked
step "browser tests (wasm-bindgen-test, headless Chromium)" \
  env CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  WASM_BINDGEN_TEST_WEBDRIVER_JSON="$ROOT/webdriver.json" \
  cargo test --locked --target wasm32-unknown-unknown -p candour-tablet --test browser
step "release build (participant page, staff page and workbench)" build_release
# Two test files at a time: each spends most of its time waiting on its
# browser, and every file has its own server, browser contexts and storage.
step "end-to-end tests (release build, headless Chromium, two files at a time)" \
  node --test --test-concurrency=2 tests/e2e/
# The core set again in the other engines clinics' tablets run (iPads are
# WebKit), through the engine-neutral layer of tests/e2e/engines/: both
# engines side by side, for the same reason.
engine_sets() {
  local engine pids=() rc=0
  for engine in webkit firefox; do
    CANDOUR_ENGINE="$engine" node --test --test-concurrency=1 tests/e2e/engines/*.core.mjs \
      >"$LOG/engine-$engine.out" 2>&1 &
    pids+=("$!")
  done
  for pid in "${pids[@]}"; do
    wait "$pid" || rc=1
  done
  for engine in webkit firefox; do
    echo "--- $engine"
    cat "$LOG/engine-$engine.out"
  done
  return "$rc"
}
step "end-to-end core set (release build, WebKit and Firefox side by side)" engine_sets

passed=$(cat "$LOG"/*.log | sed -nE 's/^test result: ok\. ([0-9]+) passed.*/\1/p; s/^# pass ([0-9]+)$/\1/p' | awk '{ s += $1 } END { print s + 0 }')
failed=$(cat "$LOG"/*.log | sed -nE 's/^test result: .* ([0-9]+) failed.*/\1/p; s/^# fail ([0-9]+)$/\1/p' | awk '{ s += $1 } END { print s + 0 }')
printf 'All test steps passed in %ds.\n' $((SECONDS - started))
echo "candour: ${passed:-0} passed, ${failed:-0} failed"
