"""The flight skill (pure part): the cities by any name, the flights that fit the day, the part of the day,
the cabin and the budget, ranked as asked; the card with the airline's assistant price, and the money
identities of DESIGN.md (subtotal − assistant price = total, total − card = pay ≥ 1 fen)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bangwo.assistant.skills.flight import MIN_LEAD, FlightSkill
from bangwo.assistant.skills.food import CardOffer
from bangwo.domain.clock import local
from bangwo.domain.flight import MAX_ASSISTANT_DISCOUNT_CAP_FEN, Airline, Flight, assistant_discount_fen
from bangwo.domain.frame import IntentFrame
from bangwo.providers.demo.flights import DemoFlights
from bangwo.providers.demo.places import CITIES, CITY_BY_ID

START = datetime.fromisoformat("2026-02-10T10:00:00+08:00")
START_DAY = date(2026, 2, 10)
HANGZHOU, SHANGHAI, BEIJING = (CITY_BY_ID[c] for c in ("hangzhou", "shanghai", "beijing"))


@pytest.fixture(scope="module")
def skill() -> FlightSkill:
    return FlightSkill(CITIES, {"demo": DemoFlights()})


def frame(**said: object) -> IntentFrame:
    return IntentFrame.model_validate({"domain": "flight", "origin": "北京", "destination": "上海", **said})


@pytest.mark.parametrize(
    ("said", "city_id"),
    [("杭州", "hangzhou"), ("Hangzhou", "hangzhou"), ("HANGZHOU ", "hangzhou"), ("杭州市", "hangzhou"),
     ("魔都", "shanghai"), ("peking", "beijing"), ("xi'an", "xian"), ("Xian", "xian")],
)
def test_a_city_by_either_name_or_an_alias_in_any_case(skill, said, city_id):
    assert skill.city(said).id == city_id


@pytest.mark.parametrize("said", ["洛阳", "Luoyang", "", "  "])
def test_a_city_off_the_map_is_none(skill, said):
    assert skill.city(said) is None


def test_a_frame_without_a_day_is_not_searched(skill):
    with pytest.raises(ValueError):
        skill.offers(frame(), BEIJING, SHANGHAI, START_DAY, START)


def test_by_departure_by_default_and_none_leaving_within_two_hours(skill):
    offers = skill.offers(frame(date="2026-02-10"), BEIJING, SHANGHAI, START_DAY, START)
    departures = [f.depart for f, _ in offers]
    assert offers and departures == sorted(departures)
    assert all(d >= START + MIN_LEAD for d in departures)
    assert all(name == "demo" and f.origin_city_id == "beijing" for f, name in offers)
    whole_day = DemoFlights().flights("beijing", "shanghai", START_DAY, START_DAY)
    assert len(offers) < len(whole_day)  # the morning's flights have left or leave too soon


def test_a_part_of_the_day_keeps_only_the_flights_leaving_in_it(skill):
    offers = skill.offers(frame(date="2026-02-11", time_window="morning"), BEIJING, SHANGHAI, START_DAY, START)
    assert offers and all(5 <= local(f.depart).hour < 12 for f, _ in offers)
    evening = skill.offers(frame(date="2026-02-11", time_window="evening"), BEIJING, SHANGHAI, START_DAY, START)
    assert evening and all(local(f.depart).hour >= 17 for f, _ in evening)


def test_a_time_puts_the_nearest_departure_first(skill):
    offers = skill.offers(frame(date="2026-02-11", time="15:00"), BEIJING, SHANGHAI, START_DAY, START)
    wanted = datetime.fromisoformat("2026-02-11T15:00:00+08:00")
    gaps = [abs(f.depart - wanted) for f, _ in offers]
    assert gaps == sorted(gaps) and len(gaps) >= 6


def test_cheapest_and_earliest_when_asked(skill):
    said = frame(date="2026-02-11", time="15:00")
    cheapest = skill.offers(said, BEIJING, SHANGHAI, START_DAY, START, prefer="cheapest")
    fares = [f.fares["economy"] for f, _ in cheapest]
    assert fares == sorted(fares) and fares[0] < fares[-1]
    earliest = skill.offers(said, BEIJING, SHANGHAI, START_DAY, START, prefer="earliest")
    assert [f.depart for f, _ in earliest] == sorted(f.depart for f, _ in earliest)
    assert {f.id for f, _ in cheapest} == {f.id for f, _ in earliest}


def test_the_budget_is_per_ticket_in_the_cabin_asked_for(skill):
    everything = skill.offers(frame(date="2026-03-05"), BEIJING, SHANGHAI, START_DAY, START)
    within = skill.offers(frame(date="2026-03-05", budget_max=1000), BEIJING, SHANGHAI, START_DAY, START)
    assert within and len(within) < len(everything)
    assert all(f.fares["economy"] <= 100_000 for f, _ in within)
    business = skill.offers(frame(date="2026-03-05", cabin="business", budget_max=3000), BEIJING, SHANGHAI,
                            START_DAY, START)
    assert business and all(f.fares["business"] <= 300_000 for f, _ in business)
    assert len(business) < len(everything)


def test_when_nothing_fits_the_reason_repeats_the_wish(skill):
    wish = frame(date="2026-02-11", time_window="morning", budget_max=500)
    assert skill.offers(wish, HANGZHOU, SHANGHAI, START_DAY, START) == []
    assert skill.explain_none(wish, HANGZHOU, SHANGHAI, "zh") == "2月11日上午杭州到上海没有¥500以内的经济舱了。"
    assert skill.explain_none(wish, HANGZHOU, SHANGHAI, "en") == (
        "No economy seats from Hangzhou to Shanghai within ¥500 in the morning on Feb 11."
    )
    around = frame(date="2026-02-11", time="15:00", cabin="business")
    assert skill.explain_none(around, BEIJING, SHANGHAI, "zh") == "2月11日15:00左右北京到上海没有公务舱了。"
    assert skill.explain_none(around, BEIJING, SHANGHAI, "en") == (
        "No business seats from Beijing to Shanghai around 15:00 on Feb 11."
    )


def _first_on(skill: FlightSkill, airline_id: str) -> Flight:
    """A Beijing→Shanghai flight of that airline, some day of the calendar."""
    for offset in range(1, 30):
        wish = frame(date=(START_DAY + timedelta(days=offset)).isoformat())
        for flight, _ in skill.offers(wish, BEIJING, SHANGHAI, START_DAY, START):
            if flight.airline_id == airline_id:
                return flight
    raise LookupError(airline_id)


def test_the_card_carries_the_fare_for_every_passenger_and_the_assistant_price(skill):
    flight = _first_on(skill, "qinghe")  # 8% off, at most ¥80
    proposal = skill.proposal(
        flight, "demo", cabin="economy", passengers=2, lang="zh", card=CardOffer("card_1", 2500), now=START,
        hold_id="h1", hold_until=START + timedelta(minutes=10), passenger_names=["王芳", "李雷"],
    )
    ticket, assistant = proposal.lines
    assert ticket.title == f"{flight.number} 北京→上海"
    assert (ticket.quantity, ticket.unit_price) == (2, flight.fares["economy"])
    assert ticket.details == {
        "kind": "flight", "flight_id": flight.id, "number": flight.number, "airline": "青禾航空",
        "origin": "北京", "destination": "上海", "depart": local(flight.depart).isoformat(),
        "arrive": local(flight.arrive).isoformat(), "cabin": "economy", "passengers": ["王芳", "李雷"],
    }
    assert (assistant.title, assistant.quantity, assistant.details) == ("助手专享价", 1, {"kind": "assistant_price"})
    assert assistant.unit_price == -min(2 * flight.fares["economy"] * 8 // 100, 8000) < 0
    assert proposal.subtotal == ticket.amount_fen
    assert proposal.total == proposal.subtotal + assistant.amount_fen
    assert (proposal.discount, proposal.card_id) == (2500, "card_1")
    assert proposal.pay == proposal.total - 2500
    assert proposal.domain == "flight" and proposal.lang == "zh"
    assert proposal.merchant == {"id": "qinghe", "name": "青禾航空"}
    assert proposal.holds == [{
        "kind": "flight", "provider": "demo", "hold_id": "h1", "flight_id": flight.id, "cabin": "economy",
        "passengers": 2, "until": (START + timedelta(minutes=10)).isoformat(),
        "start": local(flight.depart).isoformat(),
    }]


def test_an_airline_without_an_assistant_price_has_no_such_line_and_english_titles(skill):
    flight = _first_on(skill, "kunpeng")
    proposal = skill.proposal(
        flight, "demo", cabin="business", passengers=1, lang="en", card=None, now=START, hold_id="h1",
        hold_until=START + timedelta(minutes=10), passenger_names=[],
    )
    [ticket] = proposal.lines
    assert ticket.title == f"{flight.number} Beijing→Shanghai"
    assert ticket.unit_price == flight.fares["business"]
    assert ticket.details["airline"] == "Kunpeng Airlines" and ticket.details["passengers"] == []
    assert proposal.subtotal == proposal.total == proposal.pay and proposal.discount == 0
    assert proposal.card_id is None


def test_a_card_for_a_flight_leaving_too_soon_or_with_a_wrong_passenger_list_is_refused(skill):
    flight = _first_on(skill, "qinghe")
    booking = {"cabin": "economy", "lang": "zh", "card": None, "hold_id": "h1", "passenger_names": []}
    with pytest.raises(ValueError):
        skill.proposal(flight, "demo", passengers=1, now=flight.depart - timedelta(hours=1),
                       hold_until=flight.depart, **booking)
    with pytest.raises(ValueError):
        skill.proposal(flight, "demo", passengers=2, now=START, hold_until=START + timedelta(minutes=10),
                       **{**booking, "passenger_names": ["王芳"]})


@dataclass
class OneAirline:
    """A provider that knows one airline: enough for the skill to price a card."""

    chosen: Airline
    name: str = "stub"

    def airline(self, airline_id: str) -> Airline | None:
        return self.chosen if airline_id == self.chosen.id else None


ANY_FLIGHT = DemoFlights().flights("hangzhou", "beijing", START_DAY + timedelta(days=3), START_DAY)[0]


@given(
    fare=st.integers(min_value=1, max_value=2_000_000),
    passengers=st.integers(min_value=1, max_value=9),
    percent=st.integers(min_value=0, max_value=99),
    cap=st.integers(min_value=0, max_value=MAX_ASSISTANT_DISCOUNT_CAP_FEN),
    card=st.one_of(st.none(), st.integers(min_value=1, max_value=10_000)),
)
def test_the_money_identities_hold_for_any_fare_assistant_price_and_card(fare, passengers, percent, cap, card):
    airline = Airline("partner", "伙伴航空", "Partner Air", "PA", assistant_discount_percent=percent,
                      assistant_discount_cap_fen=cap)
    flight = replace(ANY_FLIGHT, airline_id="partner", fares={"economy": fare, "business": 3 * fare})
    skill = FlightSkill(CITIES, {"stub": OneAirline(airline)})
    proposal = skill.proposal(
        flight, "stub", cabin="economy", passengers=passengers, lang="en",
        card=CardOffer("card_1", card) if card else None, now=START, hold_id="h1",
        hold_until=START + timedelta(minutes=10), passenger_names=[],
    )
    assistant_cut = -sum(line.amount_fen for line in proposal.lines if line.details.get("kind") == "assistant_price")
    assert proposal.subtotal == fare * passengers
    assert assistant_cut == assistant_discount_fen(airline, proposal.subtotal)
    assert 0 <= assistant_cut <= min(cap, proposal.subtotal * percent // 100)
    assert proposal.subtotal - assistant_cut == proposal.total >= 1
    assert proposal.total - proposal.discount == proposal.pay >= 1
    assert proposal.discount <= (card or 0)
    assert (proposal.card_id is not None) == (proposal.discount > 0)
