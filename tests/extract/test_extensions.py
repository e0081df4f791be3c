"""The spaCy components' contract (extensions.py) holds in the package source: each declared
annotation is written by its one writer and read by its readers, none is undeclared, and each
field of the two record types is written by one module and read by another."""

from __future__ import annotations

import ast
import re
from collections import defaultdict
from pathlib import Path
from typing import get_type_hints

from claimgraph.extract.extensions import (
    ANNOTATIONS, DOC_ATTRIBUTE, SPAN_GROUP, AttributionRecord, ClaimRecord,
)

PACKAGE = Path(__file__).resolve().parents[2] / "claimgraph"
SPAN_GROUP_NAME = re.compile(r"cg_\w+")


def parsed_modules() -> dict[str, ast.Module]:
    """Every module of the package by its dotted name under claimgraph (``extract.convert``)."""
    return {".".join(path.relative_to(PACKAGE).with_suffix("").parts): ast.parse(path.read_text("utf-8"))
            for path in PACKAGE.rglob("*.py")}


def extract_name(module: str) -> str:
    return module.removeprefix("extract.")


def doc_attribute_uses(tree: ast.Module) -> tuple[set[str], set[str]]:
    """Names written and read as ``X._.NAME``."""
    written, read = set(), set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Attribute) and node.value.attr == "_":
            (written if isinstance(node.ctx, ast.Store) else read).add(node.attr)
    return written, read


def writes_span_groups(tree: ast.Module) -> bool:
    return any(isinstance(node, ast.Subscript) and isinstance(node.ctx, ast.Store)
               and isinstance(node.value, ast.Attribute) and node.value.attr == "spans" for node in ast.walk(tree))


def name_constants(tree: ast.Module) -> set[str]:
    """String constants that are a whole name (docstrings and messages are not)."""
    return {node.value for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value.isidentifier()}


def annotation_uses() -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """Per annotation name, the extract modules writing it and those reading it."""
    writers, readers = defaultdict(set), defaultdict(set)
    for module, tree in parsed_modules().items():
        if module == "extract.extensions":
            continue
        written, read = doc_attribute_uses(tree)
        groups = {c for c in name_constants(tree) if SPAN_GROUP_NAME.fullmatch(c)}
        for name in written | (groups if writes_span_groups(tree) else set()):
            writers[name].add(extract_name(module))
        for name in read | (set() if writes_span_groups(tree) else groups):
            readers[name].add(extract_name(module))
    return writers, readers


def test_extensions_each_annotation_written_by_its_writer_and_read_by_its_readers():
    writers, readers = annotation_uses()
    for annotation in ANNOTATIONS:
        assert writers[annotation.name] == {annotation.writer}, annotation.name
        assert annotation.readers and set(annotation.readers) <= readers[annotation.name] - {annotation.writer}, \
            annotation.name


def test_extensions_none_used_undeclared():
    writers, readers = annotation_uses()
    declared = {a.name for a in ANNOTATIONS}
    assert set(writers) | set(readers) <= declared


def test_extensions_declare_where_each_lives():
    assert {a.where for a in ANNOTATIONS} == {DOC_ATTRIBUTE, SPAN_GROUP}
    assert all(a.name.startswith("cg_") for a in ANNOTATIONS)


def subscript_keys(tree: ast.Module) -> tuple[set[str], set[str]]:
    """Keys written (dict literal keys, ``x["key"] = ...``) and read (``x["key"]``, ``x.get("key")``)."""
    written, read = set(), set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Dict):
            written |= {k.value for k in node.keys if isinstance(k, ast.Constant)}
        elif isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Constant):
            (written if isinstance(node.ctx, ast.Store) else read).add(node.slice.value)
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "get" \
                and node.args and isinstance(node.args[0], ast.Constant):
            read.add(node.args[0].value)
    return written, read


def test_extensions_each_record_field_written_by_one_module_and_read_by_another():
    modules = {extract_name(m): subscript_keys(t) for m, t in parsed_modules().items() if m.startswith("extract.")}
    for record in (ClaimRecord, AttributionRecord):
        for field in get_type_hints(record):
            writing = {m for m, (written, _) in modules.items() if field in written}
            reading = {m for m, (_, read) in modules.items() if field in read}
            assert writing, f"{record.__name__}.{field} is written nowhere"
            assert reading - writing, f"{record.__name__}.{field} is read by no module but those writing it"
