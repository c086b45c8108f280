"""The demo cinemas: halls with real seat maps, and showtimes that follow the clock.

The Spring Festival campaign starts the clock at 2026-02-10T10:00+08:00; 惊蛰无声 has its
premiere that evening in every city, and on the evening of whatever day the clock starts on.
"""

from __future__ import annotations

import re
import time
from collections import Counter
from datetime import date, datetime, timedelta
from itertools import pairwise

import pytest

from bangwo.domain.cinema import Hall, Showing, in_time_window, showing_id
from bangwo.domain.clock import SHANGHAI
from bangwo.domain.geo import distance_m
from bangwo.providers.demo.cinemas import (
    CALENDAR_DAYS_AFTER,
    CALENDAR_DAYS_BEFORE,
    CINEMA_BY_ID,
    CINEMAS,
    HALL_BY_ID,
    PREMIERE_FILM_ID,
    cinemas_in,
    cleaning_minutes,
    find_showings,
    nearest_showings,
    parse_showing_id,
    seat_price_fen,
    showing_by_id,
    showings,
    showings_in_window,
)
from bangwo.providers.demo.films import FILMS
from bangwo.providers.demo.places import CITY_BY_ID

CAMPAIGN_DAY = date(2026, 2, 10)
OTHER_START_DAY = date(2026, 11, 28)
CITIES = ("hangzhou", "shanghai", "beijing")
HALLS = [hall for cinema in CINEMAS for hall in cinema.halls]
SEAT_ID = re.compile(r"^[1-9]\d*-[1-9]\d*$")


def calendar(start_day: date) -> list[date]:
    return [start_day + timedelta(days=d) for d in range(-CALENDAR_DAYS_BEFORE, CALENDAR_DAYS_AFTER + 1)]


def all_showings(start_day: date) -> list[Showing]:
    return [s for c in CINEMAS for day in calendar(start_day) for s in showings(c.id, day, start_day)]


def minute_of_day(showing: Showing) -> int:
    return showing.start.hour * 60 + showing.start.minute


# ---- cinemas and halls ------------------------------------------------------------------


def test_two_cinemas_in_each_of_three_cities_bilingual_near_the_centre_with_three_halls_or_more():
    assert len(CINEMAS) >= 6
    assert Counter(c.city_id for c in CINEMAS) == {"hangzhou": 2, "shanghai": 2, "beijing": 2}
    assert len(CINEMA_BY_ID) == len(CINEMAS) and len(HALL_BY_ID) == len(HALLS)
    for cinema in CINEMAS:
        assert cinema.name_zh and cinema.name_en and cinema.name_zh != cinema.name_en
        assert "（" in cinema.name_zh and "(" in cinema.name_en  # the branch, as in 星光影城（西湖店）
        assert distance_m(cinema.location, CITY_BY_ID[cinema.city_id].centre) < 8000
        assert len(cinema.halls) >= 3
        assert all(h.cinema_id == cinema.id and cinema.hall(h.id) is h for h in cinema.halls)
    assert [c.name_en for c in cinemas_in("hangzhou")] == [
        "Starlight Cinema (West Lake)",
        "Galaxy International Cinema (Wulin)",
    ]
    assert cinemas_in("sanya") == ()


def test_one_imax_hall_per_city_and_it_is_large():
    imax = [h for h in HALLS if h.format == "IMAX"]
    assert Counter(CINEMA_BY_ID[h.cinema_id].city_id for h in imax) == {city: 1 for city in CITIES}
    for hall in imax:
        seat_map = hall.seat_map
        assert len(seat_map.rows) >= 14
        assert max(len(seat_map.row(r)) for r in seat_map.rows) >= 24
        assert len(seat_map.seats) == max(len(h.seat_map.seats) for h in HALLS)


