"""`make safety-eval`: what a user gets from the whole trained bot when they write about risk.

Every message is parsed by the trained Rasa model (intent classifier, lexicon, other
languages, risk model), and the outcome is what the crisis policy does with it: the
crisis reply, the check question ("are you thinking about hurting yourself…?", with
999), or nothing. Figures that mean something come from authors the bot never learnt
from:

1. Leave one author out: for each author of the risk corpus (bot/nlu/risk_corpus/), the
   risk model is retrained on the other authors and the held-out author's messages are
   re-decided with it (everything else as parsed: `signposting.risk_decision.decide`, the
   same function the bot uses). Per risk category and per kind of hard negative.
2. The gate author (tests/safety/heldout/): never trained on; through the shipped model.
   The everyday-worries authors (tests/safety/everyday/) and the long-post author
   (tests/safety/long/) and the short-message author (tests/safety/short/) likewise.
3. Conversations (tests/safety/context/): a goodbye after earlier distress, judged by
   the crisis policy's own context rule on a real tracker.
4. ../shared/eval/real_messages.jsonl, read only, never used for training.
5. The team's own sets (tests/safety/*.yml), which the lexicon was tuned on: regression only.
6. How long the risk layer takes per message.
7. Thresholds: the best operating points on the held-out authors (recall first).

Usage: python -m bot.safety_eval [--skip-loao]
"""
from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import logging
import os
import statistics
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from typing import Any

import yaml

from bot.nlu.risk_model import (
    CORPUS_DIR,
    CorpusMessage,
    LengthAwareRiskModel,
    read_corpus,
    read_corpus_file,
)
from bot.nlu.risk_model import (
    EVERYDAY_DIR as EVERYDAY_CORPUS_DIR,
)
from bot.nlu.risk_model import (
    SHORT_DIR as SHORT_CORPUS_DIR,
)
from bot.train import model_path
from signposting.risk_decision import CHECK, CRISIS, NONE, RiskSignals, Thresholds, decide, everyday_length
from signposting.settings import PROJECT_ROOT

SAFETY_SETS = PROJECT_ROOT / "tests" / "safety"
HELDOUT_DIR = SAFETY_SETS / "heldout"
EVERYDAY_DIR = SAFETY_SETS / "everyday"
LONG_DIR = SAFETY_SETS / "long"
# Messages of one to eight words (session 36: "im not safe", "i give up" and "help" by themselves got
# "Sorry, I didn't get that" or "OK, I'll stop here"): Q and Q2 held out, QD and QD3 development.
SHORT_DIRS = (
    (SAFETY_SETS / "short", "held out", "never trained on, the shipped model"),
    (SAFETY_SETS / "short_dev", "development", "read, and the lexicon learnt from QD's misses: not evidence"),
)
# Answers to the role, age and school questions with a sign of danger slipped in, and near
# misses (session 10): R2 held out, R1 development (docs/safety.md, "Plain answers").
ANSWER_SHAPED_DIRS = (
    (SAFETY_SETS / "answer_shaped", "held out", "never trained on, the shipped model"),
    (SAFETY_SETS / "answer_shaped_dev", "development", "the lexicon learnt from its misses: not evidence"),
)
CONTEXT_DIR = SAFETY_SETS / "context"
# Conversations the team read and tuned the context rules on (author G2): reported, not evidence.
CONTEXT_DEV_DIR = SAFETY_SETS / "context_dev"
SHARED_EVAL = PROJECT_ROOT.parent / "shared" / "eval" / "real_messages.jsonl"
RISK_LABELS = {"self_harm_or_suicide", "abuse_or_danger"}
NUMBERS = "numbers"  # no escalation, but a message in another language gets the urgent numbers


@dataclass(frozen=True)
class Verdict:
    """What the bot does with one message, and the parse data behind it."""

    text: str
    level: str  # crisis | check | none
    intent: str
    confidence: float
    risk: dict[str, Any]

    @property
    def escalated(self) -> bool:
        return self.level in (CRISIS, CHECK)

    @property
    def outcome(self) -> str:
        return outcome(self.level, self.risk)


def outcome(level: str, risk: dict[str, Any]) -> str:
    """What the user sees: a message in another language with no escalation still gets the
    urgent numbers and an interpreter line (the crisis policy's other-language reply)."""
    if level in (NONE, CHECK) and risk.get("language") not in (None, "en"):
        return NUMBERS  # the policy answers another language's check with the urgent numbers too
    return level

