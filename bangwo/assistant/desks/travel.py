"""The travel desk: flights, hotels, and a trip of several legs as one card and one payment.

The skills choose; the desk holds seats and rooms in the store (the next offer when one is full,
reading again when another buyer was faster) and books a trip as a saga: the payment first,
then each leg in its own transaction. If a leg cannot be booked, everything already done is
undone (legs refunded, holds released, money back, card restored) and the person is told.
"""

from __future__ import annotations

import contextlib
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import select

from bangwo.assistant.fulfilment import TravelBooking
from bangwo.assistant.reply import Reply
from bangwo.assistant.skills.flight import DEFAULT_CABIN, FlightSkill
from bangwo.assistant.skills.food import CardOffer, Refusal, say
from bangwo.assistant.skills.hotel import HotelSkill, no_rooms_sentence, room_count, stay_nights
from bangwo.assistant.skills.trip import combine_trip
from bangwo.commerce.checkout import BudgetGuard, Fulfillers, cancel_order
from bangwo.commerce.orders import list_orders, load_order, read_order
from bangwo.domain.clock import Clock, local
from bangwo.domain.errors import Conflict
from bangwo.domain.frame import IntentFrame, Lang
from bangwo.domain.ids import new_id
from bangwo.domain.money import format_fen
from bangwo.domain.proposal import Order, Proposal, ProposalLine
from bangwo.providers.base import OutOfStock
from bangwo.store.engine import Store
from bangwo.store.tables import OrderRow
from bangwo.store.writes import run_writes

log = logging.getLogger("bangwo.travel")

# Another buyer may take the last seat or room between reading and holding; read again this often.
HOLD_ATTEMPTS = 5
# Offers tried, best first, when the best ones are full.
OFFERS_TRIED = 8
MAX_PASSENGERS = 9
# A trip's legs are booked right after payment; one still unbooked after the grace was interrupted by a crash.
# Older than the lookback, its holds have long lapsed and it was taken up (or undone) long before.
UNFINISHED_TRIP_GRACE = timedelta(seconds=30)
UNFINISHED_TRIP_LOOKBACK = timedelta(days=7)
LEG_WORDS = {"flight": ("机票", "flight"), "hotel": ("酒店", "hotel")}
_NAME_SEPARATORS = re.compile(r"\s*(?:[、,，/&;；]|\band\b|和)\s*")


def passenger_names(text: str) -> list[str]:
    """ "张三、李四" / "Lin Wei and Chen Jie" -> the names, in order."""
    return [name.strip() for name in _NAME_SEPARATORS.split(text.strip()) if name.strip()]


class BookingFailed(Conflict):
    """A leg of a trip could not be booked after payment; the whole trip was undone."""

    def __init__(self, order: Order, leg_domain: str) -> None:
        zh_leg, en_leg = LEG_WORDS.get(leg_domain, (leg_domain, leg_domain))
        super().__init__(
            f"the {en_leg} could not be booked, so the whole trip was undone: {format_fen(order.pay)} is back in "
            "your wallet, the free-order card is restored, and no seat or room is held",
            code="booking_failed",
            order_id=order.id,
            leg=leg_domain,
        )
        self.order = order
        self.zh = (
            f"{zh_leg}没订上，整个行程已撤销：{format_fen(order.pay)}已退回钱包，免单卡已退回，座位和房间都已释放。"
        )


