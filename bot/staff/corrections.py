"""The loop back into the bot: staff mark a message the bot got wrong and say what it should
have been; an administrator approves; `python -m bot.staff export-training` writes the
approved ones as Rasa NLU examples and test stories (and "should have escalated" ones in
the risk corpus format) for the team to review before adding them to the training data.

Users' words are redacted (bot.redaction, the project's redactor) when marked and again on
export. The app writes every mark and review to the audit log.
"""
from __future__ import annotations

import json
import time
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import yaml
from sqlalchemy import Column, Float, Integer, String, Text, case, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from bot.redaction import redact_text
from bot.staff import labels
from bot.staff.accounts import NAME_MAX_LENGTH, Base, Staff
from signposting.vocabulary import CONCERNS

KINDS = {
    "risk": "Should have escalated (risk)",
    "intent": "Meant something else",
    "concern": "A different concern",
    "place": "A different place",
}
STATUSES = ("pending", "approved", "rejected")
MAX_TEXT = 2000
MAX_VALUE = 100
# What each kind becomes in the NLU export: the intent its examples go under.
EXPORT_INTENT = {"concern": "describe_concern", "place": "inform", "risk": "express_crisis"}


class CorrectionError(ValueError):
    """Something the staff member can fix; the message says what."""


class CorrectionRecord(Base):  # type: ignore[misc,valid-type]
    __tablename__ = "staff_corrections"
    id = Column(Integer, primary_key=True)
    sender_id = Column(String(255), nullable=False, index=True)
    message_at = Column(Float, nullable=False)
    text = Column(Text, nullable=False)  # redacted
    bot_intent = Column(String(64), nullable=True)
    confidence = Column(Float, nullable=True)
    kind = Column(String(16), nullable=False)
    value = Column(String(MAX_VALUE), nullable=False, default="")
    status = Column(String(16), nullable=False, default="pending", index=True)
    marked_by = Column(String(NAME_MAX_LENGTH), nullable=False)
    marked_at = Column(Float, nullable=False)
    reviewed_by = Column(String(NAME_MAX_LENGTH), nullable=True)
    reviewed_at = Column(Float, nullable=True)


@dataclass(frozen=True)
class Correction:
    id: int
    sender_id: str
    message_at: float
    text: str
    bot_intent: str | None
    confidence: float | None
    kind: str
    value: str
    status: str
    marked_by: str
    reviewed_by: str | None

    @property
    def kind_label(self) -> str:
        return KINDS[self.kind]

    @property
    def value_label(self) -> str:
        if self.kind == "intent":
            return labels.intent_label(self.value)
        if self.kind == "concern":
            return CONCERNS.get(self.value, self.value)
        if self.kind == "risk":
            return labels.category_label(self.value) if self.value else "Not said"
        return self.value


def _correction(record: CorrectionRecord) -> Correction:
    return Correction(
        record.id, record.sender_id, record.message_at, record.text, record.bot_intent, record.confidence, record.kind,
        record.value, record.status, record.marked_by, record.reviewed_by,
    )


def check_value(kind: str, value: str) -> str:
    """The value, tidied, or CorrectionError saying what is wrong."""
    value = " ".join(value.split())[:MAX_VALUE]
    if kind not in KINDS:
        raise CorrectionError("Choose what the bot got wrong.")
    if kind == "intent" and value not in labels.INTENTS:
        raise CorrectionError("Choose what the person meant from the list.")
    if kind == "concern" and value not in CONCERNS:
        raise CorrectionError("Choose the concern from the list.")
    if kind == "place":
        value = redact_text(value) or ""
        if not value:
            raise CorrectionError("Type the place the person meant (a town or area, no address).")
    if kind == "risk" and value and value not in labels.CRISIS_CATEGORIES:
        raise CorrectionError("Choose the kind of risk from the list, or leave it blank.")
    return value


def mark(
    engine: Engine, staff: Staff, sender_id: str, message_at: float, text: str, bot_intent: str | None,
    confidence: float | None, kind: str, value: str, now: float | None = None,
) -> Correction:
    """Record a mark (pending review). `text` is redacted here whatever the caller did."""
    value = check_value(kind, value)
    with Session(engine, future=True) as session, session.begin():
        record = CorrectionRecord(
            sender_id=sender_id[:255], message_at=message_at, text=(redact_text(text) or "")[:MAX_TEXT],
            bot_intent=(bot_intent or None) and bot_intent[:64], confidence=confidence, kind=kind, value=value,
            status="pending", marked_by=staff.name, marked_at=now or time.time(),
        )
        session.add(record)
        session.flush()
        return _correction(record)


