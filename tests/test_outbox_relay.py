"""The outbox relay (`bangwo worker`): every order event reaches fulfilment and the figures at least once, and
changes them exactly once; a restarted relay resumes; relays side by side share the work; a failing consumer
waits without holding up the rest."""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import subprocess
import sys
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select, update

from bangwo.api.app import create_app
from bangwo.commerce.dispatches import OrderDispatcher, dispatch_of, open_dispatches
from bangwo.commerce.outbox import OutboxConsumer, OutboxRelay, outbox_backlog, record_event
from bangwo.config import Settings
from bangwo.domain.clock import ManualClock
from bangwo.domain.events import ORDER_EVENTS, Event
from bangwo.promo.figures import live_figures
from bangwo.promo.order_counters import NO_CAMPAIGN, HourOrderCounts, OrderCounters, hourly_order_counts
from bangwo.services import Services, outbox_consumers
from bangwo.store.engine import Store
from bangwo.store.tables import InboxEvent, OrderDispatch, OrderHourCounter, OutboxEvent
from tests.conftest import SPRING_FESTIVAL_MORNING
from tests.factories import propose_food, sign_up_person

BANGWO = str(Path(sys.executable).parent / "bangwo")
HOUR = SPRING_FESTIVAL_MORNING  # every order here is placed at 10:00 Shanghai, the start of its hour


async def paid_order(client: httpx.AsyncClient, services: Services, phone: str) -> dict:
    """A person signs up and pays for one 杨枝甘露 with their free-order card."""
    user_id, auth = await sign_up_person(client, phone)
    proposal_id = await propose_food(services, user_id, [("杨枝甘露", 1)])
    response = await client.post(
        f"/v1/proposals/{proposal_id}/confirm", headers={**auth, "Idempotency-Key": f"pay-{proposal_id}"}
    )
    assert response.status_code == 201, response.text
    return {**response.json()["order"], "auth": auth}


def relay_of(services: Services, *consumers: OutboxConsumer, batch_size: int = 100, store: Store | None = None
             ) -> OutboxRelay:
    return OutboxRelay(store or services.store, services.clock, consumers or outbox_consumers(), batch_size=batch_size)


async def counters(services: Services) -> HourOrderCounts | None:
    async with services.store.read() as session:
        hours = await hourly_order_counts(session, HOUR, HOUR)
    return hours[0] if hours else None


async def outbox(services: Services) -> dict[int, tuple[str, datetime | None, int]]:
    """{event id: (kind, delivered_at, attempts)}"""
    async with services.store.read() as session:
        rows = await session.execute(
            select(OutboxEvent.id, OutboxEvent.kind, OutboxEvent.delivered_at, OutboxEvent.attempts)
        )
        return {row.id: (row.kind, row.delivered_at, row.attempts) for row in rows}


async def effects(services: Services) -> dict:
    """Everything the consumers write: dispatches, counters, inbox."""
    async with services.store.read() as session:
        dispatches = await session.execute(select(OrderDispatch.order_id, OrderDispatch.status,
                                                  OrderDispatch.dispatched_at, OrderDispatch.withdrawn_at))
        counter_rows = await session.execute(
            select(OrderHourCounter.campaign_id, OrderHourCounter.hour, OrderHourCounter.orders_paid,
                   OrderHourCounter.orders_cancelled, OrderHourCounter.gmv_fen, OrderHourCounter.cards_redeemed,
                   OrderHourCounter.redeemed_fen)
        )
        inbox = await session.execute(select(InboxEvent.consumer, InboxEvent.event_id))
        return {
            "dispatches": sorted(map(tuple, dispatches)),
            "counters": sorted(map(tuple, counter_rows)),
            "inbox": sorted(map(tuple, inbox)),
        }


@dataclass
class Witness:
    """A consumer that only notes which events it was handed (and can dawdle, to widen a race)."""

    name: str = "witness"
    kinds: frozenset[str] = ORDER_EVENTS
    taken: list[int] = field(default_factory=list)
    dawdle_seconds: float = 0.0

    async def take(self, session, event: Event, now: datetime) -> None:
        self.taken.append(event.id)
        await asyncio.sleep(self.dawdle_seconds)


@dataclass
class Refusing:
    """A real consumer that refuses the events in `refused` while `refusing` holds (a store or a bug it hits)."""

    inner: OutboxConsumer
    refused: set[int]
    refusing: bool = True

    @property
    def name(self) -> str:
        return self.inner.name

    @property
    def kinds(self) -> frozenset[str]:
        return self.inner.kinds

    async def take(self, session, event: Event, now: datetime) -> None:
        await self.inner.take(session, event, now)  # its writes must be undone with the refusal
        if self.refusing and event.id in self.refused:
            raise RuntimeError(f"{self.inner.name} unavailable")