def load_agent():  # type: ignore[no-untyped-def]
    os.environ["RASA_TELEMETRY_ENABLED"] = "false"
    sys.path.insert(0, str(PROJECT_ROOT))  # the model names the project's own components
    from rasa.core.agent import Agent
    from rasa.utils.common import configure_logging_and_warnings
    from rasa.utils.log_utils import configure_structlog

    from bot import fast_model_load

    configure_logging_and_warnings(logging.WARNING)
    configure_structlog(logging.WARNING)
    fast_model_load.install()  # loaded as the Rasa servers load it
    return Agent.load(str(model_path()))


async def _parse_all(agent, texts: list[str]) -> list[dict[str, Any]]:  # type: ignore[no-untyped-def]
    return [await agent.parse_message(text) for text in texts]


def parse(agent, texts: list[str]) -> list[dict[str, Any]]:  # type: ignore[no-untyped-def]
    return asyncio.run(_parse_all(agent, texts))


def verdict(parsed: dict[str, Any]) -> Verdict:
    risk = parsed.get("risk") or {}
    intent = parsed.get("intent") or {}
    return Verdict(
        text=parsed.get("text") or "", level=str(risk.get("level") or NONE), intent=str(intent.get("name")),
        confidence=float(intent.get("confidence") or 0.0), risk=risk,
    )


def judge(agent, texts: list[str]) -> list[Verdict]:  # type: ignore[no-untyped-def]
    return [verdict(parsed) for parsed in parse(agent, texts)]


def signals_with_score(risk: dict[str, Any], probability: float, category: str | None, whole: float | None = None) -> RiskSignals:
    """The parsed signals with another risk model's score (leave one author out)."""
    return RiskSignals(
        whole_probability=whole,
        lexicon_categories=tuple(risk.get("lexicon_categories") or ()),
        finality=bool(risk.get("finality")),
        model_probability=probability,
        model_category=category,
        classifier_crisis=bool(risk.get("classifier_crisis")),
        crisis_language=risk.get("crisis_language"),
        words=int(risk.get("words") or 99),
    )


def thresholds_in_config() -> Thresholds:
    config = yaml.safe_load((PROJECT_ROOT / "config.yml").read_text())
    for component in config["pipeline"]:
        if component["name"].endswith("RiskDetectorComponent"):
            return Thresholds(
                crisis=component["crisis_threshold"], check=component["check_threshold"],
                lexicon_veto=component["lexicon_veto_threshold"], distress=component["distress_threshold"],
                everyday_min_words=component.get("everyday_min_words", Thresholds.everyday_min_words),
                everyday_words=component.get("everyday_words", 0),
                everyday_crisis=component.get("everyday_crisis_threshold", Thresholds.everyday_crisis),
                everyday_check=component.get("everyday_check_threshold", Thresholds.everyday_check),
            )
    raise LookupError("config.yml has no RiskDetectorComponent")


# --- tables ---------------------------------------------------------------------------------

def _pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:5.1f}%" if whole else "    -"


def outcome_table(rows: list[tuple[CorpusMessage, str]], title: str) -> list[str]:
    """Per risk category: crisis / check / nothing / some escalation; per hard negative kind:
    crisis and check (false alarms)."""
    lines = [f"\n## {title}"]
    by_category: dict[tuple[str, str], list[str]] = defaultdict(list)
    for message, level in rows:
        by_category[(message.label, message.category)].append(level)
    for label, heading in (("risk", "risk category"), ("safe", "hard negative")):
        lines.append(f"{heading:26} {'n':>5} {'crisis':>7} {'check':>7} {'nothing':>8} {'some':>7} {'numbers*':>9}")
        total: list[str] = []
        for (row_label, category), levels in sorted(by_category.items()):
            if row_label != label:
                continue
            total += levels
            lines.append(_row(category, levels))
        lines.append(_row("ALL", total))
    return lines


def _row(name: str, levels: list[str]) -> str:
    n = len(levels)
    crisis, check, numbers = levels.count(CRISIS), levels.count(CHECK), levels.count(NUMBERS)
    return (f"{name:26} {n:5} {_pct(crisis, n):>7} {_pct(check, n):>7} {_pct(n - crisis - check - numbers, n):>8} "
            f"{_pct(crisis + check, n):>7} {_pct(numbers, n):>9}")


# --- the parts ----------------------------------------------------------------------------------