class TravelDesk:
    def __init__(
        self,
        *,
        store: Store,
        clock: Clock,
        flights: FlightSkill,
        hotels: HotelSkill,
        booking: TravelBooking,
        proposal_seconds: int,
        budget: BudgetGuard | None = None,
    ) -> None:
        self.store = store
        self.clock = clock
        self.flights = flights
        self.hotels = hotels
        self.booking = booking
        self.proposal_seconds = proposal_seconds
        self.budget = budget  # the campaign budget's fast counter, if any

    @property
    def start_day(self) -> date:
        return local(self.clock.started_at).date()

    async def propose(
        self,
        frames: Sequence[IntentFrame],
        *,
        lang: Lang,
        card: CardOffer | None,
        passengers: list[str],
        now: datetime,
    ) -> Proposal | Refusal:
        """One card for the frames: a flight, a hotel, or a trip of both. Every leg is held, or none."""
        until = now + timedelta(seconds=self.proposal_seconds)
        legs: list[Proposal] = []
        for frame in frames:
            leg_card = card if len(frames) == 1 else None  # a trip takes one card, on the whole
            leg = (
                await self._flight(frame, lang, leg_card, passengers, now, until)
                if frame.domain == "flight"
                else await self._hotel(frame, lang, leg_card, now, until)
            )
            if isinstance(leg, Refusal):
                async with self.store.transaction() as session:
                    await self.booking.goods.release(session, [hold for held in legs for hold in held.holds])
                return leg
            legs.append(leg)
        return legs[0] if len(legs) == 1 else combine_trip(legs, card=card, lang=lang, hold_until=until)

    async def _flight(
        self,
        frame: IntentFrame,
        lang: Lang,
        card: CardOffer | None,
        passengers: list[str],
        now: datetime,
        until: datetime,
    ) -> Proposal | Refusal:
        origin, destination = self.flights.city(frame.origin or ""), self.flights.city(frame.destination or "")
        if origin is None or destination is None:
            unknown = frame.origin if origin is None else frame.destination
            return Refusal(say(lang, f"还没有飞「{unknown}」的航班。", f"There are no flights for '{unknown}' yet."))
        if origin.id == destination.id:
            return Refusal(say(lang, "出发地和目的地是同一个城市。", "The departure and arrival cities are the same."))
        if len(passengers) > MAX_PASSENGERS:
            return Refusal(say(lang, f"一次最多{MAX_PASSENGERS}位乘客。", f"At most {MAX_PASSENGERS} passengers."))
        cabin = frame.cabin or DEFAULT_CABIN
        offers = self.flights.offers(frame, origin, destination, self.start_day, now, frame.prefer)[:OFFERS_TRIED]
        hold_id = new_id("h")
        for _ in range(HOLD_ATTEMPTS):
            try:
                async with self.store.transaction() as session:
                    for flight, name in offers:
                        provider = self.flights.providers[name]
                        free = await provider.free_seats(session, [flight.id], cabin, now)
                        if free.get(flight.id, 0) < len(passengers):
                            continue
                        await provider.hold_seats(
                            session,
                            flight.id,
                            cabin,
                            len(passengers),
                            hold_id=hold_id,
                            until=until,
                            now=now,
                            clock_start_day=self.start_day,
                        )
                        return self.flights.proposal(
                            flight,
                            name,
                            cabin=cabin,
                            passengers=len(passengers),
                            lang=lang,
                            card=card,
                            now=now,
                            hold_id=hold_id,
                            hold_until=until,
                            passenger_names=passengers,
                        )
                    break
            except OutOfStock:
                continue  # someone was faster: read again
        return Refusal(self.flights.explain_none(frame, origin, destination, lang))

    async def _hotel(
        self, frame: IntentFrame, lang: Lang, card: CardOffer | None, now: datetime, until: datetime
    ) -> Proposal | Refusal:
        nights = stay_nights(frame, now, lang)
        if isinstance(nights, Refusal):
            return nights
        rooms = room_count(frame, lang)
        if isinstance(rooms, Refusal):
            return rooms
        if frame.city and self.hotels.place(frame)[0] is None:
            unknown = frame.city
            return Refusal(say(lang, f"还没有「{unknown}」的酒店可订。", f"There are no hotels in '{unknown}' yet."))
        offers = self.hotels.offers(frame, self.start_day, nights)
        offers, hotel_note = self.hotels.of_the_hotel_named(frame, offers, lang)
        offers = offers[:OFFERS_TRIED]
        hold_id = new_id("h")
        for _ in range(HOLD_ATTEMPTS):
            try:
                async with self.store.transaction() as session:
                    for offer in offers:
                        provider = self.hotels.providers[offer.provider]
                        free = await provider.free_rooms(session, offer.hotel.id, offer.room_type.id, nights, now)
                        if min(free.values()) < rooms:
                            continue
                        await provider.hold_rooms(
                            session,
                            offer.hotel.id,
                            offer.room_type.id,
                            nights,
                            rooms,
                            hold_id=hold_id,
                            until=until,
                            now=now,
                        )
                        proposal = self.hotels.proposal(
                            offer, rooms=rooms, lang=lang, card=card, hold_id=hold_id, hold_until=until
                        )
                        if hotel_note:
                            proposal.notes.insert(0, hotel_note)
                        return proposal
                    break
            except OutOfStock:
                continue
        city, landmark = self.hotels.place(frame)
        return Refusal(no_rooms_sentence(city, landmark, frame.budget_max, lang))

    def ask_passengers(self, count: int, lang: Lang) -> str:
        if count == 1:
            return say(lang, "乘机人姓名是？", "What is the passenger's full name?")
        return say(
            lang,
            f"请告诉我{count}位乘机人的姓名，用顿号隔开，比如「张三、李四」。",
            f"Tell me the names of the {count} passengers, separated by commas, e.g. 'Lin Wei, Chen Jie'.",
        )

    def _orders_with(self, orders: list[Order], domain: str) -> list[Order]:
        """The person's orders of this kind, trips that include one among them."""
        return [o for o in orders if o.domain == domain or any(line.details.get("kind") == domain for line in o.lines)]

    async def status(self, user_id: str, chat_id: str, domain: str, lang: Lang, now: datetime) -> Reply:
        async with self.store.read() as session:
            orders = self._orders_with(await list_orders(session, user_id, now, limit=20), domain)
        paid = [o for o in orders if o.status == "paid"]
        zh, en = LEG_WORDS[domain]
        if not paid:
            return Reply(chat_id, "answer", say(lang, f"你还没有订{zh}。", f"You have no {en} booked."))
        text = " ".join(describe_travel_order(o, lang) for o in paid)
        return Reply(chat_id, "answer", say(lang, f"订好了：{text}", f"Yes, booked: {text}"), order=paid[0])

    async def cancel(
        self, user_id: str, chat_id: str, domain: str, lang: Lang, now: datetime, fulfillers: Fulfillers
    ) -> Reply:
        async with self.store.read() as session:
            orders = self._orders_with(await list_orders(session, user_id, now, limit=20), domain)
        target = next((o for o in orders if o.cancellable), None)
        zh, en = LEG_WORDS[domain]
        if target is None:
            late = any(o.status == "paid" for o in orders)
            return Reply(chat_id, "answer", say(
                lang,
                f"{zh}已经过了免费取消的时间。" if late else f"没有可以取消的{zh}订单。",
                f"The free cancellation time for that {en} has passed." if late else f"There is no {en} to cancel.",
            ))
        order = await cancel_order(
            self.store, user_id=user_id, order_id=target.id, now=now, fulfillers=fulfillers, budget=self.budget
        )
        whole = say(lang, "整个行程", "the whole trip") if order.domain == "trip" else say(lang, zh, en)
        card = say(lang, "，免单卡已退回", " and your free-order card is back") if order.discount else ""
        return Reply(chat_id, "done", say(
            lang,
            f"已取消{whole}：{format_fen(order.pay)}已退回钱包{card}。",
            f"Cancelled {whole}: {format_fen(order.pay)} is back in your wallet{card}.",
        ), order=order)

    async def book_trip(self, order: Order, *, user_id: str, now: datetime, fulfillers: Fulfillers) -> Order:
        """The saga's second half, once the trip is paid: book each leg in its own transaction; if one
        fails, undo everything (BookingFailed)."""
        async with self.store.read() as session:
            row = await load_order(session, order.id, user_id)
            holds, lines = row.details.get("holds") or [], row.lines
        for leg in sorted({hold["leg"] for hold in holds}):
            leg_holds = [hold for hold in holds if hold["leg"] == leg]
            try:
                async with self.store.transaction() as session:
                    row = await load_order(session, order.id, user_id, lock=True)
                    booked = row.details.get("booked_legs") or []
                    if row.status != "paid" or leg in booked:
                        continue  # undone meanwhile, or booked by an earlier try that a crash interrupted
                    writes, _ = self.booking.booking(row, leg_holds, lines, now, leg=leg)
                    await run_writes(session, writes)
                    row.details = {**row.details, "booked_legs": [*booked, leg]}
            except Exception:
                log.exception("trip %s: leg %s could not be booked; undoing the trip", order.id, leg)
                undone = await cancel_order(
                    self.store,
                    user_id=user_id,
                    order_id=order.id,
                    now=now,
                    fulfillers=fulfillers,
                    booking_failed=True,
                    budget=self.budget,
                )
                raise BookingFailed(undone, leg_holds[0]["kind"]) from None
        async with self.store.read() as session:
            return await read_order(session, order.id, user_id, now)

    async def finish_interrupted_trips(
        self, now: datetime, *, fulfillers: Fulfillers, paid_after: datetime | None = None
    ) -> TripSweep:
        """Trips paid a while ago whose legs are not all booked: the process died between paying and booking.
        Book what is left, or undo the whole trip if that fails. Looks at trips paid after `paid_after`
        (None: as far back as one could still wait); the next sweep can start where this one ended."""
        paid_before = now - UNFINISHED_TRIP_GRACE
        window = OrderRow.created_at.between(paid_after or now - UNFINISHED_TRIP_LOOKBACK, paid_before)
        paid_trips = (
            select(OrderRow.id, OrderRow.user_id, OrderRow.details)
            .where(OrderRow.domain == "trip", OrderRow.status == "paid", window)
            .order_by(OrderRow.created_at)
        )
        async with self.store.read() as session:
            unfinished = [(id_, user_id) for id_, user_id, details in await session.execute(paid_trips)
                          if legs_left_to_book(details)]
        for order_id, user_id in unfinished:
            log.warning("trip %s was paid but not all of it booked: finishing it", order_id)
            async with self.store.read() as session:
                order = await read_order(session, order_id, user_id, now)
            with contextlib.suppress(BookingFailed):  # undone and refunded: compensated is finished too
                await self.book_trip(order, user_id=user_id, now=now, fulfillers=fulfillers)
        return TripSweep(taken_up=len(unfinished), paid_before=paid_before)


