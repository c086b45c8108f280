"""E-tickets: one per seat sold, a code the QR image carries, checked once at the cinema door.

Every change of a ticket's status is one conditional UPDATE, so two staff scanning the same
code at once see "valid" once and "already used" once.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bangwo.domain.errors import Conflict, NotFound
from bangwo.domain.proposal import Ticket
from bangwo.store.tables import TicketRow
from bangwo.store.writes import Write, rows_inserted

# Crockford's base32 without the look-alikes (I, L, O, U): a code read aloud or typed survives.
CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_LENGTH = 10  # 50 bits: not guessable, short enough to read out at the door
MAX_CODE_LENGTH = 16

VerifyResult = Literal["valid", "already_used", "refunded", "unknown"]


def new_ticket_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normalise_code(code: str) -> str:
    """What staff type or scan, forgiving case, spaces and dashes."""
    return code.strip().upper().replace("-", "").replace(" ", "")[:MAX_CODE_LENGTH]


def ticket_view(row: TicketRow) -> Ticket:
    return Ticket(
        code=row.code,
        order_id=row.order_id,
        showing_id=row.showing_id,
        seat_id=row.seat_id,
        status=row.status,  # type: ignore[arg-type]  # the column holds only TicketStatus values
        details=row.details,
        used_at=row.used_at,
    )


@dataclass(frozen=True, slots=True)
class SeatSold:
    seat_id: str
    details: dict[str, Any]  # as printed on the ticket


def ticket_issue(
    *, order_id: str, user_id: str, seats: Iterable[tuple[str, Iterable[SeatSold]]], now: datetime
) -> tuple[list[Write], list[Ticket]]:
    """The write that issues one e-ticket a seat of each showing (or flight) named, to run with the payment,
    and the tickets it issues."""
    tickets = [
        Ticket(code=new_ticket_code(), order_id=order_id, showing_id=showing_id, seat_id=seat.seat_id,
               status="valid", details=seat.details, used_at=None)
        for showing_id, sold in seats
        for seat in sold
    ]
    if not tickets:
        return [], []
    issue = rows_inserted("tickets", [
        {"code": t.code, "order_id": order_id, "user_id": user_id, "showing_id": t.showing_id,
         "seat_id": t.seat_id, "details": t.details, "status": "valid", "issued_at": now}
        for t in tickets
    ])
    return [issue], tickets


async def tickets_of_orders(session: AsyncSession, order_ids: Iterable[str]) -> dict[str, list[Ticket]]:
    """Each order's tickets, in seat order, in one query."""
    ids = list(order_ids)
    found: dict[str, list[Ticket]] = {order_id: [] for order_id in ids}
    if not ids:
        return found
    rows = await session.scalars(
        select(TicketRow).where(TicketRow.order_id.in_(ids)).order_by(TicketRow.order_id, TicketRow.seat_id)
    )
    for row in rows:
        found[row.order_id].append(ticket_view(row))
    return found


async def ticket_of(session: AsyncSession, code: str, user_id: str) -> Ticket:
    """The person's own ticket; another person's is reported exactly like a missing one."""
    row = await session.get(TicketRow, normalise_code(code))
    if row is None or row.user_id != user_id:
        raise NotFound(f"no ticket {code!r} of yours", code="ticket_not_found")
    return ticket_view(row)


async def verify_ticket(session: AsyncSession, code: str, now: datetime) -> tuple[VerifyResult, Ticket | None]:
    """At the door: a valid ticket is marked used and lets one person in; any later scan says so."""
    code = normalise_code(code)
    admitted = await session.execute(
        update(TicketRow).where(TicketRow.code == code, TicketRow.status == "valid").values(status="used", used_at=now)
    )
    row = await session.get(TicketRow, code, populate_existing=True)
    if row is None:
        return "unknown", None
    if admitted.rowcount == 1:
        return "valid", ticket_view(row)
    return ("already_used" if row.status == "used" else "refunded"), ticket_view(row)


async def void_tickets(session: AsyncSession, order_id: str) -> int:
    """On a refund: every ticket of the order stops being valid; refused (Conflict) once any was used.

    Update first, then count: a ticket scanned at the door while the refund runs is either
    already used (so fewer rows change, and the refund is refused) or waits and finds it refunded.
    """
    total = await session.scalar(select(func.count()).select_from(TicketRow).where(TicketRow.order_id == order_id))
    result = await session.execute(
        update(TicketRow).where(TicketRow.order_id == order_id, TicketRow.status == "valid").values(status="refunded")
    )
    if result.rowcount != total:
        raise Conflict("a ticket of this order was already used at the cinema", code="ticket_used")
    return result.rowcount
