"""The load test's arrival schedule, as pure functions: the rate over time and the instants people arrive.

The launch's shape: the rate ramps from 0 to the target, holds, then spikes to several times the target,
then arrivals stop. Arrivals are either evenly spaced in the schedule's own time or a Poisson process of
the schedule's rate (unit-rate arrivals mapped through the integral of the rate, so both follow the ramp).
"""

from __future__ import annotations

import math
import random
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Literal

Phase = Literal["ramp", "hold", "spike", "drain"]
ArrivalProcess = Literal["poisson", "fixed"]


@dataclass(frozen=True, slots=True)
class Schedule:
    """The arrival rate over time: 0 → rate over the ramp, the rate for the hold, rate × spike_factor for
    the spike, then no more arrivals. Arrivals per second, seconds from the start."""

    rate_per_second: float
    ramp_seconds: float = 60.0
    hold_seconds: float = 60.0
    spike_factor: float = 10.0
    spike_seconds: float = 30.0

    def __post_init__(self) -> None:
        if self.rate_per_second <= 0:
            raise ValueError("the rate must be above 0 arrivals a second")
        if min(self.ramp_seconds, self.hold_seconds, self.spike_seconds) < 0 or self.spike_factor < 0:
            raise ValueError("durations and the spike factor cannot be negative")

    @property
    def seconds(self) -> float:
        """When arrivals stop."""
        return self.ramp_seconds + self.hold_seconds + self.spike_seconds

    @property
    def _ramp_arrivals(self) -> float:
        return self.rate_per_second * self.ramp_seconds / 2

    @property
    def _hold_arrivals(self) -> float:
        return self.rate_per_second * self.hold_seconds

    @property
    def _spike_rate(self) -> float:
        return self.rate_per_second * self.spike_factor

    def phase_at(self, t: float) -> Phase:
        if t < self.ramp_seconds:
            return "ramp"
        if t < self.ramp_seconds + self.hold_seconds:
            return "hold"
        return "spike" if t < self.seconds else "drain"

    def rate_at(self, t: float) -> float:
        phase = self.phase_at(t)
        if phase == "ramp":
            return self.rate_per_second * max(t, 0.0) / self.ramp_seconds
        return {"hold": self.rate_per_second, "spike": self._spike_rate, "drain": 0.0}[phase]

    def expected_arrivals(self, t: float) -> float:
        """Arrivals due from the start until t: the integral of the rate."""
        t = min(max(t, 0.0), self.seconds)
        ramp = min(t, self.ramp_seconds)
        due = self.rate_per_second * ramp * ramp / (2 * self.ramp_seconds) if self.ramp_seconds else 0.0
        hold = min(max(t - self.ramp_seconds, 0.0), self.hold_seconds)
        spike = max(t - self.ramp_seconds - self.hold_seconds, 0.0)
        return due + self.rate_per_second * hold + self._spike_rate * spike

    def time_of(self, arrivals: float) -> float:
        """The instant by which `arrivals` are due (the inverse of expected_arrivals)."""
        if arrivals <= self._ramp_arrivals:
            return math.sqrt(2 * self.ramp_seconds * arrivals / self.rate_per_second)
        arrivals -= self._ramp_arrivals
        if arrivals <= self._hold_arrivals:
            return self.ramp_seconds + arrivals / self.rate_per_second
        arrivals -= self._hold_arrivals
        spike_start = self.ramp_seconds + self.hold_seconds
        return spike_start + arrivals / self._spike_rate if self._spike_rate else spike_start

    def arrivals(self, process: ArrivalProcess = "poisson", seed: int = 1) -> Iterator[float]:
        """The instants of arrivals, earliest first: evenly spaced in the schedule's own time ("fixed"), or a
        Poisson process of the schedule's rate (unit-rate arrivals mapped through the integral of the rate)."""
        total = self.expected_arrivals(self.seconds)
        rng = random.Random(seed)
        # Evenly spaced arrivals sit mid-interval, so none falls on a phase's edge: n seconds of a rate r hold n·r.
        due = 0.0 if process == "poisson" else -0.5
        while True:
            due += rng.expovariate(1.0) if process == "poisson" else 1.0
            if due > total + 1e-9:
                return
            yield self.time_of(due)


def arrivals_per_second(instants: Iterable[float], seconds: float) -> list[int]:
    """How many of the instants fall in each whole second from 0 to `seconds`."""
    counts = [0] * math.ceil(seconds)
    for instant in instants:
        counts[min(int(instant), len(counts) - 1)] += 1
    return counts
