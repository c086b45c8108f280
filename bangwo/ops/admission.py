"""Admission control: how much work a worker takes on, and who is asked to come back later.

A surge is met at the door, not in the database. Each worker lets a bounded number of requests
run at once and keeps a short queue in front of them; what cannot start within a few tens of
milliseconds is told to retry (503 with Retry-After) instead of waiting for a timeout. Work that
finishes something a person started (paying a card, checking an order) goes before work that
starts something new (a new chat, a sign-up), and new work may never take the last slots.
Token buckets per person and per network address (in Redis when configured, so every worker
counts together) answer 429 to anyone asking faster than a person can.

Nothing here knows HTTP: the API's middleware maps requests to lanes and keys.
"""

from __future__ import annotations

import asyncio
import logging
import math
import time
from collections import OrderedDict, deque
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from typing import Protocol

from redis.asyncio import Redis
from redis.exceptions import RedisError

log = logging.getLogger("bangwo.ops")


class Lane(Enum):
    FINISH = "finish"  # confirmations, order status, cancellations: work a person already started
    START = "start"  # new chats, sign-ups, pages: work that can wait for a calmer moment


@dataclass(frozen=True, slots=True)
class AdmissionLimits:
    max_in_flight: int = 8  # requests running at once in one worker (they are mostly CPU: more only queue)
    max_queue: int = 16  # requests waiting for a slot; beyond this, refused at once
    queue_wait_seconds: float = 0.04  # a request not started by then is refused: the answer stays under 50 ms
    start_share: float = 0.75  # new work may hold at most this share of the slots; the rest wait for FINISH
    retry_after_seconds: int = 1

    @property
    def start_slots(self) -> int:
        return max(1, math.floor(self.max_in_flight * self.start_share))


class AdmissionGate:
    """Slots for requests in flight, and a short, two-lane queue in front of them (one event loop)."""

    def __init__(self, limits: AdmissionLimits) -> None:
        self.limits = limits
        self.in_flight = 0
        self.started_in_flight = 0  # of which START work
        self._waiting: dict[Lane, deque[asyncio.Future[None]]] = {Lane.FINISH: deque(), Lane.START: deque()}
        self.refused = 0

    @property
    def queued(self) -> int:
        return sum(len(waiters) for waiters in self._waiting.values())

    def _has_room(self, lane: Lane) -> bool:
        if self.in_flight >= self.limits.max_in_flight:
            return False
        return lane is Lane.FINISH or self.started_in_flight < self.limits.start_slots

    def _take(self, lane: Lane) -> None:
        self.in_flight += 1
        if lane is Lane.START:
            self.started_in_flight += 1

    async def enter(self, lane: Lane) -> bool:
        """Take a slot (True), or False: the request should be refused, the worker is full."""
        # Nobody overtakes the queue of its own lane or of a lane before it.
        ahead = self._waiting[Lane.FINISH] if lane is Lane.FINISH else self.queued
        if not ahead and self._has_room(lane):
            self._take(lane)
            return True
        if self.queued >= self.limits.max_queue or self.limits.queue_wait_seconds <= 0:
            self.refused += 1
            return False
        turn: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._waiting[lane].append(turn)
        try:
            await asyncio.wait({turn}, timeout=self.limits.queue_wait_seconds)
        except asyncio.CancelledError:  # the asker went away while waiting
            self._give_up(lane, turn)
            raise
        if turn.done():
            return True
        self._give_up(lane, turn)
        self.refused += 1
        return False

    def _give_up(self, lane: Lane, turn: asyncio.Future[None]) -> None:
        if turn.done():
            self.leave(lane)  # a slot was handed over that will not be used: hand it on
        else:
            self._waiting[lane].remove(turn)
            turn.cancel()

    def leave(self, lane: Lane) -> None:
        """Give the slot back and hand it on, FINISH work first."""
        self.in_flight -= 1
        if lane is Lane.START:
            self.started_in_flight -= 1
        for waiting_lane in (Lane.FINISH, Lane.START):
            waiters = self._waiting[waiting_lane]
            while waiters and self._has_room(waiting_lane):
                self._take(waiting_lane)
                waiters.popleft().set_result(None)


