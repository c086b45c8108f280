"""Orders as people see them: status, delivery stage, timeline."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bangwo.commerce.tickets import tickets_of_orders
from bangwo.domain.delivery import DeliveryPlan
from bangwo.domain.errors import NotFound
from bangwo.domain.proposal import Order, OrderStage, ProposalLine, Ticket
from bangwo.store.tables import OrderRow

# Once the rider has the food, the order can no longer be cancelled.
CANCELLABLE_STAGES = ("accepted", "preparing")


def delivery_plan(row: OrderRow) -> DeliveryPlan | None:
    """The order's delivery, or None for one that is not delivered (tickets, bookings)."""
    if row.accepted_at is None or row.preparing_at is None or row.delivering_at is None or row.delivered_at is None:
        return None
    return DeliveryPlan(row.accepted_at, row.preparing_at, row.delivering_at, row.delivered_at)


def is_cancellable(row: OrderRow, now: datetime) -> bool:
    """A delivery until the rider has it; anything else until its refund deadline."""
    if row.status != "paid":
        return False
    if row.refundable_until is not None:
        return now < row.refundable_until
    plan = delivery_plan(row)
    return plan is not None and plan.stage_at(now) in CANCELLABLE_STAGES


def order_view(row: OrderRow, now: datetime, tickets: Sequence[Ticket] = ()) -> Order:
    plan = delivery_plan(row)
    stage: OrderStage = "cancelled" if row.status == "cancelled" else plan.stage_at(now) if plan else "confirmed"
    timeline = (
        {
            "accepted": plan.accepted_at,
            "preparing": plan.preparing_at,
            "delivering": plan.delivering_at,
            "delivered": plan.delivered_at,
        }
        if plan
        else {}
    )
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
        timeline=timeline,
        created_at=row.created_at,
        cancelled_at=row.cancelled_at,
        cancellable=is_cancellable(row, now),
        refundable_until=row.refundable_until,
        tickets=list(tickets),
    )


async def load_order(session: AsyncSession, order_id: str, user_id: str, *, lock: bool = False) -> OrderRow:
    query = select(OrderRow).where(OrderRow.id == order_id)
    if lock:
        query = query.with_for_update()
    row = await session.scalar(query)
    if row is None or row.user_id != user_id:
        raise NotFound(f"no order {order_id!r} of yours", code="order_not_found")
    return row


async def read_order(session: AsyncSession, order_id: str, user_id: str, now: datetime) -> Order:
    """The person's order as they see it, tickets included."""
    row = await load_order(session, order_id, user_id)
    tickets = await tickets_of_orders(session, [row.id])
    return order_view(row, now, tickets[row.id])


async def list_orders(
    session: AsyncSession, user_id: str, now: datetime, *, limit: int = 50, domain: str | None = None
) -> list[Order]:
    """The person's orders, newest first (of one domain, if given), with their tickets."""
    query = select(OrderRow).where(OrderRow.user_id == user_id)
    if domain is not None:
        query = query.where(OrderRow.domain == domain)
    rows = list(await session.scalars(query.order_by(OrderRow.created_at.desc()).limit(limit)))
    tickets = await tickets_of_orders(session, [row.id for row in rows])
    return [order_view(row, now, tickets[row.id]) for row in rows]
