"""The extension attributes claimgraph's spaCy components write on a Doc.

All values are JSON-serialisable and use token offsets into the Doc:

- ``doc._.cg_attributions``: list of dicts, one per attribution::

      {"source": [start, end] | None, "name": str, "cue": [start, end] | None,
       "content": [start, end], "frame": [[start, end], ...], "source_kind": str | None,
       "kind": "speech" | "stance" | "according" | "block" | "post" | "headline"}

  ``name`` is the source as the document names it, after coreference
  ("the Zelensky adviser" -> the adviser named earlier); ``frame`` are the token ranges
  that only attribute (source, cue, "From X:" line, post signature) and belong to no claim.
- ``doc._.cg_claims``: list of dicts, one per proposition, in text order::

      {"start": int, "end": int, "head": int, "subject": [start, end] | None,
       "tokens": [int, ...],  # the claim's own words (its scope)
       "status": str | None, "status_cues": [[start, end], ...], "event_type": str,
       "negated": bool, "evidence": [dict], "loaded": [dict]}

- ``doc.spans["claims"]`` mirrors ``cg_claims`` as spans; ``doc.spans["cg_times"]``,
  ``doc.spans["cg_quantities"]`` and ``doc.spans["cg_places"]`` hold mentions.
"""

from __future__ import annotations

from spacy.tokens import Doc

DOC_EXTENSIONS = ("cg_attributions", "cg_claims")


def register() -> None:
    """Register the Doc extensions once per process."""
    for name in DOC_EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
