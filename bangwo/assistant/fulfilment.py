"""Each domain's part of checkout and refund, handed to commerce as Fulfillers.

Commerce pays and refunds; these know the providers: a food order gets its delivery planned,
a movie order sells its held seats and gets one e-ticket per seat.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from bangwo.assistant.skills.food import FoodSkill
from bangwo.commerce.checkout import Fulfilment
from bangwo.commerce.tickets import SeatSold, issue_tickets, void_tickets
from bangwo.domain.errors import Gone
from bangwo.domain.seats import seat_position
from bangwo.providers.base import MovieProvider
from bangwo.store.tables import OrderRow, ProposalRow


class FoodDelivery:
    def __init__(self, food: FoodSkill) -> None:
        self.food = food

    async def fulfil(self, session: AsyncSession, proposal: ProposalRow, order: OrderRow, now: datetime) -> Fulfilment:
        delivery = proposal.details.get("delivery") or {}
        return Fulfilment(delivery=self.food.plan_fulfilment(proposal.merchant_id or "", delivery, now))

    async def undo(self, session: AsyncSession, order: OrderRow, now: datetime) -> None:
        """Nothing to put back: the kitchen simply does not cook it."""


def printed_seats(proposal: ProposalRow) -> dict[str, dict[str, Any]]:
    """What each seat's ticket says, from the card the person confirmed: film, cinema, hall, start, row and seat."""
    printed: dict[str, dict[str, Any]] = {}
    for line in proposal.lines:
        details = line["details"]
        for seat_id in details.get("seats", []):
            row, number = seat_position(seat_id)
            printed[seat_id] = {
                "title": line["title"],
                "cinema": details.get("cinema"),
                "hall": details.get("hall"),
                "format": details.get("format"),
                "start": details.get("start"),
                "row": row,
                "seat": number,
                "price": line["unit_price"],
            }
    return printed


class MovieTickets:
    """Seats held with the proposal are sold with the payment; the order is refundable until
    `refund_minutes` before the showing."""

    def __init__(self, providers: dict[str, MovieProvider], refund_minutes: int) -> None:
        self.providers = providers
        self.refund_minutes = refund_minutes

    async def fulfil(self, session: AsyncSession, proposal: ProposalRow, order: OrderRow, now: datetime) -> Fulfilment:
        printed = printed_seats(proposal)
        holds = proposal.details.get("holds") or []
        tickets = []
        for hold in holds:
            sold = await self.providers[hold["provider"]].sell_hold(session, hold["hold_id"], order.id, now)
            if sold != len(hold["seats"]):
                raise Gone("the seats on this card are no longer held; ask again for fresh seats", code="hold_expired")
            tickets += await issue_tickets(
                session,
                order_id=order.id,
                user_id=order.user_id,
                showing_id=hold["showing_id"],
                seats=[SeatSold(seat_id, printed[seat_id]) for seat_id in hold["seats"]],
                now=now,
            )
        first_start = min(datetime.fromisoformat(hold["start"]) for hold in holds)
        return Fulfilment(refundable_until=first_start - timedelta(minutes=self.refund_minutes), tickets=tuple(tickets))

    async def undo(self, session: AsyncSession, order: OrderRow, now: datetime) -> None:
        await void_tickets(session, order.id)
        for name in {hold["provider"] for hold in order.details.get("holds") or []}:
            await self.providers[name].refund_order(session, order.id)

    async def release(self, session: AsyncSession, holds: Iterable[dict[str, Any]]) -> None:
        """Let go of seats a proposal held that will not be paid (declined or replaced)."""
        for hold in holds:
            provider = self.providers.get(hold.get("provider", ""))
            if provider is not None:
                await provider.release_hold(session, hold["hold_id"])
