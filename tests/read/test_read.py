"""The package entry points: read_paths / read_bytes over good and bad inputs."""

from __future__ import annotations

import io
import sys
from collections import Counter
from pathlib import Path

from hypothesis import HealthCheck, given
from hypothesis import settings as examples

from claimgraph.model import Document, ReadFailure
from claimgraph.read import read_bytes, read_paths
from claimgraph.read.normalise import document_id
from tests.read.support import build_warc, split_results as split
from tests.strategies import file_contents


def file_of(origin: str) -> str:
    return Path(origin.split("#", 1)[0]).name


def test_read_every_good_fixture_is_read(good_dir, warc_file, settings):
    documents, failures = split(read_paths([good_dir, warc_file], settings))
    assert failures == []
    formats = Counter(d.format for d in documents)
    assert formats == {"text": 2, "html": 1, "jsonl": 2, "feed": 3, "warc": 2}
    assert {file_of(d.origin) for d in documents} == {p.name for p in good_dir.iterdir()} | {warc_file.name}
    assert all(d.text.strip() and len(d.id) == 16 for d in documents)


def test_read_each_bad_file_gives_one_failure_naming_it(bad_dir, settings):
    documents, failures = split(read_paths([bad_dir], settings))
    per_file = Counter(file_of(f.origin) for f in failures)
    assert per_file == {p.name: 1 for p in bad_dir.iterdir()}
    assert all(str(bad_dir) in f.origin and "\n" not in f.message for f in failures)
    assert {file_of(d.origin) for d in documents} == {"bad-line.jsonl"}


def test_read_failure_messages_say_what_is_wrong(bad_dir, settings):
    _, failures = split(read_paths([bad_dir], settings))
    messages = {file_of(f.origin): f.message for f in failures}
    assert "offset 64" in messages["invalid-utf8.txt"] and "UTF-8" in messages["invalid-utf8.txt"]
    assert messages["empty.txt"] == "empty file"
    assert "binary" in messages["binary.bin"]
    assert "no extractable text" in messages["broken.html"]
    assert "well-formed" in messages["broken.rss"]
    assert "JSON" in messages["bad-line.jsonl"]


def test_read_bad_jsonl_line_is_named_by_line_number(bad_dir, settings):
    _, failures = split(read_paths([bad_dir / "bad-line.jsonl"], settings))
    assert [f.origin for f in failures] == [f"{bad_dir / 'bad-line.jsonl'}#line 2"]


def test_read_truncated_warc_gives_one_failure(tmp_path, page_html, settings):
    whole = build_warc({"https://a.example/1": page_html, "https://a.example/2": page_html})
    path = tmp_path / "cut.warc"
    path.write_bytes(whole[: len(whole) - 300])
    documents, failures = split(read_paths([path], settings))
    assert len(documents) == 1 and len(failures) == 1
    assert failures[0].origin.startswith(str(path)) and "truncated" in failures[0].message


def test_read_file_over_size_limit_is_refused_before_reading(tmp_path, settings, monkeypatch):
    path = tmp_path / "big.txt"
    path.write_text("word " * 100)
    monkeypatch.setattr(Path, "read_bytes", lambda self: (_ for _ in ()).throw(AssertionError("read")))
    _, failures = split(read_paths([path], settings.with_(max_file_bytes=100)))
    assert len(failures) == 1 and "max_file_bytes" in failures[0].message and failures[0].origin == str(path)


def test_read_missing_path_is_a_failure(tmp_path, settings):
    _, failures = split(read_paths([tmp_path / "nope.txt"], settings))
    assert [f.origin for f in failures] == [str(tmp_path / "nope.txt")]


def test_read_folder_is_recursive_sorted_and_skips_hidden(tmp_path, settings):
    for name in ("b/two.txt", "a.txt", "b/a/one.txt", ".hidden.txt", ".git/config.txt", "b/.secret.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(f"Some words about {name} for the reader test.")
    documents, _ = split(read_paths([tmp_path], settings))
    names = [Path(d.origin).relative_to(tmp_path).as_posix() for d in documents]
    assert names == ["a.txt", "b/a/one.txt", "b/two.txt"]


def test_read_dash_reads_stdin(monkeypatch, settings):
    stdin = io.TextIOWrapper(io.BytesIO(b"By Anna Smith\n\nA convoy reached the city on Friday, officials said."))
    monkeypatch.setattr(sys, "stdin", stdin)
    documents, _ = split(read_paths(["-"], settings))
    assert [(d.origin, d.author) for d in documents] == [("<stdin>", "Anna Smith")]


def test_read_bytes_never_raises_on_odd_input(settings):
    odd_inputs = [b"\xff\xfe\x00", b"   \n\t", b"{\n", b"<p></p>", b"WARC/1.0", b"\x1f\x8b\x08", b"<rss>", b"<html></html>"]
    for data in odd_inputs:
        results = list(read_bytes(data, "odd", settings))
        assert len(results) == 1 and isinstance(results[0], ReadFailure), data


def test_read_bytes_accepts_utf16_text(settings):
    data = "A ferry crossed the bay on Monday, the port said.".encode("utf-16")
    documents, failures = split(read_bytes(data, "memo.txt", settings))
    assert failures == [] and documents[0].text.startswith("A ferry")


@examples(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=file_contents())
def test_read_any_bytes_give_documents_or_named_failures(data, settings):
    for item in read_bytes(data, "fuzz.bin", settings):
        assert isinstance(item, (Document, ReadFailure))
        assert (item.origin or "").startswith("fuzz.bin")
        if isinstance(item, Document):
            assert item.text.strip() and item.id == document_id(item.text)
            item.text.encode("utf-8")  # storable: no lone surrogate
            assert "\x00" not in item.text
        else:
            assert item.message and "\n" not in item.message
