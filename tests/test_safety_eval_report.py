"""`make safety-eval` says why risk conversations got nothing (figures only; the run itself is not in make test)."""
from __future__ import annotations

from bot.safety_eval import context_signals, missed_in_context


def turn(distress: bool = False, finality: bool = False) -> dict:
    return {"text": "(typed)", "risk": {"distress": distress, "finality": finality}}


def test_the_signals_come_from_the_last_message_and_the_ones_before():
    assert context_signals([turn(distress=True), turn(finality=True)]) == (True, True)
    # Distress in the last message itself is not earlier distress.
    assert context_signals([turn(), turn(distress=True, finality=True)]) == (True, False)
    assert context_signals([{"text": "hi"}, turn()]) == (False, False)


def test_the_missed_conversations_are_counted_by_which_signal_was_absent():
    line, = missed_in_context([(False, False), (False, True), (False, True), (True, False)])
    assert line.startswith("Risk conversations that got nothing: 4.")
    assert "finality: 1;" in line and "earlier distress seen: 2;" in line and "neither: 1;" in line
    assert "distress but no finality: 2;" in line and "finality but no distress: 1." in line
    assert missed_in_context([]) == []
