"""`bangwo worker`: the outbox relay as a process, until SIGINT/SIGTERM (or, with --once, until drained)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import sys
import time
from dataclasses import dataclass, field
from typing import TextIO

from sqlalchemy.engine import make_url

from bangwo.commerce.outbox import BatchOutcome, OutboxBacklog, OutboxRelay, outbox_backlog
from bangwo.config import Settings
from bangwo.services import outbox_consumers
from bangwo.store.engine import Store, when_store_answers

PROGRESS_SECONDS = 10.0  # at most one progress line this often, and only when something happened
STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)


def _events(count: int) -> str:
    return f"{count} event" if count == 1 else f"{count} events"


def _failed_tries(count: int) -> str:
    return f"{count} failed try" if count == 1 else f"{count} failed tries"


@dataclass
class _Progress:
    """What this worker has done, reported to stderr now and then."""

    out: TextIO
    delivered: int = 0
    failed_tries: int = 0
    reported_delivered: int = 0
    reported_failed_tries: int = 0
    reported_at: float = field(default_factory=time.monotonic)

    def add(self, outcome: BatchOutcome) -> None:
        self.delivered += outcome.delivered
        self.failed_tries += outcome.failed_events

    def due(self) -> bool:
        moved = (self.delivered, self.failed_tries) != (self.reported_delivered, self.reported_failed_tries)
        return moved and time.monotonic() - self.reported_at >= PROGRESS_SECONDS

    def report(self, waiting: str) -> None:
        seconds = time.monotonic() - self.reported_at
        self.say(
            f"{_events(self.delivered)} delivered (+{self.delivered - self.reported_delivered} in {seconds:.0f} s), "
            f"{_failed_tries(self.failed_tries)}; {waiting}"
        )
        self.reported_delivered, self.reported_failed_tries = self.delivered, self.failed_tries
        self.reported_at = time.monotonic()

    def say(self, line: str) -> None:
        print(f"bangwo worker: {line}", file=self.out, flush=True)


async def _sleep_unless_stopped(stop: asyncio.Event, seconds: float) -> None:
    with contextlib.suppress(TimeoutError):  # the pause ran out without a stop: go on
        await asyncio.wait_for(stop.wait(), timeout=seconds)


def _install_stop_signals(stop: asyncio.Event) -> None:
    """The first SIGINT/SIGTERM lets the batch in hand finish; the handlers are then removed, so a second one
    ends the process at once (for a worker stuck on a store that does not answer)."""
    loop = asyncio.get_running_loop()

    def request_stop() -> None:
        stop.set()
        for number in STOP_SIGNALS:
            loop.remove_signal_handler(number)

    for number in STOP_SIGNALS:
        loop.add_signal_handler(number, request_stop)


async def _backlog(store: Store) -> OutboxBacklog | None:
    """What is waiting, or None when the store does not answer (the report goes without it)."""
    try:
        async with store.read() as session:
            return await outbox_backlog(session)
    except Exception:  # the report goes on without it; the next batch will say what is wrong
        return None


def _waiting(backlog: OutboxBacklog | None) -> str:
    if backlog is None:
        return "the backlog could not be read"
    failing = " (see outbox_events.last_error; they are retried with a growing pause)" if backlog.failing else ""
    return f"{backlog.undelivered} waiting, {backlog.failing} of them failing{failing}"


async def run_worker(settings: Settings, *, batch_size: int, poll_seconds: float, once: bool, out: TextIO) -> int:
    """Relay until stopped (0) or, with `once`, until nothing is due (0, or 1 if an event could not be delivered)."""
    progress = _Progress(out)
    handler = logging.StreamHandler(out)
    handler.setFormatter(logging.Formatter("bangwo worker: %(message)s"))
    outbox_log = logging.getLogger("bangwo.commerce.outbox")
    outbox_log.addHandler(handler)  # each refused event, as it happens
    outbox_log.propagate = False
    store = Store(settings.resolved_database_url())
    stop = asyncio.Event()
    try:
        try:
            # A relay restarted while the database restarts waits for it, as the API's workers do.
            await when_store_answers(store.migrate)
        except Exception as exc:  # a wrong URL, a database that is not there: said in one line, not a traceback
            progress.say(f"cannot open the store ({type(exc).__name__}: {exc})")
            return 1
        consumers = outbox_consumers()
        relay = OutboxRelay(store, settings.clock(), consumers, batch_size=batch_size)
        _install_stop_signals(stop)
        where = make_url(settings.resolved_database_url()).render_as_string(hide_password=True)
        names = ", ".join(consumer.name for consumer in consumers)
        mode = "until drained" if once else f"polling every {poll_seconds:g} s when idle; Ctrl-C to stop"
        progress.say(f"relaying order events in {where} to {names} (batch {batch_size}, {mode})")
        while not stop.is_set():
            try:
                outcome = await relay.deliver_batch()
            except Exception as exc:  # consumers' errors are caught per event: this is the store going away
                then = "" if once else "; retrying"
                progress.say(f"the store refused a batch ({type(exc).__name__}: {exc}){then}")
                if once:
                    return 1
                await _sleep_unless_stopped(stop, max(poll_seconds, 1.0))
                continue
            progress.add(outcome)
            if progress.due():
                progress.report(_waiting(await _backlog(store)))
            if outcome.claimed < batch_size:  # nothing more is due now
                if once:
                    break
                await _sleep_unless_stopped(stop, poll_seconds)
        how = "drained" if once else "stopped"
        progress.say(
            f"{how}: {_events(progress.delivered)} delivered, {_failed_tries(progress.failed_tries)}; "
            + _waiting(await _backlog(store))
        )
        return 1 if once and progress.failed_tries else 0
    finally:
        outbox_log.removeHandler(handler)
        outbox_log.propagate = True
        await store.close()


def worker_command(settings: Settings, *, batch_size: int, poll_seconds: float, once: bool) -> int:
    return asyncio.run(
        run_worker(settings, batch_size=batch_size, poll_seconds=poll_seconds, once=once, out=sys.stderr)
    )
