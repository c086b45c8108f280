"""`bangwo chaos`: the launch night with things breaking under it, then proof that nothing was lost.

One run, end to end, on services of its own so that nothing else on the machine is disturbed:
1. a PostgreSQL cluster of its own (initdb into a temporary directory, a free port) and a Redis of its own
   (a child process, no persistence), or the ones given with --database-url / --redis-url;
2. `bangwo serve --workers N` and the outbox relay `bangwo worker` on them, started as a person would;
3. the load test (ops/loadtest.py) in this process, and while people arrive, faults on a timetable: a
   uvicorn worker killed with SIGKILL again and again (just after a confirmation was sent, so a payment is
   often cut mid-way), the relay killed with SIGKILL once and started again, PostgreSQL restarted once
   (pg_ctl restart -m fast), Redis flushed (FLUSHALL) and killed and started again once;
4. after the load: recovery, awaited and timed (every worker back and answering, the relay drained, no
   trip left paid but not booked), then every invariant of the store (ops/invariants.py) with the orders
   the confirms were answered with, plus the checks that need a drained relay: every order completed
   (paid, its goods sold, its delivery planned or tickets issued, dispatched) or compensated (cancelled
   or failed, refunded, its goods back, its dispatch withdrawn).

Requests that fail while a fault is in force (its window: from the fault until the part is back, plus a
grace) are expected and reported apart; a failure outside every window is not explained by the chaos and
fails the run, as a violated invariant does. Linux only (pg_ctl, /proc).
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import json
import os
import pwd
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any, Literal

import httpx
from redis.asyncio import Redis
from redis.exceptions import RedisError
from rich.console import Console
from rich.table import Table
from sqlalchemy import func, select

from bangwo.assistant.desks.travel import legs_left_to_book
from bangwo.commerce.outbox import outbox_backlog
from bangwo.ops.invariants import InvariantReport, check_invariants, report_table
from bangwo.ops.loadtest import (
    LoadConfig,
    LoadResult,
    LoadTest,
    RouteStats,
    http_clients,
    journeys_table,
    routes_table,
    server_now,
    summary_text,
)
from bangwo.ops.processes import free_port, worker_pids
from bangwo.promo.budget_counter import BudgetCounter
from bangwo.store.engine import Store
from bangwo.store.tables import CampaignRow, OrderRow

FaultKind = Literal["worker_kill", "relay_kill", "postgres_restart", "redis_restart"]
FAULT_KINDS: tuple[FaultKind, ...] = ("worker_kill", "relay_kill", "postgres_restart", "redis_restart")
ONCE_KINDS: tuple[FaultKind, ...] = ("relay_kill", "postgres_restart", "redis_restart")  # once a run, in this order
FAULT_WORDS: dict[FaultKind, str] = {
    "worker_kill": "uvicorn worker killed (SIGKILL)",
    "relay_kill": "relay killed (SIGKILL) and started again",
    "postgres_restart": "PostgreSQL restarted (pg_ctl restart -m fast)",
    "redis_restart": "Redis flushed (FLUSHALL), killed and started again",
}
CONFIRM_ROUTE = "POST /v1/proposals/{id}/confirm"
FAILED = ("5xx", "transport")
SHED = ("429", "503")
# More trips than the load test's own mix: a trip is paid first and booked leg by leg after, the saga a kill can cut.
CHAOS_MIX: dict[str, int] = {"food": 45, "grocery": 8, "movie": 10, "travel": 12, "browse": 5, "status": 20}
CONFIRM_WAIT_SECONDS = 2.0  # a worker kill waits this long at most for a confirmation to be sent
KILL_DELAY_SECONDS = 0.03  # then at most this long more: the confirmation is in the worker, not yet answered
RELAY_DOWN_SECONDS = 1.0  # the relay stays dead this long, so events pile up for its successor
PART_BACK_TIMEOUT_SECONDS = 60.0
START_TIMEOUT_SECONDS = 120.0
STOP_TIMEOUT_SECONDS = 30.0
POLL_SECONDS = 0.25
OUTSIDE_SHOWN = 10  # failures outside every fault, shown one by one in the report
HUNG_SECONDS = 10.0  # a failed try that took longer hung (a timeout, a lock): listed even when a fault explains it
LOG_TAIL_CHARS = 2000


class ChaosSetupError(Exception):
    """The run could not be set up (a binary missing, a cluster or a server that would not start)."""


# ---- the timetable (pure) -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PlannedFault:
    at_seconds: float  # from the first arrival
    kind: FaultKind


def parse_faults(text: str) -> tuple[FaultKind, ...]:
    """'worker_kill,redis_restart' -> the kinds, in FAULT_KINDS order; ValueError names what is wrong."""
    names = {part.strip() for part in text.split(",") if part.strip()}
    unknown = sorted(names - set(FAULT_KINDS))
    if unknown:
        raise ValueError(f"unknown fault {', '.join(unknown)}: choose from {', '.join(FAULT_KINDS)}")
    return tuple(kind for kind in FAULT_KINDS if kind in names)


def fault_timetable(load_seconds: float, every_seconds: float, kinds: Collection[FaultKind]) -> list[PlannedFault]:
    """One fault every `every_seconds` while people arrive (at every, 2 x every, ... before `load_seconds`).

    The faults that happen once (the relay killed, PostgreSQL restarted, Redis flushed and restarted, in that
    order) take the even beats; a worker kill takes every other beat, so workers die again and again between
    them and no two faults start together. Without worker kills the once-only faults take the first beats.
    ValueError when there are too few beats for every once-only fault and at least one worker kill."""
    if every_seconds <= 0:
        raise ValueError("the time between faults must be above 0 seconds")
    beats = []
    beat = every_seconds
    while beat < load_seconds - 1e-9:
        beats.append(round(beat, 3))
        beat += every_seconds
    once = [kind for kind in ONCE_KINDS if kind in kinds]
    kills = "worker_kill" in kinds
    timetable: list[PlannedFault] = []
    for number, at in enumerate(beats, 1):
        if once and (number % 2 == 0 or not kills):
            timetable.append(PlannedFault(at, once.pop(0)))
        elif kills:
            timetable.append(PlannedFault(at, "worker_kill"))
    if once or (kills and not any(fault.kind == "worker_kill" for fault in timetable)):
        needed = 2 * len([kind for kind in ONCE_KINDS if kind in kinds]) + (0 if kills else -1)
        raise ValueError(
            f"{len(beats)} faults fit in {load_seconds:g} s of load at one every {every_seconds:g} s, and "
            f"{max(needed, 1)} are needed: make the load longer or --fault-every shorter"
        )
    return timetable


@dataclass(slots=True)
class FailedTry:
    """A request try that ended in a 5xx or a transport error (or was shed): when it was sent and when it ended."""

    at_seconds: float  # when it ended, from the first arrival
    route: str
    outcome: str
    sent_seconds: float | None = None  # when it was sent (None: the same instant)
    error: str = ""  # the exception or the start of the 5xx body, as the load test noted it


@dataclass(frozen=True, slots=True)
class FaultWindow:
    kind: FaultKind
    start_seconds: float
    end_seconds: float  # when the part was back, plus the grace


def window_of(failure: FailedTry, windows: Sequence[FaultWindow]) -> FaultWindow | None:
    """The fault a failure is put down to: the latest one whose window overlaps the try, from when it was sent to
    when it ended (a request sent just before a kill may fail only at its timeout); None: no fault explains it."""
    sent = failure.at_seconds if failure.sent_seconds is None else failure.sent_seconds
    holding = [window for window in windows
               if window.start_seconds <= failure.at_seconds and sent <= window.end_seconds]
    return max(holding, key=lambda window: window.start_seconds) if holding else None


# ---- services of the run's own --------------------------------------------------------------------


def postgres_bin_dir(explicit: str | None = None) -> Path:
    """Where initdb and pg_ctl are: --postgres-bin, else the newest /usr/lib/postgresql/*/bin, else the PATH."""
    if explicit:
        return Path(explicit)
    installed = [path for path in Path("/usr/lib/postgresql").glob("*/bin") if (path / "initdb").exists()]
    if installed:
        return max(installed, key=lambda path: int(path.parent.name) if path.parent.name.isdigit() else 0)
    found = shutil.which("initdb")
    if found is None:
        raise ChaosSetupError("no initdb found (install PostgreSQL, or pass --postgres-bin or --database-url)")
    return Path(found).parent


