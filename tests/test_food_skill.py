"""The food skill picks a shop a person would pick, and prices the card exactly. Pure: no store needed."""

from __future__ import annotations

from datetime import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bangwo.assistant.skills.food import CardOffer, Customer, FoodProposal, FoodSkill, Refusal
from bangwo.domain.frame import FrameItem, IntentFrame, ItemOptions
from bangwo.domain.geo import Point, offset_point
from bangwo.providers.demo import DemoFood
from bangwo.providers.demo.places import CITIES
from bangwo.providers.demo.world import demo_catalogue

MORNING = datetime.fromisoformat("2026-02-10T10:00:00+08:00")
THREE_AM = datetime.fromisoformat("2026-02-11T03:00:00+08:00")
CARD = CardOffer("card_1", 2500)


@pytest.fixture(scope="module")
def skill() -> FoodSkill:
    return FoodSkill(list(demo_catalogue().merchants), {"demo": DemoFood()}, {c.id: c.name_zh for c in CITIES})


def customer_at(city_id: str, where: Point | None = None) -> Customer:
    city = next(c for c in CITIES if c.id == city_id)
    return Customer(city_id, "addr_1", "somewhere", where or city.centre)


def order(*items: tuple[str, int], **options: str) -> IntentFrame:
    return IntentFrame(domain="food", items=[FrameItem(name=n, quantity=q, options=ItemOptions(**options))
                                             for n, q in items])


def propose(skill: FoodSkill, frame: IntentFrame, customer: Customer, now: datetime = MORNING):
    return skill.propose(frame, lang="zh", customer=customer, card=CARD, now=now, proposal_seconds=600)


def test_a_shop_in_the_persons_own_city(skill):
    outcome = propose(skill, order(("奶茶", 1)), customer_at("shanghai"))
    assert isinstance(outcome, FoodProposal) and outcome.merchant_id.startswith("demo-shanghai-")


def test_of_two_shops_with_the_dish_the_one_next_door_wins(skill):
    for shop in ("demo-hangzhou-tea", "demo-hangzhou-tea-house"):
        next_door = offset_point(skill.merchant(shop).location, 50, 0)
        outcome = propose(skill, order(("奶茶", 1)), customer_at("hangzhou", next_door))
        assert isinstance(outcome, FoodProposal) and outcome.merchant_id == shop


def test_at_three_in_the_morning_only_shops_open_then_are_offered(skill):
    tea = propose(skill, order(("奶茶", 1)), customer_at("hangzhou"), THREE_AM)
    assert isinstance(tea, FoodProposal) and skill.merchant(tea.merchant_id).hours.around_the_clock
    latte = propose(skill, order(("拿铁", 1)), customer_at("hangzhou"), THREE_AM)
    assert isinstance(latte, Refusal) and "07:00-22:00" in latte.reply


def test_nobody_delivers_beyond_eight_kilometres(skill):
    far = offset_point(next(c for c in CITIES if c.id == "beijing").centre, 30_000, 0)
    assert isinstance(propose(skill, order(("奶茶", 1)), customer_at("beijing", far)), Refusal)


def test_unsaid_options_take_the_shops_defaults_and_an_impossible_one_is_noted(skill):
    outcome = propose(skill, order(("杨枝甘露", 1), ice="hot"), customer_at("hangzhou"))
    assert isinstance(outcome, FoodProposal)
    line = outcome.proposal.lines[0]
    assert line.options == {"size": "medium", "sugar": "normal", "ice": "normal"}
    assert outcome.proposal.notes and "杨枝甘露" in outcome.proposal.notes[0]


def test_several_items_come_from_one_shop_that_has_them_all(skill):
    outcome = propose(skill, order(("生椰拿铁", 1), ("可颂", 2)), customer_at("beijing"))
    assert isinstance(outcome, FoodProposal) and outcome.merchant_id == "demo-beijing-coffee"
    assert [(line.title, line.quantity) for line in outcome.proposal.lines[:2]] == [("生椰拿铁", 1), ("可颂", 2)]


@settings(max_examples=60, deadline=None)
@given(
    dishes=st.lists(st.sampled_from(["奶茶", "珍珠奶茶", "杨枝甘露", "柠檬茶", "芋泥奶茶"]), min_size=1, max_size=3,
                    unique=True),
    quantity=st.integers(min_value=1, max_value=5),
    east=st.integers(min_value=-5000, max_value=5000),
    north=st.integers(min_value=-5000, max_value=5000),
    size=st.sampled_from([None, "medium", "large"]),
)
def test_every_card_adds_up(skill, dishes, quantity, east, north, size):
    where = offset_point(next(c for c in CITIES if c.id == "hangzhou").centre, east, north)
    outcome = propose(skill, order(*((d, quantity) for d in dishes), size=size), customer_at("hangzhou", where))
    if isinstance(outcome, Refusal):
        return
    proposal = outcome.proposal
    assert proposal.subtotal == sum(line.amount_fen for line in proposal.lines)
    assert proposal.total == proposal.subtotal
    assert proposal.pay == proposal.total - proposal.discount >= 1
    assert proposal.discount == min(2500, proposal.total - 1)
    assert skill.merchant(outcome.merchant_id).hours.is_open_at(10 * 60)


def test_the_shop_named_is_the_one_offered_or_the_person_is_told_it_is_not_here(skill):
    here = customer_at("hangzhou")
    tea_house = skill.merchant("demo-hangzhou-tea-house")
    at_the_named_shop = propose(
        skill, IntentFrame(domain="food", merchant=tea_house.name_zh[:3], items=[FrameItem(name="奶茶")]), here
    )
    assert isinstance(at_the_named_shop, FoodProposal) and at_the_named_shop.merchant_id == tea_house.id
    assert not at_the_named_shop.proposal.notes

    # A chain bangwo does not carry: what a shop nearby has, and said so.
    elsewhere = propose(skill, IntentFrame(domain="food", merchant="瑞幸", items=[FrameItem(name="拿铁")]), here)
    assert isinstance(elsewhere, FoodProposal) and elsewhere.proposal.notes[0].startswith("「瑞幸」还没有上帮我")

    # The shop named is here but does not sell it: said of that shop, not of the whole city.
    missing = propose(
        skill, IntentFrame(domain="food", merchant=tea_house.name_zh[:3], items=[FrameItem(name="拿铁")]), here
    )
    assert isinstance(missing, Refusal) and f"「{tea_house.name_zh[:3]}」没有「拿铁」" in missing.reply
