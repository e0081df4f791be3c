"""Run every benchmark in its own process and print their figures in one table.

Each benchmark script prints, with `--json`, one JSON object on its last line of output:
{"figures": [{"name": …, "value": …, "unit": …, "target": "…"}, …]}.  The table shows the
machine it ran on, so figures copied into the README say where they come from.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
# (script, arguments): a script may run more than once, with other arguments
FULL = [
    ("extract_speed.py", []),
    ("dask_scale.py", []),
    ("link_scale.py", []),
    ("api_load.py", ["--workers", "2"]),
    ("api_load.py", ["--workers", "2", "--cache-seconds", "0"]),
    ("long_document.py", []),
    ("fuzz.py", ["--minutes", "10"]),
]
QUICK = [
    ("extract_speed.py", ["--limit", "20"]),
    ("dask_scale.py", ["--documents", "24", "--rounds", "1"]),
    ("link_scale.py", ["--sizes", "2000", "20000"]),
    ("api_load.py", ["--claims", "10000", "--seconds", "5"]),
    ("api_load.py", ["--claims", "10000", "--seconds", "5", "--cache-seconds", "0"]),
    ("long_document.py", ["--sizes", "50000"]),
    ("fuzz.py", ["--minutes", "0.5"]),
]


def machine() -> str:
    memory_gb = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, {memory_gb:.0f} GB, " \
           f"Python {platform.python_version()}, {platform.system()} {platform.release()}"


def run_one(script: str, args: list[str]) -> list[dict]:
    started = time.perf_counter()
    done = subprocess.run([sys.executable, str(BENCH / script), *args, "--json"], capture_output=True, text=True)
    if done.returncode != 0:
        return [{"name": f"{script} failed", "value": done.returncode, "unit": "exit code",
                 "target": done.stderr.strip().splitlines()[-1] if done.stderr.strip() else ""}]
    figures = json.loads(done.stdout.strip().splitlines()[-1])["figures"]
    print(f"  {script}: {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description="Run every benchmark and print one table.")
    parser.add_argument("--quick", action="store_true", help="smaller sizes (a smoke run, not the figures)")
    options = parser.parse_args()
    plan = QUICK if options.quick else FULL
    rows = [(script, figure) for script, args in plan for figure in run_one(script, args)]
    print(f"machine: {machine()}   date: {time.strftime('%Y-%m-%d')}")
    print(f"{'benchmark':<18}{'figure':<48}{'value':>12}  {'unit':<10}target")
    for script, figure in rows:
        value = figure["value"]
        shown = f"{value:.2f}" if isinstance(value, float) else str(value)
        print(f"{script.removesuffix('.py'):<18}{figure['name']:<48}{shown:>12}  {figure.get('unit', ''):<10}"
              f"{figure.get('target', '')}")


if __name__ == "__main__":
    main()