def review(engine: Engine, staff: Staff, correction_id: int, approve: bool, now: float | None = None) -> Correction:
    if not staff.is_admin:
        raise CorrectionError("Only administrators can approve or reject marks.")
    with Session(engine, future=True) as session, session.begin():
        record = session.get(CorrectionRecord, correction_id)
        if record is None:
            raise CorrectionError("There is no such mark. It may have been reviewed already.")
        record.status = "approved" if approve else "rejected"
        record.reviewed_by, record.reviewed_at = staff.name, now or time.time()
        return _correction(record)


def queue(engine: Engine, status: str = "pending", sender_id: str | None = None) -> list[Correction]:
    """Marks with this status, "should have escalated" first, then oldest first."""
    risk_first = case((CorrectionRecord.kind == "risk", 0), else_=1)
    query = select(CorrectionRecord).where(CorrectionRecord.status == status)
    if sender_id is not None:
        query = query.where(CorrectionRecord.sender_id == sender_id)
    with Session(engine, future=True) as session:
        return [_correction(r) for r in session.scalars(query.order_by(risk_first, CorrectionRecord.marked_at, CorrectionRecord.id))]


# --- Export ---------------------------------------------------------------------------------------

def _clean(text: str) -> str:
    """Redacted again (today's rules) and on one line, as training data needs."""
    return " ".join((redact_text(text) or "").split())


def nlu_yaml(items: Sequence[Correction]) -> str:
    by_intent: dict[str, set[str]] = defaultdict(set)
    for item in items:
        intent = item.value if item.kind == "intent" else EXPORT_INTENT[item.kind]
        text = _clean(item.text)
        if text:
            by_intent[intent].add(text)
    lines = [
        'version: "3.1"',
        "# Exported by python -m bot.staff export-training from approved staff marks.",
        "# Personal details were removed. Check every line before adding it to data/nlu/.",
        "nlu:",
    ]
    for intent in sorted(by_intent):
        lines += [f"- intent: {intent}", "  examples: |"]
        lines += [f"    - {text}" for text in sorted(by_intent[intent])]  # a block scalar: no quoting needed
    return "\n".join(lines) + "\n"


def test_stories_yaml(items: Sequence[Correction]) -> str:
    """One test story per approved mark: the message, read as the intent staff chose."""
    stories = []
    for item in sorted(items, key=lambda i: i.id):
        text = _clean(item.text)
        if not text:
            continue
        intent = item.value if item.kind == "intent" else EXPORT_INTENT[item.kind]
        stories.append({"story": f"staff mark {item.id}: {KINDS[item.kind].lower()}", "steps": [{"user": text, "intent": intent}]})
    header = "# Test stories from approved staff marks (python -m bot.staff export-training). Personal details removed.\n"
    return header + yaml.safe_dump({"version": "3.1", "stories": stories}, allow_unicode=True, sort_keys=False, width=1000)


def risk_corpus_jsonl(items: Sequence[Correction], today: date | None = None) -> str:
    """"Should have escalated" marks in the risk corpus format (bot/nlu/risk_corpus/*.jsonl)."""
    from signposting.languages import detect_language

    header = {"provenance": "staff", "brief": "Messages staff marked as 'the bot should have escalated', approved by an administrator.",
              "written": (today or date.today()).isoformat(), "by": "python -m bot.staff export-training"}
    lines = [json.dumps(header, ensure_ascii=False)]
    for item in sorted((i for i in items if i.kind == "risk"), key=lambda i: i.id):
        text = _clean(item.text)
        guess = detect_language(text)
        lines.append(json.dumps({
            "id": f"staff-{item.id:04d}", "text": text, "label": "risk", "category": item.value or "unspecified",
            "reporter": "unknown", "lang": guess.code if guess else "en", "script": guess.script if guess else "latin",
        }, ensure_ascii=False))
    return "\n".join(lines) + "\n"
