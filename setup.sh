#!/usr/bin/env bash
# Set up claimgraph in ./.venv with the pinned dependencies (idempotent; offline afterwards).
#   ./setup.sh          the product
#   ./setup.sh --test   the same plus Chromium (Debian package) for the browser tests
# requirements.lock pins every package, test tools included (pip freeze of a working setup).
set -euo pipefail
cd "$(dirname "$0")"

python=${PYTHON:-$(command -v python3.11 || command -v python3)}
[ -x .venv/bin/python ] || "$python" -m venv .venv
pip=(.venv/bin/python -m pip --disable-pip-version-check -q)

"${pip[@]}" install -r requirements.lock
"${pip[@]}" install --no-deps -e .

if [ "${1:-}" = "--test" ]; then
  if ! command -v chromium >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    echo "setup: installing Chromium (Debian package) for the browser tests" >&2
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  fi
fi
