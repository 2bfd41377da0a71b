#!/usr/bin/env bash
# Builds the release app and serves dist/ on 127.0.0.1, printing the address.
# Usage: scripts/serve.sh [PORT]   (default 8080)
source "$(dirname "$0")/tools.sh"
ensure_build_tools
build_release
exec node "$ROOT/scripts/static-server.mjs" "$ROOT/dist" "${1:-8080}"
