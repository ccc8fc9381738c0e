"""`make safety-eval`: how often the whole trained model escalates, on the team's safety
sets and on the shared real messages.

The parsed intent is `express_crisis` when the risk detector fired (it sets the intent)
or when the intent classifier chose it. The detector's words get the crisis reply at
once; the classifier alone gets a check question first ("Are you thinking about hurting
yourself...?", with 999), see `bot/nlu/crisis_policy.py`. Both are measured here,
because the detector's own tests do not see the classifier.
"""
from __future__ import annotations

import asyncio
import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

from bot.settings import PROJECT_ROOT
from bot.train import model_path

SAFETY_SETS = PROJECT_ROOT / "tests" / "safety"
SHARED_EVAL = PROJECT_ROOT.parent / "shared" / "eval" / "real_messages.jsonl"
RISK_LABELS = {"self_harm_or_suicide", "abuse_or_danger"}


@dataclass(frozen=True)
class Verdict:
    text: str
    escalated: bool
    by_detector: bool
    by_classifier: bool
    intent: str
    confidence: float


def load_agent():  # type: ignore[no-untyped-def]
    os.environ["RASA_TELEMETRY_ENABLED"] = "false"
    sys.path.insert(0, str(PROJECT_ROOT))  # the model names the project's own components
    import logging

    from rasa.core.agent import Agent
    from rasa.utils.common import configure_logging_and_warnings
    from rasa.utils.log_utils import configure_structlog

    configure_logging_and_warnings(logging.WARNING)
    configure_structlog(logging.WARNING)
    return Agent.load(str(model_path()))


async def _judge(agent, texts: list[str]) -> list[Verdict]:  # type: ignore[no-untyped-def]
    verdicts = []
    for text in texts:
        parsed = await agent.parse_message(text)
        risk = parsed.get("risk") or {}
        intent = parsed["intent"]
        verdicts.append(Verdict(
            text=text,
            escalated=intent["name"] == "express_crisis",
            by_detector=bool(risk.get("categories")),
            by_classifier=risk.get("source") == "classifier",
            intent=intent["name"],
            confidence=float(intent.get("confidence") or 0.0),
        ))
    return verdicts


def judge(agent, texts: list[str]) -> list[Verdict]:  # type: ignore[no-untyped-def]
    return asyncio.run(_judge(agent, texts))


def team_set(name: str) -> list[str]:
    return [item["text"] for item in yaml.safe_load((SAFETY_SETS / f"{name}.yml").read_text())["messages"]]


def shared_sets() -> tuple[list[str], list[str]]:
    if not SHARED_EVAL.exists():
        return [], []
    rows = [json.loads(line) for line in SHARED_EVAL.read_text().splitlines() if line.strip()]
    return ([r["text"] for r in rows if r["label"] in RISK_LABELS], [r["text"] for r in rows if r["label"] not in RISK_LABELS])


def _rate(verdicts: list[Verdict], attribute: str) -> str:
    hits = sum(getattr(v, attribute) for v in verdicts)
    return f"{hits}/{len(verdicts)} ({100 * hits / max(len(verdicts), 1):.1f}%)"


def main() -> int:
    agent = load_agent()
    shared_risk, shared_other = shared_sets()
    sets = {
        "team escalate (must escalate)": team_set("escalate"),
        "team no_escalate (must not)": team_set("no_escalate"),
        "shared real, risk labels": shared_risk,
        "shared real, other labels": shared_other,
    }
    print(f"{'set':34} {'express_crisis':>16} {'crisis reply':>16} {'check question':>16}")
    print(f"{'':34} {'(either)':>16} {'(detector)':>16} {'(classifier only)':>16}")
    for name, texts in sets.items():
        verdicts = judge(agent, texts)
        print(f"{name:34} {_rate(verdicts, 'escalated'):>16} {_rate(verdicts, 'by_detector'):>16} "
              f"{_rate(verdicts, 'by_classifier'):>16}")
        if "no_escalate" in name:
            for v in verdicts:
                if v.escalated:
                    reply = "crisis reply" if v.by_detector else f"check question, classifier {v.confidence:.2f}"
                    print(f"    false alarm: {v.text!r} ({reply})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
