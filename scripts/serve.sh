#!/usr/bin/env bash
# Builds the release app and serves dist/, printing the address(es).
# Usage: scripts/serve.sh [PORT]         http on 127.0.0.1 only (default port 8080)
#        scripts/serve.sh --lan [PORT]   https on the local network (default 8443),
#                                        with a certificate made on this computer
#                                        (scripts/lan-server.mjs; README: "Serving from
#                                        a laptop on the clinic network")
source "$(dirname "$0")/tools.sh"
lan=no
if [ "${1:-}" = "--lan" ]; then
  lan=yes
  shift
fi
ensure_build_tools
build_release
if [ "$lan" = yes ]; then
  exec node "$ROOT/scripts/lan-server.mjs" "$ROOT/dist" "${1:-8443}"
fi
exec node "$ROOT/scripts/static-server.mjs" "$ROOT/dist" "${1:-8080}"
