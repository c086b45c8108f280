"""Injectable clocks. Every piece of bangwo asks a Clock for the time, never the OS directly."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from typing import Protocol
from zoneinfo import ZoneInfo

SHANGHAI = ZoneInfo("Asia/Shanghai")


class Clock(Protocol):
    @property
    def started_at(self) -> datetime:
        """Where this clock began: the demo world's calendars are laid out from its day."""
        ...

    def now(self) -> datetime:
        """The current instant, timezone-aware."""
        ...


class SystemClock:
    """The wall clock."""

    def __init__(self) -> None:
        self._started_at = datetime.now(UTC)

    @property
    def started_at(self) -> datetime:
        return self._started_at

    def now(self) -> datetime:
        return datetime.now(UTC)


class StartedClock:
    """Starts at a given instant and then runs at real speed (BANGWO_NOW)."""

    def __init__(self, start: datetime) -> None:
        if start.tzinfo is None:
            raise ValueError("the start instant needs a timezone, e.g. 2026-02-10T10:00:00+08:00")
        self._start = start
        self._started_monotonic = time.monotonic()

    @property
    def started_at(self) -> datetime:
        return self._start

    def now(self) -> datetime:
        return self._start + timedelta(seconds=time.monotonic() - self._started_monotonic)


class ManualClock:
    """Stands still until moved: for tests and replayed simulations."""

    def __init__(self, start: datetime) -> None:
        if start.tzinfo is None:
            raise ValueError("the start instant needs a timezone")
        self._started_at = start
        self._now = start

    @property
    def started_at(self) -> datetime:
        return self._started_at

    def now(self) -> datetime:
        return self._now

    def advance(self, delta: timedelta) -> None:
        self._now += delta

    def set(self, instant: datetime) -> None:
        if instant.tzinfo is None:
            raise ValueError("the instant needs a timezone")
        self._now = instant


def local(instant: datetime) -> datetime:
    """The instant in China Standard Time, where the demo world lives."""
    return instant.astimezone(SHANGHAI)
