"""A trip: several travel cards (a flight, a hotel) made into one, with one total and one free-order card.

Pure: the legs' cards go in, each priced without a card, and one card comes out whose lines
and holds are the legs' own, each line marked with its leg.
"""

from __future__ import annotations

from datetime import datetime

from bangwo.assistant.skills.food import CardOffer, card_terms, say
from bangwo.domain.frame import Lang
from bangwo.domain.ids import new_id
from bangwo.domain.pricing import quote
from bangwo.domain.proposal import Proposal


def combine_trip(legs: list[Proposal], *, card: CardOffer | None, lang: Lang, hold_until: datetime) -> Proposal:
    """One card for every leg: the items of all legs, the partners' assistant prices, then one card."""
    if len(legs) < 2:
        raise ValueError("a trip has at least two legs")
    lines = [
        line.model_copy(update={"details": {**line.details, "leg": index, "leg_domain": leg.domain}})
        for index, leg in enumerate(legs)
        for line in leg.lines
    ]
    items_fen = sum(line.amount_fen for line in lines if line.details.get("kind") != "assistant_price")
    assistant_fen = -sum(line.amount_fen for line in lines if line.details.get("kind") == "assistant_price")
    priced = quote(items_fen, 0, assistant_fen, **card_terms(card))
    names = [(leg.merchant or {}).get("name", "") for leg in legs]
    return Proposal(
        id=new_id("p"),
        domain="trip",
        expires_at=min([hold_until, *(leg.expires_at for leg in legs)]),
        lines=lines,
        subtotal=priced.subtotal_fen,
        discount=priced.discount_fen,
        card_id=card.card_id if card and priced.discount_fen else None,
        total=priced.total_fen,
        pay=priced.pay_fen,
        holds=[{**hold, "leg": index} for index, leg in enumerate(legs) for hold in leg.holds],
        merchant={"id": "trip", "name": say(lang, "行程：", "Trip: ") + " + ".join(names)},
        notes=[note for leg in legs for note in leg.notes],
        lang=lang,
    )
