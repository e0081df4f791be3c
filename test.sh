#!/usr/bin/env bash
# Set up and run every test: unit tests, then the slower ones (spaCy model, PostgreSQL,
# Chromium, Dask) and the accuracy gate where ../shared/eval is present.
set -euo pipefail
cd "$(dirname "$0")"
./setup.sh --test
.venv/bin/python -m pytest "$@"
