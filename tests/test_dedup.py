"""Near-duplicate detection with MinHash LSH; the seed is read from ../shared at run time."""

from __future__ import annotations

import re

import pytest

from claimgraph.dedup import NearDuplicateIndex, shingles
from claimgraph.read import read_bytes

OWN_INTRO = ("Kyiv has sent troops across the border for a fifth day, and the fighting around the border "
             "towns shows no sign of easing, officials and military bloggers on both sides say.")
OWN_SENTENCE = "Nobody outside the government has been able to check this figure so far."
UNRELATED = ("The city council approved a new budget for road repairs on Tuesday after a long debate about "
             "potholes. Residents had complained for months about the bridges over the river, and the mayor "
             "promised that works would start in spring. Opposition members said the plan was too small. ") * 3
SAME_TOPIC = ("Russian officials said their forces had stopped the advance in the border region and destroyed "
              "several armoured vehicles. The defence ministry published footage it said showed strikes on "
              "columns near the frontier. Independent confirmation of either side's account was not available. ") * 3


def read_text(raw: str, settings) -> str:
    [document] = read_bytes(raw.encode("utf-8"), "copy.txt", settings)
    return document.text


@pytest.fixture
def seed_text(seed_path) -> str:
    return seed_path.read_text(encoding="utf-8")


@pytest.fixture
def index(seed_text, settings) -> NearDuplicateIndex:
    index = NearDuplicateIndex(threshold=settings.near_duplicate_threshold)
    index.add("seed", index.signature(read_text(seed_text, settings)))
    return index


def first_sentence_of_paragraph(text: str, paragraph: int) -> str:
    paragraphs = [p for p in text.splitlines() if p.strip()]
    return re.match(r".+?[.!?](?=\s|$)", paragraphs[paragraph]).group(0)


def test_dedup_new_header_and_one_changed_sentence_is_found(index, seed_text, settings):
    header = seed_text.splitlines()[0]
    copy = seed_text.replace(header, "date 2024-08-10 Report by Anna Smith")
    copy = copy.replace(first_sentence_of_paragraph(seed_text, 2), OWN_SENTENCE)
    assert copy != seed_text
    [(doc_id, similarity)] = index.find(index.signature(read_text(copy, settings)))
    assert doc_id == "seed" and similarity >= index.threshold


def test_dedup_syndicated_copy_with_new_intro_is_found(index, seed_text, settings):
    copy = seed_text.replace(first_sentence_of_paragraph(seed_text, 1), OWN_INTRO)
    assert [doc_id for doc_id, _ in index.find(index.signature(read_text(copy, settings)))] == ["seed"]


@pytest.mark.parametrize("text", [UNRELATED, SAME_TOPIC])
def test_dedup_unrelated_texts_are_not_found(index, text):
    assert index.find(index.signature(text)) == []


def test_dedup_signature_is_bytes_and_round_trips():
    first, second = NearDuplicateIndex(), NearDuplicateIndex()
    signature = first.signature(UNRELATED)
    assert isinstance(signature, bytes) and len(signature) == 4 * (first.num_perm + 1)  # values, then the count
    assert signature == second.signature(UNRELATED)  # same text, same signature, in any process
    second.add("a", bytes(signature))
    assert second.find(signature) == [("a", 1.0)]


def test_dedup_results_are_sorted_best_first():
    index = NearDuplicateIndex(threshold=0.5)
    text = UNRELATED[: len(UNRELATED) // 3] + SAME_TOPIC[: len(SAME_TOPIC) // 3]  # no repeated sentences
    index.add("close", index.signature(text.rsplit(". ", 2)[0]))
    index.add("exact", index.signature(text))
    hits = index.find(index.signature(text))
    assert [doc_id for doc_id, _ in hits] == ["exact", "close"] and hits[0][1] > hits[1][1]


def test_dedup_add_is_idempotent_and_checks_signature_size():
    index = NearDuplicateIndex(num_perm=64)
    signature = index.signature(SAME_TOPIC)
    index.add("a", signature)
    index.add("a", signature)
    assert len(index) == 1 and "a" in index
    with pytest.raises(ValueError, match="num_perm"):
        index.find(NearDuplicateIndex(num_perm=128).signature(SAME_TOPIC))


def test_dedup_empty_text_matches_nothing():
    index = NearDuplicateIndex()
    index.add("empty", index.signature(""))
    assert index.find(index.signature("  ")) == []


def test_dedup_shingles_ignore_case_punctuation_and_quotes():
    assert shingles("\u201cTroops  advanced,\u201d he said today.") == shingles('"troops advanced" He said today')
    assert shingles("two words") == {b"two words"}


def test_dedup_a_wire_story_with_its_own_header_intro_and_boilerplate_is_a_copy(index, seed_text, settings):
    body = seed_text.split("\n", 1)[1]
    boilerplate = ("Share this article with friends and colleagues. Follow our newsroom on every social network "
                   "for the latest updates. Subscribe to the morning briefing, delivered before breakfast each day. "
                   "Related stories: farmers count the cost of a dry summer; the harbour reopens after repairs; "
                   "a new library opens in the old post office; the regional orchestra plans a winter tour; "
                   "students protest over rising rents; a record crowd watches the cup final; the weather office "
                   "warns of early frost in the hills; the council debates parking fees near the market square; "
                   "a local bakery wins a national prize; volunteers clean the river banks after the floods.")
    copy = f"date 2024-08-10 News by Danube Daily\n\n{OWN_INTRO}\n\n{body}\n\n{boilerplate}"
    found = index.find(index.signature(read_text(copy, settings)))
    assert [doc_id for doc_id, _ in found] == ["seed"] and found[0][1] < index.threshold


def test_dedup_a_signature_stored_without_its_shingle_count_still_reads(index, seed_text, settings):
    from claimgraph.dedup import contained

    full = index.signature(read_text(seed_text, settings))
    assert index.find(full[:-4])[0][0] == "seed"  # a signature stored before the count was kept
    assert contained(0.55, 300, 290) > 0.6 > contained(0.22, 300, 290) and contained(0.5, None, 300) == 0.0
