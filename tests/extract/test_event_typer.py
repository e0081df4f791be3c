import pytest

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("text, event_type", [
    ("Marines captured the hill after a long march.", "territorial_change"),
    ("The brigade took forty prisoners.", "prisoners"),
    ("Fierce battles raged near the airport road.", "armed_clash"),
    ("Artillery destroyed a column of tanks.", "equipment_loss"),
    ("The spokesman declined to comment.", "statement"),
    ("The council met to discuss the school calendar.", "other"),
    ("The foreign minister condemned the missile strikes.", "statement"),
    ("The senator backed the new school budget.", "statement"),
    ("The mayor called for calm after the blast.", "request"),
    ("A firm called Northwind won the contract.", "other"),
    ("The army denied the shelling of the village.", "strike"),
    ("The two foreign ministers held talks in Vienna.", "diplomacy"),
])
def test_event_typer_trigger_lemmas(claims_of, text, event_type):
    assert claims_of(text)[0].event_type == event_type