class Crash(BaseException):
    """The process dying mid-batch: no consumer or relay catches it."""


@dataclass
class CrashingAfterTheConsumers:
    name: str = "crash"
    kinds: frozenset[str] = ORDER_EVENTS

    async def take(self, session, event: Event, now: datetime) -> None:
        raise Crash


async def test_a_paid_orders_event_reaches_fulfilment_and_the_figures_once(client, services, clock):
    order = await paid_order(client, services, "13800138000")

    outcome = await relay_of(services).drain()

    assert (outcome.claimed, outcome.delivered, outcome.failures) == (1, 1, ())
    [(event_id, (kind, delivered_at, attempts))] = (await outbox(services)).items()
    assert (kind, delivered_at, attempts) == ("order.paid", clock.now(), 0)
    async with services.store.read() as session:
        dispatch = await dispatch_of(session, order["id"])
        queue = await open_dispatches(session, dispatch.merchant_id)
    assert (dispatch.status, dispatch.domain, dispatch.dispatched_at) == ("dispatched", "food", clock.now())
    assert dispatch.merchant_id is not None and [d.order_id for d in queue] == [order["id"]]
    assert await counters(services) == HourOrderCounts(
        hour=HOUR, orders_paid=1, orders_cancelled=0, gmv_fen=order["total"], cards_redeemed=1,
        redeemed_fen=order["discount"],
    )
    assert (await effects(services))["inbox"] == [("figures", event_id), ("fulfilment", event_id)]
    again = await relay_of(services).drain()
    assert (again.claimed, again.delivered) == (0, 0)


async def test_an_event_redelivered_after_its_consumers_committed_changes_nothing(client, services):
    await paid_order(client, services, "13800138000")
    await relay_of(services).drain()
    before = await effects(services)
    # The crash between the consumers and the mark: their work is stored, the event still reads undelivered.
    async with services.store.transaction() as session:
        await session.execute(update(OutboxEvent).values(delivered_at=None))

    outcome = await relay_of(services).drain()

    assert (outcome.claimed, outcome.delivered) == (1, 1)
    assert await effects(services) == before
    assert (await counters(services)).orders_paid == 1


async def test_a_crash_before_the_batch_commits_undoes_its_consumers_and_the_event_comes_again(client, services):
    await paid_order(client, services, "13800138000")
    empty = await effects(services)

    with pytest.raises(Crash):
        await relay_of(services, OrderDispatcher(), OrderCounters(), CrashingAfterTheConsumers()).drain()

    assert await effects(services) == empty
    [(_, delivered_at, _)] = (await outbox(services)).values()
    assert delivered_at is None
    assert (await relay_of(services).drain()).delivered == 1
    assert (await counters(services)).orders_paid == 1


async def test_a_restarted_relay_resumes_from_the_first_undelivered_event(client, services, settings):
    for phone in ("13800138000", "13800138001", "13800138002"):
        await paid_order(client, services, phone)
    first, second, third = sorted(await outbox(services))
    before_the_stop = Witness()
    assert (await relay_of(services, *outbox_consumers(), before_the_stop, batch_size=1).deliver_batch()).delivered == 1

    restarted_store = Store(settings.resolved_database_url())  # a new process: nothing kept but the store
    try:
        after_the_restart = Witness()
        outcome = await relay_of(services, *outbox_consumers(), after_the_restart, store=restarted_store).drain()
    finally:
        await restarted_store.close()

    assert before_the_stop.taken == [first]
    assert after_the_restart.taken == [second, third]
    assert outcome.delivered == 2
    assert (await counters(services)).orders_paid == 3


async def test_two_relays_at_once_never_hand_an_event_out_twice(client, services, settings):
    orders = [await paid_order(client, services, f"1380013{n:04d}") for n in range(8)]
    witness = Witness(dawdle_seconds=0.005)  # shared: it sees every take, by either relay
    stores = [Store(settings.resolved_database_url()) for _ in range(2)]
    try:
        outcomes = await asyncio.gather(
            *(relay_of(services, *outbox_consumers(), witness, batch_size=2, store=store).drain() for store in stores)
        )
    finally:
        for store in stores:
            await store.close()

    assert sorted(witness.taken) == sorted(await outbox(services))  # each event once, none twice
    assert sum(outcome.delivered for outcome in outcomes) == len(orders)
    assert all(delivered_at is not None for _, delivered_at, _ in (await outbox(services)).values())
    done = await effects(services)
    assert len(done["dispatches"]) == len(orders) and len(done["inbox"]) == 3 * len(orders)
    assert (await counters(services)).orders_paid == len(orders)


