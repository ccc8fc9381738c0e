"""Safety: every message in the team's escalation set must fire; figures of speech must not."""
from pathlib import Path

import pytest
import yaml

from signposting.risk import detect_risk

SAFETY = Path(__file__).resolve().parent / "safety"
ESCALATE = yaml.safe_load((SAFETY / "escalate.yml").read_text())["messages"]
NO_ESCALATE = yaml.safe_load((SAFETY / "no_escalate.yml").read_text())["messages"]
MAX_FALSE_POSITIVE_RATE = 0.05


def test_the_sets_are_big_enough():
    assert len(ESCALATE) >= 200 and len(NO_ESCALATE) >= 200


def test_recall_is_100_percent_on_the_escalation_set():
    missed = [m["text"] for m in ESCALATE if not detect_risk(str(m["text"])).is_risk]
    print(f"\nrisk detector recall: {len(ESCALATE) - len(missed)}/{len(ESCALATE)}")
    assert missed == []


def test_false_positive_rate_is_under_5_percent():
    fired = [m["text"] for m in NO_ESCALATE if detect_risk(str(m["text"])).is_risk]
    rate = len(fired) / len(NO_ESCALATE)
    print(f"\nrisk detector false positives: {len(fired)}/{len(NO_ESCALATE)} = {rate:.1%}: {fired}")
    assert rate < MAX_FALSE_POSITIVE_RATE


@pytest.mark.parametrize(
    "text",
    ["this homework is killing me", "I'm dying of boredom", "my mum will kill me if I fail", "i cut my hair myself",
     "i'm not suicidal, i just can't sleep"],
)
def test_figures_of_speech_do_not_fire(text):
    assert not detect_risk(text).is_risk


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("i want to unalive myself", "suicidal"),
        ("kms", "suicidal"),
        ("thinking about sewerslide", "suicidal"),
        ("i don't want to be here anymore", "suicidal"),
        ("i cut myself again", "self_harm"),
        ("my daughter is self harming", "self_harm"),
        ("i od'd on paracetamol", "danger_overdose"),
        ("my stepdad hits me", "abuse"),
        ("someone online keeps asking me for nudes", "grooming_online"),
        ("he says he will send my pics to everyone unless i pay", "grooming_online"),
        ("i owe them money and they made me hold it", "exploitation"),
        ("they are taking me to pakistan to marry my cousin", "forced_marriage_fgm"),
        ("i fainted twice and have not eaten in 4 days", "eating_disorder_danger"),
        ("the voices tell me to hurt my brother", "psychosis_harm"),
        ("im sleeping in a stairwell tonight", "unsafe_home"),
        ("97 days clean and i ruined it", "self_harm"),
        ("got the tablets in front of me", "suicidal"),
        ("i'm going to run away tonight", "unsafe_home"),
    ],
)
def test_each_category_fires_and_is_recorded(text, category):
    result = detect_risk(text)
    assert category in result.categories
    assert all(match.pattern for match in result.matches)


@pytest.mark.parametrize(
    "text", ["thanks for everything, bye everyone", "I won't be anywhere on Monday", "I've made my decision",
             "i'll be with mum soon", "ill save them the paperwork this time", "see ya never", "fine. i'll show them",
             "might just go for it while everyones asleep", "and i meant it",
             "everyone will be happier when im gone", "not like anyone will notice"]
)
def test_a_goodbye_alone_is_finality_not_risk(text):
    """Finality words escalate only after earlier distress (the crisis policy's context rule)."""
    result = detect_risk(text)
    assert result.finality and not result.is_risk


@pytest.mark.parametrize(
    ("text", "finality"),
    [("i'm not doing another week of this", True), ("i could disappear and no one would notice for weeks", True),
     ("my gf dumped me and my best mate sided w her. i've got literally no one", False), ("i have nobody left", False),
     ("im not doing another year of this", True)],
)
def test_a_passive_wish_not_to_go_on_is_distress(text, finality):
    """Alone the check question, and a later "honestly that's the plan" escalates; the two that are
    finality too get the crisis reply after earlier distress (development conversations G2, session 38)."""
    result = detect_risk(text)
    assert result.categories == ("distress",)
    assert result.finality == finality