@pytest.mark.parametrize("hall", HALLS, ids=lambda h: h.id)
def test_every_hall_has_aisles_wheelchair_corners_a_vip_or_couple_row_and_broken_seats(hall: Hall):
    seat_map = hall.seat_map
    columns = {s.column for s in seat_map.seats}
    aisles = [c for c in range(min(columns), max(columns)) if c not in columns]
    assert aisles, "no aisle"

    wheelchairs = [s for s in seat_map.seats if s.kind == "wheelchair"]
    assert wheelchairs
    for seat in wheelchairs:
        row = seat_map.row(seat.row)
        assert seat.row in (seat_map.rows[0], seat_map.rows[-1])
        assert seat in (row[0], row[-1])  # a corner, by the exits

    def special(row: int) -> int:
        return sum(s.kind in ("vip", "couple") for s in seat_map.row(row))

    # A VIP row or a couple row: most of the row's seats, the centre block at least.
    special_rows = [r for r in seat_map.rows if special(r) * 2 >= len(seat_map.row(r))]
    assert special_rows

    assert 1 <= len(hall.broken_seat_ids) <= 5
    assert hall.broken_seat_ids <= {s.id for s in seat_map.seats}
    assert hall.capacity == len(seat_map.seats) - len(hall.broken_seat_ids)


@pytest.mark.parametrize("hall", HALLS, ids=lambda h: h.id)
def test_seat_ids_are_row_number_unique_and_numbered_left_to_right(hall: Hall):
    seat_map = hall.seat_map
    ids = [s.id for s in seat_map.seats]
    assert len(ids) == len(set(ids))
    assert all(SEAT_ID.match(i) for i in ids)
    assert seat_map.rows == list(range(1, len(seat_map.rows) + 1))  # row 1 nearest the screen
    for r in seat_map.rows:
        row = seat_map.row(r)
        assert [s.number for s in row] == list(range(1, len(row) + 1))
        assert all(s.id == f"{s.row}-{s.number}" for s in row)
    assert seat_map.seat("1-1") is not None and seat_map.seat("99-1") is None


def test_halls_have_gaps_a_shorter_front_row_and_a_pillar():
    for hall in HALLS:
        seat_map = hall.seat_map
        assert len(seat_map.row(1)) < max(len(seat_map.row(r)) for r in seat_map.rows)

    def has_pillar(hall: Hall) -> bool:
        # A column with seats in front of and behind some middle row, but none in that row.
        seat_map = hall.seat_map
        for r in seat_map.rows[1:-1]:
            present = {s.column for s in seat_map.row(r)}
            for column in {s.column for s in seat_map.row(r - 1)} - present:
                if any(s.column == column for s in seat_map.row(seat_map.rows[-2])) and r < seat_map.rows[-2]:
                    return True
        return False

    assert sum(has_pillar(h) for h in HALLS) >= 6


def test_halls_on_one_layout_share_one_seat_map():
    assert HALL_BY_ID["demo-hangzhou-starlight-h2"].seat_map is HALL_BY_ID["demo-beijing-galaxy-h2"].seat_map


@pytest.mark.parametrize(
    "hall_id", ["demo-hangzhou-starlight-h1", "demo-shanghai-galaxy-imax", "demo-beijing-galaxy-h4"]
)
def test_best_block_finds_two_together_in_the_last_row_of_a_real_hall(hall_id: str):
    hall = HALL_BY_ID[hall_id]
    choice = hall.seat_map.best_block(2, hall.broken_seat_ids, "last")
    assert choice is not None and choice.wish_met
    first, second = choice.seats
    assert first.row == second.row == hall.seat_map.rows[-1]
    assert second.column == first.column + 1
    assert not {first.id, second.id} & hall.broken_seat_ids
    assert {first.kind, second.kind} <= {"standard", "vip", "couple"}


# ---- showtimes --------------------------------------------------------------------------


