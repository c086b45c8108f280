"""The flight skill: from a flight frame to the flights that fit it, one confirmation card, or why not.

Pure over loaded objects: the cities, the providers' timetables and airlines, the clock. Checking
free seats, holding them and saving the proposal are the assistant's job; this decides which
flights to offer and in what order, and prices the card: the fare for every passenger, the
airline's assistant-only price when it gives one, then the free-order card.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Literal

from bangwo.assistant.skills.food import CardOffer, card_terms, say
from bangwo.domain.catalogue import City
from bangwo.domain.clock import SHANGHAI, local
from bangwo.domain.flight import Flight, assistant_discount_fen, flights_in_window, nearest_departures
from bangwo.domain.frame import Cabin, IntentFrame, Lang, TimeWindow
from bangwo.domain.ids import new_id
from bangwo.domain.money import yuan_to_fen
from bangwo.domain.pricing import quote
from bangwo.domain.proposal import Proposal, ProposalLine
from bangwo.providers.base import FlightProvider
from bangwo.understand.text import to_simplified

# A flight leaving sooner than this is no longer offered: check-in closes, the person must get there.
MIN_LEAD = timedelta(hours=2)
DEFAULT_CABIN: Cabin = "economy"
FlightPreference = Literal["cheapest", "earliest"]

CABIN_NAMES: dict[Cabin, tuple[str, str]] = {"economy": ("经济舱", "economy"), "business": ("公务舱", "business")}
WINDOW_NAMES: dict[TimeWindow, tuple[str, str]] = {
    "morning": ("上午", "in the morning"),
    "noon": ("中午", "around noon"),
    "afternoon": ("下午", "in the afternoon"),
    "evening": ("晚上", "in the evening"),
    "night": ("夜里", "at night"),
}


def _normalised(name: str) -> str:
    """How a city name compares: case and spacing ignored, "杭州市" the same as "杭州", 廣州 as 广州."""
    return to_simplified(name.strip().casefold()).removesuffix("市").strip()


def _yuan(amount: float) -> str:
    """¥800 as said, ¥15.5 when the person said a fraction."""
    return f"¥{amount:g}"


class FlightSkill:
    def __init__(self, cities: tuple[City, ...], providers: dict[str, FlightProvider]) -> None:
        self.cities = cities
        self.providers = providers
        self._city_by_id = {c.id: c for c in cities}

    def city(self, said: str) -> City | None:
        """The city a person named, by its Chinese or English name or an alias, in any case."""
        wanted = _normalised(said)
        if not wanted:
            return None
        return next((c for c in self.cities if wanted in {_normalised(n) for n in c.names()}), None)

    def offers(
        self,
        frame: IntentFrame,
        origin: City,
        destination: City,
        clock_start_day: date,
        now: datetime,
        prefer: FlightPreference | None = None,
    ) -> list[tuple[Flight, str]]:
        """The flights that fit the frame with the provider selling each, best first.

        Kept: the frame's day, its part of the day, a seat in its cabin (economy unless said) within its
        budget per ticket, leaving at least MIN_LEAD from now. Ranked: the cheapest or the earliest first
        when preferred, else nearest the time said, else by departure. The frame must carry a date: a
        frame without one is incomplete, and the caller asks for the day instead."""
        if frame.date is None:
            raise ValueError("a flight search needs the day; ask for it first")
        day = date.fromisoformat(frame.date)
        cabin = frame.cabin or DEFAULT_CABIN
        budget_fen = yuan_to_fen(frame.budget_max) if frame.budget_max is not None else None
        found: list[tuple[Flight, str]] = []
        for name, provider in self.providers.items():
            for flight in provider.flights(origin.id, destination.id, day, clock_start_day):
                fare = flight.fares.get(cabin)
                if fare is None or flight.seats.get(cabin, 0) < 1 or flight.depart < now + MIN_LEAD:
                    continue
                if budget_fen is not None and fare > budget_fen:
                    continue
                found.append((flight, name))
        flights = [f for f, _ in found]
        if frame.time_window:
            flights = flights_in_window(flights, frame.time_window)
        if prefer == "cheapest":
            order = sorted(flights, key=lambda f: (f.fares[cabin], f.depart, f.id))
        elif prefer is None and frame.time:
            order = nearest_departures(flights, datetime.combine(day, time.fromisoformat(frame.time), SHANGHAI))
        else:
            order = sorted(flights, key=lambda f: (f.depart, f.id))
        rank = {f.id: i for i, f in enumerate(order)}
        kept = [pair for pair in found if pair[0].id in rank]
        return sorted(kept, key=lambda pair: (rank[pair[0].id], pair[1]))

    def explain_none(self, frame: IntentFrame, origin: City, destination: City, lang: Lang) -> str:
        """Why no flight is offered, repeating what was asked: "2月11日上午杭州到上海没有¥800以内的经济舱了"."""
        day = date.fromisoformat(frame.date) if frame.date else None
        zh_cabin, en_cabin = CABIN_NAMES[frame.cabin or DEFAULT_CABIN]
        zh_when = f"{day.month}月{day.day}日" if day else ""
        en_day = f"on {day:%b} {day.day}" if day else ""
        if frame.time:
            zh_when += f"{frame.time}左右"
            en_when = f"around {frame.time} {en_day}"
        elif frame.time_window:
            zh_window, en_window = WINDOW_NAMES[frame.time_window]
            zh_when += zh_window
            en_when = f"{en_window} {en_day}"
        else:
            en_when = en_day
        zh_budget = f"{_yuan(frame.budget_max)}以内的" if frame.budget_max is not None else ""
        en_budget = f" within {_yuan(frame.budget_max)}" if frame.budget_max is not None else ""
        return say(
            lang,
            f"{zh_when}{origin.name_zh}到{destination.name_zh}没有{zh_budget}{zh_cabin}了。",
            f"No {en_cabin} seats from {origin.name_en} to {destination.name_en}{en_budget} {en_when}".rstrip() + ".",
        )

    def proposal(
        self,
        flight: Flight,
        provider_name: str,
        *,
        cabin: Cabin,
        passengers: int,
        lang: Lang,
        card: CardOffer | None,
        now: datetime,
        hold_id: str,
        hold_until: datetime,
        passenger_names: list[str],
    ) -> Proposal:
        """One confirmation card: the fare for every passenger, the airline's assistant price as a line
        of its own (a negative amount), the card's share, the seats held until hold_until."""
        if passengers < 1:
            raise ValueError("a booking needs at least one passenger")
        if passenger_names and len(passenger_names) != passengers:
            raise ValueError("name every passenger or none yet")
        if flight.depart < now + MIN_LEAD:
            raise ValueError(f"flight {flight.id} leaves too soon to be booked")
        airline = self.providers[provider_name].airline(flight.airline_id)
        if airline is None:
            raise LookupError(f"provider {provider_name!r} does not know airline {flight.airline_id!r}")
        origin, destination = self._city_by_id[flight.origin_city_id], self._city_by_id[flight.destination_city_id]
        depart, arrive = local(flight.depart).isoformat(), local(flight.arrive).isoformat()
        route = say(lang, f"{origin.name_zh}→{destination.name_zh}", f"{origin.name_en}→{destination.name_en}")
        ticket = ProposalLine(
            title=f"{flight.number} {route}",
            quantity=passengers,
            unit_price=flight.fares[cabin],
            details={
                "kind": "flight", "flight_id": flight.id, "number": flight.number,
                "airline": say(lang, airline.name_zh, airline.name_en),
                "origin": say(lang, origin.name_zh, origin.name_en),
                "destination": say(lang, destination.name_zh, destination.name_en),
                "depart": depart, "arrive": arrive, "cabin": cabin, "passengers": list(passenger_names),
            },
        )
        assistant_cut = assistant_discount_fen(airline, ticket.amount_fen)
        lines = [ticket]
        if assistant_cut:
            lines.append(
                ProposalLine(title=say(lang, "助手专享价", "Assistant price"), quantity=1, unit_price=-assistant_cut,
                             details={"kind": "assistant_price"})
            )
        priced = quote(ticket.amount_fen, 0, assistant_cut, **card_terms(card))
        return Proposal(
            id=new_id("p"), domain="flight", expires_at=hold_until, lines=lines, subtotal=priced.subtotal_fen,
            discount=priced.discount_fen, card_id=card.card_id if card and priced.discount_fen else None,
            total=priced.total_fen, pay=priced.pay_fen,
            holds=[{"kind": "flight", "provider": provider_name, "hold_id": hold_id, "flight_id": flight.id,
                    "cabin": cabin, "passengers": passengers, "until": hold_until.isoformat(), "start": depart}],
            merchant={"id": airline.id, "name": say(lang, airline.name_zh, airline.name_en)},
            lang=lang,
        )
