"""Each domain's part of checkout and refund, handed to commerce as Fulfillers.

Commerce pays and refunds; these know the providers. Whatever a card held (seats, stock, rooms)
is sold with the payment and put back on a refund; a delivery is planned; a movie order gets
one e-ticket per seat.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace
from datetime import datetime, time, timedelta
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from bangwo.commerce.checkout import Fulfilment
from bangwo.commerce.tickets import SeatSold, ticket_issue, void_tickets
from bangwo.domain.clock import SHANGHAI
from bangwo.domain.delivery import DeliveryPlan
from bangwo.domain.errors import Gone
from bangwo.domain.proposal import Ticket
from bangwo.domain.seats import seat_position
from bangwo.providers.base import HoldingProvider
from bangwo.store.tables import OrderRow, ProposalRow
from bangwo.store.writes import Write, refuse

Hold = dict[str, Any]  # as a card lists it: {"kind", "provider", "hold_id", "until", ...what is held}
# How a paid delivery will go: (merchant id, the card's delivery details, the instant it is paid).
PlanDelivery = Callable[[str, dict[str, Any], datetime], DeliveryPlan]


def _hold_lapsed() -> Gone:
    return Gone("what this card held is no longer held; ask again for a fresh card", code="hold_expired")


class HeldGoods:
    """The providers that hold things for cards, by the kind of thing ("movie", "grocery", ...) and name."""

    def __init__(self, holders: Mapping[str, Mapping[str, HoldingProvider]]) -> None:
        self.holders = holders

    def _provider(self, hold: Hold) -> HoldingProvider | None:
        return self.holders.get(hold.get("kind", ""), {}).get(hold.get("provider", ""))

    def sale(self, holds: Iterable[Hold], order_id: str, now: datetime) -> list[Write]:
        """The writes that make every hold of the card a sale; a lapsed hold refuses the payment."""
        writes = []
        for hold in holds:
            provider = self._provider(hold)
            if provider is None:
                raise _hold_lapsed()
            writes.append(replace(provider.sale(hold["hold_id"], order_id, now), refusal=refuse(_hold_lapsed)))
        return writes

    async def refund(self, session: AsyncSession, holds: Iterable[Hold], order_id: str) -> None:
        for provider in {id(p): p for p in map(self._provider, holds) if p is not None}.values():
            await provider.refund_order(session, order_id)

    async def release(self, session: AsyncSession, holds: Iterable[Hold]) -> None:
        """Let go of what a card held that will not be paid (declined or replaced)."""
        for hold in holds:
            provider = self._provider(hold)
            if provider is not None:
                await provider.release_hold(session, hold["hold_id"])


class Delivery:
    """Food and groceries: what the card held is sold, and the provider plans the delivery."""

    def __init__(self, plan: PlanDelivery, goods: HeldGoods) -> None:
        self.plan = plan
        self.goods = goods

    def fulfil(self, proposal: ProposalRow, order: OrderRow, now: datetime) -> Fulfilment:
        delivery = proposal.details.get("delivery") or {}
        return Fulfilment(
            writes=tuple(self.goods.sale(proposal.details.get("holds") or [], order.id, now)),
            delivery=self.plan(proposal.merchant_id or "", delivery, now),
        )

    async def undo(self, session: AsyncSession, order: OrderRow, now: datetime) -> None:
        await self.goods.refund(session, order.details.get("holds") or [], order.id)


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
    """Seats held with the card are sold with the payment, one e-ticket each; the order is refundable
    until `refund_minutes` before the showing."""

    def __init__(self, goods: HeldGoods, refund_minutes: int) -> None:
        self.goods = goods
        self.refund_minutes = refund_minutes

    def fulfil(self, proposal: ProposalRow, order: OrderRow, now: datetime) -> Fulfilment:
        holds = proposal.details.get("holds") or []
        printed = printed_seats(proposal)
        issue, tickets = ticket_issue(
            order_id=order.id,
            user_id=order.user_id,
            seats=[(hold["showing_id"], [SeatSold(seat_id, printed[seat_id]) for seat_id in hold["seats"]])
                   for hold in holds],
            now=now,
        )
        writes = self.goods.sale(holds, order.id, now) + issue
        first_start = min(datetime.fromisoformat(hold["start"]) for hold in holds)
        return Fulfilment(writes=tuple(writes), tickets=tuple(tickets),
                          refundable_until=first_start - timedelta(minutes=self.refund_minutes))

    async def undo(self, session: AsyncSession, order: OrderRow, now: datetime) -> None:
        await void_tickets(session, order.id)
        await self.goods.refund(session, order.details.get("holds") or [], order.id)


# Refunds in full: a flight until two hours before it leaves, a hotel until 18:00 on the day of arrival.
FLIGHT_REFUND_BEFORE = timedelta(hours=2)
HOTEL_REFUND_HOUR = 18


def refund_deadline(holds: Iterable[Hold]) -> datetime:
    """The earliest deadline of the travel holds on a card."""
    deadlines = []
    for hold in holds:
        start = datetime.fromisoformat(hold["start"])
        if hold["kind"] == "flight":
            deadlines.append(start - FLIGHT_REFUND_BEFORE)
        else:
            deadlines.append(datetime.combine(start.date(), time(HOTEL_REFUND_HOUR), SHANGHAI))
    return min(deadlines)


def _flight_seats(lines: Iterable[dict[str, Any]], leg: int | None) -> list[tuple[str, list[SeatSold]]]:
    """One e-ticket per passenger of each flight line (of one leg, when given)."""
    flights = []
    for line in lines:
        details = line["details"]
        if details.get("kind") != "flight" or (leg is not None and details.get("leg") != leg):
            continue
        names = details.get("passengers") or []
        flights.append((
            details["flight_id"],
            [
                SeatSold(f"P{i + 1}", {**{k: details[k] for k in _PRINTED_FLIGHT}, "passenger": name})
                for i, name in enumerate(names or [None] * line["quantity"])
            ],
        ))
    return flights


_PRINTED_FLIGHT = ("number", "airline", "origin", "destination", "depart", "arrive", "cabin")


class TravelBooking:
    """Flights and hotels, and each leg of a trip: what the card held is sold, each passenger gets an
    e-ticket; refundable in full until the earliest deadline of what was booked."""

    def __init__(self, goods: HeldGoods) -> None:
        self.goods = goods

    def booking(
        self, order: OrderRow, holds: list[Hold], lines: list[dict[str, Any]], now: datetime, *, leg: int | None = None
    ) -> tuple[list[Write], list[Ticket]]:
        """The writes that sell the holds and issue each passenger's e-ticket, and the tickets."""
        seats = _flight_seats(lines, leg)
        issue, tickets = ticket_issue(order_id=order.id, user_id=order.user_id, seats=seats, now=now)
        return self.goods.sale(holds, order.id, now) + issue, tickets

    def fulfil(self, proposal: ProposalRow, order: OrderRow, now: datetime) -> Fulfilment:
        holds = proposal.details.get("holds") or []
        writes, tickets = self.booking(order, holds, proposal.lines, now)
        return Fulfilment(writes=tuple(writes), refundable_until=refund_deadline(holds), tickets=tuple(tickets))

    async def undo(self, session: AsyncSession, order: OrderRow, now: datetime) -> None:
        holds = order.details.get("holds") or []
        await void_tickets(session, order.id)
        await self.goods.refund(session, holds, order.id)
        await self.goods.release(session, holds)  # a trip undone part-way still holds its later legs


class TripPayment(TravelBooking):
    """A trip is paid first and its legs booked one by one after (the saga in desks/travel.py), each
    leg in its own transaction as a remote provider would need."""

    def fulfil(self, proposal: ProposalRow, order: OrderRow, now: datetime) -> Fulfilment:
        return Fulfilment(refundable_until=refund_deadline(proposal.details.get("holds") or []))
