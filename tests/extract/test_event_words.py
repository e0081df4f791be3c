import pytest

from claimgraph.extract.event_words import HAPPENINGS, THINGS, first_listed
from claimgraph.extract.lexicon import type_lexicon
from claimgraph.model import EVENT_TYPES


def test_event_words_first_listed_keeps_the_first_list():
    assert first_listed({"strike": ["blast", "shell"], "statement": ["blast"]}) == {"blast": "strike", "shell": "strike"}


def test_event_words_every_type_the_lexicon_gives_is_the_specs():
    lexicon = type_lexicon()
    pseudo = set(lexicon.by_patient) - set(EVENT_TYPES)  # "damage", "capture", "take": resolved by patient
    for tier in (HAPPENINGS, THINGS):
        assert set(lexicon.words[tier].values()) - {None} <= set(EVENT_TYPES) | pseudo  # None: an idiom
    outcomes = {t for rule in lexicon.by_patient.values() for t in (*rule.patients.values(), rule.otherwise)}
    assert outcomes - {None} <= set(EVENT_TYPES)
    patient_names = {c for rule in lexicon.by_patient.values() for c in rule.patients}
    assert patient_names <= set(EVENT_TYPES) | set(lexicon.patient_classes)
    assert set(lexicon.agent_first) | set(lexicon.descriptive_types) <= set(EVENT_TYPES)


def test_event_words_lexicon_is_built_once_and_read_only():
    lexicon = type_lexicon()
    assert type_lexicon() is lexicon
    with pytest.raises(TypeError):
        lexicon.words[HAPPENINGS]["shelling"] = "other"
    with pytest.raises(TypeError):
        next(iter(lexicon.by_patient.values())).patients["people"] = "other"
