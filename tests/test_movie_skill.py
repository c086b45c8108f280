"""The movie skill (pure part): the film by either title, the showings nearest the wanted time, the
seats, the card, and a plain reason when the seat wish cannot be met."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from bangwo.assistant.skills.food import CardOffer, Refusal
from bangwo.assistant.skills.movie import MoviePick, MovieSkill, ticket_count
from bangwo.domain.clock import local
from bangwo.domain.frame import IntentFrame, SeatWish
from bangwo.providers.demo.films import FILMS
from bangwo.providers.demo.movies import DemoMovies
from bangwo.providers.demo.places import CITY_BY_ID

START = datetime.fromisoformat("2026-02-10T10:00:00+08:00")
START_DAY = date(2026, 2, 10)
HANGZHOU = CITY_BY_ID["hangzhou"].centre


@pytest.fixture(scope="module")
def skill() -> MovieSkill:
    return MovieSkill(FILMS, {"demo": DemoMovies()})


@pytest.mark.parametrize("said", ["惊蛰无声", "《惊蛰无声》", "Silent Awakening", "silent awakening", "惊蛰无生"])
def test_the_film_by_either_title_or_a_typo(skill, said):
    assert skill.film(said).id == "silent-awakening"


def test_an_unknown_film_is_none(skill):
    assert skill.film("流浪地球3") is None


def test_the_premiere_around_8_pm_comes_first_nearest_20_00(skill):
    frame = IntentFrame(domain="movie", title="惊蛰无声", premiere=True, count=2, time="20:00")
    shows = skill.showings(frame, skill.film("惊蛰无声"), "hangzhou", START_DAY, START, HANGZHOU)
    assert shows and all(s.premiere and local(s.start).date() == START_DAY for s, *_ in shows)
    gaps = [abs(local(s.start) - START.replace(hour=20)) for s, *_ in shows]
    assert gaps == sorted(gaps)


def test_a_time_window_keeps_only_showings_inside_it_and_soon_ones_are_dropped(skill):
    frame = IntentFrame(domain="movie", title="星河旅人", date="2026-02-11", time_window="afternoon")
    shows = skill.showings(frame, skill.film("星河旅人"), "shanghai", START_DAY, START, CITY_BY_ID["shanghai"].centre)
    assert shows and all(12 <= local(s.start).hour < 18 for s, *_ in shows)
    today = IntentFrame(domain="movie", title="星河旅人")
    late = START.replace(hour=19)
    for showing, *_ in skill.showings(today, skill.film("星河旅人"), "shanghai", START_DAY, late, HANGZHOU):
        assert showing.start >= late + timedelta(minutes=15)


def test_the_card_and_the_reason_when_the_last_row_is_full(skill):
    frame = IntentFrame(domain="movie", title="惊蛰无声", premiere=True, count=2, seat=SeatWish(row="last"))
    showing, cinema, hall, provider = skill.showings(frame, skill.film("惊蛰无声"), "hangzhou", START_DAY, START,
                                                     HANGZHOU)[0]
    last_row = max(hall.seat_map.rows)
    full_last_row = {s.id for s in hall.seat_map.row(last_row)}
    choice = hall.seat_map.best_block(2, full_last_row | hall.broken_seat_ids, "last")
    pick = MoviePick(showing, cinema, hall, choice, provider)

    proposal = skill.proposal(pick, skill.film("惊蛰无声"), frame, lang="zh", card=CardOffer("card_1", 2500),
                              now=START, hold_id="h1", hold_until=START + timedelta(minutes=10))

    assert sum(line.quantity for line in proposal.lines) == 2
    assert proposal.subtotal == sum(line.amount_fen for line in proposal.lines)
    assert proposal.discount == 2500 and proposal.pay == proposal.total - 2500 >= 1
    assert proposal.holds[0]["seats"] == [s.id for s in choice.seats]
    [note] = proposal.notes
    assert "最后一排没有2个连座" in note and f"第{choice.seats[0].row}排" in note


def test_too_many_tickets_are_refused_plainly():
    assert isinstance(ticket_count(IntentFrame(domain="movie", count=50), "en"), Refusal)
    assert ticket_count(IntentFrame(domain="movie"), "en") == 1
