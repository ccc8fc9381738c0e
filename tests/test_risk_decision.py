"""The risk layer's decision and the choice of crisis reply: pure functions, no model."""
from __future__ import annotations

from dataclasses import replace

import pytest

from signposting.risk_decision import (
    CHECK,
    CRISIS,
    NONE,
    Decision,
    RiskSignals,
    Thresholds,
    about_own_crisis,
    decide,
    is_distress,
    reply_kind,
    third_party_report,
)
from signposting.risk_patterns import SAVING_MEDICINE

THRESHOLDS = Thresholds(crisis=0.7, check=0.25, lexicon_veto=0.3, distress=0.25)


@pytest.mark.parametrize(
    ("signals", "level", "source"),
    [
        (RiskSignals(lexicon_categories=("suicidal",), model_probability=0.5), CRISIS, "lexicon"),
        # Risk words the model finds implausible ("we read about suicide in PSHE"): ask, don't ignore.
        (RiskSignals(lexicon_categories=("suicidal",), model_probability=0.05), CHECK, "lexicon"),
        (RiskSignals(crisis_language="pl", model_probability=0.0), CRISIS, "multilingual"),
        (RiskSignals(model_probability=0.9, model_category="exploitation"), CRISIS, "model"),
        (RiskSignals(model_probability=0.4), CHECK, "model"),
        (RiskSignals(model_probability=0.1, classifier_crisis=True), CHECK, "classifier"),
        (RiskSignals(model_probability=0.1), NONE, "none"),
        (RiskSignals(finality=True, model_probability=0.1), NONE, "none"),
    ],
)
def test_each_signal_gives_the_documented_outcome(signals, level, source):
    decision = decide(signals, THRESHOLDS)
    assert (decision.level, decision.source) == (level, source)


def test_a_goodbye_after_earlier_distress_gets_the_crisis_reply():
    goodbye = RiskSignals(finality=True, model_probability=0.1)
    assert decide(goodbye, THRESHOLDS, earlier_distress=True).level == CRISIS
    assert decide(goodbye, THRESHOLDS, earlier_distress=False).level == NONE


def test_distress_is_any_escalating_signal_or_a_middling_score():
    assert is_distress(RiskSignals(model_probability=0.3), THRESHOLDS)
    assert is_distress(RiskSignals(lexicon_categories=("self_harm",)), THRESHOLDS)
    assert not is_distress(RiskSignals(model_probability=0.1), THRESHOLDS)


