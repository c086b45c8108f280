"""The demo cinemas as a movie provider: showings from cinemas.py, seat inventory in the store."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import delete, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from bangwo.domain.cinema import Cinema, Hall, Showing
from bangwo.providers.base import SeatsTaken
from bangwo.providers.demo import cinemas
from bangwo.providers.demo.world import PROVIDER
from bangwo.store.engine import lock_for_transaction
from bangwo.store.tables import SeatHold
from bangwo.store.writes import Write

_SELL = (
    "UPDATE seat_holds SET status = 'sold', order_id = :order_id "
    "WHERE hold_id = :hold_id AND status = 'held' AND expires_at > :now"
)


class DemoMovies:
    name = PROVIDER

    def cinemas(self, city_id: str) -> tuple[Cinema, ...]:
        return cinemas.cinemas_in(city_id)

    def cinema(self, cinema_id: str) -> Cinema | None:
        return cinemas.CINEMA_BY_ID.get(cinema_id)

    def showings(
        self, day: date, clock_start_day: date, *, city_id: str | None = None, film_id: str | None = None
    ) -> tuple[Showing, ...]:
        return tuple(cinemas.find_showings(day, clock_start_day, city_id=city_id, film_id=film_id))

    def showing(self, showing_id: str, clock_start_day: date) -> Showing | None:
        return cinemas.showing_by_id(showing_id, clock_start_day)

    def hall(self, hall_id: str) -> Hall | None:
        return cinemas.HALL_BY_ID.get(hall_id)

    async def unavailable_seats(
        self, session: AsyncSession, showing_id: str, now: datetime, *, to_hold: bool = False
    ) -> frozenset[str]:
        if to_hold:
            await lock_for_transaction(session, f"showing:{showing_id}")
        taken = await session.scalars(
            select(SeatHold.seat_id).where(
                SeatHold.showing_id == showing_id, or_(SeatHold.status == "sold", SeatHold.expires_at > now)
            )
        )
        return frozenset(taken) | _hall_of(showing_id).broken_seat_ids

    async def hold_seats(
        self, session: AsyncSession, showing_id: str, seat_ids: list[str], *, hold_id: str, until: datetime,
        now: datetime,
    ) -> None:
        hall = _hall_of(showing_id)
        unsellable = {s for s in seat_ids if hall.seat_map.seat(s) is None or s in hall.broken_seat_ids}
        if unsellable or len(set(seat_ids)) != len(seat_ids):
            raise SeatsTaken(unsellable or set(seat_ids))
        # An expired hold frees its seats: clear it, so the unique (showing, seat) row can be written anew.
        await session.execute(
            delete(SeatHold).where(
                SeatHold.showing_id == showing_id, SeatHold.seat_id.in_(seat_ids), SeatHold.status == "held",
                SeatHold.expires_at <= now,
            )
        )
        try:
            async with session.begin_nested():
                session.add_all(
                    SeatHold(showing_id=showing_id, seat_id=seat, hold_id=hold_id, status="held", expires_at=until,
                             order_id=None)
                    for seat in seat_ids
                )
        except IntegrityError as exc:
            taken = await self.unavailable_seats(session, showing_id, now)
            raise SeatsTaken(set(seat_ids) & taken or set(seat_ids)) from exc

    async def release_hold(self, session: AsyncSession, hold_id: str) -> int:
        result = await session.execute(delete(SeatHold).where(SeatHold.hold_id == hold_id, SeatHold.status == "held"))
        return result.rowcount

    def sale(self, hold_id: str, order_id: str, now: datetime) -> Write:
        return Write(_SELL, {"hold_id": hold_id, "order_id": order_id, "now": now})

    async def refund_order(self, session: AsyncSession, order_id: str) -> int:
        result = await session.execute(delete(SeatHold).where(SeatHold.order_id == order_id, SeatHold.status == "sold"))
        return result.rowcount


def _hall_of(showing_id: str) -> Hall:
    hall_id, _ = cinemas.parse_showing_id(showing_id)
    return cinemas.HALL_BY_ID[hall_id]