@dataclass(frozen=True, slots=True)
class TripSweep:
    taken_up: int  # trips booked or undone
    paid_before: datetime  # every trip paid before this was looked at


def legs_left_to_book(details: dict) -> set[int]:
    """The legs of a paid trip (its order's details) that are not booked yet."""
    legs = {hold["leg"] for hold in details.get("holds") or []}
    return legs - set(details.get("booked_legs") or [])


def describe_leg(line: ProposalLine, lang: Lang) -> str | None:
    """A flight or a stay in a phrase ("QH5101 杭州→上海 2月11日 08:00–09:10 经济舱×1"); None for other lines."""
    details = line.details
    if details.get("kind") == "flight":
        depart, arrive = datetime.fromisoformat(details["depart"]), datetime.fromisoformat(details["arrive"])
        hours = f"{depart:%H:%M}–{arrive:%H:%M}"
        cabin = {"economy": ("经济舱", "economy"), "business": ("公务舱", "business")}[details["cabin"]]
        return say(
            lang,
            f"{line.title} {depart.month}月{depart.day}日 {hours} {cabin[0]}×{line.quantity}",
            f"{line.title} {depart:%d %b} {hours}, {cabin[1]} × {line.quantity}",
        )
    if details.get("kind") == "hotel":
        check_in, nights = date.fromisoformat(details["check_in"]), details["nights"]
        return say(
            lang,
            f"{line.title} {check_in.month}月{check_in.day}日入住{nights}晚×{line.quantity}间",
            f"{line.title}, {nights} night{'s' if nights > 1 else ''} from {check_in:%d %b} × {line.quantity} "
            f"room{'s' if line.quantity > 1 else ''}",
        )
    return None


