"""Orders as people see them: status, delivery stage, timeline."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bangwo.domain.delivery import DeliveryPlan
from bangwo.domain.errors import NotFound
from bangwo.domain.proposal import Order, ProposalLine
from bangwo.store.tables import OrderRow

# Once the rider has the food, the order can no longer be cancelled.
CANCELLABLE_STAGES = ("accepted", "preparing")


def delivery_plan(row: OrderRow) -> DeliveryPlan:
    return DeliveryPlan(row.accepted_at, row.preparing_at, row.delivering_at, row.delivered_at)


def order_view(row: OrderRow, now: datetime) -> Order:
    plan = delivery_plan(row)
    stage = "cancelled" if row.status == "cancelled" else plan.stage_at(now)
    return Order(
        id=row.id,
        proposal_id=row.proposal_id,
        domain=row.domain,
        status=row.status,
        stage=stage,
        lines=[ProposalLine.model_validate(line) for line in row.lines],
        subtotal=row.subtotal_fen,
        discount=row.discount_fen,
        card_id=row.card_id,
        total=row.total_fen,
        pay=row.pay_fen,
        merchant=row.details.get("merchant"),
        delivery=row.details.get("delivery"),
        timeline={
            "accepted": plan.accepted_at,
            "preparing": plan.preparing_at,
            "delivering": plan.delivering_at,
            "delivered": plan.delivered_at,
        },
        created_at=row.created_at,
        cancelled_at=row.cancelled_at,
        cancellable=stage in CANCELLABLE_STAGES,
    )


async def load_order(session: AsyncSession, order_id: str, user_id: str, *, lock: bool = False) -> OrderRow:
    query = select(OrderRow).where(OrderRow.id == order_id)
    if lock:
        query = query.with_for_update()
    row = await session.scalar(query)
    if row is None or row.user_id != user_id:
        raise NotFound(f"no order {order_id!r} of yours", code="order_not_found")
    return row


async def list_orders(session: AsyncSession, user_id: str, now: datetime, *, limit: int = 50) -> list[Order]:
    """The person's orders, newest first."""
    rows = await session.scalars(
        select(OrderRow).where(OrderRow.user_id == user_id).order_by(OrderRow.created_at.desc()).limit(limit)
    )
    return [order_view(row, now) for row in rows]