@pytest.mark.parametrize(
    ("categories", "parent", "text", "kind"),
    [
        (["suicidal"], False, "i want to die", "general"),
        (["eating_disorder_danger"], False, "i fainted again", "eating_disorder"),
        (["grooming_online", "suicidal"], False, "he'll send the pics unless i pay, i want to die", "grooming_online"),
        (["exploitation"], False, "i owe them", "exploitation"),
        # Grooming told with nothing online or pictured, and signs of exploitation: its reply ("making
        # you do things"), not the one for pictures shared (a user trial, session 46)
        (["grooming_online", "abuse"], False, "my boyfriend is 24 and he makes me do stuff with his mates for money", "exploitation"),
        (["grooming_online"], True, "an older man gives her money and vapes", "exploitation"),
        (["grooming_online"], False, "an older boy keeps asking me to meet up", "grooming_online"),
        (["grooming_online"], False, "a man on snapchat says he will pay me for pics", "grooming_online"),
        # sextortion said without a word of the internet keeps its reply (the review, session 46)
        (["grooming_online"], True, "my son is being sextorted, they want £500", "grooming_online"),
        (["grooming_online"], True, "someone recorded my son on camera and is demanding money or they will expose him",
         "grooming_online"),
        (["grooming_online"], False, "he recorded me doing sexual stuff and says he will show everyone unless i pay him £50",
         "grooming_online"),
        (["grooming_online"], False, "an older man keeps asking me to go on facetime and gives me money", "grooming_online"),
        # a friend's grooming or exploitation, told by a young person: the reply for someone worried about
        # another, not "This is not your fault… pictures of you" (a user trial, session 46)
        (["grooming_online"], False, "my friend is 15 and she's talking to an older guy online who wants her to send pics",
         "third_party"),
        (["grooming_online"], False, "my friend is being groomed by an older guy", "third_party"),
        (["exploitation"], False, "my mate is being made to sell drugs by older lads", "third_party"),
        (["grooming_online"], False, "my friend is being blackmailed with nudes and so am i", "grooming_online"),
        (["grooming_online"], True, "my daughter is talking to an older man online", "grooming_online"),
        (["forced_marriage_fgm"], True, "they are taking my daughter abroad to marry", "forced_marriage_fgm"),
        (["unsafe_home"], False, "sleeping in a stairwell tonight", "unsafe_now"),
        (["psychosis_harm"], False, "the voices tell me to hurt my brother", "voices"),
        # Session 38: a parent or a friend telling of someone else's voices gets a reply for them, not
        # "If you feel you might hurt yourself…"; a parent's own voices keep the voices reply.
        (["psychosis_harm"], True, "Last night I found him sharpening a kitchen knife in his room.", "general"),
        (["psychosis_harm"], True, "my daughter hears voices telling her to hurt herself", "general"),
        (["psychosis_harm"], False, "my friend hears voices that tell him to kill himself", "third_party"),
        (["psychosis_harm"], True, "the voices tell me to hurt my kids", "voices"),
        # The second review: one's own voices, naming a brother or a friend, or a parent's own
        (["psychosis_harm"], False, "my best friend said i should tell someone, the voices keep saying i should stab my brother", "voices"),
        (["psychosis_harm"], True, "I've been hearing voices again and I'm scared I'll hurt the baby", "voices"),
        (["psychosis_harm"], True, "my son says the voices want him to hurt people, he told me last night", "general"),
        (["psychosis_harm"], False, "my friend told me she hears voices telling her to hurt herself", "third_party"),
        # Told to die by other people (session 44's note: "people online keep telling me to kys" got
        # the voices reply); voices, the telly, or people in one's head keep it.
        (["suicidal", "psychosis_harm"], False, "people online keep telling me to kys", "general"),
        (["suicidal", "psychosis_harm"], False, "kids on xbox keep telling me to kill myself", "general"),
        (["suicidal", "psychosis_harm"], False, "people on the tv tell me to die", "voices"),
        (["suicidal", "psychosis_harm"], False, "people in my head keep telling me to die", "voices"),
        (["suicidal", "psychosis_harm"], False, "i hear people telling me to kill myself", "voices"),
        # the review (session 45): told by people nobody else hears, or nowhere online or among peers
        (["suicidal", "psychosis_harm"], False, "people keep telling me to kill myself but nobody else can hear them", "voices"),
        (["suicidal", "psychosis_harm"], False, "people i cant see keep telling me to kill myself", "voices"),
        (["suicidal", "psychosis_harm"], False, "someone inside me keeps telling me to kill myself", "voices"),
        (["suicidal", "psychosis_harm"], False, "kids at school keep telling me to kill myself", "general"),
        # A parent about themselves, and a parent about their child.
        (["suicidal"], True, "I can't go on myself, I want to end it", "parent_own"),
        (["suicidal"], True, "my son says he wants to die", "general"),
        (["parent_own_crisis"], True, "i don't want to be here anymore", "parent_own"),
        # The model guessed a parent's own crisis, but the words are about someone else.
        # Since session 42 a parent's own danger told by their child is a report about someone else.
        (["parent_own_crisis"], False, "my mum said she wants to die", "third_party"),
        (["self_harm", "parent_own_crisis"], True, "my daughter is self harming", "general"),
        (["self_harm"], False, "my friend has been cutting herself", "third_party"),
        (["self_harm"], False, "Y10 student disclosed self-harm today", "third_party"),
        # Abuse told by the person it happens to (session 21), and by a friend
        (["physical_abuse"], False, "my dad hits me when hes drunk", "abuse"),
        (["sexual_abuse", "suicidal"], False, "my uncle touches me and i want to die", "abuse"),
        (["abuse"], False, "my friend's dad hits her", "third_party"),
        (["physical_abuse", "unsafe_home"], False, "he hit me and i cant go home tonight", "unsafe_now"),
        (["physical_abuse", "suicidal"], True, "my husband hits me and i want to die", "parent_own"),
    ],
)
def test_the_crisis_reply_fits_the_kind_of_danger_and_who_is_speaking(categories, parent, text, kind):
    assert reply_kind(categories, parent=parent, text=text) == kind