@pytest.mark.parametrize("start_day", [CAMPAIGN_DAY, OTHER_START_DAY])
def test_showings_start_between_10_and_2330_on_five_minute_marks_in_shanghai_time(start_day: date):
    every = all_showings(start_day)
    assert len(every) > 6 * 23 * 15
    for s in every:
        assert s.start.tzinfo is SHANGHAI
        assert 10 * 60 <= minute_of_day(s) <= 23 * 60 + 30
        assert s.start.minute % 5 == 0 and s.start.second == 0
        assert s.film_id in {f.id for f in FILMS}
        assert s.minutes == next(f.minutes for f in FILMS if f.id == s.film_id)
        assert s.format == HALL_BY_ID[s.hall_id].format and s.language == "zh"
        assert HALL_BY_ID[s.hall_id].cinema_id == s.cinema_id


@pytest.mark.parametrize("start_day", [CAMPAIGN_DAY, OTHER_START_DAY])
def test_a_hall_never_shows_two_films_at_once_and_is_cleaned_between(start_day: date):
    for cinema in CINEMAS:
        for day in calendar(start_day):
            day_showings = showings(cinema.id, day, start_day)
            for hall in cinema.halls:
                in_hall = [s for s in day_showings if s.hall_id == hall.id]
                assert len(in_hall) >= 4, (hall.id, day)
                for before, after in pairwise(in_hall):
                    assert after.start >= before.end + timedelta(minutes=cleaning_minutes(hall))


def test_every_film_is_shown_and_a_day_has_a_choice_in_the_evening():
    day = CAMPAIGN_DAY + timedelta(days=1)
    shown = {s.film_id for c in CINEMAS for s in showings(c.id, day, CAMPAIGN_DAY)}
    assert shown == {f.id for f in FILMS}
    for city in CITIES:
        assert len(showings_in_window(find_showings(day, CAMPAIGN_DAY, city_id=city), "evening")) >= 10


def test_showings_are_deterministic_and_their_ids_stable():
    generate = showings.__wrapped__
    for cinema in CINEMAS:
        first = generate(cinema.id, CAMPAIGN_DAY + timedelta(days=3), CAMPAIGN_DAY)
        assert first == generate(cinema.id, CAMPAIGN_DAY + timedelta(days=3), CAMPAIGN_DAY)
        assert first == showings(cinema.id, CAMPAIGN_DAY + timedelta(days=3), CAMPAIGN_DAY)
    assert showings("demo-hangzhou-galaxy", CAMPAIGN_DAY, CAMPAIGN_DAY)[0].id == (
        "demo-hangzhou-galaxy-h3@2026-02-10T1045"
    )


