"""Attributions whose unit is a line of text, not a parsed sentence (see attribution.py):

- post: a paragraph signed like an embedded social post, "… — Name (@handle) Month D, YYYY"
- signed: a quoted paragraph signed "“…” ― Name", at its end or on the line after it
- headline: a line "Name: words" (a news headline quoting Name)
- title: a title-case line "Name Vows To ..." whose cue the parser missed (read by word forms)
"""

from __future__ import annotations

import re
from typing import Iterable

from spacy.tokens import Doc, Span

from .token_ranges import Attribution, attribution_record, is_name_word, trim


def is_title_case(line: Span) -> bool:
    """Most words capitalised, as in a headline: "Sanders Vows To End Tax Breaks"."""
    words = [t for t in line if t.is_alpha and len(t) > 3]
    return len(words) >= 3 and sum(t.text[0].isupper() for t in words) >= 0.8 * len(words)


def title_cue(word: str, previous: str, verbs: set[str]) -> bool:
    """A headline verb form of a listed cue: "vows", "denies", or the bare verb after a plural
    ("Lawmakers Rip")."""
    forms = {word[:-1], word[:-2], word[:-3] + "y"} if word.endswith("s") else set()
    return bool(forms & verbs) or (word in verbs and previous.endswith("s") and len(previous) > 3)


class LineShapes:
    """Find the line-shaped attributions of a doc; the patterns come from attribution.yaml."""

    def __init__(self, *, social_post: re.Pattern[str], signed_quote: re.Pattern[str], signature: re.Pattern[str],
                 headline: re.Pattern[str], headline_labels: Iterable[str], title_verbs: Iterable[str]) -> None:
        self.social_post = social_post
        self.signed_quote = signed_quote
        self.signature = signature
        self.headline = headline
        self.headline_labels = set(headline_labels)
        self.title_verbs = set(title_verbs)

    def find(self, doc: Doc, found: list[Attribution]) -> list[Attribution]:
        """Posts, signed quotes and headlines, then title lines holding none of the cues found
        so far (in ``found`` or among these)."""
        lines = self._lines(doc)
        return lines + self._titles(doc, found + lines)

    def _lines(self, doc: Doc) -> list[Attribution]:
        """Line-shaped attributions: signed social posts and quotes, "Name: ..." headlines."""
        found, offset, previous = [], 0, (0, "")
        for line in doc.text.split("\n"):
            post = self.social_post.search(line)
            if post and post.start() > 0:
                found += self._post_record(doc, offset, post)
            found += self._signed_records(doc, offset, line, previous)
            headline = self.headline.match(line)
            if headline and headline.group("name").lower() not in self.headline_labels:
                found += self._headline_record(doc, offset, headline)
            previous = (offset, line) if line.strip() else previous
            offset += len(line) + 1
        return found

    def _titles(self, doc: Doc, found: list[Attribution]) -> list[Attribution]:
        """Title-case lines ("Sanders Vows To End Tax Breaks") where no cue was found: the
        parser reads capitalised verbs as names, so the cue is found by its word form, a
        listed verb with "-s" ("Vows"), or bare after a plural ("Lawmakers Rip")."""
        cues = {i for a in found for i in range(*a["cue"])}
        records, offset = [], 0
        for line in doc.text.split("\n"):
            span = doc.char_span(offset, offset + len(line), alignment_mode="contract") if line.strip() else None
            offset += len(line) + 1
            if span is not None and is_title_case(span) and not any(t.i in cues for t in span):
                records += self._title_record(span)
        return records

    def _title_record(self, line: Span) -> list[Attribution]:
        """The first cue word of a title line, its name run before it and the words after; or,
        when the cue ends the line after a comma ("Troops Shell Plant, Officials Say"), the
        words before the comma."""
        verbs = self.title_verbs
        for index, word in enumerate(line[1:], start=1):
            previous = line[index - 1]
            if not title_cue(word.lower_, previous.lower_, verbs):
                continue
            start = index
            while start > 0 and (line[start - 1].is_title or line[start - 1].like_num) and not line[start - 1].is_punct:
                start -= 1
            source, content = (line[start].i, word.i), trim(line.doc, word.i + 1, line.end)
            if start > 1 and line[start - 1].text == "," and content[1] <= content[0]:
                content = trim(line.doc, line.start, line[start - 1].i)
            if start == index or content[1] - content[0] < 2:
                return []
            return [attribution_record(source, (word.i, word.i + 1), content, "title", [(source[0], word.i + 1)])]
        return []

    def _signed_records(self, doc: Doc, offset: int, line: str, previous: tuple[int, str]) -> list[Attribution]:
        """A quoted paragraph signed by a dash and a name, "“…” ― Name", with the signature
        at its end or alone on the next line: the quotation has no cue verb, so the verb-led
        shapes never see it (reader comments, epigraphs)."""
        signed = self.signed_quote.match(line)
        if signed:
            groups = ("name", "cue", "content")
            return self._span_record(doc, "signed", *(offset + i for g in groups for i in signed.span(g)))
        signature = self.signature.match(line)
        quoted = self.signed_quote.match(previous[1] + " ― X")  # the line before, as if signed
        if not signature or not quoted or previous[0] + len(previous[1]) + 1 > offset:
            return []
        return self._span_record(doc, "signed", *(offset + i for g in ("name", "cue") for i in signature.span(g)),
                                 previous[0] + quoted.start("content"), previous[0] + quoted.end("content"))

    def _span_record(self, doc: Doc, kind: str, *chars: int) -> list[Attribution]:
        """A record from character offsets (source start, end, cue start, end, content start,
        end); none when a span falls outside the tokens."""
        spans = [doc.char_span(chars[i], chars[i + 1], alignment_mode="expand") for i in (0, 2, 4)]
        if any(span is None or not len(span) for span in spans):
            return []
        source, cue, content = (trim(doc, span.start, span.end) for span in spans)
        if source[1] <= source[0]:
            return []
        return [attribution_record(source, (spans[1].start, spans[1].end), content, kind, [(cue[0], source[1])])]

    def _headline_record(self, doc: Doc, offset: int, match: re.Match) -> list[Attribution]:
        spans = [doc.char_span(offset + match.start(g), offset + match.end(g), alignment_mode="expand")
                 for g in ("name", "cue", "content")]
        if any(span is None for span in spans):
            return []
        if not all(is_name_word(t) or t.is_punct for t in spans[0]):
            return []  # "Wow: ...", "The Latest: ...": a label, not a speaker
        source, cue, content = ((s.start, s.end) for s in spans)
        return [attribution_record(source, cue, trim(doc, *content), "headline", [(source[0], cue[1])])]

    def _post_record(self, doc: Doc, offset: int, match: re.Match) -> list[Attribution]:
        source = doc.char_span(offset + match.start("name"), offset + match.end("name"), alignment_mode="expand")
        content = doc.char_span(offset, offset + match.start(), alignment_mode="expand")
        signature = doc.char_span(offset + match.start(), offset + match.end(), alignment_mode="expand")
        if source is None or content is None or signature is None:
            return []
        cue = (signature.start, signature.start + 1)
        return [attribution_record((source.start, source.end), cue, trim(doc, content.start, content.end), "post",
                             [(signature.start, signature.end)])]
