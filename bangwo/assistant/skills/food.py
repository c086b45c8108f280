"""The food skill: from a food order frame to one Proposal, or a clear reason why not.

Pure over loaded objects (merchants, the person's address, the card): no I/O, so the
ranking and pricing can be tested exhaustively.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from bangwo.assistant.matching import best_item, match_score
from bangwo.domain.catalogue import MenuItem, Merchant
from bangwo.domain.clock import SHANGHAI, local
from bangwo.domain.delivery import DeliveryPlan
from bangwo.domain.frame import OPTION_GROUPS, FrameItem, IntentFrame, Lang
from bangwo.domain.geo import Point, distance_m
from bangwo.domain.ids import new_id
from bangwo.domain.money import MIN_PAY_FEN, format_fen, yuan_to_fen
from bangwo.domain.pricing import quote, unit_price_fen
from bangwo.domain.proposal import Proposal, ProposalLine
from bangwo.promo.cards import CardView
from bangwo.providers.base import FoodProvider

MAX_DELIVERY_M = 8_000
# Ranking weights: one kilometre away costs as much as ¥2 more, each rating star is worth ¥4.
FEN_PER_KM = 200
FEN_PER_STAR = 400


def say(lang: Lang, zh: str, en: str) -> str:
    return zh if lang == "zh" else en


@dataclass(frozen=True, slots=True)
class Customer:
    city_id: str
    address_id: str
    address_text: str
    location: Point


@dataclass(frozen=True, slots=True)
class CardOffer:
    card_id: str
    value_fen: int
    min_pay_fen: int = MIN_PAY_FEN  # its campaign's least payment for an order the card discounts


def card_offer(card: CardView | None) -> CardOffer | None:
    """The person's best card as a skill offers it on a card."""
    return CardOffer(card.id, card.value_fen, card.min_pay_fen) if card else None


def card_terms(card: CardOffer | None) -> dict[str, int | None]:
    """The card's part of a quote(): its value and its campaign's minimum payment."""
    if card is None:
        return {"card_value_fen": None, "min_pay_fen": MIN_PAY_FEN}
    return {"card_value_fen": card.value_fen, "min_pay_fen": card.min_pay_fen}


@dataclass(frozen=True, slots=True)
class Refusal:
    """Why no proposal could be made, said for the person."""

    reply: str
    missing: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class FoodProposal:
    proposal: Proposal
    merchant_id: str


@dataclass(frozen=True, slots=True)
class _Chosen:
    said: FrameItem
    item: MenuItem
    score: float
    options: dict[str, str]
    unit_price_fen: int
    notes: tuple[str, ...]  # what was asked for but could not be done, said for the person


@dataclass(frozen=True, slots=True)
class _Candidate:
    merchant: Merchant
    distance_m: int
    chosen: tuple[_Chosen, ...]

    @property
    def items_fen(self) -> int:
        return sum(c.unit_price_fen * c.said.quantity for c in self.chosen)

    def rank_key(self) -> tuple[float, float, str]:
        match = -sum(c.score for c in self.chosen) / len(self.chosen)
        cost = self.items_fen + self.merchant.delivery_fee_fen + FEN_PER_KM * self.distance_m / 1000
        return (match, cost - FEN_PER_STAR * self.merchant.rating, self.merchant.id)


def delivery_time(frame: IntentFrame, now: datetime) -> datetime | None:
    """The arrival the person asked for ("下午三点"), if any and still ahead."""
    if frame.time is None:
        return None
    day = date.fromisoformat(frame.date) if frame.date else local(now).date()
    hour, minute = (int(part) for part in frame.time.split(":")[:2])
    wanted = datetime.combine(day, time(hour, minute), SHANGHAI)
    return wanted if wanted > now else None


GROUP_NAMES_ZH = {"size": "杯型", "sugar": "甜度", "ice": "冰度/温度"}
VALUE_NAMES_ZH = {
    "size": {"small": "小杯", "medium": "中杯", "large": "大杯"},
    "sugar": {"none": "无糖", "less": "少糖", "half": "半糖", "normal": "全糖"},
    "ice": {"none": "去冰", "less": "少冰", "normal": "正常冰", "room": "常温", "warm": "温", "hot": "热"},
}


