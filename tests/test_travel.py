"""Flights, hotels and trips through the HTTP API, in Chinese and English: seats and rooms held with the
card, the partner's assistant price on a line of its own before the card, e-tickets, status and
cancel; a trip is one card and one payment, and a trip whose hotel fails is undone entirely."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import httpx
import pytest
from sqlalchemy import func, select

from bangwo.commerce.checkout import confirm_proposal
from bangwo.domain.geo import distance_m
from bangwo.domain.proposal import Order
from bangwo.store.tables import LedgerEntry, StockHold
from tests.factories import DEMO_BALANCE_FEN, give_address
from tests.test_stories import say

START_DAY = date(2026, 2, 10)
TOMORROW = date(2026, 2, 11)


async def person(client: httpx.AsyncClient, services, phone: str, name: str | None, city: str) -> dict[str, str]:
    response = await client.post("/v1/users", json={"phone": phone, "name": name})
    assert response.status_code == 201, response.text
    await give_address(services, response.json()["user_id"], city)
    return {"Authorization": f"Bearer {response.json()['token']}"}


async def held_and_sold(services) -> dict[str, int]:
    async with services.store.read() as session:
        rows = await session.execute(select(StockHold.status, func.sum(StockHold.quantity)).group_by(StockHold.status))
        return {status: int(units) for status, units in rows.all()}


def lines_of(proposal: dict, kind: str) -> list[dict]:
    return [line for line in proposal["lines"] if line["details"].get("kind") == kind]


async def test_a_morning_flight_to_shanghai_in_chinese(client, services):
    auth = await person(client, services, "13800138000", "王小明", "hangzhou")

    offer = await say(client, auth, "帮我订明天上午去上海的机票")

    assert offer["state"] == "proposal", offer["reply"]
    [ticket] = lines_of(offer["proposal"], "flight")
    depart = datetime.fromisoformat(ticket["details"]["depart"])
    assert ticket["details"]["origin"] == "杭州" and ticket["details"]["destination"] == "上海"
    assert depart.date() == TOMORROW and 5 <= depart.hour < 12 and ticket["details"]["passengers"] == ["王小明"]
    assert ticket["title"] in offer["reply"] and "确认预订吗" in offer["reply"]
    assert await held_and_sold(services) == {"held": 1}

    done = await say(client, auth, "好的", offer["session_id"])

    assert done["state"] == "done" and done["reply"].startswith("已出票！")
    [eticket] = done["order"]["tickets"]
    assert eticket["details"]["passenger"] == "王小明" and eticket["code"] in done["reply"]
    assert await held_and_sold(services) == {"sold": 1}
    status = await say(client, auth, "我的机票订好了吗")
    assert status["reply"].startswith("订好了：") and eticket["code"] in status["reply"]
    cancelled = await say(client, auth, "取消机票")
    assert cancelled["state"] == "done" and "已取消机票" in cancelled["reply"]
    assert await held_and_sold(services) == {}
    assert (await client.get("/v1/me", headers=auth)).json()["balance"] == DEMO_BALANCE_FEN


async def test_an_assistant_price_is_its_own_line_before_the_card(client, services):
    auth = await person(client, services, "13800138000", "Lin Wei", "shanghai")

    offer = await say(client, auth, "book a business class flight from Shanghai to Sanya on Friday")

    proposal = offer["proposal"]
    [ticket] = lines_of(proposal, "flight")
    assert ticket["details"]["cabin"] == "business" and ticket["details"]["depart"].startswith("2026-02-13")
    cut = -sum(line["unit_price"] for line in lines_of(proposal, "assistant_price"))
    airline = services.registry.flights["demo"].airline(proposal["merchant"]["id"])
    assert cut == min(ticket["unit_price"] * airline.assistant_discount_percent // 100,
                      airline.assistant_discount_cap_fen)
    assert proposal["total"] == proposal["subtotal"] - cut and proposal["pay"] == proposal["total"] - 2500
    if cut:
        assert offer["reply"].index("assistant price") < offer["reply"].index("free-order card")


async def test_a_hotel_near_west_lake_within_budget_in_chinese(client, services):
    auth = await person(client, services, "13800138000", "王小明", "hangzhou")

    offer = await say(client, auth, "订一间西湖附近的酒店，800一晚以内，住两晚，从明天开始")

    assert offer["state"] == "proposal", offer["reply"]
    [stay] = lines_of(offer["proposal"], "hotel")
    assert stay["details"]["check_in"] == "2026-02-11" and stay["details"]["nights"] == 2
    assert sum(stay["details"]["nightly_prices"]) <= 2 * 80_000  # ¥800 a night on average
    # No hotel nearer West Lake has a room within the budget on both nights.
    hotels = services.registry.hotels["demo"]
    west_lake = next(lm for lm in services.registry.catalogues()[0].landmarks if lm.name_zh == "西湖")
    nights = [TOMORROW, date(2026, 2, 12)]
    for hotel in hotels.hotels("hangzhou"):
        if distance_m(hotel.location, west_lake.location) < stay["details"]["distance_m"]:
            for room in hotel.room_types:
                assert sum(hotels.nightly_prices(hotel.id, room.id, nights, START_DAY)) > 2 * 80_000
    assert await held_and_sold(services) == {"held": 2}  # one room, each of the two nights

    done = await say(client, auth, "确认", offer["session_id"])
    assert done["state"] == "done" and done["reply"].startswith("已预订！")
    status = await say(client, auth, "我的酒店订好了吗")
    assert status["reply"].startswith("订好了：") and stay["title"] in status["reply"]


async def test_a_hotel_chain_asked_for_by_name(client, services):
    auth = await person(client, services, "13800138000", "王小明", "shanghai")

    # A chain bangwo sells: only its hotels are offered.
    yuetu = await say(client, auth, "明天在上海订个悦途，住一晚")
    assert yuetu["state"] == "proposal", yuetu["reply"]
    assert "悦途" in yuetu["reply"] and not yuetu["proposal"]["notes"]
    # A chain bangwo does not sell: a hotel in the same place, and why.
    elsewhere = await say(client, auth, "明天在上海订个全季，住一晚")
    assert elsewhere["state"] == "proposal", elsewhere["reply"]
    assert elsewhere["proposal"]["notes"] == ["「全季」还没有上帮我，这是同一带可订的酒店。"]
    assert "「全季」还没有上帮我" in elsewhere["reply"]


async def test_a_hotel_by_the_bund_in_english(client, services):
    auth = await person(client, services, "13800138000", "Lin Wei", "shanghai")

    offer = await say(client, auth, "book a hotel near the Bund for two nights from tomorrow")

    assert offer["state"] == "proposal", offer["reply"]
    [stay] = lines_of(offer["proposal"], "hotel")
    assert stay["details"]["near"] == "the Bund" and "2 nights from 11 Feb" in offer["reply"]
    done = await say(client, auth, "yes", offer["session_id"])
    assert done["state"] == "done" and done["reply"].startswith("Booked!")
    cancelled = await say(client, auth, "cancel my hotel")
    assert cancelled["reply"].startswith("Cancelled hotel:")


async def test_a_flight_and_a_hotel_asked_in_traditional_characters_are_found_by_the_names_as_written(
    client, services
):
    # The frame says 廣州 and 外灘 as the person wrote them; the skills find the catalogue's 广州 and 外滩.
    auth = await person(client, services, "13800138000", "陳美玲", "hangzhou")

    flight = await say(client, auth, "幫我訂明天上午去廣州的機票")
    assert flight["state"] == "proposal", flight["reply"]
    [ticket] = lines_of(flight["proposal"], "flight")
    assert ticket["details"]["destination"] == "广州"

    stay = await say(client, auth, "幫我訂一間外灘附近的飯店，從明天住兩晚")
    assert stay["state"] == "proposal", stay["reply"]
    [room] = lines_of(stay["proposal"], "hotel")
    assert room["details"]["near"] == "外滩" and room["details"]["nights"] == 2


@pytest.mark.parametrize(
    ("text", "reply"),
    [
        ("帮我订沈阳故宫附近的酒店，明天住一晚", "还没有「沈阳」的酒店可订。"),
        ("book a hotel in Nanjing near Xinjiekou for tomorrow night", "There are no hotels in 'Nanjing' yet."),
    ],
)
async def test_a_hotel_in_a_city_nothing_is_sold_in_is_refused_by_its_name_not_found_elsewhere(
    client, services, text, reply
):
    # The map knows 沈阳 and Nanjing; no hotel there is on sale, and Beijing's 故宫 is not Shenyang's.
    auth = await person(client, services, "13800138000", "王小明", "hangzhou")

    answer = await say(client, auth, text)

    assert (answer["state"], answer["reply"]) == ("answer", reply)
    assert await held_and_sold(services) == {}


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("帮我订明天上午去上海的机票，再订一间外滩附近的酒店，两晚", "zh"),
        ("fly me to Shanghai tomorrow morning and book a hotel by the Bund for two nights", "en"),
    ],
)
async def test_a_trip_is_one_card_one_payment_and_both_legs_booked(client, services, text, lang):
    auth = await person(client, services, "13800138000", "Lin Wei", "hangzhou")

    offer = await say(client, auth, text)

    assert offer["state"] == "proposal", offer["reply"]
    proposal = offer["proposal"]
    assert proposal["domain"] == "trip" and {h["kind"] for h in proposal["holds"]} == {"flight", "hotel"}
    [flight], [stay] = lines_of(proposal, "flight"), lines_of(proposal, "hotel")
    assert flight["details"]["destination"] == ("上海" if lang == "zh" else "Shanghai")
    assert stay["details"]["check_in"] == "2026-02-11" and stay["details"]["nights"] == 2
    assistant = -sum(line["unit_price"] for line in lines_of(proposal, "assistant_price"))
    assert proposal["subtotal"] == flight["unit_price"] + stay["unit_price"]
    assert proposal["total"] == proposal["subtotal"] - assistant and proposal["discount"] == 2500  # one card

    done = await say(client, auth, "好的" if lang == "zh" else "yes", offer["session_id"])

    assert done["state"] == "done", done["reply"]
    assert done["order"]["status"] == "paid" and len(done["order"]["tickets"]) == 1
    assert await held_and_sold(services) == {"sold": 3}  # a seat and two nights
    me = (await client.get("/v1/me", headers=auth)).json()
    assert me["balance"] == DEMO_BALANCE_FEN - proposal["pay"]


async def test_a_trip_whose_hotel_fails_is_undone_and_the_person_is_told(failing_hotel_client):
    client, services = failing_hotel_client
    auth = await person(client, services, "13800138000", "王小明", "hangzhou")
    offer = await say(client, auth, "帮我订明天上午去上海的机票，再订一间外滩附近的酒店，两晚")
    assert offer["proposal"]["domain"] == "trip"

    failed = await say(client, auth, "好的", offer["session_id"])

    assert failed["state"] == "error"
    assert failed["reply"].startswith("酒店没订上，整个行程已撤销") and "免单卡已退回" in failed["reply"]
    me = (await client.get("/v1/me", headers=auth)).json()
    assert me["balance"] == DEMO_BALANCE_FEN and [c["status"] for c in me["cards"]] == ["available"]
    assert await held_and_sold(services) == {}  # the flight seat sold first is back, the rooms released
    [order] = (await client.get("/v1/orders", headers=auth)).json()["orders"]
    assert order["status"] == "cancelled" and all(t["status"] == "refunded" for t in order["tickets"])
    async with services.store.read() as session:
        assert await session.scalar(select(func.sum(LedgerEntry.amount_fen))) == 0  # the ledger balances
        reasons = set(await session.scalars(select(LedgerEntry.reason)))
    assert "booking_failed" in reasons


async def test_two_passengers_are_asked_for_by_name_until_both_are_given(client, services):
    auth = await person(client, services, "13800138000", "王小明", "hangzhou")

    asked = await say(client, auth, "订两张明天去北京的机票")
    assert asked["state"] == "need_info" and "2位乘机人" in asked["reply"]
    again = await say(client, auth, "张三", asked["session_id"])
    assert again["state"] == "need_info" and "2位乘机人" in again["reply"]
    offer = await say(client, auth, "张三、李四", asked["session_id"])

    [ticket] = lines_of(offer["proposal"], "flight")
    assert ticket["quantity"] == 2 and ticket["details"]["passengers"] == ["张三", "李四"]
    done = await say(client, auth, "确认", asked["session_id"])
    assert sorted(t["details"]["passenger"] for t in done["order"]["tickets"]) == ["张三", "李四"]


async def test_grocery_status_and_cancel_in_english(client, services):
    auth = await person(client, services, "13800138000", "Lin Wei", "shanghai")
    offer = await say(client, auth, "buy a box of eggs and two bottles of milk and a case of beer")
    await say(client, auth, "yes", offer["session_id"])

    status = await say(client, auth, "where is my grocery order?")
    assert status["reply"].startswith("Your order (1 × Eggs (10), 2 × Milk 1L, 1 × Beer)")
    cancelled = await say(client, auth, "cancel my supermarket order")
    assert cancelled["reply"].startswith("Cancelled:") and "free-order card is back" in cancelled["reply"]


@pytest.mark.parametrize(("text", "rank"), [
    ("book the cheapest flight from Beijing to Sanya on Friday", lambda f: (f.fares["economy"], f.depart)),
    ("周五北京飞三亚最早的航班", lambda f: f.depart),
])
async def test_the_cheapest_or_the_earliest_flight_on_request(client, services, text, rank):
    auth = await person(client, services, "13800138000", "Lin Wei", "beijing")

    offer = await say(client, auth, text)

    [ticket] = lines_of(offer["proposal"], "flight")
    friday = services.registry.flights["demo"].flights("beijing", "sanya", date(2026, 2, 13), START_DAY)
    assert ticket["details"]["flight_id"] == min(friday, key=rank).id


async def test_a_film_in_the_city_said_not_the_one_lived_in(client, services):
    auth = await person(client, services, "13800138000", "王小明", "hangzhou")

    offer = await say(client, auth, "在上海买两张惊蛰无声首映的票")

    assert offer["proposal"]["merchant"]["id"].startswith("demo-shanghai-")


async def trip_paid_then_a_crash(client, services, clock) -> tuple[dict[str, str], Order]:
    """A flight and a hotel paid for, then the worker dies before booking any leg (confirm_proposal is that
    first half of the saga). The person's auth header, and the paid order."""
    auth = await person(client, services, "13800138000", "王小明", "hangzhou")
    offer = await say(client, auth, "帮我订明天上午去上海的机票，再订一间外滩附近的酒店，两晚")
    user_id = (await client.get("/v1/me", headers=auth)).json()["user_id"]
    paid, _ = await confirm_proposal(services.store, user_id=user_id, proposal_id=offer["proposal"]["id"],
                                     idempotency_key="k1", now=clock.now(), fulfillers=services.assistant.fulfillers)
    return auth, paid


