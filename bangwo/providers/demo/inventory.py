"""Counted inventory in the store: units held for a proposal, sold with the payment, never oversold.

Every demo provider that counts (supermarket stock, flight seats by cabin, hotel rooms by night)
keeps its holds here. An item's free units are its capacity less its sales and unexpired holds,
read under a transaction lock on the item, so concurrent buyers queue for the last unit
instead of sharing it. A hold of several items (every night of a stay) is all or none.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from sqlalchemy import delete, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from bangwo.providers.base import OutOfStock
from bangwo.store.engine import lock_for_transaction
from bangwo.store.tables import StockHold
from bangwo.store.writes import Write


async def free_units(session: AsyncSession, capacity: Mapping[str, int], now: datetime) -> dict[str, int]:
    """How many units of each item can still be held (capacity less sales and unexpired holds)."""
    if not capacity:
        return {}
    rows = await session.execute(
        select(StockHold.item_key, func.sum(StockHold.quantity))
        .where(
            StockHold.item_key.in_(list(capacity)),
            or_(StockHold.status == "sold", StockHold.expires_at > now),
        )
        .group_by(StockHold.item_key)
    )
    taken = dict(rows.tuples().all())
    return {key: max(0, units - int(taken.get(key, 0))) for key, units in capacity.items()}


async def hold_units(
    session: AsyncSession,
    wanted: Mapping[str, int],
    capacity: Mapping[str, int],
    *,
    hold_id: str,
    until: datetime,
    now: datetime,
) -> None:
    """Hold `wanted[key]` units of each item until `until`, all or none; raises OutOfStock."""
    if any(quantity < 1 for quantity in wanted.values()):
        raise ValueError("hold at least one unit of each item")
    for key in sorted(wanted):  # one order of locking for everyone: no deadlock
        await lock_for_transaction(session, f"stock:{key}")
    free = await free_units(session, {key: capacity.get(key, 0) for key in wanted}, now)
    short = {key: free[key] for key, quantity in wanted.items() if free[key] < quantity}
    if short:
        raise OutOfStock(short)
    await session.execute(
        delete(StockHold).where(
            StockHold.item_key.in_(list(wanted)), StockHold.status == "held", StockHold.expires_at <= now
        )
    )
    session.add_all(
        StockHold(item_key=key, hold_id=hold_id, quantity=quantity, status="held", expires_at=until, order_id=None)
        for key, quantity in wanted.items()
    )
    await session.flush()


_SELL = (
    "UPDATE stock_holds SET status = 'sold', order_id = :order_id "
    "WHERE hold_id = :hold_id AND status = 'held' AND expires_at > :now"
)


def sale(hold_id: str, order_id: str, now: datetime) -> Write:
    """The write that turns an unexpired hold into a sale: a row for each item it covers, none if it lapsed."""
    return Write(_SELL, {"hold_id": hold_id, "order_id": order_id, "now": now})


async def release_hold(session: AsyncSession, hold_id: str) -> int:
    result = await session.execute(delete(StockHold).where(StockHold.hold_id == hold_id, StockHold.status == "held"))
    return result.rowcount


async def refund_sale(session: AsyncSession, order_id: str) -> int:
    """Put an order's units back on sale; returns how many items."""
    result = await session.execute(delete(StockHold).where(StockHold.order_id == order_id, StockHold.status == "sold"))
    return result.rowcount
