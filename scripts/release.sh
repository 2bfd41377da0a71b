#!/usr/bin/env bash
# Builds the release app and packs it for any static web host:
#   release/candour-<version>-<build>.zip          (one folder of that name inside)
#   release/candour-<version>-<build>.zip.sha256   (its SHA-256, for sha256sum -c)
# Unpack the ZIP and upload the files inside its folder to any https static
# host, at the root of an address or in any folder below it.
# Usage: scripts/release.sh [OUT]   (default: release/)
source "$(dirname "$0")/tools.sh"
ensure_build_tools
build_release
exec node "$ROOT/scripts/package-release.mjs" "$ROOT/dist" "${1:-$ROOT/release}"
