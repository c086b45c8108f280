"""Running order counters per campaign and Shanghai hour, kept from the outbox, cheap to read.

The figures consumer ("figures") adds a paid order to the counters of the hour it was placed in
and takes a cancelled or failed one back out of the same hour, so an hour's counters mean what the
live figures (promo/figures.py) count from the orders themselves: orders still paid, GMV (the total
of those), and the cards they redeemed; plus the orders placed that hour that were cancelled since.
Adding and subtracting give the same result in any order, so the counters are right however the
relay orders the events; they lag the orders by as long as the relay takes.

An order counts under the campaign whose card paid part of it (a card's campaign never changes),
or under NO_CAMPAIGN when no card did.
"""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bangwo.domain.clock import local
from bangwo.domain.events import ORDER_EVENTS, ORDER_PAID, Event
from bangwo.store.inbox import order_of_event
from bangwo.store.tables import Card, OrderHourCounter
from bangwo.store.upsert import dialect_insert

NO_CAMPAIGN = ""
COUNTED = ("orders_paid", "orders_cancelled", "gmv_fen", "cards_redeemed", "redeemed_fen")


class HourOrderCounts(BaseModel):
    hour: datetime  # the hour's start, Shanghai time
    orders_paid: int
    orders_cancelled: int
    gmv_fen: int
    cards_redeemed: int
    redeemed_fen: int


def hour_of(instant: datetime) -> datetime:
    """The start of the Shanghai hour the instant falls in."""
    return local(instant).replace(minute=0, second=0, microsecond=0)


class OrderCounters:
    """The outbox consumer "figures": moves the hourly counters as orders are paid and cancelled."""

    name = "figures"
    kinds = ORDER_EVENTS

    async def take(self, session: AsyncSession, event: Event, now: datetime) -> None:
        order = await order_of_event(session, event)
        campaign_id = NO_CAMPAIGN
        if order.card_id is not None:
            campaign_id = await session.scalar(select(Card.campaign).where(Card.id == order.card_id)) or NO_CAMPAIGN
        paid = event.kind == ORDER_PAID
        sign = 1 if paid else -1
        carded = order.card_id is not None
        deltas = {
            "orders_paid": sign,
            "orders_cancelled": 0 if paid else 1,
            "gmv_fen": sign * order.total_fen,
            "cards_redeemed": sign if carded else 0,
            "redeemed_fen": sign * order.discount_fen if carded else 0,
        }
        insert = dialect_insert(session, OrderHourCounter).values(
            campaign_id=campaign_id, hour=hour_of(order.created_at), updated_at=now, **deltas
        )
        # One statement that adds to the row, or starts it: concurrent relays never lose an update.
        table = OrderHourCounter.__table__.c
        await session.execute(
            insert.on_conflict_do_update(
                index_elements=[OrderHourCounter.campaign_id, OrderHourCounter.hour],
                set_={
                    **{name: table[name] + insert.excluded[name] for name in COUNTED},
                    "updated_at": insert.excluded.updated_at,
                },
            )
        )


async def hourly_order_counts(
    session: AsyncSession, since: datetime, until: datetime, *, campaign_id: str | None = None
) -> list[HourOrderCounts]:
    """The counters of the hours from `since` to `until` (both included) that have any, oldest first;
    one campaign's (NO_CAMPAIGN: orders without a card), or all campaigns' summed (None)."""
    query = (
        select(OrderHourCounter.hour, *(func.sum(getattr(OrderHourCounter, name)) for name in COUNTED))
        .where(OrderHourCounter.hour.between(hour_of(since), until))
        .group_by(OrderHourCounter.hour)
        .order_by(OrderHourCounter.hour)
    )
    if campaign_id is not None:
        query = query.where(OrderHourCounter.campaign_id == campaign_id)
    rows = await session.execute(query)
    return [
        HourOrderCounts(hour=local(hour), **{name: int(value or 0) for name, value in zip(COUNTED, sums, strict=True)})
        for hour, *sums in rows
    ]
