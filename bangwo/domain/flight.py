"""Airlines and flights: what a flight provider offers and a flight skill books.

Pure: flights go in, the ones a person asked for come out ("tomorrow morning", "around 3 pm").
A flight's id names its number and its local departure day, so it can be read back without a lookup.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from bangwo.domain.cinema import TIME_WINDOW_MINUTES
from bangwo.domain.clock import local
from bangwo.domain.frame import Cabin, TimeWindow
from bangwo.domain.money import MIN_PAY_FEN, Fen

# An assistant-only price is a partner's thank-you, not a second free-order card: ¥300 at most.
MAX_ASSISTANT_DISCOUNT_CAP_FEN: Fen = 30_000


@dataclass(frozen=True, slots=True)
class Airline:
    id: str
    name_zh: str
    name_en: str
    code: str  # two letters, printed before the flight number: "QH" in QH5101
    assistant_discount_percent: int = 0  # of a booking's total, for bookings made through the assistant
    assistant_discount_cap_fen: Fen = 0

    def __post_init__(self) -> None:
        if not (len(self.code) == 2 and self.code.isascii() and self.code.isalnum() and self.code.isupper()):
            raise ValueError(f"an airline code is two capital letters or digits, not {self.code!r}")
        if not 0 <= self.assistant_discount_percent < 100:
            raise ValueError("the assistant discount is a percentage from 0 to 99")
        if not 0 <= self.assistant_discount_cap_fen <= MAX_ASSISTANT_DISCOUNT_CAP_FEN:
            raise ValueError(f"the assistant discount cap is at most {MAX_ASSISTANT_DISCOUNT_CAP_FEN} fen")


@dataclass(frozen=True, slots=True)
class Flight:
    id: str  # flight_id(number, day): "QH5101@2026-02-11"
    number: str  # "QH5101"
    airline_id: str
    origin_city_id: str
    destination_city_id: str
    depart: datetime  # aware, Asia/Shanghai
    arrive: datetime  # aware, Asia/Shanghai
    minutes: int  # gate to gate
    fares: dict[Cabin, Fen]  # one passenger, one way
    seats: dict[Cabin, int]  # what each cabin holds

    @property
    def day(self) -> date:
        """The local day the flight departs on, which its id names."""
        return local(self.depart).date()


def flight_id(number: str, day: date) -> str:
    """ "{number}@{YYYY-MM-DD}", the local day of departure."""
    return f"{number}@{day.isoformat()}"


def parse_flight_id(value: str) -> tuple[str, date]:
    """The flight number and the departure day a flight id names; ValueError if it is not one."""
    number, sep, day = value.rpartition("@")
    if not sep or not number:
        raise ValueError(f"not a flight id: {value!r}")
    try:
        return number, date.fromisoformat(day)
    except ValueError as error:
        raise ValueError(f"not a flight id: {value!r}") from error


def departs_in_window(flight: Flight, window: TimeWindow) -> bool:
    """Whether the flight leaves in that part of its day (a night flight may leave after midnight)."""
    start, end = TIME_WINDOW_MINUTES[window]
    moment = local(flight.depart)
    minute = moment.hour * 60 + moment.minute
    return start <= minute < end or start <= minute + 24 * 60 < end


def flights_in_window(flights: Iterable[Flight], window: TimeWindow) -> list[Flight]:
    """The flights leaving in that part of the day, earliest first."""
    return sorted((f for f in flights if departs_in_window(f, window)), key=lambda f: (f.depart, f.id))


def nearest_departures(flights: Iterable[Flight], wanted: datetime) -> list[Flight]:
    """Flights ordered by how far their departure is from the wanted instant ("around 3 pm");
    on a tie the earlier one first."""
    if wanted.tzinfo is None:
        raise ValueError("the wanted instant needs a timezone")
    return sorted(flights, key=lambda f: (abs((f.depart - wanted).total_seconds()), f.depart, f.id))


def assistant_discount_fen(airline: Airline, total_fen: Fen) -> Fen:
    """The airline's assistant-only price cut on a booking: its percentage of the total (rounded down),
    no more than its cap, and never so much that less than MIN_PAY_FEN is left."""
    share = total_fen * airline.assistant_discount_percent // 100
    return max(0, min(share, airline.assistant_discount_cap_fen, total_fen - MIN_PAY_FEN))