def test_own_crisis_and_third_party_cues():
    assert about_own_crisis("I'm not coping myself, I've thought about ending it")
    assert not about_own_crisis("she keeps saying she wants to die")
    # A user trial: "my sons arms" (typed without the apostrophe) got the parent's own crisis reply
    assert not about_own_crisis("i just found cuts on my sons arms, what do i do")
    assert third_party_report("my best friend sent me a goodbye message")
    assert not third_party_report("i want to die")


def test_one_or_two_words_are_too_few_for_the_model_alone():
    assert decide(RiskSignals(model_probability=0.95, words=1), THRESHOLDS).level == NONE
    assert decide(RiskSignals(model_probability=0.5, words=2), THRESHOLDS).level == NONE
    assert decide(RiskSignals(model_probability=0.95, words=5), THRESHOLDS).level == CRISIS
    assert decide(RiskSignals(lexicon_categories=("suicidal",), model_probability=0.95, words=1), THRESHOLDS).level == CRISIS


LENGTH_AWARE = Thresholds(crisis=0.6, check=0.25, distress=0.25, everyday_min_words=6, everyday_words=40, everyday_crisis=0.5, everyday_check=0.18)


@pytest.mark.parametrize(("words", "level"), [(3, NONE), (5, NONE), (6, CHECK), (40, CHECK), (41, NONE)])
def test_the_everyday_models_thresholds_apply_to_its_lengths_only(words, level):
    """A score of 0.2 is a check on the everyday model's scale (6 to 40 words), nothing on the other's."""
    assert decide(RiskSignals(model_probability=0.2, words=words), LENGTH_AWARE).level == level
    assert is_distress(RiskSignals(model_probability=0.2, words=words), LENGTH_AWARE) is (level == CHECK)


def test_a_score_of_0_55_is_a_crisis_on_the_everyday_scale_and_a_check_on_the_other():
    assert decide(RiskSignals(model_probability=0.55, words=12), LENGTH_AWARE).level == CRISIS
    assert decide(RiskSignals(model_probability=0.55, whole_probability=0.6, words=12), LENGTH_AWARE).level == CRISIS
    assert decide(RiskSignals(model_probability=0.55, words=60), LENGTH_AWARE).level == CHECK


def test_the_long_message_model_still_asks_the_check_question_at_its_own_threshold():
    """The everyday model may lower a crisis to a check, never a check to nothing: the session 11
    clean-clone run lost 'everything feels hopeless and nothing ever gets better, i'm so tired of
    all of it' (0.18 on the everyday model, 0.46 on the other)."""
    hopeless = RiskSignals(model_probability=0.1797, whole_probability=0.4635, words=17)
    assert decide(hopeless, LENGTH_AWARE) == Decision(CHECK, "model", ())
    assert decide(RiskSignals(model_probability=0.1797, whole_probability=0.2499, words=17), LENGTH_AWARE).level == NONE


def test_the_everyday_model_alone_never_raises_a_crisis_reply():
    """'she's not eating much and stays in her room': 0.50 on the everyday model, 0.52 (a check)
    on the other: a check, as before the everyday model."""
    assert decide(RiskSignals(model_probability=0.5005, whole_probability=0.5156, words=10), LENGTH_AWARE).level == CHECK
    assert decide(RiskSignals(model_probability=0.5005, whole_probability=0.6, words=10), LENGTH_AWARE).level == CRISIS
    assert decide(RiskSignals(model_probability=0.3, whole_probability=0.9, words=17), LENGTH_AWARE).level == CHECK


@pytest.mark.parametrize("words", [6, 12, 40])
@pytest.mark.parametrize("everyday", [0.0, 0.1, 0.17, 0.18, 0.3, 0.49, 0.5, 0.9])
@pytest.mark.parametrize("whole", [0.0, 0.2, 0.25, 0.59, 0.6, 0.95])
def test_the_everyday_model_only_ever_turns_a_crisis_into_the_check_question(words, everyday, whole):
    with_both = decide(RiskSignals(model_probability=everyday, whole_probability=whole, words=words), LENGTH_AWARE).level
    decision = decide(RiskSignals(model_probability=everyday, whole_probability=whole, words=words), LENGTH_AWARE)
    whole_alone = decide(RiskSignals(model_probability=whole, words=words), replace(LENGTH_AWARE, everyday_words=0)).level
    # independently of decide: a crisis needs both models, the check either
    expected = CRISIS if everyday >= 0.5 and whole >= 0.6 else CHECK if everyday >= 0.18 or whole >= 0.25 else NONE
    assert with_both == expected
    assert decision.lowered_from_crisis is (whole_alone == CRISIS and with_both == CHECK)
    if whole_alone == CRISIS:
        assert with_both in (CRISIS, CHECK)
    elif whole_alone == CHECK:
        assert with_both == CHECK
    else:
        assert with_both in (NONE, CHECK)
        assert with_both == (CHECK if everyday >= LENGTH_AWARE.everyday_check else NONE)


