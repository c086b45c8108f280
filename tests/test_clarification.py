"""The assistant asks for what a request lacks, one question at a time, in the person's language,
and completes the request from the answers."""

from __future__ import annotations

from tests.factories import HANGZHOU_ADDRESS, sign_up_person
from tests.test_stories import say


async def test_a_flight_without_a_departure_city_asks_for_it_in_chinese(client):
    _, auth = await sign_up_person(client, "13800138000")

    asked = await say(client, auth, "帮我订明天上午去上海的机票")
    assert asked["state"] == "need_info" and asked["reply"] == "从哪个城市出发？"

    who = await say(client, auth, "杭州", asked["session_id"])
    assert who["state"] == "need_info" and who["reply"] == "乘机人姓名是？"  # the profile has no name
    done = await say(client, auth, "王小明", asked["session_id"])

    assert done["state"] == "proposal"
    assert "杭州→上海 2月11日" in done["reply"] and done["proposal"]["lines"][0]["details"]["passengers"] == ["王小明"]


async def test_a_hotel_asks_the_day_then_the_nights_in_english(client):
    _, auth = await sign_up_person(client, "13800138000")

    first = await say(client, auth, "book a hotel near the Bund")
    assert first["state"] == "need_info" and first["reply"] == "Which day do you check in?"
    second = await say(client, auth, "tomorrow", first["session_id"])
    assert second["state"] == "need_info" and second["reply"] == "How many nights?"
    done = await say(client, auth, "2", first["session_id"])

    assert done["state"] == "proposal"
    assert "2 nights from 11 Feb" in done["reply"] and done["proposal"]["lines"][0]["details"]["near"] == "the Bund"


async def test_a_ticket_without_a_film_asks_which_film_then_the_city(client):
    _, auth = await sign_up_person(client, "13800138000")
    asked = await say(client, auth, "帮我买两张今晚的电影票")
    assert asked["reply"] == "想看哪部电影？"
    city = await say(client, auth, "惊蛰无声", asked["session_id"])
    assert city["state"] == "need_info" and city["reply"].startswith("在哪个城市看？")
    done = await say(client, auth, "上海", asked["session_id"])

    assert done["state"] == "proposal" and "《惊蛰无声》" in done["reply"] and "2张" in done["reply"]
    assert done["proposal"]["merchant"]["id"].startswith("demo-shanghai-")


async def test_the_departure_city_comes_from_the_persons_address(client, services):
    user_id, auth = await sign_up_person(client, "13800138000")
    from bangwo.people import set_default_address

    async with services.store.transaction() as session:
        await set_default_address(session, user_id, city_id="hangzhou", text=HANGZHOU_ADDRESS,
                                  location=services.registry.geocoder.locate("hangzhou", HANGZHOU_ADDRESS),
                                  now=services.clock.now())
    who = await say(client, auth, "订一张后天去北京的机票")
    done = await say(client, auth, "王小明", who["session_id"])
    assert done["state"] == "proposal" and "杭州→北京 2月12日" in done["reply"]


async def test_a_new_request_instead_of_an_answer_is_taken_as_a_new_request(client):
    _, auth = await sign_up_person(client, "13800138000")
    asked = await say(client, auth, "帮我订明天去上海的机票")
    assert asked["state"] == "need_info"
    other = await say(client, auth, "我的奶茶到哪了", asked["session_id"])
    assert other["state"] == "answer" and "订单" in other["reply"]
