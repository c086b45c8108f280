"""The price of a card: pure functions, checked exhaustively and by property."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from bangwo.domain.catalogue import OpeningHours
from bangwo.domain.money import MIN_PAY_FEN, format_fen, yuan_to_fen
from bangwo.domain.pricing import card_discount_fen, quote, unit_price_fen
from bangwo.providers.demo.world import demo_catalogue

fen = st.integers(min_value=0, max_value=10_000_000)


@given(items=fen, fees=fen, card=st.one_of(st.none(), st.integers(min_value=0, max_value=100_000)))
def test_a_person_always_pays_at_least_one_fen_and_the_card_never_pays_more_than_its_value(items, fees, card):
    priced = quote(items, fees, 0, card)
    assert priced.pay_fen >= MIN_PAY_FEN
    assert priced.subtotal_fen == items + fees
    assert priced.pay_fen + priced.discount_fen == priced.total_fen
    assert 0 <= priced.discount_fen <= (card or 0)


def test_the_one_cent_milk_tea():
    priced = quote(1200, 300, 0, 2500)
    assert (priced.total_fen, priced.discount_fen, priced.pay_fen) == (1500, 1499, 1)


def test_a_card_takes_its_full_value_off_a_dearer_order():
    assert quote(3600, 300, 0, 2500).pay_fen == 3900 - 2500


def test_no_card_no_discount():
    assert card_discount_fen(5000, None) == 0
    assert card_discount_fen(1, 2500) == 0


def test_option_price_deltas_add_to_the_base_price():
    tea_shop = next(m for m in demo_catalogue().merchants if m.id == "demo-hangzhou-tea")
    sago = next(i for i in tea_shop.menu if i.name_zh == "杨枝甘露")
    assert unit_price_fen(sago, {}) == 1800
    assert unit_price_fen(sago, {"size": "large", "sugar": "less", "ice": "none"}) == 1800 + 300


def test_money_reads_as_yuan():
    assert format_fen(2500) == "¥25.00"
    assert format_fen(1) == "¥0.01"
    assert format_fen(-150) == "-¥1.50"
    assert yuan_to_fen(15.5) == 1550


def test_opening_hours_across_midnight():
    night = OpeningHours(16 * 60, 4 * 60)
    assert night.is_open_at(23 * 60)
    assert night.is_open_at(30)
    assert not night.is_open_at(10 * 60)
    assert OpeningHours().is_open_at(0) and OpeningHours().around_the_clock


def test_a_campaign_minimum_payment_is_kept_by_the_card():
    """A campaign may ask for more than one fen: the card then stops where that minimum begins."""
    assert quote(3000, 0, 0, 2500, min_pay_fen=1000).pay_fen == 1000
    assert quote(3000, 0, 0, 2500, min_pay_fen=1000).discount_fen == 2000
    assert quote(900, 0, 0, 2500, min_pay_fen=1000).discount_fen == 0  # below the minimum: no card at all