@pytest.mark.parametrize("finality", [False, True])
@pytest.mark.parametrize("earlier_distress", [False, True])
@pytest.mark.parametrize("lexicon", [(), ("suicidal",)])
@pytest.mark.parametrize("classifier", [False, True])
@pytest.mark.parametrize(("everyday", "whole"), [(0.0, 0.0), (0.2, 0.1), (0.1, 0.3), (0.3, 0.7), (0.6, 0.4), (0.6, 0.7)])
def test_other_signals_never_let_the_everyday_model_lower_a_reply(finality, earlier_distress, lexicon, classifier, everyday, whole):
    """Risk words, a goodbye after distress and the classifier, with both scores: the reply is
    never lower than the risk corpus model's alone would give, and only a crisis can be lowered."""
    rank = {NONE: 0, CHECK: 1, CRISIS: 2}
    both = RiskSignals(lexicon_categories=lexicon, finality=finality, classifier_crisis=classifier,
                       model_probability=everyday, whole_probability=whole, words=12)
    alone = replace(both, model_probability=whole, whole_probability=None)
    with_both = decide(both, LENGTH_AWARE, earlier_distress).level
    whole_alone = decide(alone, replace(LENGTH_AWARE, everyday_words=0), earlier_distress).level
    assert rank[with_both] >= rank[whole_alone] or (whole_alone, with_both) == (CRISIS, CHECK)


def test_one_or_two_words_never_reach_the_check_through_the_long_message_score():
    short_everyday = replace(LENGTH_AWARE, everyday_min_words=1)
    assert decide(RiskSignals(model_probability=0.0, whole_probability=0.9, words=2), short_everyday).level == NONE


def test_without_an_everyday_model_the_thresholds_are_the_same_at_every_length():
    assert all(THRESHOLDS.for_words(words) == THRESHOLDS for words in (1, 6, 20, 40, 200))


def test_the_lexicon_veto_reads_the_long_message_models_score_at_every_length():
    """Risk words in 6 to 40 words: the veto compares the score it was chosen on (the review found
    the everyday model's lower scale dropped 'year 9. i dont want to live anymore' to the check)."""
    words = RiskSignals(lexicon_categories=("suicidal",), model_probability=0.1, whole_probability=0.4, words=12)
    assert decide(words, LENGTH_AWARE).level == CRISIS
    assert decide(RiskSignals(lexicon_categories=("suicidal",), model_probability=0.1, whole_probability=0.1, words=12), LENGTH_AWARE).level == CHECK
    assert decide(RiskSignals(lexicon_categories=("suicidal",), model_probability=0.35, words=60), LENGTH_AWARE).level == CRISIS


def test_either_models_score_shows_distress():
    assert is_distress(RiskSignals(model_probability=0.05, whole_probability=0.3, words=12), LENGTH_AWARE)
    assert is_distress(RiskSignals(model_probability=0.2, whole_probability=0.1, words=12), LENGTH_AWARE)
    assert not is_distress(RiskSignals(model_probability=0.05, whole_probability=0.1, words=12), LENGTH_AWARE)


def test_the_configured_lengths_are_the_ones_the_thresholds_switch_at():
    """config.yml's everyday range, read as the component reads it (the model is trained with the same)."""
    import yaml

    from bot.nlu.risk_component import thresholds_from
    from signposting.settings import PROJECT_ROOT

    component = next(c for c in yaml.safe_load((PROJECT_ROOT / "config.yml").read_text())["pipeline"] if c["name"].endswith("RiskDetectorComponent"))
    thresholds = thresholds_from(component)
    low, high = thresholds.everyday_min_words, thresholds.everyday_words
    if high == 0:  # the everyday model is off (session 11): one scale at every length
        assert all(thresholds.for_words(words) == thresholds for words in (1, low, 20, 40, 200))
        return
    assert 0 < low < high
    assert thresholds.for_words(low - 1) == thresholds and thresholds.for_words(high + 1) == thresholds
    assert thresholds.for_words(low).check == thresholds.for_words(high).check == thresholds.everyday_check != thresholds.check


