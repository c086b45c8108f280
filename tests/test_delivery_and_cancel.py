"""Delivery follows the clock; cancelling before the rider has it refunds and restores the card."""

from __future__ import annotations

from datetime import timedelta

from tests.factories import propose_food, sign_up_person
from tests.test_checkout import confirm, snapshot


async def test_an_order_moves_from_accepted_to_delivered_as_time_passes(client, services, clock):
    user_id, auth = await sign_up_person(client, "13800138000")
    order = (await confirm(client, auth, await propose_food(services, user_id, [("奶茶", 1)]), "k")).json()["order"]
    timeline = {stage: order["timeline"][stage] for stage in ("preparing", "delivering", "delivered")}
    assert timeline["preparing"] < timeline["delivering"] < timeline["delivered"]

    seen = []
    for _ in range(8):
        seen.append((await client.get(f"/v1/orders/{order['id']}", headers=auth)).json()["order"]["stage"])
        clock.advance(timedelta(minutes=5))
    assert seen[0] == "accepted"
    assert seen[-1] == "delivered"
    assert [s for i, s in enumerate(seen) if i == 0 or seen[i - 1] != s] == [
        "accepted",
        "preparing",
        "delivering",
        "delivered",
    ]


async def test_a_farther_merchant_takes_longer(services):
    from bangwo.domain.geo import offset_point

    merchant = services.food.merchant("demo-hangzhou-tea")
    provider = services.food.provider_of(merchant)
    now = services.clock.now()
    near = provider.plan_delivery(merchant, offset_point(merchant.location, 300, 0), now, None)
    far = provider.plan_delivery(merchant, offset_point(merchant.location, 6000, 0), now, None)
    assert far.delivered_at - near.delivered_at > timedelta(minutes=20)


async def test_cancelling_before_delivery_refunds_and_restores_the_card(client, services):
    user_id, auth = await sign_up_person(client, "13800138000")
    before = await snapshot(services)
    order = (await confirm(client, auth, await propose_food(services, user_id, [("杨枝甘露", 2)]), "k")).json()["order"]

    response = await client.post(f"/v1/orders/{order['id']}/cancel", headers=auth)

    assert response.status_code == 200
    assert (response.json()["order"]["status"], response.json()["order"]["stage"]) == ("cancelled", "cancelled")
    after = await snapshot(services)
    assert after["balances"][f"wallet:{user_id}"] == before["balances"][f"wallet:{user_id}"]
    assert after["cards"] == before["cards"]  # the card is available again
    assert all(
        balance == 0 for account, balance in after["balances"].items() if not account.startswith(("wallet", "funding"))
    )
    again = await client.post(f"/v1/orders/{order['id']}/cancel", headers=auth)
    assert again.status_code == 200 and await snapshot(services) == after


async def test_an_order_on_its_way_cannot_be_cancelled(client, services, clock):
    user_id, auth = await sign_up_person(client, "13800138000")
    order = (await confirm(client, auth, await propose_food(services, user_id, [("奶茶", 1)]), "k")).json()["order"]
    clock.advance(timedelta(minutes=15))
    assert (await client.get(f"/v1/orders/{order['id']}", headers=auth)).json()["order"]["stage"] == "delivering"
    before = await snapshot(services)

    response = await client.post(f"/v1/orders/{order['id']}/cancel", headers=auth)

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "too_late_to_cancel"
    assert await snapshot(services) == before


async def test_the_restored_card_pays_for_the_next_order(client, services):
    user_id, auth = await sign_up_person(client, "13800138000")
    first = (await confirm(client, auth, await propose_food(services, user_id, [("奶茶", 1)]), "a")).json()["order"]
    await client.post(f"/v1/orders/{first['id']}/cancel", headers=auth)
    second_id = await propose_food(services, user_id, [("拿铁", 1)])
    second = (await confirm(client, auth, second_id, "b")).json()["order"]
    assert second["card_id"] == first["card_id"]
    assert second["discount"] == min(2500, second["total"] - 1) and second["pay"] >= 1
