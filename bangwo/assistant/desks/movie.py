"""The movie desk: buys tickets for a movie frame, reports them, refunds them, changes seats.

The skill decides which showing and seats; the desk holds them in the store (retrying when
another buyer wins the race for a seat), puts the card on the table, and speaks.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from bangwo.assistant.fulfilment import MovieTickets
from bangwo.assistant.matching import match_score
from bangwo.assistant.reply import Reply, Turn
from bangwo.assistant.skills.food import Refusal, card_offer, say
from bangwo.assistant.skills.movie import MAX_TICKETS, MoviePick, MovieSkill, ticket_count
from bangwo.commerce.checkout import BudgetGuard, Fulfillers, cancel_order
from bangwo.commerce.orders import list_orders
from bangwo.commerce.proposals import load_proposal, proposal_from_row, save_proposal
from bangwo.domain.catalogue import City, Film
from bangwo.domain.cinema import Cinema, Hall, Showing
from bangwo.domain.clock import Clock, local
from bangwo.domain.errors import Conflict, Gone, InvalidInput, NotFound
from bangwo.domain.frame import IntentFrame, Lang
from bangwo.domain.ids import new_id
from bangwo.domain.money import format_fen
from bangwo.domain.proposal import Order, Proposal, ProposalLine
from bangwo.domain.seats import SeatChoice, seat_position
from bangwo.people import DeliveryAddress, default_address
from bangwo.promo.cards import best_card
from bangwo.providers.base import SeatsTaken
from bangwo.store.engine import Store
from bangwo.store.tables import ChatSession

# Another buyer may take a seat between reading the map and holding it; read again this often.
HOLD_ATTEMPTS = 5
# Showings tried, best first, when the wanted one has no block of seats left.
SHOWINGS_TRIED = 6
_WEEKDAYS_ZH = "一二三四五六日"


def _when(start: datetime, lang: Lang) -> str:
    moment = local(start)
    if lang == "zh":
        return f"{moment.month}月{moment.day}日（周{_WEEKDAYS_ZH[moment.weekday()]}）{moment:%H:%M}"
    return f"{moment:%a %d %b %H:%M}"


def seat_words(seat_ids: list[str], lang: Lang) -> str:
    """ "第12排7、8座" / "row 12, seats 7, 8", grouped by row."""
    rows: dict[int, list[int]] = {}
    for row, number in map(seat_position, seat_ids):
        rows.setdefault(row, []).append(number)
    if lang == "zh":
        return "，".join(f"第{row}排{'、'.join(map(str, sorted(n)))}座" for row, n in sorted(rows.items()))
    return "; ".join(
        f"row {row}, seat{'s' if len(n) > 1 else ''} {', '.join(map(str, sorted(n)))}"
        for row, n in sorted(rows.items())
    )


def _showing_words(lines: list[ProposalLine], lang: Lang) -> str:
    """ "《惊蛰无声》（首映）2月10日（周二）20:10，银河国际影城·IMAX厅，第12排7、8座" """
    details = lines[0].details
    seats = [seat for line in lines for seat in line.details.get("seats", [])]
    start = datetime.fromisoformat(details["start"])
    premiere = say(lang, "（首映）", " (premiere)") if details.get("premiere") else ""
    return say(
        lang,
        f"《{lines[0].title}》{premiere}{_when(start, lang)}，{details['cinema']}·{details['hall']}，"
        f"{seat_words(seats, lang)}",
        f"{lines[0].title}{premiere}, {_when(start, lang)}, {details['cinema']} · {details['hall']}, "
        f"{seat_words(seats, lang)}",
    )


def describe_movie_proposal(proposal: Proposal, lang: Lang) -> str:
    """The movie confirmation card in one paragraph: film, showing, seats, money, how long the seats are held."""
    count = sum(line.quantity for line in proposal.lines)
    card = (
        say(lang, f"，免单卡减{format_fen(proposal.discount)}", f", free-order card -{format_fen(proposal.discount)}")
        if proposal.discount
        else ""
    )
    held = f"{local(proposal.expires_at):%H:%M}"
    notes = (" " + " ".join(proposal.notes)) if proposal.notes else ""
    return _showing_words(proposal.lines, lang) + say(
        lang,
        f"，{count}张共{format_fen(proposal.total)}{card}，实付{format_fen(proposal.pay)}。"
        f"座位为你保留到{held}，确认购买吗？{notes}",
        f": {count} ticket{'s' if count > 1 else ''}, total {format_fen(proposal.total)}{card}; "
        f"you pay {format_fen(proposal.pay)}. Seats held until {held}. Confirm?{notes}",
    )


def describe_tickets(order: Order, lang: Lang) -> str:
    """What a movie order holds: film, showing, seats and the ticket codes."""
    codes = ("、" if lang == "zh" else ", ").join(t.code for t in order.tickets)
    return _showing_words(order.lines, lang) + say(lang, f"，取票码 {codes}。", f"; ticket codes {codes}.")


class MovieDesk:
    def __init__(
        self,
        *,
        store: Store,
        clock: Clock,
        skill: MovieSkill,
        tickets: MovieTickets,
        cities: list[City],
        proposal_seconds: int,
        budget: BudgetGuard | None = None,
    ) -> None:
        self.store = store
        self.clock = clock
        self.skill = skill
        self.tickets = tickets
        self.cities = cities  # the cities with a cinema
        self.proposal_seconds = proposal_seconds
        self.budget = budget  # the campaign budget's fast counter, if any

    @property
    def start_day(self) -> date:
        """The demo calendar (and the premiere) is laid out around the day the clock started."""
        return local(self.clock.started_at).date()

    def city_named(self, text: str) -> City | None:
        lowered = text.lower()
        return next((c for c in self.cities if any(name.lower() in lowered for name in c.names())), None)

    def _city(self, frame: IntentFrame, address: DeliveryAddress | None) -> City | None:
        said = frame.city or frame.near
        if said:
            return self.city_named(said)
        return next((c for c in self.cities if address and c.id == address.city_id), None)

    def ask_city(self, lang: Lang) -> str:
        zh = "、".join(c.name_zh for c in self.cities)
        en = ", ".join(c.name_en for c in self.cities)
        return say(lang, f"在哪个城市看？目前有影院的城市：{zh}。", f"Which city are you in? We have cinemas in {en}.")

    def _titles(self, lang: Lang) -> str:
        if lang == "zh":
            return "、".join(f"《{f.title_zh}》" for f in self.skill.films)
        return ", ".join(f.title_en for f in self.skill.films)

    async def order(self, user_id: str, chat_id: str, frame: IntentFrame, lang: Lang, now: datetime) -> Turn:
        waiting = {"frame": frame.model_dump(mode="json"), "lang": lang}
        film = self.skill.film(frame.title or "")
        if film is None:
            retry = frame.model_copy(update={"title": None, "missing": ["title"]})
            text = say(
                lang,
                f"没有找到《{frame.title}》。正在上映：{self._titles(lang)}。想看哪部？",
                f"I couldn't find '{frame.title}'. Now showing: {self._titles(lang)}. Which one?",
            )
            return (
                Reply(chat_id, "need_info", text),
                {**waiting, "frame": retry.model_dump(mode="json"), "asked": "title"},
                None,
            )
        count = ticket_count(frame, lang)
        if isinstance(count, Refusal):
            return Reply(chat_id, "answer", count.reply), None, None
        async with self.store.read() as session:
            address = await default_address(session, user_id)
            card = await best_card(session, user_id, now, "movie")
        city = self._city(frame, address)
        if city is None:
            return Reply(chat_id, "need_info", self.ask_city(lang)), {**waiting, "asked": "city"}, None
        near = address.location if address and address.city_id == city.id else city.centre
        candidates = self.skill.showings(frame, film, city.id, self.start_day, now, near)
        if not candidates:
            day = self.skill.day(frame, self.start_day, now)
            return (
                Reply(
                    chat_id,
                    "answer",
                    say(
                        lang,
                        f"《{film.title_zh}》{day.month}月{day.day}日在{city.name_zh}没有还能买票的场次了，换一天试试？",
                        f"There is no showing of {film.title_en} left on {day:%d %b} in {city.name_en}; another day?",
                    ),
                ),
                None,
                None,
            )
        cinema_note = None
        if frame.merchant:
            # The cinema named, where bangwo sells its tickets; else the showings near, and said so (万达影城).
            named = [c for c in candidates if match_score(frame.merchant, (c[1].name_zh, c[1].name_en)) > 0]
            if named:
                candidates = named
            else:
                cinema_note = say(
                    lang,
                    f"「{frame.merchant}」的票帮我还不能买，这是附近的场次。",
                    f"bangwo can't sell tickets at '{frame.merchant}' yet; this showing is nearby.",
                )
        hold_id, until = new_id("h"), now + timedelta(seconds=self.proposal_seconds)
        pick = await self._hold_best(candidates[:SHOWINGS_TRIED], count, frame, hold_id, until, now)
        if pick is None:
            return (
                Reply(
                    chat_id,
                    "answer",
                    say(
                        lang,
                        f"《{film.title_zh}》附近的场次都没有{count}个连座了，少买几张或换一天试试？",
                        f"No showing near that time has {count} seats together left; fewer tickets or another day?",
                    ),
                ),
                None,
                None,
            )
        proposal = self.skill.proposal(
            pick,
            film,
            frame,
            lang=lang,
            card=card_offer(card),
            now=now,
            hold_id=hold_id,
            hold_until=until,
        )
        if cinema_note:
            proposal.notes.insert(0, cinema_note)
        if pick.showing.id != candidates[0][0].id:
            wanted = local(candidates[0][0].start).strftime("%H:%M")
            proposal.notes.insert(
                0,
                say(
                    lang,
                    f"{wanted}场已经没有{count}个连座，换成了这一场。",
                    f"The {wanted} showing has no {count} seats together left, so this is the next best.",
                ),
            )
        return Reply(chat_id, "proposal", describe_movie_proposal(proposal, lang), proposal=proposal), None, proposal.id

    async def _hold_best(
        self,
        candidates: list[tuple[Showing, Cinema, Hall, str]],
        count: int,
        frame: IntentFrame,
        hold_id: str,
        until: datetime,
        now: datetime,
    ) -> MoviePick | None:
        """Hold the best block of seats at the best showing that has one. None: none has room."""
        wish = frame.seat.row if frame.seat else None
        for _ in range(HOLD_ATTEMPTS):
            try:
                async with self.store.transaction() as session:
                    for showing, cinema, hall, provider_name in candidates:
                        provider = self.skill.providers[provider_name]
                        taken = await provider.unavailable_seats(session, showing.id, now, to_hold=True)
                        choice = hall.seat_map.best_block(count, taken, wish)
                        if choice is None:
                            continue
                        seat_ids = [seat.id for seat in choice.seats]
                        await provider.hold_seats(session, showing.id, seat_ids, hold_id=hold_id, until=until, now=now)
                        return MoviePick(showing, cinema, hall, choice, provider_name)
                    return None
            except SeatsTaken:
                continue  # someone was faster: read the map again
        return None

    async def choose_seats(self, user_id: str, proposal_id: str, seat_ids: list[str], now: datetime) -> Proposal:
        """The person picked other seats on the map: hold them and put a new card in place of the old one."""
        if not 1 <= len(seat_ids) <= MAX_TICKETS or len(set(seat_ids)) != len(seat_ids):
            raise InvalidInput(f"pick 1 to {MAX_TICKETS} different seats", code="invalid_seats")
        async with self.store.read() as session:
            old = proposal_from_row(await load_proposal(session, proposal_id, user_id))
            card = await best_card(session, user_id, now, "movie")
        if old.domain != "movie" or not old.holds:
            raise InvalidInput("only a movie proposal has seats to choose", code="not_a_movie_proposal")
        hold = old.holds[0]
        provider = self.skill.providers[hold["provider"]]
        showing = provider.showing(hold["showing_id"], self.start_day)
        hall = provider.hall(showing.hall_id) if showing else None
        film = next((f for f in self.skill.films if f.id == old.lines[0].details.get("film_id")), None)
        if showing is None or hall is None or film is None:
            raise Gone("this showing is no longer offered; ask again", code="showing_gone")
        seats = tuple(hall.seat_map.seat(seat_id) for seat_id in seat_ids)
        if any(seat is None for seat in seats):
            raise InvalidInput("some of those seats are not in this hall", code="invalid_seats")
        cinema = provider.cinema(showing.cinema_id)
        if cinema is None:
            raise Gone("this cinema is no longer offered; ask again", code="showing_gone")
        lang: Lang = old.lang or "zh"
        pick = MoviePick(showing, cinema, hall, SeatChoice(seats, wish_met=True), hold["provider"])  # type: ignore[arg-type]
        hold_id, until = new_id("h"), now + timedelta(seconds=self.proposal_seconds)
        proposal = self.skill.proposal(
            pick,
            film,
            IntentFrame(domain="movie"),
            lang=lang,
            card=card_offer(card),
            now=now,
            hold_id=hold_id,
            hold_until=until,
        )
        async with self.store.transaction() as session:
            row = await load_proposal(session, proposal_id, user_id, lock=True)
            if row.status != "open" or row.expires_at <= now:
                raise Gone("this card can no longer be changed; ask again for a fresh one", code="proposal_expired")
            replaced = await save_proposal(
                session,
                proposal,
                user_id=user_id,
                chat_session_id=row.session_id,
                merchant_id=showing.cinema_id,
                address_id=None,
                now=now,
            )
            if row.session_id is None:  # not from a chat: nothing replaced it by session, so retire it here
                row.status = "replaced"
                replaced = row.details.get("holds") or []
            await self.tickets.goods.release(session, replaced)
            try:
                await provider.hold_seats(session, showing.id, list(seat_ids), hold_id=hold_id, until=until, now=now)
            except SeatsTaken as taken:
                raise Conflict(
                    "some of those seats were just taken; pick others", code="seats_taken", seats=sorted(taken.seat_ids)
                ) from None
            chat = await session.get(ChatSession, row.session_id) if row.session_id else None
            if chat is not None and chat.proposal_id == proposal_id:
                chat.proposal_id = proposal.id
        return proposal

    async def seat_map(self, showing_id: str, now: datetime) -> tuple[Showing, Hall, frozenset[str]]:
        """The showing, its hall and the seats that cannot be offered now."""
        for provider in self.skill.providers.values():
            showing = provider.showing(showing_id, self.start_day)
            hall = provider.hall(showing.hall_id) if showing else None
            if showing is None or hall is None:
                continue
            async with self.store.read() as session:
                taken = await provider.unavailable_seats(session, showing_id, now)
            return showing, hall, taken
        raise NotFound(f"no showing {showing_id!r}", code="showing_not_found")

    async def status(self, user_id: str, chat_id: str, lang: Lang, now: datetime) -> Reply:
        async with self.store.read() as session:
            orders = await list_orders(session, user_id, now, limit=20, domain="movie")
        paid = [o for o in orders if o.status == "paid"]
        if not paid:
            return Reply(chat_id, "answer", say(lang, "你还没有电影票。", "You have no movie tickets yet."))
        count = sum(len(o.tickets) for o in paid)
        text = say(
            lang, f"订好了，你有{count}张电影票：", f"Yes, you have {count} movie ticket{'s' if count > 1 else ''}: "
        )
        return Reply(chat_id, "answer", text + " ".join(describe_tickets(o, lang) for o in paid), order=paid[0])

    async def refund(
        self, user_id: str, chat_id: str, frame: IntentFrame, lang: Lang, now: datetime, fulfillers: Fulfillers
    ) -> Reply:
        async with self.store.read() as session:
            orders = await list_orders(session, user_id, now, limit=20, domain="movie")
        film: Film | None = self.skill.film(frame.title) if frame.title else None
        paid = [
            o for o in orders if o.status == "paid" and (film is None or o.lines[0].details.get("film_id") == film.id)
        ]
        target = next((o for o in paid if o.cancellable), None)
        if target is None:
            if paid:
                return Reply(
                    chat_id,
                    "answer",
                    say(
                        lang,
                        f"开场前不久的票不能退了（最晚开场前{self.tickets.refund_minutes}分钟）。",
                        f"Tickets can be refunded up to {self.tickets.refund_minutes} minutes before the showing; "
                        "that has passed.",
                    ),
                    order=paid[0],
                )
            return Reply(chat_id, "answer", say(lang, "没有可以退的电影票。", "There are no movie tickets to refund."))
        order = await cancel_order(
            self.store, user_id=user_id, order_id=target.id, now=now, fulfillers=fulfillers, budget=self.budget
        )
        card = say(lang, "，免单卡已退回", " and your free-order card is back") if order.discount else ""
        return Reply(
            chat_id,
            "done",
            say(
                lang,
                f"已退票：{_showing_words(order.lines, lang)}。{format_fen(order.pay)}已退回钱包{card}，座位已释放。",
                f"Refunded: {_showing_words(order.lines, lang)}. {format_fen(order.pay)} is back in your wallet{card}; "
                "the seats are free again.",
            ),
            order=order,
        )