@pytest.mark.parametrize(
    ("category", "text", "fits"),
    [("grooming_online", "my son says he wants to die", False), ("grooming_online", "he says a man on snap wants pics", True),
     ("exploitation", "my brother keeps going missing and comes back with cash", True), ("suicidal", "anything", True)],
)
def test_only_the_grooming_guess_needs_its_own_words(category, text, fits):
    from signposting.risk_decision import model_kind_fits

    assert model_kind_fits(category, text) is fits


@pytest.mark.parametrize("text", ["ive been cutting myself", "i keep thinking about killing myself"])
def test_a_young_person_never_gets_the_parents_own_crisis_reply(text):
    """A user trial (session 19): a 14-year-old typing "ive been cutting myself" got "You matter
    too" (the model guessed a parent's own crisis) and no Childline."""
    assert reply_kind(["self_harm", "parent_own_crisis"], parent=False, text=text, young_person=True) == "general"
    # Who is chatting not known and no adult's words (session 41: G16's first message "i keep
    # thinking about jumping off the bridge by the station" got "You matter too" and no Childline).
    assert reply_kind(["parent_own_crisis"], parent=False, text=text) == "general"


@pytest.mark.parametrize("text", ["as a mum i cant go on any more", "my husband left and i want to end it all"])
def test_an_adult_speaking_of_themselves_keeps_the_parents_own_reply_when_the_role_is_not_known(text):
    assert reply_kind(["parent_own_crisis"], parent=False, text=text) == "parent_own"


@pytest.mark.parametrize("text", ["im a carer for my mum and i keep thinking about jumping off the bridge",
                                  "my boss shouts at me and i want to end it all"])
def test_a_young_carer_or_a_young_worker_gets_childline_when_the_role_is_not_known(text):
    """The review, session 41: "carer", "my boss" or "my kids" are said by young people too."""
    assert reply_kind(["parent_own_crisis"], parent=False, text=text) == "general"


@pytest.mark.parametrize(("matched", "bypasses"), [
    (("abuse", "PERSON ...", "father he is beating me"), True),
    (("abuse", "PERSON ...", "he does stuff to me"), False),  # who "he" is is not said: the model may still veto
    (("abuse", "PERSON ...", "uncle he does stuff to me"), True),
    (("unsafe_home", "not ...", "not feel safe at home"), True),
    (("suicidal", "~finish ...", "finish my life"), True),
    (("suicidal", "better ...", "better if i am dead"), True),
    (("suicidal", "suicide", "suicide"), False),  # "we read about suicide in PSHE": the veto stands
    # Session 40: a goodbye before an act (development conversations G11) the models scored low
    (("suicidal", "~tell ...", "tell someone before i do it ."), True),
    (("suicidal", "~want ...", "want someone to know before i do it"), True),
    (("suicidal", "~tell ...", "tell you before i do it , im dyeing my hair"), False),
    (("abuse", "PERSON ...", "my brother hit me"), False),
    # Session 38: saving up one's own medicine (development conversations G5), not someone else's
    (("danger_overdose", SAVING_MEDICINE, "stockpiling my sertraline"), True),
    (("danger_overdose", SAVING_MEDICINE, "stockpile of my meds"), True),
    (("danger_overdose", SAVING_MEDICINE, "saving up my melatonin"), False),  # "…for the school trip" (the review)
    (("danger_overdose", SAVING_MEDICINE, "stockpiling her insulin"), False),
    (("danger_overdose", "~save|stash ...", "stockpiling my meds"), False),  # the older entry reads no "not"
])
def test_an_adult_hurting_the_speaker_or_their_own_death_is_never_vetoed(matched, bypasses):
    """Session 20's user trial: "my father he is beating me" and "i want to finish my life" got only
    the check question (the model scored them low), and a "no" to its first half set them aside."""
    signals = RiskSignals(lexicon_categories=(matched[0],), lexicon_matches=(matched,), model_probability=0.05)
    assert (decide(signals, THRESHOLDS).level == CRISIS) is bypasses


def test_harm_done_to_the_speaker_is_not_a_report_about_someone_else():
    assert not third_party_report("my brother he touch me in night time i dont like it")
    assert third_party_report("my brother has been cutting himself")


