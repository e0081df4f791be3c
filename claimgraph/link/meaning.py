"""What a claim says, as a static sentence embedding: the mean of its word pieces' vectors.

Words tell linking that two reports share a place and a topic; they do not tell that "76,000
people have left" and "the attack was repelled" say different things in the same paragraph.
The vectors were distilled offline from the sentence model all-MiniLM-L6-v2 with model2vec
(`bench/distill_meaning.py` makes the file and says how); here they are only looked up, so
linking needs no torch, no tokenizer library and no network.  Text is cut into word pieces
the way that model's (BERT uncased) tokenizer does: lower case, accents removed, punctuation
split off, then the longest known piece first.
"""

from __future__ import annotations

import math
import re
import unicodedata
from functools import lru_cache
from itertools import chain
from pathlib import Path
from typing import Optional

import numpy as np

WORD_OR_MARK = re.compile(r"[^\W_]+|[^\w\s]|_", re.UNICODE)
PIECE_PREFIX = "##"
LONGEST_WORD = 100  # longer "words" are unknown to the tokenizer, as in BERT


def plain_words(text: str) -> list[str]:
    """Lower-cased words and punctuation marks ("Ryl’sk" -> ryl, ’, sk)."""
    return WORD_OR_MARK.findall(text.lower())


def without_accents(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word)
    return "".join(c for c in decomposed if unicodedata.category(c) != "Mn")


class MeaningModel:
    """Word-piece vectors (float16 on disk) and the pieces' ids."""

    def __init__(self, path: Path):
        with np.load(path) as data:
            self.vectors = data["vectors"].astype(np.float32)
            self.ids = {piece: number for number, piece in enumerate(data["pieces"].tolist())}
        self.dimensions = self.vectors.shape[1]
        self.pieces = lru_cache(maxsize=65536)(self._pieces)  # a corpus repeats a small vocabulary

    def _pieces(self, word: str) -> tuple[int, ...]:
        """Greedy longest-match pieces of the word without accents; () when some part is unknown
        (the model skips it)."""
        word = without_accents(word)
        if len(word) > LONGEST_WORD:
            return ()
        found, start = [], 0
        while start < len(word):
            number = self._longest_piece(word, start)
            if number is None:
                return ()
            found.append(number[0])
            start = number[1]
        return tuple(found)

    def _longest_piece(self, word: str, start: int) -> Optional[tuple[int, int]]:
        """(piece id, where it ends) of the longest known piece starting at `start`."""
        prefix = PIECE_PREFIX if start else ""
        for end in range(len(word), start, -1):
            number = self.ids.get(prefix + word[start:end])
            if number is not None:
                return number, end
        return None

    def vector(self, text: str) -> Optional[np.ndarray]:
        """Unit-length mean of the text's piece vectors; None when no piece is known."""
        ids = list(chain.from_iterable(map(self.pieces, plain_words(text))))
        if not ids:
            return None
        total = np.add.reduce(self.vectors.take(ids, axis=0))  # the mean's direction
        norm = length(total)
        return total / norm if norm else None


def length(vector: np.ndarray) -> float:
    return math.sqrt(float(vector @ vector))  # cheaper than np.linalg.norm on short vectors


@lru_cache(maxsize=2)
def load_meaning(path: Path) -> MeaningModel:
    return MeaningModel(path)
