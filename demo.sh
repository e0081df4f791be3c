#!/usr/bin/env bash
# The main job on the embedded default: ingest the bundled sample corpus into ./claimgraph.db
# (SQLite), link its claims into events, and write the situation report.
set -euo pipefail
cd "$(dirname "$0")"
./setup.sh
cg=.venv/bin/claimgraph
$cg ingest samples/kursk/articles --db sqlite:///claimgraph.db
$cg report --db sqlite:///claimgraph.db --format md --output report.md
$cg report --db sqlite:///claimgraph.db --format html --output report.html
$cg stats --db sqlite:///claimgraph.db
cat <<'DONE'

Done. Read the situation report in report.md (or open report.html), or explore the ledger:
  .venv/bin/claimgraph serve        # map, timeline and claim cards on http://127.0.0.1:8000/
  .venv/bin/claimgraph export --format geojson -o claims.geojson
DONE
