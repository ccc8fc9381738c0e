"""The benchmark that asks for whom the first crisis reply spoke: its reading of a conversation."""
from __future__ import annotations

import asyncio
from types import SimpleNamespace

from rasa.shared.core.events import ActionExecuted, UserUttered

from benchmarks.crisis_reply_for_whom import first_crisis_reply, main


class FakeAgent:
    """Answers every message with the given actions, as the trained bot's tracker would record them."""

    def __init__(self, actions: list[str]) -> None:
        self.events: list = [ActionExecuted(action) for action in actions]
        self.tracker_store = SimpleNamespace(retrieve=self._retrieve)

    async def handle_text(self, text: str, sender_id: str) -> list:
        self.events.insert(0, UserUttered(text))
        return []

    async def _retrieve(self, sender_id: str) -> SimpleNamespace:
        return SimpleNamespace(events=self.events)


def test_the_first_crisis_reply_is_taken_and_the_local_lines_are_not_a_reply():
    agent = FakeAgent(["utter_greet", "utter_crisis_local", "utter_crisis_third_party", "utter_crisis"])
    assert asyncio.run(first_crisis_reply(agent, ["its my mum", "she took all her tablets"])) == "utter_crisis_third_party"


def test_no_crisis_reply_is_none():
    assert asyncio.run(first_crisis_reply(FakeAgent(["utter_greet", "triage_form"]), ["hi"])) == "none"


def test_without_a_file_it_explains_itself(capsys):
    assert main([]) == 2
    assert "For whom the first crisis reply speaks" in capsys.readouterr().out