def test_a_professional_gets_the_reply_for_someone_worried_about_another():
    for categories in (["suicidal"], ["self_harm"], ["abuse"], ["unsafe_home"]):
        assert reply_kind(categories, parent=False, text="a pupil told me", professional=True) == "third_party"
    # The replies with numbers a professional needs (FMU, CEOP and 101) stay (review, session 20)
    for categories in (["exploitation"], ["grooming_online"], ["forced_marriage_fgm"]):
        assert reply_kind(categories, parent=False, text="a pupil told me", professional=True) != "third_party"


def test_beside_suicide_words_the_grooming_guess_needs_a_sign_of_grooming():
    from signposting.risk_decision import model_kind_fits

    assert not model_kind_fits("grooming_online", "he's posted on snapchat that he wants to end it all", ["suicidal"])
    assert model_kind_fits("grooming_online", "a man he met on a game wants pictures, he wants to die", ["suicidal"])
    assert model_kind_fits("grooming_online", "someone on snapchat keeps messaging me")


def test_told_to_die_online_is_harassment_not_grooming_unless_grooming_is_told():
    """A phone trial (session 32): "a guy on discord keeps telling me to uninstall life" got the
    reply for pictures shared, with CEOP; "guy" and "discord" are not grooming."""
    from signposting.risk_decision import model_kind_fits

    for harassment in (
        "a guy on discord keeps telling me to uninstall life",
        "a man online told me to kill myself",
        "people in my game chat keep telling me to kys",
        "some older boys keep messaging me to go die",
    ):
        assert not model_kind_fits("grooming_online", harassment, ["suicidal"]), harassment
        assert reply_kind(["suicidal"], parent=False, text=harassment, young_person=True) == "general"
    for grooming in (
        "an adult i play fortnite with keeps telling me to kill myself if i block him",  # the review
        "a stranger keeps messaging me to kill myself and says he knows where i live",
        "an older guy on snap keeps telling me to kill myself if i dont send pics",
        "a man i met on roblox told me to kill myself if i tell anyone our secret",
        "he says i should die unless i pay him, he has my nudes",
    ):
        assert model_kind_fits("grooming_online", grooming, ["suicidal"]), grooming


def test_the_exploitation_guess_needs_a_sign_of_exploitation():
    """Typed answers (session 33): "our child has told us they're trans" and "Their dad passed away
    in the summer" got "This is not your child's fault", the reply for a child being exploited."""
    from signposting.risk_decision import model_kind_fits

    for text in ("our child has told us they're trans and we want to get it right for them", "Their dad passed away in the summer",
                 "our son has been staying out late since his dad died"):
        assert not model_kind_fits("exploitation", text)
        assert reply_kind([], parent=True, text=text) == "general"
    # The review: exploitation with none of its usual words keeps the guess; beside a death, a sign of it does
    for text in ("he comes back with loads of cash and wont say where from", "they said i owe them and have to hold stuff",
                 "my son keeps going missing and comes home with new trainers", "they took me to a hotel and his mates were there",
                 "im being passed round his friends and i cant say no", "he has to text them when he gets home and they track his location",
                 "since his dad died hes been going missing and comes back with cash", "since nan died he came back with £500"):
        assert model_kind_fits("exploitation", text), text


def test_an_overdose_already_taken_counts_from_the_model_too():
    from signposting.risk_decision import took_something_already

    assert took_something_already(["overdose"], "they dont pick up and i already took some pills")
    assert not took_something_already(["overdose"], "how many paracetamol would it take")


def test_a_professionals_own_crisis_gets_the_adults_own_reply():
    assert reply_kind(["suicidal"], parent=False, text="I can't cope any more, I want to die", professional=True) == "parent_own"
    assert reply_kind(["suicidal"], parent=False, text="im worried about a student who wants to end it", professional=True) == "third_party"


def test_found_in_review_a_job_named_first_is_not_the_speakers_and_a_knife_is_not_taken():
    from signposting.parsing import says_they_work_with_children
    from signposting.risk_decision import took_something_already

    assert not says_they_work_with_children("the coach has been touching me")
    assert not says_they_work_with_children("gp at the surgery touched me")
    assert says_they_work_with_children("im a PCSO in Harlow") and says_they_work_with_children("teacher here")
    assert reply_kind(["abuse"], parent=False, text="the coach has been touching me") == "abuse"
    assert not took_something_already(["danger_overdose"], "i had a knife its for protection ppl after me")
    assert third_party_report("my best mate is self harming and keeps hitting me up at 3am")
    # A professional still gets the Forced Marriage Unit's numbers
    assert reply_kind(["forced_marriage_fgm"], parent=False, text="a pupil says she is being taken abroad to marry", professional=True) == "forced_marriage_fgm"