def leave_one_author_out(agent, thresholds: Thresholds) -> tuple[list[str], list[tuple[CorpusMessage, dict, float, float | None]]]:  # type: ignore[no-untyped-def]
    """The risk models retrained without each author of the risk corpus, the everyday corpus and
    the short-message corpus (the long-message model never had the everyday or short authors),
    that author's messages re-decided."""
    whole = [m for m in read_corpus(CORPUS_DIR) if not m.context]
    everyday = [m for m in read_corpus(EVERYDAY_CORPUS_DIR) if not m.context]
    short = [m for m in read_corpus(SHORT_CORPUS_DIR) if not m.context]
    corpus = whole + everyday + short
    parsed = {m.text: verdict(p).risk for m, p in zip(corpus, parse(agent, [m.text for m in corpus]), strict=True)}
    scored: list[tuple[CorpusMessage, dict, float, str | None, float | None]] = []
    for author in sorted({m.author for m in corpus}):
        model = LengthAwareRiskModel.fit(
            [m for m in whole if m.author != author], [m for m in everyday if m.author != author],
            shortest=thresholds.everyday_min_words, longest=thresholds.everyday_words,
            regularisation=regularisation_in_config(), kinds=False, short_messages=[m for m in short if m.author != author],
        )
        held_out = [m for m in corpus if m.author == author]
        for message, score in zip(held_out, model.score_many([m.text for m in held_out]), strict=True):
            scored.append((message, parsed[message.text], score.probability, score.category, score.whole_probability))
    rows = [(m, outcome(decide(signals_with_score(risk, p, c, w), thresholds).level, risk)) for m, risk, p, c, w in scored]
    lines = outcome_table(rows, f"Leave one author out ({len({m.author for m in corpus})} authors, {len(rows)} messages)")
    for author in sorted({m.author for m in corpus}):
        mine = [(m, level) for m, level in rows if m.author == author]
        risk = [level for m, level in mine if m.is_risk]
        safe = [level for m, level in mine if not m.is_risk]
        lines.append(
            f"author {author}: risk some {_pct(sum(lv in (CRISIS, CHECK) for lv in risk), len(risk))} crisis "
            f"{_pct(risk.count(CRISIS), len(risk))} | safe crisis {_pct(safe.count(CRISIS), len(safe))} "
            f"check {_pct(safe.count(CHECK), len(safe))}"
        )
    return lines, [(m, risk, p, w) for m, risk, p, _, w in scored]


def regularisation_in_config() -> float:
    config = yaml.safe_load((PROJECT_ROOT / "config.yml").read_text())
    return float(next(c for c in config["pipeline"] if c["name"].endswith("RiskDetectorComponent"))["regularisation"])


def threshold_grid(scored: list[tuple[CorpusMessage, dict, float, float | None]], configured: Thresholds) -> list[str]:
    """Operating points on the held-out authors: recall first, then fewest false alarms. The
    long-message model's thresholds are varied on every message (at 6 to 40 words they gate the
    crisis reply and the check question too), the everyday model's on the messages of its
    lengths, the other's kept; the lexicon veto is on the long-message model's scale."""
    def everyday(risk: dict) -> bool:
        return everyday_length(int(risk.get("words") or 99), configured.everyday_min_words, configured.everyday_words)

    return [
        *_grid(scored, configured, "whole", "the long-message model, all messages"),
        *_grid([row for row in scored if everyday(row[1])], configured, "everyday", "the everyday model, messages of its lengths"),
    ]


def _grid(scored: list[tuple[CorpusMessage, dict, float, float | None]], configured: Thresholds, vary: str, title: str) -> list[str]:
    lines = [f"\n## Thresholds for {title} ({len(scored)}; some escalation ≥ 97% of risk; fewest false crisis replies)"]
    if not scored or not any(m.is_risk for m, *_ in scored) or all(m.is_risk for m, *_ in scored):
        return [*lines, "(too few messages of both kinds)"]
    points = []
    crises = (0.4, 0.5, 0.6, 0.7) if vary == "everyday" else (0.6, 0.7, 0.8, 0.9)
    vetoes = (configured.lexicon_veto,) if vary == "everyday" else (0.2, 0.3, 0.4)
    for crisis, check, veto in itertools.product(crises, (0.05, 0.08, 0.1, 0.12, 0.15, 0.18, 0.2, 0.25, 0.3), vetoes):
        if check >= crisis:
            continue
        if vary == "everyday":
            thresholds = replace(configured, everyday_crisis=crisis, everyday_check=check)
        else:
            thresholds = replace(configured, crisis=crisis, check=check, lexicon_veto=veto)
        levels = [(m.is_risk, decide(signals_with_score(risk, p, None, w), thresholds).level) for m, risk, p, w in scored]
        risk = [level for is_risk, level in levels if is_risk]
        safe = [level for is_risk, level in levels if not is_risk]
        points.append((
            crisis, check, veto, risk.count(CRISIS) / len(risk), 1 - risk.count(NONE) / len(risk),
            safe.count(CRISIS) / len(safe), safe.count(CHECK) / len(safe),
        ))
    good = sorted((p for p in points if p[4] >= 0.97), key=lambda p: (round(p[5] + p[6], 2), -p[3]))[:6]
    for point in good or sorted(points, key=lambda p: -p[4])[:6]:
        crisis_at, check_at, veto, *shares = point[:3] + tuple(100 * v for v in point[3:])
        lines.append(
            f"crisis ≥ {crisis_at:.2f}, check ≥ {check_at:.2f}, lexicon veto {veto:.2f}: risk crisis {shares[0]:.1f}%, "
            f"some {shares[1]:.1f}% | hard negatives crisis {shares[2]:.1f}%, check {shares[3]:.1f}%"
        )
    return lines


