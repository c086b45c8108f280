"""The door under a surge: bounded work in flight, finishing before starting, polite refusals with Retry-After."""

from __future__ import annotations

import asyncio
import uuid
from pathlib import Path

import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from redis.asyncio import Redis
from starlette.types import Receive, Scope, Send

from bangwo.api.admission import Admission, lane_of
from bangwo.api.app import create_app
from bangwo.config import Settings
from bangwo.domain.clock import ManualClock
from bangwo.ops.admission import (
    AdmissionGate,
    AdmissionLimits,
    BucketRate,
    Lane,
    MemoryBuckets,
    RateLimits,
    RedisBuckets,
)
from tests.conftest import SPRING_FESTIVAL_MORNING

REDIS_URL = "redis://127.0.0.1:6379/0"
NO_LIMITS = RateLimits(person=BucketRate(0, 1), address=BucketRate(0, 1))


def test_paying_and_checking_orders_finish_work_while_chats_and_sign_ups_start_it():
    assert lane_of("POST", "/v1/proposals/p_1/confirm") is Lane.FINISH
    assert lane_of("POST", "/v1/proposals/p_1/seats") is Lane.FINISH
    assert lane_of("GET", "/v1/orders/o_1") is Lane.FINISH
    assert lane_of("POST", "/v1/orders/o_1/cancel") is Lane.FINISH
    assert lane_of("GET", "/v1/orders") is Lane.FINISH
    assert lane_of("POST", "/v1/chat") is Lane.START
    assert lane_of("POST", "/v1/users") is Lane.START
    assert lane_of("GET", "/") is Lane.START


async def test_a_full_worker_with_no_queue_refuses_at_once():
    gate = AdmissionGate(AdmissionLimits(max_in_flight=2, max_queue=0))
    assert await gate.enter(Lane.FINISH) and await gate.enter(Lane.FINISH)
    assert not await gate.enter(Lane.FINISH)
    gate.leave(Lane.FINISH)
    assert await gate.enter(Lane.FINISH)
    assert gate.refused == 1


async def test_new_work_never_takes_the_last_slots():
    gate = AdmissionGate(AdmissionLimits(max_in_flight=4, max_queue=0, start_share=0.5))
    assert await gate.enter(Lane.START) and await gate.enter(Lane.START)
    assert not await gate.enter(Lane.START)  # two of four slots are kept for finishing work
    assert await gate.enter(Lane.FINISH) and await gate.enter(Lane.FINISH)


async def test_a_freed_slot_goes_to_a_waiting_confirmation_before_a_waiting_chat():
    gate = AdmissionGate(AdmissionLimits(max_in_flight=1, max_queue=10, queue_wait_seconds=5))
    assert await gate.enter(Lane.START)
    chat = asyncio.create_task(gate.enter(Lane.START))
    await asyncio.sleep(0)
    confirmation = asyncio.create_task(gate.enter(Lane.FINISH))
    await asyncio.sleep(0)
    gate.leave(Lane.START)
    assert await confirmation
    assert not chat.done()
    gate.leave(Lane.FINISH)
    assert await chat
    assert (gate.in_flight, gate.queued) == (1, 0)


async def test_a_request_that_waits_too_long_is_refused_and_leaves_the_queue():
    gate = AdmissionGate(AdmissionLimits(max_in_flight=1, max_queue=10, queue_wait_seconds=0.01))
    assert await gate.enter(Lane.FINISH)
    assert not await gate.enter(Lane.FINISH)
    assert (gate.in_flight, gate.queued, gate.refused) == (1, 0, 1)


async def test_an_asker_who_goes_away_while_waiting_leaks_no_slot():
    gate = AdmissionGate(AdmissionLimits(max_in_flight=1, max_queue=10, queue_wait_seconds=5))
    assert await gate.enter(Lane.FINISH)
    waiting = asyncio.create_task(gate.enter(Lane.FINISH))
    await asyncio.sleep(0)
    waiting.cancel()
    with pytest.raises(asyncio.CancelledError):
        await waiting
    gate.leave(Lane.FINISH)
    assert (gate.in_flight, gate.queued) == (0, 0)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(list(Lane)), st.integers(0, 3)), min_size=1, max_size=40),
       st.integers(1, 5), st.integers(0, 5))
def test_the_gate_never_runs_more_than_its_slots_and_ends_empty(requests, max_in_flight, max_queue):
    """Requests of random lanes and lengths: never more in flight than allowed, and nothing left over."""
    limits = AdmissionLimits(max_in_flight=max_in_flight, max_queue=max_queue, queue_wait_seconds=0.005)
    gate = AdmissionGate(limits)
    most = {"in_flight": 0, "started": 0}

    async def request(lane: Lane, ticks: int) -> None:
        if not await gate.enter(lane):
            return
        most["in_flight"] = max(most["in_flight"], gate.in_flight)
        most["started"] = max(most["started"], gate.started_in_flight)
        for _ in range(ticks):
            await asyncio.sleep(0)
        gate.leave(lane)

    async def surge() -> None:
        await asyncio.gather(*(request(lane, ticks) for lane, ticks in requests))

    asyncio.run(surge())
    assert most["in_flight"] <= max_in_flight
    assert most["started"] <= limits.start_slots
    assert (gate.in_flight, gate.started_in_flight, gate.queued) == (0, 0, 0)


