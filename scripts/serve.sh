#!/usr/bin/env bash
# Build the release app and serve it on http://127.0.0.1:8080/ (PORT=... to change).
#   scripts/serve.sh                                # at the site root
#   scripts/serve.sh --prefix /tools/creditdesk/    # as if hosted in a sub-folder
# Uses tests/serve.mjs (static files, the precompressed .br/.gz, SPA fallback for deep links), the
# same server the end-to-end tests use, rather than `trunk serve`, which would rebuild and inject
# a live-reload script.
set -euo pipefail
# shellcheck source=scripts/setup.sh
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh" --no-browser   # cds to the repo root

PORT="${PORT:-8080}"
PREFIX="/"
[ "${1:-}" = "--prefix" ] && PREFIX="${2:?--prefix needs a path like /tools/creditdesk/}"
PREFIX="/${PREFIX#/}"; PREFIX="${PREFIX%/}/"

step "release build (scripts/build.sh)"
scripts/build.sh

step "serve dist/"
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; }
port_open && die "port $PORT is already in use (set PORT=... to use another)"
node tests/serve.mjs dist "$PORT" --prefix "$PREFIX" &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT   # replaces setup's trap: build steps are done
trap 'exit 130' INT TERM                          # Ctrl-C: leave via the EXIT trap
for _ in $(seq 100); do  # wait up to 10 s until it listens (or has died)
  port_open && break
  kill -0 "$server" 2>/dev/null || break
  sleep 0.1
done
port_open || { echo "FAILED: serve dist/ (server did not start)" >&2; exit 1; }
echo
echo "Creditdesk is running at http://127.0.0.1:$PORT$PREFIX   (Ctrl-C to stop)"
wait "$server"
