"""The grocery skill: from a grocery frame and the shops' free stock to one supermarket's card.

Pure over loaded objects: the supermarkets, the free units of what was asked for, the clock.
It prefers a shop that has everything; when none has, it offers what the best shop has and
says plainly what is short. Delivery comes in half-hour slots.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from bangwo.assistant.matching import best_item, match_score
from bangwo.assistant.skills.food import (
    FEN_PER_KM,
    FEN_PER_STAR,
    MAX_DELIVERY_M,
    CardOffer,
    Customer,
    Refusal,
    card_terms,
    delivery_time,
    say,
)
from bangwo.domain.catalogue import MenuItem, Merchant
from bangwo.domain.clock import local
from bangwo.domain.delivery import DeliveryPlan, delivery_slot
from bangwo.domain.frame import FrameItem, IntentFrame, Lang
from bangwo.domain.geo import Point, distance_m
from bangwo.domain.ids import new_id
from bangwo.domain.money import format_fen, yuan_to_fen
from bangwo.domain.pricing import quote
from bangwo.domain.proposal import Proposal, ProposalLine
from bangwo.providers.base import FoodProvider


@dataclass(frozen=True, slots=True)
class Basket:
    """One supermarket that sells every item asked for: what each said item is on its shelves."""

    merchant: Merchant
    distance_m: int
    items: tuple[tuple[FrameItem, MenuItem], ...]

    def item_ids(self) -> list[str]:
        return [item.id for _, item in self.items]

    def cost_fen(self) -> float:
        items = sum(item.price_fen * said.quantity for said, item in self.items)
        return (
            items
            + self.merchant.delivery_fee_fen
            + FEN_PER_KM * self.distance_m / 1000
            - FEN_PER_STAR * self.merchant.rating
        )


def _unit(item: MenuItem, lang: Lang) -> str:
    return (item.unit or "") if lang == "zh" else ""


class GrocerySkill:
    def __init__(self, merchants: list[Merchant], providers: dict[str, FoodProvider]) -> None:
        self.merchants = [m for m in merchants if m.category == "grocery"]
        self._by_id = {m.id: m for m in self.merchants}
        self._providers = providers

    def baskets(self, frame: IntentFrame, customer: Customer) -> tuple[list[Basket], list[str]]:
        """The supermarkets near the person that sell every item asked for, and the notes to say
        (a shop the person named that bangwo does not know)."""
        notes: list[str] = []
        shops = [m for m in self.merchants if m.city_id == customer.city_id]
        if frame.merchant:
            named = [m for m in shops if match_score(frame.merchant, (m.name_zh, m.name_en)) > 0]
            if named:
                shops = named
            else:
                notes.append(f"「{frame.merchant}」")
        found = []
        for merchant in shops:
            metres = distance_m(merchant.location, customer.location)
            if metres > MAX_DELIVERY_M:
                continue
            items = [(said, best_item(said.name, merchant.menu)) for said in frame.items]
            if all(match is not None for _, match in items):
                found.append(Basket(merchant, metres, tuple((said, match[0]) for said, match in items if match)))
        return sorted(found, key=lambda b: (b.cost_fen(), b.merchant.id)), notes

    def plan_fulfilment(self, merchant_id: str, delivery: dict[str, Any], now: datetime) -> DeliveryPlan:
        """When a paid order is picked, packed and brought, arriving in the slot on the card."""
        merchant = self._by_id[merchant_id]
        arrive = max(now, datetime.fromisoformat(delivery["slot_start"]))
        return self._providers[merchant.provider].plan_delivery(
            merchant, Point(delivery["lat"], delivery["lng"]), now, arrive
        )

    def propose(
        self,
        frame: IntentFrame,
        baskets: list[Basket],
        free: dict[str, int],
        *,
        unknown_shop: list[str],
        lang: Lang,
        customer: Customer,
        card: CardOffer | None,
        now: datetime,
        proposal_seconds: int,
    ) -> Proposal | Refusal:
        """The best basket with everything in stock; else the best one, cut to what it has."""
        if not baskets:
            return Refusal(
                say(
                    lang,
                    "附近的超市没有卖这些的，换一样试试？",
                    "No supermarket near you sells that; try something else?",
                ),
                missing=["items"],
            )
        complete = [b for b in baskets if all(free.get(item.id, 0) >= said.quantity for said, item in b.items)]
        notes = [
            say(lang, f"没有找到{shop}，这单由附近的超市送。", f"I don't know {shop}; a supermarket near you has it.")
            for shop in unknown_shop
        ]
        if complete:
            chosen = complete[0]
            wanted = {item.id: said.quantity for said, item in chosen.items}
            if chosen is not baskets[0]:  # a substitute shop: say which and why
                short = self._short_words(baskets[0], free, lang)
                first, instead = self._name(baskets[0].merchant, lang), self._name(chosen.merchant, lang)
                notes.append(
                    say(
                        lang,
                        f"{first}{short}不够了，这单改由{instead}送。",
                        f"{first} is short of {short}, so {instead} delivers this order.",
                    )
                )
        else:  # a partial order from the best shop, cut to what it has
            chosen = baskets[0]
            notes.extend(self._partial_words(chosen, free, lang))
            wanted = {item.id: min(said.quantity, free.get(item.id, 0)) for said, item in chosen.items}
            wanted = {item_id: units for item_id, units in wanted.items() if units > 0}
            if not wanted:
                return Refusal(say(lang, "这些都卖完了，明天再试试？", "All of that is sold out; try again tomorrow?"))
        return self._card(frame, chosen, wanted, notes, lang, customer, card, now, proposal_seconds)

    def _name(self, merchant: Merchant, lang: Lang) -> str:
        return merchant.name_zh if lang == "zh" else merchant.name_en

    def _item_name(self, item: MenuItem, lang: Lang) -> str:
        return item.name_zh if lang == "zh" else item.name_en

    def _short_words(self, basket: Basket, free: dict[str, int], lang: Lang) -> str:
        short = [self._item_name(item, lang) for said, item in basket.items if free.get(item.id, 0) < said.quantity]
        return ("、" if lang == "zh" else ", ").join(short)

    def _partial_words(self, basket: Basket, free: dict[str, int], lang: Lang) -> list[str]:
        """What is short, said plainly: sold out and left off, or fewer than asked."""
        words = []
        for said, item in basket.items:
            left, name, unit = free.get(item.id, 0), self._item_name(item, lang), _unit(item, lang)
            if left == 0:
                words.append(
                    say(lang, f"{name}卖完了，这单不含{name}。", f"{name} is sold out and left off this order.")
                )
            elif left < said.quantity:
                words.append(
                    say(
                        lang,
                        f"{name}只剩{left}{unit}（你要{said.quantity}{unit}），先给你{left}{unit}。",
                        f"Only {left} of {name} left (you asked for {said.quantity}); this order has {left}.",
                    )
                )
        return words

    def _card(
        self,
        frame: IntentFrame,
        basket: Basket,
        wanted: dict[str, int],
        notes: list[str],
        lang: Lang,
        customer: Customer,
        card: CardOffer | None,
        now: datetime,
        proposal_seconds: int,
    ) -> Proposal | Refusal:
        merchant = basket.merchant
        items = [(said, item) for said, item in basket.items if item.id in wanted]
        lines = [
            ProposalLine(
                title=self._item_name(item, lang),
                quantity=wanted[item.id],
                unit_price=item.price_fen,
                details={"item_id": item.id, "said": said.name, "unit": item.unit},
            )
            for said, item in items
        ]
        items_fen = sum(line.amount_fen for line in lines)
        if frame.budget_max is not None and items_fen > yuan_to_fen(frame.budget_max):
            return Refusal(
                say(
                    lang,
                    f"这些要{format_fen(items_fen)}，超过了{format_fen(yuan_to_fen(frame.budget_max))}的预算。",
                    f"That comes to {format_fen(items_fen)}, over your budget of "
                    f"{format_fen(yuan_to_fen(frame.budget_max))}.",
                )
            )
        if items_fen < merchant.min_order_fen:
            return Refusal(
                say(
                    lang,
                    f"{self._name(merchant, lang)}起送价{format_fen(merchant.min_order_fen)}，"
                    f"这单只有{format_fen(items_fen)}。再加点什么？",
                    f"{self._name(merchant, lang)} delivers from {format_fen(merchant.min_order_fen)}; "
                    f"this order is {format_fen(items_fen)}. Add something?",
                )
            )
        provider = self._providers[merchant.provider]
        asap = provider.plan_delivery(merchant, customer.location, now, None)
        slot_start, slot_end = delivery_slot(asap.delivered_at, delivery_time(frame, now))
        minute = local(slot_start).hour * 60 + local(slot_start).minute
        if not merchant.hours.is_open_at(minute):
            return Refusal(
                say(
                    lang,
                    f"{self._name(merchant, lang)}那时不营业（{merchant.hours.describe()}），换个时间？",
                    f"{self._name(merchant, lang)} is closed then ({merchant.hours.describe()}); another time?",
                )
            )
        if merchant.delivery_fee_fen:
            lines.append(
                ProposalLine(
                    title=say(lang, "配送费", "Delivery fee"),
                    quantity=1,
                    unit_price=merchant.delivery_fee_fen,
                    details={"kind": "fee"},
                )
            )
        priced = quote(items_fen, merchant.delivery_fee_fen, 0, **card_terms(card))
        until = now + timedelta(seconds=proposal_seconds)
        hold_id = new_id("h")
        return Proposal(
            id=new_id("p"),
            domain="grocery",
            expires_at=until,
            lines=lines,
            subtotal=priced.subtotal_fen,
            discount=priced.discount_fen,
            card_id=card.card_id if card and priced.discount_fen else None,
            total=priced.total_fen,
            pay=priced.pay_fen,
            holds=[
                {
                    "kind": "grocery",
                    "provider": merchant.provider,
                    "hold_id": hold_id,
                    "items": wanted,
                    "until": until.isoformat(),
                }
            ],
            merchant={
                "id": merchant.id,
                "name": self._name(merchant, lang),
                "rating": merchant.rating,
                "distance_m": basket.distance_m,
            },
            delivery={
                "address": customer.address_text,
                "address_id": customer.address_id,
                "lat": customer.location.lat,
                "lng": customer.location.lng,
                "slot_start": slot_start.isoformat(),
                "slot_end": slot_end.isoformat(),
                "eta": slot_end.isoformat(),
            },
            notes=notes,
            lang=lang,
        )
