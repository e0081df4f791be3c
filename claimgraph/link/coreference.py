"""Within-document event coreference: the claims of one article that describe one happening.

An article introduces a happening once ("Ukrainian units had crossed the border") and then
points back to it ("took part in the assault", "had repelled the attack", "the advance had been
halted").  Extraction types such clauses differently (other, armed clash, strike, territorial
change) and their own words fit different events, so linked one by one they scattered over
several events.  A claim that points back with a definite description joins the nearest
earlier claim close by that introduced such a thing (the `references` of linking.yaml); the
linker then places each group as one (cluster.py): within the document first, then across
documents, as event-coreference systems do.
"""

from __future__ import annotations

from typing import Optional, Sequence

from claimgraph.link.events import document_of
from claimgraph.link.features import ClaimFeatures, text_around
from claimgraph.link.rules import PLACE_KIND, References


def document_groups(claims: Sequence[ClaimFeatures], references: References) -> list[list[ClaimFeatures]]:
    """The claims grouped by happening within each document; most claims form a group of one."""
    by_document: dict[str, list[ClaimFeatures]] = {}
    for claim in claims:
        by_document.setdefault(document_of(claim.claim.id), []).append(claim)
    groups = []
    for members in by_document.values():
        article = ArticleGroups(references)
        for claim in sorted(members, key=lambda member: member.claim.span):
            article.add(claim)
        groups += article.groups
    return groups


def paragraph_number(claim: ClaimFeatures) -> int:
    return text_around(claim.claim, claim.document).count("\n\n", 0, claim.claim.sentence_span[0])


def kinds_pointed_to(claim: ClaimFeatures, references: References) -> set[str]:
    """What the claim's definite descriptions point back to; "the town of Sudzha" names its
    town, so a claim naming one points back to no town."""
    kinds = {references.kinds[word.lower()] for word in references.pointer.findall(claim.claim.text)
             if word.lower() in references.kinds}
    return kinds - {PLACE_KIND} if claim.place_names else kinds


def introduces(claim: ClaimFeatures, kinds: set[str], references: References) -> bool:
    """Does the claim introduce a thing of one of these kinds (a town, for PLACE_KIND)?"""
    return any(bool(claim.place_names) if kind == PLACE_KIND else bool(references.introduced_by[kind].search(
        claim.claim.text)) for kind in kinds)


class ArticleGroups:
    """One article's claims, added in text order, grouped by the happening they describe."""

    def __init__(self, references: References):
        self.references = references
        self.groups: list[list[ClaimFeatures]] = []
        self.earlier: list[tuple[ClaimFeatures, int, list[ClaimFeatures]]] = []  # (claim, paragraph, its group)

    def add(self, claim: ClaimFeatures) -> None:
        paragraph = paragraph_number(claim)
        group = self.antecedent_group(claim, paragraph)
        if group is None:
            group = []
            self.groups.append(group)
        group.append(claim)
        self.earlier.append((claim, paragraph, group))

    def antecedent_group(self, claim: ClaimFeatures, paragraph: int) -> Optional[list[ClaimFeatures]]:
        """The group of the nearest earlier claim, at most `paragraphs_back` paragraphs back,
        that introduced what the claim points back to, about the same town if it names one."""
        kinds = kinds_pointed_to(claim, self.references)
        if not kinds:
            return None
        for candidate, candidate_paragraph, group in reversed(self.earlier):
            if paragraph - candidate_paragraph > self.references.paragraphs_back:
                return None
            if introduces(candidate, kinds, self.references) and about_same_town(claim, group):
                return group
        return None


def about_same_town(claim: ClaimFeatures, group: list[ClaimFeatures]) -> bool:
    """"The bridge at Glushkovo" after a bridge near Zvannoe is another bridge."""
    towns = set().union(*(member.place_names for member in group))
    return not (claim.place_names and towns) or bool(claim.place_names & towns)
