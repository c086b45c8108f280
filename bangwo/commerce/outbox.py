"""The outbox relay: the order events checkout records reach their consumers at least once.

Checkout writes an `outbox_events` row in the payment's (or the refund's) own transaction. The relay
claims the undelivered ones that are due, in id order, a batch at a time; hands each to every
consumer that wants its kind; and marks it delivered, all in one transaction per batch.

- At least once: an event is marked delivered only in the transaction in which every consumer took
  it. A crash before the commit leaves it undelivered, and the next relay delivers it again.
- Each effect once: a consumer's effect and its inbox row (consumer, event id) are written in one
  savepoint, so a redelivered event finds the row and the consumer is not called again.
- Resuming: nothing remembers a position; a restarted relay starts from the first undelivered event.
- Several relays: on PostgreSQL a batch is claimed with SELECT ... FOR UPDATE SKIP LOCKED, so relays
  running at once take disjoint batches. On SQLite a write transaction holds the only write lock
  (BEGIN IMMEDIATE), so relays take turns.
- A failing consumer: its savepoint is rolled back, the others keep what they did, and the event
  records the attempt and the error and waits, twice as long after each failure (up to
  RETRY_MAX_SECONDS), while later events pass it. `outbox_backlog` counts what is waiting.

Because a failing event waits while later ones pass, and relays work side by side, the events of one
order can reach a consumer in any order: consumers must end in the same state whatever the order
(ours add and subtract, and let a withdrawal win over a dispatch).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Protocol

from sqlalchemy import func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bangwo.domain.clock import Clock
from bangwo.domain.events import Event
from bangwo.store.engine import Store
from bangwo.store.inbox import take_first_time
from bangwo.store.tables import OutboxEvent
from bangwo.store.writes import Write, rows_inserted, run_writes

log = logging.getLogger("bangwo.commerce.outbox")

DEFAULT_BATCH_SIZE = 100
MAX_BATCH_SIZE = 1_000  # one batch is one transaction: bound how long it holds its locks
RETRY_FIRST_SECONDS = 2
RETRY_MAX_SECONDS = 600  # a consumer that keeps failing is still tried every ten minutes
ERROR_MAX_CHARS = 500


class OutboxConsumer(Protocol):
    """Something that acts on outbox events, inside the relay's transaction.

    `take` is called in a savepoint together with the inbox row that remembers it, and at most once
    per event that commits; raising undoes what it did there and has the event delivered again later.
    """

    @property
    def name(self) -> str:
        """Stable and unique: the inbox remembers taken events by it (a new name takes every event anew)."""
        ...

    @property
    def kinds(self) -> frozenset[str]:
        """The event kinds it wants; it is not handed the others."""
        ...

    async def take(self, session: AsyncSession, event: Event, now: datetime) -> None: ...


@dataclass(frozen=True, slots=True)
class DeliveryFailure:
    """A consumer refused an event: it waits until `retry_at`."""

    event_id: int
    kind: str
    consumer: str
    attempts: int
    error: str
    retry_at: datetime


@dataclass(frozen=True, slots=True)
class BatchOutcome:
    claimed: int  # events that were due and handed out
    delivered: int  # of those, taken by every consumer and marked delivered
    failures: tuple[DeliveryFailure, ...]  # one per consumer that refused one

    @property
    def failed_events(self) -> int:
        return len({failure.event_id for failure in self.failures})


@dataclass(frozen=True, slots=True)
class OutboxBacklog:
    undelivered: int
    failing: int  # undelivered events a consumer has refused at least once
    oldest_undelivered_at: datetime | None


def event_write(kind: str, aggregate_id: str, payload: dict[str, Any], now: datetime) -> Write:
    """The write that records an event, to run in the transaction of the change it reports; the relay
    delivers it after the commit."""
    return rows_inserted(
        "outbox_events", [{"kind": kind, "aggregate_id": aggregate_id, "payload": payload, "created_at": now}]
    )


async def record_event(session: AsyncSession, kind: str, aggregate_id: str, payload: dict[str, Any], now: datetime
                       ) -> None:
    """Record an event in the transaction of the change it reports."""
    await run_writes(session, [event_write(kind, aggregate_id, payload, now)])


def retry_delay(attempts: int) -> timedelta:
    """How long an event waits after its `attempts`-th failure: 2 s, 4 s, 8 s ... up to ten minutes."""
    seconds = RETRY_FIRST_SECONDS * 2 ** min(max(attempts - 1, 0), 30)
    return timedelta(seconds=min(seconds, RETRY_MAX_SECONDS))


async def _claim(session: AsyncSession, now: datetime, limit: int) -> list[Event]:
    """The first undelivered events that are due, locked until this transaction ends; events another
    relay has locked are skipped, not waited for."""
    rows = await session.execute(
        select(OutboxEvent.id, OutboxEvent.kind, OutboxEvent.aggregate_id, OutboxEvent.payload, OutboxEvent.created_at)
        .where(
            OutboxEvent.delivered_at.is_(None),
            or_(OutboxEvent.next_attempt_at.is_(None), OutboxEvent.next_attempt_at <= now),
        )
        .order_by(OutboxEvent.id)
        .limit(limit)
        .with_for_update(skip_locked=True)
    )
    return [Event(row.id, row.kind, row.aggregate_id, row.payload, row.created_at) for row in rows]


class OutboxRelay:
    """Delivers outbox events to `consumers`, `batch_size` events a transaction, timed by `clock`."""

    def __init__(
        self, store: Store, clock: Clock, consumers: Sequence[OutboxConsumer], *, batch_size: int = DEFAULT_BATCH_SIZE
    ) -> None:
        names = [consumer.name for consumer in consumers]
        if len(set(names)) != len(names):
            raise ValueError(f"consumer names must be unique (the inbox keys on them): {names}")
        if not 1 <= batch_size <= MAX_BATCH_SIZE:
            raise ValueError(f"batch_size must be 1 to {MAX_BATCH_SIZE}, not {batch_size}")
        self.store = store
        self.clock = clock
        self.consumers = tuple(consumers)
        self.batch_size = batch_size

    async def deliver_batch(self) -> BatchOutcome:
        """Claim the next batch of due events, hand each to its consumers, mark those all took. One transaction."""
        now = self.clock.now()
        delivered: list[int] = []
        failures: list[DeliveryFailure] = []
        async with self.store.transaction() as session:
            events = await _claim(session, now, self.batch_size)
            for event in events:
                refused = await self._hand_out(session, event, now)
                if refused:
                    failures.extend(await _record_failure(session, event, refused, now))
                else:
                    delivered.append(event.id)
            if delivered:
                await session.execute(
                    update(OutboxEvent)
                    .where(OutboxEvent.id.in_(delivered))
                    .values(delivered_at=now, next_attempt_at=None)
                )
        return BatchOutcome(claimed=len(events), delivered=len(delivered), failures=tuple(failures))

    async def drain(self) -> BatchOutcome:
        """Deliver batches until none is due now (events that failed wait for their retry): for `--once` and tests."""
        claimed = delivered = 0
        failures: list[DeliveryFailure] = []
        while True:
            outcome = await self.deliver_batch()
            claimed, delivered = claimed + outcome.claimed, delivered + outcome.delivered
            failures.extend(outcome.failures)
            if outcome.claimed < self.batch_size:
                return BatchOutcome(claimed=claimed, delivered=delivered, failures=tuple(failures))

    async def _hand_out(self, session: AsyncSession, event: Event, now: datetime) -> list[tuple[str, Exception]]:
        """Every consumer that wants the event takes it (once); the (consumer, error) of each that refused."""
        refused: list[tuple[str, Exception]] = []
        for consumer in self.consumers:
            if event.kind not in consumer.kinds:
                continue
            try:
                async with session.begin_nested():
                    if await take_first_time(session, consumer.name, event.id, now):
                        await consumer.take(session, event, now)
            except Exception as exc:  # whatever went wrong, only this consumer's savepoint is undone
                refused.append((consumer.name, exc))
        return refused


async def _record_failure(
    session: AsyncSession, event: Event, refused: list[tuple[str, Exception]], now: datetime
) -> list[DeliveryFailure]:
    attempts = 1 + (await session.scalar(select(OutboxEvent.attempts).where(OutboxEvent.id == event.id)) or 0)
    retry_at = now + retry_delay(attempts)
    errors = [(name, f"{type(exc).__name__}: {exc}"[:ERROR_MAX_CHARS]) for name, exc in refused]
    await session.execute(
        update(OutboxEvent)
        .where(OutboxEvent.id == event.id)
        .values(
            attempts=attempts,
            last_error="; ".join(f"{name}: {error}" for name, error in errors)[:ERROR_MAX_CHARS],
            next_attempt_at=retry_at,
        )
    )
    for name, error in errors:
        log.warning(
            "event %d (%s of %s) refused by %s, attempt %d, retried from %s: %s",
            event.id, event.kind, event.aggregate_id, name, attempts, retry_at.isoformat(timespec="seconds"), error,
        )
    return [DeliveryFailure(event.id, event.kind, name, attempts, error, retry_at) for name, error in errors]


async def outbox_backlog(session: AsyncSession) -> OutboxBacklog:
    """What is still to deliver: how many events, how many of them failing, and since when."""
    undelivered, failing, oldest = (
        await session.execute(
            select(
                func.count(),
                func.count().filter(OutboxEvent.attempts > 0),
                func.min(OutboxEvent.created_at),
            ).where(OutboxEvent.delivered_at.is_(None))
        )
    ).one()
    return OutboxBacklog(undelivered=undelivered, failing=failing, oldest_undelivered_at=oldest)