def _options_for(said: FrameItem, item: MenuItem, lang: Lang) -> tuple[dict[str, str], tuple[str, ...]]:
    """The stated options the item offers, the merchant's defaults for the rest, and notes on the rest."""
    stated = said.options.stated()
    chosen: dict[str, str] = {}
    notes: list[str] = []
    for group in item.option_groups:
        value = stated.get(group.name)
        if value is not None and group.choice(value) is None:
            default = group.choice(group.default)
            label_zh, label_en = (default.label_zh, default.label_en) if default else (group.default, group.default)
            notes.append(
                say(
                    lang,
                    f"{item.name_zh}不能选「{VALUE_NAMES_ZH[group.name][value]}」，按{label_zh}做",
                    f"{item.name_en} can't be made '{value}'; it comes {label_en}",
                )
            )
            value = None
        chosen[group.name] = value or group.default
    for name in OPTION_GROUPS:
        if name in stated and item.group(name) is None:
            notes.append(
                say(lang, f"{item.name_zh}没有{GROUP_NAMES_ZH[name]}可选", f"{item.name_en} has no {name} choice")
            )
    return chosen, tuple(notes)


def _option_labels(item: MenuItem, options: dict[str, str], lang: Lang) -> str:
    labels = []
    for group in item.option_groups:
        choice = group.choice(options[group.name])
        if choice is not None:
            labels.append(choice.label_zh if lang == "zh" else choice.label_en)
    return " / ".join(labels)


