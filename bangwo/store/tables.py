"""SQLAlchemy 2 tables. Money columns are integer fen; instants are timezone-aware UTC."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, ClassVar

from sqlalchemy import JSON, BigInteger, DateTime, ForeignKey, Index, Integer, String, Text, UniqueConstraint, text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator


class UTCDateTime(TypeDecorator[datetime]):
    """Stores UTC, returns aware datetimes on every backend (SQLite keeps no zone)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetimes are not stored; use the clock")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Base(DeclarativeBase):
    type_annotation_map: ClassVar[dict[Any, Any]] = {datetime: UTCDateTime, dict[str, Any]: JSON, list[Any]: JSON}


class User(Base):
    __tablename__ = "users"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    phone: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str | None] = mapped_column(String(64))
    birth_year: Mapped[int | None] = mapped_column(Integer)
    invite_code: Mapped[str] = mapped_column(String(16), unique=True)
    device_id: Mapped[str | None] = mapped_column(String(128), index=True)
    sign_up_ip: Mapped[str | None] = mapped_column(String(64), index=True)  # the network address it came from
    invited_by: Mapped[str | None] = mapped_column(ForeignKey("users.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(index=True)


class AuthToken(Base):
    __tablename__ = "auth_tokens"

    token_sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[str] = mapped_column(ForeignKey("users.id"), index=True)
    created_at: Mapped[datetime]


class Address(Base):
    __tablename__ = "addresses"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    user_id: Mapped[str] = mapped_column(ForeignKey("users.id"), index=True)
    city_id: Mapped[str] = mapped_column(String(32))
    text: Mapped[str] = mapped_column(String(200))
    lat: Mapped[float]
    lng: Mapped[float]
    is_default: Mapped[bool]
    created_at: Mapped[datetime]


class Account(Base):
    """A ledger account. balance_fen is the running sum of its entries, kept in the same transaction."""

    __tablename__ = "accounts"

    id: Mapped[str] = mapped_column(String(80), primary_key=True)  # "wallet:<user>", "merchant:<id>", ...
    kind: Mapped[str] = mapped_column(String(16))
    balance_fen: Mapped[int] = mapped_column(BigInteger)


class LedgerEntry(Base):
    """One leg of a double-entry transfer; the legs of one transfer_id sum to zero."""

    __tablename__ = "ledger_entries"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    transfer_id: Mapped[str] = mapped_column(String(48), index=True)
    account_id: Mapped[str] = mapped_column(ForeignKey("accounts.id"), index=True)
    amount_fen: Mapped[int] = mapped_column(BigInteger)
    reason: Mapped[str] = mapped_column(String(32))
    order_id: Mapped[str | None] = mapped_column(String(32))
    created_at: Mapped[datetime]


class Card(Base):
    """A free-order card: available -> redeemed (by one order) -> available again if that order is cancelled."""

    __tablename__ = "cards"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    user_id: Mapped[str] = mapped_column(ForeignKey("users.id"), index=True)
    campaign: Mapped[str] = mapped_column(String(32))
    value_fen: Mapped[int]
    status: Mapped[str] = mapped_column(String(16))
    reason: Mapped[str] = mapped_column(String(32))
    issued_at: Mapped[datetime] = mapped_column(index=True)  # the live figures count cards by hour
    expires_at: Mapped[datetime]
    order_id: Mapped[str | None] = mapped_column(String(32))


class CatalogueVersion(Base):
    __tablename__ = "catalogue_versions"

    provider: Mapped[str] = mapped_column(String(32), primary_key=True)
    digest: Mapped[str] = mapped_column(String(64))
    seeded_at: Mapped[datetime]


class MerchantRow(Base):
    __tablename__ = "merchants"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    provider: Mapped[str] = mapped_column(String(32), index=True)
    city_id: Mapped[str] = mapped_column(String(32), index=True)
    category: Mapped[str] = mapped_column(String(16))
    name_zh: Mapped[str] = mapped_column(String(64))
    name_en: Mapped[str] = mapped_column(String(128))
    lat: Mapped[float]
    lng: Mapped[float]
    rating: Mapped[float]
    open_minute: Mapped[int]
    close_minute: Mapped[int]
    delivery_fee_fen: Mapped[int]
    min_order_fen: Mapped[int]
    prep_minutes: Mapped[int]


class MenuItemRow(Base):
    __tablename__ = "menu_items"

    id: Mapped[str] = mapped_column(String(96), primary_key=True)
    merchant_id: Mapped[str] = mapped_column(ForeignKey("merchants.id"), index=True)
    position: Mapped[int]
    name_zh: Mapped[str] = mapped_column(String(64))
    name_en: Mapped[str] = mapped_column(String(128))
    price_fen: Mapped[int]
    aliases: Mapped[list[Any]]
    option_groups: Mapped[list[Any]]
    unit: Mapped[str | None] = mapped_column(String(8))


class ChatSession(Base):
    __tablename__ = "chat_sessions"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    user_id: Mapped[str] = mapped_column(ForeignKey("users.id"), index=True)
    pending: Mapped[dict[str, Any] | None] = mapped_column(JSON)  # a frame waiting for an answer
    proposal_id: Mapped[str | None] = mapped_column(String(32))  # the proposal on the table, if any
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]


class ChatMessage(Base):
    __tablename__ = "chat_messages"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    session_id: Mapped[str] = mapped_column(ForeignKey("chat_sessions.id"), index=True)
    role: Mapped[str] = mapped_column(String(16))  # "person" | "assistant"
    text: Mapped[str] = mapped_column(Text)
    state: Mapped[str | None] = mapped_column(String(16))
    created_at: Mapped[datetime] = mapped_column(index=True)  # the live figures count commands by hour


class PricedLines:
    """What a proposal shows and its order keeps: the lines and the money, as the card said them."""

    domain: Mapped[str] = mapped_column(String(16))
    merchant_id: Mapped[str | None] = mapped_column(String(64))
    lines: Mapped[list[Any]]
    details: Mapped[dict[str, Any]]
    subtotal_fen: Mapped[int]
    total_fen: Mapped[int]
    discount_fen: Mapped[int]
    pay_fen: Mapped[int]
    card_id: Mapped[str | None] = mapped_column(String(32))


class ProposalRow(PricedLines, Base):
    __tablename__ = "proposals"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    user_id: Mapped[str] = mapped_column(ForeignKey("users.id"), index=True)
    session_id: Mapped[str | None] = mapped_column(String(32))
    address_id: Mapped[str | None] = mapped_column(String(32))
    status: Mapped[str] = mapped_column(String(16))  # open | confirmed | replaced | declined
    created_at: Mapped[datetime]
    expires_at: Mapped[datetime]


class OrderRow(PricedLines, Base):
    __tablename__ = "orders"
    __table_args__ = (
        UniqueConstraint("user_id", "idempotency_key", name="uq_orders_user_idempotency_key"),
        Index("ix_orders_user_created", "user_id", "created_at"),
        Index("ix_orders_created", "created_at"),  # the live figures count orders by hour
    )

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    user_id: Mapped[str] = mapped_column(ForeignKey("users.id"))
    proposal_id: Mapped[str] = mapped_column(ForeignKey("proposals.id"), unique=True)  # one order per proposal
    idempotency_key: Mapped[str] = mapped_column(String(128))
    status: Mapped[str] = mapped_column(String(16))  # paid | cancelled
    # The delivery plan, for orders that are delivered (food, groceries); null for tickets and bookings.
    accepted_at: Mapped[datetime | None]
    preparing_at: Mapped[datetime | None]
    delivering_at: Mapped[datetime | None]
    delivered_at: Mapped[datetime | None]
    # Orders without a delivery are refunded in full until this instant (a showing's start less the policy).
    refundable_until: Mapped[datetime | None]
    created_at: Mapped[datetime]
    cancelled_at: Mapped[datetime | None]


class OutboxEvent(Base):
    """Written in the same transaction as the change it reports; the relay (commerce/outbox.py) delivers it later."""

    __tablename__ = "outbox_events"
    __table_args__ = (
        # Only what is still to deliver, in id order: stays small however many events were ever delivered.
        Index(
            "ix_outbox_events_undelivered",
            "id",
            postgresql_where=text("delivered_at IS NULL"),
            sqlite_where=text("delivered_at IS NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    kind: Mapped[str] = mapped_column(String(48))
    aggregate_id: Mapped[str] = mapped_column(String(32), index=True)
    payload: Mapped[dict[str, Any]]
    created_at: Mapped[datetime]
    delivered_at: Mapped[datetime | None]
    # Tries a consumer refused: the event waits until next_attempt_at, later events pass it meanwhile.
    attempts: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    last_error: Mapped[str | None] = mapped_column(Text)
    next_attempt_at: Mapped[datetime | None]


class InboxEvent(Base):
    """An outbox event one consumer has taken, written in the same transaction as what taking it changed.

    A redelivered event finds its row here and changes nothing twice. No foreign key to the outbox:
    delivered events may be pruned, the inbox must still remember them.
    """

    __tablename__ = "inbox_events"

    consumer: Mapped[str] = mapped_column(String(32), primary_key=True)
    event_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    taken_at: Mapped[datetime]


class OrderDispatch(Base):
    """What a merchant or provider acts on for a paid order: dispatched, or withdrawn when the order is
    cancelled or its booking failed. Written by the fulfilment consumer of the outbox."""

    __tablename__ = "order_dispatches"

    order_id: Mapped[str] = mapped_column(ForeignKey("orders.id"), primary_key=True)
    user_id: Mapped[str] = mapped_column(String(32))
    domain: Mapped[str] = mapped_column(String(16))
    merchant_id: Mapped[str | None] = mapped_column(String(64), index=True)  # a merchant's queue is read by this
    status: Mapped[str] = mapped_column(String(12))  # dispatched | withdrawn
    dispatched_at: Mapped[datetime | None]  # None: the withdrawal arrived first, it never reached the merchant
    withdrawn_at: Mapped[datetime | None]
    withdrawn_reason: Mapped[str | None] = mapped_column(String(16))  # cancelled | failed


class OrderHourCounter(Base):
    """Running order figures of one campaign for one Shanghai hour, kept by the figures consumer of the outbox.

    The hour is the one the order was placed in, so a cancellation later moves the counters of the hour
    its order was counted in. campaign_id is the campaign whose card paid part of the order; "" for
    orders paid without a card.
    """

    __tablename__ = "order_hour_counters"

    campaign_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    hour: Mapped[datetime] = mapped_column(primary_key=True)  # the Shanghai hour's start (stored in UTC)
    orders_paid: Mapped[int]  # placed this hour and not cancelled
    orders_cancelled: Mapped[int]  # placed this hour, then cancelled or failed
    gmv_fen: Mapped[int] = mapped_column(BigInteger)  # the total of the orders still paid
    cards_redeemed: Mapped[int]
    redeemed_fen: Mapped[int] = mapped_column(BigInteger)  # what those cards took off their orders
    updated_at: Mapped[datetime]


class SeatHold(Base):
    """A seat of a showing, held for a proposal until expires_at, or sold to an order.

    The unique (showing, seat) pair is what stops a seat being held or sold twice: the store
    refuses the second row, whatever the processes racing for it believe.
    """

    __tablename__ = "seat_holds"
    __table_args__ = (UniqueConstraint("showing_id", "seat_id", name="uq_seat_holds_showing_seat"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    showing_id: Mapped[str] = mapped_column(String(64), index=True)
    seat_id: Mapped[str] = mapped_column(String(16))
    hold_id: Mapped[str] = mapped_column(String(32), index=True)
    status: Mapped[str] = mapped_column(String(8))  # held | sold
    expires_at: Mapped[datetime]
    order_id: Mapped[str | None] = mapped_column(String(32), index=True)


class TicketRow(Base):
    """One e-ticket: one seat of one showing, sold with an order. The code is what the QR image carries."""

    __tablename__ = "tickets"

    code: Mapped[str] = mapped_column(String(16), primary_key=True)
    order_id: Mapped[str] = mapped_column(ForeignKey("orders.id"), index=True)
    user_id: Mapped[str] = mapped_column(ForeignKey("users.id"), index=True)
    showing_id: Mapped[str] = mapped_column(String(64))
    seat_id: Mapped[str] = mapped_column(String(16))
    details: Mapped[dict[str, Any]]  # film, cinema, hall, start, row and seat number, as printed
    status: Mapped[str] = mapped_column(String(12))  # valid | used | refunded
    issued_at: Mapped[datetime]
    used_at: Mapped[datetime | None]


class StockHold(Base):
    """Units of a counted inventory item held for a proposal until expires_at, or sold to an order.

    An item is a SKU of a supermarket, a cabin of a flight on a day, a room type of a hotel on a
    night. What is free is the provider's capacity less the unexpired holds and the sales, read
    under a lock on the item, so two buyers never share the last unit.
    """

    __tablename__ = "stock_holds"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    item_key: Mapped[str] = mapped_column(String(128), index=True)
    hold_id: Mapped[str] = mapped_column(String(32), index=True)
    quantity: Mapped[int]
    status: Mapped[str] = mapped_column(String(8))  # held | sold
    expires_at: Mapped[datetime]
    order_id: Mapped[str | None] = mapped_column(String(32), index=True)


class CampaignRow(Base):
    """A campaign as it is configured now, and the money it has given away.

    redeemed_fen is the record of what its cards have taken off orders; a redemption raises it in
    the payment's transaction only while it stays within budget_fen, so the budget is never overspent.
    """

    __tablename__ = "campaigns"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    version: Mapped[int]
    name: Mapped[str] = mapped_column(String(64))
    starts_at: Mapped[datetime]
    ends_at: Mapped[datetime]
    card_value_fen: Mapped[int]
    min_pay_fen: Mapped[int]
    cap_per_person: Mapped[int]
    cards_on_sign_up: Mapped[int]
    invite_reward: Mapped[int]
    budget_fen: Mapped[int] = mapped_column(BigInteger)
    card_valid_days: Mapped[int]
    categories: Mapped[list[Any]]  # the domains its cards apply to; empty: all
    review_threshold: Mapped[int]  # invitation rewards beyond this many for one person wait for review
    redeemed_fen: Mapped[int] = mapped_column(BigInteger)
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]


class CampaignVersion(Base):
    """Every configuration a campaign has had, in order: what changed is never lost."""

    __tablename__ = "campaign_versions"
    __table_args__ = (UniqueConstraint("campaign_id", "version", name="uq_campaign_versions"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    campaign_id: Mapped[str] = mapped_column(ForeignKey("campaigns.id"), index=True)
    version: Mapped[int]
    config: Mapped[dict[str, Any]]
    changed_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime]


class Invitation(Base):
    """A person who signed up with someone's invite code: both ends of the chain, and what it earned."""

    __tablename__ = "invitations"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    campaign_id: Mapped[str] = mapped_column(String(32), index=True)
    inviter_id: Mapped[str] = mapped_column(ForeignKey("users.id"), index=True)
    invitee_id: Mapped[str] = mapped_column(ForeignKey("users.id"), unique=True)
    status: Mapped[str] = mapped_column(String(16))  # rewarded | held | refused | approved
    reason: Mapped[str] = mapped_column(String(64))
    card_id: Mapped[str | None] = mapped_column(String(32))
    created_at: Mapped[datetime]
    decided_at: Mapped[datetime | None]


class FraudDecision(Base):
    """Every decision the fraud rules made, with its reason, for the operator to see."""

    __tablename__ = "fraud_decisions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    kind: Mapped[str] = mapped_column(String(24))  # sign_up | invite_reward | review
    decision: Mapped[str] = mapped_column(String(12))  # allow | deny | hold
    reason: Mapped[str] = mapped_column(String(64))
    user_id: Mapped[str | None] = mapped_column(String(32), index=True)
    device_id: Mapped[str | None] = mapped_column(String(128))
    ip: Mapped[str | None] = mapped_column(String(64))
    data: Mapped[dict[str, Any]]
    created_at: Mapped[datetime] = mapped_column(index=True)
