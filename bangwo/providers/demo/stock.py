"""The demo supermarkets as a grocery provider: stock counted in the store, held with the card,
taken at payment, back on the shelf on a refund."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from bangwo.providers.demo import inventory
from bangwo.providers.demo.grocery import stock_units
from bangwo.providers.demo.world import PROVIDER
from bangwo.store.writes import Write


class DemoGrocery:
    """Stock per product and shop, in the store."""

    name = PROVIDER

    def stock(self, item_id: str) -> int:
        return stock_units(item_id)

    async def free_stock(self, session: AsyncSession, item_ids: list[str], now: datetime) -> dict[str, int]:
        free = await inventory.free_units(session, {_key(i): stock_units(i) for i in item_ids}, now)
        return {i: free[_key(i)] for i in item_ids}

    async def hold_items(
        self, session: AsyncSession, wanted: dict[str, int], *, hold_id: str, until: datetime, now: datetime
    ) -> None:
        await inventory.hold_units(
            session,
            {_key(i): quantity for i, quantity in wanted.items()},
            {_key(i): stock_units(i) for i in wanted},
            hold_id=hold_id,
            until=until,
            now=now,
        )

    def sale(self, hold_id: str, order_id: str, now: datetime) -> Write:
        return inventory.sale(hold_id, order_id, now)

    async def release_hold(self, session: AsyncSession, hold_id: str) -> int:
        return await inventory.release_hold(session, hold_id)

    async def refund_order(self, session: AsyncSession, order_id: str) -> int:
        return await inventory.refund_sale(session, order_id)


def _key(item: str) -> str:
    return f"sku:{item}"