class FoodSkill:
    def __init__(self, merchants: list[Merchant], providers: dict[str, FoodProvider], city_names: dict[str, str]):
        self._merchants = [m for m in merchants if m.category == "food"]
        self._by_id = {m.id: m for m in self._merchants}
        self._providers = providers
        self._city_names = city_names

    def merchant(self, merchant_id: str) -> Merchant:
        return self._by_id[merchant_id]

    def provider_of(self, merchant: Merchant) -> FoodProvider:
        return self._providers[merchant.provider]

    def plan_fulfilment(self, merchant_id: str, delivery: dict[str, Any], now: datetime) -> DeliveryPlan:
        """Ask the merchant's provider when a paid order will be prepared and delivered."""
        merchant = self.merchant(merchant_id)
        arrive_by = datetime.fromisoformat(delivery["arrive_by"]) if delivery.get("arrive_by") else None
        return self.provider_of(merchant).plan_delivery(
            merchant, Point(delivery["lat"], delivery["lng"]), now, arrive_by
        )

    def propose(
        self,
        frame: IntentFrame,
        *,
        lang: Lang,
        customer: Customer,
        card: CardOffer | None,
        now: datetime,
        proposal_seconds: int,
    ) -> FoodProposal | Refusal:
        if not frame.items:
            return Refusal(
                say(
                    lang,
                    "想吃点什么？告诉我菜名或饮品，比如「两杯少糖杨枝甘露」。",
                    "What would you like? Name a dish or drink, e.g. 'two mango pomelo sago, less sugar'.",
                ),
                missing=["items"],
            )
        arrive_by = delivery_time(frame, now)
        when = local(arrive_by or now)
        minute_of_day = when.hour * 60 + when.minute
        nearby = [
            (m, distance_m(m.location, customer.location)) for m in self._merchants if m.city_id == customer.city_id
        ]
        nearby = [(m, d) for m, d in nearby if d <= MAX_DELIVERY_M]
        shop_notes: list[str] = []
        if frame.merchant:
            # The shop named, where bangwo has it; else what a shop nearby has, and said so (瑞幸生椰拿铁一杯).
            named = [(m, d) for m, d in nearby if match_score(frame.merchant, (m.name_zh, m.name_en)) > 0]
            if named:
                nearby = named
            else:
                shop_notes.append(
                    say(
                        lang,
                        f"「{frame.merchant}」还没有上帮我，这是附近有的。",
                        f"'{frame.merchant}' isn't on bangwo yet; this is from a shop nearby.",
                    )
                )
        offering: list[_Candidate] = []
        for merchant, metres in nearby:
            chosen = []
            for said in frame.items:
                found = best_item(said.name, merchant.menu)
                if found is None:
                    break
                item, score = found
                options, notes = _options_for(said, item, lang)
                chosen.append(_Chosen(said, item, score, options, unit_price_fen(item, options), notes))
            else:
                offering.append(_Candidate(merchant, metres, tuple(chosen)))
        if not offering and frame.merchant and not shop_notes:
            names = "、".join(i.name for i in frame.items) if lang == "zh" else ", ".join(i.name for i in frame.items)
            return Refusal(
                say(
                    lang,
                    f"「{frame.merchant}」没有「{names}」。换一家或换一样？",
                    f"'{frame.merchant}' doesn't have {names}. Another shop or dish?",
                )
            )
        if not offering:
            return self._nothing_offers(frame, lang, customer, nearby)
        open_now = [c for c in offering if c.merchant.hours.is_open_at(minute_of_day)]
        if not open_now:
            hours = "; ".join(f"{self._name(c.merchant, lang)} {c.merchant.hours.describe()}" for c in offering[:3])
            return Refusal(
                say(
                    lang,
                    f"附近有卖的店此时都没营业（{hours}）。换个时间或换样东西？",
                    f"The shops near you that sell it are closed then ({hours}). Another time or dish?",
                )
            )
        affordable = open_now
        if frame.budget_max is not None:
            budget_fen = yuan_to_fen(frame.budget_max)
            affordable = [c for c in open_now if c.items_fen <= budget_fen]
            if not affordable:
                cheapest = min(c.items_fen for c in open_now)
                return Refusal(
                    say(
                        lang,
                        f"{format_fen(budget_fen)}以内买不到，最便宜的要{format_fen(cheapest)}。放宽预算？",
                        f"Nothing fits {format_fen(budget_fen)}; the cheapest is {format_fen(cheapest)}. "
                        "Raise the budget?",
                    )
                )
        deliverable = [c for c in affordable if c.items_fen >= c.merchant.min_order_fen]
        if not deliverable:
            best = min(affordable, key=_Candidate.rank_key)
            return Refusal(
                say(
                    lang,
                    f"{self._name(best.merchant, lang)}起送价{format_fen(best.merchant.min_order_fen)}，"
                    f"这单只有{format_fen(best.items_fen)}。再加点什么？",
                    f"{self._name(best.merchant, lang)} delivers from {format_fen(best.merchant.min_order_fen)}; "
                    f"this order is {format_fen(best.items_fen)}. Add something?",
                )
            )
        best = min(deliverable, key=_Candidate.rank_key)
        proposal = self._proposal(best, lang, customer, card, now, arrive_by, proposal_seconds)
        proposal.notes[:0] = shop_notes
        return FoodProposal(proposal, best.merchant.id)

    def _name(self, merchant: Merchant, lang: Lang) -> str:
        return merchant.name_zh if lang == "zh" else merchant.name_en

    def _nothing_offers(
        self, frame: IntentFrame, lang: Lang, customer: Customer, nearby: list[tuple[Merchant, int]]
    ) -> Refusal:
        menus = [m.menu for m, _ in nearby]
        unknown = [i.name for i in frame.items if not any(best_item(i.name, menu) for menu in menus)]
        city = self._city_names.get(customer.city_id, customer.city_id)
        if unknown:
            names = "、".join(unknown) if lang == "zh" else ", ".join(unknown)
            return Refusal(
                say(
                    lang,
                    f"{city}附近没找到卖「{names}」的店。换一样试试？",
                    f"No shop near you in {city} sells {names}. Try something else?",
                ),
                missing=["items"],
            )
        return Refusal(
            say(
                lang,
                "没有一家店能同时送这些，分开点试试？",
                "No single shop near you has all of these; try ordering them separately?",
            )
        )

    def _proposal(
        self,
        best: _Candidate,
        lang: Lang,
        customer: Customer,
        card: CardOffer | None,
        now: datetime,
        arrive_by: datetime | None,
        proposal_seconds: int,
    ) -> Proposal:
        merchant = best.merchant
        lines = [
            ProposalLine(
                title=c.item.name_zh if lang == "zh" else c.item.name_en,
                quantity=c.said.quantity,
                unit_price=c.unit_price_fen,
                options=c.options,
                details={
                    "item_id": c.item.id,
                    "said": c.said.name,
                    "options_label": _option_labels(c.item, c.options, lang),
                },
            )
            for c in best.chosen
        ]
        if merchant.delivery_fee_fen:
            lines.append(
                ProposalLine(
                    title=say(lang, "配送费", "Delivery fee"),
                    quantity=1,
                    unit_price=merchant.delivery_fee_fen,
                    details={"kind": "fee"},
                )
            )
        priced = quote(best.items_fen, merchant.delivery_fee_fen, 0, **card_terms(card))
        plan = self.provider_of(merchant).plan_delivery(merchant, customer.location, now, arrive_by)
        return Proposal(
            id=new_id("p"),
            domain="food",
            expires_at=now + timedelta(seconds=proposal_seconds),
            lines=lines,
            subtotal=priced.subtotal_fen,
            discount=priced.discount_fen,
            card_id=card.card_id if card and priced.discount_fen else None,
            total=priced.total_fen,
            pay=priced.pay_fen,
            merchant={
                "id": merchant.id,
                "name": self._name(merchant, lang),
                "rating": merchant.rating,
                "distance_m": best.distance_m,
            },
            delivery={
                "address": customer.address_text,
                "address_id": customer.address_id,
                "lat": customer.location.lat,
                "lng": customer.location.lng,
                "eta": plan.delivered_at.isoformat(),
                "arrive_by": arrive_by.isoformat() if arrive_by else None,
            },
            notes=[note for c in best.chosen for note in c.notes],
            lang=lang,
        )
