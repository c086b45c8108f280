"""Checkout: a confirmed proposal becomes exactly one paid order, in one transaction.

The card is redeemed, the wallet debited with balanced ledger lines, the order written, the
domain's fulfilment done (holds sold, tickets issued, delivery planned) and an outbox event
recorded together, or none of it. After one read (the proposal) every write goes to the database
in one call (store/writes.py), which on PostgreSQL is the payment's whole transaction (Store.batch).
The idempotency key is stored with the order (unique per person), so a retry returns the order it
already made.

A budget guard (the Redis hot counter, when configured) stands in front of the campaign budget's
record: the card's amount is reserved there before the payment's transaction, and given back if
that transaction does not commit; a refund gives back there after its transaction commits.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from sqlalchemy import bindparam, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from bangwo.commerce.ledger import (
    Leg,
    campaign_account,
    merchant_account,
    post_transfer,
    transfer_writes,
    wallet_account,
)
from bangwo.commerce.orders import is_cancellable, load_order, order_view
from bangwo.commerce.outbox import event_write, record_event
from bangwo.commerce.proposals import load_proposal, not_yours
from bangwo.commerce.tickets import tickets_of_orders
from bangwo.domain.delivery import DeliveryPlan
from bangwo.domain.errors import Conflict, Gone, InvalidInput
from bangwo.domain.ids import new_id
from bangwo.domain.money import Fen
from bangwo.domain.proposal import Order, Ticket
from bangwo.promo.campaigns import budget_spending, return_budget
from bangwo.promo.cards import campaign_of_card, card_redemption, restore_card
from bangwo.store.engine import Store
from bangwo.store.tables import Card, OrderRow, ProposalRow
from bangwo.store.writes import Write, refuse, rows_inserted, run_writes

IDEMPOTENCY_KEY = re.compile(r"^[A-Za-z0-9._:\-]{1,128}$")
# A race (two confirmations of one proposal at once on PostgreSQL) resolves on the next try.
MAX_ATTEMPTS = 3

_PROPOSAL_COLUMNS = tuple(column.name for column in ProposalRow.__table__.columns)
_ORDER_COLUMNS = tuple(column.name for column in OrderRow.__table__.columns)
# The proposal and its card's campaign, read in the payment's transaction without the ORM's bookkeeping.
_PROPOSAL_TO_PAY = (
    select(ProposalRow.__table__, Card.campaign)
    .outerjoin(Card, Card.id == ProposalRow.card_id)
    .where(ProposalRow.id == bindparam("proposal_id"))
)
_CONFIRM_PROPOSAL = "UPDATE proposals SET status = 'confirmed' WHERE id = :id AND status = 'open' AND expires_at > :now"


class _PaidMeanwhile(Exception):
    """Another confirmation of the proposal committed while this one waited for it: read it again."""


_PAID_MEANWHILE = refuse(_PaidMeanwhile)

@dataclass(frozen=True, slots=True)
class Fulfilment:
    """What paying sets in motion: the writes that go with the payment (holds sold, tickets issued),
    and a delivery, or tickets refundable in full until a deadline."""

    writes: tuple[Write, ...] = ()
    delivery: DeliveryPlan | None = None
    refundable_until: datetime | None = None
    tickets: tuple[Ticket, ...] = ()


class Fulfiller(Protocol):
    """One domain's part of checkout and refund. Its part of checkout reads nothing: it says what to
    write, and its writes go with the payment's (one refused undoes the payment); its part of refund
    runs inside the refund's transaction."""

    def fulfil(self, proposal: ProposalRow, order: OrderRow, now: datetime) -> Fulfilment:
        """What selling the proposal's holds and issuing its tickets writes, and the delivery's plan."""
        ...

    async def undo(self, session: AsyncSession, order: OrderRow, now: datetime) -> None:
        """Put what the order took back on sale and void its tickets."""
        ...


Fulfillers = Mapping[str, Fulfiller]  # by domain


class BudgetGuard(Protocol):
    """A fast counter of campaign budget in front of the database's record (which still decides).

    Checkout keeps it never below the record: it reserves before the database spends, gives back
    only what surely was not spent, and gives a refund back only after the refund committed."""

    async def reserve(self, campaign_id: str, amount_fen: Fen, *, budget_fen: Fen, recorded_fen: Fen) -> bool:
        """Count the amount against the budget if it fits (False: it does not); a counter that has not
        started yet starts from `recorded_fen`."""
        ...

    async def give_back(self, campaign_id: str, amount_fen: Fen) -> None:
        """Uncount an amount; never raises (a lost give-back only holds budget back)."""
        ...


@dataclass(frozen=True, slots=True)
class _Reservation:
    guard: BudgetGuard
    campaign_id: str
    amount_fen: Fen

    async def give_back(self) -> None:
        await self.guard.give_back(self.campaign_id, self.amount_fen)


def _fulfiller(fulfillers: Fulfillers, domain: str) -> Fulfiller:
    try:
        return fulfillers[domain]
    except KeyError:
        raise Conflict(f"{domain} orders cannot be paid here yet", code="domain_not_available") from None


