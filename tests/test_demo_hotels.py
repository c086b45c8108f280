"""The demo hotels: enough of them near the landmarks people name, in every demo city; nightly prices
that follow the week and the Spring Festival peak on any start day; rooms held for every night of a
stay or none, and the last rooms of a night never sold twice."""

from __future__ import annotations

import asyncio
from collections import Counter
from datetime import date, timedelta

import pytest

from bangwo.domain.geo import distance_m
from bangwo.domain.hotel import (
    MAX_ASSISTANT_DISCOUNT_FEN,
    HotelBrand,
    check_out_of,
    nightly_price_fen,
    nights_of,
)
from bangwo.providers.base import OutOfStock
from bangwo.providers.demo.hotels import (
    BRAND_BY_ID,
    BRANDS,
    CALENDAR_DAYS_AFTER,
    CALENDAR_DAYS_BEFORE,
    HOTEL_BY_ID,
    HOTELS,
    DemoHotels,
    hotels_in,
    item_key,
    on_calendar,
    peak_days,
)
from bangwo.providers.demo.places import CITIES, LANDMARKS
from bangwo.providers.registry import load_registry
from bangwo.services import Services
from tests.factories import rows_sold

CAMPAIGN_DAY = date(2026, 2, 10)  # a Tuesday; the peak runs 15-23 February
OTHER_START_DAY = date(2026, 11, 28)
HOLD = timedelta(minutes=10)
# The landmarks the issue names, by their Chinese names.
NAMED_LANDMARKS = ("外滩", "陆家嘴", "西湖", "王府井", "故宫", "亚龙湾", "春熙路", "中央大街", "大雁塔", "滇池")
NEAR_M = 3_000
ROOM_TYPES = [(hotel, room) for hotel in HOTELS for room in hotel.room_types]
provider = DemoHotels()


# ---- hotels -----------------------------------------------------------------------------


def test_the_demo_world_registers_its_hotels():
    assert "demo" in load_registry().hotels


def test_at_least_thirty_hotels_with_bilingual_names_stars_and_two_to_four_room_types():
    assert len(HOTELS) >= 30
    assert len(HOTEL_BY_ID) == len(HOTELS)
    for hotel in HOTELS:
        assert hotel.name_zh and hotel.name_en and hotel.name_zh != hotel.name_en
        assert 2 <= hotel.stars <= 5 and 0 < hotel.rating <= 5
        assert 2 <= len(hotel.room_types) <= 4
        assert len({room.id for room in hotel.room_types}) == len(hotel.room_types)
        assert hotel.brand_id is None or hotel.brand_id in BRAND_BY_ID
        for room in hotel.room_types:
            assert room.name_zh and room.name_en and room.rooms > 0 and room.guests >= room.beds >= 1
            assert room.base_price_fen > 0 and room.base_price_fen % 100 == 0  # listed to the yuan


def test_every_demo_city_has_hotels():
    assert {city.id for city in CITIES} == {hotel.city_id for hotel in HOTELS}


@pytest.mark.parametrize("landmark_zh", NAMED_LANDMARKS)
def test_at_least_two_hotels_within_3_km_of_each_named_landmark(landmark_zh):
    [landmark] = [lm for lm in LANDMARKS if lm.name_zh == landmark_zh]
    near = [h for h in hotels_in(landmark.city_id) if distance_m(h.location, landmark.location) <= NEAR_M]
    assert len(near) >= 2, landmark_zh


def test_a_few_partner_brands_give_an_assistant_price_and_some_give_none():
    partners = [brand for brand in BRANDS if brand.assistant_discount_percent > 0]
    assert len(partners) >= 2 and len(partners) < len(BRANDS)
    assert all(0 < brand.assistant_discount_cap_fen <= MAX_ASSISTANT_DISCOUNT_FEN for brand in partners)
    hotels_by_brand = Counter(hotel.brand_id for hotel in HOTELS)
    assert all(hotels_by_brand[brand.id] >= 2 for brand in partners)


def test_a_brand_cannot_give_more_than_the_assistant_price_cap():
    with pytest.raises(ValueError):
        HotelBrand("x", "某酒店", "Some Hotels", assistant_discount_percent=50, assistant_discount_cap_fen=30_001)


