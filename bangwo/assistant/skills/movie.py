"""The movie skill: from a movie order frame to a showing and the seats to hold, or why not.

Pure over loaded objects: the films, the provider's showings and halls, the seats already
taken. Holding the seats and saving the proposal are the assistant's job; this decides what to
hold, and says so when the wish cannot be met ("the last row has no 2 seats together at 20:10;
row 9, centre, instead?").
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from bangwo.assistant.matching import match_score
from bangwo.assistant.skills.food import CardOffer, Refusal, card_terms, say
from bangwo.domain.catalogue import Film
from bangwo.domain.cinema import Cinema, Hall, Showing, nearest_showings, seat_price_fen, showings_in_window
from bangwo.domain.clock import SHANGHAI, local
from bangwo.domain.frame import IntentFrame, Lang
from bangwo.domain.geo import Point, distance_m
from bangwo.domain.ids import new_id
from bangwo.domain.pricing import quote
from bangwo.domain.proposal import Proposal, ProposalLine
from bangwo.domain.seats import SeatChoice
from bangwo.providers.base import MovieProvider

# A showing this close to its start is no longer offered: the person must still get there.
MIN_LEAD = timedelta(minutes=15)
MAX_TICKETS = 10
ROW_NAMES = {
    "first": ("第一排", "the first row"),
    "front": ("前排", "the front rows"),
    "middle": ("中间几排", "the middle rows"),
    "back": ("后排", "the back rows"),
    "last": ("最后一排", "the last row"),
}


@dataclass(frozen=True, slots=True)
class MoviePick:
    """What to hold and offer: a showing, its hall, the seats, and whether the seat wish was met."""

    showing: Showing
    cinema: Cinema
    hall: Hall
    choice: SeatChoice
    provider: str


class MovieSkill:
    def __init__(self, films: tuple[Film, ...], providers: dict[str, MovieProvider]) -> None:
        self.films = films
        self.providers = providers

    def film(self, said: str) -> Film | None:
        """The film a person named, by either title or an alias, forgiving a typo."""
        scored = [(match_score(said, film.names()), film) for film in self.films]
        score, film = max(scored, key=lambda pair: pair[0], default=(0.0, None))
        return film if score > 0 else None

    def day(self, frame: IntentFrame, clock_start_day: date, now: datetime) -> date:
        """The day asked for; a premiere is on the day the clock started; otherwise today."""
        if frame.date:
            return date.fromisoformat(frame.date)
        if frame.premiere:
            return clock_start_day
        return local(now).date()

    def showings(
        self, frame: IntentFrame, film: Film, city_id: str, clock_start_day: date, now: datetime, near: Point
    ) -> list[tuple[Showing, Cinema, Hall, str]]:
        """The showings that fit the frame, best first: nearest the wanted time, then the nearest cinema."""
        day = self.day(frame, clock_start_day, now)
        found: list[tuple[Showing, Cinema, Hall, str]] = []
        for name, provider in self.providers.items():
            cinemas = {c.id: c for c in provider.cinemas(city_id)}
            for showing in provider.showings(day, clock_start_day, city_id=city_id, film_id=film.id):
                hall = provider.hall(showing.hall_id)
                if hall is None or showing.start < now + MIN_LEAD:
                    continue
                if frame.premiere and not showing.premiere:
                    continue
                found.append((showing, cinemas[showing.cinema_id], hall, name))
        shows = [s for s, *_ in found]
        if frame.time:
            hour, minute = (int(part) for part in frame.time.split(":")[:2])
            order = nearest_showings(shows, datetime.combine(day, time(hour, minute), SHANGHAI))
        elif frame.time_window:
            order = showings_in_window(shows, frame.time_window)
        else:
            order = sorted(shows, key=lambda s: s.start)
        rank = {s.id: i for i, s in enumerate(order)}
        kept = [item for item in found if item[0].id in rank]
        return sorted(kept, key=lambda item: (rank[item[0].id], distance_m(item[1].location, near)))

    def explain(self, pick: MoviePick, frame: IntentFrame, count: int, lang: Lang) -> str | None:
        """Why the seats are not what was asked for, or None when they are."""
        if pick.choice.wish_met or not frame.seat or not frame.seat.row:
            return None
        zh_row, en_row = ROW_NAMES[frame.seat.row]
        at = local(pick.showing.start).strftime("%H:%M")
        row = pick.choice.seats[0].row
        return say(
            lang,
            f"{at}场{zh_row}没有{count}个连座，第{row}排中间可以吗？",
            f"{en_row.capitalize()} has no {count} seats together at {at}; row {row}, centre, instead?",
        )

    def proposal(
        self,
        pick: MoviePick,
        film: Film,
        frame: IntentFrame,
        *,
        lang: Lang,
        card: CardOffer | None,
        now: datetime,
        hold_id: str,
        hold_until: datetime,
    ) -> Proposal:
        """One confirmation card: a line per seat price, the card's share, the seats held until hold_until."""
        seats = pick.choice.seats
        by_price: dict[int, list[str]] = {}
        for seat in seats:
            by_price.setdefault(seat_price_fen(pick.showing, seat), []).append(seat.id)
        title = film.title_zh if lang == "zh" else film.title_en
        start = local(pick.showing.start)
        lines = [
            ProposalLine(
                title=title,
                quantity=len(ids),
                unit_price=price,
                details={
                    "film_id": film.id, "showing_id": pick.showing.id, "seats": ids, "start": start.isoformat(),
                    "cinema": pick.cinema.name_zh if lang == "zh" else pick.cinema.name_en,
                    "hall": pick.hall.name_zh if lang == "zh" else pick.hall.name_en, "format": pick.showing.format,
                    "premiere": pick.showing.premiere,
                },
            )
            for price, ids in sorted(by_price.items())
        ]
        priced = quote(sum(line.amount_fen for line in lines), 0, 0, **card_terms(card))
        note = self.explain(pick, frame, len(seats), lang)
        return Proposal(
            id=new_id("p"), domain="movie", expires_at=hold_until, lines=lines, subtotal=priced.subtotal_fen,
            discount=priced.discount_fen, card_id=card.card_id if card and priced.discount_fen else None,
            total=priced.total_fen, pay=priced.pay_fen,
            holds=[{"kind": "movie", "provider": pick.provider, "hold_id": hold_id, "showing_id": pick.showing.id,
                    "seats": [s.id for s in seats], "until": hold_until.isoformat(), "start": start.isoformat()}],
            merchant={"id": pick.cinema.id, "name": pick.cinema.name_zh if lang == "zh" else pick.cinema.name_en},
            notes=[note] if note else [], lang=lang,
        )


def ticket_count(frame: IntentFrame, lang: Lang) -> int | Refusal:
    count = frame.count or 1
    if count > MAX_TICKETS:
        return Refusal(say(lang, f"一次最多买{MAX_TICKETS}张票。", f"At most {MAX_TICKETS} tickets at a time."))
    return count
