"""`make privacy-eval`: how much personal detail the redaction removes, and how much else it damages.

    python -m bot.privacy_eval [DIR ...] [--show-misses]

Reads every `DIR/*.jsonl` (default: tests/privacy, the held-out sets, and tests/privacy_dev, the
development set). The first line of each file is a provenance object; every other line is
{"id", "text", "pii": [{"value", "kind"}], "keep": [...]}, each value an exact substring of text.

- Recall: the share of personal-detail spans caught. A span is caught when none of its words of
  3 or more characters survive redaction, except words that are also in `keep` and the outward
  code of a full postcode in it (kept on purpose: the triage needs it; "SG1 2AB" → "SG1").
- Over-redaction: the share of `keep` items (places, schools, services) that no longer appear
  intact, and the share of ordinary words (outside the personal-detail spans) removed or changed.
Also printed: the share of words changed in messages that hold no labelled personal details
(the shared real help-seeking messages, when ../shared is there, our NLU training examples and
the safety sets).
Targets: recall ≥ 99 %, over-redaction ≤ 2 %.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from bot.redaction import redact
from signposting.settings import PROJECT_ROOT

HELD_OUT_DIR = PROJECT_ROOT / "tests" / "privacy"
DEV_DIR = PROJECT_ROOT / "tests" / "privacy_dev"
# Development sets by independent authors (read and fixed from, so not evidence; each gated at
# its figure, never lower, while below the targets): author PD5, session 31.
DEV_AUTHORS_DIR = PROJECT_ROOT / "tests" / "privacy_dev_authors"
SHARED_REAL_MESSAGES = PROJECT_ROOT.parent / "shared" / "eval" / "real_messages.jsonl"
NLU_DIR = PROJECT_ROOT / "data" / "nlu"
SAFETY_DIR = PROJECT_ROOT / "tests" / "safety"
TARGET_RECALL = 0.99
TARGET_OVER_REDACTION = 0.02
KINDS = (
    "name", "other_person_name", "handle", "email", "spelled_email", "phone", "nhs_number", "address",
    "postcode", "date_of_birth", "social_url", "form_group",
)
_WORD = re.compile(r"\w+")
_PLACEHOLDER = re.compile(r"\[[A-Za-z ]+\]")
_FULL_POSTCODE = re.compile(r"\b([A-Za-z]{1,2}[0-9][A-Za-z0-9]?)\s*[0-9][A-Za-z]{2}\b")


class DataError(ValueError):
    """A PII file that does not follow the format."""


@dataclass(frozen=True)
class Example:
    id: str
    text: str
    pii: tuple[tuple[str, str], ...]  # (value, kind)
    keep: tuple[str, ...]


def read_examples(path: Path) -> list[Example]:
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    if not lines or "provenance" not in json.loads(lines[0]):
        raise DataError(f"{path}: the first line must be a provenance object")
    examples = []
    for number, line in enumerate(lines[1:], 2):
        record = json.loads(line)
        text = record["text"]
        pii = tuple((item["value"], item["kind"]) for item in record.get("pii") or [])
        keep = tuple(record.get("keep") or [])
        for value, kind in pii:
            if value not in text:
                raise DataError(f"{path}:{number}: pii value {value!r} is not in the text")
            if kind not in KINDS:
                raise DataError(f"{path}:{number}: unknown kind {kind!r}")
        for value in keep:
            if value not in text:
                raise DataError(f"{path}:{number}: keep value {value!r} is not in the text")
        examples.append(Example(str(record.get("id", f"{path.name}:{number}")), text, pii, keep))
    return examples


def read_dir(directory: Path) -> list[Example]:
    return [example for path in sorted(directory.glob("*.jsonl")) for example in read_examples(path)]


def _words(text: str) -> list[str]:
    return _WORD.findall(_PLACEHOLDER.sub(" ", text))


def _count(word: str, text: str) -> int:
    return len(re.findall(rf"(?<!\w){re.escape(word)}(?!\w)", text, re.IGNORECASE))


def _outside(text: str, values: Iterable[str]) -> str:
    """`text` with every personal-detail value blanked out."""
    for value in sorted(values, key=len, reverse=True):
        text = text.replace(value, " ")
    return text


@dataclass
class Scores:
    spans: Counter[str] = field(default_factory=Counter)
    caught: Counter[str] = field(default_factory=Counter)
    keep_total: int = 0
    keep_lost: int = 0
    words_total: int = 0
    words_lost: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        total = sum(self.spans.values())
        return sum(self.caught.values()) / total if total else 1.0

    @property
    def keep_over_redaction(self) -> float:
        return self.keep_lost / self.keep_total if self.keep_total else 0.0

    @property
    def word_over_redaction(self) -> float:
        return self.words_lost / self.words_total if self.words_total else 0.0

    @property
    def over_redaction(self) -> float:
        """The worse of the two over-redaction shares (each has the 2 % target)."""
        return max(self.keep_over_redaction, self.word_over_redaction)


def score(examples: Iterable[Example]) -> Scores:
    scores = Scores()
    for example in examples:
        redacted = _PLACEHOLDER.sub(" ", redact(example.text).text)
        outside = _outside(example.text, [value for value, _ in example.pii])
        keep_words = {word.lower() for item in example.keep for word in _WORD.findall(item)}
        for value, kind in example.pii:
            allowed = set(keep_words)
            allowed.update(match.group(1).lower() for match in _FULL_POSTCODE.finditer(value))
            survivors = [
                word for word in _WORD.findall(value)
                if len(word) >= 3 and word.lower() not in allowed and _count(word, redacted) > _count(word, outside)
            ]
            scores.spans[kind] += 1
            if survivors:
                scores.misses.append(f"missed {kind} {value!r} in {example.id}: {example.text!r} → {redacted.strip()!r}")
            else:
                scores.caught[kind] += 1
        for item in example.keep:
            scores.keep_total += 1
            if redacted.count(item) < example.text.count(item):
                scores.keep_lost += 1
                scores.misses.append(f"lost keep {item!r} in {example.id}: {redacted.strip()!r}")
        before, after = Counter(_words(outside)), Counter(_words(redacted))
        lost = before - after
        scores.words_total += sum(before.values())
        scores.words_lost += sum(lost.values())
        if lost:
            scores.misses.append(f"changed words {sorted(lost)} in {example.id}: {redacted.strip()!r}")
    return scores


def plain_texts() -> dict[str, list[str]]:
    """Messages with no labelled personal details: every word should survive."""
    texts: dict[str, list[str]] = {}
    if SHARED_REAL_MESSAGES.exists():
        lines = SHARED_REAL_MESSAGES.read_text(encoding="utf-8").splitlines()
        texts["shared real help-seeking messages"] = [json.loads(line)["text"] for line in lines if line.strip()]
    examples = []
    for path in sorted(NLU_DIR.glob("*.yml")):
        for item in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("nlu") or []:
            for line in str(item.get("examples") or "").splitlines():
                line = re.sub(r"^\s*-\s*", "", line)
                line = re.sub(r"\[([^\]]*)\]\([^)]*\)|\[([^\]]*)\]\{[^}]*\}", lambda m: m.group(1) or m.group(2), line)
                if line.strip():
                    examples.append(line.strip())
    texts["NLU training examples (data/nlu)"] = examples
    texts["safety sets (tests/safety)"] = [
        str(item["text"]) for path in sorted(SAFETY_DIR.glob("*.yml"))
        for item in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("messages") or []
    ]
    return texts


def changed_words(texts: list[str]) -> tuple[int, int, Counter[str]]:
    total, lost_total, lost_words = 0, 0, Counter[str]()
    for text in texts:
        before, after = Counter(_words(text)), Counter(_words(redact(text).text))
        lost = before - after
        total += sum(before.values())
        lost_total += sum(lost.values())
        lost_words.update(lost)
    return total, lost_total, lost_words


def report(title: str, scores: Scores, count: int, show_misses: bool) -> None:
    print(f"\n{title}: {count} messages, {sum(scores.spans.values())} personal-detail spans")
    print(f"  {'kind':<20}{'spans':>7}{'caught':>8}{'recall':>9}")
    for kind in KINDS:
        if scores.spans[kind]:
            print(f"  {kind:<20}{scores.spans[kind]:>7}{scores.caught[kind]:>8}{scores.caught[kind] / scores.spans[kind]:>9.1%}")
    print(f"  {'overall':<20}{sum(scores.spans.values()):>7}{sum(scores.caught.values()):>8}{scores.recall:>9.1%}"
          f"   (target ≥ {TARGET_RECALL:.0%})")
    print(f"  over-redaction: keep items lost {scores.keep_lost}/{scores.keep_total} = {scores.keep_over_redaction:.1%}; "
          f"ordinary words removed or changed {scores.words_lost}/{scores.words_total} = {scores.word_over_redaction:.1%}"
          f"   (target ≤ {TARGET_OVER_REDACTION:.0%})")
    if show_misses:
        for line in scores.misses:
            print("   -", line)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.privacy_eval", description=__doc__.split("\n")[0])
    parser.add_argument("dirs", nargs="*", type=Path, help="folders of *.jsonl PII sets (default: tests/privacy, tests/privacy_dev, tests/privacy_dev_authors)")
    parser.add_argument("--show-misses", action="store_true", help="print every missed span and every changed word")
    args = parser.parse_args(argv)
    dirs = args.dirs or [HELD_OUT_DIR, DEV_DIR, DEV_AUTHORS_DIR]
    failed = False
    for directory in dirs:
        try:
            examples = read_dir(directory) if directory.is_dir() else []
        except DataError as error:
            print(f"{directory}: {error}", file=sys.stderr)
            return 2
        label = "held-out" if directory.resolve() == HELD_OUT_DIR else ("development set, not held out"
                                                                         if directory.resolve() in (DEV_DIR, DEV_AUTHORS_DIR) else "")
        title = f"{directory}" + (f" ({label})" if label else "")
        if not examples:
            print(f"\n{title}: no *.jsonl files")
            continue
        scores = score(examples)
        report(title, scores, len(examples), args.show_misses)
        failed = failed or scores.recall < TARGET_RECALL or scores.over_redaction > TARGET_OVER_REDACTION
    if not args.dirs:
        for name, texts in plain_texts().items():
            total, lost, words = changed_words(texts)
            print(f"\n{name}: {len(texts)} messages with no labelled personal details; words removed or changed "
                  f"{lost}/{total} = {lost / total if total else 0:.2%}")
            if words:
                print("  most often: " + ", ".join(f"{word} ({n})" for word, n in words.most_common(15)))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
