"""What must hold in the store however hard it was pushed: read it back with SQL aggregates and say.

After a load test or a chaos run (workers killed, PostgreSQL or Redis restarted), every promise
DESIGN.md makes about money and goods is checked against the real store:
- each order the load test was told about (a 201 from a confirm) exists;
- the ledger is double entry: every transfer sums to zero (so the whole ledger does), every account's
  balance is the sum of its entries, and no wallet is below zero;
- every order was paid from its person's wallet in exactly one transfer of its price, and every
  cancelled order was refunded the same way; each has its outbox events;
- each campaign's `redeemed_fen` is exactly what its cards took off paid orders (and what its ledger
  account paid), never beyond its budget; each redeemed card belongs to one paid order; nobody holds
  more of a campaign's cards than its cap;
- no seat of a showing is sold twice, no counted item (a shop's stock, a flight's cabin, a hotel's
  room type on a night) is sold or held beyond what the provider has;
- no hold is left behind (see `_holds_left_behind`) and every paid order has sold every hold its card
  listed (each leg of a trip booked); every paid order has its delivery planned or its tickets issued, and no
  cancelled one keeps a valid ticket;
- once the relay has drained (`relay_drained=True`, after a chaos run): every outbox event is delivered and each
  order's dispatch says what the order is (dispatched when paid, withdrawn when cancelled or failed).

Each check is one named result: ok, or violated with a count and a few example ids. The checks are
separate on purpose: one kind of damage shows up under the check named for it. They read one
snapshot (REPEATABLE READ on PostgreSQL; a read transaction in WAL mode on SQLite), so the store may
be under load while they run; what they report is the state at one instant.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta
from typing import Any

from rich.table import Table
from sqlalchemy import Select, and_, case, func, literal, or_, select, text, union_all
from sqlalchemy.ext.asyncio import AsyncSession

from bangwo.domain.flight import parse_flight_id
from bangwo.providers.demo.flights import flight_by_id
from bangwo.providers.demo.grocery import stock_units
from bangwo.providers.demo.hotels import HOTEL_BY_ID
from bangwo.store.engine import Store
from bangwo.store.tables import (
    Account,
    CampaignRow,
    Card,
    LedgerEntry,
    OrderDispatch,
    OrderRow,
    OutboxEvent,
    SeatHold,
    StockHold,
    TicketRow,
)

EXAMPLES = 5  # example ids kept per violated check
ID_CHUNK = 500  # acknowledged ids looked up this many at a time (a bounded IN list)
# The longest a proposal, and so its holds, can last (BANGWO_PROPOSAL_SECONDS is at most 3600, config.py).
LONGEST_HOLD_SECONDS = 3600
PAYMENT_REASON = "order_payment"
REFUND_REASONS = ("order_refund", "booking_failed")
CANCEL_EVENTS = ("order.cancelled", "order.failed")
# Orders of these domains were paid for goods held with their card (seats, stock, rooms); food holds nothing.
HOLDING_DOMAINS = ("movie", "grocery", "flight", "hotel", "trip")
DELIVERED_DOMAINS = ("food", "grocery")  # paid: a delivery is planned (accepted_at is set)
TICKETED_DOMAINS = ("movie", "flight", "trip")  # paid: one valid ticket per seat, one per flight passenger
LIVE_TICKET = ("valid", "used")

CapacityOf = Callable[[str], int | None]  # an inventory item's key -> the units its provider has (None: unknown)


@dataclass(frozen=True, slots=True)
class CheckResult:
    name: str
    what: str  # the promise, in a sentence
    violations: int = 0
    examples: tuple[str, ...] = ()
    detail: str = ""  # figures that help read the result (checked counts, totals)

    @property
    def ok(self) -> bool:
        return self.violations == 0


@dataclass(frozen=True, slots=True)
class InvariantReport:
    now: datetime
    checks: tuple[CheckResult, ...]

    @property
    def ok(self) -> bool:
        return all(check.ok for check in self.checks)

    @property
    def violated(self) -> list[str]:
        return [check.name for check in self.checks if not check.ok]

    def check(self, name: str) -> CheckResult:
        return next(check for check in self.checks if check.name == name)

    def with_checks(self, extra: Iterable[CheckResult]) -> InvariantReport:
        """The report with checks made elsewhere (a load test's own, on what the clients saw)."""
        return InvariantReport(self.now, (*self.checks, *extra))

    def as_json(self) -> dict[str, Any]:
        return {
            "now": self.now.isoformat(),
            "ok": self.ok,
            "violated": self.violated,
            "checks": [asdict(check) | {"ok": check.ok} for check in self.checks],
        }


def demo_capacity(item_key: str) -> int | None:
    """What the demo providers have of a counted item: a shop's product, a flight's cabin, a hotel's room type
    on a night (the keys inventory.py holds them under); None for a key of another provider."""
    kind, _, rest = item_key.partition(":")
    if kind == "sku":
        return stock_units(rest)
    if kind == "flight":
        flight_id, _, cabin = rest.rpartition(":")
        try:
            _, day = parse_flight_id(flight_id)
        except ValueError:
            return None
        # A flight's cabins hold the same on any day; its own day is always on a calendar that starts then.
        flight = flight_by_id(flight_id, day)
        return flight.seats.get(cabin, 0) if flight else None
    if kind == "hotel":
        hotel_id, _, room_and_night = rest.partition(":")
        room_type_id = room_and_night.partition(":")[0]
        hotel = HOTEL_BY_ID.get(hotel_id)
        room_type = hotel.room_type(room_type_id) if hotel else None
        return room_type.rooms if room_type else None
    return None


async def check_invariants(
    store: Store,
    now: datetime,
    acknowledged: Collection[str] = (),
    *,
    capacity_of: CapacityOf = demo_capacity,
    longest_hold_seconds: int = LONGEST_HOLD_SECONDS,
    relay_drained: bool = False,
) -> InvariantReport:
    """Check every invariant against the store as it is at `now` (the service's clock: holds expire by it).

    acknowledged: the ids of orders a client was told were made (201 from a confirm); each must exist.
    relay_drained: the outbox relay ran until nothing was left (after a chaos run): also check that every event
    was delivered and every order's dispatch agrees with it. Off by default: while a relay is behind, or none
    runs, undelivered events are normal."""
    async with store.read() as session:
        if session.bind.dialect.name == "postgresql":  # one snapshot for every check below
            await session.execute(text("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY"))
        checks = [
            await _acknowledged_orders_exist(session, acknowledged),
            await _transfers_balanced(session),
            await _balances_match_entries(session),
            await _wallets_not_negative(session),
            await _orders_paid_once(session),
            await _cancelled_orders_refunded(session),
            await _orders_have_outbox_events(session),
            await _campaign_budgets_exact(session),
            await _cards_redeemed_by_paid_orders(session),
            await _cards_within_cap(session),
            await _seats_sold_once(session),
            await _stock_within_capacity(session, now, capacity_of),
            await _holds_left_behind(session, now, longest_hold_seconds),
            await _paid_orders_sold_their_holds(session),
            await _orders_fulfilled_or_undone(session),
        ]
        if relay_drained:
            checks.append(await _order_events_delivered(session))
    return InvariantReport(now, tuple(checks))


async def _count_and_examples(session: AsyncSession, offenders: Select[Any]) -> tuple[int, tuple[str, ...]]:
    """How many rows a query of offending ids returns, and the first few of them."""
    count = await session.scalar(select(func.count()).select_from(offenders.subquery())) or 0
    examples = tuple(str(value) for value in await session.scalars(offenders.limit(EXAMPLES))) if count else ()
    return int(count), examples


async def _result(session: AsyncSession, name: str, what: str, offenders: Select[Any], detail: str = "") -> CheckResult:
    count, examples = await _count_and_examples(session, offenders)
    return CheckResult(name, what, count, examples, detail)


async def _acknowledged_orders_exist(session: AsyncSession, acknowledged: Collection[str]) -> CheckResult:
    wanted = sorted(set(acknowledged))
    found: set[str] = set()
    for start in range(0, len(wanted), ID_CHUNK):
        chunk = wanted[start : start + ID_CHUNK]
        found.update(await session.scalars(select(OrderRow.id).where(OrderRow.id.in_(chunk))))
    missing = [order_id for order_id in wanted if order_id not in found]
    return CheckResult(
        "acknowledged_orders_exist",
        "every order a client was given (201 from a confirm) is in the store (ids are unique: once)",
        len(missing),
        tuple(missing[:EXAMPLES]),
        f"{len(wanted)} acknowledged, {len(found)} found",
    )


async def _transfers_balanced(session: AsyncSession) -> CheckResult:
    unbalanced = (
        select(LedgerEntry.transfer_id)
        .group_by(LedgerEntry.transfer_id)
        .having(func.sum(LedgerEntry.amount_fen) != 0)
    )
    total = int(await session.scalar(select(func.coalesce(func.sum(LedgerEntry.amount_fen), 0))) or 0)
    transfers = await session.scalar(select(func.count(LedgerEntry.transfer_id.distinct()))) or 0
    result = await _result(
        session, "ledger_transfers_balanced", "the legs of every transfer sum to zero, so the whole ledger does",
        unbalanced, f"{transfers} transfers; the whole ledger sums to {total} fen",
    )
    if total != 0 and result.ok:  # cannot happen when every transfer balances; said rather than assumed
        return CheckResult(result.name, result.what, 1, ("<whole ledger>",), result.detail)
    return result


async def _balances_match_entries(session: AsyncSession) -> CheckResult:
    sums = (
        select(LedgerEntry.account_id, func.sum(LedgerEntry.amount_fen).label("sum_fen"))
        .group_by(LedgerEntry.account_id)
        .subquery()
    )
    drifted = (
        select(Account.id)
        .outerjoin(sums, sums.c.account_id == Account.id)
        .where(Account.balance_fen != func.coalesce(sums.c.sum_fen, 0))
    )
    # An entry on an account that does not exist has no balance to agree with (the foreign key forbids it).
    orphaned = select(sums.c.account_id).outerjoin(Account, Account.id == sums.c.account_id).where(Account.id.is_(None))
    accounts = await session.scalar(select(func.count()).select_from(Account)) or 0
    return await _result(
        session, "account_balances_match_entries", "every account's balance_fen is the sum of its ledger entries",
        union_all(drifted, orphaned).subquery().select(), f"{accounts} accounts",
    )


async def _wallets_not_negative(session: AsyncSession) -> CheckResult:
    negative = select(Account.id).where(Account.kind == "wallet", Account.balance_fen < 0)
    return await _result(session, "wallets_not_negative", "no wallet is below zero", negative)


def _wallet_legs(reasons: tuple[str, ...]) -> Any:
    """Per order: what its person's wallet got in transfers of these reasons, and in how many transfers."""
    return (
        select(
            LedgerEntry.order_id,
            LedgerEntry.account_id,
            func.sum(LedgerEntry.amount_fen).label("amount_fen"),
            func.count(LedgerEntry.transfer_id.distinct()).label("transfers"),
        )
        .where(LedgerEntry.reason.in_(reasons), LedgerEntry.order_id.is_not(None))
        .group_by(LedgerEntry.order_id, LedgerEntry.account_id)
        .subquery()
    )


def _own_wallet(legs: Any) -> Any:
    return and_(legs.c.order_id == OrderRow.id, legs.c.account_id == literal("wallet:") + OrderRow.user_id)


async def _orders_paid_once(session: AsyncSession) -> CheckResult:
    legs = _wallet_legs((PAYMENT_REASON,))
    unpaid = (
        select(OrderRow.id)
        .outerjoin(legs, _own_wallet(legs))
        .where(or_(legs.c.order_id.is_(None), legs.c.transfers != 1, legs.c.amount_fen != -OrderRow.pay_fen))
    )
    orders = await session.scalar(select(func.count()).select_from(OrderRow)) or 0
    return await _result(
        session, "orders_paid_once", "every order was paid from its person's wallet in exactly one transfer of pay_fen",
        unpaid, f"{orders} orders",
    )


async def _cancelled_orders_refunded(session: AsyncSession) -> CheckResult:
    legs = _wallet_legs(REFUND_REASONS)
    is_cancelled = OrderRow.status == "cancelled"
    wrong = (
        select(OrderRow.id)
        .outerjoin(legs, _own_wallet(legs))
        .where(
            or_(
                and_(is_cancelled, or_(legs.c.order_id.is_(None), legs.c.transfers != 1,
                                       legs.c.amount_fen != OrderRow.pay_fen)),
                and_(~is_cancelled, legs.c.order_id.is_not(None)),  # a refund of an order still paid
            )
        )
    )
    cancelled = await session.scalar(select(func.count()).select_from(OrderRow).where(is_cancelled)) or 0
    return await _result(
        session, "cancelled_orders_refunded",
        "every cancelled order was refunded to its wallet in exactly one transfer of pay_fen; no paid order was",
        wrong, f"{cancelled} cancelled orders",
    )


async def _orders_have_outbox_events(session: AsyncSession) -> CheckResult:
    events = (
        select(
            OutboxEvent.aggregate_id,
            func.sum(case((OutboxEvent.kind == "order.paid", 1), else_=0)).label("paid"),
            func.sum(case((OutboxEvent.kind.in_(CANCEL_EVENTS), 1), else_=0)).label("cancelled"),
        )
        .where(OutboxEvent.kind.in_(("order.paid", *CANCEL_EVENTS)))
        .group_by(OutboxEvent.aggregate_id)
        .subquery()
    )
    expected_cancel_events = case((OrderRow.status == "cancelled", 1), else_=0)
    missing = (
        select(OrderRow.id)
        .outerjoin(events, events.c.aggregate_id == OrderRow.id)
        .where(
            or_(
                events.c.aggregate_id.is_(None),
                events.c.paid != 1,
                events.c.cancelled != expected_cancel_events,
            )
        )
    )
    return await _result(
        session, "orders_have_outbox_events",
        "every order has exactly one order.paid event, and a cancelled one exactly one order.cancelled/failed",
        missing,
    )


async def _campaign_budgets_exact(session: AsyncSession) -> CheckResult:
    spent = (
        select(Card.campaign, func.sum(OrderRow.discount_fen).label("fen"))
        .join(Card, Card.id == OrderRow.card_id)
        .where(OrderRow.status == "paid")
        .group_by(Card.campaign)
        .subquery()
    )
    paid_by_account = (
        select(LedgerEntry.account_id, func.sum(LedgerEntry.amount_fen).label("fen"))
        .where(LedgerEntry.account_id.like("campaign:%"))
        .group_by(LedgerEntry.account_id)
        .subquery()
    )
    rows = (
        await session.execute(
            select(CampaignRow.id, CampaignRow.redeemed_fen, CampaignRow.budget_fen,
                   func.coalesce(spent.c.fen, 0), func.coalesce(paid_by_account.c.fen, 0))
            .outerjoin(spent, spent.c.campaign == CampaignRow.id)
            .outerjoin(paid_by_account, paid_by_account.c.account_id == literal("campaign:") + CampaignRow.id)
            .order_by(CampaignRow.id)
        )
    ).all()
    wrong = []
    figures = []
    for campaign_id, redeemed, budget, discounts, ledger in rows:
        figures.append(f"{campaign_id}: redeemed {redeemed} of {budget} fen, paid orders' cards {discounts}, "
                       f"ledger {-ledger}")
        if redeemed != discounts or redeemed > budget or -ledger != redeemed or redeemed < 0:
            wrong.append(campaign_id)
    return CheckResult(
        "campaign_budgets_exact",
        "each campaign's redeemed_fen equals the card discounts of its paid orders and its ledger account, "
        "within budget_fen",
        len(wrong), tuple(wrong[:EXAMPLES]), "; ".join(figures[:EXAMPLES]),
    )


async def _cards_redeemed_by_paid_orders(session: AsyncSession) -> CheckResult:
    card_not_spent = (
        select(OrderRow.id)
        .outerjoin(Card, Card.id == OrderRow.card_id)
        .where(OrderRow.status == "paid", OrderRow.card_id.is_not(None))
        .where(or_(Card.id.is_(None), Card.status != "redeemed", Card.order_id != OrderRow.id))
    )
    spent_without_order = (
        select(Card.id)
        .outerjoin(OrderRow, and_(OrderRow.id == Card.order_id, OrderRow.card_id == Card.id))
        .where(Card.status == "redeemed", or_(OrderRow.id.is_(None), OrderRow.status != "paid"))
    )
    return await _result(
        session, "cards_redeemed_by_paid_orders",
        "each paid order's card is redeemed by that order, and every redeemed card by a paid order",
        union_all(card_not_spent, spent_without_order).subquery().select(),
    )


async def _cards_within_cap(session: AsyncSession) -> CheckResult:
    # Every card counts towards the cap, revoked and expired ones too (promo/cards.py issue_card).
    over = (
        select(Card.user_id)
        .join(CampaignRow, CampaignRow.id == Card.campaign)
        .group_by(Card.user_id, Card.campaign, CampaignRow.cap_per_person)
        .having(func.count() > CampaignRow.cap_per_person)
    )
    per_person = (
        select(func.count().label("cards")).select_from(Card).group_by(Card.user_id, Card.campaign).subquery()
    )
    most = await session.scalar(select(func.max(per_person.c.cards)))
    return await _result(
        session, "cards_within_cap", "nobody holds more of a campaign's cards than its cap_per_person (21 by default)",
        over, f"most cards of one campaign held by one person: {most or 0}",
    )


async def _seats_sold_once(session: AsyncSession) -> CheckResult:
    # Flight tickets number passengers P1, P2... per order, so only a movie order's tickets name a seat.
    ticketed_twice = (
        select((TicketRow.showing_id + literal(" ") + TicketRow.seat_id).label("seat"))
        .join(OrderRow, OrderRow.id == TicketRow.order_id)
        .where(OrderRow.domain == "movie", TicketRow.status.in_(("valid", "used")))
        .group_by(TicketRow.showing_id, TicketRow.seat_id)
        .having(func.count() > 1)
    )
    held_twice = (  # the unique (showing, seat) constraint forbids it; checked in case it was ever dropped
        select((SeatHold.showing_id + literal(" ") + SeatHold.seat_id).label("seat"))
        .group_by(SeatHold.showing_id, SeatHold.seat_id)
        .having(func.count() > 1)
    )
    sold = await session.scalar(select(func.count()).select_from(SeatHold).where(SeatHold.status == "sold")) or 0
    return await _result(
        session, "seats_sold_once", "no seat of a showing has two valid tickets or two holds",
        union_all(ticketed_twice, held_twice).subquery().select(), f"{sold} seats sold",
    )


async def _stock_within_capacity(session: AsyncSession, now: datetime, capacity_of: CapacityOf) -> CheckResult:
    # What the providers count as taken (inventory.free_units): sales, and holds that have not expired.
    taken = await session.execute(
        select(StockHold.item_key, func.sum(StockHold.quantity))
        .where(or_(StockHold.status == "sold", StockHold.expires_at > now))
        .group_by(StockHold.item_key)
    )
    over: list[str] = []
    unknown: list[str] = []
    items = 0
    for item_key, units in taken.tuples():
        items += 1
        capacity = capacity_of(item_key)
        if capacity is None:
            unknown.append(item_key)
        elif int(units or 0) > capacity:
            over.append(f"{item_key} ({units} > {capacity})")
    detail = f"{items} items sold or held"
    if unknown:
        detail += f"; {len(unknown)} of unknown capacity, not checked (e.g. {unknown[0]})"
    return CheckResult(
        "stock_within_capacity",
        "no shop's stock, flight cabin or hotel room night is sold or held beyond what the provider has",
        len(over), tuple(over[:EXAMPLES]), detail,
    )


async def _holds_left_behind(session: AsyncSession, now: datetime, longest_hold_seconds: int) -> CheckResult:
    """Holds expire by themselves: a held row counts as taken only while expires_at > now (free_units,
    unavailable_seats), and the next hold of the same goods deletes it. So an expired held row is harmless.
    Left behind is what is counted as taken and will never be freed: a held row that will not expire within
    the longest a proposal lasts, a held row that names an order (a sale half made), a sale whose order is
    gone or was cancelled (a refund that did not put the goods back)."""
    never_expires = now + timedelta(seconds=longest_hold_seconds)
    offenders = []
    expired = 0
    for table in (SeatHold, StockHold):
        offenders.append(
            select(table.hold_id)
            .outerjoin(OrderRow, OrderRow.id == table.order_id)
            .where(
                or_(
                    and_(table.status == "held", or_(table.expires_at > never_expires, table.order_id.is_not(None))),
                    and_(table.status == "sold", or_(OrderRow.id.is_(None), OrderRow.status != "paid")),
                    table.status.not_in(("held", "sold")),
                )
            )
        )
        expired += await session.scalar(
            select(func.count()).select_from(table).where(table.status == "held", table.expires_at <= now)
        ) or 0
    return await _result(
        session, "no_hold_left_behind",
        "nothing is counted as taken that will never be freed: holds expire within a proposal's life, "
        "a cancelled order's goods are back",
        union_all(*offenders).subquery().select(),
        f"{expired} expired holds not yet cleared (not counted as taken: they free themselves)",
    )


async def _paid_orders_sold_their_holds(session: AsyncSession) -> CheckResult:
    """A paid order of a holding domain has goods sold to it under every hold its card listed: a trip whose
    flight was booked but not its hotel (a crash between the legs) is caught, not only one with nothing sold."""
    orders = 0
    unsold: list[str] = []
    paid = (
        select(OrderRow.id, OrderRow.details)
        .where(OrderRow.status == "paid", OrderRow.domain.in_(HOLDING_DOMAINS))
        .order_by(OrderRow.id)
    )
    rows = (await session.execute(paid)).all()
    for start in range(0, len(rows), ID_CHUNK):  # the sold holds of a bounded number of orders at a time
        chunk = rows[start : start + ID_CHUNK]
        ids = [order_id for order_id, _ in chunk]
        sold = set(
            (
                await session.execute(
                    union_all(
                        select(SeatHold.order_id, SeatHold.hold_id).where(SeatHold.status == "sold",
                                                                          SeatHold.order_id.in_(ids)),
                        select(StockHold.order_id, StockHold.hold_id).where(StockHold.status == "sold",
                                                                            StockHold.order_id.in_(ids)),
                    )
                )
            ).tuples()
        )
        sold_to = {order_id for order_id, _ in sold}
        for order_id, details in chunk:
            orders += 1
            listed = {hold.get("hold_id") for hold in (details or {}).get("holds") or []}
            if order_id not in sold_to or any((order_id, hold_id) not in sold for hold_id in listed):
                unsold.append(order_id)
    return CheckResult(
        "paid_orders_sold_their_holds",
        "every paid order of seats, stock or rooms has goods sold to it under each hold of its card "
        "(each leg of a trip booked)",
        len(unsold), tuple(unsold[:EXAMPLES]), f"{orders} paid orders of held goods",
    )


def _tickets_due(domain: str, lines: list[dict[str, Any]]) -> dict[str, int]:
    """Valid tickets a paid order must have, by what they are for (a flight's id): one per flight passenger.
    A movie order's are counted per sold seat instead (see `_orders_fulfilled_or_undone`)."""
    due: dict[str, int] = {}
    if domain not in ("flight", "trip"):
        return due
    for line in lines or []:
        details = line.get("details") or {}
        if details.get("kind") == "flight":
            passengers = len(details.get("passengers") or []) or int(line.get("quantity") or 0)
            due[details["flight_id"]] = due.get(details["flight_id"], 0) + passengers
    return due


async def _orders_fulfilled_or_undone(session: AsyncSession) -> CheckResult:
    """Completed or compensated, beyond the money: a paid food or grocery order has its delivery planned, a paid
    movie order a valid ticket for each seat sold to it, a paid flight (or a trip's flight) one for each
    passenger; a cancelled or failed order has no valid ticket left."""
    undelivered = select(OrderRow.id).where(
        OrderRow.status == "paid", OrderRow.domain.in_(DELIVERED_DOMAINS), OrderRow.accepted_at.is_(None)
    )
    seat_ticketed = (
        select(TicketRow.code)
        .where(TicketRow.order_id == SeatHold.order_id, TicketRow.showing_id == SeatHold.showing_id,
               TicketRow.seat_id == SeatHold.seat_id, TicketRow.status.in_(LIVE_TICKET))
        .exists()
    )
    seat_without_ticket = (
        select(OrderRow.id)
        .join(SeatHold, and_(SeatHold.order_id == OrderRow.id, SeatHold.status == "sold"))
        .where(OrderRow.status == "paid", OrderRow.domain == "movie", ~seat_ticketed)
    )
    cancelled_with_ticket = (
        select(OrderRow.id)
        .join(TicketRow, TicketRow.order_id == OrderRow.id)
        .where(OrderRow.status != "paid", TicketRow.status.in_(LIVE_TICKET))
    )
    offenders = set(await session.scalars(union_all(undelivered, seat_without_ticket, cancelled_with_ticket)))
    flights = (
        await session.execute(
            select(OrderRow.id, OrderRow.domain, OrderRow.lines)
            .where(OrderRow.status == "paid", OrderRow.domain.in_(("flight", "trip")))
        )
    ).all()
    issued: dict[tuple[str, str], int] = {}
    for start in range(0, len(flights), ID_CHUNK):
        ids = [order_id for order_id, _, _ in flights[start : start + ID_CHUNK]]
        counted = await session.execute(
            select(TicketRow.order_id, TicketRow.showing_id, func.count())
            .where(TicketRow.order_id.in_(ids), TicketRow.status.in_(LIVE_TICKET))
            .group_by(TicketRow.order_id, TicketRow.showing_id)
        )
        issued.update({(order_id, flight_id): count for order_id, flight_id, count in counted.tuples()})
    for order_id, domain, lines in flights:
        due = _tickets_due(domain, lines)
        if any(issued.get((order_id, flight_id), 0) < count for flight_id, count in due.items()):
            offenders.add(order_id)
    examples = sorted(offenders)
    paid = await session.scalar(select(func.count()).select_from(OrderRow).where(OrderRow.status == "paid")) or 0
    return CheckResult(
        "orders_fulfilled_or_undone",
        "every paid order has its delivery planned or its tickets issued (one per seat, one per flight passenger); "
        "no cancelled or failed order keeps a valid ticket",
        len(examples), tuple(examples[:EXAMPLES]), f"{paid} paid orders",
    )


async def _order_events_delivered(session: AsyncSession) -> CheckResult:
    """After the relay drained: no event waits, and each order's dispatch agrees with the order."""
    undelivered = await session.execute(
        select(OutboxEvent.id, OutboxEvent.kind, OutboxEvent.aggregate_id, OutboxEvent.attempts,
               OutboxEvent.last_error)
        .where(OutboxEvent.delivered_at.is_(None))
        .order_by(OutboxEvent.id)
    )
    waiting = [
        f"event {event_id} {kind} of {order_id}" + (f" ({attempts} failed tries: {error})" if attempts else "")
        for event_id, kind, order_id, attempts, error in undelivered.tuples()
    ]
    expected = case((OrderRow.status == "paid", literal("dispatched")), else_=literal("withdrawn"))
    wrong_dispatch = (
        select(OrderRow.id, OrderRow.status, OrderDispatch.status)
        .outerjoin(OrderDispatch, OrderDispatch.order_id == OrderRow.id)
        .where(or_(OrderDispatch.order_id.is_(None), OrderDispatch.status != expected))
        .order_by(OrderRow.id)
    )
    mismatched = [
        f"order {order_id} {status}, dispatch {dispatch or 'missing'}"
        for order_id, status, dispatch in (await session.execute(wrong_dispatch)).tuples()
    ]
    events = await session.scalar(select(func.count()).select_from(OutboxEvent)) or 0
    offenders = waiting + mismatched
    return CheckResult(
        "order_events_delivered",
        "the relay delivered every outbox event, and each order's dispatch agrees with it "
        "(dispatched when paid, withdrawn when cancelled or failed)",
        len(offenders), tuple(offenders[:EXAMPLES]),
        f"{events} events, {len(waiting)} undelivered; {len(mismatched)} dispatches that disagree",
    )


def report_table(report: InvariantReport, title: str = "invariants") -> Table:
    table = Table(title=f"{title} at {report.now.isoformat()}", title_justify="left")
    table.add_column("check")
    table.add_column("result")
    table.add_column("violations", justify="right")
    table.add_column("examples / figures", overflow="fold")
    for check in report.checks:
        result = "[green]ok[/green]" if check.ok else "[bold red]VIOLATED[/bold red]"
        notes = ", ".join(check.examples) if check.examples else check.detail
        if check.examples and check.detail:
            notes += f"  ({check.detail})"
        table.add_row(check.name, result, str(check.violations), notes)
    return table


@dataclass(slots=True)
class Acknowledged:
    """What clients were told: order ids from 201 confirms, and the ids seen under each Idempotency-Key."""

    by_key: dict[str, set[str]] = field(default_factory=dict)

    def record(self, idempotency_key: str, order_id: str) -> None:
        self.by_key.setdefault(idempotency_key, set()).add(order_id)

    @property
    def order_ids(self) -> set[str]:
        return {order_id for ids in self.by_key.values() for order_id in ids}

    def replays_check(self) -> CheckResult:
        """Retries under one key must all have answered with one order: two would be a double charge."""
        split = sorted(key for key, ids in self.by_key.items() if len(ids) > 1)
        return CheckResult(
            "one_order_per_idempotency_key",
            "every confirm retried under one Idempotency-Key was answered with the same order",
            len(split), tuple(split[:EXAMPLES]), f"{len(self.by_key)} keys acknowledged",
        )
