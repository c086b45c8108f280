"""`bangwo loadtest`: the launch night against a running bangwo, over HTTP, then the invariant check.

Open model: people arrive on a schedule, whatever the server does. Arrivals follow the rate of the
schedule (a Poisson process by default, or evenly spaced), ramping from 0 to the target rate, holding
it, then a spike of several times the rate; each arrival starts a journey as its own task, so a slow
server gets more people in flight, never fewer arrivals. Journeys in flight are capped by a generous
limit; an arrival beyond it is dropped and counted (the generator, not the server, was full).

A journey is what one person does: sign up (sometimes with a friend's invite code), say what they
want in Chinese or English (mostly food; groceries, movie tickets, a few hotels and flights), answer
the assistant's question (the address, the city, the passenger's name), confirm the card with an
Idempotency-Key made before the first try, and check the order; or come back later to check an order.
A 429 or 503 is the server shedding load politely: the request is retried after Retry-After with the
same body and the same key, a bounded number of times, and counted as shed, not as an error.

Every request is counted under its route template, with its latency and outcome (2xx, 4xx, 429, 503,
5xx, transport error). At the end: the table, the journeys, and the invariant check of the store with
every order id a confirm answered 201 with (ops/invariants.py).
"""

from __future__ import annotations

import asyncio
import itertools
import json
import math
import random
import time
from collections import Counter, deque
from collections.abc import AsyncIterator, Callable, Mapping, Sequence
from contextlib import AsyncExitStack, asynccontextmanager
from dataclasses import dataclass, field
from datetime import datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

import httpx
from rich.console import Console, Group
from rich.live import Live
from rich.table import Table
from rich.text import Text

from bangwo.ops.invariants import Acknowledged, InvariantReport, check_invariants, report_table
from bangwo.ops.schedule import ArrivalProcess, Phase, Schedule
from bangwo.store.engine import Store

OUTCOMES = ("2xx", "4xx", "429", "503", "5xx", "transport")
RECENT_LATENCIES = 1000  # per route, for the live view's percentiles (the final table uses every request)
ERROR_EXAMPLES = 10
MAX_TURNS = 3  # questions a person answers before giving up on a card
RETURNING_PEOPLE = 10_000  # people with an order who may come back to check it (the newest are kept)
INVITE_CODES = 1_000  # invite codes friends may use (the newest are kept)

# What people say, by journey: (text, language). Each was seen to end in a card on the demo world.
COMMANDS: dict[str, tuple[tuple[str, str], ...]] = {
    "food": (
        ("帮我点两杯少糖去冰的杨枝甘露", "zh"),
        ("two cups of mango pomelo sago, less sugar", "en"),
        ("来一杯大杯珍珠奶茶，少糖", "zh"),
        ("help me order a large bubble tea, less sugar, no ice", "en"),
        ("点个麦辣鸡腿堡套餐", "zh"),
        ("a latte and a croissant please", "en"),
    ),
    "grocery": (
        ("帮我买一盒鸡蛋、两瓶牛奶和一箱可乐", "zh"),
        ("买两副春联和十张福字", "zh"),
        ("buy a nut gift box and a bag of rice", "en"),
        ("buy two boxes of strawberries", "en"),
    ),
    "movie": (
        ("帮我买两张惊蛰无声首映的票，最后一排，晚上八点左右", "zh"),
        ("two tickets for Star Wanderer tonight", "en"),
        ("买一张团圆饭的票，明天晚上", "zh"),
        ("three tickets for Run Little Bear tomorrow afternoon", "en"),
    ),
    "travel": (
        ("订一间西湖附近的酒店，两晚，从明天开始", "zh"),
        ("book a hotel near the Bund for two nights from tomorrow", "en"),
        ("帮我订明天上午从杭州去上海的机票", "zh"),
        ("a flight from Beijing to Sanya on Friday", "en"),
        # A trip: paid once, then each leg booked in its own transaction (the saga a crash can interrupt).
        ("帮我订明天上午从杭州去上海的机票，再订一间外滩附近的酒店，两晚", "zh"),
        ("book a flight from Beijing to Shanghai tomorrow morning and a hotel near the Bund for two nights", "en"),
    ),
    "browse": (("你好", "zh"), ("what can you do?", "en"), ("帮我写一副春联", "zh"), ("我的奶茶到哪了", "zh")),
}
ADDRESSES = (  # (the city, an address in it), for whichever the assistant asks
    ("杭州", "杭州市西湖区文三路100号"),
    ("上海", "上海市黄浦区南京东路200号"),
    ("北京", "北京市东城区王府井大街1号"),
)
NAMES = {"zh": ("王小明", "李娜", "张伟", "陈静"), "en": ("Li Lei", "Han Meimei", "Wang Fang")}
STATUS_QUESTIONS = (("我的订单到哪了", "zh"), ("where is my order?", "en"))
# Journeys by weight: mostly food, as at the launch; `status` is someone coming back to check an order.
DEFAULT_MIX: dict[str, int] = {"food": 55, "grocery": 8, "movie": 10, "travel": 2, "browse": 5, "status": 20}
JOURNEYS = tuple(DEFAULT_MIX)


