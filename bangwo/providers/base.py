"""The Provider protocol. Built-in demo providers implement it exactly as a third party would."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Protocol

from sqlalchemy.ext.asyncio import AsyncSession

from bangwo.domain.catalogue import Catalogue, Merchant
from bangwo.domain.cinema import Cinema, Hall, Showing
from bangwo.domain.delivery import DeliveryPlan
from bangwo.domain.flight import Airline, Flight
from bangwo.domain.frame import Cabin
from bangwo.domain.geo import Point
from bangwo.domain.hotel import Hotel, HotelBrand
from bangwo.store.writes import Write


class FoodProvider(Protocol):
    name: str

    def catalogue(self) -> Catalogue:
        """Everything this provider offers; deterministic for a given provider version."""
        ...

    def plan_delivery(self, merchant: Merchant, to: Point, start: datetime, arrive_by: datetime | None) -> DeliveryPlan:
        """When the order will be accepted, prepared, picked up and delivered."""
        ...


class Geocoder(Protocol):
    def locate(self, city_id: str, address: str) -> Point:
        """A point for a street address in a known city."""
        ...


class OutOfStock(Exception):
    """Some counted items (stock, seats of a cabin, rooms of a night) have fewer free units than asked
    for; `free` says how many each has."""

    def __init__(self, free: dict[str, int]) -> None:
        super().__init__(f"not enough left: {free}")
        self.free = free


class SeatsTaken(Exception):
    """Some of the seats asked for are held or sold already, or cannot be sold."""

    def __init__(self, seat_ids: set[str]) -> None:
        super().__init__(f"seats not available: {sorted(seat_ids)}")
        self.seat_ids = seat_ids


class HoldingProvider(Protocol):
    """A provider that holds inventory for a confirmation card (seats, stock, rooms). Its writes run in
    the caller's transaction (a sale in the payment's own batch), so selling commits or rolls back together
    with the payment."""

    name: str

    def sale(self, hold_id: str, order_id: str, now: datetime) -> Write:
        """The write that turns an unexpired hold into a sale, run in one batch with the payment's other
        writes; it touches a row for each unit sold, none if the hold had lapsed."""
        ...

    async def release_hold(self, session: AsyncSession, hold_id: str) -> int:
        """Let go of a hold that will not be paid."""
        ...

    async def refund_order(self, session: AsyncSession, order_id: str) -> int:
        """Put what an order bought back on sale; returns how many rows."""
        ...


class GroceryProvider(HoldingProvider, Protocol):
    """Stock of the supermarkets a food provider's catalogue lists (merchants of category "grocery")."""

    def stock(self, item_id: str) -> int:
        """How many units of a product the shop has today, held and sold ones included."""
        ...

    async def free_stock(self, session: AsyncSession, item_ids: list[str], now: datetime) -> dict[str, int]:
        """Units of each product that can still be held."""
        ...

    async def hold_items(
        self, session: AsyncSession, wanted: dict[str, int], *, hold_id: str, until: datetime, now: datetime
    ) -> None:
        """Hold these units until `until`, all or none; raises OutOfStock."""
        ...


class MovieProvider(HoldingProvider, Protocol):
    """Cinemas, showings and seat inventory."""

    def cinemas(self, city_id: str) -> tuple[Cinema, ...]: ...

    def cinema(self, cinema_id: str) -> Cinema | None: ...

    def showings(
        self, day: date, clock_start_day: date, *, city_id: str | None = None, film_id: str | None = None
    ) -> tuple[Showing, ...]: ...

    def showing(self, showing_id: str, clock_start_day: date) -> Showing | None: ...

    def hall(self, hall_id: str) -> Hall | None: ...

    async def unavailable_seats(
        self, session: AsyncSession, showing_id: str, now: datetime, *, to_hold: bool = False
    ) -> frozenset[str]:
        """Seats that cannot be offered now: sold, held by an unexpired hold, or broken. With to_hold, the
        showing's seats stay as read until the transaction ends, so seats chosen from them can be held."""
        ...

    async def hold_seats(
        self, session: AsyncSession, showing_id: str, seat_ids: list[str], *, hold_id: str, until: datetime,
        now: datetime,
    ) -> None:
        """Hold these seats until `until`, all or none; raises SeatsTaken."""
        ...


class FlightProvider(HoldingProvider, Protocol):
    """Airlines, daily flights between cities, and seats counted by cabin."""

    def airlines(self) -> tuple[Airline, ...]: ...

    def airline(self, airline_id: str) -> Airline | None: ...

    def flights(
        self, origin_city_id: str, destination_city_id: str, day: date, clock_start_day: date
    ) -> tuple[Flight, ...]:
        """Every flight on the route leaving that local day, earliest first."""
        ...

    def flight(self, flight_id: str, clock_start_day: date) -> Flight | None: ...

    async def free_seats(
        self, session: AsyncSession, flight_ids: Sequence[str], cabin: Cabin, now: datetime
    ) -> dict[str, int]:
        """How many seats of the cabin each flight can still sell (0 for a flight it does not know)."""
        ...

    async def hold_seats(
        self, session: AsyncSession, flight_id: str, cabin: Cabin, passengers: int, *, hold_id: str,
        until: datetime, now: datetime, clock_start_day: date,
    ) -> None:
        """Hold a seat of the cabin for each passenger until `until`, all or none; raises OutOfStock."""
        ...


class HotelProvider(HoldingProvider, Protocol):
    """Hotels, their room types and nightly prices, and the rooms left each night."""

    def brands(self) -> tuple[HotelBrand, ...]: ...

    def hotels(self, city_id: str) -> tuple[Hotel, ...]: ...

    def hotel(self, hotel_id: str) -> Hotel | None: ...

    def nightly_prices(self, hotel_id: str, room_type_id: str, nights: list[date], clock_start_day: date) -> list[int]:
        """One room's price for each night, in order; empty when the room type is unknown or any night is not
        on sale (the calendar is laid out from clock_start_day)."""
        ...

    async def free_rooms(
        self, session: AsyncSession, hotel_id: str, room_type_id: str, nights: list[date], now: datetime
    ) -> dict[date, int]:
        """Rooms of this type that can still be held, each night."""
        ...

    async def hold_rooms(
        self, session: AsyncSession, hotel_id: str, room_type_id: str, nights: list[date], rooms: int, *,
        hold_id: str, until: datetime, now: datetime,
    ) -> None:
        """Hold this many rooms for every night until `until`, every night or none; raises OutOfStock."""
        ...

