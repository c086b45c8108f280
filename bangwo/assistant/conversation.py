"""The assistant: one turn of conversation, from the person's text to a reply, a proposal or an order.

A turn reads the session, decides, then writes the outcome. Paying passes one gate: the
person confirms the exact proposal on the table (by the API's confirm route, or by saying
yes to it here); nothing a provider or a model says can confirm.
"""

from __future__ import annotations

import re
from datetime import datetime

from bangwo.assistant import clarify
from bangwo.assistant.desks.grocery import GroceryDesk
from bangwo.assistant.desks.movie import MovieDesk, describe_movie_proposal, describe_tickets
from bangwo.assistant.desks.travel import (
    BookingFailed,
    TravelDesk,
    TripSweep,
    describe_travel_order,
    describe_travel_proposal,
    passenger_names,
)
from bangwo.assistant.fulfilment import Delivery, HeldGoods, MovieTickets, TravelBooking, TripPayment
from bangwo.assistant.matching import match_score
from bangwo.assistant.reply import Reply, Turn
from bangwo.assistant.sessions import open_session, record
from bangwo.assistant.skills import Skills
from bangwo.assistant.skills.food import Customer, FoodProposal, Refusal, card_offer, say
from bangwo.commerce.checkout import BudgetGuard, Fulfillers, cancel_order, confirm_proposal
from bangwo.commerce.orders import list_orders
from bangwo.commerce.proposals import decline_proposal, load_proposal, proposal_from_row, save_proposal
from bangwo.domain.catalogue import City
from bangwo.domain.clock import Clock, local
from bangwo.domain.errors import BangwoError, Conflict, Gone
from bangwo.domain.frame import IntentFrame, Lang
from bangwo.domain.money import format_fen
from bangwo.domain.proposal import Order, Proposal
from bangwo.domain.text import without_control_chars
from bangwo.people import default_address, profile, set_default_address
from bangwo.promo.cards import best_card, card_held_back_by_budget
from bangwo.providers.registry import ProviderRegistry
from bangwo.store.engine import Store
from bangwo.understand import Parser
from bangwo.understand.text import detect_lang, to_simplified

MAX_TEXT_CHARS = 2_000
MIN_ADDRESS_CHARS = 4

_PUNCT = re.compile(r"[\s,，.。!！?？~～、]+")
_YES = frozenset(
    {
        "确认",
        "确定",
        "好",
        "好的",
        "可以",
        "行",
        "是",
        "是的",
        "对",
        "嗯",
        "下单",
        "确认下单",
        "付款",
        "支付",
        "买",
        "yes",
        "y",
        "ok",
        "okay",
        "confirm",
        "sure",
        "yep",
        "yeah",
        "goahead",
        "placeorder",
        "pay",
    }
)
_NO = frozenset({"不", "不要", "不用", "不用了", "算了", "不要了", "取消", "no", "n", "nope", "cancel", "nevermind"})
_STAGE_WORDS = {
    "accepted": ("商家已接单", "accepted by the shop"),
    "preparing": ("正在制作", "being prepared"),
    "delivering": ("骑手正在配送", "on its way with the rider"),
    "delivered": ("已送达", "delivered"),
    "cancelled": ("已取消", "cancelled"),
}


# What a refusal means for the person, in Chinese; the English is the error's own message.
_ZH_ERRORS = {
    "proposal_expired": "这个方案已过期，请重新说一下要点什么。",
    "proposal_replaced": "已经有更新的方案了，请确认最新的那一个。",
    "proposal_already_confirmed": "这一单已经付过款了。",
    "card_unavailable": "免单卡已经用掉或过期了，请重新下单，我会按现价给你方案。",
    "insufficient_balance": "钱包余额不足，这单付不了。",
    "too_late_to_cancel": "骑手已经取餐，这单不能取消了。",
    "too_late_to_refund": "已经过了退票时间，这单不能退了。",
    "hold_expired": "座位保留已经过期，请重新说一下要看哪场。",
    "ticket_used": "有票已经检过票了，这单不能退了。",
    "budget_exhausted": "免单卡活动的预算刚刚用完，请再说一次，我按原价给你方案。",
}


