"""User stories through the HTTP API, in Chinese and in English."""

from __future__ import annotations

from datetime import datetime, timedelta

import httpx

from tests.factories import DEMO_BALANCE_FEN, sign_up_person


async def say(client: httpx.AsyncClient, auth: dict, text: str, session_id: str | None = None) -> dict:
    response = await client.post("/v1/chat", json={"text": text, "session_id": session_id}, headers=auth)
    assert response.status_code == 200, response.text
    return response.json()


async def test_two_mango_pomelo_sago_less_sugar_no_ice_end_to_end_in_chinese(client, clock):
    _, auth = await sign_up_person(client, "13800138000")

    asked = await say(client, auth, "帮我点两杯少糖去冰的杨枝甘露")
    assert asked["state"] == "need_info" and "地址" in asked["reply"]

    offered = await say(client, auth, "杭州市西湖区文三路100号", asked["session_id"])
    assert offered["state"] == "proposal"
    proposal = offered["proposal"]
    [sago, fee] = proposal["lines"]
    assert (sago["title"], sago["quantity"]) == ("杨枝甘露", 2)
    assert sago["options"] == {"size": "medium", "sugar": "less", "ice": "none"}
    assert fee["details"]["kind"] == "fee"
    assert proposal["subtotal"] == sago["unit_price"] * 2 + fee["unit_price"]
    assert proposal["discount"] == 2500 and proposal["pay"] == proposal["total"] - 2500
    assert "免单卡" in offered["reply"] and "确认" in offered["reply"]

    paid = await client.post(f"/v1/proposals/{proposal['id']}/confirm", headers={**auth, "Idempotency-Key": "story-zh"})
    assert paid.status_code == 201
    order = paid.json()["order"]

    status = await say(client, auth, "我的奶茶到哪了", offered["session_id"])
    assert status["state"] == "answer" and status["order"]["id"] == order["id"]
    assert "商家已接单" in status["reply"]
    clock.advance(timedelta(hours=1))
    assert "已送达" in (await say(client, auth, "我的奶茶到哪了"))["reply"]
    me = (await client.get("/v1/me", headers=auth)).json()
    assert me["balance"] == DEMO_BALANCE_FEN - proposal["pay"]
    assert me["addresses"][0]["city"] == "hangzhou"


async def test_an_order_in_traditional_characters_is_offered_and_confirmed_in_chat(client):
    _, auth = await sign_up_person(client, "13800138000")

    asked = await say(client, auth, "幫我點兩杯少糖去冰的楊枝甘露")
    assert asked["state"] == "need_info" and "地址" in asked["reply"]
    offered = await say(client, auth, "杭州市西湖區文三路100號", asked["session_id"])
    assert offered["state"] == "proposal"
    line = offered["proposal"]["lines"][0]
    assert (line["title"], line["quantity"]) == ("杨枝甘露", 2)
    assert line["options"] == {"size": "medium", "sugar": "less", "ice": "none"}
    done = await say(client, auth, "確認", asked["session_id"])
    assert done["state"] == "done" and done["order"]["status"] == "paid"


async def test_a_large_bubble_tea_in_english_confirmed_in_chat_then_cancelled(client):
    _, auth = await sign_up_person(client, "13800138000")

    asked = await say(client, auth, "help me order a large bubble tea, less sugar, no ice")
    assert asked["state"] == "need_info" and "address" in asked["reply"]
    offered = await say(client, auth, "88 Nanjing Road, Shanghai", asked["session_id"])
    assert offered["state"] == "proposal"
    line = offered["proposal"]["lines"][0]
    assert line["options"] == {"size": "large", "sugar": "less", "ice": "none"}
    assert "Bubble Tea" in line["title"] and "Shanghai" in offered["proposal"]["merchant"]["name"]
    assert "Confirm?" in offered["reply"]

    done = await say(client, auth, "yes", offered["session_id"])
    assert done["state"] == "done" and done["order"]["status"] == "paid"
    assert done["order"]["proposal_id"] == offered["proposal"]["id"]
    again = await say(client, auth, "yes", offered["session_id"])
    assert again["state"] != "done"  # nothing on the table any more: a second yes pays nothing

    cancelled = await say(client, auth, "cancel my food order")
    assert cancelled["state"] == "done" and cancelled["order"]["status"] == "cancelled"
    me = (await client.get("/v1/me", headers=auth)).json()
    assert me["balance"] == DEMO_BALANCE_FEN and [c["status"] for c in me["cards"]] == ["available"]


async def test_cancelling_a_dish_by_its_name_cancels_the_order_that_holds_it(client):
    _, auth = await sign_up_person(client, "13800138000")
    asked = await say(client, auth, "帮我点一杯杨枝甘露")
    first = await say(client, auth, "杭州市西湖区文三路100号", asked["session_id"])
    sago = (await say(client, auth, "确认", first["session_id"]))["order"]
    second = await say(client, auth, "再帮我点一杯拿铁", first["session_id"])
    latte = (await say(client, auth, "确认", second["session_id"]))["order"]
    assert sago["status"] == latte["status"] == "paid" and sago["id"] != latte["id"]

    # The latte is the latest order; the one named is the mango pomelo sago.
    cancelled = await say(client, auth, "取消刚才点的那杯杨枝甘露")
    assert cancelled["state"] == "done" and cancelled["order"]["id"] == sago["id"]
    orders = {o["id"]: o["status"] for o in (await client.get("/v1/orders", headers=auth)).json()["orders"]}
    assert orders == {sago["id"]: "cancelled", latte["id"]: "paid"}
    # Named by nothing, the latest goes (held before).
    assert (await say(client, auth, "取消我的外卖"))["order"]["id"] == latte["id"]