@pytest.mark.parametrize(
    "text", ["not doing another year of this school lol", "i have no one to sit with at lunch", "i've got no one to go to prom with",
             "the biscuits could disappear and nobody would notice", "my cat could disappear and no one would notice",
             "I miss my friends from my country. Here I have no one."],
)
def test_everyday_neighbours_of_a_passive_wish_are_not_distress(text):
    assert "distress" not in detect_risk(text).categories


@pytest.mark.parametrize(
    ("text", "category"),
    [("stuff smashing", "unsafe_home"), ("stuffs smashing", "unsafe_home"), ("i can hear glass smashing", "unsafe_home"),
     ("im in my wardrobe with my little brother", "unsafe_home"), ("me and my brother are under my bed", "unsafe_home"),
     ("hiding under the bed", "unsafe_home"), ("i just need to tell someone before i do it", "suicidal"),
     ("gotta tell someone b4 i do it", "suicidal"), ("just wanted someone to know before i do it", "suicidal"),
     ("been stockpiling my sertraline for a few weeks", "danger_overdose"), ("saving up my fluoxetine", "danger_overdose"),
     ("been saving up loads of my meds", "danger_overdose"), ("been stockpiling sertraline for a few weeks", "danger_overdose"),
     ("sharpening knives in his room", "psychosis_harm"), ("sharpening a knife to deal with my stepdad", "psychosis_harm"),
     ("Last night I found him sharpening a kitchen knife in his room.", "psychosis_harm"),
     ("he keeps sharpening knives to deal with them", "psychosis_harm")],
)
def test_danger_typed_in_a_hurry_fires(text, category):
    """Development conversations G11 and the review (session 38)."""
    assert category in detect_risk(text).categories


@pytest.mark.parametrize(
    "text", ["im in the closet with my parents and my friends know", "im in my closet with my headphones on",
             "im in the cupboard with my brother playing hide and seek lol", "the plates are in the cupboard",
             "i can hear my brother gaming", "i want to tell someone before i do my exam", "i smashed it at football",
             "sharpening my pencil", "my dad sharpens the kitchen knives every sunday", "sharpening the knife for the roast",
             "im saving up my money", "sharpening my knife in my room for scouts camp tomorrow",
             "sharpening knives to get them ready for the roast"],
)
def test_everyday_neighbours_of_danger_in_a_hurry_do_not_fire(text):
    assert not detect_risk(text).matches


@pytest.mark.parametrize("text", ["before i go", "b4 i go", "nvm im just gonna do it", "nvm imma just do it",
                                  "nevermind im just gonna do it", "never mind ill just do it"])
def test_a_last_word_in_a_hurry_is_finality(text):
    result = detect_risk(text)
    assert result.finality and not result.is_risk


@pytest.mark.parametrize("text", ["before i go, is this chat private?", "before i go x", "before i go to bed can u tell me the number",
                                  "ok im just gonna do it", "ok im gonna do it, im telling them tonight"])
def test_everyday_neighbours_of_a_last_word_are_not_finality(text):
    """The review (session 38): after an earlier check and "no", these got the crisis reply."""
    assert not detect_risk(text).finality


@pytest.mark.parametrize(
    "text", ["ill be with my dad again at the weekend", "i'll show them my drawing", "while everyone was asleep i played fortnite",
             "mum will be with me soon", "i need to tell someone before my exam", "i'll be with my dad soon, he's picking me up",
             "im trying to save my money for a new phone", "not doing another year of this school lol", "i see you never listen to me",
             "say goodbye to someone at the station", "when im gone on holiday can you feed the cat",
             "its not like anyone will notice my new haircut", "once im gone to uni ill ring every week"],
)
def test_everyday_neighbours_of_the_new_goodbyes_are_not_finality(text):
    assert not detect_risk(text).finality


@pytest.mark.parametrize(
    ("text", "risk"),
    [("she weighs 5 stone", True), ("down to 35 kg", True), ("her bmi is 14", True),
     ("i weigh 9 stone", False), ("he weighs 60 kg", False)],
)
def test_a_weight_escalates_only_when_dangerously_low(text, risk):
    assert detect_risk(text).is_risk is risk


@pytest.mark.parametrize("text", ["unalived the ender dragon", "i passed my exam", "i burned my hand on the kettle"])
def test_more_figures_of_speech_do_not_fire(text):
    assert not detect_risk(text).is_risk


