"""`make privacy-eval` on fixed slices, and the measure itself counts what it says.

The development set (tests/privacy_dev) must reach the targets: recall ≥ 99 %,
over-redaction ≤ 2 %. The held-out sets (tests/privacy, two authors who never saw the
rules) are gated at what the redaction reaches today, never lower: recall 96.4 % and
2.9 % of place, school and service names damaged on the first run (2026-11-30). The gap
to the targets is named in docs/privacy.md; these floors may only be raised."""
from __future__ import annotations

import json

import pytest

from bot.privacy_eval import (
    DEV_AUTHORS_DIR,
    DEV_DIR,
    HELD_OUT_DIR,
    TARGET_OVER_REDACTION,
    TARGET_RECALL,
    DataError,
    Example,
    main,
    read_dir,
    read_examples,
    score,
)

HELD_OUT_RECALL = 0.976  # session 33: 461 of 472; gap: target 0.99
HELD_OUT_KEEP_LOST = 0.03  # gap: target 0.02
# Development authors (tests/privacy_dev_authors). PD5 (session 31, people answering the bot's
# questions and case notes): 88.4 % on its first run, 93.8 % after the fixes it showed, 98.6 % in
# session 32. PD6 (session 32, details slipping out mid-story, lower case and voice-to-text): 92.5 %
# on its first run with session 32's code (90.7 % with session 31's), 96.4 % after the fixes it
# showed. Both together: 97.6 %, keep items lost 2.5 % (places the gazetteer lacks, "Amber" on a
# behaviour chart, staff roles in an email signature). Session 33 (names in capitals, a word-name
# after "my ex", "KAUR Simran", "2 Coronation Cottages", "in 11MB", "nine hundred"): 98.4 %.
# Session 34 (an address with more parts spelled out, names before "sent it" or "and x stopped",
# a message in lower case but for a form group): 628 of 634, 99.05 %. Session 38 ("name is just
# 'Bash'"): 630 of 634, 99.37 %. Session 39 added PD7 (nicknames, word-names in lower case, names in
# capitals, surname first, handles without a platform): 289 of its 339 on its first run, 309 after the
# fixes it showed (nicknames after "call her" or "goes by", "nana Pat", "Jordan's nan", "daisy (my
# sister)", "tell rain i said", a first name before a name found, handles by their shape); all three
# 939 of 973, 96.5 %. Floors, never lower.
DEV_AUTHORS_RECALL = 0.965
DEV_AUTHORS_KEEP_LOST = 0.041


@pytest.mark.parametrize(
    ("directory", "recall", "keep_lost"),
    [(HELD_OUT_DIR, HELD_OUT_RECALL, HELD_OUT_KEEP_LOST), (DEV_DIR, TARGET_RECALL, TARGET_OVER_REDACTION),
     (DEV_AUTHORS_DIR, DEV_AUTHORS_RECALL, DEV_AUTHORS_KEEP_LOST)],
    ids=["held-out", "development", "development-authors"],
)
def test_redaction_meets_its_floor(directory, recall, keep_lost):
    examples = read_dir(directory)
    assert examples, f"{directory} must hold PII sets"
    scores = score(examples)
    missed = "\n".join(scores.misses[:30])
    assert scores.recall >= recall, missed
    assert scores.keep_over_redaction <= keep_lost, missed
    assert scores.word_over_redaction <= TARGET_OVER_REDACTION, missed


def test_a_span_counts_as_caught_only_when_none_of_its_words_survive():
    example = Example(
        "x", "I'm Aisha Rahman from Stevenage, SG1 2AB, 07700 900123, my friend Bob",
        (("Aisha Rahman", "name"), ("SG1 2AB", "postcode"), ("07700 900123", "phone"), ("Bob", "other_person_name")),
        ("Stevenage",),
    )
    scores = score([example])
    # "Bob" (3 letters, after "my friend") is caught; the outward code SG1 may stay.
    assert scores.recall == 1.0 and scores.over_redaction == 0.0


def test_a_missed_name_and_a_damaged_place_are_counted():
    scores = score([Example("z", "ok so mr blobbyface lives in Stevenage", (("blobbyface", "other_person_name"),
                                                                             ("lives", "address")), ("Stevenage",))])
    assert scores.spans["address"] == 1 and scores.caught["address"] == 0  # "lives" is not redacted
    assert scores.recall < 1.0
    assert scores.keep_total == 1 and scores.keep_lost == 0


def test_files_must_follow_the_format(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps({"id": "1", "text": "hi", "pii": []}) + "\n")
    with pytest.raises(DataError, match="provenance"):
        read_examples(path)
    path.write_text(json.dumps({"provenance": "test"}) + "\n" + json.dumps(
        {"id": "1", "text": "my name is Jo", "pii": [{"value": "Joe", "kind": "name"}], "keep": []}) + "\n")
    with pytest.raises(DataError, match="not in the text"):
        read_examples(path)


def test_the_command_reads_any_folder_and_prints_both_figures(tmp_path, capsys):
    (tmp_path / "set.jsonl").write_text(json.dumps({"provenance": "test"}) + "\n" + json.dumps(
        {"id": "1", "text": "it's Aisha here, I live in Hitchin", "pii": [{"value": "Aisha", "kind": "name"}],
         "keep": ["Hitchin"]}) + "\n")
    assert main([str(tmp_path)]) == 0
    printed = capsys.readouterr().out
    assert "100.0%" in printed and "over-redaction" in printed