def test_despair_in_a_few_words_asks_the_check_question_and_never_the_crisis_reply_by_itself():
    """Session 36: "im 16 and i hate myself" got the crisis reply from the lexicon's rule; the
    "distress" words ask the check question, and the crisis reply comes only from the models."""
    words = RiskSignals(lexicon_categories=("distress",), model_probability=0.5, words=5)
    assert decide(words, THRESHOLDS).level == CHECK
    with_danger = replace(words, lexicon_categories=("distress", "suicidal"))
    decision = decide(with_danger, THRESHOLDS)
    assert decision.level == CRISIS and decision.categories == ("suicidal",)


@pytest.mark.parametrize("text", [
    "my boyfriend says no one else will want me with my stoma", "my boyfriend won’t let me go out",
    "my girlfriend says no-one else would ever want me", "my boyfriend says no one's ever going to want me",
    "my boyfriend says ill never find anyone else",
    "my boyfriend is really controlling and always tells me no one else would ever want me and i want to die",
])
def test_a_partners_control_is_done_to_the_speaker(text):
    """"my boyfriend says no one else will want me…" got the friend's reply (G12, session 39)."""
    assert not third_party_report(text)


@pytest.mark.parametrize("text", [
    "my best friend is cutting herself and my mum wont let me see her anymore",
    "my friend said she wants to die and my parents wont let me go to hers",
    "my sister is self harming and my dad doesnt let me talk about it",
    "my best friend is self harming and her boyfriend wont let me see her",
])
def test_a_parents_rule_beside_a_friends_crisis_is_still_the_friends(text):
    """The review (session 39): a parent's "won't let me" is no partner's control."""
    assert third_party_report(text)


@pytest.mark.parametrize("text", [
    "my mum took loads of pills and wont wake up", "my dad took an overdose", "my mum tried to kill herself last night",
    "my dad keeps saying he wants to die", "my mum is cutting herself again", "my nan wont wake up",
    "my dad has taken all of his sleeping tablets", "my step dad hanged himself",
    "my mum keeps saying she wants to die and i dont know what to do",
])
def test_an_adult_at_home_in_danger_is_someone_else(text):
    """"my mum took loads of pills" got the young person's own reply (session 41's note): a parent's
    own act of harm, told by their child, is a report about someone else."""
    assert third_party_report(text)
    assert reply_kind(["danger_overdose"], parent=False, text=text) == "third_party"


@pytest.mark.parametrize("text", [
    "my mum doesnt know i cut myself", "my dad would kill me if he knew", "my mum blames herself for my self harm",
    "my mum took my phone and i want to die", "my dad hit me and then took an overdose", "my mum found the pills i took",
    "my mum says i should kill myself", "my mum took me to a&e after i took an overdose", "my dad is going to kill me",
])
def test_a_parent_named_beside_the_speakers_own_danger_is_no_report(text):
    assert not third_party_report(text)


@pytest.mark.parametrize("text", [
    "my big sister was saying she wanted to die last night", "my little brother is cutting himself",
    "she took loads of her tablets the sertraline ones and some of dads codeine i found the boxes empty",
    "shes cut her thighs, i saw", "my nan is diabetic and i think she did too much insulin on purpose",
    "she just told me she swallowed a whole pack of her pills", "i think my mum took an overdose",
    "i came home and my dad had taken loads of pills", "im scared my dad has taken an overdose",
    "she's told me on the phone she's taken all her diazepam", "i saw cuts on her arms when she was getting changed",
    "shes taken a load of ket and something else at a party", "theres a needle next to him and hes not answering me",
    "my nan keeps scratching her arms till they bleed",
])
def test_another_persons_own_harm_told_as_she_or_he_is_someone_else(text):
    """Development conversations G18 (session 42): each got the young person's own crisis reply."""
    assert third_party_report(text)


