"""Seat maps and the choice of seats: N together, in the wished rows, as central as possible.

Pure: a hall's layout and the seats already taken go in, a block of seats comes out.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

SeatKind = Literal["standard", "wheelchair", "vip", "couple"]
RowWish = Literal["first", "front", "middle", "back", "last"]


def seat_id(row: int, number: int) -> str:
    """ "7-12": row 7, seat 12, as printed on the ticket."""
    return f"{row}-{number}"


def seat_position(seat_id: str) -> tuple[int, int]:
    """The row and the seat number a seat id names ("7-12" -> (7, 12)); ValueError if it names none."""
    row, _, number = seat_id.partition("-")
    return int(row), int(number)


@dataclass(frozen=True, slots=True)
class Seat:
    id: str  # seat_id(row, number)
    row: int  # 1 is nearest the screen
    number: int  # the number on the seat
    column: int  # where it stands across the hall; an aisle is a column with no seat
    kind: SeatKind = "standard"


@dataclass(frozen=True, slots=True)
class SeatChoice:
    seats: tuple[Seat, ...]
    wish_met: bool  # False: the wished rows had no block this size, these are the closest


def _zone(wish: RowWish, rows: list[int]) -> set[int]:
    """The rows a wish means in this hall: thirds for front/middle/back, one row for first/last."""
    n = len(rows)
    third = max(1, round(n / 3))
    if wish == "first":
        return {rows[0]}
    if wish == "last":
        return {rows[-1]}
    if wish == "front":
        return set(rows[:third])
    if wish == "back":
        return set(rows[n - third :])
    return set(rows[third : n - third]) or {rows[n // 2]}


@dataclass(frozen=True)
class SeatMap:
    seats: tuple[Seat, ...]

    @property
    def rows(self) -> list[int]:
        return sorted({seat.row for seat in self.seats})

    @property
    def centre_column(self) -> float:
        columns = [seat.column for seat in self.seats]
        return (min(columns) + max(columns)) / 2

    def row(self, row: int) -> list[Seat]:
        return sorted((s for s in self.seats if s.row == row), key=lambda s: s.column)

    def seat(self, seat_id: str) -> Seat | None:
        return next((s for s in self.seats if s.id == seat_id), None)

    def blocks(self, row: int, count: int, unavailable: frozenset[str] | set[str]) -> list[tuple[Seat, ...]]:
        """Every run of `count` free seats side by side in a row (no aisle between, no wheelchair place)."""
        runs: list[list[Seat]] = [[]]
        previous: Seat | None = None
        for seat in self.row(row):
            usable = seat.id not in unavailable and seat.kind != "wheelchair"
            if not usable or (previous is not None and seat.column != previous.column + 1):
                runs.append([])
            if usable:
                runs[-1].append(seat)
            previous = seat
        return [tuple(run[i : i + count]) for run in runs for i in range(len(run) - count + 1)]

    def best_block(
        self, count: int, unavailable: frozenset[str] | set[str], wish: RowWish | None = None
    ) -> SeatChoice | None:
        """`count` adjacent free seats: in the wished rows if any have room, else the nearest rows;
        within a row, the block whose middle is nearest the centre of the hall. None: no row has room."""
        if count < 1:
            raise ValueError("count must be at least 1")
        rows = self.rows
        if not rows:
            return None
        zone = _zone(wish, rows) if wish else set()
        # Without a wish, the best view is about two thirds of the way back.
        ideal = sum(zone) / len(zone) if zone else rows[0] + (rows[-1] - rows[0]) * 2 / 3
        centre = self.centre_column
        best: tuple[tuple[float, float, int], tuple[Seat, ...]] | None = None
        for row in rows:
            row_cost = 0.0 if row in zone else abs(row - ideal) + (len(rows) if zone else 0)
            for block in self.blocks(row, count, unavailable):
                middle = (block[0].column + block[-1].column) / 2
                key = (row_cost, abs(middle - centre), block[0].column)
                if best is None or key < best[0]:
                    best = (key, block)
        if best is None:
            return None
        seats = best[1]
        return SeatChoice(seats, wish_met=not zone or seats[0].row in zone)