@pytest.mark.parametrize("text", ["gonna od tonight", "i od on my meds", "im going to od"])
def test_od_is_still_an_overdose(text):
    assert "danger_overdose" in detect_risk(text).categories


@pytest.mark.parametrize("text", ["od nowa", "od początku proszę", "smutny od rana"])
def test_polish_od_meaning_from_is_not_an_overdose(text):
    assert "danger_overdose" not in detect_risk(text).categories


# Session 10: the patterns for danger said in passing, and their near misses one by one.
@pytest.mark.parametrize("text", [
    "last time i tried to get a gp appointment it took weeks", "last time i tried that it didnt help",
    "he wont be needing it for long, the cast comes off next week", "15 for now but 16 next week",
    "worried about knife crime on the streets", "i work in a refuge for women", "he has never been in a refuge",
    "we need to stay somewhere tonight while the boiler is fixed", "my boyfriends 16",
])
def test_near_misses_of_danger_said_in_passing_do_not_fire(text):
    assert not detect_risk(text).is_risk


@pytest.mark.parametrize("text", [
    "last time i tried it didnt work", "i wont be needing this for long", "15 for now", "my boyfriend's 24 is that ok",
    "can i stay somewhere tonight", "not in school, im on the streets mostly", "we moved into a refuge last week",
])
def test_danger_said_in_passing_fires(text):
    assert detect_risk(text).is_risk


@pytest.mark.parametrize("text", [
    "how late is childline open, i dont think i can keep myself safe tonight",
    "i don't know if i can keep myself safe",
    "i cant promise i will stay safe",
    "not sure i can stay safe tonight",
    "i cant stay safe tonight",
])
def test_not_being_able_to_keep_safe_fires(text):
    risk = detect_risk(text)
    assert risk.is_risk and "danger_overdose" in risk.categories, (text, risk)


@pytest.mark.parametrize("text", ["how do i keep myself safe online", "stay safe x", "i can keep myself safe, thanks"])
def test_keeping_safe_said_plainly_does_not_fire(text):
    assert not detect_risk(text).is_risk


@pytest.mark.parametrize("text", [
    "i think about dying a lot", "i keep thinking about dying", "i think about dying a lot but i wouldnt do anything",
    "i keep thinking about being dead", "i dream about dying",
])
def test_thinking_about_dying_fires(text):
    """A user trial (session 19): "i think about dying a lot" at "What has been going on?" got
    bereavement services and no crisis help ("dying" was not the lemma "die")."""
    assert detect_risk(text).is_risk


@pytest.mark.parametrize("text", ["i had a dream about my dog dying", "my nan is dying and i think about her a lot"])
def test_someone_else_dying_does_not_fire(text):
    assert not detect_risk(text).is_risk


@pytest.mark.parametrize("text", [
    "i want to finish my life, i am tired", "better if i am dead", "15 but tbh dont think ill make it to 16",
    "i stay at my uncles sometimes he does stuff to me i dont like", "i had a knife, its for protection ppl after me",
    "i make more money with them doing drops", "the boys are after me",
])
def test_a_user_trials_missed_words_fire(text):
    """Session 20's young people (a user trial): each of these got no crisis help or only the check."""
    assert detect_risk(text).is_risk


@pytest.mark.parametrize("text", [
    "i need to finish my homework", "im finishing my life story project", "i dont think ill make it to the party",
    "the doctor said do drops in my eyes",
])
def test_their_everyday_neighbours_do_not(text):
    assert not detect_risk(text).is_risk


def test_a_question_about_how_many_pills_would_kill_fires_and_a_dose_question_does_not():
    """"how many paracetamol would it take" got the check question, then "no just asking" a list."""
    assert detect_risk("how many paracetamol would it take").is_risk
    assert detect_risk("how many paracetamol would be lethal").is_risk
    assert not detect_risk("how much ibuprofen can i take for a headache").is_risk


@pytest.mark.parametrize("text", [
    "im not safe", "not safe", "Not safe!", "unsafe", "i dont feel safe", "i feel unsafe", "im not sure im safe",
    "not safe at all", "i dont feel safe around him",
])
def test_not_safe_said_by_itself_fires(text):
    """Session 36: these got "Sorry, I didn't get that" as a first message and at every question."""
    assert "danger_overdose" in detect_risk(text).categories


