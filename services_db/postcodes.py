"""UK postcode shapes: full postcodes, outward codes (districts) and sectors."""
from __future__ import annotations

import re
from dataclasses import dataclass

# The 121 UK postcode areas: an outward code must start with one of them, so that
# words like "y9" or "yr10" are not taken for postcodes.
POSTCODE_AREAS = frozenset(
    """AB AL B BA BB BD BH BL BN BR BS BT CA CB CF CH CM CO CR CT CV CW DA DD DE DG DH DL
    DN DT DY E EC EH EN EX FK FY G GL GU GY HA HD HG HP HR HS HU HX IG IM IP IV JE KA KT
    KW KY L LA LD LE LL LN LS LU M ME MK ML N NE NG NN NP NR NW OL OX PA PE PH PL PO PR RG
    RH RM S SA SE SG SK SL SM SN SO SP SR SS ST SW SY TA TD TF TN TQ TR TS TW UB W WA WC
    WD WF WN WR WS WV YO ZE""".split()
)

_FULL = re.compile(r"\b([A-Z]{1,2}[0-9][A-Z0-9]?)\s*([0-9])([A-Z]{2})\b", re.IGNORECASE)
_OUTWARD = re.compile(r"\b([A-Z]{1,2}[0-9][A-Z0-9]?)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Postcode:
    outward: str  # e.g. "LE2"
    sector: str | None  # e.g. "LE2 3" when a full postcode was given
    full: bool


def _valid_outward(code: str) -> bool:
    letters = re.match(r"[A-Z]+", code)
    return bool(letters) and letters.group(0) in POSTCODE_AREAS  # type: ignore[union-attr]


def find_postcode(text: str) -> Postcode | None:
    """The first full postcode or outward code in free text, upper-cased."""
    for match in _FULL.finditer(text):
        outward = match.group(1).upper()
        if _valid_outward(outward):
            return Postcode(outward=outward, sector=f"{outward} {match.group(2)}", full=True)
    for match in _OUTWARD.finditer(text):
        outward = match.group(1).upper()
        if _valid_outward(outward):
            return Postcode(outward=outward, sector=None, full=False)
    return None


def is_outward_code(text: str) -> bool:
    """Is `text` an outward code alone ("le2", "SG1"), not a word with a number in it ("yr10")?"""
    return bool(_OUTWARD.fullmatch(text.strip())) and _valid_outward(text.strip().upper())


def outward_code_of(postcode: str) -> str | None:
    """'SG1 2AB' → 'SG1'. Used to keep only the outward code of a full postcode."""
    found = find_postcode(postcode)
    return found.outward if found else None