# ---- nights and prices ------------------------------------------------------------------


def test_a_stay_is_its_nights_and_checks_out_the_morning_after_the_last():
    nights = nights_of(date(2026, 2, 12), 3)
    assert nights == [date(2026, 2, 12), date(2026, 2, 13), date(2026, 2, 14)]
    assert check_out_of(nights) == date(2026, 2, 15)
    with pytest.raises(ValueError):
        nights_of(date(2026, 2, 12), 0)


@pytest.mark.parametrize(("hotel", "room"), ROOM_TYPES, ids=[f"{h.id}:{r.id}" for h, r in ROOM_TYPES])
def test_weekend_nights_are_dearer_and_spring_festival_nights_dearer_still(hotel, room):
    wednesday, friday, saturday = date(2026, 2, 11), date(2026, 2, 13), date(2026, 2, 14)
    peak_wednesday, after_peak_tuesday = date(2026, 2, 18), date(2026, 2, 24)
    nights = [wednesday, friday, saturday, peak_wednesday, after_peak_tuesday]
    weekday, fri, sat, peak, after = provider.nightly_prices(hotel.id, room.id, nights, CAMPAIGN_DAY)
    assert weekday == after == room.base_price_fen
    assert weekday < fri == sat < peak


def test_the_peak_is_the_spring_festival_holiday_on_the_campaign_day_and_moves_with_the_start_day():
    assert peak_days(CAMPAIGN_DAY) == {date(2026, 2, 15) + timedelta(days=n) for n in range(9)}
    hotel = HOTEL_BY_ID["demo-shanghai-bund-riverside"]
    king = hotel.room_type("king")
    later_peak = sorted(peak_days(OTHER_START_DAY))[0]
    assert provider.nightly_prices(hotel.id, "king", [later_peak], OTHER_START_DAY) == [
        nightly_price_fen(king, later_peak, peak_days(OTHER_START_DAY))
    ]
    assert provider.nightly_prices(hotel.id, "king", [later_peak], OTHER_START_DAY)[0] > king.base_price_fen * 1.5


def test_more_stars_and_bigger_rooms_cost_more_in_the_same_city():
    bund = HOTEL_BY_ID["demo-shanghai-bund-riverside"]
    anju = HOTEL_BY_ID["demo-shanghai-bund-anju"]
    assert bund.stars > anju.stars
    assert bund.room_type("king").base_price_fen > anju.room_type("king").base_price_fen
    assert bund.room_type("suite").base_price_fen > bund.room_type("twin").base_price_fen > bund.room_type(
        "king"
    ).base_price_fen


def test_nights_are_sold_on_the_calendar_only_and_unknown_rooms_have_no_price():
    first = CAMPAIGN_DAY - timedelta(days=CALENDAR_DAYS_BEFORE)
    last = CAMPAIGN_DAY + timedelta(days=CALENDAR_DAYS_AFTER)
    assert CALENDAR_DAYS_AFTER >= 60
    assert on_calendar(first, CAMPAIGN_DAY) and on_calendar(last, CAMPAIGN_DAY)
    assert not on_calendar(first - timedelta(days=1), CAMPAIGN_DAY)
    hotel_id = "demo-hangzhou-west-lake-lakeside"
    assert len(provider.nightly_prices(hotel_id, "king", [first, last], CAMPAIGN_DAY)) == 2
    assert provider.nightly_prices(hotel_id, "king", [last, last + timedelta(days=1)], CAMPAIGN_DAY) == []
    assert provider.nightly_prices(hotel_id, "penthouse", [last], CAMPAIGN_DAY) == []
    assert provider.nightly_prices("no-such-hotel", "king", [last], CAMPAIGN_DAY) == []


def test_prices_are_the_same_on_every_start():
    # Pinned: a hotel's own variation comes from a hash of its id that no process seeds differently.
    assert HOTEL_BY_ID["demo-shanghai-bund-riverside"].room_type("king").base_price_fen == 116_600
    assert HOTEL_BY_ID["demo-kunming-dianchi-seagull"].room_type("family").base_price_fen == 30_000


# ---- rooms held and sold ----------------------------------------------------------------


