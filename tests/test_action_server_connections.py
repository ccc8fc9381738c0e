"""Calls to the action server on kept-alive connections (issue #15, `bot.rasa_speedups`).

A small aiohttp server stands in for the action server and records which TCP connection
each request came on; Rasa's own `RemoteAction` calls it through the installed patch.
"""
from __future__ import annotations

import asyncio

import pytest
from aiohttp import web
from rasa.core.actions.action import RemoteAction
from rasa.utils.endpoints import ClientResponseError, EndpointConfig

from bot import rasa_speedups
from bot.launcher import free_port

rasa_speedups.install()


async def with_server(status: int, body: dict, check) -> list[dict]:
    """Start a fake action server, run `check(url)`, return what each request looked like."""
    seen: list[dict] = []

    async def webhook(request: web.Request) -> web.Response:
        peer = request.transport.get_extra_info("peername") if request.transport else None
        seen.append({"peer": peer, "json": await request.json(), "query": dict(request.query),
                     "content_type": request.headers.get("Content-Type")})
        return web.json_response(body, status=status)

    app = web.Application()
    app.router.add_post("/webhook", webhook)
    runner = web.AppRunner(app)
    await runner.setup()
    port = free_port()
    await web.TCPSite(runner, "127.0.0.1", port).start()
    try:
        await check(f"http://127.0.0.1:{port}/webhook")
    finally:
        await runner.cleanup()
    return seen


def test_consecutive_action_calls_share_one_connection():
    async def check(url: str) -> None:
        endpoint = EndpointConfig(url, token="secret")
        for _ in range(3):
            assert await rasa_speedups.request_kept_alive(endpoint, json={"next_action": "x"}, method="post") == {
                "events": [], "responses": []}

    seen = asyncio.run(with_server(200, {"events": [], "responses": []}, check))
    assert len(seen) == 3
    assert len({request["peer"] for request in seen}) == 1  # one TCP connection, kept alive
    assert all(request["json"] == {"next_action": "x"} for request in seen)
    assert all(request["query"] == {"token": "secret"} for request in seen)  # Rasa's token parameter still sent
    assert all(request["content_type"] == "application/json" for request in seen)


def test_an_error_status_is_raised_as_rasa_raises_it():
    async def check(url: str) -> None:
        with pytest.raises(ClientResponseError) as error:
            await rasa_speedups.request_kept_alive(EndpointConfig(url), json={}, method="post")
        assert error.value.status == 400

    asyncio.run(with_server(400, {"action_name": "x", "error": "rejected"}, check))


def test_remote_action_uses_the_kept_alive_connection_and_leaves_its_endpoint_as_it_was():
    endpoint_seen: list[object] = []

    async def check(url: str) -> None:
        endpoint = EndpointConfig(url)
        action = RemoteAction("action_x", endpoint)
        original_run = rasa_speedups._rasa_remote_action_run

        async def run(self: RemoteAction, *args: object, **kwargs: object) -> object:
            endpoint_seen.append(self.action_endpoint)
            return await self.action_endpoint.request(json={"next_action": "action_x"}, method="post")

        rasa_speedups._rasa_remote_action_run = run
        try:
            await rasa_speedups.remote_action_run(action)
            await rasa_speedups.remote_action_run(action)
        finally:
            rasa_speedups._rasa_remote_action_run = original_run
        assert action.action_endpoint is endpoint

    seen = asyncio.run(with_server(200, {"events": [], "responses": []}, check))
    assert len(seen) == 2 and len({request["peer"] for request in seen}) == 1
    assert all(isinstance(endpoint, rasa_speedups._KeptAliveEndpoint) for endpoint in endpoint_seen)
    assert RemoteAction.run is rasa_speedups.remote_action_run


def test_refused_connection_still_fails_the_call():
    """A stopped action server: the call fails as before (Rasa then reports it and SafetyNetPolicy answers)."""
    import aiohttp

    async def call() -> None:
        await rasa_speedups.request_kept_alive(EndpointConfig(f"http://127.0.0.1:{free_port()}/webhook"), json={})

    with pytest.raises(aiohttp.ClientConnectionError):
        asyncio.run(call())