def parse_mix(text: str) -> dict[str, int]:
    """'food=55,movie=10' -> weights; journeys not named keep no weight. ValueError names what is wrong."""
    mix: dict[str, int] = {}
    for part in filter(None, (p.strip() for p in text.split(","))):
        name, sep, weight = part.partition("=")
        if not sep or name.strip() not in JOURNEYS or not weight.strip().isdigit():
            raise ValueError(f"{part!r}: write journey=weight with a journey of {', '.join(JOURNEYS)}")
        mix[name.strip()] = int(weight)
    if not any(mix.values()):
        raise ValueError("give at least one journey a weight above 0")
    return mix


# ---- what is measured -----------------------------------------------------------------------------


def outcome_of(status: int) -> str:
    if status in (429, 503):
        return str(status)
    return "2xx" if status < 300 else "5xx" if status >= 500 else "4xx"


def percentile(sorted_values: list[float], share: float) -> float:
    """Nearest rank; 0 for no values."""
    if not sorted_values:
        return 0.0
    return sorted_values[min(len(sorted_values) - 1, max(0, math.ceil(share * len(sorted_values)) - 1))]


@dataclass(slots=True)
class RouteStats:
    route: str  # the template: POST /v1/proposals/{id}/confirm
    latencies_ms: list[float] = field(default_factory=list)
    recent_ms: deque[float] = field(default_factory=lambda: deque(maxlen=RECENT_LATENCIES))
    outcomes: Counter[str] = field(default_factory=Counter)

    def record(self, outcome: str, latency_ms: float) -> None:
        self.latencies_ms.append(latency_ms)
        self.recent_ms.append(latency_ms)
        self.outcomes[outcome] += 1

    @property
    def count(self) -> int:
        return len(self.latencies_ms)

    def summary(self, elapsed_seconds: float) -> dict[str, Any]:
        ordered = sorted(self.latencies_ms)
        return {
            "route": self.route,
            "count": self.count,
            "per_second": round(self.count / elapsed_seconds, 2) if elapsed_seconds else 0.0,
            "latency_ms_p50": round(percentile(ordered, 0.50), 1),
            "latency_ms_p95": round(percentile(ordered, 0.95), 1),
            "latency_ms_p99": round(percentile(ordered, 0.99), 1),
            "outcomes": {name: self.outcomes[name] for name in OUTCOMES},
            "share": {name: round(self.outcomes[name] / self.count, 4) if self.count else 0.0 for name in OUTCOMES},
        }


@dataclass(frozen=True, slots=True)
class LoadConfig:
    url: str = "http://127.0.0.1:8000"
    schedule: Schedule = field(default_factory=lambda: Schedule(20.0))
    process: ArrivalProcess = "poisson"
    seed: int = 1
    mix: Mapping[str, int] = field(default_factory=lambda: dict(DEFAULT_MIX))
    invite_share: float = 0.3  # of new people, how many sign up with a friend's invite code
    confirm_share: float = 0.9  # of cards, how many are confirmed (the rest are left to lapse)
    max_in_flight: int = 5_000  # journeys at once; an arrival beyond this is dropped and counted
    connections: int = 500  # HTTP connections at most; a request beyond them waits for one (and its latency shows it)
    timeout_seconds: float = 30.0
    retries: int = 3  # after a 429/503 (or, for a confirm or a read, a 5xx or a lost connection)
    max_retry_wait_seconds: float = 10.0  # a longer Retry-After is not waited for: the journey ends as shed
    drain_seconds: float = 30.0  # how long journeys still in flight may finish after the last arrival
    forwarded_for: bool = True  # each person comes from an address of their own (X-Forwarded-For)
    live: bool = True