async def test_a_refused_event_waits_and_is_retried_while_later_events_go_on(client, services, clock, caplog):
    first_order = await paid_order(client, services, "13800138000")
    await paid_order(client, services, "13800138001")
    first, second = sorted(await outbox(services))
    figures = Refusing(OrderCounters(), refused={first})
    relay = relay_of(services, OrderDispatcher(), figures)

    with caplog.at_level(logging.WARNING, logger="bangwo.commerce.outbox"):
        outcome = await relay.drain()

    assert (outcome.claimed, outcome.delivered) == (2, 1)
    [failure] = outcome.failures
    assert (failure.event_id, failure.consumer, failure.attempts) == (first, "figures", 1)
    assert failure.retry_at == clock.now() + timedelta(seconds=2)
    assert f"event {first} (order.paid of {first_order['id']}) refused by figures, attempt 1" in caplog.text
    async with services.store.read() as session:
        row = await session.get(OutboxEvent, first)
        backlog = await outbox_backlog(session)
        dispatched_at = (await dispatch_of(session, first_order["id"])).dispatched_at
    assert (row.delivered_at, row.attempts, row.next_attempt_at) == (None, 1, clock.now() + timedelta(seconds=2))
    assert row.last_error == "figures: RuntimeError: figures unavailable"
    assert (backlog.undelivered, backlog.failing) == (1, 1)
    assert (await outbox(services))[second][1] == clock.now()  # the later event did not wait for the first
    assert (await counters(services)).orders_paid == 1  # the second order only: the refusal undid its writes

    assert (await relay.drain()).claimed == 0  # not due yet
    clock.advance(timedelta(seconds=2))
    again = await relay.drain()
    assert [(f.event_id, f.attempts) for f in again.failures] == [(first, 2)]
    assert again.failures[0].retry_at == clock.now() + timedelta(seconds=4)  # twice as long each time

    figures.refusing = False
    clock.advance(timedelta(seconds=4))
    last = await relay.drain()

    assert (last.claimed, last.delivered) == (1, 1)
    assert (await counters(services)).orders_paid == 2
    done = await effects(services)
    assert [row for row in done["inbox"] if row[1] == first] == [("figures", first), ("fulfilment", first)]
    async with services.store.read() as session:
        assert (await dispatch_of(session, first_order["id"])).dispatched_at == dispatched_at  # taken once
        assert (await outbox_backlog(session)).undelivered == 0


async def test_an_event_naming_an_order_that_is_not_stored_is_refused_by_both_consumers(services, clock):
    async with services.store.transaction() as session:
        await record_event(session, "order.paid", "o-missing", {"order_id": "o-missing"}, clock.now())

    outcome = await relay_of(services).deliver_batch()

    assert (outcome.claimed, outcome.delivered, outcome.failed_events) == (1, 0, 1)
    assert sorted(failure.consumer for failure in outcome.failures) == ["figures", "fulfilment"]
    assert all("not stored" in failure.error for failure in outcome.failures)
    assert [attempts for _, _, attempts in (await outbox(services)).values()] == [1]  # waits to be retried


async def test_cancelling_withdraws_the_dispatch_and_moves_the_counters_as_the_figures_count(
    client, services, clock
):
    order = await paid_order(client, services, "13800138000")
    await relay_of(services).drain()
    clock.advance(timedelta(minutes=1))

    response = await client.post(f"/v1/orders/{order['id']}/cancel", headers=order["auth"])
    assert response.status_code == 200, response.text
    outcome = await relay_of(services).drain()

    assert outcome.delivered == 1
    async with services.store.read() as session:
        dispatch = await dispatch_of(session, order["id"])
        figures = await live_figures(session, now=clock.now(), since=HOUR)
        card_campaign = await session.scalar(select(OrderHourCounter.campaign_id))
        by_campaign = await hourly_order_counts(session, HOUR, HOUR, campaign_id=card_campaign)
        without_card = await hourly_order_counts(session, HOUR, HOUR, campaign_id=NO_CAMPAIGN)
    assert (dispatch.status, dispatch.withdrawn_reason) == ("withdrawn", "cancelled")
    assert dispatch.withdrawn_at == clock.now()
    assert dispatch.dispatched_at == clock.now() - timedelta(minutes=1)
    counted = await counters(services)
    assert counted == HourOrderCounts(
        hour=HOUR, orders_paid=0, orders_cancelled=1, gmv_fen=0, cards_redeemed=0, redeemed_fen=0
    )
    [hour] = [hour for hour in figures.hours if hour.hour == HOUR]
    assert (hour.orders_paid, hour.gmv_fen, hour.cards_redeemed, hour.redeemed_fen) == (
        counted.orders_paid, counted.gmv_fen, counted.cards_redeemed, counted.redeemed_fen
    )
    assert card_campaign != NO_CAMPAIGN and by_campaign == [counted] and without_card == []