async def test_a_bucket_lets_a_burst_through_then_says_how_long_to_wait():
    now = [100.0]
    buckets = MemoryBuckets(now=lambda: now[0])
    rate = BucketRate(per_second=2, burst=3)
    assert [await buckets.take("p", rate) for _ in range(3)] == [0.0, 0.0, 0.0]
    assert await buckets.take("p", rate) == pytest.approx(0.5)
    assert await buckets.take("someone else", rate) == 0.0
    now[0] += 1.0  # two tokens back
    assert [await buckets.take("p", rate) for _ in range(2)] == [0.0, 0.0]
    assert await buckets.take("p", rate) > 0


async def test_workers_sharing_redis_draw_from_one_bucket():
    prefix = f"bangwo-test-{uuid.uuid4().hex[:8]}:"
    worker_a = RedisBuckets.from_url(REDIS_URL, prefix=prefix)
    worker_b = RedisBuckets.from_url(REDIS_URL, prefix=prefix)
    rate = BucketRate(per_second=1, burst=4)
    try:
        waits = [await (worker_a if i % 2 else worker_b).take("person:p", rate) for i in range(5)]
        assert waits[:4] == [0.0] * 4
        assert 0 < waits[4] <= 1
    finally:
        cleanup = Redis.from_url(REDIS_URL)
        await cleanup.delete(f"{prefix}bucket:person:p")
        await cleanup.aclose()
        await worker_a.close()
        await worker_b.close()


async def test_a_redis_that_does_not_answer_turns_nobody_away():
    buckets = RedisBuckets.from_url("redis://127.0.0.1:1/0", prefix="bangwo-test:")
    try:
        assert await buckets.take("person:p", BucketRate(per_second=1, burst=1)) == 0.0
    finally:
        await buckets.close()


class SlowService:
    """An app behind the door that holds every request but the health check until it is let go."""

    def __init__(self) -> None:
        self.let_go = asyncio.Event()
        self.arrived = asyncio.Semaphore(0)  # released once for each request that got through the door

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["path"] != "/healthz":
            self.arrived.release()
            await self.let_go.wait()
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"ok"})


async def test_a_full_worker_answers_503_with_retry_after_and_still_takes_confirmations():
    service = SlowService()
    gate = AdmissionGate(AdmissionLimits(max_in_flight=2, max_queue=0, start_share=0.5))
    door = Admission(service, gate=gate, buckets=MemoryBuckets(), rates=NO_LIMITS)
    transport = httpx.ASGITransport(app=door)
    async with httpx.AsyncClient(transport=transport, base_url="http://bangwo.test") as client:
        first_chat = asyncio.create_task(client.post("/v1/chat"))
        await service.arrived.acquire()
        second_chat = await client.post("/v1/chat")
        assert second_chat.status_code == 503
        assert second_chat.headers["retry-after"] == "1"
        assert second_chat.json()["error"]["code"] == "overloaded"
        confirmation = asyncio.create_task(client.post("/v1/proposals/p_1/confirm"))
        await service.arrived.acquire()
        assert (await client.get("/healthz")).status_code == 200  # health is never queued behind work
        service.let_go.set()
        assert (await first_chat).status_code == 200
        assert (await confirmation).status_code == 200
    assert gate.in_flight == 0


async def test_one_person_asking_too_fast_gets_429_and_others_are_served(tmp_path: Path, database_url: str):
    settings = Settings(database_url=database_url, data_dir=tmp_path, rate_person_per_s=0.5, rate_person_burst=3)
    app = create_app(settings, ManualClock(SPRING_FESTIVAL_MORNING))
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://bangwo.test") as client:
            alice, bob = [
                {"Authorization": f"Bearer {(await client.post('/v1/users', json={'phone': phone})).json()['token']}"}
                for phone in ("13800000001", "13800000002")
            ]
            answers = [(await client.get("/v1/me", headers=alice)).status_code for _ in range(4)]
            assert answers == [200, 200, 200, 429]
            refused = await client.get("/v1/me", headers=alice)
            assert refused.status_code == 429
            assert int(refused.headers["retry-after"]) >= 1
            assert refused.json()["error"]["code"] == "rate_limited"
            assert (await client.get("/v1/me", headers=bob)).status_code == 200


async def test_one_address_asking_too_fast_gets_429(tmp_path: Path, database_url: str):
    settings = Settings(database_url=database_url, data_dir=tmp_path, rate_address_per_s=0.5, rate_address_burst=2)
    app = create_app(settings, ManualClock(SPRING_FESTIVAL_MORNING))

    def from_address(address: str) -> httpx.AsyncClient:
        transport = httpx.ASGITransport(app=app, client=(address, 40000))
        return httpx.AsyncClient(transport=transport, base_url="http://bangwo.test")

    async with app.router.lifespan_context(app), from_address("203.0.113.7") as crowded, \
            from_address("198.51.100.1") as elsewhere:
        answers = [(await crowded.get("/v1/me")).status_code for _ in range(3)]
        assert answers == [401, 401, 429]
        assert (await elsewhere.get("/v1/me")).status_code == 401
