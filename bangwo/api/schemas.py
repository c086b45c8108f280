"""Request and response bodies of the HTTP API. Money is integer fen."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from bangwo.domain.cinema import ScreenFormat
from bangwo.domain.proposal import Order, Proposal, Ticket
from bangwo.domain.seats import SeatKind

# The characters of every id bangwo hands out ("o_3f9a…", "spring-2026"): anything else names nothing, and a NUL
# cannot even be looked up in PostgreSQL, so such a request is refused up front (422 invalid_request).
ID_PATTERN = r"^[A-Za-z0-9._:-]+$"
# Ticket codes as staff type or scan them: case, spaces and dashes are forgiven (commerce.tickets.normalise_code).
TICKET_CODE_PATTERN = r"^[A-Za-z0-9 -]+$"


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class SignUpRequest(Strict):
    phone: str = Field(min_length=1, max_length=20, examples=["13800138000"])
    name: str | None = Field(default=None, max_length=64)
    birth_year: int | None = Field(default=None, ge=1900, le=2100)
    invite_code: str | None = Field(default=None, max_length=16)
    device_id: str | None = Field(default=None, max_length=128)


class CardOut(BaseModel):
    id: str
    value: int
    status: str
    reason: str
    expires_at: datetime
    order_id: str | None


class SignUpResponse(BaseModel):
    user_id: str
    token: str
    invite_code: str
    cards: list[CardOut]


class AddressOut(BaseModel):
    id: str
    city: str
    text: str


class MeResponse(BaseModel):
    user_id: str
    phone: str
    name: str | None
    birth_year: int | None
    invite_code: str
    balance: int
    addresses: list[AddressOut]
    cards: list[CardOut]


class ChatRequest(Strict):
    text: str = Field(min_length=1, max_length=2000, examples=["帮我点两杯少糖去冰的杨枝甘露"])
    session_id: str | None = Field(default=None, max_length=32, pattern=ID_PATTERN)


class ChatResponse(BaseModel):
    session_id: str
    state: str
    reply: str
    proposal: Proposal | None = None
    order: Order | None = None


class OrderResponse(BaseModel):
    order: Order


class OrdersResponse(BaseModel):
    orders: list[Order]


class ErrorDetail(BaseModel):
    code: str
    message: str


class ErrorResponse(BaseModel):
    error: ErrorDetail


class SeatOut(BaseModel):
    id: str  # "12-7": row 12, seat 7
    row: int
    number: int
    column: int  # across the hall; a gap between columns is an aisle
    kind: SeatKind
    status: Literal["free", "taken", "broken"]  # taken: sold or held
    price: int


class ShowingOut(BaseModel):
    id: str
    film_id: str
    cinema_id: str
    hall_id: str
    hall_name: str
    hall_name_en: str
    start: datetime
    format: ScreenFormat
    premiere: bool


class SeatMapResponse(BaseModel):
    showing: ShowingOut
    rows: int
    columns: int
    seats: list[SeatOut]


class ChooseSeatsRequest(Strict):
    seats: list[str] = Field(min_length=1, max_length=10, examples=[["12-7", "12-8"]])


class VerifyTicketRequest(Strict):
    code: str = Field(min_length=1, max_length=32, pattern=TICKET_CODE_PATTERN, examples=["7KQ2M9XD4T"])


class VerifyTicketResponse(BaseModel):
    result: Literal["valid", "already_used", "refunded", "unknown"]
    ticket: Ticket | None = None