class JourneyShed(Exception):
    """The server kept asking to come back later (429/503) beyond the retries."""


class JourneyFailed(Exception):
    """A 5xx, a lost connection or a timeout that retries did not get past."""


class JourneyRefused(Exception):
    """A 4xx the journey cannot go on from (a lapsed hold, a spent budget, an unexpected answer)."""

    def __init__(self, route: str, status: int, code: str) -> None:
        super().__init__(f"{route}: {status} {code}")
        self.code = code


@dataclass(slots=True)
class Person:
    number: int
    headers: dict[str, str]
    invite_code: str = ""
    lang: str = "zh"


@dataclass(slots=True)
class LoadResult:
    config: LoadConfig
    elapsed_seconds: float
    scheduled: int
    started: int
    dropped: int
    unfinished: int
    most_in_flight: int
    started_per_second: list[int]
    max_arrival_lag_ms: float
    journeys: dict[str, Counter[str]]
    routes: list[dict[str, Any]]
    acknowledged: Acknowledged
    errors: list[str]
    server_now: datetime | None = None
    invariants: InvariantReport | None = None

    @property
    def failed_requests(self) -> int:
        return sum(route["outcomes"]["5xx"] + route["outcomes"]["transport"] for route in self.routes)

    @property
    def crashed_journeys(self) -> int:
        return sum(outcomes["crashed"] for outcomes in self.journeys.values())

    def failures(self) -> list[str]:
        """Why the run failed; empty: it passed."""
        reasons = []
        if self.failed_requests:
            reasons.append(f"{self.failed_requests} requests ended in a 5xx or a transport error")
        if self.crashed_journeys:
            reasons.append(f"{self.crashed_journeys} journeys crashed in the load generator (see errors)")
        if self.invariants is not None and not self.invariants.ok:
            reasons.append("invariants violated: " + ", ".join(self.invariants.violated))
        return reasons

    def as_json(self) -> dict[str, Any]:
        schedule = self.config.schedule
        return {
            "url": self.config.url,
            "schedule": {
                "rate_per_second": schedule.rate_per_second, "ramp_seconds": schedule.ramp_seconds,
                "hold_seconds": schedule.hold_seconds, "spike_factor": schedule.spike_factor,
                "spike_seconds": schedule.spike_seconds, "process": self.config.process, "seed": self.config.seed,
                "expected_arrivals": round(schedule.expected_arrivals(schedule.seconds), 1),
            },
            "mix": dict(self.config.mix),
            "elapsed_seconds": round(self.elapsed_seconds, 3),
            "arrivals": {
                "scheduled": self.scheduled, "started": self.started, "dropped": self.dropped,
                "unfinished": self.unfinished, "most_in_flight": self.most_in_flight,
                "started_per_second": self.started_per_second,
                "max_arrival_lag_ms": round(self.max_arrival_lag_ms, 1),
            },
            "journeys": {kind: dict(outcomes) for kind, outcomes in self.journeys.items()},
            "routes": self.routes,
            "acknowledged_order_ids": sorted(self.acknowledged.order_ids),
            "errors": self.errors,
            "server_now": self.server_now.isoformat() if self.server_now else None,
            "invariants": self.invariants.as_json() if self.invariants else None,
            "failures": self.failures(),
        }


# ---- the generator --------------------------------------------------------------------------------


# Connections a pool holds at most. httpcore scans every connection of its pool at every request
# (encode/httpcore#1035), so one pool of 500 made the generator spend two thirds of its CPU there and
# saturate its core long before the server did; many small pools, taken in turn, keep each scan short.
POOL_CONNECTIONS = 25
# Below uvicorn's keep-alive (5 s): a connection the server is about to close is never reused, even when
# the generator's own loop runs late ("Server disconnected without sending a response").
KEEPALIVE_SECONDS = 2.0


@asynccontextmanager
async def http_clients(config: LoadConfig) -> AsyncIterator[list[httpx.AsyncClient]]:
    """The load's HTTP clients: `config.connections` split into pools of POOL_CONNECTIONS."""
    timeout = httpx.Timeout(config.timeout_seconds, pool=None)  # waiting for a connection is part of the latency
    total = max(1, config.connections)
    async with AsyncExitStack() as stack:
        clients = []
        for first in range(0, total, POOL_CONNECTIONS):
            size = min(POOL_CONNECTIONS, total - first)
            limits = httpx.Limits(max_connections=size, max_keepalive_connections=size,
                                  keepalive_expiry=KEEPALIVE_SECONDS)
            clients.append(await stack.enter_async_context(
                httpx.AsyncClient(base_url=config.url, limits=limits, timeout=timeout)))
        yield clients