def _check_key(idempotency_key: str | None) -> str:
    if not idempotency_key or not IDEMPOTENCY_KEY.match(idempotency_key):
        raise InvalidInput(
            "send an Idempotency-Key header of 1-128 letters, digits or . _ : - and reuse it when you retry",
            code="invalid_idempotency_key",
        )
    return idempotency_key


def _payment_legs(
    user_id: str, merchant_id: str | None, pay_fen: int, discount_fen: int, campaign_id: str | None
) -> list[Leg]:
    """The person pays `pay`, the card's campaign pays its share; the merchant is owed both."""
    return [
        Leg(wallet_account(user_id), -pay_fen),
        Leg(campaign_account(campaign_id or "none"), -discount_fen),  # a leg of zero is not posted
        Leg(merchant_account(merchant_id or "unknown"), pay_fen + discount_fen),
    ]


async def _replay(session: AsyncSession, user_id: str, proposal_id: str, key: str, now: datetime) -> Order | None:
    """The order the key already paid for this proposal, if any; a key used for another proposal is refused."""
    existing = await session.scalar(
        select(OrderRow).where(OrderRow.user_id == user_id, OrderRow.idempotency_key == key)
    )
    if existing is None:
        return None
    if existing.proposal_id != proposal_id:
        raise Conflict(
            "this Idempotency-Key was already used for another proposal; make a new key for a new payment",
            code="idempotency_key_reused",
            order_id=existing.id,
        )
    tickets = await tickets_of_orders(session, [existing.id])
    return order_view(existing, now, tickets[existing.id])


async def confirm_proposal(
    store: Store,
    *,
    user_id: str,
    proposal_id: str,
    idempotency_key: str | None,
    now: datetime,
    fulfillers: Fulfillers,
    budget: BudgetGuard | None = None,
) -> tuple[Order, bool]:
    """Pay for a proposal. Returns the order and whether this call created it (False: a replay).

    budget: the campaign budget's fast counter, if any (None: the database alone)."""
    key = _check_key(idempotency_key)
    reservation = await _reserve_budget(store, budget, user_id, proposal_id) if budget else None
    spent = False  # whether a transaction may have committed the reserved amount
    try:
        for attempt in range(MAX_ATTEMPTS):
            spent = False
            try:
                async with store.batch() as connection:
                    order, created = await _confirm_in(
                        connection, user_id, proposal_id, key, now, fulfillers, retrying=attempt > 0
                    )
                    # From here only the commit can fail, and then whether it landed is unknown:
                    # keeping the reservation can only hold budget back, giving it back could overspend it.
                    spent = created
                return order, created
            except (IntegrityError, _PaidMeanwhile):  # a refused commit surely did not land
                if attempt == MAX_ATTEMPTS - 1:
                    raise
    finally:
        if reservation is not None and not spent:
            await reservation.give_back()
    raise AssertionError("unreachable")


def _budget_exhausted(campaign_id: str) -> Conflict:
    return Conflict(
        "the campaign's budget ran out before this order; ask again and it is offered at full price",
        code="budget_exhausted",
        campaign_id=campaign_id,
    )


async def _reserve_budget(store: Store, budget: BudgetGuard, user_id: str, proposal_id: str) -> _Reservation | None:
    """Reserve the proposal's card amount before any write: once the budget is gone, a refusal costs a
    read and one counter call instead of a write transaction."""
    async with store.read() as session:
        proposal = await load_proposal(session, proposal_id, user_id)
        if proposal.status != "open" or not proposal.card_id or proposal.discount_fen <= 0:
            return None  # nothing to spend, or the transaction answers (a replay, an expired card)
        campaign = await campaign_of_card(session, proposal.card_id)
        if campaign is None:
            return None
        campaign_id, budget_fen, recorded_fen = campaign.id, campaign.budget_fen, campaign.redeemed_fen
    amount = proposal.discount_fen
    if not await budget.reserve(campaign_id, amount, budget_fen=budget_fen, recorded_fen=recorded_fen):
        raise _budget_exhausted(campaign_id)
    return _Reservation(budget, campaign_id, amount)


