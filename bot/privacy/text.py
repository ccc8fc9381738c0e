"""Words with their positions, and the spans of text that redaction replaces."""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int
    capitalised: bool  # "Jess", "JESS" (unless the whole message is in capitals)

    @property
    def norm(self) -> str:
        """Lower case without apostrophes: "I'm" → "im", "O'Brien" → "obrien"."""
        return self.text.lower().replace("'", "").replace("’", "")

    @property
    def base(self) -> str:
        """`norm` without a possessive: "Sam's" → "sam"."""
        text = self.text.lower()
        if text.endswith(("'s", "’s")) and len(text) > 3:
            text = text[:-2]
        return text.replace("'", "").replace("’", "")

    @property
    def is_word(self) -> bool:
        return self.text[0].isalpha()


def tokenize(text: str) -> list[Token]:
    shouting = not any(char.islower() for char in text)  # capitals then say nothing about names
    return [
        Token(match.group(), match.start(), match.end(), not shouting and match.group()[0].isupper())
        for match in _WORD.finditer(text)
    ]


@dataclass(frozen=True)
class Span:
    """A piece of `text[start:end]` to replace with `replacement`."""

    start: int
    end: int
    kind: str  # name | handle | email | phone | nhs_number | address | postcode | date_of_birth | social_url | form_group | number
    replacement: str
    # Found through a strong cue ("my name is Harlow"): wins over the protected vocabulary.
    overrides_vocabulary: bool = False

    def overlaps(self, start: int, end: int) -> bool:
        return self.start < end and start < self.end


# When spans overlap the longer one wins ("@kacper.nowak_2011" over the name "kacper"); between
# spans of the same length, the earlier kind here.
PRIORITY = (
    "social_url", "email", "spelled_email", "nhs_number", "phone", "postcode", "date_of_birth", "address",
    "handle", "form_group", "name", "number",
)
# Kinds that a protected word (a place, a school, a service) can veto: the others have shapes
# (digits, @, dots) that no place or service name has.
VETOED_BY_VOCABULARY = frozenset({"name", "address", "handle", "form_group"})


def choose(candidates: Iterable[Span], protected: list[tuple[int, int]]) -> list[Span]:
    """Non-overlapping spans, longest first (then by kind); spans touching protected words dropped."""
    chosen: list[Span] = []
    ranked = sorted(candidates, key=lambda span: (span.start - span.end, PRIORITY.index(span.kind), span.start))
    for span in ranked:
        if span.kind in VETOED_BY_VOCABULARY and not span.overrides_vocabulary and any(
            span.overlaps(start, end) for start, end in protected
        ):
            continue
        if not any(span.overlaps(other.start, other.end) for other in chosen):
            chosen.append(span)
    return sorted(chosen, key=lambda span: span.start)


def apply(text: str, spans: list[Span]) -> str:
    """`spans` sorted and not overlapping."""
    pieces, position = [], 0
    for span in spans:
        pieces.append(text[position:span.start])
        pieces.append(span.replacement)
        position = span.end
    pieces.append(text[position:])
    return "".join(pieces)