class LoadTest:
    def __init__(self, clients: Sequence[httpx.AsyncClient], config: LoadConfig) -> None:
        self.clients = itertools.cycle(clients)  # each request takes the next pool
        self.config = config
        self.rng = random.Random(config.seed)
        # A tag of this run in every phone number and key: runs against one store never collide.
        self.run_tag = random.Random().randrange(100)
        self.routes: dict[str, RouteStats] = {}
        self.journeys: dict[str, Counter[str]] = {kind: Counter() for kind in JOURNEYS}
        self.acknowledged = Acknowledged()
        self.errors: list[str] = []
        self.invite_codes: deque[str] = deque(maxlen=INVITE_CODES)
        self.returning: deque[tuple[Person, str]] = deque(maxlen=RETURNING_PEOPLE)
        self.in_flight: set[asyncio.Task[None]] = set()
        self.scheduled = self.started = self.dropped = self.unfinished = self.most_in_flight = 0
        self.started_per_second = [0] * math.ceil(config.schedule.seconds)
        self.recent_starts: deque[float] = deque()
        self.max_lag_seconds = 0.0
        self.began = 0.0
        self.phase: Phase = "ramp"

    # -- requests

    def stats(self, route: str) -> RouteStats:
        found = self.routes.get(route)
        if found is None:
            found = self.routes[route] = RouteStats(route)
        return found

    def _note_error(self, text: str) -> None:
        if len(self.errors) < ERROR_EXAMPLES:
            self.errors.append(text)

    async def send(
        self, route: str, method: str, path: str, *, headers: Mapping[str, str] | None = None,
        body: Mapping[str, Any] | None = None, retry_failures: bool = False,
    ) -> httpx.Response:
        """One request, retried after a 429/503 (Retry-After honoured, bounded) and, when `retry_failures`
        (a confirm under its key, a read), after a 5xx or a lost connection. Each try is counted."""
        stats = self.stats(route)
        for attempt in range(self.config.retries + 1):
            last = attempt == self.config.retries
            started = time.perf_counter()
            try:
                response = await next(self.clients).request(method, path, headers=headers, json=body)
            except httpx.TransportError as exc:  # refused, reset, timed out: the outcome is unknown
                stats.record("transport", (time.perf_counter() - started) * 1000)
                self._note_error(f"{route}: {type(exc).__name__} {exc}")
                if retry_failures and not last:
                    await asyncio.sleep(0.5 * (attempt + 1))
                    continue
                raise JourneyFailed(route) from exc
            outcome = outcome_of(response.status_code)
            stats.record(outcome, (time.perf_counter() - started) * 1000)
            if outcome in ("429", "503"):
                wait = retry_after_seconds(response)
                if last or wait > self.config.max_retry_wait_seconds:
                    raise JourneyShed(route)
                await asyncio.sleep(wait * (1 + self.rng.random() / 2))  # spread the comeback a little
                continue
            if outcome == "5xx":
                self._note_error(f"{route}: {response.status_code} {response.text[:200]}")
                if retry_failures and not last:
                    await asyncio.sleep(0.5 * (attempt + 1))
                    continue
                raise JourneyFailed(route)
            return response
        raise AssertionError("unreachable")

    async def expect(self, route: str, method: str, path: str, status: int, **kwargs: Any) -> dict[str, Any]:
        response = await self.send(route, method, path, **kwargs)
        if response.status_code != status:
            try:
                code = response.json()["error"]["code"]
            except (ValueError, KeyError, TypeError):
                code = "unexpected"
            raise JourneyRefused(route, response.status_code, code)
        return response.json()

    # -- journeys

    async def sign_up(self, number: int, lang: str) -> Person:
        phone = f"15{self.run_tag:02d}{number % 10_000_000:07d}"  # 11 digits: ten million people a run
        body: dict[str, Any] = {"phone": phone, "device_id": f"loadtest-{self.run_tag}-{number}"}
        if self.invite_codes and self.rng.random() < self.config.invite_share:
            body["invite_code"] = self.rng.choice(self.invite_codes)
        headers = {}
        if self.config.forwarded_for:  # one address per person, as phones on many networks (the fraud rules see it)
            headers["X-Forwarded-For"] = f"10.{number >> 16 & 255}.{number >> 8 & 255}.{number & 255}"
        signed = await self.expect("POST /v1/users", "POST", "/v1/users", 201, headers=headers, body=body)
        self.invite_codes.append(signed["invite_code"])
        return Person(number, {**headers, "Authorization": f"Bearer {signed['token']}"}, signed["invite_code"], lang)

    async def chat(self, person: Person, text: str, session_id: str | None = None) -> dict[str, Any]:
        body = {"text": text} | ({"session_id": session_id} if session_id else {})
        return await self.expect("POST /v1/chat", "POST", "/v1/chat", 200, headers=person.headers, body=body)

    def answer(self, question: str, kind: str, lang: str) -> str:
        """What a person says when asked: the passenger's name, the city, or where to deliver."""
        lowered = question.lower()
        city, address = self.rng.choice(ADDRESSES)
        if "地址" in question or "address" in lowered or "送到" in question or "where should it go" in lowered:
            return address
        if "姓名" in question or "name" in lowered:
            return self.rng.choice(NAMES[lang])
        return city  # "在哪个城市看？", "from which city?"

    async def order(self, number: int, kind: str) -> str:
        text, lang = self.rng.choice(COMMANDS[kind])
        person = await self.sign_up(number, lang)
        reply = await self.chat(person, text)
        for _ in range(MAX_TURNS):
            if reply["state"] != "need_info":
                break
            reply = await self.chat(person, self.answer(reply["reply"], kind, lang), reply["session_id"])
        if reply["state"] != "proposal" or not reply.get("proposal"):
            return "no_card"
        if self.rng.random() >= self.config.confirm_share:
            return "card_left"
        key = f"loadtest-{self.run_tag}-{number}"  # made before the first try, the same on every retry
        proposal_id = reply["proposal"]["id"]
        confirmed = await self.expect(
            "POST /v1/proposals/{id}/confirm", "POST", f"/v1/proposals/{proposal_id}/confirm", 201,
            headers={**person.headers, "Idempotency-Key": key}, retry_failures=True,
        )
        order_id = confirmed["order"]["id"]
        self.acknowledged.record(key, order_id)
        await self.expect("GET /v1/orders/{id}", "GET", f"/v1/orders/{order_id}", 200, headers=person.headers,
                          retry_failures=True)
        self.returning.append((person, order_id))
        return "ordered"

    async def browse(self, number: int) -> str:
        text, lang = self.rng.choice(COMMANDS["browse"])
        person = await self.sign_up(number, lang)
        await self.chat(person, text)
        await self.expect("GET /v1/me", "GET", "/v1/me", 200, headers=person.headers, retry_failures=True)
        return "browsed"

    async def come_back(self, number: int) -> str:
        if not self.returning:  # nobody has ordered yet: this arrival is a new person ordering food
            return await self.order(number, "food")
        person, order_id = self.rng.choice(self.returning)
        await self.expect("GET /v1/orders/{id}", "GET", f"/v1/orders/{order_id}", 200, headers=person.headers,
                          retry_failures=True)
        await self.expect("GET /v1/orders", "GET", "/v1/orders", 200, headers=person.headers, retry_failures=True)
        if self.rng.random() < 0.3:
            text, _ = self.rng.choice(STATUS_QUESTIONS)
            await self.chat(person, text)
        return "checked"

    async def journey(self, number: int, kind: str) -> None:
        try:
            if kind == "status":
                outcome = await self.come_back(number)
            elif kind == "browse":
                outcome = await self.browse(number)
            else:
                outcome = await self.order(number, kind)
        except JourneyShed:
            outcome = "shed"
        except JourneyFailed:
            outcome = "failed"
        except JourneyRefused as refused:
            outcome = f"refused:{refused.code}"
        except Exception as exc:  # a bug of the generator (an answer it did not expect): shown, never hidden
            outcome = "crashed"
            self._note_error(f"journey {kind}: {type(exc).__name__}: {exc}")
        self.journeys[kind][outcome] += 1

    # -- arrivals

    async def arrive(self) -> None:
        """Start a journey at each scheduled instant; never waits for one to finish."""
        loop = asyncio.get_running_loop()
        kinds = [kind for kind in JOURNEYS if self.config.mix.get(kind, 0) > 0]
        weights = [self.config.mix[kind] for kind in kinds]
        for offset in self.config.schedule.arrivals(self.config.process, self.config.seed):
            delay = self.began + offset - loop.time()
            if delay > 0:
                await asyncio.sleep(delay)
            now = loop.time()
            self.max_lag_seconds = max(self.max_lag_seconds, now - self.began - offset)
            self.phase = self.config.schedule.phase_at(offset)
            self.scheduled += 1
            if len(self.in_flight) >= self.config.max_in_flight:
                self.dropped += 1
                continue
            self.started += 1
            self.started_per_second[min(int(offset), len(self.started_per_second) - 1)] += 1
            self.recent_starts.append(now)
            task = asyncio.create_task(self.journey(self.scheduled, self.rng.choices(kinds, weights)[0]))
            self.in_flight.add(task)
            task.add_done_callback(self.in_flight.discard)
            self.most_in_flight = max(self.most_in_flight, len(self.in_flight))

    async def run(self, on_tick: Callable[[LoadTest], None] | None = None) -> LoadResult:
        """Arrivals, then the drain; `on_tick` is called a few times a second (the live view)."""
        loop = asyncio.get_running_loop()
        self.began = loop.time()
        arrivals = asyncio.create_task(self.arrive())
        ticker = asyncio.create_task(self._tick(on_tick)) if on_tick else None
        try:
            await arrivals
            self.phase = "drain"
            if self.in_flight:
                _, pending = await asyncio.wait(set(self.in_flight), timeout=self.config.drain_seconds)
                self.unfinished = len(pending)
                for task in pending:
                    task.cancel()
                await asyncio.gather(*pending, return_exceptions=True)
        finally:
            if ticker:
                ticker.cancel()
        elapsed = loop.time() - self.began
        return LoadResult(
            config=self.config, elapsed_seconds=elapsed, scheduled=self.scheduled, started=self.started,
            dropped=self.dropped, unfinished=self.unfinished, most_in_flight=self.most_in_flight,
            started_per_second=self.started_per_second,
            max_arrival_lag_ms=self.max_lag_seconds * 1000,
            journeys={kind: outcomes for kind, outcomes in self.journeys.items() if outcomes},
            routes=[stats.summary(elapsed) for stats in sorted(self.routes.values(), key=lambda s: s.route)],
            acknowledged=self.acknowledged, errors=self.errors,
        )

    async def _tick(self, on_tick: Callable[[LoadTest], None]) -> None:
        while True:
            on_tick(self)
            await asyncio.sleep(0.25)

    # -- the live view

    def achieved_rate(self, now: float) -> int:
        while self.recent_starts and self.recent_starts[0] < now - 1.0:
            self.recent_starts.popleft()
        return len(self.recent_starts)

    def view(self) -> Group:
        now = asyncio.get_running_loop().time()
        elapsed = now - self.began
        schedule = self.config.schedule
        shed = sum(outcomes["shed"] for outcomes in self.journeys.values())
        header = Text.assemble(
            (f"{self.phase:<6}", "bold cyan"),
            f" {elapsed:6.1f} s of {schedule.seconds:.0f}   arrivals/s target {schedule.rate_at(elapsed):7.1f}"
            f"  achieved {self.achieved_rate(now):5d}   in flight {len(self.in_flight):5d}   dropped {self.dropped}"
            f"   orders {len(self.acknowledged.by_key)}   journeys shed {shed}",
        )
        table = Table(box=None, pad_edge=False, caption=f"latency of each route's last {RECENT_LATENCIES} requests",
                      caption_justify="left")
        for name in ("route", "count", "p50 ms", "p95 ms", "p99 ms", *OUTCOMES):
            table.add_column(name, justify="left" if name == "route" else "right")
        for stats in sorted(self.routes.values(), key=lambda s: s.route):
            recent = sorted(stats.recent_ms)
            table.add_row(
                stats.route, str(stats.count),
                *(f"{percentile(recent, share):.0f}" for share in (0.5, 0.95, 0.99)),
                *(str(stats.outcomes[name]) for name in OUTCOMES),
            )
        return Group(header, table)