def _leg_words(lines: list[ProposalLine], lang: Lang) -> list[str]:
    return [words for words in (describe_leg(line, lang) for line in lines) if words]


def describe_travel_proposal(proposal: Proposal, lang: Lang) -> str:
    """A flight, a stay or a whole trip on one card: each leg, the assistant price, the card, what is paid."""
    assistant = -sum(line.amount_fen for line in proposal.lines if line.details.get("kind") == "assistant_price")
    parts = [("；" if lang == "zh" else "; ").join(_leg_words(proposal.lines, lang))]
    parts.append(say(lang, f"共{format_fen(proposal.subtotal)}", f"subtotal {format_fen(proposal.subtotal)}"))
    if assistant:
        parts.append(say(lang, f"助手专享价减{format_fen(assistant)}", f"assistant price -{format_fen(assistant)}"))
    if proposal.discount:
        parts.append(
            say(lang, f"免单卡减{format_fen(proposal.discount)}", f"free-order card -{format_fen(proposal.discount)}")
        )
    held = f"{local(proposal.expires_at):%H:%M}"
    kinds = {hold.get("kind") for hold in proposal.holds}
    kept = "座位和房间" if kinds >= {"flight", "hotel"} else "座位" if "flight" in kinds else "房间"
    notes = (" " + " ".join(proposal.notes)) if proposal.notes else ""
    return say(
        lang,
        "，".join(parts) + f"，实付{format_fen(proposal.pay)}。{kept}为你保留到{held}，确认预订吗？{notes}",
        ", ".join(parts) + f"; you pay {format_fen(proposal.pay)}. Held for you until {held}. Confirm?{notes}",
    )


def describe_travel_order(order: Order, lang: Lang) -> str:
    """What was booked, with the e-ticket numbers, or that it was cancelled."""
    legs = ("；" if lang == "zh" else "; ").join(_leg_words(order.lines, lang))
    if order.status == "cancelled":
        return say(lang, f"{legs}（已取消）。", f"{legs} (cancelled).")
    codes = ("、" if lang == "zh" else ", ").join(t.code for t in order.tickets)
    tickets = say(lang, f"，电子客票号 {codes}", f"; e-tickets {codes}") if codes else ""
    return say(lang, f"{legs}{tickets}。", f"{legs}{tickets}.")
