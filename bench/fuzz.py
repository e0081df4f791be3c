"""Fuzzing: the suite's property tests (Hypothesis), run again and again with new seeds and
many more examples, for as long as asked (10 minutes by default).

The targets are the readers on any bytes, the date and quantity resolvers on any phrase, and
the HTTP API's list endpoints on any query parameters over SQLite and PostgreSQL (tests/
strategies.py says what is drawn).  Each round is one pytest run with the "fuzz" profile
(tests/conftest.py) and a fresh seed; a failing round prints Hypothesis's smallest example.

    .venv/bin/python bench/fuzz.py [--minutes 10] [--json]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TARGETS = [
    "tests/read/test_read.py::test_read_any_bytes_give_documents_or_named_failures",
    "tests/resolve/test_times.py::test_times_any_expression_is_a_span_or_unresolved",
    "tests/resolve/test_quantities.py::test_quantities_any_phrase_parses_to_ordered_bounds",
    "tests/interfaces/test_api.py::test_api_any_query_answers_200_or_422",
]
EXAMPLES = re.compile(r"during generate phase[^\n]*\n[^\n]*\n\s*- (\d+) passing")


def one_round(seed: int) -> tuple[int, str | None]:
    """(examples run, the failure's report or None) of one pytest run."""
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--hypothesis-profile=fuzz",
                           f"--hypothesis-seed={seed}", "--hypothesis-show-statistics", *TARGETS],
                          cwd=REPO, capture_output=True, text=True)
    examples = sum(int(count) for count in EXAMPLES.findall(done.stdout))
    return examples, (None if done.returncode == 0 else done.stdout[-4000:])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON line (bench/run)")
    options = parser.parse_args()
    deadline, started = time.monotonic() + 60 * options.minutes, time.monotonic()
    rounds, examples, failures = 0, 0, []
    while time.monotonic() < deadline:
        seed = random.randrange(2**32)
        count, failure = one_round(seed)
        rounds, examples = rounds + 1, examples + count
        if failure:
            failures.append(seed)
            print(f"seed {seed} failed:\n{failure}", file=sys.stderr)
    minutes = (time.monotonic() - started) / 60
    figures = [{"name": "fuzzing time", "value": round(minutes, 1), "unit": "min", "target": ">= 10 min"},
               {"name": "rounds (4 targets, fresh seed each)", "value": rounds, "unit": "", "target": ""},
               {"name": "examples run", "value": examples, "unit": "", "target": ""},
               {"name": "failing rounds", "value": len(failures), "unit": "", "target": "0"}]
    if options.json:
        print(json.dumps({"figures": figures}))
    else:
        for figure in figures:
            print(f"{figure['name']:<40}{figure['value']:>10} {figure['unit']}")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