async def _confirm_in(
    connection: AsyncConnection, user_id: str, proposal_id: str, key: str, now: datetime, fulfillers: Fulfillers,
    *, retrying: bool,
) -> tuple[Order, bool]:
    found = (await connection.execute(_PROPOSAL_TO_PAY, {"proposal_id": proposal_id})).first()
    if found is None or found.user_id != user_id:
        raise not_yours(proposal_id)
    proposal = ProposalRow(**{column: getattr(found, column) for column in _PROPOSAL_COLUMNS})
    # An open proposal has no order yet; a key already used for another one is refused by the orders'
    # unique (person, key) when the payment's writes run, and the retry that follows looks the key up.
    if retrying or proposal.status != "open":
        async with AsyncSession(connection) as session:
            replayed = await _replay(session, user_id, proposal_id, key, now)
        if replayed is not None:
            return replayed, False
    if proposal.status == "confirmed":
        raise Conflict("this proposal has already been paid for under another key", code="proposal_already_confirmed")
    if proposal.status == "replaced":
        raise Gone("a newer proposal replaced this one; confirm the latest card", code="proposal_replaced")
    if proposal.status == "declined":
        raise Gone("this proposal was declined; ask again for a fresh one", code="proposal_declined")
    if proposal.expires_at <= now:
        raise Gone("this proposal has expired; ask again for a fresh one", code="proposal_expired")

    fulfiller = _fulfiller(fulfillers, proposal.domain)
    order = OrderRow(
        id=new_id("o"),
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
        created_at=now,
        cancelled_at=None,
    )
    done = fulfiller.fulfil(proposal, order, now)
    plan = done.delivery
    order.accepted_at, order.preparing_at, order.delivering_at, order.delivered_at = (
        (plan.accepted_at, plan.preparing_at, plan.delivering_at, plan.delivered_at) if plan else (None,) * 4
    )
    order.refundable_until = done.refundable_until
    campaign_id = found.campaign if proposal.card_id else None
    await run_writes(connection, [
        # First the proposal: a concurrent confirmation of it waits here, then finds it paid and retries.
        Write(_CONFIRM_PROPOSAL, {"id": proposal.id, "now": now}, refusal=_PAID_MEANWHILE),
        *([card_redemption(proposal.card_id, user_id, order.id, now, refuse(lambda: Conflict(
            "the free-order card on this proposal is no longer available; ask again for a fresh proposal",
            code="card_unavailable",
            card_id=proposal.card_id,
        )))] if proposal.card_id else []),
        rows_inserted("orders", [{column: getattr(order, column) for column in _ORDER_COLUMNS}]),
        *done.writes,
        event_write("order.paid", order.id, {
            "order_id": order.id,
            "user_id": user_id,
            "domain": proposal.domain,
            "pay_fen": proposal.pay_fen,
            "total_fen": proposal.total_fen,
            "discount_fen": proposal.discount_fen,
        }, now),
        # The rows every order shares (the campaign's budget and account, the merchant's account) are
        # written last, so their locks are held only until the commit: they decide how many orders a
        # second one campaign and one merchant can take.
        *transfer_writes(
            new_id("tr"),
            _payment_legs(user_id, proposal.merchant_id, proposal.pay_fen, proposal.discount_fen, campaign_id),
            reason="order_payment", now=now, order_id=order.id,
        ),
        *([budget_spending(campaign_id, proposal.discount_fen, refuse(lambda: _budget_exhausted(campaign_id)))]
          if campaign_id is not None and proposal.discount_fen > 0 else []),
    ])
    return order_view(order, now, done.tickets), True


async def cancel_order(
    store: Store,
    *,
    user_id: str,
    order_id: str,
    now: datetime,
    fulfillers: Fulfillers,
    booking_failed: bool = False,
    budget: BudgetGuard | None = None,
) -> Order:
    """Cancel a delivery before the rider has it, or tickets before their refund deadline: refund in
    full, restore the card, put seats back on sale. Cancelling twice is harmless.

    booking_failed: the compensation of a booking that could not be completed (a trip whose leg
    failed), undone whatever the deadlines say. budget: the campaign budget's fast counter, if any."""
    campaign_id = None
    async with store.transaction() as session:
        order = await load_order(session, order_id, user_id, lock=True)
        if order.status == "cancelled":
            tickets = await tickets_of_orders(session, [order.id])
            return order_view(order, now, tickets[order.id])
        if not booking_failed and not is_cancellable(order, now):
            view = order_view(order, now)
            if order.refundable_until is not None:
                raise Conflict(
                    "the refund deadline for this order has passed",
                    code="too_late_to_refund",
                    refundable_until=order.refundable_until.isoformat(),
                )
            raise Conflict(
                f"the order is already {view.stage} and can no longer be cancelled",
                code="too_late_to_cancel",
                stage=view.stage,
            )
        await _fulfiller(fulfillers, order.domain).undo(session, order, now)
        campaign_id = await restore_card(session, order.id) if order.card_id else None
        if campaign_id:
            await return_budget(session, campaign_id, order.discount_fen)
        refund = [
            Leg(leg.account_id, -leg.amount_fen)
            for leg in _payment_legs(user_id, order.merchant_id, order.pay_fen, order.discount_fen, campaign_id)
        ]
        reason = "booking_failed" if booking_failed else "order_refund"
        await post_transfer(session, refund, reason=reason, now=now, order_id=order.id)
        order.status, order.cancelled_at = "cancelled", now
        await record_event(session, "order.failed" if booking_failed else "order.cancelled", order.id,
                           {"order_id": order.id, "user_id": user_id, "refund_fen": order.pay_fen}, now)
        await session.flush()
        tickets = await tickets_of_orders(session, [order.id])
        cancelled = order_view(order, now, tickets[order.id])
    if budget is not None and campaign_id:  # only once the refund committed: the counter never drops below it
        await budget.give_back(campaign_id, order.discount_fen)
    return cancelled
