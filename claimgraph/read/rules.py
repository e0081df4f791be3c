"""The reader's rule files (``read/data/*.yaml``) as typed, frozen rules, built once per process."""

from __future__ import annotations

import re
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, Mapping

from claimgraph.rules import typed_rules


@dataclass(frozen=True)
class ProseRule:
    """A text is not prose when most of it stands in runs longer than ``long_run_chars``."""
    long_run_chars: int
    most_in_long_runs: float


@dataclass(frozen=True)
class FormatRules:
    """formats.yaml: how a format is told from the content (and the name), and what prose is."""
    feed_roots: frozenset[str]
    html_tags: tuple[str, ...]
    html_tags_needed: int
    extensions: Mapping[str, str]
    block_tags: frozenset[str]
    non_text_tags: frozenset[str]
    prose: ProseRule


@dataclass(frozen=True)
class HeaderRules:
    """headers.yaml: header lines, a headline with its byline, and datelines."""
    max_lines: int  # non-blank lines at the top searched for header lines
    headline_max_words: int
    lines: tuple[re.Pattern[str], ...]  # each matched against a whole line, placeholders filled
    date_formats: tuple[str, ...]  # strptime formats of a header's date
    not_names: frozenset[str]  # lower-cased first words that are no author's ("By Monday")
    dateline: re.Pattern[str]  # the wire dateline opening the text
    opener: re.Pattern[str]  # a dateline or heading opening any paragraph, ended by a dash


@dataclass(frozen=True)
class EncodingRules:
    """encodings.yaml: the encodings tried on bytes that are not UTF-8, and the noise allowed."""
    candidates: tuple[str, ...]
    max_chaos: float


@dataclass(frozen=True)
class NormaliseRules:
    """normalise.yaml: characters replaced before a text is hashed."""
    replace: Mapping[str, str]
    # one pattern of every character to replace: str.translate with a dict looks up every
    # character and was the slowest step of hashing a document
    pattern: re.Pattern[str]


def format_rules() -> FormatRules:
    return typed_rules("claimgraph.read", "data/formats.yaml", _format_rules)


def header_rules() -> HeaderRules:
    return typed_rules("claimgraph.read", "data/headers.yaml", _header_rules)


def encoding_rules() -> EncodingRules:
    return typed_rules("claimgraph.read", "data/encodings.yaml", _encoding_rules)


def normalise_rules() -> NormaliseRules:
    return typed_rules("claimgraph.read", "data/normalise.yaml", _normalise_rules)


def _format_rules(raw: dict[str, Any]) -> FormatRules:
    return FormatRules(
        feed_roots=frozenset(raw["feed_roots"]), html_tags=tuple(raw["html_tags"]),
        html_tags_needed=int(raw["html_tags_needed"]), extensions=MappingProxyType(dict(raw["extensions"])),
        block_tags=frozenset(raw["block_tags"]), non_text_tags=frozenset(raw["non_text_tags"]),
        prose=ProseRule(int(raw["prose"]["long_run_chars"]), float(raw["prose"]["most_in_long_runs"])),
    )


def _header_rules(raw: dict[str, Any]) -> HeaderRules:
    fill = _placeholders(raw)
    return HeaderRules(
        max_lines=int(raw["max_lines"]), headline_max_words=int(raw["headline_max_words"]),
        lines=tuple(re.compile(line.format(**fill), re.IGNORECASE) for line in raw["lines"]),
        date_formats=tuple(raw["date_formats"]), not_names=frozenset(raw["not_names"]),
        dateline=re.compile(raw["dateline_pattern"]), opener=re.compile(raw["opener_pattern"]),
    )


def _placeholders(raw: dict[str, Any]) -> dict[str, str]:
    """What ``{date}``, ``{genre}``, ``{words}`` and ``{name}`` stand for in a header line pattern."""
    genres = sorted(raw["genres"], key=len, reverse=True)  # longest first: "guest post" before "post"
    return {
        "date": f"(?P<date>{raw['date_pattern']})",
        "genre": "(?P<genre>" + "|".join(re.escape(g).replace(r"\ ", r"\s+") for g in genres) + ")",
        "words": r"(?P<genre>[A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*){0,3}?)",
        # names are recognised by their capitals, so case matters inside them
        # a name may come in quotation marks (a channel's name: by "Southern Front Notes")
        "name": f"[\"“]?(?P<author>(?-i:{raw['name_pattern']}))[\"”]?",
    }


def _encoding_rules(raw: dict[str, Any]) -> EncodingRules:
    return EncodingRules(candidates=tuple(raw["candidates"]), max_chaos=float(raw["max_chaos"]))


def _normalise_rules(raw: dict[str, Any]) -> NormaliseRules:
    table = MappingProxyType(dict(raw["replace"]))
    return NormaliseRules(replace=table, pattern=re.compile("|".join(map(re.escape, table))))
