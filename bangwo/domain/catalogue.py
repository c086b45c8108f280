"""What providers offer: cities, merchants, their menus and option groups."""

from __future__ import annotations

from dataclasses import dataclass, field

from bangwo.domain.geo import Point
from bangwo.domain.hotel import HotelBrand
from bangwo.domain.money import Fen

MINUTES_PER_DAY = 24 * 60


@dataclass(frozen=True, slots=True)
class City:
    id: str
    name_zh: str
    name_en: str
    centre: Point
    aliases: tuple[str, ...] = ()

    def names(self) -> tuple[str, ...]:
        return (self.name_zh, self.name_en, *self.aliases)


@dataclass(frozen=True, slots=True)
class MappedCity:
    """A city a provider's map knows by name where nothing is sold: enough to read 南京 as the city of
    南京夫子庙附近, not as the start of a landmark."""

    name_zh: str
    name_en: str
    aliases: tuple[str, ...] = ()  # nicknames people say it by: 泉城, 鹭岛

    def names(self) -> tuple[str, ...]:
        return (self.name_zh, self.name_en, *self.aliases)


@dataclass(frozen=True, slots=True)
class KnownBrand:
    """A chain a provider's directory knows by name where the demo sells nothing under it: enough to read 麦当劳
    as the shop of 麦当劳巨无霸套餐, and KFC's chicken wings as cooked."""

    name_zh: str
    name_en: str
    category: str  # "food" or "grocery", as a merchant's; "movie" for a cinema chain, "hotel" for a hotel chain
    aliases: tuple[str, ...] = ()

    def names(self) -> tuple[str, ...]:
        return (self.name_zh, self.name_en, *self.aliases)


@dataclass(frozen=True, slots=True)
class Landmark:
    """A place people say hotels and shops are "near": 外滩 the Bund, 西湖 West Lake."""

    id: str
    city_id: str
    name_zh: str
    name_en: str
    location: Point
    aliases: tuple[str, ...] = ()

    def names(self) -> tuple[str, ...]:
        return (self.name_zh, self.name_en, *self.aliases)


@dataclass(frozen=True, slots=True)
class Film:
    id: str
    title_zh: str
    title_en: str
    aliases: tuple[str, ...] = ()
    minutes: int = 120

    def names(self) -> tuple[str, ...]:
        return (self.title_zh, self.title_en, *self.aliases)


@dataclass(frozen=True, slots=True)
class OptionChoice:
    value: str  # the contract's value: "large", "less", "hot"
    label_zh: str
    label_en: str
    price_delta_fen: Fen = 0


@dataclass(frozen=True, slots=True)
class OptionGroup:
    name: str  # "size" | "sugar" | "ice"
    default: str
    choices: tuple[OptionChoice, ...]

    def choice(self, value: str) -> OptionChoice | None:
        return next((c for c in self.choices if c.value == value), None)


@dataclass(frozen=True, slots=True)
class MenuItem:
    id: str
    merchant_id: str
    name_zh: str
    name_en: str
    price_fen: Fen
    aliases: tuple[str, ...] = ()
    option_groups: tuple[OptionGroup, ...] = ()
    unit: str | None = None  # what one of it is sold as: 盒, 斤, 瓶 (None for a dish)

    def names(self) -> tuple[str, ...]:
        return (self.name_zh, self.name_en, *self.aliases)

    def group(self, name: str) -> OptionGroup | None:
        return next((g for g in self.option_groups if g.name == name), None)


@dataclass(frozen=True, slots=True)
class OpeningHours:
    """Daily hours in local minutes after midnight; close may pass midnight (open 17:00, close 02:00)."""

    open_minute: int = 0
    close_minute: int = MINUTES_PER_DAY

    @property
    def around_the_clock(self) -> bool:
        return self.close_minute - self.open_minute >= MINUTES_PER_DAY

    def is_open_at(self, minute_of_day: int) -> bool:
        if self.around_the_clock:
            return True
        close = self.close_minute
        if close <= self.open_minute:
            close += MINUTES_PER_DAY
        return self.open_minute <= minute_of_day < close or self.open_minute <= minute_of_day + MINUTES_PER_DAY < close

    def describe(self) -> str:
        if self.around_the_clock:
            return "24h"
        close = self.close_minute % MINUTES_PER_DAY
        return f"{self.open_minute // 60:02d}:{self.open_minute % 60:02d}-{close // 60:02d}:{close % 60:02d}"


@dataclass(frozen=True, slots=True)
class Merchant:
    id: str
    provider: str
    city_id: str
    name_zh: str
    name_en: str
    location: Point
    rating: float  # 0..5
    hours: OpeningHours
    delivery_fee_fen: Fen
    min_order_fen: Fen
    prep_minutes: int = 12
    category: str = "food"
    menu: tuple[MenuItem, ...] = field(default=())


@dataclass(frozen=True, slots=True)
class Catalogue:
    """Everything one provider offers, as registered at start."""

    provider: str
    cities: tuple[City, ...] = ()
    merchants: tuple[Merchant, ...] = ()  # food shops and supermarkets (category "food" or "grocery")
    landmarks: tuple[Landmark, ...] = ()
    films: tuple[Film, ...] = ()
    mapped_cities: tuple[MappedCity, ...] = ()  # known by name only: nothing is sold there
    known_brands: tuple[KnownBrand, ...] = ()  # chains known by name only: nothing is sold under them
    hotel_brands: tuple[HotelBrand, ...] = ()  # the hotel chains whose rooms are sold (悦途酒店): asked for by name