@pytest.mark.parametrize("text", ["is this chat safe", "i am safe", "i feel safe now", "its not safe to walk there at night"])
def test_safe_and_a_place_not_safe_to_walk_do_not_fire(text):
    assert not detect_risk(text).is_risk


@pytest.mark.parametrize("text", [
    "help", "help me", "please help", "Help!", "i need help now", "im scared", "scared", "cutting", "i give up",
    "whats the point", "whats the point?", "i hate my life", "i want it to stop", "call the police", "i need an ambulance",
    "helpp", "pls help", "im so scared",
])
def test_short_messages_of_danger_or_despair_fire(text):
    """A battery of short risk messages (session 36): each got "Sorry, I didn't get that", "OK, I'll
    stop here", the bot's identity or "I couldn't find that school", with no 999."""
    assert detect_risk(text).is_risk


@pytest.mark.parametrize("text", [
    "i need help", "can you help me?", "i need help with my anxiety", "im scared of exams", "i dont hate my life",
    "i give up on maths", "whats the point of homework", "i want the bullying to stop", "helpful", "the police came round",
    # "^": only as the whole message (development answers and conversations, session 36)
    "can u help me", "can you help me.", "coach says no water cutting", "ok that makes me feel less scared. it's at 4. bye!",
    "my SW thinks theyre lovely so whats the point",
])
def test_asking_for_help_and_everyday_fears_do_not_fire(text):
    assert not detect_risk(text).is_risk


@pytest.mark.parametrize(("text", "category"), [
    ("note written.", "suicidal"), ("if i fail, gone", "suicidal"), ("hiding my cuts", "self_harm"),
    ("he swallowed the sertraline box", "danger_overdose"), ("how many paracetamol kills", "danger_overdose"),
    ("xanax and vodka", "danger_overdose"), ("he forced me", "abuse"), ("my brother does things to me", "abuse"),
    ("belt marks", "abuse"), ("coach wants to meet me alone", "grooming_online"), ("he asked my bra size", "grooming_online"),
    ("gone OT for the olders", "exploitation"), ("running for the olders", "exploitation"), ("i owe the dealers", "exploitation"),
    ("ran away, its dark", "unsafe_home"), ("phone 2% help", "danger_overdose"), ("the tv says die", "psychosis_harm"),
    ("he hears voices, has a knife", "psychosis_harm"),
])
def test_danger_in_a_few_words_fires(text, category):
    """Development author QD (session 36): messages of one to six words the lexicon missed."""
    assert category in detect_risk(text).categories


@pytest.mark.parametrize("text", [
    "he forced me to do my homework", "she wants to meet up at the park", "my phone is on 50%", "i owe my mum money",
    "mum does things for me", "i took a paracetamol", "my brother hears voices, he is ok", "i ran off the pitch",
])
def test_the_same_words_in_everyday_messages_do_not_fire(text):
    assert not detect_risk(text).is_risk


@pytest.mark.parametrize("text", [
    "no one would miss me", "kill me", "im going to do it", "bye forever", "i cant breathe", "sos",
    "im not ok", "not ok", "i hate myself", "im worthless", "i'm nothing", "im a burden", "everyone hates me", "no one cares",
    "so tired of it all", "nothing helps", "its over", "i cant cope", "theres blood", "took 20",
])
def test_a_second_battery_of_short_messages_fires(text):
    """Session 36: each by itself got nothing, "Bye for now" or "OK, I'll stop here"."""
    assert detect_risk(text).is_risk


@pytest.mark.parametrize("text", [
    "maths test tomorrow, kill me now", "kill me now, maths", "im done with my homework", "i took 2", "its over for england lol",
    "nobody cares about football", "i am not ok with that", "everyone hates mondays", "i hate myself for eating that cake lol",
    "i can not breathe through my nose", "bye everyone see you tomorrow", "goodbye", "nothing works on my phone",
    "i cant cope with maths", "im done", "goodbye everyone",  # finality: the crisis reply only after distress
])
def test_the_same_words_said_in_passing_do_not_fire(text):
    assert not detect_risk(text).is_risk


