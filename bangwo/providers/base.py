"""The Provider protocol. Built-in demo providers implement it exactly as a third party would."""

from __future__ import annotations

from datetime import date, datetime
from typing import Protocol

from sqlalchemy.ext.asyncio import AsyncSession

from bangwo.domain.catalogue import Catalogue, Merchant
from bangwo.domain.cinema import Cinema, Hall, Showing
from bangwo.domain.delivery import DeliveryPlan
from bangwo.domain.geo import Point


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


class SeatsTaken(Exception):
    """Some of the seats asked for are held or sold already, or cannot be sold."""

    def __init__(self, seat_ids: set[str]) -> None:
        super().__init__(f"seats not available: {sorted(seat_ids)}")
        self.seat_ids = seat_ids


class MovieProvider(Protocol):
    """Cinemas, showings and seat inventory. Seat writes take the caller's session, so that
    selling seats commits or rolls back together with the payment."""

    name: str

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

    async def release_hold(self, session: AsyncSession, hold_id: str) -> int: ...

    async def sell_hold(self, session: AsyncSession, hold_id: str, order_id: str, now: datetime) -> int:
        """Turn an unexpired hold into a sale; returns how many seats were sold (0: it had expired)."""
        ...

    async def refund_order(self, session: AsyncSession, order_id: str) -> int:
        """Put an order's seats back on sale; returns how many."""
        ...