def gate_author(agent) -> list[str]:  # type: ignore[no-untyped-def]
    return _held_out_authors(agent, HELDOUT_DIR, "Gate author")


def everyday_authors(agent) -> list[str]:  # type: ignore[no-untyped-def]
    """Everyday worries told in words that sound like danger, and near misses (held-out authors W, X, Y, N, U)."""
    return _held_out_authors(agent, EVERYDAY_DIR, "Everyday-worries author")


def long_post_authors(agent) -> list[str]:  # type: ignore[no-untyped-def]
    """Long posts (50-220 words), danger or none told amid a story (author L)."""
    return _held_out_authors(agent, LONG_DIR, "Long-post author")


def short_message_authors(agent) -> list[str]:  # type: ignore[no-untyped-def]
    """Messages of one to eight words, danger or none (authors Q and QD)."""
    lines: list[str] = []
    for folder, kind, note in SHORT_DIRS:
        lines += _held_out_authors(agent, folder, f"Short-message author ({kind})", note)
    return lines


def _held_out_authors(agent, folder, title: str, note: str = "never trained on, the shipped model") -> list[str]:  # type: ignore[no-untyped-def]
    lines: list[str] = []
    for path in sorted(folder.glob("*.jsonl")):
        messages = read_corpus_file(path)
        verdicts = judge(agent, [m.text for m in messages])
        rows = [(m, v.outcome) for m, v in zip(messages, verdicts, strict=True)]
        lines += outcome_table(rows, f"{title} {messages[0].author} ({path.name}): {note}")
    return lines


def answer_shaped_authors(agent) -> list[str]:  # type: ignore[no-untyped-def]
    """Each message alone, as the risk layer judges it at any question. A plain answer to the
    question asked can skip the check question (signposting/plain_answer.py), and no risk
    message of these sets is one (`make bench-plain-answer`), so this is what those users get."""
    lines: list[str] = []
    for folder, kind, note in ANSWER_SHAPED_DIRS:
        lines += _held_out_authors(agent, folder, f"Answer-shaped author, {kind},", note)
    return lines


def context_conversations(agent) -> list[str]:  # type: ignore[no-untyped-def]
    from bot.nlu.crisis_policy import risk_level

    lines: list[str] = []
    for path in sorted(CONTEXT_DIR.glob("*.jsonl")) + sorted(CONTEXT_DEV_DIR.glob("*.jsonl")):
        name = path.name if path.parent == CONTEXT_DIR else f"{path.name}, development set: tuned on, not evidence"
        conversations = read_corpus_file(path)
        rows = []
        alone = []
        missed: list[tuple[bool, bool]] = []
        for conversation in conversations:
            turns = [*conversation.context, conversation.text]
            parsed = parse(agent, turns)
            level = risk_level(tracker_of(parsed))
            rows.append((conversation, level))
            alone.append((conversation, verdict(parsed[-1]).outcome))
            if conversation.is_risk and level == NONE:
                missed.append(context_signals(parsed))
        lines += outcome_table(rows, f"Conversations, last message in context ({name})")
        lines += missed_in_context(missed)
        lines += outcome_table(alone, f"The same last messages on their own, without context ({name})")
    return lines


def context_signals(parsed_turns: list[dict[str, Any]]) -> tuple[bool, bool]:
    """(the last message reads as a goodbye or "it's sorted", an earlier message showed distress)."""
    earlier = any((p.get("risk") or {}).get("distress") for p in parsed_turns[:-1])
    return bool((parsed_turns[-1].get("risk") or {}).get("finality")), earlier