TRAVEL = ("flight", "hotel")


def _error_reply(error: BangwoError, lang: Lang) -> str:
    if isinstance(error, BookingFailed):
        return error.zh if lang == "zh" else error.message
    return _ZH_ERRORS.get(error.code, error.message) if lang == "zh" else error.message



def _short(text: str) -> str:
    """A short answer as the yes and no words are spelt: no punctuation, lower case, 確認 as 确认."""
    return _PUNCT.sub("", to_simplified(text.lower()))


def is_yes(text: str) -> bool:
    """Whether a short answer says yes to the card on the table ("好的", "OK!", "确认")."""
    return _short(text) in _YES


def _hhmm(instant: datetime) -> str:
    return local(instant).strftime("%H:%M")


def describe_proposal(proposal: Proposal, lang: Lang) -> str:
    """The confirmation card in one paragraph: what, how much, the card, what is paid."""
    if proposal.domain == "movie":
        return describe_movie_proposal(proposal, lang)
    if proposal.domain in (*TRAVEL, "trip"):
        return describe_travel_proposal(proposal, lang)
    items = []
    for line in proposal.lines:
        if line.details.get("kind") == "fee":
            continue
        label = line.details.get("options_label")
        suffix = f"（{label}）" if label and lang == "zh" else f" ({label})" if label else ""
        unit = (line.details.get("unit") or "") if lang == "zh" else ""
        items.append(
            f"{line.title}×{line.quantity}{unit}{suffix}"
            if lang == "zh"
            else f"{line.quantity} × {line.title}{suffix}"
        )
    merchant = (proposal.merchant or {}).get("name", "")
    delivery = proposal.delivery or {}
    if delivery.get("slot_start"):
        start, end = (datetime.fromisoformat(delivery[key]) for key in ("slot_start", "slot_end"))
        slot = f"{_hhmm(start)}–{_hhmm(end)}"
        arrives = say(lang, f"{slot}送达", f"Arrives {slot}")
    else:
        eta = delivery.get("eta")
        when = _hhmm(datetime.fromisoformat(eta)) if eta else ""
        arrives = say(lang, f"预计{when}送达", f"Arrives around {when}")
    card = ""
    if proposal.discount:
        card = say(
            lang, f"，免单卡减{format_fen(proposal.discount)}", f", free-order card -{format_fen(proposal.discount)}"
        )
    notes = (" " + " ".join(proposal.notes)) if proposal.notes else ""
    return say(
        lang,
        f"{merchant}：{'、'.join(items)}，共{format_fen(proposal.total)}{card}，实付{format_fen(proposal.pay)}。"
        f"{arrives}。确认下单吗？{notes}",
        f"{merchant}: {', '.join(items)}; total {format_fen(proposal.total)}{card}; "
        f"you pay {format_fen(proposal.pay)}. {arrives}. Confirm?{notes}",
    )


def describe_order(order: Order, lang: Lang) -> str:
    if order.domain == "movie":
        return describe_tickets(order, lang)
    if order.domain in (*TRAVEL, "trip"):
        return describe_travel_order(order, lang)
    zh_stage, en_stage = _STAGE_WORDS[order.stage]
    items = "、".join(f"{line.title}×{line.quantity}" for line in order.lines if line.details.get("kind") != "fee")
    items_en = ", ".join(f"{line.quantity} × {line.title}" for line in order.lines if line.details.get("kind") != "fee")
    eta = _hhmm(order.timeline["delivered"])
    if order.stage in ("delivered", "cancelled"):
        return say(lang, f"订单（{items}）{zh_stage}。", f"Your order ({items_en}) is {en_stage}.")
    return say(
        lang,
        f"订单（{items}）{zh_stage}，预计{eta}送达。",
        f"Your order ({items_en}) is {en_stage}; it arrives around {eta}.",
    )


