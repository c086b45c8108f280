"""What happened, as the outbox recorded it: the events the relay hands to its consumers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

# The kinds checkout writes, each in the transaction of the change it reports.
ORDER_PAID = "order.paid"
ORDER_CANCELLED = "order.cancelled"  # the person cancelled; refunded, the card given back
ORDER_FAILED = "order.failed"  # a booking could not be completed and was undone (the trip saga)
ORDER_ENDED = frozenset({ORDER_CANCELLED, ORDER_FAILED})
ORDER_EVENTS = frozenset({ORDER_PAID, *ORDER_ENDED})


@dataclass(frozen=True, slots=True)
class Event:
    """One outbox event. `id` grows with every event written and names it in the consumers' inbox;
    `aggregate_id` is what it is about (an order's id)."""

    id: int
    kind: str
    aggregate_id: str
    payload: dict[str, Any]
    created_at: datetime
