"""A delivery's stages, derived from when it started, the kitchen and the distance."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

DeliveryStage = Literal["accepted", "preparing", "delivering", "delivered"]

ACCEPT_SECONDS = 60
RIDER_METRES_PER_MINUTE = 250  # an e-bike rider in city traffic, about 15 km/h
PICKUP_MINUTES = 3


@dataclass(frozen=True, slots=True)
class DeliveryPlan:
    accepted_at: datetime
    preparing_at: datetime
    delivering_at: datetime
    delivered_at: datetime

    @classmethod
    def starting(cls, start: datetime, prep_minutes: int, distance_m: int) -> DeliveryPlan:
        preparing = start + timedelta(seconds=ACCEPT_SECONDS)
        delivering = preparing + timedelta(minutes=prep_minutes)
        ride = PICKUP_MINUTES + distance_m / RIDER_METRES_PER_MINUTE
        return cls(start, preparing, delivering, delivering + timedelta(minutes=ride))

    @classmethod
    def arriving_by(cls, start: datetime, arrive: datetime, prep_minutes: int, distance_m: int) -> DeliveryPlan:
        """Plan backwards from a requested arrival; never earlier than start."""
        asap = cls.starting(start, prep_minutes, distance_m)
        lead = asap.delivered_at - asap.accepted_at
        return cls.starting(max(start, arrive - lead), prep_minutes, distance_m)

    def stage_at(self, now: datetime) -> DeliveryStage:
        if now >= self.delivered_at:
            return "delivered"
        if now >= self.delivering_at:
            return "delivering"
        if now >= self.preparing_at:
            return "preparing"
        return "accepted"


SLOT_MINUTES = 30


def delivery_slot(earliest: datetime, wanted: datetime | None = None) -> tuple[datetime, datetime]:
    """The half-hour slot to deliver in: the one holding the wanted time, or the earliest possible
    arrival when that is later (nothing is promised before it can be done)."""
    target = max(earliest, wanted) if wanted else earliest
    start = target.replace(minute=target.minute // SLOT_MINUTES * SLOT_MINUTES, second=0, microsecond=0)
    return start, start + timedelta(minutes=SLOT_MINUTES)
