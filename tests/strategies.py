"""Hypothesis strategies for hostile input, shared by the property tests and bench/fuzz.py.

Text never holds lone surrogates where it must travel as UTF-8 (a URL, a file); elsewhere it
holds anything Python can."""

from __future__ import annotations

from hypothesis import strategies as st

from claimgraph.model import EVENT_STATUSES, EVENT_TYPES, SIDES, STATUSES

# Characters an attacker can send: anything but the halves of surrogate pairs.
CHARACTERS = st.characters(blacklist_categories=("Cs",))
HOSTILE = st.sampled_from(["\x00", "a\x00b", "' OR 1=1 --", "ŝ", "%", "\\", "😀", "\u202e", "..", "../etc/passwd",
                           "<script>", "9223372036854775808", "-0", "NaN", "1e400", " ", ""])
ANY_TEXT = st.one_of(HOSTILE, st.text(CHARACTERS, max_size=60))
NUMBER_WORDS = st.sampled_from(["two", "a dozen", "dozens of", "hundreds of", "tens of thousands of", "1,5", "0.5",
                                "99999999999999999999", "1e400", "-3", "between 5 and", "up to", "about", "½"])
MONTHS = st.sampled_from(["January", "February", "Feb.", "September", "Sept", "December", "Smarch"])


@st.composite
def date_expressions(draw) -> str:
    """Time phrases of every shape the resolver reads, with numbers that may be impossible."""
    day, year = draw(st.integers(-5, 99)), draw(st.integers(0, 99999))
    shapes = [f"{draw(MONTHS)} {day}, {year}", f"{day} {draw(MONTHS)}", f"{year}-{day}-{draw(st.integers(-1, 99))}",
              f"between {draw(MONTHS)} {day} and {draw(st.integers(-5, 99))}", f"since {draw(MONTHS)} {day}",
              f"{draw(st.integers(0, 10**20))} {draw(st.sampled_from(['days', 'weeks', 'years', 'hours']))} ago",
              f"in {draw(st.integers(0, 10**20))} days", f"the past {draw(NUMBER_WORDS)} months",
              f"last {draw(st.sampled_from(['week', 'month', 'year', 'Friday']))}",
              f"the night of {day} to {draw(st.integers(-5, 99))} {draw(MONTHS)}", f"overnight into {draw(MONTHS)} {day}",
              f"late on {draw(MONTHS)} {day}, {year}", f"{draw(st.integers(0, 10**20))} days later", draw(ANY_TEXT)]
    return draw(st.sampled_from(shapes))


RUSSIAN_MONTHS = st.sampled_from(["января", "феврале", "августа", "декабре", "мартобря"])
RUSSIAN_NUMBERS = st.sampled_from(["двое", "несколько сотен", "десятки", "1 200", "0,5", "99999999999999999999",
                                   "не менее", "до", "около", "-3", "½"])


@st.composite
def russian_time_phrases(draw) -> str:
    """Russian time and count phrases of every shape resolve/russian.py reads, numbers possibly impossible."""
    day, year = draw(st.integers(-5, 99)), draw(st.integers(0, 99999))
    shapes = [f"{day} {draw(RUSSIAN_MONTHS)} {year} года", f"в ночь на {day} {draw(RUSSIAN_MONTHS)}",
              f"в {draw(RUSSIAN_MONTHS)} {year} года", f"в {year} году", f"{draw(st.integers(0, 10**20))} дней назад",
              f"во {draw(st.sampled_from(['вторник', 'вторникк']))}",
              f"{draw(RUSSIAN_NUMBERS)} {draw(st.integers(-10**12, 10**30))} человек", draw(ANY_TEXT)]
    return draw(st.sampled_from(shapes)) + draw(ANY_TEXT)


@st.composite
def quantity_phrases(draw) -> str:
    unit = draw(st.sampled_from(["drones", "km", "square kilometres of territory", "residents", "", "%"]))
    return f"{draw(NUMBER_WORDS)} {draw(st.integers(-10**12, 10**30))} {unit}{draw(ANY_TEXT)}"


def api_values() -> st.SearchStrategy[dict]:
    """Query parameters of the list endpoints: good values, near misses and garbage."""
    integers = st.one_of(st.integers(-2**70, 2**70), st.integers(0, 600)).map(str)
    date = st.one_of(st.dates().map(str), ANY_TEXT)
    number = st.one_of(st.floats(allow_nan=True, allow_infinity=True), st.integers(-400, 400)).map(str)
    choices = {
        "limit": st.one_of(integers, ANY_TEXT), "offset": st.one_of(integers, ANY_TEXT),
        "status": st.one_of(st.sampled_from(STATUSES + EVENT_STATUSES), ANY_TEXT),
        "event_type": st.one_of(st.sampled_from(EVENT_TYPES), ANY_TEXT),
        "side": st.one_of(st.sampled_from(SIDES), ANY_TEXT), "source": ANY_TEXT,
        "date_from": date, "date_to": date, "q": ANY_TEXT, "document_id": ANY_TEXT, "event_id": ANY_TEXT,
        "bbox": st.one_of(st.lists(number, min_size=3, max_size=5).map(",".join), ANY_TEXT),
    }
    return st.fixed_dictionaries({}, optional=choices)


def file_contents() -> st.SearchStrategy[bytes]:
    """Bytes a reader may be handed: raw bytes, or damaged markup, feeds, JSON lines and WARC heads."""
    pieces = st.sampled_from([
        b"<html><body><p>", b"</p>", b"<div>" * 300, b"<?xml version='1.0'?><rss><channel><item><description>",
        b"</description></item>", b"&#xD800;", b"&#0;", b"&amp;", b"\x00", b"\xff\xfe", b"\xef\xbb\xbf",
        b'{"text": "', b'"}\n', b"\\u0000", b"\\ud800", b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 9\r\n\r\n",
        b"date 2024-02-30 Report by A B\n\n", b"The ferry sailed on February 30, 2024, officials said. ",
        b"\x1f\x8b\x08", b"\n\n", b" ",
    ])
    return st.one_of(st.binary(max_size=300), st.lists(st.one_of(pieces, st.binary(max_size=12)), max_size=25).map(b"".join),
                     st.text(CHARACTERS, max_size=300).map(lambda text: text.encode("utf-8")))
