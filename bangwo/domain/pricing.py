"""Pure price calculation over loaded catalogue objects. No I/O, no clock."""

from __future__ import annotations

from dataclasses import dataclass

from bangwo.domain.catalogue import MenuItem
from bangwo.domain.money import MIN_PAY_FEN, Fen


def unit_price_fen(item: MenuItem, options: dict[str, str]) -> Fen:
    """The item's base price plus the price delta of every chosen option the item offers."""
    price = item.price_fen
    for group in item.option_groups:
        choice = group.choice(options.get(group.name, group.default))
        if choice is not None:
            price += choice.price_delta_fen
    return price


def card_discount_fen(total_fen: Fen, card_value_fen: Fen | None, min_pay_fen: Fen = MIN_PAY_FEN) -> Fen:
    """The free-order card's share of an order: its whole value, less whatever keeps the person
    paying at least the campaign's minimum (one fen by default). No card, or an order at the minimum,
    gets nothing."""
    if card_value_fen is None or card_value_fen <= 0:
        return 0
    return max(0, min(card_value_fen, total_fen - max(MIN_PAY_FEN, min_pay_fen)))


@dataclass(frozen=True, slots=True)
class Quote:
    """subtotal: items and fees; total: subtotal less provider discounts;
    discount: the card's share; pay: total less discount (never below one fen)."""

    subtotal_fen: Fen
    total_fen: Fen
    discount_fen: Fen
    pay_fen: Fen


def quote(
    items_fen: Fen,
    fees_fen: Fen,
    provider_discount_fen: Fen,
    card_value_fen: Fen | None,
    min_pay_fen: Fen = MIN_PAY_FEN,
) -> Quote:
    if items_fen < 0 or fees_fen < 0 or provider_discount_fen < 0:
        raise ValueError("amounts cannot be negative")
    subtotal = items_fen + fees_fen
    total = max(MIN_PAY_FEN, subtotal - provider_discount_fen)
    discount = card_discount_fen(total, card_value_fen, min_pay_fen)
    return Quote(subtotal_fen=subtotal, total_fen=total, discount_fen=discount, pay_fen=total - discount)
