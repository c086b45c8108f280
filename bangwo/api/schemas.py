"""Request and response bodies of the HTTP API. Money is integer fen."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

from bangwo.domain.proposal import Order, Proposal


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
    session_id: str | None = Field(default=None, max_length=32)


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