async def test_a_trip_a_crash_left_paid_but_unbooked_is_finished_by_a_worker(client, services, clock):
    auth, paid = await trip_paid_then_a_crash(client, services, clock)
    assert await held_and_sold(services) == {"held": 3}

    first = await services.assistant.finish_interrupted_trips()
    assert first.taken_up == 0  # too fresh: its own saga may still be running
    clock.advance(timedelta(seconds=31))
    # The next sweep starts where the first ended, as a worker's sweeps do, and still finds it.
    assert (await services.assistant.finish_interrupted_trips(first.paid_before)).taken_up == 1

    assert await held_and_sold(services) == {"sold": 3}
    order = (await client.get(f"/v1/orders/{paid.id}", headers=auth)).json()["order"]
    assert order["status"] == "paid" and len(order["tickets"]) == 1
    assert (await services.assistant.finish_interrupted_trips()).taken_up == 0  # finished once, never again


async def test_a_trip_a_crash_left_unbooked_until_its_holds_lapsed_is_undone(client, services, clock):
    auth, paid = await trip_paid_then_a_crash(client, services, clock)

    # Nobody was there to book before the holds lapsed.
    clock.advance(timedelta(seconds=services.settings.proposal_seconds + 1))
    assert (await services.assistant.finish_interrupted_trips()).taken_up == 1

    order = (await client.get(f"/v1/orders/{paid.id}", headers=auth)).json()["order"]
    assert order["status"] == "cancelled"
    me = (await client.get("/v1/me", headers=auth)).json()
    assert me["balance"] == DEMO_BALANCE_FEN and [c["status"] for c in me["cards"]] == ["available"]
    assert await held_and_sold(services) == {}
