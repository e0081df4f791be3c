"""Digest pages (resolve/digest.py): each dated item is dated on its own."""

from __future__ import annotations

from datetime import date

from claimgraph.resolve.digest import DigestItems

PAGE = ("Frontline roundup\n\n5 August 2022\nShelling hit the depot. Yesterday a drone fell.\n\n"
        "Saturday, August 6 — 14:30\nThe mayor said two died.\n")


def test_digest_each_item_is_dated_by_its_heading():
    items = DigestItems(PAGE, date(2022, 8, 8))
    assert items.time_at(PAGE.index("Shelling")).start == "2022-08-05"
    assert items.time_at(PAGE.index("The mayor")).start == "2022-08-06"
    assert items.anchor_at(PAGE.index("Yesterday"), date(2022, 8, 8)) == date(2022, 8, 5)
    assert items.time_at(PAGE.index("Frontline")) is None  # above the first item


def test_digest_one_dated_line_is_no_digest():
    text = "5 August 2022\nShelling hit the depot on Friday.\n"
    items = DigestItems(text, date(2022, 8, 8))
    assert items.time_at(text.index("Shelling")) is None
    assert items.anchor_at(text.index("Shelling"), date(2022, 8, 8)) == date(2022, 8, 8)


def test_digest_a_line_that_only_looks_like_a_date_is_no_heading():
    text = "Section 5\nShelling went on.\nChapter 12\nThe mayor spoke.\n"
    assert DigestItems(text, date(2022, 8, 8)).headings == []