def retry_after_seconds(response: httpx.Response) -> float:
    """Retry-After as seconds (a number or an HTTP date); 1 when the server did not say."""
    value = response.headers.get("Retry-After", "").strip()
    if not value:
        return 1.0
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        return max(0.0, parsedate_to_datetime(value).timestamp() - time.time())
    except (TypeError, ValueError):
        return 1.0


# ---- the run, end to end --------------------------------------------------------------------------


async def server_now(client: httpx.AsyncClient) -> datetime | None:
    """The server's clock (GET /healthz): holds expire by it, so the invariant check reads the store at it."""
    try:
        response = await client.get("/healthz")
        return datetime.fromisoformat(response.json()["now"]) if response.status_code == 200 else None
    except (httpx.HTTPError, ValueError, KeyError):
        return None


async def run_loadtest(
    config: LoadConfig, *, database_url: str | None, fallback_now: datetime, console: Console | None = None
) -> LoadResult:
    """Run the load, print the table, then check the invariants of the store at `database_url` (None: skip)."""
    console = console or wide_console()
    async with http_clients(config) as clients:
        if await server_now(clients[0]) is None:
            raise ConnectionError(f"no bangwo answers GET {config.url}/healthz; start one with `bangwo serve`")
        test = LoadTest(clients, config)
        if config.live and console.is_terminal:
            with Live(console=console, auto_refresh=False, transient=True) as live:
                result = await test.run(lambda t: live.update(t.view(), refresh=True))
        else:
            result = await test.run()
        result.server_now = await server_now(clients[0])
    console.print(routes_table(result))
    console.print(journeys_table(result))
    console.print(summary_text(result))
    if database_url is not None:
        store = Store(database_url)
        try:
            report = await check_invariants(store, result.server_now or fallback_now, result.acknowledged.order_ids)
        finally:
            await store.close()
        result.invariants = report.with_checks([result.acknowledged.replays_check()])
        console.print(report_table(result.invariants))
    for reason in result.failures():
        console.print(f"[bold red]FAILED[/bold red]: {reason}")
    for error in result.errors:
        console.print(f"  [dim]{error}[/dim]")
    if not result.failures():
        console.print("[bold green]passed[/bold green]: no 5xx, no transport error"
                      + ("" if result.invariants is None else ", every invariant holds"))
    return result


