"""Issue #16: each shipped deployment, started with DEPLOYMENT=<name> and its own services
database, says its own local line in the crisis reply, names only its own areas and answers
"outside our areas" for the rest. The same trained model for all four: switching deployment
needs no retraining. The three other deployments' servers start together, once per module (the combined
default uses the session's servers)."""
from __future__ import annotations

import pytest

from bot.launcher import BotSpec, running_bots
from services_db.database import make_engine
from services_db.loader import load_all
from signposting.deployment import ELSEWHERE_LINE, load_deployment
from tests.test_conversations import Conversation as RestConversation

pytestmark = pytest.mark.servers

HERTS_LINE = "0800 6444 101"
LLR_LINE = "0808 800 3302"
WEST_ESSEX_LINE = "In West Essex, call 111 and choose the mental health option"
LOCAL_NUMBERS = (HERTS_LINE, LLR_LINE)
CRISIS = "i keep cutting myself"


OTHER_DEPLOYMENTS = ["herts-west-essex", "leicester-leicestershire-rutland", "national"]


@pytest.fixture(scope="module")
def other_deployments(tmp_path_factory):
    """Each deployment other than the default with its own services database and servers, all started at once."""
    specs = []
    for name in OTHER_DEPLOYMENTS:
        folder = tmp_path_factory.mktemp(name)
        engine = make_engine(f"sqlite:///{folder / 'services.db'}")
        load_all(engine, deployment=load_deployment(name))
        specs.append(BotSpec(str(engine.url), folder, extra_env={"DEPLOYMENT": name}))
    with running_bots(specs) as bots:
        yield dict(zip(OTHER_DEPLOYMENTS, bots, strict=True))


@pytest.fixture(scope="module", params=["combined", *OTHER_DEPLOYMENTS])
def deployed(request):
    name = request.param
    if name == "combined":  # the default: the session's servers already run it
        return name, request.getfixturevalue("bot")
    return name, request.getfixturevalue("other_deployments")[name]


class Conversation(RestConversation):
    """The REST client of tests/test_conversations.py, plus the way to the area question."""

    def up_to_the_area_question(self) -> list[dict]:
        for text in ["hi", "young person", "15"]:
            self.say(text)
        return self.say("skip")


# Per deployment: a place of its own and the line a user there gets; a place it does not cover
# and how the bot names its own areas.
OWN_PLACE = {
    "combined": ("Hitchin", HERTS_LINE),
    "herts-west-essex": ("Harlow", WEST_ESSEX_LINE),
    "leicester-leicestershire-rutland": ("Oakham", LLR_LINE),
    # No area of its own: the other UK nations' lines are the only places it answers as such.
    "national": ("Cardiff", "In Wales, call 111 and press 2"),
}
OUTSIDE = {
    "combined": ("Manchester", "(Hertfordshire, West Essex, Leicester, Leicestershire and Rutland)"),
    "herts-west-essex": ("Leicester", "(Hertfordshire and West Essex)"),
    "leicester-leicestershire-rutland": ("Stevenage", "(Leicester, Leicestershire and Rutland)"),
}
AREA_BUTTONS = {
    "combined": ["Hertfordshire", "West Essex", "Leicester", "Leicestershire", "Rutland", "Somewhere else"],
    "herts-west-essex": ["Hertfordshire", "West Essex", "Somewhere else"],
    "leicester-leicestershire-rutland": ["Leicester", "Leicestershire", "Rutland", "Somewhere else"],
    "national": ["Somewhere else"],
}


def test_the_area_question_names_only_the_deployments_areas(deployed):
    name, bot = deployed
    asked = Conversation(bot.rasa_url).up_to_the_area_question()
    question = "\n".join(message.get("text", "") for message in asked)
    assert "Where do you live?" in question and load_deployment(name).postcode_examples in question
    titles = [button["title"] for message in asked for button in message.get("buttons", [])]
    assert titles[: len(AREA_BUTTONS[name])] == AREA_BUTTONS[name]


def test_a_user_in_the_deployments_area_gets_its_local_line(deployed):
    name, bot = deployed
    place, line = OWN_PLACE[name]
    chat = Conversation(bot.rasa_url)
    chat.up_to_the_area_question()
    assert "What has been going on" in chat.text(place)
    reply = chat.text(CRISIS)
    assert "999" in reply and line in reply
    assert "None" not in reply.split() and "where you live" not in reply
    assert all(number not in reply for number in LOCAL_NUMBERS if number != line)


def test_a_place_the_deployment_does_not_cover_is_outside_our_areas_and_gets_no_local_line(deployed):
    name, bot = deployed
    chat = Conversation(bot.rasa_url)
    chat.up_to_the_area_question()
    if name == "national":
        answer = chat.text("Stevenage")
        assert "I'll show you help you can use anywhere in England" in answer and "outside" not in answer
    else:
        place, areas = OUTSIDE[name]
        answer = chat.text(place)
        assert f"That's outside the areas I know well {areas}" in answer
    assert "What has been going on" in answer
    reply = chat.text(CRISIS)
    assert "999" in reply and ELSEWHERE_LINE in reply
    assert all(number not in reply for number in LOCAL_NUMBERS)


def test_before_the_area_is_known_the_crisis_reply_gives_the_deployments_lines_only(deployed):
    name, bot = deployed
    reply = Conversation(bot.rasa_url).text("i want to die")
    assert "999" in reply and "None" not in reply.split()
    expected = {
        "combined": (HERTS_LINE, WEST_ESSEX_LINE, LLR_LINE),
        "herts-west-essex": (HERTS_LINE, WEST_ESSEX_LINE),
        "leicester-leicestershire-rutland": (LLR_LINE,),
        "national": (ELSEWHERE_LINE,),
    }[name]
    assert all(line in reply for line in expected)
    assert all(number not in reply for number in LOCAL_NUMBERS if number not in expected)