async def _run(args: Sequence[str], *, seconds: float = 60.0, shell: bool = False) -> str:
    """Run a command to its end; its output, or ChaosSetupError with the output's tail."""
    if shell:
        process = await asyncio.create_subprocess_shell(args[0], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    else:
        process = await asyncio.create_subprocess_exec(*args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        output, _ = await asyncio.wait_for(process.communicate(), seconds)
    except TimeoutError:
        process.kill()
        await process.wait()
        raise ChaosSetupError(f"{' '.join(args)} did not finish in {seconds:g} s") from None
    text = output.decode(errors="replace")
    if process.returncode:
        raise ChaosSetupError(f"{' '.join(args)} exited {process.returncode}: {text[-LOG_TAIL_CHARS:]}")
    return text


class OwnPostgres:
    """A PostgreSQL cluster of this run alone: a temporary data directory, a free port, trust authentication
    on 127.0.0.1 and a socket in the run's directory. It can be restarted without touching any other cluster.
    PostgreSQL refuses to run as root, so as root every pg_ctl runs as the `postgres` user, which owns the data."""

    def __init__(self, bin_dir: Path, base: Path, port: int) -> None:
        self.bin_dir = bin_dir
        self.port = port
        self.data = base / "pg-data"
        self.sockets = base / "pg-socket"
        self.log = base / "postgres.log"
        self.started = False

    @property
    def url(self) -> str:
        return f"postgresql+asyncpg://postgres@127.0.0.1:{self.port}/postgres"

    def _as_owner(self, args: list[str]) -> list[str]:
        if os.geteuid() != 0:
            return args
        runuser = shutil.which("runuser")
        if runuser is None:
            raise ChaosSetupError("running as root, and runuser is missing to run PostgreSQL as the postgres user")
        return [runuser, "-u", "postgres", "--", *args]

    def _pg_ctl(self, *args: str) -> list[str]:
        # fsync off: the run never crashes PostgreSQL itself (restarts are clean), and the machine is shared.
        # log_lock_waits: a wait on a lock of over a second is in postgres.log, to tell a slow request's cause.
        options = (f"-p {self.port} -k {self.sockets} -c listen_addresses=127.0.0.1 -c fsync=off "
                   "-c max_connections=200 -c log_lock_waits=on")
        return self._as_owner([str(self.bin_dir / "pg_ctl"), "-D", str(self.data), "-l", str(self.log), "-w",
                               "-t", "60", *args, "-o", options])

    async def start(self) -> None:
        for path in (self.data, self.sockets):
            path.mkdir(mode=0o700)
        self.log.touch()
        if os.geteuid() == 0:
            try:
                owner = pwd.getpwnam("postgres")
            except KeyError:
                raise ChaosSetupError("running as root and there is no postgres user to run PostgreSQL as; "
                                      "pass --database-url instead") from None
            self.data.parent.chmod(0o755)  # the postgres user must reach its directories inside the run's
            for path in (self.data, self.sockets, self.log):
                os.chown(path, owner.pw_uid, owner.pw_gid)
        await _run(self._as_owner([str(self.bin_dir / "initdb"), "-D", str(self.data), "-A", "trust",
                                   "-U", "postgres", "-E", "UTF8", "--no-sync"]), seconds=120)
        await _run(self._pg_ctl("start"))
        self.started = True

    async def restart(self) -> None:
        await _run(self._pg_ctl("restart", "-m", "fast"))

    async def stop(self) -> None:
        if self.started:
            with contextlib.suppress(ChaosSetupError):
                await _run(self._as_owner([str(self.bin_dir / "pg_ctl"), "-D", str(self.data), "-w",
                                           "stop", "-m", "immediate"]))
            self.started = False


async def _redis_answers(url: str, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        client = Redis.from_url(url, socket_timeout=1)
        try:
            if await client.ping():
                return True
        except (RedisError, OSError):
            pass
        finally:
            await client.aclose()
        await asyncio.sleep(0.05)
    return False


class OwnRedis:
    """A Redis of this run alone, as a child process on a free port, keeping nothing on disk."""

    def __init__(self, base: Path, port: int) -> None:
        self.port = port
        self.log = base / "redis.log"
        self.process: asyncio.subprocess.Process | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    async def start(self) -> None:
        binary = shutil.which("redis-server")
        if binary is None:
            raise ChaosSetupError("no redis-server found (install Redis, or pass --redis-url)")
        with self.log.open("ab") as log:
            self.process = await asyncio.create_subprocess_exec(
                binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
                "--daemonize", "no", stdout=log, stderr=subprocess.STDOUT,
            )
        if not await _redis_answers(self.url, PART_BACK_TIMEOUT_SECONDS):
            raise ChaosSetupError(f"redis-server did not answer on port {self.port} (see {self.log})")

    async def kill(self) -> None:
        if self.process is not None and self.process.returncode is None:
            self.process.kill()
            await self.process.wait()
        self.process = None


class Child:
    """A bangwo process the run started (serve or the relay), its output in a log file of the run."""

    def __init__(self, name: str, args: Sequence[str], env: dict[str, str], log: Path) -> None:
        self.name = name
        self.args = list(args)
        self.env = env
        self.log = log
        self.process: asyncio.subprocess.Process | None = None

    async def start(self) -> None:
        with self.log.open("ab") as log:
            # A session of its own: at the end the whole group (serve and its workers) can be ended by its id.
            self.process = await asyncio.create_subprocess_exec(
                *self.args, env=self.env, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
                start_new_session=True,
            )

    @property
    def pid(self) -> int | None:
        return self.process.pid if self.process is not None else None

    @property
    def alive(self) -> bool:
        return self.process is not None and self.process.returncode is None

    async def kill(self) -> None:
        """SIGKILL, as a crash: nothing is finished, nothing is said."""
        if self.alive and self.process is not None:
            self.process.kill()
            await self.process.wait()

    async def stop(self) -> None:
        """SIGTERM and a wait; then SIGKILL to the process group it leads (its workers too)."""
        if self.process is None:
            return
        if self.alive:
            self.process.terminate()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self.process.wait(), STOP_TIMEOUT_SECONDS)
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.process.pid, signal.SIGKILL)  # workers a dead supervisor left behind
        if self.alive:
            await self.process.wait()

    def tail(self) -> str:
        try:
            return self.log.read_text(encoding="utf-8", errors="replace")[-LOG_TAIL_CHARS:]
        except OSError:
            return ""


# ---- the run's configuration and result -----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ChaosConfig:
    load: LoadConfig  # its url is the run's own server's
    workers: int = 2
    fault_every_seconds: float = 5.0
    faults: tuple[FaultKind, ...] = FAULT_KINDS
    fault_grace_seconds: float = 5.0  # a window lasts until the part is back, and this long more
    recovery_timeout_seconds: float = 120.0
    database_url: str | None = None  # None: a PostgreSQL cluster of the run's own
    redis_url: str | None = None  # None: a Redis of the run's own
    pg_restart_command: str | None = None  # how to restart the PostgreSQL of --database-url
    redis_restart_command: str | None = None  # how to restart the Redis of --redis-url
    postgres_bin: str | None = None
    now: datetime | None = None  # BANGWO_NOW for every process; None: the wall clock
    port: int | None = None
    keep: bool = False  # keep the run's directory (logs, the cluster's data)
    seed: int = 1


@dataclass(slots=True)
class FaultRecord:
    kind: FaultKind
    planned_seconds: float
    at_seconds: float  # from the first arrival
    at: datetime  # the wall clock
    detail: str
    injected: bool = True
    back_seconds: float | None = None  # when the part was back (from the first arrival); None: it never came back

    def as_json(self) -> dict[str, Any]:
        return dataclasses.asdict(self) | {"at": self.at.isoformat()}


@dataclass(slots=True)
class Recovery:
    seconds: float  # from the end of the load until every condition held at once
    recovered: bool
    waiting_for: list[str]  # the conditions that did not hold, when it timed out
    backlog: dict[str, int] = field(default_factory=dict)


@dataclass(slots=True)
class ChaosResult:
    config: ChaosConfig
    run_dir: Path
    notes: list[str] = field(default_factory=list)  # what was skipped or changed, and why
    faults: list[FaultRecord] = field(default_factory=list)
    load: LoadResult | None = None
    failed_tries: list[FailedTry] = field(default_factory=list)
    recovery: Recovery | None = None
    invariants: InvariantReport | None = None
    orders: dict[str, dict[str, int]] = field(default_factory=dict)  # by status, then domain
    budget_counters: list[str] = field(default_factory=list)  # Redis's hot counter against the record, as figures

    def windows(self) -> list[FaultWindow]:
        grace = self.config.fault_grace_seconds
        end_of_load = self.load.elapsed_seconds if self.load else float("inf")
        return [
            FaultWindow(fault.kind, fault.at_seconds,
                        (fault.back_seconds if fault.back_seconds is not None else end_of_load) + grace)
            for fault in self.faults if fault.injected
        ]

    def failures_by_window(self) -> tuple[list[tuple[FailedTry, FaultKind]], list[FailedTry]]:
        """Failed tries (5xx, transport) put down to a fault, and those no fault explains."""
        windows = self.windows()
        during, outside = [], []
        for failure in self.failed_tries:
            if failure.outcome not in FAILED:
                continue
            window = window_of(failure, windows)
            if window is None:
                outside.append(failure)
            else:
                during.append((failure, window.kind))
        return during, outside

    def completed_or_compensated(self) -> bool | None:
        """Every order completed or compensated: the checks that say so all hold (None: not checked)."""
        if self.invariants is None:
            return None
        names = ("orders_paid_once", "cancelled_orders_refunded", "paid_orders_sold_their_holds",
                 "orders_fulfilled_or_undone", "order_events_delivered", "no_hold_left_behind")
        return all(self.invariants.check(name).ok for name in names)

    def failures(self) -> list[str]:
        """Why the run failed; empty: it passed."""
        reasons = []
        not_injected = [fault for fault in self.faults if not fault.injected]
        if not_injected:
            reasons.append(f"{len(not_injected)} faults could not be injected: "
                           + "; ".join(f"{fault.kind}: {fault.detail}" for fault in not_injected[:3]))
        if self.recovery is not None and not self.recovery.recovered:
            reasons.append(f"no recovery within {self.config.recovery_timeout_seconds:g} s: still waiting for "
                           + ", ".join(self.recovery.waiting_for))
        if self.invariants is None:
            reasons.append("the invariants were not checked")
        elif not self.invariants.ok:
            reasons.append("invariants violated: " + ", ".join(self.invariants.violated))
        if self.completed_or_compensated() is False:
            reasons.append("some orders are neither completed nor compensated (see the checks above)")
        _, outside = self.failures_by_window()
        if outside:
            routes = Counter(failure.route for failure in outside)
            reasons.append(f"{len(outside)} requests failed (5xx or transport) outside every fault window: "
                           + ", ".join(f"{route} {count}" for route, count in routes.most_common()))
        if self.load is not None and self.load.crashed_journeys:
            reasons.append(f"{self.load.crashed_journeys} journeys crashed in the load generator")
        return reasons

    def as_json(self) -> dict[str, Any]:
        during, outside = self.failures_by_window()
        config = self.config
        return {
            "config": {
                "workers": config.workers, "fault_every_seconds": config.fault_every_seconds,
                "faults": list(config.faults), "fault_grace_seconds": config.fault_grace_seconds,
                "recovery_timeout_seconds": config.recovery_timeout_seconds, "seed": config.seed,
                "now": config.now.isoformat() if config.now else None,
                "own_postgres": config.database_url is None, "own_redis": config.redis_url is None,
            },
            "run_dir": str(self.run_dir),
            "notes": self.notes,
            "faults": [fault.as_json() for fault in self.faults],
            "fault_counts": dict(Counter(fault.kind for fault in self.faults if fault.injected)),
            "load": self.load.as_json() if self.load else None,
            "failed_requests": {
                "during_faults": [dataclasses.asdict(failure) | {"fault": kind} for failure, kind in during],
                "outside_faults": [dataclasses.asdict(failure) for failure in outside],
            },
            "recovery": dataclasses.asdict(self.recovery) if self.recovery else None,
            "invariants": self.invariants.as_json() if self.invariants else None,
            "orders": self.orders,
            "budget_counters": self.budget_counters,
            "every_order_completed_or_compensated": self.completed_or_compensated(),
            "failures": self.failures(),
            "verdict": "passed" if not self.failures() else "failed",
        }


# ---- the load, with its failures timed ------------------------------------------------------------


@dataclass(slots=True)
class TimedRouteStats(RouteStats):
    """A route's figures, and when each try that failed or was shed ended (to put it down to a fault or not)."""

    began: float = 0.0
    sink: list[FailedTry] = field(default_factory=list)

    def record(self, outcome: str, latency_ms: float) -> None:
        RouteStats.record(self, outcome, latency_ms)  # (no zero-argument super() in a slots dataclass)
        if outcome in FAILED or outcome in SHED:
            ended = time.monotonic() - self.began
            self.sink.append(FailedTry(round(ended, 3), self.route, outcome, round(ended - latency_ms / 1000, 3)))


class ChaosLoadTest(LoadTest):
    """The load test, telling the fault injector when a confirmation goes out and timing every failed try."""

    def __init__(self, clients: Sequence[httpx.AsyncClient], config: LoadConfig, began: float) -> None:
        super().__init__(clients, config)
        self.first_arrival = began  # monotonic: the origin of every time in the run's report
        self.failed_tries: list[FailedTry] = []
        self.confirm_sent = asyncio.Event()

    def stats(self, route: str) -> RouteStats:
        found = self.routes.get(route)
        if found is None:
            found = self.routes[route] = TimedRouteStats(route, began=self.first_arrival, sink=self.failed_tries)
        return found

    def _note_error(self, text: str) -> None:
        """The load test notes what went wrong right after counting the try: keep it with that try."""
        super()._note_error(text)
        for failure in reversed(self.failed_tries):
            if text.startswith(f"{failure.route}: ") and failure.outcome in FAILED and not failure.error:
                failure.error = text.removeprefix(f"{failure.route}: ")[:200]
                break

    async def send(self, route: str, method: str, path: str, **kwargs: Any) -> httpx.Response:
        if route == CONFIRM_ROUTE:
            self.confirm_sent.set()
        return await super().send(route, method, path, **kwargs)


# ---- the run --------------------------------------------------------------------------------------


class ChaosRun:
    def __init__(self, config: ChaosConfig, log: IO[str]) -> None:
        self.config = config
        self.log = log  # each fault and step, as it happens, with a timestamp
        self.rng = random.Random(config.seed)
        self.run_dir = Path(tempfile.mkdtemp(prefix="bangwo-chaos-"))
        self.result = ChaosResult(config, self.run_dir)
        self.postgres: OwnPostgres | None = None
        self.redis: OwnRedis | None = None
        self.database_url = config.database_url or ""
        self.redis_url = config.redis_url or ""
        self.serve: Child | None = None
        self.relay: Child | None = None
        self.url = ""
        self.first_arrival = 0.0
        self.back_watchers: set[asyncio.Task[None]] = set()

    def say(self, line: str) -> None:
        stamp = datetime.now(UTC).astimezone().strftime("%H:%M:%S")
        since = f"{time.monotonic() - self.first_arrival:7.1f} s" if self.first_arrival else " " * 9
        print(f"[{stamp} {since}] {line}", file=self.log, flush=True)

    def note(self, text: str) -> None:
        self.result.notes.append(text)
        self.say(f"note: {text}")

    # -- setting up

    async def start_services(self) -> None:
        if not self.database_url:
            self.postgres = OwnPostgres(postgres_bin_dir(self.config.postgres_bin), self.run_dir, free_port())
            self.say(f"starting a PostgreSQL cluster of this run's own on port {self.postgres.port} "
                     f"({self.postgres.bin_dir})")
            await self.postgres.start()
            self.database_url = self.postgres.url
        if not self.redis_url:
            self.redis = OwnRedis(self.run_dir, free_port())
            self.say(f"starting a Redis of this run's own on port {self.redis.port}")
            await self.redis.start()
            self.redis_url = self.redis.url
        port = self.config.port or free_port()
        self.url = f"http://127.0.0.1:{port}"
        env = {**os.environ, "BANGWO_DATABASE_URL": self.database_url, "BANGWO_REDIS_URL": self.redis_url,
               "BANGWO_DATA_DIR": str(self.run_dir / "data")}
        env.pop("BANGWO_WORKERS", None)
        if self.config.now:
            env["BANGWO_NOW"] = self.config.now.isoformat()
        else:
            env.pop("BANGWO_NOW", None)
        bangwo = [sys.executable, "-m", "bangwo.cli"]
        self.serve = Child("serve", [*bangwo, "serve", "--port", str(port), "--workers", str(self.config.workers)],
                           env, self.run_dir / "serve.log")
        self.relay = Child("worker", [*bangwo, "worker", "--poll-seconds", "0.2"], env, self.run_dir / "worker.log")
        self.say(f"starting bangwo serve --workers {self.config.workers} on {self.url} and bangwo worker")
        await self.serve.start()
        await self._until_serving()
        await self.relay.start()

    async def _until_serving(self) -> None:
        assert self.serve is not None and self.serve.pid is not None
        deadline = time.monotonic() + START_TIMEOUT_SECONDS
        async with httpx.AsyncClient(base_url=self.url, timeout=5) as client:
            while time.monotonic() < deadline:
                if not self.serve.alive:
                    raise ChaosSetupError(f"bangwo serve exited at start:\n{self.serve.tail()}")
                up = len(worker_pids(self.serve.pid)) == self.config.workers
                if up and await server_now(client) is not None:
                    return
                await asyncio.sleep(POLL_SECONDS)
        raise ChaosSetupError(f"bangwo serve did not answer at {self.url} in {START_TIMEOUT_SECONDS:g} s:\n"
                              f"{self.serve.tail()}")

    def plan(self) -> list[PlannedFault]:
        kinds = set(self.config.faults)
        own_postgres = self.config.database_url is None
        if "postgres_restart" in kinds and not own_postgres and not self.config.pg_restart_command:
            kinds.discard("postgres_restart")
            self.note("PostgreSQL is not restarted: the store is not this run's own cluster and no "
                      "--pg-restart-command was given")
        return fault_timetable(self.config.load.schedule.seconds, self.config.fault_every_seconds,
                               [kind for kind in FAULT_KINDS if kind in kinds])

    # -- the faults

    async def inject_all(self, timetable: list[PlannedFault], test: ChaosLoadTest) -> None:
        loop = asyncio.get_running_loop()
        for planned in timetable:
            delay = self.first_arrival + planned.at_seconds - loop.time()
            if delay > 0:
                await asyncio.sleep(delay)
            try:
                record = await self.inject(planned, test)
            except Exception as exc:  # a fault that could not be injected is reported, and the run goes on
                record = self._record(planned, f"{type(exc).__name__}: {exc}", injected=False)
            self.result.faults.append(record)
            mark = "" if record.injected else "NOT INJECTED: "
            self.say(f"{planned.kind:<16} {mark}{record.detail}  (orders so far {len(test.acknowledged.by_key)})")

    def _record(self, planned: PlannedFault, detail: str, *, injected: bool = True) -> FaultRecord:
        return FaultRecord(planned.kind, planned.at_seconds, round(time.monotonic() - self.first_arrival, 3),
                           datetime.now(UTC), detail, injected)

    def _since_first_arrival(self) -> float:
        return round(time.monotonic() - self.first_arrival, 3)

    async def inject(self, planned: PlannedFault, test: ChaosLoadTest) -> FaultRecord:
        if planned.kind == "worker_kill":
            return await self._kill_worker(planned, test)
        if planned.kind == "relay_kill":
            return await self._kill_relay(planned)
        if planned.kind == "postgres_restart":
            return await self._restart_postgres(planned)
        return await self._restart_redis(planned)

    async def _kill_worker(self, planned: PlannedFault, test: ChaosLoadTest) -> FaultRecord:
        assert self.serve is not None and self.serve.pid is not None
        test.confirm_sent.clear()
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(test.confirm_sent.wait(), CONFIRM_WAIT_SECONDS)
        mid_confirm = test.confirm_sent.is_set()
        await asyncio.sleep(self.rng.uniform(0, KILL_DELAY_SECONDS))
        workers = sorted(worker_pids(self.serve.pid))
        if not workers:
            return self._record(planned, "no uvicorn worker was up to kill", injected=False)
        victim = self.rng.choice(workers)
        os.kill(victim, signal.SIGKILL)
        record = self._record(planned, f"SIGKILL uvicorn worker {victim} of {len(workers)}"
                              + (", a confirmation just sent" if mid_confirm else ", no confirmation in the last 2 s"))
        serve_pid = self.serve.pid
        self._watch(record, lambda: any(pid not in workers for pid in worker_pids(serve_pid)))
        return record

    def _watch(self, record: FaultRecord, back: Callable[[], bool]) -> None:
        """Note when the part is back (a replacement worker), in the background: the next fault does not wait."""
        async def watch() -> None:
            deadline = time.monotonic() + PART_BACK_TIMEOUT_SECONDS
            while time.monotonic() < deadline:
                if back():
                    record.back_seconds = self._since_first_arrival()
                    return
                await asyncio.sleep(0.1)

        task = asyncio.create_task(watch())
        self.back_watchers.add(task)
        task.add_done_callback(self.back_watchers.discard)

    async def _kill_relay(self, planned: PlannedFault) -> FaultRecord:
        assert self.relay is not None
        old = self.relay.pid
        await self.relay.kill()
        record = self._record(planned, f"SIGKILL relay {old}")
        await asyncio.sleep(RELAY_DOWN_SECONDS)
        await self.relay.start()
        record.back_seconds = self._since_first_arrival()
        record.detail += f"; after {RELAY_DOWN_SECONDS:g} s a new relay {self.relay.pid}"
        return record

    async def _restart_postgres(self, planned: PlannedFault) -> FaultRecord:
        started = time.monotonic()
        record = self._record(planned, "")
        if self.postgres is not None:
            await self.postgres.restart()
            record.detail = f"pg_ctl restart -m fast on port {self.postgres.port}"
        else:
            assert self.config.pg_restart_command
            await _run([self.config.pg_restart_command], shell=True, seconds=PART_BACK_TIMEOUT_SECONDS)
            record.detail = f"ran {self.config.pg_restart_command!r}"
        record.back_seconds = self._since_first_arrival()
        record.detail += f": accepting connections again after {time.monotonic() - started:.2f} s"
        return record

    async def _restart_redis(self, planned: PlannedFault) -> FaultRecord:
        client = Redis.from_url(self.redis_url, socket_timeout=5)
        try:
            keys = await client.dbsize()
            if self.redis is not None:
                await client.flushall()
            else:  # a Redis given with --redis-url may serve others: only its database is flushed
                await client.flushdb()
        finally:
            await client.aclose()
        started = time.monotonic()
        record = self._record(planned, f"{'FLUSHALL' if self.redis else 'FLUSHDB'} ({keys} keys)")
        if self.redis is not None:
            await self.redis.kill()
            await self.redis.start()
            record.detail += f", SIGKILL and started again on port {self.redis.port}"
        elif self.config.redis_restart_command:
            await _run([self.config.redis_restart_command], shell=True, seconds=PART_BACK_TIMEOUT_SECONDS)
            record.detail += f", then ran {self.config.redis_restart_command!r}"
        else:
            record.detail += "; not restarted (not this run's own Redis, and no --redis-restart-command)"
        if not await _redis_answers(self.redis_url, PART_BACK_TIMEOUT_SECONDS):
            record.detail += "; Redis did not answer again"
            return record
        record.back_seconds = self._since_first_arrival()
        record.detail += f": answering again after {time.monotonic() - started:.2f} s"
        return record

    # -- the load

    async def load(self, timetable: list[PlannedFault]) -> LoadResult:
        config = dataclasses.replace(self.config.load, url=self.url, live=False)
        async with http_clients(config) as clients:
            self.first_arrival = asyncio.get_running_loop().time()
            test = ChaosLoadTest(clients, config, self.first_arrival)
            self.say(f"load: {config.schedule.seconds:g} s of arrivals (ramp to {config.schedule.rate_per_second:g}/s,"
                     f" hold, spike x{config.schedule.spike_factor:g}), then up to {config.drain_seconds:g} s of drain;"
                     f" {len(timetable)} faults planned")
            injector = asyncio.create_task(self.inject_all(timetable, test))
            try:
                result = await test.run()
                await injector  # every planned fault happens, even when the load ended before the last one
            finally:
                if not injector.done():  # the load itself failed
                    injector.cancel()
                    with contextlib.suppress(asyncio.CancelledError):
                        await injector
            result.server_now = await server_now(clients[0])
        self.result.failed_tries = sorted(test.failed_tries, key=lambda failure: failure.at_seconds)
        self.say(f"load over after {result.elapsed_seconds:.1f} s: {len(result.acknowledged.order_ids)} orders "
                 f"acknowledged, {result.failed_requests} tries failed (5xx or transport)")
        return result

    # -- recovery and the check

    async def recover(self, store: Store) -> Recovery:
        """Wait until every condition holds at once: each worker up and answering, the relay alive and
        drained, no trip left paid with a leg not booked (a worker finishes those within ~40 s)."""
        assert self.serve is not None and self.serve.pid is not None and self.relay is not None
        began = time.monotonic()
        deadline = began + self.config.recovery_timeout_seconds
        waiting: list[str] = []
        backlog: dict[str, int] = {}
        while True:
            waiting = []
            if not self.serve.alive:  # uvicorn stops every worker when a new one fails its startup
                waiting.append("bangwo serve (it exited: see serve.log)")
            workers = len(worker_pids(self.serve.pid))
            if workers != self.config.workers:
                waiting.append(f"{self.config.workers} workers ({workers} up)")
            # New connections each time, so the kernel hands them to different workers.
            answers = [await _healthz_fresh(self.url) for _ in range(2 * self.config.workers)]
            if not all(answers):
                waiting.append(f"/healthz from every worker ({sum(answers)} of {len(answers)} answered)")
            if not self.relay.alive:
                waiting.append("the relay (it exited: see worker.log)")
            try:
                async with store.read() as session:
                    outbox = await outbox_backlog(session)
                    trips = await unfinished_trips(session)
                backlog = {"undelivered": outbox.undelivered, "failing": outbox.failing, "unbooked_trips": trips}
                if outbox.undelivered:
                    waiting.append(f"the relay to drain ({outbox.undelivered} events waiting, "
                                   f"{outbox.failing} failing)")
                if trips:
                    waiting.append(f"{trips} trips paid with a leg not booked to be finished or undone")
            except Exception as exc:  # the store not answering is one more thing to wait for
                waiting.append(f"the store ({type(exc).__name__})")
            if not waiting or time.monotonic() > deadline:
                break
            await asyncio.sleep(0.5)
        seconds = round(time.monotonic() - began, 2)
        self.say(f"recovered after {seconds:g} s" if not waiting else
                 f"NOT recovered after {seconds:g} s: waiting for {', '.join(waiting)}")
        return Recovery(seconds, not waiting, waiting, backlog)

    async def check(self, store: Store, load: LoadResult) -> None:
        async with httpx.AsyncClient(base_url=self.url, timeout=5) as client:
            now = await server_now(client) or datetime.now(UTC)
        report = await check_invariants(store, now, load.acknowledged.order_ids, relay_drained=True)
        self.result.invariants = report.with_checks([load.acknowledged.replays_check()])
        async with store.read() as session:
            self.result.orders = await order_tally(session)
        self.result.budget_counters = await budget_counter_figures(store, self.redis_url)

    # -- the whole run

    async def run(self) -> ChaosResult:
        store: Store | None = None
        try:
            timetable = self.plan()
            await self.start_services()
            self.result.load = load = await self.load(timetable)
            await asyncio.gather(*self.back_watchers, return_exceptions=True)
            store = Store(self.database_url)
            self.result.recovery = await self.recover(store)
            await self.check(store, load)
        finally:
            for task in self.back_watchers:
                task.cancel()
            if store is not None:
                await store.close()
            await self.stop()
        return self.result

    async def stop(self) -> None:
        for child in (self.relay, self.serve):
            if child is not None:
                await child.stop()
        if self.redis is not None:
            await self.redis.kill()
        if self.postgres is not None:
            await self.postgres.stop()


async def _healthz_fresh(url: str) -> bool:
    try:
        async with httpx.AsyncClient(base_url=url, timeout=5) as client:
            return (await client.get("/healthz")).status_code == 200
    except httpx.HTTPError:
        return False


async def unfinished_trips(session: Any) -> int:
    """Paid trips with a leg not yet booked: interrupted sagas a worker has still to finish or undo."""
    rows = await session.execute(select(OrderRow.details).where(OrderRow.domain == "trip", OrderRow.status == "paid"))
    return sum(1 for (details,) in rows.tuples() if legs_left_to_book(details or {}))


async def order_tally(session: Any) -> dict[str, dict[str, int]]:
    """How many orders, by status, then domain."""
    rows = await session.execute(
        select(OrderRow.status, OrderRow.domain, func.count()).group_by(OrderRow.status, OrderRow.domain)
    )
    tally: dict[str, dict[str, int]] = {}
    for status, domain, count in rows.tuples():
        tally.setdefault(status, {})[domain] = int(count)
    return tally


async def budget_counter_figures(store: Store, redis_url: str) -> list[str]:
    """Redis's hot counter of each campaign against the record, as figures: a flush forgets reservations in
    flight, so after one the counter may sit below the record until `bangwo campaign reconcile --fix`."""
    counter = BudgetCounter.from_url(redis_url, prefix=os.environ.get("BANGWO_REDIS_PREFIX", "bangwo:"))
    figures = []
    try:
        async with store.read() as session:
            campaigns = (await session.execute(select(CampaignRow.id, CampaignRow.redeemed_fen))).tuples().all()
        for campaign_id, redeemed in campaigns:
            counted = await counter.counted_fen(campaign_id)
            where = ("not started (starts from the record)" if counted is None else
                     f"{counted} fen ({'=' if counted == redeemed else '>' if counted > redeemed else '<'} record)")
            figures.append(f"{campaign_id}: record {redeemed} fen, Redis counter {where}")
    except (RedisError, OSError) as exc:
        figures.append(f"Redis could not be read: {exc}")
    finally:
        await counter.close()
    return figures


# ---- the report -----------------------------------------------------------------------------------


def faults_table(result: ChaosResult) -> Table:
    table = Table(title="faults injected", title_justify="left")
    for name in ("at s", "wall clock", "fault", "back after s", "what was done"):
        table.add_column(name, justify="right" if name in ("at s", "back after s") else "left", overflow="fold")
    for fault in result.faults:
        back = "-" if fault.back_seconds is None else f"{fault.back_seconds - fault.at_seconds:.1f}"
        table.add_row(f"{fault.at_seconds:.1f}", fault.at.astimezone().strftime("%H:%M:%S"),
                      fault.kind if fault.injected else f"{fault.kind} (NOT INJECTED)", back, fault.detail)
    counts = Counter(fault.kind for fault in result.faults if fault.injected)
    table.caption = ("; ".join(f"{FAULT_WORDS[kind]}: {counts[kind]}" for kind in FAULT_KINDS if counts[kind])
                     + "\nback: a replacement worker started, the relay started again, PostgreSQL accepting "
                     "connections, Redis answering")
    table.caption_justify = "left"
    return table


def failures_table(result: ChaosResult) -> Table:
    during, outside = result.failures_by_window()
    table = Table(title=f"failed tries (5xx or transport): during a fault (until the part is back + "
                  f"{result.config.fault_grace_seconds:g} s) or outside every fault", title_justify="left")
    for name in ("route", "during faults", "put down to", "outside faults"):
        table.add_column(name, justify="left" if name in ("route", "put down to") else "right")
    routes = sorted({failure.route for failure, _ in during} | {failure.route for failure in outside})
    for route in routes:
        kinds = Counter(kind for failure, kind in during if failure.route == route)
        table.add_row(route, str(sum(kinds.values())), ", ".join(f"{kind} {n}" for kind, n in kinds.most_common()),
                      str(sum(1 for failure in outside if failure.route == route)))
    if not routes:
        table.add_row("(none)", "0", "", "0")
    hung = [failure for failure, _ in during if failure.at_seconds - (failure.sent_seconds or 0) > HUNG_SECONDS]
    notes = []
    if outside:
        notes.append("outside every fault: "
                     + "; ".join(_failure_words(failure) for failure in outside[:OUTSIDE_SHOWN]))
    if hung:
        notes.append(f"sent during a fault but failed over {HUNG_SECONDS:g} s later (hung, not cut): "
                     + "; ".join(_failure_words(failure) for failure in hung[:OUTSIDE_SHOWN]))
    if notes:
        table.caption = "\n".join(notes)
        table.caption_justify = "left"
    return table


def _failure_words(failure: FailedTry) -> str:
    sent = failure.at_seconds if failure.sent_seconds is None else failure.sent_seconds
    what = failure.error or failure.outcome
    return f"{failure.route} sent at {sent:.1f} s, failed at {failure.at_seconds:.1f} s: {what}"


def print_report(result: ChaosResult, console: Console) -> None:
    console.print()
    for line in result.notes:
        console.print(f"[yellow]note[/yellow]: {line}")
    console.print(faults_table(result))
    if result.load is not None:
        console.print(routes_table(result.load))
        console.print(journeys_table(result.load))
        console.print(summary_text(result.load))
        console.print(failures_table(result))
    if result.recovery is not None:
        recovery = result.recovery
        state = (f"recovered {recovery.seconds:g} s after the load ended: every worker answering, the relay drained, "
                 "no trip left half booked") if recovery.recovered else (
            f"NOT recovered within {recovery.seconds:g} s; still waiting for: {', '.join(recovery.waiting_for)}")
        console.print(f"recovery: {state}")
    if result.invariants is not None:
        console.print(report_table(result.invariants, title="invariants after the chaos"))
    if result.orders:
        tally = "; ".join(f"{status} {sum(domains.values())} ("
                          + ", ".join(f"{domain} {n}" for domain, n in sorted(domains.items())) + ")"
                          for status, domains in sorted(result.orders.items()))
        complete = result.completed_or_compensated()
        console.print(f"orders: {tally}; every one completed or compensated: {'yes' if complete else 'NO'}")
    for line in result.budget_counters:
        console.print(f"campaign budget (information): {line}")
    failures = result.failures()
    for reason in failures:
        console.print(f"[bold red]FAILED[/bold red]: {reason}")
    if result.load is not None:
        for error in result.load.errors:
            console.print(f"  [dim]{error}[/dim]")
    if not failures:
        console.print("[bold green]passed[/bold green]: every fault recovered from, every invariant holds, every "
                      "order completed or compensated, no failure outside a fault")
    if result.run_dir.exists():
        console.print(f"logs and the cluster's data: {result.run_dir}")


async def run_chaos(config: ChaosConfig, console: Console, log: IO[str] | None = None) -> ChaosResult:
    """The whole run: set up, load with faults, recover, check, report. The run's directory is removed at the end
    unless --keep or the run failed (its logs then help)."""
    chaos = ChaosRun(config, log or sys.stderr)
    try:
        result = await chaos.run()
    except BaseException:
        chaos.say(f"the run stopped early; its logs are in {chaos.run_dir}")
        raise
    if not config.keep and not result.failures():
        shutil.rmtree(result.run_dir, ignore_errors=True)
    print_report(result, console)
    return result


def write_json(result: ChaosResult, path: Path) -> None:
    path.write_text(json.dumps(result.as_json(), ensure_ascii=False, indent=2, default=str), encoding="utf-8")
