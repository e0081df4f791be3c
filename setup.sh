#!/usr/bin/env bash
# Set up claimgraph in ./.venv with the pinned dependencies (idempotent; offline afterwards).
#   ./setup.sh          the product (and Pango, a Debian package, for the PDF report)
#   ./setup.sh --test   the same plus Chromium (Debian package) for the browser tests
# requirements.lock pins every package, test tools included, with the sha256 of each wheel.
# They are installed as listed (--no-deps: the lock is the whole set, so pip resolves nothing
# and fetches nothing else) with --require-hashes; `pip check` then confirms the set is whole,
# and the spaCy pipeline installed is checked against its record
# (claimgraph/extract/models/spacy_model.yaml).
set -euo pipefail
cd "$(dirname "$0")"

python=${PYTHON:-$(command -v python3.11 || command -v python3)}
[ -x .venv/bin/python ] || "$python" -m venv .venv
pip=(.venv/bin/python -m pip --disable-pip-version-check -q)

"${pip[@]}" install --require-hashes --no-deps -r requirements.lock
"${pip[@]}" install --no-deps -e .
"${pip[@]}" check
.venv/bin/python -m claimgraph.extract.model_check

# The PDF report (WeasyPrint, in requirements.lock) draws text with Pango, a system library.
if ! ldconfig -p 2>/dev/null | grep -q libpangoft2-1.0 && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "setup: installing Pango (Debian packages) for the PDF report" >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libpango-1.0-0 libpangoft2-1.0-0 >/dev/null
fi

if [ "${1:-}" = "--test" ]; then
  if ! command -v chromium >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    echo "setup: installing Chromium (Debian package) for the browser tests" >&2
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  fi
fi