def test_a_showing_id_parses_back_to_its_hall_and_start_and_finds_the_showing():
    every = all_showings(CAMPAIGN_DAY)
    assert len({s.id for s in every}) == len(every)
    for s in every[:: max(1, len(every) // 300)]:
        assert parse_showing_id(s.id) == (s.hall_id, s.start)
        assert showing_id(s.hall_id, s.start) == s.id
        assert showing_by_id(s.id, CAMPAIGN_DAY) == s
    assert parse_showing_id("demo-shanghai-galaxy-imax@2026-02-10T1930") == (
        "demo-shanghai-galaxy-imax",
        datetime(2026, 2, 10, 19, 30, tzinfo=SHANGHAI),
    )
    for bad in ("", "demo-shanghai-galaxy-imax", "@2026-02-10T1930", "demo-shanghai-galaxy-imax@2026-02-10 19:30"):
        with pytest.raises(ValueError):
            parse_showing_id(bad)
        assert showing_by_id(bad, CAMPAIGN_DAY) is None
    assert showing_by_id("demo-shanghai-galaxy-imax@2026-02-10T1931", CAMPAIGN_DAY) is None
    assert showing_by_id("no-such-hall@2026-02-10T1930", CAMPAIGN_DAY) is None


@pytest.mark.parametrize("start_day", [CAMPAIGN_DAY, OTHER_START_DAY])
def test_silent_awakening_premieres_on_the_evening_of_the_start_day_in_every_city(start_day: date):
    for city in CITIES:
        premiere = find_showings(start_day, start_day, city_id=city, film_id=PREMIERE_FILM_ID)
        assert any(19 * 60 <= minute_of_day(s) <= 21 * 60 for s in premiere), city
        assert all(s.premiere and minute_of_day(s) >= 19 * 60 for s in premiere)
        assert find_showings(start_day, start_day, city_id=city, premiere=True) == premiere
        for days_before in range(1, CALENDAR_DAYS_BEFORE + 1):
            earlier = start_day - timedelta(days=days_before)
            assert find_showings(earlier, start_day, city_id=city)
            assert not find_showings(earlier, start_day, city_id=city, film_id=PREMIERE_FILM_ID)
        after = find_showings(start_day + timedelta(days=1), start_day, city_id=city, film_id=PREMIERE_FILM_ID)
        assert len(after) >= 4 and not any(s.premiere for s in after)
    others = [s for s in all_showings(start_day) if s.film_id != PREMIERE_FILM_ID]
    assert not any(s.premiere for s in others)


def test_the_campaign_premiere_is_on_2026_02_10():
    premieres = [s for s in all_showings(CAMPAIGN_DAY) if s.premiere]
    assert {s.start.date() for s in premieres} == {CAMPAIGN_DAY}
    assert "demo-shanghai-galaxy-imax@2026-02-10T1930" in {s.id for s in premieres}


def test_the_calendar_runs_from_four_days_before_the_start_day_to_eighteen_after():
    for cinema in CINEMAS:
        assert showings(cinema.id, CAMPAIGN_DAY - timedelta(days=4), CAMPAIGN_DAY)
        assert showings(cinema.id, CAMPAIGN_DAY + timedelta(days=18), CAMPAIGN_DAY)
        assert showings(cinema.id, CAMPAIGN_DAY - timedelta(days=5), CAMPAIGN_DAY) == ()
        assert showings(cinema.id, CAMPAIGN_DAY + timedelta(days=19), CAMPAIGN_DAY) == ()
    assert showings("no-such-cinema", CAMPAIGN_DAY, CAMPAIGN_DAY) == ()
    assert find_showings(CAMPAIGN_DAY + timedelta(days=30), CAMPAIGN_DAY) == []


# ---- prices -----------------------------------------------------------------------------


def test_prices_are_positive_fen_imax_dearer_evenings_dearer_matinees_cheaper():
    every = all_showings(CAMPAIGN_DAY)
    assert all(isinstance(s.price_fen, int) and s.price_fen > 0 for s in every)
    same_hour = 0
    for s in every:
        if s.format != "IMAX":
            continue
        for other in showings(s.cinema_id, s.start.date(), CAMPAIGN_DAY):
            if other.format == "2D" and other.start.hour == s.start.hour:
                assert s.price_fen > other.price_fen
                same_hour += 1
    assert same_hour > 20
    for hall in HALLS:
        in_hall = [s for s in every if s.hall_id == hall.id]
        mornings = [s.price_fen for s in in_hall if minute_of_day(s) < 12 * 60]
        evenings = [s.price_fen for s in in_hall if 18 * 60 <= minute_of_day(s) < 22 * 60]
        assert mornings and evenings and max(mornings) < min(evenings), hall.id


def test_vip_and_couple_seats_cost_more_wheelchair_places_the_same():
    showing = showings("demo-beijing-galaxy", CAMPAIGN_DAY, CAMPAIGN_DAY)[0]
    seat_map = HALL_BY_ID["demo-beijing-galaxy-h2"].seat_map
    standard, couple, wheelchair = seat_map.seat("2-1"), seat_map.seat("11-3"), seat_map.seat("1-1")
    vip = HALL_BY_ID["demo-beijing-galaxy-h4"].seat_map.seat("3-3")
    assert (standard.kind, couple.kind, wheelchair.kind, vip.kind) == ("standard", "couple", "wheelchair", "vip")
    assert seat_price_fen(showing, standard) == seat_price_fen(showing, wheelchair) == showing.price_fen
    assert seat_price_fen(showing, vip) > showing.price_fen
    assert seat_price_fen(showing, couple) > showing.price_fen


# ---- look-ups a movie skill makes -------------------------------------------------------


def test_find_showings_filters_by_city_cinema_film_and_day():
    found = find_showings(CAMPAIGN_DAY + timedelta(days=2), CAMPAIGN_DAY, city_id="shanghai", film_id="star-wanderer")
    assert found and all(s.film_id == "star-wanderer" for s in found)
    assert {CINEMA_BY_ID[s.cinema_id].city_id for s in found} == {"shanghai"}
    assert all(s.start.date() == CAMPAIGN_DAY + timedelta(days=2) for s in found)
    assert found == sorted(found, key=lambda s: s.start)
    one = find_showings(CAMPAIGN_DAY, CAMPAIGN_DAY, cinema_id="demo-beijing-starlight")
    assert {s.cinema_id for s in one} == {"demo-beijing-starlight"}
    assert find_showings(CAMPAIGN_DAY, CAMPAIGN_DAY, city_id="sanya") == []


def test_two_for_the_premiere_around_8_pm_last_row():
    """The campaign's story: "buy two tickets for the premiere of Silent Awakening, last row, around 8 pm"."""
    premiere = find_showings(CAMPAIGN_DAY, CAMPAIGN_DAY, city_id="hangzhou", film_id=PREMIERE_FILM_ID)
    wanted = datetime(2026, 2, 10, 20, 0, tzinfo=SHANGHAI)
    best = nearest_showings(premiere, wanted, limit=2)
    assert [s.start.strftime("%H:%M") for s in best] == ["20:00", "20:20"]
    assert best[0].id == "demo-hangzhou-starlight-h2@2026-02-10T2000" and best[0].premiere
    hall = HALL_BY_ID[best[0].hall_id]
    choice = hall.seat_map.best_block(2, hall.broken_seat_ids, "last")
    assert choice is not None and choice.wish_met and {s.row for s in choice.seats} == {hall.seat_map.rows[-1]}


def test_nearest_showings_rank_by_distance_then_earlier():
    day = find_showings(CAMPAIGN_DAY + timedelta(days=1), CAMPAIGN_DAY, city_id="beijing")
    wanted = datetime(2026, 2, 11, 15, 0, tzinfo=SHANGHAI)
    ranked = nearest_showings(day, wanted)
    gaps = [abs((s.start - wanted).total_seconds()) for s in ranked]
    assert gaps == sorted(gaps) and len(ranked) == len(day)
    assert nearest_showings(day, wanted, limit=3) == ranked[:3]
    with pytest.raises(ValueError):
        nearest_showings(day, datetime(2026, 2, 11, 15, 0))


@pytest.mark.parametrize(
    ("window", "first", "last"),
    [
        ("morning", 10 * 60, 11 * 60 + 55),
        ("noon", 11 * 60, 13 * 60 + 55),
        ("afternoon", 12 * 60, 17 * 60 + 55),
        ("evening", 17 * 60, 23 * 60 + 30),
        ("night", 21 * 60, 23 * 60 + 30),
    ],
)
def test_showings_in_a_window_start_inside_it(window: str, first: int, last: int):
    day = find_showings(CAMPAIGN_DAY + timedelta(days=1), CAMPAIGN_DAY, city_id="shanghai")
    inside = showings_in_window(day, window)
    assert inside and all(first <= minute_of_day(s) <= last for s in inside)
    assert inside == sorted(inside, key=lambda s: s.start)
    assert len(inside) == sum(in_time_window(s, window) for s in day)


def test_a_day_of_showings_is_generated_well_under_a_millisecond():
    generate = showings.__wrapped__
    days = calendar(CAMPAIGN_DAY)
    began = time.perf_counter()
    for cinema in CINEMAS:
        for day in days:
            generate(cinema.id, day, CAMPAIGN_DAY)
    per_day_ms = (time.perf_counter() - began) * 1000 / (len(CINEMAS) * len(days))
    assert per_day_ms < 1.0
