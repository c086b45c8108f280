"""What the person is asked to confirm, and what they get when they do."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, Field

from bangwo.domain.delivery import DeliveryStage
from bangwo.domain.frame import Lang
from bangwo.domain.money import Fen


class ProposalLine(BaseModel):
    title: str
    quantity: int
    unit_price: Fen
    options: dict[str, str] = Field(default_factory=dict)
    details: dict[str, Any] = Field(default_factory=dict)

    @property
    def amount_fen(self) -> Fen:
        return self.unit_price * self.quantity


class Proposal(BaseModel):
    """One confirmation card. subtotal: items and fees; total: subtotal less provider discounts;
    discount: the free-order card's share; pay = total - discount, never below one fen."""

    id: str
    domain: str
    expires_at: datetime
    lines: list[ProposalLine]
    subtotal: Fen
    discount: Fen
    card_id: str | None
    total: Fen
    pay: Fen
    holds: list[dict[str, Any]] = Field(default_factory=list)
    merchant: dict[str, Any] | None = None
    delivery: dict[str, Any] | None = None
    notes: list[str] = Field(default_factory=list)
    lang: Lang | None = None  # the language the card is written in


OrderStatus = Literal["paid", "cancelled"]
# Delivered orders move through the delivery stages; tickets and bookings are "confirmed" once paid.
OrderStage = DeliveryStage | Literal["confirmed", "cancelled"]
TicketStatus = Literal["valid", "used", "refunded"]


class Ticket(BaseModel):
    """One seat of one showing; the code is what the QR image carries and the cinema checks."""

    code: str
    order_id: str
    showing_id: str
    seat_id: str
    status: TicketStatus
    details: dict[str, Any]  # film, cinema, hall, start, row and seat number, as printed
    used_at: datetime | None = None


class Order(BaseModel):
    id: str
    proposal_id: str
    domain: str
    status: OrderStatus
    stage: OrderStage
    lines: list[ProposalLine]
    subtotal: Fen
    discount: Fen
    card_id: str | None
    total: Fen
    pay: Fen
    merchant: dict[str, Any] | None = None
    delivery: dict[str, Any] | None = None
    timeline: dict[str, datetime]  # the delivery stages' instants; empty for orders that are not delivered
    created_at: datetime
    cancelled_at: datetime | None = None
    cancellable: bool
    refundable_until: datetime | None = None
    tickets: list[Ticket] = Field(default_factory=list)