async def test_the_assistant_asks_what_to_order_and_takes_a_bare_answer(client):
    _, auth = await sign_up_person(client, "13800138000")
    what = await say(client, auth, "帮我点个外卖")
    assert what["state"] == "need_info" and "想吃" in what["reply"]
    where = await say(client, auth, "杨枝甘露", what["session_id"])
    assert where["state"] == "need_info" and "地址" in where["reply"]
    offered = await say(client, auth, "上海市黄浦区南京东路1号", what["session_id"])
    assert offered["state"] == "proposal"
    assert offered["proposal"]["lines"][0]["title"] == "杨枝甘露"


async def test_an_address_without_a_served_city_is_asked_again(client):
    _, auth = await sign_up_person(client, "13800138000")
    asked = await say(client, auth, "帮我点一杯奶茶")
    again = await say(client, auth, "文三路100号", asked["session_id"])
    assert again["state"] == "need_info" and "杭州" in again["reply"]


async def test_a_budget_picks_a_shop_within_it_or_says_why_not(client):
    _, auth = await sign_up_person(client, "13800138000")
    asked = await say(client, auth, "帮我点20块以内的杨枝甘露")
    offered = await say(client, auth, "杭州市西湖区文三路100号", asked["session_id"])
    assert offered["state"] == "proposal"
    assert offered["proposal"]["lines"][0]["unit_price"] <= 2000
    refused = await say(client, auth, "帮我点10块以内的杨枝甘露", offered["session_id"])
    assert refused["state"] == "answer" and "¥10.00" in refused["reply"] and refused["proposal"] is None


async def test_a_scheduled_delivery_arrives_at_the_asked_time(client):
    _, auth = await sign_up_person(client, "13800138000")
    asked = await say(client, auth, "下午三点帮我送一杯奶茶")
    offered = await say(client, auth, "北京市东城区王府井大街1号", asked["session_id"])
    three_pm = datetime.fromisoformat("2026-02-10T15:00:00+08:00")
    assert datetime.fromisoformat(offered["proposal"]["delivery"]["arrive_by"]) == three_pm
    assert abs(datetime.fromisoformat(offered["proposal"]["delivery"]["eta"]) - three_pm) < timedelta(minutes=1)


async def test_what_is_not_a_service_request_gets_a_helpful_answer(client):
    _, auth = await sign_up_person(client, "13800138000")
    for text in ("帮我写一副春联", "what's the weather like"):
        answer = await say(client, auth, text)
        assert answer["state"] == "answer" and answer["proposal"] is None and answer["reply"]


async def test_an_unknown_dish_is_said_plainly(client):
    _, auth = await sign_up_person(client, "13800138000")
    asked = await say(client, auth, "帮我点一份螺蛳粉")
    answer = await say(client, auth, "杭州市西湖区文三路100号", asked["session_id"])
    assert answer["state"] == "need_info" and "螺蛳粉" in answer["reply"]
    instead = await say(client, auth, "那来一杯奶茶吧", asked["session_id"])
    assert instead["state"] == "proposal" and instead["proposal"]["lines"][0]["details"]["said"] == "奶茶"


async def test_bad_chat_input_is_refused_or_answered_never_a_500(client):
    _, auth = await sign_up_person(client, "13800138000")
    for body in ({"text": ""}, {"text": "奶" * 5000}, {"text": 42}, {"session_id": "x"}):
        response = await client.post("/v1/chat", json=body, headers=auth)
        assert response.status_code == 422, body
    for text in ("🧋🧋🧋", "<script>alert(1)</script>", "'; DROP TABLE orders; --", "\x00\x1b[31m"):
        assert (await say(client, auth, text))["state"] in ("answer", "need_info")
    unknown = await client.post("/v1/chat", json={"text": "hi", "session_id": "s_nope"}, headers=auth)
    assert unknown.status_code == 404 and unknown.json()["error"]["code"] == "session_not_found"


async def test_saying_yes_to_an_expired_card_pays_nothing_and_says_why(client, clock):
    _, auth = await sign_up_person(client, "13800138000")
    asked = await say(client, auth, "帮我点一杯奶茶")
    offered = await say(client, auth, "杭州市西湖区文三路100号", asked["session_id"])
    clock.advance(timedelta(minutes=11))

    late = await say(client, auth, "确认", offered["session_id"])

    assert late["state"] == "error" and "过期" in late["reply"]
    assert (await client.get("/v1/orders", headers=auth)).json()["orders"] == []
    assert (await say(client, auth, "确认", offered["session_id"]))["state"] == "answer"  # the card is off the table
