"""Seat choice, by property: never a taken seat, always side by side, the wished rows when they have room."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from bangwo.domain.seats import Seat, SeatMap, _zone


@st.composite
def halls(draw: st.DrawFn) -> SeatMap:
    rows = draw(st.integers(min_value=1, max_value=12))
    width = draw(st.integers(min_value=4, max_value=20))
    aisles = draw(st.sets(st.integers(min_value=1, max_value=width - 2), max_size=2))
    seats = []
    for row in range(1, rows + 1):
        number = 0
        for column in range(width):
            if column in aisles:
                continue
            number += 1
            kind = draw(st.sampled_from(["standard"] * 8 + ["wheelchair", "vip"]))
            seats.append(Seat(f"{row}-{number}", row, number, column, kind))
    return SeatMap(tuple(seats))


@st.composite
def situations(draw: st.DrawFn):
    hall = draw(halls())
    taken = draw(st.sets(st.sampled_from([s.id for s in hall.seats]), max_size=len(hall.seats)))
    count = draw(st.integers(min_value=1, max_value=6))
    wish = draw(st.sampled_from([None, "first", "front", "middle", "back", "last"]))
    return hall, taken, count, wish


@settings(max_examples=300, deadline=None)
@given(situations())
def test_a_block_is_free_side_by_side_and_in_the_wished_rows_when_they_have_room(situation):
    hall, taken, count, wish = situation
    choice = hall.best_block(count, taken, wish)
    any_block = any(hall.blocks(row, count, taken) for row in hall.rows)
    if choice is None:
        assert not any_block
        return
    seats = choice.seats
    assert len(seats) == count
    assert not {s.id for s in seats} & taken
    assert all(s.kind != "wheelchair" for s in seats)
    assert len({s.row for s in seats}) == 1
    assert [s.column for s in seats] == list(range(seats[0].column, seats[0].column + count))
    if wish:
        zone = _zone(wish, hall.rows)
        zone_has_room = any(hall.blocks(row, count, taken) for row in zone)
        assert choice.wish_met == zone_has_room
        if zone_has_room:
            assert seats[0].row in zone


def small_hall() -> SeatMap:
    """Five rows of ten, an aisle after seat 3."""
    return SeatMap(tuple(
        Seat(f"{row}-{n}", row, n, n if n <= 3 else n + 1) for row in range(1, 6) for n in range(1, 11)
    ))


def test_two_in_the_last_row_are_central():
    # Seat 5 stands at the hall's centre column (the aisle shifts seats 4-10 one column right).
    choice = small_hall().best_block(2, set(), "last")
    assert [s.id for s in choice.seats] == ["5-4", "5-5"] and choice.wish_met
    taken_centre = small_hall().best_block(2, {"5-4", "5-5"}, "last")
    assert [s.id for s in taken_centre.seats] == ["5-6", "5-7"]


def test_an_aisle_splits_a_block():
    hall = small_hall()
    taken = {f"5-{n}" for n in range(5, 11)}  # only 5-1..5-4 free, and the aisle falls between 3 and 4
    choice = hall.best_block(4, taken, "last")
    assert choice.seats[0].row != 5 and not choice.wish_met


def test_a_full_hall_has_no_block():
    hall = small_hall()
    assert hall.best_block(1, {s.id for s in hall.seats}) is None
