"""Checkout: a confirmed proposal becomes exactly one paid order, in one transaction.

The card is redeemed, the wallet debited with balanced ledger lines, the order written and
an outbox event recorded together, or none of it. The idempotency key is stored with the
order (unique per person), so a retry returns the order it already made.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from bangwo.commerce.ledger import Leg, campaign_account, merchant_account, post_transfer, wallet_account
from bangwo.commerce.orders import CANCELLABLE_STAGES, load_order, order_view
from bangwo.commerce.proposals import load_proposal
from bangwo.domain.delivery import DeliveryPlan
from bangwo.domain.errors import Conflict, Gone, InvalidInput
from bangwo.domain.ids import new_id
from bangwo.domain.proposal import Order
from bangwo.promo.cards import LAUNCH_CAMPAIGN, redeem_card, restore_card
from bangwo.store.engine import Store
from bangwo.store.tables import OrderRow, OutboxEvent

IDEMPOTENCY_KEY = re.compile(r"^[A-Za-z0-9._:\-]{1,128}$")
# A unique-key race (two new keys for one proposal at once on PostgreSQL) resolves on the next try.
MAX_ATTEMPTS = 3

# How an order will be fulfilled: (merchant id, the proposal's delivery details, the instant it is paid).
PlanFulfilment = Callable[[str, dict[str, Any], datetime], DeliveryPlan]


def _check_key(idempotency_key: str | None) -> str:
    if not idempotency_key or not IDEMPOTENCY_KEY.match(idempotency_key):
        raise InvalidInput(
            "send an Idempotency-Key header of 1-128 letters, digits or . _ : - and reuse it when you retry",
            code="invalid_idempotency_key",
        )
    return idempotency_key


def _payment_legs(user_id: str, merchant_id: str | None, pay_fen: int, discount_fen: int) -> list[Leg]:
    """The person pays `pay`, the campaign pays the card's share; the merchant is owed both."""
    return [
        Leg(wallet_account(user_id), -pay_fen),
        Leg(campaign_account(LAUNCH_CAMPAIGN), -discount_fen),
        Leg(merchant_account(merchant_id or "unknown"), pay_fen + discount_fen),
    ]


async def _order_under_key(session: AsyncSession, user_id: str, key: str) -> OrderRow | None:
    return await session.scalar(select(OrderRow).where(OrderRow.user_id == user_id, OrderRow.idempotency_key == key))


async def confirm_proposal(
    store: Store,
    *,
    user_id: str,
    proposal_id: str,
    idempotency_key: str | None,
    now: datetime,
    plan_fulfilment: PlanFulfilment,
) -> tuple[Order, bool]:
    """Pay for a proposal. Returns the order and whether this call created it (False: a replay)."""
    key = _check_key(idempotency_key)
    for attempt in range(MAX_ATTEMPTS):
        try:
            async with store.transaction() as session:
                return await _confirm_in(session, user_id, proposal_id, key, now, plan_fulfilment)
        except IntegrityError:
            if attempt == MAX_ATTEMPTS - 1:
                raise
    raise AssertionError("unreachable")


async def _confirm_in(
    session: AsyncSession, user_id: str, proposal_id: str, key: str, now: datetime, plan_fulfilment: PlanFulfilment
) -> tuple[Order, bool]:
    # Lock the proposal first: concurrent confirms of one proposal queue here, then see the result.
    proposal = await load_proposal(session, proposal_id, user_id, lock=True)
    existing = await _order_under_key(session, user_id, key)
    if existing is not None:
        if existing.proposal_id != proposal_id:
            raise Conflict(
                "this Idempotency-Key was already used for another proposal; make a new key for a new payment",
                code="idempotency_key_reused",
                order_id=existing.id,
            )
        return order_view(existing, now), False
    if proposal.status == "confirmed":
        raise Conflict("this proposal has already been paid for under another key", code="proposal_already_confirmed")
    if proposal.status == "replaced":
        raise Gone("a newer proposal replaced this one; confirm the latest card", code="proposal_replaced")
    if proposal.expires_at <= now:
        raise Gone("this proposal has expired; ask again for a fresh one", code="proposal_expired")

    order_id = new_id("o")
    if proposal.card_id and not await redeem_card(session, proposal.card_id, user_id, order_id, now):
        raise Conflict(
            "the free-order card on this proposal is no longer available; ask again for a fresh proposal",
            code="card_unavailable",
            card_id=proposal.card_id,
        )
    legs = _payment_legs(user_id, proposal.merchant_id, proposal.pay_fen, proposal.discount_fen)
    await post_transfer(session, legs, reason="order_payment", now=now, order_id=order_id)

    plan = plan_fulfilment(proposal.merchant_id or "", proposal.details.get("delivery") or {}, now)
    order = OrderRow(
        id=order_id,
        user_id=user_id,
        proposal_id=proposal.id,
        idempotency_key=key,
        domain=proposal.domain,
        merchant_id=proposal.merchant_id,
        lines=proposal.lines,
        details=proposal.details,
        subtotal_fen=proposal.subtotal_fen,
        total_fen=proposal.total_fen,
        discount_fen=proposal.discount_fen,
        pay_fen=proposal.pay_fen,
        card_id=proposal.card_id,
        status="paid",
        accepted_at=plan.accepted_at,
        preparing_at=plan.preparing_at,
        delivering_at=plan.delivering_at,
        delivered_at=plan.delivered_at,
        created_at=now,
        cancelled_at=None,
    )
    session.add(order)
    proposal.status = "confirmed"
    session.add(
        OutboxEvent(
            kind="order.paid",
            aggregate_id=order_id,
            created_at=now,
            delivered_at=None,
            payload={
                "order_id": order_id,
                "user_id": user_id,
                "domain": proposal.domain,
                "pay_fen": proposal.pay_fen,
                "total_fen": proposal.total_fen,
                "discount_fen": proposal.discount_fen,
            },
        )
    )
    await session.flush()
    return order_view(order, now), True


async def cancel_order(store: Store, *, user_id: str, order_id: str, now: datetime) -> Order:
    """Cancel before the rider has it: refund in full, restore the card. Cancelling twice is harmless."""
    async with store.transaction() as session:
        order = await load_order(session, order_id, user_id, lock=True)
        view = order_view(order, now)
        if order.status == "cancelled":
            return view
        if view.stage not in CANCELLABLE_STAGES:
            raise Conflict(
                f"the order is already {view.stage} and can no longer be cancelled",
                code="too_late_to_cancel",
                stage=view.stage,
            )
        refund = [
            Leg(leg.account_id, -leg.amount_fen)
            for leg in _payment_legs(user_id, order.merchant_id, order.pay_fen, order.discount_fen)
        ]
        await post_transfer(session, refund, reason="order_refund", now=now, order_id=order.id)
        if order.card_id:
            await restore_card(session, order.id)
        order.status, order.cancelled_at = "cancelled", now
        session.add(
            OutboxEvent(
                kind="order.cancelled",
                aggregate_id=order.id,
                created_at=now,
                delivered_at=None,
                payload={"order_id": order.id, "user_id": user_id, "refund_fen": order.pay_fen},
            )
        )
        await session.flush()
        return order_view(order, now)
