"""The load test: its schedule as pure functions, arrivals that keep to it however slow the server, and a
tiny real run against `bangwo serve` that ends with every invariant holding."""

from __future__ import annotations

import asyncio
import io
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI
from fastapi.responses import JSONResponse
from rich.console import Console

from bangwo.ops.loadtest import (
    POOL_CONNECTIONS,
    JourneyShed,
    LoadConfig,
    LoadTest,
    http_clients,
    parse_mix,
    retry_after_seconds,
    run_loadtest,
)
from bangwo.ops.schedule import Schedule, arrivals_per_second
from tests.conftest import SPRING_FESTIVAL_MORNING
from tests.servers import bangwo_serve

TINY = Schedule(5.0, ramp_seconds=2.0, hold_seconds=2.0, spike_factor=2.0, spike_seconds=1.0)  # 5 + 10 + 10 arrivals
QUICK = Schedule(10.0, ramp_seconds=1.0, hold_seconds=1.0, spike_factor=2.0, spike_seconds=0.5)  # 5 + 10 + 10


def test_the_rate_ramps_holds_and_spikes():
    schedule = Schedule(10.0, ramp_seconds=10.0, hold_seconds=5.0, spike_factor=10.0, spike_seconds=3.0)

    assert [schedule.rate_at(t) for t in (0.0, 5.0, 9.9, 10.0, 14.9, 15.0, 17.9, 18.0)] == pytest.approx(
        [0.0, 5.0, 9.9, 10.0, 10.0, 100.0, 100.0, 0.0]
    )
    assert [schedule.phase_at(t) for t in (0.0, 10.0, 15.0, 18.0)] == ["ramp", "hold", "spike", "drain"]
    assert schedule.expected_arrivals(schedule.seconds) == pytest.approx(50 + 50 + 300)


def test_evenly_spaced_arrivals_follow_the_schedule_second_by_second():
    schedule = Schedule(10.0, ramp_seconds=10.0, hold_seconds=5.0, spike_factor=10.0, spike_seconds=3.0)

    counts = arrivals_per_second(schedule.arrivals("fixed"), schedule.seconds)

    # In the ramp, second k is due rate·(2k+1)/(2·ramp) arrivals: 0.5, 1.5, 2.5 ... 9.5.
    due = [schedule.expected_arrivals(k + 1) - schedule.expected_arrivals(k) for k in range(18)]
    assert all(abs(count - expected) <= 1 for count, expected in zip(counts, due, strict=True)), counts
    assert counts[10:15] == [10] * 5 and counts[15:18] == [100] * 3
    assert sum(counts) == 400


def test_poisson_arrivals_keep_the_rate_on_average():
    schedule = Schedule(200.0, ramp_seconds=10.0, hold_seconds=10.0, spike_factor=5.0, spike_seconds=2.0)

    counts = arrivals_per_second(schedule.arrivals("poisson", seed=7), schedule.seconds)

    assert sum(counts[10:20]) == pytest.approx(2000, rel=0.1)
    assert sum(counts[20:22]) == pytest.approx(2000, rel=0.1)
    assert sum(counts[:10]) == pytest.approx(1000, rel=0.1)
    assert list(schedule.arrivals("poisson", seed=7))[:5] == list(schedule.arrivals("poisson", seed=7))[:5]


def test_a_schedule_without_a_ramp_starts_at_the_rate():
    schedule = Schedule(4.0, ramp_seconds=0.0, hold_seconds=2.0, spike_factor=0.0, spike_seconds=1.0)

    assert arrivals_per_second(schedule.arrivals("fixed"), schedule.seconds) == [4, 4, 0]


def test_the_mix_is_read_from_the_command_line():
    assert parse_mix("food=3, status=1") == {"food": 3, "status": 1}
    with pytest.raises(ValueError, match="journey=weight"):
        parse_mix("pizza=3")
    with pytest.raises(ValueError, match="above 0"):
        parse_mix("food=0")


def test_retry_after_is_read_as_seconds():
    assert retry_after_seconds(httpx.Response(503, headers={"Retry-After": "2"})) == 2.0
    assert retry_after_seconds(httpx.Response(503)) == 1.0