@pytest.mark.parametrize("text", [
    # ended by an emoji, a kiss or a question mark; after a greeting, an age or a place
    "im scared 😭", "sos 😭", "im not ok x", "she forced me x", "im not ok...", "i hate myself 🙃", "cutting 😔",
    "hi im not ok", "honestly im not ok", "hey, help me", "i just cant cope", "i really hate myself", "14 im scared",
    "harlow. help me", "year 9 and im not ok", "im 14 and i hate myself", "14. i cant cope",
    # "what's" is "what" and "'s"; "the" is not needed before 999 or the police
    "what's the point", "What’s the point", "there's blood", "it's over.", "call 999", "ring 999", "pls call police",
    "call me an ambulance",
    # a pronoun set in a sentence keeps its subject
    "he/she hits me", "they/them hit me", "he/she forced me",
])
def test_the_reviews_short_messages_fire(text):
    """The review of session 36: each got nothing with the first patterns."""
    assert detect_risk(text).is_risk


@pytest.mark.parametrize("text", [
    "no one will care if i dont go to the party", "he's going OT next week", "we went OT for his sensory assessment",
    "the game went OT again", "my cover letter is done.", "i wrote a letter.", "the roads round here are not safe.",
    "my son says school is unsafe.", "he has to take his medicine all day", "i forgot to take my meds all week",
    "theres blood on my nose from football", "blood everywhere in that film lol", "the tv said 3 people died",
    "if i fail maths im dead.", "the counsellor wants to see me alone", "we had to call an ambulance for my nan last week",
    "the school had to call the police on a boy", "is it ok to take diazepam with alcohol",
    "i need help now with her school refusal", "this level is impossible i give up.", "bye everyone", "our cat ran away.",
])
def test_the_reviews_false_alarms_do_not_fire(text):
    """The review of session 36: each fired with the first patterns."""
    assert not detect_risk(text).is_risk


@pytest.mark.parametrize(
    ("text", "category"),
    [("wearing my hoodie in pe so no one sees", "self_harm"), ("i wear a hoodie so nobody can see", "self_harm"),
     ("keeping my sleeves down so no one notices", "self_harm"),
     ("if i stopped my insulin completely how long would it take", "danger_overdose"),
     ("if i stop my insulin will i die", "danger_overdose"), ("been skipping my insulin on purpose", "danger_overdose"),
     ("how long would it take to die if i stopped my insulin", "danger_overdose"),
     ("my daughter skips her insulin on purpose to lose weight", "danger_overdose"),
     ("wearing my hoodie so no-one sees", "self_harm"), ("i wear a hoodie so my mum doesnt see", "self_harm"),
     ("i wear bracelets so no one sees my wrists", "self_harm"), ("he'd buy me stuff if i send nudes", "grooming_online"),
     ("if i stopped my meds how long would it take", "danger_overdose"),
     ("im going to stop my epilepsy meds to see what happens", "danger_overdose"),
     ("he said hed buy me the new iphone if i do one more of the videos he likes", "grooming_online"),
     ("he gives me vbucks if i send him pics", "grooming_online")],
)
def test_hidden_marks_stopped_medicine_and_gifts_for_videos_fire(text, category):
    """Development conversations G12 (session 39): each got nothing or only the check question."""
    assert category in detect_risk(text).categories


@pytest.mark.parametrize(
    "text", ["wearing hoodies so no one will recognise me", "if i stop taking my meds how long until i feel normal",
             "i never skip my insulin on purpose", "mum said shell buy me a ps5 if i do well in my exams",
             "dad will give me a tenner if i take photos at the wedding", "i forgot my insulin at my mates",
             "school started again", "i started over at a new school", "hes doing it every night now",
             # the review (session 39)
             "i always wear long sleeves so no one sees my eczema", "i wear a hoodie so no one sees my acne",
             "i wear long sleeves so no one can see my tattoo", "if i stop taking my medication how long will it take to feel normal again",
             "if i miss my insulin how long before i should take it",
             "my nan said she'll give me £5 if i send her pics of the puppy", "mum promised me a new phone if i do my school photos",
             "my teacher said she'd give me a merit if i make a video for assembly", "start again", "ok start again",
             "start again for my other son", "i started again with my counsellor", "its every night now"],
)
def test_everyday_neighbours_of_hidden_marks_and_stopped_medicine_do_not_fire(text):
    assert not detect_risk(text).matches