async def test_a_stay_is_held_for_every_night_or_none(services: Services):
    now = services.clock.now()
    hotel = HOTEL_BY_ID["demo-shanghai-bund-yuetu"]
    king = hotel.room_type("king")
    stay = nights_of(date(2026, 2, 12), 3)
    full_night = stay[1]
    async with services.store.transaction() as session:
        await provider.hold_rooms(session, hotel.id, "king", [full_night], king.rooms, hold_id="others",
                                  until=now + HOLD, now=now)

    with pytest.raises(OutOfStock) as refused:
        async with services.store.transaction() as session:
            await provider.hold_rooms(session, hotel.id, "king", stay, 1, hold_id="stay", until=now + HOLD, now=now)

    assert refused.value.free == {item_key(hotel.id, "king", full_night): 0}
    async with services.store.read() as session:
        free = await provider.free_rooms(session, hotel.id, "king", stay, now)
    assert free == {stay[0]: king.rooms, full_night: 0, stay[2]: king.rooms}  # the other nights were not taken


async def test_held_rooms_are_sold_released_and_refunded_night_by_night(services: Services):
    now = services.clock.now()
    hotel = HOTEL_BY_ID["demo-sanya-yalong-bay-haitang"]
    suite = hotel.room_type("suite")
    stay = nights_of(date(2026, 2, 16), 2)
    async with services.store.transaction() as session:
        await provider.hold_rooms(session, hotel.id, "suite", stay, 2, hold_id="h1", until=now + HOLD, now=now)
        assert await provider.free_rooms(session, hotel.id, "suite", stay, now) == dict.fromkeys(stay, suite.rooms - 2)
        assert await provider.release_hold(session, "h1") == 2
        await provider.hold_rooms(session, hotel.id, "suite", stay, 2, hold_id="h2", until=now + HOLD, now=now)
        assert await rows_sold(session, provider.sale("h2", "o2", now)) == 2  # one sale a night
        later = now + 2 * HOLD
        assert await provider.free_rooms(session, hotel.id, "suite", stay, later) == dict.fromkeys(
            stay, suite.rooms - 2
        )  # sold rooms stay sold after the hold would have lapsed
        assert await provider.refund_order(session, "o2") == 2
        assert await provider.free_rooms(session, hotel.id, "suite", stay, later) == dict.fromkeys(stay, suite.rooms)


async def test_a_room_type_the_hotel_lacks_or_a_stay_of_no_nights_cannot_be_held(services: Services):
    now = services.clock.now()
    with pytest.raises(ValueError):
        async with services.store.transaction() as session:
            await provider.hold_rooms(session, "demo-shanghai-bund-anju", "suite", [CAMPAIGN_DAY], 1, hold_id="h1",
                                      until=now + HOLD, now=now)
    with pytest.raises(ValueError):
        async with services.store.transaction() as session:
            await provider.hold_rooms(session, "demo-shanghai-bund-anju", "king", [], 1, hold_id="h2",
                                      until=now + HOLD, now=now)


async def test_thirty_guests_for_the_last_three_rooms_of_a_night_never_oversell(services: Services):
    now = services.clock.now()
    hotel = HOTEL_BY_ID["demo-harbin-central-street-baroque"]
    king = hotel.room_type("king")
    eve, busy_night = date(2026, 2, 15), date(2026, 2, 16)
    async with services.store.transaction() as session:
        await provider.hold_rooms(session, hotel.id, "king", [busy_night], king.rooms - 3, hold_id="early",
                                  until=now + HOLD, now=now)
        assert await rows_sold(session, provider.sale("early", "o-early", now)) == 1

    async def guest(n: int) -> bool:
        try:
            async with services.store.transaction() as session:
                await provider.hold_rooms(session, hotel.id, "king", [eve, busy_night], 1, hold_id=f"g{n}",
                                          until=now + HOLD, now=now)
        except OutOfStock:
            return False
        async with services.store.transaction() as session:
            return await rows_sold(session, provider.sale(f"g{n}", f"o{n}", now)) == 2

    booked = await asyncio.gather(*(guest(n) for n in range(30)))

    assert sum(booked) == 3
    async with services.store.read() as session:
        free = await provider.free_rooms(session, hotel.id, "king", [eve, busy_night], now)
    assert free == {eve: king.rooms - 3, busy_night: 0}  # the guests turned away took no room on the eve either
