"""ParagraphBoundaries: a blank line always ends a sentence.

Runs before the parser, which keeps boundaries that are already set.  News text puts
headlines, block quotes and embedded posts on lines of their own; without this the
small parser glues them to the next paragraph.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .component import Component


class ParagraphBoundaries(Component):
    """Mark the first token after a line break as a sentence start."""

    def __init__(self, *, min_newlines: int = 1) -> None:
        self.min_newlines = min_newlines

    def match(self, doc: Doc) -> list[int]:
        """Indices of tokens that follow a line break."""
        return [
            token.i + 1
            for token in doc[:-1]
            if (token.text + token.whitespace_).count("\n") >= self.min_newlines
            and not doc[token.i + 1].is_space
        ]

    def set_annotations(self, doc: Doc, starts: list[int]) -> None:
        for index in starts:
            doc[index].is_sent_start = True


@Language.factory("claimgraph_paragraphs_v1", default_config={"min_newlines": 1})
def make_paragraph_boundaries(nlp: Language, name: str, min_newlines: int) -> ParagraphBoundaries:
    return ParagraphBoundaries(min_newlines=min_newlines)
