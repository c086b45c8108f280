"""Hotels, their room types and what a stay costs: what a hotel provider offers and a hotel skill books.

Pure: a room type, the nights of a stay and the peak days go in, the nightly prices come out.
A stay is the list of its nights (check-in day through the day before check-out); each night is
priced, held and sold on its own, so a stay is bookable only if every night of it is.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, timedelta

from bangwo.domain.geo import Point
from bangwo.domain.money import MIN_PAY_FEN, Fen

# An assistant price is a partner's thank-you for booking through bangwo, not a second free-order card.
MAX_ASSISTANT_DISCOUNT_FEN: Fen = 30_000
# Friday and Saturday nights are the weekend a hotel charges more for.
WEEKEND_NIGHTS = frozenset({4, 5})  # date.weekday(): Monday is 0
WEEKEND_SURCHARGE_PERCENT = 20
PEAK_SURCHARGE_PERCENT = 60  # a Spring Festival night; replaces the weekend surcharge, it does not add to it


@dataclass(frozen=True, slots=True)
class HotelBrand:
    """A hotel chain. A partner brand gives a price only booked through the assistant: a percent of the
    stay, capped; assistant_discount_percent 0 means the brand gives none."""

    id: str
    name_zh: str
    name_en: str
    assistant_discount_percent: int = 0
    assistant_discount_cap_fen: Fen = 0

    def __post_init__(self) -> None:
        if not 0 <= self.assistant_discount_percent <= 100:
            raise ValueError("an assistant discount is a percent from 0 to 100")
        if not 0 <= self.assistant_discount_cap_fen <= MAX_ASSISTANT_DISCOUNT_FEN:
            raise ValueError(f"an assistant discount is capped at {MAX_ASSISTANT_DISCOUNT_FEN} fen at most")


@dataclass(frozen=True, slots=True)
class RoomType:
    id: str  # unique within its hotel: "king", "twin"
    name_zh: str
    name_en: str
    beds: int
    guests: int  # how many can sleep in one room
    rooms: int  # how many rooms of this type the hotel sells each night
    base_price_fen: Fen  # a weekday night off the peak


@dataclass(frozen=True, slots=True)
class Hotel:
    id: str
    city_id: str
    name_zh: str
    name_en: str
    location: Point
    stars: int  # 2..5
    rating: float  # guests' reviews, 0..5
    room_types: tuple[RoomType, ...]
    brand_id: str | None = None  # None: an independent hotel
    aliases: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not 2 <= self.stars <= 5:
            raise ValueError(f"{self.id}: a hotel has 2 to 5 stars")

    def names(self) -> tuple[str, ...]:
        return (self.name_zh, self.name_en, *self.aliases)

    def room_type(self, room_type_id: str) -> RoomType | None:
        return next((r for r in self.room_types if r.id == room_type_id), None)


def nights_of(check_in: date, nights: int) -> list[date]:
    """The nights of a stay: the check-in day and each day after it until the day before check-out."""
    if nights < 1:
        raise ValueError("a stay has at least one night")
    return [check_in + timedelta(days=n) for n in range(nights)]


def check_out_of(nights: list[date]) -> date:
    """The morning the guest leaves: the day after the last night."""
    return max(nights) + timedelta(days=1)


def nightly_price_fen(room_type: RoomType, night: date, peak_days: Collection[date]) -> Fen:
    """One room for one night: the base price, dearer on a weekend night and dearer still on a peak
    night, rounded to the yuan as hotels list them."""
    if night in peak_days:
        surcharge = PEAK_SURCHARGE_PERCENT
    elif night.weekday() in WEEKEND_NIGHTS:
        surcharge = WEEKEND_SURCHARGE_PERCENT
    else:
        surcharge = 0
    return (room_type.base_price_fen * (100 + surcharge) + 5_000) // 10_000 * 100


def assistant_discount_fen(brand: HotelBrand | None, total_fen: Fen) -> Fen:
    """The brand's assistant price off a stay costing total_fen: its percent of the total (rounded down),
    at most its cap, and never so much that the stay costs less than one fen."""
    if brand is None or brand.assistant_discount_percent <= 0 or total_fen <= MIN_PAY_FEN:
        return 0
    share = total_fen * brand.assistant_discount_percent // 100
    return min(share, brand.assistant_discount_cap_fen, total_fen - MIN_PAY_FEN)