@dataclass(frozen=True, slots=True)
class BucketRate:
    per_second: float  # tokens added each second; 0 turns the bucket off
    burst: int  # the most tokens a bucket holds: how many requests may come at once


class TokenBuckets(Protocol):
    async def take(self, key: str, rate: BucketRate) -> float:
        """Take one token from the key's bucket: 0.0 when there was one, else the seconds until there is."""
        ...

    async def close(self) -> None: ...


class MemoryBuckets:
    """Buckets in this worker's memory: exact for one worker; each of N workers lets through its own share.

    At most `max_keys` buckets are kept; the least recently used is forgotten (a forgotten bucket is full)."""

    def __init__(self, max_keys: int = 100_000, now: Callable[[], float] = time.monotonic) -> None:
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()  # key -> (tokens, at)
        self._max_keys = max_keys
        self._now = now

    async def take(self, key: str, rate: BucketRate) -> float:
        now = self._now()
        tokens, at = self._buckets.pop(key, (float(rate.burst), now))
        tokens = min(float(rate.burst), tokens + (now - at) * rate.per_second)
        if tokens >= 1:
            tokens, wait = tokens - 1, 0.0
        else:
            wait = (1 - tokens) / rate.per_second
        self._buckets[key] = (tokens, now)
        if len(self._buckets) > self._max_keys:
            self._buckets.popitem(last=False)
        return wait

    async def close(self) -> None:
        return None


# KEYS[1]: the bucket; ARGV: tokens a second, burst, now (seconds), time to live (seconds).
# Atomic, so every worker draws from one bucket; the bucket expires once it would be full again.
_TAKE = """
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local rate, burst, now = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local tokens, at = tonumber(state[1]), tonumber(state[2])
if tokens == nil then tokens, at = burst, now end
tokens = math.min(burst, tokens + math.max(0, now - at) * rate)
local wait = 0
if tokens >= 1 then tokens = tokens - 1 else wait = (1 - tokens) / rate end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
redis.call('EXPIRE', KEYS[1], ARGV[4])
return tostring(wait)
"""


class RedisBuckets:
    """Buckets in Redis, shared by every worker. If Redis cannot answer, the request goes through:
    a rate limit is a courtesy to the service, and losing it for a moment must not turn people away."""

    def __init__(self, client: Redis, *, prefix: str, now: Callable[[], float] = time.time) -> None:
        self.client = client
        self.prefix = prefix
        self._take = client.register_script(_TAKE)
        self._now = now

    @classmethod
    def from_url(cls, url: str, *, prefix: str) -> RedisBuckets:
        return cls(Redis.from_url(url, decode_responses=True, socket_timeout=0.05), prefix=prefix)

    async def take(self, key: str, rate: BucketRate) -> float:
        ttl = max(1, math.ceil(rate.burst / rate.per_second))
        try:
            wait = await self._take(keys=[f"{self.prefix}bucket:{key}"], args=[rate.per_second, rate.burst,
                                                                                self._now(), ttl])
        except (RedisError, OSError) as exc:
            log.warning("rate limit skipped, Redis did not answer: %s", exc)
            return 0.0
        return float(wait)

    async def close(self) -> None:
        await self.client.aclose()


@dataclass(frozen=True, slots=True)
class RateLimits:
    person: BucketRate = BucketRate(per_second=5, burst=20)
    address: BucketRate = BucketRate(per_second=50, burst=200)  # many people share a campus or a carrier's NAT


async def seconds_to_wait(buckets: TokenBuckets, limits: RateLimits, person: str | None, address: str | None) -> float:
    """0.0 when the request may go on; else how long the asker should wait (the longer of its buckets)."""
    wait = 0.0
    if person is not None and limits.person.per_second > 0:
        wait = await buckets.take(f"person:{person}", limits.person)
    if address is not None and limits.address.per_second > 0:
        wait = max(wait, await buckets.take(f"address:{address}", limits.address))
    return wait