class Assistant:
    def __init__(
        self,
        *,
        store: Store,
        clock: Clock,
        parser: Parser,
        skills: Skills,
        providers: ProviderRegistry,
        cities: list[City],
        cinema_cities: list[City],
        proposal_seconds: int,
        ticket_refund_minutes: int,
        budget: BudgetGuard | None = None,
    ) -> None:
        """budget: the campaign budget's fast counter (Redis), if any; None: the database alone."""
        if providers.geocoder is None:
            raise ValueError("no geocoder registered: install a provider that sets one (the demo world does)")
        self.store = store
        self.clock = clock
        self.providers = providers
        self.geocoder = providers.geocoder
        self.goods = HeldGoods(
            {
                "movie": providers.movies,
                "grocery": providers.groceries,
                "flight": providers.flights,
                "hotel": providers.hotels,
            }
        )
        self.proposal_seconds = proposal_seconds
        self.ticket_refund_minutes = ticket_refund_minutes
        self.budget = budget
        self.use_catalogue(parser, skills, cities, cinema_cities)

    def use_catalogue(self, parser: Parser, skills: Skills, cities: list[City], cinema_cities: list[City]) -> None:
        """Read and order with a freshly published catalogue (the conversation state lives in the store)."""
        self.parser = parser
        self.skills = skills
        self.food = skills.food
        self.cities = cities  # the cities the food shops and supermarkets deliver in
        self.movies = MovieDesk(
            store=self.store,
            clock=self.clock,
            skill=skills.movie,
            tickets=MovieTickets(self.goods, self.ticket_refund_minutes),
            cities=cinema_cities,
            proposal_seconds=self.proposal_seconds,
            budget=self.budget,
        )
        self.travel = TravelDesk(
            store=self.store,
            clock=self.clock,
            flights=skills.flight,
            hotels=skills.hotel,
            booking=TravelBooking(self.goods),
            proposal_seconds=self.proposal_seconds,
            budget=self.budget,
        )
        self.groceries = GroceryDesk(
            store=self.store,
            skill=skills.grocery,
            providers=self.providers.groceries,
            proposal_seconds=self.proposal_seconds,
        )

    @property
    def fulfillers(self) -> Fulfillers:
        """What checkout and refunds do for each domain, beyond the money."""
        return {
            "food": Delivery(self.food.plan_fulfilment, self.goods),
            "grocery": Delivery(self.skills.grocery.plan_fulfilment, self.goods),
            "movie": self.movies.tickets,
            "flight": self.travel.booking,
            "hotel": self.travel.booking,
            "trip": TripPayment(self.goods),
        }

    async def confirm(
        self, user_id: str, proposal_id: str, idempotency_key: str | None, now: datetime
    ) -> tuple[Order, bool]:
        """Pay for the card on the table; a trip is booked leg by leg after (and undone if a leg fails)."""
        fulfillers = self.fulfillers
        order, created = await confirm_proposal(
            self.store, user_id=user_id, proposal_id=proposal_id, idempotency_key=idempotency_key, now=now,
            fulfillers=fulfillers, budget=self.budget,
        )
        if created and order.domain == "trip":
            order = await self.travel.book_trip(order, user_id=user_id, now=now, fulfillers=fulfillers)
        return order, created

    async def finish_interrupted_trips(self, paid_after: datetime | None = None) -> TripSweep:
        """Book, or undo, trips a crash left paid but not booked (those paid after `paid_after`)."""
        return await self.travel.finish_interrupted_trips(
            self.clock.now(), fulfillers=self.fulfillers, paid_after=paid_after
        )

    async def chat(self, user_id: str, text: str, session_id: str | None = None) -> Reply:
        text = without_control_chars(text or "")[:MAX_TEXT_CHARS]
        now = self.clock.now()
        async with self.store.transaction() as session:
            chat = await open_session(session, user_id, session_id, now)
            record(session, chat, "person", text, now)
            pending, open_proposal_id = chat.pending, chat.proposal_id
            chat_id = chat.id
        try:
            reply, frame_to_wait, proposal_id = await self._turn(user_id, chat_id, text, pending, open_proposal_id, now)
            if reply.proposal is not None and reply.proposal.card_id is None:
                reply = await self._say_why_no_card(user_id, reply, now)
        except BangwoError as exc:
            # A card that can no longer be paid is taken off the table; anything else stays as it was.
            proposal_id = None if isinstance(exc, Gone | Conflict) else open_proposal_id
            reply, frame_to_wait = Reply(chat_id, "error", _error_reply(exc, detect_lang(text))), pending
        async with self.store.transaction() as session:
            chat = await open_session(session, user_id, chat_id, now)
            chat.pending, chat.proposal_id = frame_to_wait, proposal_id
            if reply.proposal is not None:
                replaced = await save_proposal(
                    session,
                    reply.proposal,
                    user_id=user_id,
                    chat_session_id=chat_id,
                    merchant_id=(reply.proposal.merchant or {}).get("id"),
                    address_id=(reply.proposal.delivery or {}).get("address_id"),
                    now=now,
                )
                await self.goods.release(session, replaced)
            record(session, chat, "assistant", reply.reply, now, reply.state)
        return reply

    async def _turn(
        self, user_id: str, chat_id: str, text: str, pending: dict | None, open_proposal_id: str | None, now: datetime
    ) -> Turn:
        if open_proposal_id and is_yes(text):
            # Saying yes twice to the same card must not pay twice: the key is the proposal's.
            order, _ = await self.confirm(user_id, open_proposal_id, f"chat:{open_proposal_id}", now)
            lang = detect_lang(text)
            done = {
                "movie": say(lang, "已出票！", "Tickets issued! "),
                "flight": say(lang, "已出票！", "Booked! "),
                "hotel": say(lang, "已预订！", "Booked! "),
                "trip": say(lang, "行程已订好！", "Trip booked! "),
            }.get(order.domain, say(lang, "已下单！", "Ordered! "))
            return Reply(chat_id, "done", done + describe_order(order, lang), order=order), None, None
        if open_proposal_id and _short(text) in _NO:
            lang = detect_lang(text)
            async with self.store.transaction() as session:
                await self.goods.release(session, await decline_proposal(session, open_proposal_id, user_id))
            return (
                Reply(chat_id, "answer", say(lang, "好的，这单不下了。", "OK, I won't place that order.")),
                None,
                None,
            )

        if pending:
            lang: Lang = pending["lang"]
            waiting = IntentFrame.model_validate(pending["frame"])
            if pending["asked"] == "address":
                city = self._city_in(text)
                if city is None or len(text.strip()) < MIN_ADDRESS_CHARS:
                    return Reply(chat_id, "need_info", self._ask_address(lang)), pending, open_proposal_id
                async with self.store.transaction() as session:
                    await set_default_address(
                        session,
                        user_id,
                        city_id=city.id,
                        text=text.strip(),
                        location=self.geocoder.locate(city.id, text),
                        now=now,
                    )
                return await self._order_delivery(user_id, chat_id, waiting, lang, now)
            if pending["asked"] == "city":
                city = self.movies.city_named(text)
                if city is None:
                    return Reply(chat_id, "need_info", self.movies.ask_city(lang)), pending, open_proposal_id
                return await self._act(
                    user_id, chat_id, waiting.model_copy(update={"city": city.name_zh}), lang, now, open_proposal_id
                )
            if pending["asked"] == "passengers":
                names = passenger_names(text)
                if len(names) != pending["passengers"]:
                    asking = self.travel.ask_passengers(pending["passengers"], lang)
                    return Reply(chat_id, "need_info", asking), pending, open_proposal_id
                frames = [IntentFrame.model_validate(f) for f in pending["frames"]]
                return await self._act_travel(user_id, chat_id, frames, lang, now, open_proposal_id, names)
            answered = clarify.fill(self.parser, waiting, pending["asked"], text, now)
            if answered is not None and "frames" in pending:
                frames = [IntentFrame.model_validate(f) for f in pending["frames"]]
                frames[pending["leg"]] = answered
                return await self._act_travel(user_id, chat_id, frames, lang, now, open_proposal_id)
            if answered is not None:
                return await self._act(user_id, chat_id, answered, lang, now, open_proposal_id)
            # Not an answer to the question: read it as a request of its own.

        result = self.parser.parse(text, now)
        frame = next((f for f in result.frames if f.domain != "chat"), None)
        trip = [f for f in result.frames if f.domain in TRAVEL and f.action == "order"]
        if frame is not None and frame.domain in TRAVEL and frame.action == "order":
            return await self._act_travel(user_id, chat_id, trip, result.lang, now, open_proposal_id)
        if frame is None:
            return (
                Reply(
                    chat_id,
                    "answer",
                    say(
                        result.lang,
                        "我是帮我，能帮你点外卖、买菜、买电影票、订机票和酒店。试试说「帮我点两杯少糖去冰的杨枝甘露」，"
                        "「两张惊蛰无声首映的票，最后一排，晚上八点左右」，"
                        "「帮我订明天上午去上海的机票，再订一间外滩附近的酒店，两晚」，或问「我的奶茶到哪了」。",
                        "I'm bangwo: I can order food and groceries, buy movie tickets, and book flights and hotels. "
                        "Try 'help me order a large bubble tea, less sugar, no ice', 'two tickets for the Silent "
                        "Awakening premiere, last row, around 8 pm', 'fly me to Shanghai tomorrow morning and book "
                        "a hotel by the Bund for two nights', or ask 'where is my milk tea?'.",
                    ),
                ),
                None,
                open_proposal_id,
            )
        return await self._act(user_id, chat_id, frame, result.lang, now, open_proposal_id)

    async def _act(
        self, user_id: str, chat_id: str, frame: IntentFrame, lang: Lang, now: datetime, open_proposal_id: str | None
    ) -> Turn:
        """Do what one understood request asks, or ask for the first thing it still lacks."""
        if frame.domain == "movie":
            if frame.action == "status":
                return await self.movies.status(user_id, chat_id, lang, now), None, open_proposal_id
            if frame.action == "cancel":
                refund = await self.movies.refund(user_id, chat_id, frame, lang, now, self.fulfillers)
                return refund, None, open_proposal_id
        if frame.domain in TRAVEL:
            if frame.action == "status":
                return await self.travel.status(user_id, chat_id, frame.domain, lang, now), None, open_proposal_id
            if frame.action == "cancel":
                cancelled = await self.travel.cancel(user_id, chat_id, frame.domain, lang, now, self.fulfillers)
                return cancelled, None, open_proposal_id
            return await self._act_travel(user_id, chat_id, [frame], lang, now, open_proposal_id)
        if frame.domain in ("food", "grocery"):
            if frame.action == "status":
                return await self._status(user_id, chat_id, frame.domain, lang, now), None, open_proposal_id
            if frame.action == "cancel":
                return await self._cancel(user_id, chat_id, frame, lang, now), None, open_proposal_id
        asking = clarify.question(frame, lang)
        if asking is not None:
            slot, text = asking
            waiting = {"frame": frame.model_dump(mode="json"), "lang": lang, "asked": slot}
            return Reply(chat_id, "need_info", text), waiting, open_proposal_id
        if frame.domain in ("food", "grocery"):
            return await self._order_delivery(user_id, chat_id, frame, lang, now)
        return await self.movies.order(user_id, chat_id, frame, lang, now)

    async def _act_travel(
        self,
        user_id: str,
        chat_id: str,
        frames: list[IntentFrame],
        lang: Lang,
        now: datetime,
        open_proposal_id: str | None,
        passengers: list[str] | None = None,
    ) -> Turn:
        """A flight, a hotel, or both as one trip: ask what any leg lacks, then who flies, then the card."""
        frames = [
            await self._origin_from_address(user_id, f, lang) if f.domain == "flight" and "origin" in f.missing else f
            for f in frames
        ]
        waiting = {"frames": [f.model_dump(mode="json") for f in frames], "lang": lang}
        for leg, frame in enumerate(frames):
            asking = clarify.question(frame, lang)
            if asking is not None:
                slot, text = asking
                return Reply(chat_id, "need_info", text), {
                    **waiting, "frame": frame.model_dump(mode="json"), "asked": slot, "leg": leg
                }, open_proposal_id
        async with self.store.read() as session:
            person = await profile(session, user_id, now)
            card = await best_card(session, user_id, now, frames[0].domain if len(frames) == 1 else "trip")
        flight = next((f for f in frames if f.domain == "flight"), None)
        count = (flight.count or 1) if flight else 0
        if passengers is None:
            passengers = [person.name] if count == 1 and person.name else [] if count == 0 else None
        if passengers is None:
            return Reply(chat_id, "need_info", self.travel.ask_passengers(count, lang)), {
                **waiting, "frame": waiting["frames"][0], "asked": "passengers", "passengers": count
            }, open_proposal_id
        outcome = await self.travel.propose(
            frames, lang=lang, card=card_offer(card), passengers=passengers,
            now=now,
        )
        if isinstance(outcome, Refusal):
            return Reply(chat_id, "answer", outcome.reply), None, open_proposal_id
        return Reply(chat_id, "proposal", describe_proposal(outcome, lang), proposal=outcome), None, outcome.id

    async def _origin_from_address(self, user_id: str, frame: IntentFrame, lang: Lang) -> IntentFrame:
        """People usually fly from where they live: take the city of their delivery address."""
        async with self.store.read() as session:
            address = await default_address(session, user_id)
        city = next((c for c in self.cities if address and c.id == address.city_id), None)
        if city is None:
            return frame
        return frame.model_copy(
            update={
                "origin": city.name_zh if lang == "zh" else city.name_en,
                "missing": [slot for slot in frame.missing if slot != "origin"],
            }
        )

    async def _say_why_no_card(self, user_id: str, reply: Reply, now: datetime) -> Reply:
        """A person with a card that the campaign's budget can no longer pay is told so on the card."""
        async with self.store.read() as session:
            if not await card_held_back_by_budget(session, user_id, now):
                return reply
        assert reply.proposal is not None
        lang = reply.proposal.lang or "zh"
        note = say(
            lang,
            "免单卡活动的预算已经用完，这单按原价。",
            "The free-order campaign's budget is used up; this order is at full price.",
        )
        proposal = reply.proposal.model_copy(update={"notes": [*reply.proposal.notes, note]})
        return Reply(reply.session_id, reply.state, f"{reply.reply} {note}", proposal=proposal, order=reply.order)

    async def _order_delivery(self, user_id: str, chat_id: str, frame: IntentFrame, lang: Lang, now: datetime) -> Turn:
        """Food or groceries: both need the address first, and both come to the door."""
        async with self.store.read() as session:
            address = await default_address(session, user_id)
            card = await best_card(session, user_id, now, frame.domain)
        waiting = {"frame": frame.model_dump(mode="json"), "lang": lang}
        if address is None:
            return Reply(chat_id, "need_info", self._ask_address(lang)), {**waiting, "asked": "address"}, None
        customer = Customer(address.city_id, address.id, address.text, address.location)
        offer = card_offer(card)
        if frame.domain == "grocery":
            outcome = await self.groceries.propose(frame, lang=lang, customer=customer, card=offer, now=now)
        else:
            outcome = self.food.propose(
                frame, lang=lang, customer=customer, card=offer, now=now, proposal_seconds=self.proposal_seconds
            )
        if isinstance(outcome, Refusal):
            if "items" not in outcome.missing:
                return Reply(chat_id, "answer", outcome.reply), None, None
            # Nobody sells what was asked for: keep the rest of the request and ask for the dish again.
            retry = frame.model_copy(update={"items": [], "missing": ["items"]})
            asked = {"frame": retry.model_dump(mode="json"), "lang": lang, "asked": "items"}
            return Reply(chat_id, "need_info", outcome.reply), asked, None
        proposal = outcome.proposal if isinstance(outcome, FoodProposal) else outcome
        return Reply(chat_id, "proposal", describe_proposal(proposal, lang), proposal=proposal), None, proposal.id

    async def _status(self, user_id: str, chat_id: str, domain: str, lang: Lang, now: datetime) -> Reply:
        async with self.store.read() as session:
            orders = await list_orders(session, user_id, now, limit=10, domain=domain)
        if not orders:
            return Reply(chat_id, "answer", say(lang, "你还没有订单。", "You have no orders yet."))
        active = [o for o in orders if o.stage not in ("delivered", "cancelled")]
        shown = active or orders[:1]
        text = " ".join(describe_order(o, lang) for o in shown)
        return Reply(chat_id, "answer", text, order=shown[0])

    async def _cancel(self, user_id: str, chat_id: str, frame: IntentFrame, lang: Lang, now: datetime) -> Reply:
        """Cancel the latest order that can be, or the latest that holds what was named (取消那杯奶茶)."""
        async with self.store.read() as session:
            orders = await list_orders(session, user_id, now, limit=10, domain=frame.domain)
        cancellable = [o for o in orders if o.cancellable]
        named = [item.name for item in frame.items]
        target = next(
            (o for o in cancellable if any(match_score(n, (line.title,)) for n in named for line in o.lines)),
            cancellable[0] if cancellable else None,
        )
        if target is None:
            late = next((o for o in orders if o.status == "paid" and o.stage == "delivering"), None)
            if late:
                return Reply(
                    chat_id,
                    "answer",
                    say(
                        lang,
                        "骑手已经取餐在路上了，这单不能取消了。",
                        "The rider already has it, so it can't be cancelled now.",
                    ),
                    order=late,
                )
            return Reply(chat_id, "answer", say(lang, "没有可以取消的订单。", "There is no order to cancel."))
        order = await cancel_order(
            self.store, user_id=user_id, order_id=target.id, now=now, fulfillers=self.fulfillers, budget=self.budget
        )
        card = say(lang, "，免单卡已退回", " and your free-order card is back") if order.discount else ""
        return Reply(
            chat_id,
            "done",
            say(
                lang,
                f"已取消，{format_fen(order.pay)}已退回钱包{card}。",
                f"Cancelled: {format_fen(order.pay)} is back in your wallet{card}.",
            ),
            order=order,
        )

    async def proposal(self, user_id: str, proposal_id: str) -> Proposal:
        async with self.store.read() as session:
            return proposal_from_row(await load_proposal(session, proposal_id, user_id))

    def _city_in(self, text: str) -> City | None:
        lowered = text.lower()
        return next((c for c in self.cities if c.name_zh in text or c.name_en.lower() in lowered), None)

    def _ask_address(self, lang: Lang) -> str:
        zh = "、".join(c.name_zh for c in self.cities)
        en = ", ".join(c.name_en for c in self.cities)
        return say(
            lang,
            f"送到哪里？请告诉我城市和详细地址，比如「杭州市西湖区文三路100号」（目前支持{zh}）。",
            f"Where should it go? Tell me the city and street address, e.g. '100 Wensan Road, Hangzhou' "
            f"(we deliver in {en}).",
        )
