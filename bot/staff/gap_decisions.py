"""Staff decisions about content-gap groups: dismiss one (not something we will act on) or
merge it into another (the same question in other words). Kept in the staff database; the
newest decision for a group wins, so "restore" undoes either. The caller writes the audit
entry (app.py), so every decision is also in the audit log with who made it."""
from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import Column, Float, Integer, String, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from bot.staff.accounts import NAME_MAX_LENGTH, Base, Staff
from bot.staff.gaps import Gap

KEY_LENGTH = 500
ACTIONS = ("dismiss", "merge", "restore")


class GapDecision(Base):  # type: ignore[misc,valid-type]
    __tablename__ = "staff_gap_decisions"
    id = Column(Integer, primary_key=True)
    leader = Column(String(KEY_LENGTH), nullable=False, index=True)
    action = Column(String(16), nullable=False)
    into = Column(String(KEY_LENGTH), nullable=True)
    user_name = Column(String(NAME_MAX_LENGTH), nullable=False)
    at = Column(Float, nullable=False)


@dataclass(frozen=True)
class Decision:
    action: str
    into: str | None


def record(engine: Engine, staff: Staff, leader: str, action: str, into: str | None = None, now: float | None = None) -> None:
    if action not in ACTIONS:
        raise ValueError(f"unknown action {action!r}")
    if action == "merge" and (not into or into == leader):
        raise ValueError("a merge needs another group to merge into")
    with Session(engine, future=True) as session, session.begin():
        session.add(GapDecision(
            leader=leader[:KEY_LENGTH], action=action, into=(into or "")[:KEY_LENGTH] or None,
            user_name=staff.name, at=now or time.time(),
        ))


def current(engine: Engine) -> dict[str, Decision]:
    """The newest decision for each group (restored groups are left out)."""
    with Session(engine, future=True) as session:
        rows = session.execute(select(GapDecision.leader, GapDecision.action, GapDecision.into).order_by(GapDecision.id))
        latest = {leader: Decision(action, into) for leader, action, into in rows}
    return {leader: decision for leader, decision in latest.items() if decision.action != "restore"}


def apply(found: Iterable[Gap], decisions: dict[str, Decision]) -> tuple[list[Gap], list[Gap]]:
    """(groups to show, dismissed groups). A merged group's messages join its target (followed
    through chains of merges); a merge into a group not seen in this period is ignored."""
    found = list(found)
    by_leader = {gap.leader: gap for gap in found}

    def target(leader: str) -> str:
        seen = {leader}
        while (decision := decisions.get(leader)) and decision.action == "merge" and decision.into in by_leader:
            if decision.into in seen:
                break
            leader = decision.into
            seen.add(leader)
        return leader

    shown: dict[str, Gap] = {}
    for gap in found:
        into = target(gap.leader)
        if into != gap.leader:
            shown.setdefault(into, Gap(into, [], by_leader[into].heading)).messages.extend(gap.messages)
        else:
            shown.setdefault(gap.leader, Gap(gap.leader, [], gap.heading)).messages.extend(gap.messages)
    visible = [gap for leader, gap in shown.items() if decisions.get(leader, Decision("", None)).action != "dismiss"]
    dismissed = [gap for leader, gap in shown.items() if decisions.get(leader, Decision("", None)).action == "dismiss"]
    order = lambda gap: (-gap.count, gap.leader)  # noqa: E731
    return sorted(visible, key=order), sorted(dismissed, key=order)
