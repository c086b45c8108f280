"""The hotel skill (pure part): the place by any of its names, "near the Bund" by distance, a budget per
night, every night and room priced, the assistant price as a line of its own, and money that adds up."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bangwo.assistant.skills.food import CardOffer, Refusal
from bangwo.assistant.skills.hotel import (
    MAX_ROOMS,
    NEAR_M,
    HotelOffer,
    HotelSkill,
    no_rooms_sentence,
    room_count,
    stay_nights,
)
from bangwo.domain.frame import IntentFrame
from bangwo.domain.geo import Point
from bangwo.domain.hotel import Hotel, HotelBrand, RoomType, assistant_discount_fen, nightly_price_fen, nights_of
from bangwo.domain.money import MIN_PAY_FEN
from bangwo.providers.demo.hotels import BRAND_BY_ID, DemoHotels, peak_days
from bangwo.providers.demo.places import CITIES, CITY_BY_ID, LANDMARKS

START = datetime.fromisoformat("2026-02-10T10:00:00+08:00")
START_DAY = date(2026, 2, 10)
HOLD_UNTIL = START + timedelta(minutes=10)
THURSDAY_TO_SUNDAY = nights_of(date(2026, 2, 12), 3)  # Thursday, Friday and Saturday nights


@pytest.fixture(scope="module")
def skill() -> HotelSkill:
    return HotelSkill(CITIES, LANDMARKS, {"demo": DemoHotels()})


def hotel_frame(**said: object) -> IntentFrame:
    return IntentFrame(domain="hotel", **said)


def offer_at(skill: HotelSkill, hotel_id: str, room_type_id: str, **said: object) -> HotelOffer:
    offers = skill.offers(hotel_frame(**said), START_DAY, THURSDAY_TO_SUNDAY)
    return next(o for o in offers if o.hotel.id == hotel_id and o.room_type.id == room_type_id)


# ---- the place ----------------------------------------------------------------------------


@pytest.mark.parametrize("said", ["外滩", "the Bund", "the bund", "BUND", "The Bund"])
def test_the_bund_by_any_of_its_names(skill, said):
    city, landmark = skill.place(hotel_frame(near=said))
    assert landmark.id == "shanghai-bund" and city.id == "shanghai"


def test_a_city_said_where_nothing_is_sold_names_no_place_even_beside_a_landmark_sold_elsewhere(skill):
    assert skill.place(hotel_frame(city="沈阳", near="故宫")) == (None, None)  # not Beijing's Forbidden City
    assert skill.place(hotel_frame(near="故宫"))[0].id == "beijing"  # said alone, the landmark names its city


def test_a_landmark_is_looked_for_in_the_city_said_and_a_city_said_as_the_place_is_the_city(skill):
    assert skill.place(hotel_frame(city="杭州", near="西湖边"))[1].id == "hangzhou-west-lake"
    assert skill.place(hotel_frame(city="Beijing", near="forbidden city"))[1].id == "beijing-forbidden-city"
    assert skill.place(hotel_frame(city="上海", near="西湖")) == (CITY_BY_ID["shanghai"], None)
    assert skill.place(hotel_frame(near="三亚")) == (CITY_BY_ID["sanya"], None)
    assert skill.place(hotel_frame(city="成都")) == (CITY_BY_ID["chengdu"], None)
    assert skill.place(hotel_frame(near="火星基地")) == (None, None)


# ---- ranking and budget -------------------------------------------------------------------


def test_near_the_bund_ranks_by_distance_and_keeps_a_hotels_rooms_together_cheapest_first(skill):
    offers = skill.offers(hotel_frame(near="外滩"), START_DAY, THURSDAY_TO_SUNDAY)
    assert offers[0].hotel.id == "demo-shanghai-bund-riverside"
    distances = [o.distance_m for o in offers]
    assert distances == sorted(distances) and distances[-1] <= NEAR_M
    assert all(o.near.id == "shanghai-bund" and o.hotel.city_id == "shanghai" for o in offers)
    first_hotel = [o for o in offers if o.hotel.id == offers[0].hotel.id]
    assert offers[: len(first_hotel)] == first_hotel
    assert [o.stay_fen for o in first_hotel] == sorted(o.stay_fen for o in first_hotel)


def test_with_no_landmark_the_best_reviewed_hotels_of_the_city_come_first(skill):
    offers = skill.offers(hotel_frame(city="上海"), START_DAY, THURSDAY_TO_SUNDAY)
    ratings = [o.hotel.rating for o in offers]
    assert ratings == sorted(ratings, reverse=True) and offers[0].hotel.id == "demo-shanghai-lujiazui-skyline"
    assert all(o.distance_m is None and o.near is None for o in offers)
    assert skill.offers(hotel_frame(), START_DAY, THURSDAY_TO_SUNDAY) == []  # no city: ask for one


def test_a_chain_named_keeps_its_own_hotels_and_one_not_on_bangwo_is_said_so(skill):
    offers = skill.offers(hotel_frame(city="上海"), START_DAY, THURSDAY_TO_SUNDAY)
    chains = {o.brand.id for o in offers if o.brand}
    assert len(chains) > 1  # (so that keeping one chain is seen)
    yuetu, note = skill.of_the_hotel_named(hotel_frame(city="上海", merchant="悦途"), offers, "zh")
    assert yuetu and {o.brand.id for o in yuetu if o.brand} == {"yuetu"} and note is None
    every, note = skill.of_the_hotel_named(hotel_frame(city="上海", merchant="全季"), offers, "zh")
    assert every == offers and note == "「全季」还没有上帮我，这是同一带可订的酒店。"
    assert skill.of_the_hotel_named(hotel_frame(city="上海"), offers, "en") == (offers, None)


def test_the_budget_is_per_night_and_compared_with_the_average_night(skill):
    offers = skill.offers(hotel_frame(near="外滩", budget_max=800), START_DAY, THURSDAY_TO_SUNDAY)
    assert offers and all(o.stay_fen <= 800_00 * len(o.nights) for o in offers)
    assert "demo-shanghai-bund-riverside" not in {o.hotel.id for o in offers}

    yuetu_king = offer_at(skill, "demo-shanghai-bund-yuetu", "king", near="外滩")
    average_yuan = yuetu_king.stay_fen / len(THURSDAY_TO_SUNDAY) / 100
    assert max(yuetu_king.nightly_prices_fen) > yuetu_king.stay_fen / 3  # the weekend night alone is dearer
    kept = skill.offers(hotel_frame(near="外滩", budget_max=average_yuan), START_DAY, THURSDAY_TO_SUNDAY)
    assert yuetu_king in kept
    cut = skill.offers(hotel_frame(near="外滩", budget_max=average_yuan - 0.01), START_DAY, THURSDAY_TO_SUNDAY)
    assert yuetu_king not in cut


def test_nights_off_the_calendar_have_no_offers(skill):
    far = nights_of(START_DAY + timedelta(days=60), 2)
    assert skill.offers(hotel_frame(near="外滩"), START_DAY, far) == []


# ---- the card -----------------------------------------------------------------------------


def test_every_night_and_every_room_is_priced(skill):
    offer = offer_at(skill, "demo-shanghai-bund-anju", "twin", near="外滩")
    twin = offer.hotel.room_type("twin")
    expected_nights = [nightly_price_fen(twin, night, peak_days(START_DAY)) for night in THURSDAY_TO_SUNDAY]

    proposal = skill.proposal(offer, rooms=2, lang="zh", card=None, hold_id="h1", hold_until=HOLD_UNTIL)

    [line] = proposal.lines  # 安居快捷 gives no assistant price
    assert line.title == "安居快捷（外滩店） 双床房"
    assert line.quantity == 2 and line.unit_price == sum(expected_nights)
    assert line.details == {
        "kind": "hotel", "hotel_id": "demo-shanghai-bund-anju", "room_type_id": "twin", "hotel": "安居快捷（外滩店）",
        "room": "双床房", "check_in": "2026-02-12", "check_out": "2026-02-15", "nights": 3,
        "nightly_prices": expected_nights, "distance_m": offer.distance_m, "near": "外滩",
    }
    assert proposal.subtotal == proposal.total == proposal.pay == 2 * sum(expected_nights)
    assert proposal.domain == "hotel" and proposal.expires_at == HOLD_UNTIL and proposal.lang == "zh"
    assert proposal.merchant == {"id": "demo-shanghai-bund-anju", "name": "安居快捷（外滩店）"}
    assert proposal.holds == [{
        "kind": "hotel", "provider": "demo", "hold_id": "h1", "hotel_id": "demo-shanghai-bund-anju",
        "room_type_id": "twin", "nights": ["2026-02-12", "2026-02-13", "2026-02-14"], "rooms": 2,
        "until": HOLD_UNTIL.isoformat(), "start": "2026-02-12",
    }]


def test_a_partner_brand_gives_the_assistant_price_as_a_line_and_the_card_comes_off_the_rest(skill):
    offer = offer_at(skill, "demo-shanghai-bund-yuetu", "king", near="外滩")
    yuetu = BRAND_BY_ID["yuetu"]

    proposal = skill.proposal(offer, rooms=1, lang="en", card=CardOffer("card_1", 2500), hold_id="h1",
                              hold_until=HOLD_UNTIL)

    stay, assistant = proposal.lines
    assert stay.title == "Yuetu Hotel (the Bund, East Nanjing Road), King room"
    assert stay.details["near"] == "the Bund"
    assistant_fen = min(offer.stay_fen * yuetu.assistant_discount_percent // 100, yuetu.assistant_discount_cap_fen)
    assert assistant.title == "Assistant price" and assistant.details == {"kind": "assistant_price"}
    assert assistant.quantity == 1 and assistant.unit_price == -assistant_fen < 0
    assert proposal.subtotal == offer.stay_fen
    assert proposal.total == proposal.subtotal - assistant_fen == sum(line.amount_fen for line in proposal.lines)
    assert proposal.discount == 2500 and proposal.card_id == "card_1"
    assert proposal.pay == proposal.total - proposal.discount >= MIN_PAY_FEN


def test_the_assistant_price_is_capped(skill):
    offer = offer_at(skill, "demo-shanghai-lujiazui-skyline", "suite", near="陆家嘴")  # 青禾: 15%, at most ¥300
    proposal = skill.proposal(offer, rooms=3, lang="zh", card=None, hold_id="h1", hold_until=HOLD_UNTIL)
    assert proposal.lines[1].title == "助手专享价"
    assert proposal.lines[1].unit_price == -BRAND_BY_ID["qinghe"].assistant_discount_cap_fen == -30_000


fen = st.integers(min_value=1, max_value=500_000)


@given(
    nightly=st.lists(fen, min_size=1, max_size=30),
    rooms=st.integers(min_value=1, max_value=MAX_ROOMS),
    percent=st.integers(min_value=0, max_value=100),
    cap=st.integers(min_value=0, max_value=30_000),
    card=st.one_of(st.none(), st.integers(min_value=0, max_value=100_000)),
)
def test_the_money_always_adds_up(nightly, rooms, percent, cap, card):
    skill = HotelSkill(CITIES, LANDMARKS, {})
    brand = HotelBrand("b", "某酒店", "Some Hotels", assistant_discount_percent=percent, assistant_discount_cap_fen=cap)
    room = RoomType("king", "大床房", "King room", 1, 2, 10, nightly[0])
    hotel = Hotel("h", "shanghai", "某酒店", "Some Hotel", Point(31.2, 121.5), 3, 4.5, (room,), brand_id="b")
    nights = nights_of(START_DAY, len(nightly))
    offer = HotelOffer(hotel, room, "demo", tuple(nights), tuple(nightly), None, None, brand)
    card_offer = CardOffer("card_1", card) if card is not None else None

    proposal = skill.proposal(offer, rooms=rooms, lang="zh", card=card_offer, hold_id="h", hold_until=HOLD_UNTIL)

    assistant_fen = assistant_discount_fen(brand, rooms * sum(nightly))
    assert 0 <= assistant_fen <= cap
    assert proposal.subtotal == rooms * sum(nightly) == proposal.lines[0].amount_fen
    assert proposal.subtotal - assistant_fen == proposal.total == sum(line.amount_fen for line in proposal.lines)
    assert len(proposal.lines) == (2 if assistant_fen else 1)
    assert 0 <= proposal.discount <= (card or 0)
    assert proposal.total - proposal.discount == proposal.pay >= MIN_PAY_FEN


@given(total=st.integers(min_value=0, max_value=10_000_000), percent=st.integers(min_value=0, max_value=100),
       cap=st.integers(min_value=0, max_value=30_000))
def test_the_assistant_price_never_leaves_less_than_a_fen(total, percent, cap):
    brand = HotelBrand("b", "某酒店", "Some Hotels", assistant_discount_percent=percent, assistant_discount_cap_fen=cap)
    off = assistant_discount_fen(brand, total)
    assert 0 <= off <= min(cap, total * percent // 100)
    assert off == 0 or total - off >= MIN_PAY_FEN
    assert assistant_discount_fen(None, total) == 0


# ---- what is asked for, and what to say when nothing is free -----------------------------


def test_the_stay_and_the_rooms_asked_for():
    assert stay_nights(hotel_frame(), START, "zh") == [START_DAY]
    assert stay_nights(hotel_frame(date="2026-02-12", nights=3), START, "zh") == THURSDAY_TO_SUNDAY
    assert isinstance(stay_nights(hotel_frame(date="2026-02-09"), START, "zh"), Refusal)
    assert isinstance(stay_nights(hotel_frame(nights=90), START, "en"), Refusal)
    assert room_count(hotel_frame(), "zh") == 1 and room_count(hotel_frame(count=2), "zh") == 2
    assert isinstance(room_count(hotel_frame(count=MAX_ROOMS + 1), "en"), Refusal)


def test_nothing_free_is_said_plainly(skill):
    city, bund = skill.place(hotel_frame(near="外滩"))
    assert no_rooms_sentence(city, bund, 800, "zh") == "外滩附近没有800元一晚以内的空房了。"
    assert no_rooms_sentence(city, bund, 800, "en") == "No rooms left near the Bund within ¥800 a night."
    assert no_rooms_sentence(city, None, 450.5, "zh") == "上海没有450.50元一晚以内的空房了。"
    assert no_rooms_sentence(city, None, None, "en") == "No rooms left in Shanghai."