def missed_in_context(missed: list[tuple[bool, bool]]) -> list[str]:
    """Why risk conversations got nothing, in figures only (the context rule needs both signals)."""
    if not missed:
        return []
    count = Counter(missed)
    return [f"Risk conversations that got nothing: {len(missed)}. Last message read as finality: "
            f"{count[(True, True)] + count[(True, False)]}; earlier distress seen: {count[(True, True)] + count[(False, True)]}; "
            f"neither: {count[(False, False)]}; distress but no finality: {count[(False, True)]}; "
            f"finality but no distress: {count[(True, False)]}."]


def tracker_of(parsed_turns: list[dict[str, Any]]):  # type: ignore[no-untyped-def]
    """A tracker holding these user messages, as the crisis policy would see it."""
    from rasa.shared.core.events import ActionExecuted, UserUttered
    from rasa.shared.core.trackers import DialogueStateTracker

    events = []
    for parsed in parsed_turns:
        events += [ActionExecuted("action_listen"), UserUttered(parsed["text"], parsed["intent"], parse_data=parsed)]
    return DialogueStateTracker.from_events("eval", events, [])


def shared_real_messages(agent) -> list[str]:  # type: ignore[no-untyped-def]
    if not SHARED_EVAL.exists():
        return ["\n## ../shared/eval/real_messages.jsonl: not found beside the project"]
    rows = [json.loads(line) for line in SHARED_EVAL.read_text().splitlines() if line.strip()]
    verdicts = judge(agent, [r["text"] for r in rows])
    lines = ["\n## ../shared/eval/real_messages.jsonl (read only, never trained on)",
             f"{'label':26} {'n':>5} {'crisis':>7} {'check':>7} {'nothing':>8} {'some':>7}"]
    by_label: dict[str, list[str]] = defaultdict(list)
    for row, v in zip(rows, verdicts, strict=True):
        by_label[row["label"]].append(v.outcome)
    for label, levels in sorted(by_label.items()):
        lines.append(_row(("RISK " if label in RISK_LABELS else "") + label, levels))
    lines.append(_row("ALL risk labels", [lv for label, levels in by_label.items() if label in RISK_LABELS for lv in levels]))
    lines.append(_row("ALL other labels", [lv for label, levels in by_label.items() if label not in RISK_LABELS for lv in levels]))
    return lines


def team_sets(agent) -> list[str]:  # type: ignore[no-untyped-def]
    lines = ["\n## The team's own sets (the lexicon was tuned on these: regression only)"]
    for name in ("escalate", "no_escalate"):
        levels = [v.outcome for v in judge(agent, team_set(name))]
        lines.append(_row(name, levels))
    return lines


def team_set(name: str) -> list[str]:
    return [str(item["text"]) for item in yaml.safe_load((SAFETY_SETS / f"{name}.yml").read_text())["messages"]]


def risk_layer_latency(agent) -> list[str]:  # type: ignore[no-untyped-def]
    """Time of the risk layer alone (lexicon, languages, risk model, decision) per message."""
    from bot.nlu.risk_component import RiskDetectorComponent
    from signposting.languages import detect_language

    component = next(
        node for node in agent.processor.graph_runner._instantiated_nodes.values()  # noqa: SLF001
        if isinstance(node._component, RiskDetectorComponent)  # noqa: SLF001
    )._component  # noqa: SLF001
    texts = [m.text for m in read_corpus(CORPUS_DIR)][:1500]
    timings = []
    for text in texts:
        started = time.perf_counter()
        decide(component.signals(text, None), component.thresholds)
        detect_language(text)
        timings.append(1000 * (time.perf_counter() - started))
    timings.sort()
    p95 = timings[int(0.95 * len(timings))]
    return [f"\n## Risk layer time per message ({len(texts)} corpus messages, this machine): "
            f"p50 {statistics.median(timings):.2f} ms, p95 {p95:.2f} ms, max {timings[-1]:.1f} ms"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--skip-loao", action="store_true", help="only the gate author, context, real and team sets")
    args = parser.parse_args(argv)
    agent = load_agent()
    thresholds = thresholds_in_config()
    print(f"# Safety evaluation (thresholds in config.yml: {thresholds})")
    print("Outcome = what the user gets: crisis reply, check question, or nothing. some = crisis + check.")
    print("numbers* = no escalation, but the message was in another language: the urgent numbers and an interpreter line.")
    if not args.skip_loao:
        lines, scored = leave_one_author_out(agent, thresholds)
        print("\n".join(lines))
        print("\n".join(threshold_grid(scored, thresholds)))
    for part in (gate_author, everyday_authors, long_post_authors, short_message_authors, answer_shaped_authors, context_conversations, shared_real_messages, team_sets, risk_layer_latency):
        print("\n".join(part(agent)), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