async def test_a_withdrawal_that_arrives_before_the_dispatch_still_wins(client, services, clock):
    order = await paid_order(client, services, "13800138000")
    response = await client.post(f"/v1/orders/{order['id']}/cancel", headers=order["auth"])
    assert response.status_code == 200, response.text
    events = await outbox(services)
    paid, cancelled = sorted(events)
    assert (events[paid][0], events[cancelled][0]) == ("order.paid", "order.cancelled")
    relay = relay_of(services, Refusing(OrderDispatcher(), refused={paid}, refusing=True), OrderCounters())

    assert (await relay.drain()).delivered == 1  # the cancellation; the payment waits
    async with services.store.read() as session:
        withdrawn_first = await dispatch_of(session, order["id"])
    assert (withdrawn_first.status, withdrawn_first.dispatched_at) == ("withdrawn", None)
    relay.consumers[0].refusing = False
    clock.advance(timedelta(seconds=2))
    assert (await relay.drain()).delivered == 1

    async with services.store.read() as session:
        dispatch = await dispatch_of(session, order["id"])
    assert (dispatch.status, dispatch.dispatched_at, dispatch.withdrawn_reason) == ("withdrawn", None, "cancelled")
    assert await counters(services) == HourOrderCounts(
        hour=HOUR, orders_paid=0, orders_cancelled=1, gmv_fen=0, cards_redeemed=0, redeemed_fen=0
    )


# The command: a separate process on a SQLite file, as an operator runs it.


@pytest.fixture
def sqlite_settings(tmp_path: Path) -> Settings:
    return Settings(database_url=f"sqlite+aiosqlite:///{tmp_path / 'worker.db'}", data_dir=tmp_path)


def worker_env(settings: Settings) -> dict[str, str]:
    return {**os.environ, "BANGWO_DATABASE_URL": settings.resolved_database_url(),
            "BANGWO_NOW": SPRING_FESTIVAL_MORNING.isoformat()}


async def test_bangwo_worker_once_drains_the_outbox_and_exits_0(sqlite_settings: Settings):
    app = create_app(sqlite_settings, ManualClock(SPRING_FESTIVAL_MORNING))
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://bangwo.test") as client:
            order = await paid_order(client, app.state.services, "13800138000")

    result = await asyncio.to_thread(
        subprocess.run, [BANGWO, "worker", "--once"], capture_output=True, text=True, timeout=60,
        env=worker_env(sqlite_settings),
    )

    assert result.returncode == 0, result.stderr
    assert "bangwo worker: relaying order events in sqlite+aiosqlite:///" in result.stderr
    assert "to fulfilment, figures (batch 100, until drained)" in result.stderr
    assert "bangwo worker: drained: 1 event delivered, 0 failed tries; 0 waiting, 0 of them failing" in result.stderr
    store = Store(sqlite_settings.resolved_database_url())
    try:
        async with store.read() as session:
            assert (await dispatch_of(session, order["id"])).status == "dispatched"
            assert (await outbox_backlog(session)).undelivered == 0
    finally:
        await store.close()


def test_bangwo_worker_stops_on_sigterm_and_exits_0(sqlite_settings: Settings):
    worker = subprocess.Popen([BANGWO, "worker", "--poll-seconds", "0.1"], stderr=subprocess.PIPE, text=True,
                              env=worker_env(sqlite_settings))
    try:
        started = worker.stderr.readline()
        assert "polling every 0.1 s when idle; Ctrl-C to stop" in started, started
        worker.send_signal(signal.SIGTERM)
        _, rest = worker.communicate(timeout=30)
    finally:
        if worker.poll() is None:
            worker.kill()
    assert worker.returncode == 0, rest
    assert "bangwo worker: stopped: 0 events delivered" in rest


def test_bangwo_worker_refuses_a_batch_it_cannot_bound(sqlite_settings: Settings):
    result = subprocess.run([BANGWO, "worker", "--batch", "0"], capture_output=True, text=True, timeout=60,
                            env=worker_env(sqlite_settings))
    assert result.returncode == 2
    assert "bangwo worker: --batch must be 1 to 1000" in result.stderr
    assert "worker" in subprocess.run([BANGWO, "--help"], capture_output=True, text=True, timeout=60).stdout
