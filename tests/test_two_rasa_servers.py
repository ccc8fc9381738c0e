"""`make run` starts two Rasa servers (issue #15): the web app keeps each conversation on one, and
when that one is down the other carries the same conversation on from the shared tracker store,
crisis replies included. Real model, action server, two Rasa servers and the web app."""
from __future__ import annotations

import json
import urllib.error
import urllib.request
import uuid

import pytest

from bot.launcher import (
    free_port,
    spawn_action_server,
    spawn_rasa_server,
    start_web_app,
    stop,
    wait_for_action_server,
    wait_for_rasa_server,
)
from bot.web.relay import server_for

pytestmark = pytest.mark.servers


@pytest.fixture(scope="module")
def stack(seeded_engine, tmp_path_factory):
    logs = tmp_path_factory.mktemp("two-rasa")
    (logs / "1").mkdir()
    (logs / "2").mkdir()
    url = str(seeded_engine.url)
    action_port, ports = free_port(), [free_port(), free_port()]
    processes = {"actions": spawn_action_server(url, action_port, logs)}
    try:
        for number, port in enumerate(ports, start=1):
            processes[f"rasa{number}"] = spawn_rasa_server(
                url, port, action_port, logs / str(number), tracker_db=logs / "conversations.db",
                extra_env={"TF_INTRA_OP_PARALLELISM_THREADS": "1", "TF_INTER_OP_PARALLELISM_THREADS": "1"},
            )
        wait_for_action_server(processes["actions"], action_port)
        for number, port in enumerate(ports, start=1):
            wait_for_rasa_server(processes[f"rasa{number}"], port)
        web_url, processes["web"] = start_web_app(
            ports[0], logs, RASA_URL=",".join(f"http://127.0.0.1:{port}" for port in ports)
        )
        yield web_url, [processes["rasa1"], processes["rasa2"]]
    finally:
        for process in processes.values():
            stop(process)


def say(web_url: str, sender: str, text: str) -> tuple[int, str]:
    body = json.dumps({"sender": sender, "message": text}).encode()
    request = urllib.request.Request(f"{web_url}api/message", data=body, headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            status, answer = response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        status, answer = error.code, json.loads(error.read())
    return status, "\n".join(message.get("text") or "" for message in answer["messages"])


def test_a_conversation_goes_on_through_the_other_server_when_its_own_is_down(stack):
    web_url, servers = stack
    sender = uuid.uuid4().hex
    assert "Who is chatting today?" in say(web_url, sender, "hi")[1]
    assert "How old are you?" in say(web_url, sender, "young person")[1]
    own = servers[server_for(sender, 2)]
    stop(own)  # as if it crashed between two messages (make run's supervisor would restart it)
    status, reply = say(web_url, sender, "14")
    assert status == 200 and "Which school or college do you go to?" in reply  # the same conversation, carried on
    status, reply = say(web_url, sender, "I want to kill myself")
    assert status == 200 and "Are you safe right now?" in reply and "0800 1111" in reply