def slow_server(seconds: float) -> FastAPI:
    """Every sign-up takes `seconds`, then is shed with a Retry-After longer than the generator waits."""
    app = FastAPI()
    calls = {"n": 0}

    @app.post("/v1/users")
    async def sign_up() -> JSONResponse:
        calls["n"] += 1
        await asyncio.sleep(seconds)
        return JSONResponse({"error": {"code": "overloaded", "message": "later"}}, status_code=503,
                            headers={"Retry-After": "60"})

    app.state.calls = calls
    return app


async def test_arrivals_keep_to_the_schedule_however_slow_the_server():
    app = slow_server(seconds=3.0)  # longer than the whole schedule: no journey ends before the last arrival
    config = LoadConfig(schedule=QUICK, process="fixed", mix={"food": 1}, drain_seconds=10.0, live=False)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://slow") as client:
        result = await LoadTest([client], config).run()

    assert (result.scheduled, result.started, result.dropped) == (25, 25, 0)
    assert result.started_per_second == arrivals_per_second(QUICK.arrivals("fixed"), QUICK.seconds) == [5, 10, 10]
    assert result.most_in_flight == 25  # every journey was still waiting when the last one arrived
    assert result.journeys == {"food": {"shed": 25}}  # a 503 is shed load, not an error
    assert result.routes[0]["outcomes"]["503"] == 25 and result.failed_requests == 0
    assert app.state.calls["n"] == 25


async def test_the_connections_are_shared_out_over_small_pools_taken_in_turn():
    # One pool of hundreds of connections made the generator, not the server, the bottleneck (httpcore
    # scans its whole pool at every request): the limit is split, and each request takes the next pool.
    async with http_clients(LoadConfig(connections=2 * POOL_CONNECTIONS + 1)) as clients:
        assert len(clients) == 3

    apps = [slow_server(0.0), slow_server(0.0)]
    pools = [httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://pool") for app in apps]
    test = LoadTest(pools, LoadConfig(retries=0, live=False))
    for _ in range(4):
        with pytest.raises(JourneyShed):  # the slow server sheds every sign-up
            await test.send("POST /v1/users", "POST", "/v1/users")
    assert [app.state.calls["n"] for app in apps] == [2, 2]


async def test_arrivals_beyond_the_in_flight_limit_are_dropped_and_counted():
    config = LoadConfig(schedule=QUICK, process="fixed", mix={"food": 1}, max_in_flight=10, drain_seconds=10.0,
                        live=False)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=slow_server(3.0)), base_url="http://slow") as client:
        result = await LoadTest([client], config).run()

    assert (result.scheduled, result.started, result.dropped, result.most_in_flight) == (25, 10, 15, 10)


@pytest.fixture
async def server(database_url: str, tmp_path: Path) -> AsyncIterator[str]:
    """A real `bangwo serve` on the test's store, on the campaign's first morning."""
    async with bangwo_serve(database_url, tmp_path) as running:
        yield running.url


async def test_a_small_launch_against_a_real_server_keeps_every_invariant(server: str, database_url: str):
    config = LoadConfig(url=server, schedule=TINY, process="fixed", drain_seconds=60.0, live=False)
    printed = io.StringIO()

    result = await run_loadtest(config, database_url=database_url, fallback_now=SPRING_FESTIVAL_MORNING,
                                console=Console(file=printed, width=200))

    # Arrivals followed the schedule, not the responses.
    assert (result.scheduled, result.started, result.dropped, result.unfinished) == (25, 25, 0, 0)
    assert result.started_per_second == [1, 4, 5, 5, 10]
    assert result.acknowledged.order_ids, result.journeys
    assert result.failures() == [], (result.failures(), result.errors)
    assert result.invariants is not None and result.invariants.ok
    assert result.invariants.check("acknowledged_orders_exist").detail.startswith(
        f"{len(result.acknowledged.order_ids)} acknowledged"
    )
    output = printed.getvalue()
    routes = {route["route"] for route in result.routes}
    assert {"POST /v1/users", "POST /v1/chat", "POST /v1/proposals/{id}/confirm", "GET /v1/orders/{id}"} <= routes
    for route in routes:
        assert route in output
    assert "passed: no 5xx, no transport error, every invariant holds" in output
