from claimgraph.link import link_claims
from claimgraph.link.coreference import document_groups
from claimgraph.link.features import features
from claimgraph.link.rules import load_rules
from claimgraph.model import Claim, Document
from tests.link.factories import claim, town

RULES = load_rules()


def article(doc_id: str, paragraphs: list[str], clauses: list[tuple[str, str]],
            towns: tuple[str, ...] = ()) -> tuple[dict[str, Document], list[Claim]]:
    """A document of `paragraphs` and its claims: (clause, event type), each clause found in
    the text; `towns` are tagged where the text names them."""
    text = "\n\n".join(paragraphs)
    places = [town(name).model_copy(update={"span": (text.index(name), text.index(name) + len(name))})
              for name in towns]
    doc = Document(id=doc_id, text=text, published="2024-08-07", places=places)
    claims = []
    for number, (clause, event_type) in enumerate(clauses):
        start = text.index(clause)
        after_stop = text.rfind(".", 0, start) + 1
        before = text[after_stop:start]
        sentence = (after_stop + len(before) - len(before.lstrip()), text.index(".", start) + 1)
        claims.append(claim(f"{doc_id}:{number}", clause, event_type).model_copy(
            update={"span": (start, start + len(clause)), "sentence_span": sentence}))
    return {doc_id: doc}, claims


def grouped_texts(docs: dict[str, Document], claims: list[Claim]) -> list[list[str]]:
    groups = document_groups([features(c, docs, RULES) for c in claims], RULES.references)
    return sorted(sorted(member.claim.text for member in group) for group in groups)


def test_coreference_the_attack_points_back_to_the_crossing():
    docs, claims = article("a1", [
        "The ministry said Ukrainian units had crossed the border overnight.",
        "It said border guards had repelled the attack. Putin called it a provocation.",
    ], [("Ukrainian units had crossed the border overnight", "other"),
        ("border guards had repelled the attack", "strike"),
        ("Putin called it a provocation", "statement")])
    assert grouped_texts(docs, claims) == [
        ["Putin called it a provocation"],
        ["Ukrainian units had crossed the border overnight", "border guards had repelled the attack"]]


def test_coreference_reaches_back_only_a_few_paragraphs():
    def groups_with_paragraphs_between(count: int) -> int:
        docs, claims = article("a1", ["Ukrainian units had crossed the border overnight."]
                               + ["Residents left."] * count + ["The ministry said the attack was repelled."],
                               [("Ukrainian units had crossed the border overnight", "other"),
                                ("the attack was repelled", "strike")])
        return len(grouped_texts(docs, claims))

    reach = RULES.references.paragraphs_back
    assert groups_with_paragraphs_between(reach - 1) == 1
    assert groups_with_paragraphs_between(reach) == 2


def test_coreference_a_bridge_at_another_town_is_another_bridge():
    docs, claims = article("a1", [
        "A bridge near Zvannoe was struck. The structure is badly damaged. The bridge at Glushkovo fell on Friday.",
    ], [("A bridge near Zvannoe was struck", "strike"), ("The structure is badly damaged", "other"),
        ("The bridge at Glushkovo fell on Friday", "strike")], towns=("Zvannoe", "Glushkovo"))
    assert grouped_texts(docs, claims) == [
        ["A bridge near Zvannoe was struck", "The structure is badly damaged"],
        ["The bridge at Glushkovo fell on Friday"]]


def test_coreference_the_town_points_back_to_a_named_town_but_not_as_a_possessive():
    docs, claims = article("a1", [
        "Sudzha had been retaken. Troops were seen leaving the centre of the town. "
        "The town's gas station stopped work in January.",
    ], [("Sudzha had been retaken", "territorial_change"), ("Troops were seen leaving the centre of the town", "other"),
        ("The town's gas station stopped work in January", "infrastructure")], towns=("Sudzha",))
    assert grouped_texts(docs, claims) == [
        ["Sudzha had been retaken", "Troops were seen leaving the centre of the town"],
        ["The town's gas station stopped work in January"]]


def test_coreference_claims_grouped_in_an_article_are_linked_as_one_event():
    paragraphs = ["Ukrainian units had crossed the border near Tolpino.", "Soldiers took part in {} assault."]
    clauses = [("Ukrainian units had crossed the border near Tolpino", "territorial_change")]
    pointing_back = article("a1", [paragraphs[0], paragraphs[1].format("the")],
                            clauses + [("Soldiers took part in the assault", "prisoners")])
    new_one = article("a1", [paragraphs[0], paragraphs[1].format("an")],
                      clauses + [("Soldiers took part in an assault", "prisoners")])
    assert len(link_claims(pointing_back[1], pointing_back[0])) == 1
    assert len(link_claims(new_one[1], new_one[0])) == 2  # types of different groups, few shared words
