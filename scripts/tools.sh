# Installs (if missing) and puts on PATH every tool the build and tests need,
# each pinned. Sourced by serve.sh, test.sh and bench.sh; quick when all is there.
#
# Pins live in one place each: trunk below; wasm-bindgen-cli from Cargo.lock;
# binaryen (wasm-opt), playwright-core, puppeteer-core and axe-core from
# package-lock.json; Chromium, WebKitGTK and Firefox ESR are Debian's.

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS="$ROOT/.tools"
TRUNK_VERSION="0.21.14"
export PATH="$TOOLS/bin:$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

# The wasm-bindgen version the app links against, read from the lockfile so
# that the CLI can never drift from the library.
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock"
}

ensure_wasm_target() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "Adding the wasm32-unknown-unknown target (one time)"
    rustup target add wasm32-unknown-unknown
  fi
}

ensure_trunk() {
  if [ "$("$TOOLS/bin/trunk" --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
    say "Installing trunk $TRUNK_VERSION into .tools (one time, several minutes)"
    cargo install trunk --version "$TRUNK_VERSION" --locked --root "$TOOLS"
  fi
}

ensure_wasm_bindgen() {
  local want
  want="$(wasm_bindgen_version)"
  if [ -z "$want" ]; then
    echo "Cargo.lock names no wasm-bindgen version; run 'cargo generate-lockfile'." >&2
    return 1
  fi
  if [ "$("$TOOLS/bin/wasm-bindgen" --version 2>/dev/null)" != "wasm-bindgen $want" ]; then
    say "Installing wasm-bindgen-cli $want into .tools (one time, about 5 minutes)"
    # --locked fails for this crate (a locked dependency is missing upstream).
    cargo install wasm-bindgen-cli --version "$want" --root "$TOOLS" --force
  fi
}

ensure_npm_packages() {
  local stamp="$ROOT/node_modules/.candour-lock"
  local want
  want="$(sha256sum "$ROOT/package-lock.json" | cut -d' ' -f1)"
  if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    say "Installing npm packages from package-lock.json (binaryen, playwright-core, puppeteer-core, axe-core)"
    (cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error)
    echo "$want" > "$stamp"
  fi
  # Trunk checks wasm-opt's version; hand it the one package-lock.json pins.
  local binaryen
  binaryen="$(node -p "require('$ROOT/node_modules/binaryen/package.json').version")"
  export TRUNK_TOOLS_WASM_OPT="version_${binaryen%%.*}"
}

ensure_chromium() {
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    say "Installing Chromium and ChromeDriver from Debian (one time)"
    if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
    $SUDO apt-get update -q
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q chromium chromium-driver
  fi
  export CHROMEDRIVER="$(command -v chromedriver)"
}

# Installs Debian packages by name (apt), for the browsers and statistics
# programs the tests drive.
apt_install() {
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q "$@"
}

# R and PSPP, which run the exported R and SPSS syntax in the native tests
# (crates/analysis/tests/syntax_runs.rs): Debian's r-base-core and pspp.
ensure_stats_tools() {
  if ! command -v Rscript >/dev/null || ! command -v pspp >/dev/null; then
    say "Installing R and PSPP from Debian (one time)"
    apt_install --no-install-recommends r-base-core pspp
  fi
}

# WebKit for the engine tests: Debian's WebKitGTK MiniBrowser, driven by
# WebKitWebDriver (package webkit2gtk-driver), on a virtual X display (xvfb).
ensure_webkit() {
  if ! command -v WebKitWebDriver >/dev/null || ! command -v Xvfb >/dev/null \
    || ! ls /usr/lib/*/webkit2gtk-4.1/MiniBrowser >/dev/null 2>&1; then
    say "Installing WebKitGTK's WebDriver, MiniBrowser and Xvfb from Debian (one time)"
    apt_install webkit2gtk-driver xvfb xauth
  fi
}

# Firefox for the engine tests: Debian's firefox-esr, driven over WebDriver
# BiDi by puppeteer-core (pinned in package-lock.json; it downloads nothing).
ensure_firefox() {
  if ! command -v firefox-esr >/dev/null; then
    say "Installing Firefox ESR from Debian (one time)"
    apt_install firefox-esr
  fi
}

# twiggy, for the benchmark's size breakdown by crate and function. Its
# binary calls itself twiggy-opt in --version.
TWIGGY_VERSION="0.8.0"
ensure_twiggy() {
  if [ "$("$TOOLS/bin/twiggy" --version 2>/dev/null)" != "twiggy-opt $TWIGGY_VERSION" ]; then
    say "Installing twiggy $TWIGGY_VERSION into .tools (one time, a few minutes)"
    cargo install twiggy --version "$TWIGGY_VERSION" --locked --root "$TOOLS"
  fi
}

# Everything needed to build the release app.
ensure_build_tools() {
  ensure_wasm_target
  ensure_npm_packages
  ensure_trunk
  ensure_wasm_bindgen
}

# The release build, offline: Trunk must never download anything. Three
# pages (the participant's, the staff area and the workbench), one Trunk
# build each (into its own folder under target/pages), then
# scripts/assemble.mjs puts them together into dist/ with the CSP of each
# page and the one service worker that precaches them all.
build_release() {
  local pages="$ROOT/target/pages" page
  for page in index staff workbench; do
    say "Building $page.html (trunk build --release --offline $page.html)"
    (cd "$ROOT" && trunk build --release --offline=true "$page.html" --dist "$pages/$page")
  done
  node "$ROOT/scripts/assemble.mjs" "$ROOT/dist" \
    "index.html=$pages/index" "staff.html=$pages/staff" "workbench.html=$pages/workbench"
}