def wide_console() -> Console:
    """A console for tables: as wide as the terminal, or wide enough for them when writing to a file or a pipe."""
    console = Console(highlight=False)
    return console if console.is_terminal else Console(highlight=False, width=160)


def routes_table(result: LoadResult) -> Table:
    table = Table(title=f"requests by route over {result.elapsed_seconds:.1f} s", title_justify="left")
    for name in ("route", "count", "per s", "p50 ms", "p95 ms", "p99 ms", *OUTCOMES):
        table.add_column(name, justify="left" if name == "route" else "right")
    for route in result.routes:
        share = route["share"]
        table.add_row(
            route["route"], str(route["count"]), f"{route['per_second']:.1f}",
            *(f"{route[f'latency_ms_p{p}']:.0f}" for p in (50, 95, 99)),
            *(f"{share[name]:.1%}" if route["outcomes"][name] else "-" for name in OUTCOMES),
        )
    return table


def journeys_table(result: LoadResult) -> Table:
    table = Table(title="journeys and how they ended", title_justify="left")
    table.add_column("journey")
    table.add_column("count", justify="right")
    table.add_column("outcomes")
    for kind, outcomes in result.journeys.items():
        table.add_row(kind, str(sum(outcomes.values())),
                      ", ".join(f"{name} {count}" for name, count in outcomes.most_common()))
    return table


def summary_text(result: LoadResult) -> Text:
    schedule = result.config.schedule
    expected = schedule.expected_arrivals(schedule.seconds)
    requests = sum(route["count"] for route in result.routes)
    shed = sum(route["outcomes"]["429"] + route["outcomes"]["503"] for route in result.routes)
    return Text(
        f"arrivals: {result.scheduled} scheduled ({expected:.0f} expected), {result.started} started, "
        f"{result.dropped} dropped (generator full), {result.unfinished} unfinished after the drain; "
        f"at most {result.most_in_flight} in flight; arrivals ran at most {result.max_arrival_lag_ms:.0f} ms late\n"
        f"requests: {requests}, {requests / result.elapsed_seconds:.1f}/s; shed (429/503) {shed} "
        f"({shed / requests:.1%} of requests); 5xx or transport errors {result.failed_requests}\n"
        f"orders acknowledged (201 from a confirm): {len(result.acknowledged.order_ids)}"
        if requests else "no requests were made"
    )


def write_json(result: LoadResult, path: Path) -> None:
    path.write_text(json.dumps(result.as_json(), ensure_ascii=False, indent=2), encoding="utf-8")