@pytest.mark.parametrize("text", ["started again after the funeral", "it started again last week", "it's started again",
                                  "i've started again", "started again"])
def test_it_starting_again_is_finality(text):
    """After "wearing my hoodie in pe so no one sees" this got "OK, let's start again" (G12, session 39):
    alone nothing, after distress the crisis reply. Never "start again", a request (the review)."""
    result = detect_risk(text)
    assert result.finality and not result.is_risk


@pytest.mark.parametrize("text", ["ive stopped my meds on purpose", "i missed my meds on purpose because they make me sick",
                                  "if i skip my insulin how long"])
def test_stopping_ones_medicine_on_purpose_gets_the_check_question(text):
    """The second review (session 39): these lost the check; stopping one's medicine is not always a plan."""
    assert detect_risk(text).categories == ("distress",)


@pytest.mark.parametrize("text", ["if i stop my meds how long would it take to die", "if i stop my insulin how long till i die",
                                  "i keep missing my insulin on purpose", "if i stop taking my insulin how long would i have",
                                  "i wear a hoodie so no one sees them", "she always wears long sleeves so no one can see her arms"])
def test_the_second_reviews_variants_fire(text):
    assert detect_risk(text).is_risk and "distress" not in detect_risk(text).categories


@pytest.mark.parametrize("text", ["sometimes i wish i could just disappear", "wish i could just vanish", "i wish i could disappear forever"])
def test_a_wish_to_disappear_said_with_could_fires(text):
    """A user trial, session 47: "sometimes i wish i could just disappear" got "Sorry, I didn't get that"."""
    assert "suicidal" in detect_risk(text).categories


@pytest.mark.parametrize("text", ["i wish my spots would just disappear", "i wish the exam could just disappear"])
def test_a_wish_that_something_else_disappears_does_not_fire(text):
    """Only the speaker's own wish to disappear or vanish."""
    assert "suicidal" not in detect_risk(text).categories


@pytest.mark.parametrize("text", [
    "she said she wished she wasnt here", "i wish i wasnt here", "he said he wishes he wasnt alive", "i wish i wasnt born",
    "wish i wasnt here anymore", "my son says he wishes he wasnt here",
])
def test_a_wish_not_to_be_here_fires(text):
    """A user trial, session 47: a grandmother's "she said she wished she wasnt here" got only the models' check."""
    assert "suicidal" in detect_risk(text).categories


@pytest.mark.parametrize("text", ["i wish i never existed", "i wish i didnt exist", "i wish i wasnt here tbh", "i wish i wasnt here right now"])
def test_a_wish_never_to_have_existed_fires(text):
    """The review, session 47: missed by the lexicon."""
    assert "suicidal" in detect_risk(text).categories


@pytest.mark.parametrize("text", [
    "i wish i wasnt here for this lesson", "i wish he wasnt here", "i wish i wasnt so shy",
    # the review, session 47: each fired in a first version
    "i wish i wasnt born in this family, they are so strict about my phone", "i wish i wasnt born a girl",
    "i wish i wasnt born so tall, people stare at me", "i wish i wasnt alive in the 80s",
    "exam stress, i wish i could disappear for a week on holiday lol",
    "i get really anxious in class, i wish i could just disappear when the teacher asks me questions",
    "i wish i could just disappear lol my sister is so embarrassing",
])
def test_neighbours_of_a_wish_not_to_be_here_do_not_fire(text):
    assert "suicidal" not in detect_risk(text).categories


@pytest.mark.parametrize("text", [
    "my foster daughter is 13, she keeps running away from placement", "she keeps running away",
    "she ran away from her placement last night", "he ran away from the childrens home", "i keep running away",
])
def test_running_away_from_a_placement_or_again_and_again_is_unsafe(text):
    """A user trial, session 47: a foster carer's "she keeps running away from placement" got the parent's
    general reply (PAPYRUS), not the Runaway Helpline."""
    assert "unsafe_home" in detect_risk(text).categories


@pytest.mark.parametrize("text", [
    "he keeps running away from his problems", "i keep running away from my feelings", "my dog keeps running away",
    "the cat ran away from us", "stop running away from the question lol",
])
def test_running_away_from_feelings_or_a_pet_running_off_is_not(text):
    assert "unsafe_home" not in detect_risk(text).categories
