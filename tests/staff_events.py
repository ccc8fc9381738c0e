"""Hand-made tracker events in Rasa's shapes, for the staff review tests."""
from __future__ import annotations

from bot.staff.events import EventRow

DAY = 24 * 60 * 60
T0 = 1_795_000_000.0  # 2026-11-18 11:06 UTC (and London time)


class Chat:
    """Builds one conversation's events, one second apart."""

    def __init__(self, sender_id: str, start: float = T0):
        self.sender_id, self.time = sender_id, start
        self.rows: list[EventRow] = []
        self.action("action_session_start")
        self._add("session_started")
        self.action("action_listen")

    def _add(self, type_name: str, intent: str | None = None, action: str | None = None, **data) -> Chat:
        self.time += 1
        self.rows.append(EventRow(self.sender_id, type_name, self.time, intent, action, data))
        return self

    def user(self, text: str, intent: str = "inform", confidence: float = 0.99, risk: list[str] | None = None) -> Chat:
        parse = {"intent": {"name": intent, "confidence": confidence}, "entities": [], "text": text}
        if risk:
            parse["risk"] = {"source": "risk_detector", "categories": risk}
        return self._add("user", intent, None, text=text, parse_data=parse)

    def action(self, name: str) -> Chat:
        return self._add("action", None, name, name=name)

    def bot(self, utter: str, text: str = "...") -> Chat:
        return self._add("bot", None, None, text=text, metadata={"utter_action": utter})

    def slot(self, name: str, value) -> Chat:
        return self._add("slot", None, name, name=name, value=value)

    def ask(self, slot: str) -> Chat:
        return self.slot("requested_slot", slot).bot(f"utter_ask_{slot}").action("action_listen")

    def crisis(self, text: str, categories: list[str]) -> Chat:
        self.user(text, "express_crisis", 1.0, categories).slot("crisis_categories", categories)
        return self.action("utter_crisis").bot("utter_crisis").action("utter_ask_safe_now").bot("utter_ask_safe_now")

    def triage(self, role="young_person", age=14, school="skipped", area=("Stevenage", "herts"), concern="sleep") -> Chat:
        self.action("triage_form").ask("user_role")
        if role is None:
            return self
        self.user(role.replace("_", " ")).slot("user_role", role).ask("age")
        if age is None:
            return self
        self.user(str(age)).slot("age", str(age)).slot("age_min", age).slot("age_max", age).ask("school")
        if school is None:
            return self
        self.user(school).slot("school", school).ask("area")
        if area is None:
            return self
        self.user(area[0]).slot("area", area[0]).slot("area_code", area[1]).ask("concern")
        if concern is None:
            return self
        return self.user(concern).slot("concern", concern).slot("requested_slot", None)

    def search(self, first_reply: str = "utter_services_intro") -> Chat:
        self.action("action_find_services").bot(first_reply).bot("utter_service_card").bot("utter_crisis_footer")
        return self.slot("services_shown", ["svc-1"]).action("action_listen")


def sample_events() -> list[EventRow]:
    """Six conversations over two days with known answers (see test_staff_analytics)."""
    chats = [
        Chat("a-local", T0).triage().search(),
        Chat("b-nolocal", T0 + 10).triage("parent_carer", 8, "skipped", ("Manchester", "national"), "worry")
        .search("utter_services_national_only"),
        Chat("c-dropped-age", T0 + 20).triage("young_person", None),
        Chat("d-crisis", T0 + DAY).triage("young_person", 15, "skipped", None)
        .crisis("i want to kill myself", ["suicidal"]),
        Chat("e-fallback", T0 + DAY + 5).user("is there a youth club near me", "nlu_fallback", 0.45)
        .user("any youth clubs near me?", "nlu_fallback", 0.45).user("what's the weather", "out_of_scope", 0.9),
        Chat("f-nolocal", T0 + DAY + 9).triage("young_person", 17, "skipped", ("Leicester", "leicester"), "eating")
        .search("utter_services_national_only").user("any youth club near me", "nlu_fallback", 0.4),
    ]
    return [row for chat in chats for row in chat.rows]
