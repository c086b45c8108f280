"""Groceries through the HTTP API: stock held with the card and taken at payment, a substitute shop
or a partial order said plainly when stock runs short, half-hour delivery slots, never oversold."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta

from bangwo.domain.ids import new_id
from bangwo.providers.demo.grocery import SCARCE_STOCK_UNITS, item_id
from bangwo.services import Services
from tests.factories import give_address, rows_sold, sign_up_person
from tests.test_stories import say

FRESHBOX_HANGZHOU = "demo-hangzhou-freshbox"
NEIGHBOUR_HANGZHOU = "demo-hangzhou-neighbour"


async def free(services: Services, *items: str) -> dict[str, int]:
    async with services.store.read() as session:
        return await services.registry.groceries["demo"].free_stock(session, list(items), services.clock.now())


async def take_stock(services: Services, item: str, leave: int) -> None:
    """Someone else bought all but `leave` units today."""
    grocery = services.registry.groceries["demo"]
    now = services.clock.now()
    async with services.store.transaction() as session:
        units = (await grocery.free_stock(session, [item], now))[item] - leave
        hold_id = new_id("h")
        await grocery.hold_items(session, {item: units}, hold_id=hold_id, until=now + timedelta(hours=1), now=now)
        await rows_sold(session, grocery.sale(hold_id, "o_other", now))


async def test_eggs_milk_and_cola_in_chinese_with_a_half_hour_slot(client, services):
    user_id, auth = await sign_up_person(client, "13800138000")
    await give_address(services, user_id, "hangzhou")
    eggs = item_id(FRESHBOX_HANGZHOU, "eggs")
    before = await free(services, eggs)

    offer = await say(client, auth, "帮我买一盒鸡蛋、两瓶牛奶和一箱可乐")

    assert offer["state"] == "proposal", offer["reply"]
    proposal = offer["proposal"]
    assert proposal["domain"] == "grocery" and proposal["merchant"]["id"] == FRESHBOX_HANGZHOU
    assert [(line["title"], line["quantity"]) for line in proposal["lines"]] == [("鸡蛋", 1), ("牛奶", 2), ("可乐", 1)]
    assert "鸡蛋×1盒、牛奶×2瓶、可乐×1箱" in offer["reply"]
    start = datetime.fromisoformat(proposal["delivery"]["slot_start"])
    end = datetime.fromisoformat(proposal["delivery"]["slot_end"])
    assert end - start == timedelta(minutes=30) and start.minute in (0, 30) and start > services.clock.now()
    assert f"{start:%H:%M}–{end:%H:%M}送达" in offer["reply"]
    assert await free(services, eggs) == {eggs: before[eggs] - 1}  # held with the card

    done = await say(client, auth, "好的", offer["session_id"])
    assert done["state"] == "done" and start <= datetime.fromisoformat(done["order"]["timeline"]["delivered"]) < end
    assert await free(services, eggs) == {eggs: before[eggs] - 1}  # sold

    status = await say(client, auth, "我的超市订单到哪了")
    assert "鸡蛋×1" in status["reply"]
    cancelled = await say(client, auth, "取消超市订单")
    assert cancelled["state"] == "done" and "已退回钱包" in cancelled["reply"]
    assert await free(services, eggs) == before  # back on the shelf


async def test_new_year_goods_in_english_with_a_slot_at_the_time_asked(client, services):
    user_id, auth = await sign_up_person(client, "13800138000")
    await give_address(services, user_id, "beijing")

    offer = await say(client, auth, "deliver two spring couplets and a nut gift box at 3 pm")

    assert offer["state"] == "proposal", offer["reply"]
    delivery = offer["proposal"]["delivery"]
    assert delivery["slot_start"].endswith("15:00:00+08:00") and "Arrives 15:00–15:30" in offer["reply"]
    done = await say(client, auth, "yes", offer["session_id"])
    assert done["state"] == "done" and done["order"]["domain"] == "grocery"


async def test_a_shop_out_of_stock_is_replaced_by_one_that_has_it_and_the_card_says_so(client, services):
    user_id, auth = await sign_up_person(client, "13800138000")
    await give_address(services, user_id, "hangzhou")
    await take_stock(services, item_id(FRESHBOX_HANGZHOU, "cherries"), leave=0)

    offer = await say(client, auth, "买两盒车厘子")

    assert offer["proposal"]["merchant"]["id"] == NEIGHBOUR_HANGZHOU
    assert "鲜盒超市（杭州店）车厘子不够了，这单改由邻里生活超市（杭州店）送。" in offer["reply"]


async def test_when_no_shop_has_enough_the_order_is_cut_to_what_is_left_and_says_so(client, services):
    user_id, auth = await sign_up_person(client, "13800138000")
    await give_address(services, user_id, "shanghai")
    for shop in ("demo-shanghai-freshbox", "demo-shanghai-neighbour"):
        await take_stock(services, item_id(shop, "cherries"), leave=1)
        await take_stock(services, item_id(shop, "strawberries"), leave=0)

    offer = await say(client, auth, "buy 3 boxes of cherries, a box of strawberries and 2 bottles of milk")

    lines = {line["title"]: line["quantity"] for line in offer["proposal"]["lines"]}
    assert lines == {"Cherries": 1, "Milk 1L": 2}
    assert "Only 1 of Cherries left (you asked for 3); this order has 1." in offer["reply"]
    assert "Strawberries is sold out and left off this order." in offer["reply"]


async def test_declining_the_card_puts_the_stock_back(client, services):
    user_id, auth = await sign_up_person(client, "13800138000")
    await give_address(services, user_id, "hangzhou")
    cherries = item_id(FRESHBOX_HANGZHOU, "cherries")

    offer = await say(client, auth, "买两盒车厘子")
    assert await free(services, cherries) == {cherries: SCARCE_STOCK_UNITS["cherries"] - 2}
    await say(client, auth, "不要了", offer["session_id"])

    assert await free(services, cherries) == {cherries: SCARCE_STOCK_UNITS["cherries"]}


async def test_forty_buyers_for_the_last_six_boxes_of_cherries_never_oversell(client, services):
    buyers = [await sign_up_person(client, f"1380000{i:04d}") for i in range(40)]
    for user_id, _ in buyers:
        await give_address(services, user_id, "hangzhou")

    async def buy(auth: dict) -> dict | None:
        offer = await say(client, auth, "买一盒车厘子")
        if offer["state"] != "proposal":
            return None
        done = await say(client, auth, "确认", offer["session_id"])
        return done["order"] if done["state"] == "done" else None

    orders = [o for o in await asyncio.gather(*(buy(auth) for _, auth in buyers)) if o]

    shops = [o["merchant"]["id"] for o in orders]
    assert len(orders) == 2 * SCARCE_STOCK_UNITS["cherries"]  # both shops sold out, nothing more
    assert shops.count(FRESHBOX_HANGZHOU) == shops.count(NEIGHBOUR_HANGZHOU) == SCARCE_STOCK_UNITS["cherries"]
    assert await free(services, item_id(FRESHBOX_HANGZHOU, "cherries"), item_id(NEIGHBOUR_HANGZHOU, "cherries")) == {
        item_id(FRESHBOX_HANGZHOU, "cherries"): 0, item_id(NEIGHBOUR_HANGZHOU, "cherries"): 0
    }
