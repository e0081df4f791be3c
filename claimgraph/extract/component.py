"""The shape every claimgraph spaCy component shares: match, then set annotations."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc


class Component:
    """``__call__`` runs ``match`` then ``set_annotations``; subclasses define both."""

    def __call__(self, doc: Doc) -> Doc:
        matches = self.match(doc)
        self.set_annotations(doc, matches)
        return doc

    def match(self, doc: Doc) -> Any:
        raise NotImplementedError

    def set_annotations(self, doc: Doc, matches: Any) -> None:
        raise NotImplementedError
