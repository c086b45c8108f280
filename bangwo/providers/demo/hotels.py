"""The demo world's hotels, Fliggy style: hotels near the landmarks people name, in every demo city,
their room types and nightly prices, and the rooms left each night (counted inventory in the store).

Deterministic and relative to the clock: nights are sold from CALENDAR_DAYS_BEFORE days before the
clock's start day to CALENDAR_DAYS_AFTER after it. The Spring Festival peak is the nine nights from
the fifth day after the clock's start (with BANGWO_NOW=2026-02-10T10:00+08:00: 15-23 February 2026,
the 2026 Spring Festival holiday), so the demo shows the peak on any day it starts.

A room type's base price follows the hotel's stars, the kind of room and the city, varied a little
per hotel by a hash of its id; nightly_price_fen then adds the weekend and the peak.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from bangwo.domain.geo import offset_point
from bangwo.domain.hotel import Hotel, HotelBrand, RoomType, nightly_price_fen
from bangwo.providers.demo import inventory
from bangwo.providers.demo.places import LANDMARKS
from bangwo.providers.demo.world import PROVIDER
from bangwo.store.writes import Write

__all__ = [
    "BRANDS",
    "BRAND_BY_ID",
    "CALENDAR_DAYS_AFTER",
    "CALENDAR_DAYS_BEFORE",
    "HOTELS",
    "HOTEL_BY_ID",
    "PEAK_FIRST_DAY",
    "PEAK_NIGHTS",
    "DemoHotels",
    "hotels_in",
    "item_key",
    "on_calendar",
    "peak_days",
]

CALENDAR_DAYS_BEFORE = 4
CALENDAR_DAYS_AFTER = 60
PEAK_FIRST_DAY = 5  # days after the clock's start day
PEAK_NIGHTS = 9

BRANDS: tuple[HotelBrand, ...] = (
    HotelBrand("yuetu", "悦途酒店", "Yuetu Hotels", assistant_discount_percent=10, assistant_discount_cap_fen=10_000),
    HotelBrand("qinghe", "青禾精选", "Qinghe Select", assistant_discount_percent=15, assistant_discount_cap_fen=30_000),
    HotelBrand("haitang", "海棠度假", "Haitang Resorts", assistant_discount_percent=12,
               assistant_discount_cap_fen=30_000),
    HotelBrand("anju", "安居快捷", "Anju Express"),  # not a partner: no assistant price
)
BRAND_BY_ID: dict[str, HotelBrand] = {brand.id: brand for brand in BRANDS}


@dataclass(frozen=True, slots=True)
class _RoomPlan:
    id: str
    name_zh: str
    name_en: str
    beds: int
    guests: int
    rooms: int
    price_percent: int  # of the hotel's king room


# One letter a room type in a hotel's plan, in the order the hotel lists them.
_ROOMS: dict[str, _RoomPlan] = {
    "K": _RoomPlan("king", "大床房", "King room", 1, 2, 14, 100),
    "T": _RoomPlan("twin", "双床房", "Twin room", 2, 2, 12, 105),
    "F": _RoomPlan("family", "家庭房", "Family room", 2, 4, 4, 140),
    "S": _RoomPlan("suite", "套房", "Suite", 1, 3, 3, 220),
}
# A king room on a weekday night by stars, before the city's level and the hotel's own variation.
_KING_ROOM_FEN: dict[int, int] = {2: 15_800, 3: 26_800, 4: 48_800, 5: 88_800}
# How dear a city's hotels are, in percent of the average.
_CITY_PRICE_PERCENT: dict[str, int] = {
    "shanghai": 125,
    "beijing": 120,
    "hangzhou": 110,
    "guangzhou": 100,
    "shenzhen": 105,
    "chengdu": 85,
    "sanya": 140,
    "xian": 85,
    "harbin": 90,
    "kunming": 80,
}
_VARIATION_PERCENT = 10  # each hotel prices up to this much above or below its peers

_LANDMARK_BY_ID = {landmark.id: landmark for landmark in LANDMARKS}

# (key, 中文, English, brand, stars, rating, landmark id, east m, north m of the landmark, room plan, aliases)
_HOTELS: tuple[tuple[str, str, str, str | None, int, float, str, int, int, str, tuple[str, ...]], ...] = (
    ("bund-riverside", "外滩江景酒店", "Bund Riverside Hotel", None, 5, 4.8, "shanghai-bund", 150, -200, "KTS",
     ("外滩江景", "Bund Riverside")),
    ("bund-yuetu", "悦途酒店（外滩南京东路店）", "Yuetu Hotel (the Bund, East Nanjing Road)", "yuetu", 4, 4.6,
     "shanghai-bund", -500, 150, "KT", ("悦途外滩店",)),
    ("bund-anju", "安居快捷（外滩店）", "Anju Express (the Bund)", "anju", 3, 4.3, "shanghai-bund", -900, -600,
     "KT", ("安居外滩店",)),
    ("lujiazui-skyline", "陆家嘴云端酒店", "Lujiazui Skyline Hotel", "qinghe", 5, 4.9, "shanghai-lujiazui", 300,
     200, "KTS", ("云端酒店", "Skyline Hotel")),
    ("lujiazui-yuetu", "悦途酒店（陆家嘴店）", "Yuetu Hotel (Lujiazui)", "yuetu", 4, 4.5, "shanghai-lujiazui", 700,
     -400, "KT", ("悦途陆家嘴店",)),
    ("lujiazui-binjiang", "滨江公寓酒店", "Binjiang Apartment Hotel", None, 3, 4.4, "shanghai-lujiazui", -200, 900,
     "KF", ("滨江公寓",)),
    ("west-lake-lakeside", "西湖湖畔酒店", "West Lake Lakeside Hotel", "qinghe", 5, 4.8, "hangzhou-west-lake", 500,
     300, "KTS", ("湖畔酒店", "Lakeside Hotel")),
    ("west-lake-yuetu", "悦途酒店（西湖湖滨店）", "Yuetu Hotel (Hubin, West Lake)", "yuetu", 4, 4.6,
     "hangzhou-west-lake", 900, 700, "KT", ("悦途湖滨店",)),
    ("west-lake-broken-bridge", "断桥客栈", "Broken Bridge Inn", None, 3, 4.7, "hangzhou-west-lake", 400, 1200, "KT",
     ("断桥客栈西湖店",)),
    ("east-station-anju", "安居快捷（杭州东站店）", "Anju Express (Hangzhou East Station)", "anju", 2, 4.1,
     "hangzhou-east-station", 300, -200, "KT", ("安居东站店",)),
    ("wangfujing-grand-court", "王府井华庭酒店", "Wangfujing Grand Court Hotel", "qinghe", 5, 4.7,
     "beijing-wangfujing", 200, 100, "KTS", ("华庭酒店", "Grand Court Hotel")),
    ("wangfujing-yuetu", "悦途酒店（王府井店）", "Yuetu Hotel (Wangfujing)", "yuetu", 4, 4.5, "beijing-wangfujing",
     -300, 400, "KT", ("悦途王府井店",)),
    ("wangfujing-anju", "安居快捷（王府井店）", "Anju Express (Wangfujing)", "anju", 2, 4.0, "beijing-wangfujing",
     400, -500, "KT", ("安居王府井店",)),
    ("forbidden-city-courtyard", "紫禁四合院酒店", "Forbidden City Courtyard Hotel", None, 4, 4.9,
     "beijing-forbidden-city", 600, 300, "KTS", ("四合院酒店", "Courtyard Hotel")),
    ("forbidden-city-jingshan", "景山精品酒店", "Jingshan Boutique Hotel", None, 4, 4.6, "beijing-forbidden-city",
     200, 900, "KT", ("景山酒店",)),
    ("forbidden-city-nanchizi", "南池子胡同酒店", "Nanchizi Hutong Hotel", None, 3, 4.4, "beijing-forbidden-city",
     500, -300, "KTF", ("胡同酒店", "Hutong Hotel")),
    ("canton-tower-view", "广州塔景酒店", "Canton Tower View Hotel", "qinghe", 5, 4.7, "guangzhou-canton-tower", 400,
     300, "KTS", ("塔景酒店",)),
    ("zhujiang-yuetu", "悦途酒店（珠江新城店）", "Yuetu Hotel (Zhujiang New Town)", "yuetu", 4, 4.5,
     "guangzhou-zhujiang-new-town", 200, -300, "KT", ("悦途珠江新城店",)),
    ("beijing-road-anju", "安居快捷（北京路店）", "Anju Express (Beijing Road)", "anju", 2, 4.0,
     "guangzhou-beijing-road", 150, 250, "KT", ("安居北京路店",)),
    ("shenzhen-bay-seaview", "深圳湾海景酒店", "Shenzhen Bay Seaview Hotel", None, 5, 4.8, "shenzhen-shenzhen-bay",
     300, 400, "KTS", ("海景酒店", "Seaview Hotel")),
    ("huaqiangbei-yuetu", "悦途酒店（华强北店）", "Yuetu Hotel (Huaqiangbei)", "yuetu", 3, 4.4,
     "shenzhen-huaqiangbei", -200, 300, "KT", ("悦途华强北店",)),
    ("window-garden", "世界之窗花园酒店", "Window of the World Garden Hotel", None, 4, 4.5,
     "shenzhen-window-of-the-world", 500, -400, "KTF", ("花园酒店",)),
    ("chunxi-hibiscus", "春熙芙蓉酒店", "Chunxi Hibiscus Hotel", "qinghe", 5, 4.8, "chengdu-chunxi-road", -300, 200,
     "KTS", ("芙蓉酒店", "Hibiscus Hotel")),
    ("chunxi-yuetu", "悦途酒店（春熙路店）", "Yuetu Hotel (Chunxi Road)", "yuetu", 4, 4.6, "chengdu-chunxi-road", 200,
     -150, "KT", ("悦途春熙路店",)),
    ("chunxi-anju", "安居快捷（春熙路店）", "Anju Express (Chunxi Road)", "anju", 2, 4.1, "chengdu-chunxi-road", 600,
     500, "KT", ("安居春熙路店",)),
    ("kuanzhai-courtyard", "宽窄院落酒店", "Kuanzhai Courtyard Hotel", None, 4, 4.7, "chengdu-kuanzhai", 250, -200,
     "KTF", ("院落酒店",)),
    ("yalong-bay-haitang", "海棠度假酒店（亚龙湾）", "Haitang Resort (Yalong Bay)", "haitang", 5, 4.9,
     "sanya-yalong-bay", 0, -300, "KTFS", ("海棠度假亚龙湾", "Haitang Resort")),
    ("yalong-bay-palm-grove", "亚龙湾椰林酒店", "Yalong Bay Palm Grove Hotel", None, 5, 4.7, "sanya-yalong-bay", 800,
     200, "KTS", ("椰林酒店", "Palm Grove Hotel")),
    ("yalong-bay-yuetu", "悦途酒店（亚龙湾店）", "Yuetu Hotel (Yalong Bay)", "yuetu", 4, 4.5, "sanya-yalong-bay",
     -900, 600, "KTF", ("悦途亚龙湾店",)),
    ("sanya-bay-anju", "安居快捷（三亚湾店）", "Anju Express (Sanya Bay)", "anju", 3, 4.2, "sanya-sanya-bay", 200,
     300, "KT", ("安居三亚湾店",)),
    ("big-goose-tang", "雁塔唐韵酒店", "Yanta Tang Style Hotel", "qinghe", 5, 4.8, "xian-big-wild-goose-pagoda", 300,
     200, "KTS", ("唐韵酒店", "Tang Style Hotel")),
    ("big-goose-yuetu", "悦途酒店（大雁塔店）", "Yuetu Hotel (Big Wild Goose Pagoda)", "yuetu", 4, 4.5,
     "xian-big-wild-goose-pagoda", -400, 500, "KT", ("悦途大雁塔店",)),
    ("bell-tower-anju", "安居快捷（钟楼店）", "Anju Express (Bell Tower)", "anju", 2, 4.0, "xian-bell-tower", 300,
     -200, "KT", ("安居钟楼店",)),
    ("central-street-baroque", "中央大街巴洛克酒店", "Central Street Baroque Hotel", None, 4, 4.8,
     "harbin-central-street", 100, 200, "KTS", ("巴洛克酒店", "Baroque Hotel")),
    ("central-street-yuetu", "悦途酒店（中央大街店）", "Yuetu Hotel (Central Street)", "yuetu", 4, 4.5,
     "harbin-central-street", -300, -400, "KT", ("悦途中央大街店",)),
    ("central-street-anju", "安居快捷（中央大街店）", "Anju Express (Central Street)", "anju", 2, 4.1,
     "harbin-central-street", 500, -700, "KT", ("安居中央大街店",)),
    ("dianchi-haitang", "海棠度假酒店（滇池）", "Haitang Resort (Dianchi Lake)", "haitang", 5, 4.8, "kunming-dianchi",
     600, 400, "KTFS", ("海棠度假滇池",)),
    ("dianchi-seagull", "滇池海鸥酒店", "Dianchi Seagull Hotel", None, 3, 4.5, "kunming-dianchi", 1000, 1200, "KTF",
     ("海鸥酒店", "Seagull Hotel")),
    ("green-lake-yuetu", "悦途酒店（翠湖店）", "Yuetu Hotel (Green Lake)", "yuetu", 4, 4.6, "kunming-green-lake", 300,
     -250, "KT", ("悦途翠湖店",)),
)


def _variation_percent(hotel_id: str) -> int:
    """-_VARIATION_PERCENT.._VARIATION_PERCENT, from a hash of the id: the same on every start."""
    digest = hashlib.sha256(hotel_id.encode()).digest()
    return digest[0] % (2 * _VARIATION_PERCENT + 1) - _VARIATION_PERCENT


def _room_type(plan: _RoomPlan, king_room_fen: int) -> RoomType:
    price = (king_room_fen * plan.price_percent + 5_000) // 10_000 * 100  # to the yuan
    return RoomType(plan.id, plan.name_zh, plan.name_en, plan.beds, plan.guests, plan.rooms, price)


def _hotel(
    key: str, name_zh: str, name_en: str, brand_id: str | None, stars: int, rating: float, landmark_id: str,
    east_m: int, north_m: int, room_plan: str, aliases: tuple[str, ...],
) -> Hotel:
    landmark = _LANDMARK_BY_ID[landmark_id]
    hotel_id = f"demo-{landmark.city_id}-{key}"
    king_room_fen = (
        _KING_ROOM_FEN[stars] * _CITY_PRICE_PERCENT[landmark.city_id] * (100 + _variation_percent(hotel_id)) // 10_000
    )
    return Hotel(
        id=hotel_id,
        city_id=landmark.city_id,
        name_zh=name_zh,
        name_en=name_en,
        location=offset_point(landmark.location, east_m, north_m),
        stars=stars,
        rating=rating,
        room_types=tuple(_room_type(_ROOMS[letter], king_room_fen) for letter in room_plan),
        brand_id=brand_id,
        aliases=aliases,
    )


HOTELS: tuple[Hotel, ...] = tuple(_hotel(*row) for row in _HOTELS)
HOTEL_BY_ID: dict[str, Hotel] = {hotel.id: hotel for hotel in HOTELS}


def hotels_in(city_id: str) -> tuple[Hotel, ...]:
    return tuple(h for h in HOTELS if h.city_id == city_id)


def on_calendar(night: date, clock_start_day: date) -> bool:
    """Whether rooms are sold for that night."""
    offset = (night - clock_start_day).days
    return -CALENDAR_DAYS_BEFORE <= offset <= CALENDAR_DAYS_AFTER


def peak_days(clock_start_day: date) -> frozenset[date]:
    """The Spring Festival nights, when every room is dearer."""
    first = clock_start_day + timedelta(days=PEAK_FIRST_DAY)
    return frozenset(first + timedelta(days=n) for n in range(PEAK_NIGHTS))


def item_key(hotel_id: str, room_type_id: str, night: date) -> str:
    """The counted-inventory item of one room type for one night."""
    return f"hotel:{hotel_id}:{room_type_id}:{night.isoformat()}"


class DemoHotels:
    """The demo hotels as a hotel provider: hotels and prices from this module, rooms left in the store."""

    name = PROVIDER

    def brands(self) -> tuple[HotelBrand, ...]:
        return BRANDS

    def hotels(self, city_id: str) -> tuple[Hotel, ...]:
        return hotels_in(city_id)

    def hotel(self, hotel_id: str) -> Hotel | None:
        return HOTEL_BY_ID.get(hotel_id)

    def nightly_prices(self, hotel_id: str, room_type_id: str, nights: list[date], clock_start_day: date) -> list[int]:
        room_type = self._room_type(hotel_id, room_type_id)
        if room_type is None or not nights or not all(on_calendar(night, clock_start_day) for night in nights):
            return []
        peak = peak_days(clock_start_day)
        return [nightly_price_fen(room_type, night, peak) for night in nights]

    async def free_rooms(
        self, session: AsyncSession, hotel_id: str, room_type_id: str, nights: list[date], now: datetime
    ) -> dict[date, int]:
        capacity = self._capacity(hotel_id, room_type_id, nights)
        free = await inventory.free_units(session, capacity, now)
        return {night: free[item_key(hotel_id, room_type_id, night)] for night in nights}

    async def hold_rooms(
        self, session: AsyncSession, hotel_id: str, room_type_id: str, nights: list[date], rooms: int, *,
        hold_id: str, until: datetime, now: datetime,
    ) -> None:
        if not nights or len(set(nights)) != len(nights):
            raise ValueError("a stay has at least one night, each named once")
        capacity = self._capacity(hotel_id, room_type_id, nights)
        await inventory.hold_units(session, dict.fromkeys(capacity, rooms), capacity, hold_id=hold_id, until=until,
                                   now=now)

    def sale(self, hold_id: str, order_id: str, now: datetime) -> Write:
        return inventory.sale(hold_id, order_id, now)

    async def release_hold(self, session: AsyncSession, hold_id: str) -> int:
        return await inventory.release_hold(session, hold_id)

    async def refund_order(self, session: AsyncSession, order_id: str) -> int:
        return await inventory.refund_sale(session, order_id)

    def _room_type(self, hotel_id: str, room_type_id: str) -> RoomType | None:
        hotel = HOTEL_BY_ID.get(hotel_id)
        return hotel.room_type(room_type_id) if hotel else None

    def _capacity(self, hotel_id: str, room_type_id: str, nights: list[date]) -> dict[str, int]:
        """Each night's item and how many rooms the hotel sells that night; ValueError for a room it lacks."""
        room_type = self._room_type(hotel_id, room_type_id)
        if room_type is None:
            raise ValueError(f"no room type {room_type_id!r} at hotel {hotel_id!r}")
        return {item_key(hotel_id, room_type_id, night): room_type.rooms for night in nights}