@pytest.mark.parametrize("text", [
    "my little sister hit me", "my big brother touches me", "he made me take loads of pills", "she said i should kill myself",
    "they told me to kill myself", "i took loads of pills and she doesnt know", "she wants me to die", "he wanted to kill me",
    "im locked in my room with my little brother", "drank most of a bottle of vodka and took 6 of my brothers diazepam",
    "been on my mates sofa the last 3 nights cos i cant go home", "there are cuts on my arms", "i took all my pills",
    # the review (session 42): the speaker's own danger anywhere in the message keeps it theirs
    "ive taken an overdose and my mum isnt answering", "i took 20 paracetamol, i tried calling my dad but hes not answering",
    "i rang childline but theyre not answering and ive got the pills in front of me",
    "my foster carer isnt answering and i cut too deep, theres so much blood", "i took 30 pills and my mum wont wake up",
    "shes not answering and im going to do it tonight", "he blocked me and hes not answering, i want to kill myself",
    "my dad hanged himself last year and now i want to die too", "my mum hung herself and i found her and i want to do the same",
    "my dad overdosed and died and i have his pills now, i want to take them all",
    "my mum overdosed when i was 5 and now ive taken 20 paracetamol", "she took all her pills and i took all mine",
    "my dad said he'll kill himself and take me with him", "he threatened to kill himself if i break up with him so im stuck, i want to die",
    "he wants to die and wants me to die with him", "i want to die. my mum wants to die too",
    "he took all his stuff and left and i want to die", "she had all her friends over and they laughed at me, i want to die",
    "my dad had a bottle of vodka and is screaming downstairs, im so scared, i want to die",
    "my stepdad choked my mum till she was unconscious and now hes coming upstairs", "he od'd me", "they overdosed me on purpose",
    # the second review (session 42)
    "took 30 pills and she wont wake up", "iv took 30 paracetamol and hes not responding to my texts",
    "i slit my wrists and he’s not responding", "ive drunk bleach and shes not responding to my texts",
    "shes cut her thighs and im on the bridge now", "my dad keeps saying we'd be better off without him and im ending it tonight",
    "my mum made me swallow loads of her tablets and now she wont wake up", "he took loads of pills and he's making me take them as well",
    "took 20 pills and my mum wont wake up to help me",
    "me n my mum both took loads of pills", "my mum took an overdose and wont wake up and i want to unalive too",
    "my mum overdosed and im gonna take the rest of her tablets", "my brother hanged himself last year and now i want to die too",
    "my friend died and i want to kill myself", "ive cut my wrists open and my boyfriend wont wake up",
])
def test_the_speakers_own_danger_beside_another_person_is_still_theirs(text):
    """The first version read "my little brother" and "my mates" as a report, and the review found
    the speaker's own overdose beside "my mum isnt answering" read as someone else's."""
    assert not third_party_report(text)


@pytest.mark.parametrize(("text", "taken"), [
    # a user trial (session 45): every answer after it got "please call 999 now"
    ("My daughter is 14. Last year she took an overdose and was in hospital for two days. She's doing much better now", False),
    ("he overdosed two years ago, hes ok now", False),
    ("she took an overdose last year and took more pills tonight", True),  # something recent beside it
    ("she took an overdose last week", True),  # days, not months: some overdoses harm later
    ("i took 20 pills an hour ago", True),
    ("he overdosed two years ago and now again", True),
])
def test_an_overdose_long_ago_is_not_one_just_taken(text, taken):
    from signposting.risk_decision import took_something_already

    assert took_something_already(["overdose"], text) is taken


@pytest.mark.parametrize("text", [
    "one of my players told me hes being made to sell weed by older boys", "one of my lads says he wants to kill himself",
    "one of our girls has been cutting herself",
])
def test_a_coachs_one_of_my_players_is_about_someone_else(text):
    """A user trial, session 47: a football coach's "one of my lads" got the young person's own reply."""
    assert third_party_report(text)


@pytest.mark.parametrize("text", [
    "one of my friends and me both want to die", "both of us want to die, me and my mate",
    # the review, session 47: each was a report about someone else in a first version
    "one of my squad told me to kys and i think i might", "one of my squad told me to kys",
    "one of my team mates is threatening to share my nudes", "one of my lads said he'd stab me",
])
def test_the_speaker_in_it_too_is_no_report_about_someone_else(text):
    assert not third_party_report(text)


def test_a_professional_told_of_exploitation_keeps_its_reply():
    """Kept for its numbers (KEPT_FOR_PROFESSIONALS); the reply and the safety question speak to the adult."""
    text = "one of my players told me hes being made to sell weed by older boys"
    assert reply_kind(["exploitation"], parent=False, text=text, professional=True) == "exploitation"
    assert reply_kind(["exploitation"], parent=False, text=text) == "third_party"
