"""The invariant check on a real store: a clean one passes every check, and each kind of damage one SQL
statement can do is caught by the check named for it (and only by it, where the damage is of one kind)."""

from __future__ import annotations

import httpx
import pytest
from sqlalchemy import text

from bangwo.ops.invariants import Acknowledged, check_invariants, demo_capacity
from bangwo.services import Services

# (what a person says, then their answers to the assistant's questions)
JOURNEYS = (
    ("帮我点两杯少糖去冰的杨枝甘露", "杭州市西湖区文三路100号"),
    ("two cups of mango pomelo sago, less sugar", "上海市黄浦区南京东路200号"),
    ("two tickets for Star Wanderer tonight in Hangzhou",),
    ("帮我买一盒鸡蛋、两瓶牛奶和一箱可乐", "杭州市西湖区文三路100号"),
)
CANCELLED = 1  # the English food order is cancelled: its refund, its card back


async def place_orders(client: httpx.AsyncClient) -> list[str]:
    """One order per journey, through the API as a person makes it; the second is then cancelled."""
    order_ids = []
    for n, (command, *answers) in enumerate(JOURNEYS):
        signed = await client.post("/v1/users", json={"phone": f"1391111{n:04d}", "device_id": f"device-{n}"})
        auth = {"Authorization": f"Bearer {signed.json()['token']}"}
        reply = (await client.post("/v1/chat", json={"text": command}, headers=auth)).json()
        for answer in answers:
            reply = (await client.post("/v1/chat", headers=auth,
                                       json={"text": answer, "session_id": reply["session_id"]})).json()
        assert reply["state"] == "proposal", reply
        confirmed = await client.post(f"/v1/proposals/{reply['proposal']['id']}/confirm",
                                      headers={**auth, "Idempotency-Key": f"key-{n}"})
        assert confirmed.status_code == 201, confirmed.text
        order_ids.append(confirmed.json()["order"]["id"])
        if n == CANCELLED:
            cancelled = await client.post(f"/v1/orders/{order_ids[-1]}/cancel", headers=auth)
            assert cancelled.json()["order"]["status"] == "cancelled", cancelled.text
    return order_ids


async def test_a_store_after_real_orders_passes_every_check(client: httpx.AsyncClient, services: Services):
    order_ids = await place_orders(client)

    report = await check_invariants(services.store, services.clock.now(), order_ids)

    assert report.violated == []
    assert report.check("acknowledged_orders_exist").detail == "4 acknowledged, 4 found"
    assert report.check("cancelled_orders_refunded").detail == "1 cancelled orders"
    assert report.check("seats_sold_once").detail == "2 seats sold"
    assert "redeemed 7500 of" in report.check("campaign_budgets_exact").detail  # three cards spent, one restored


# One statement of damage each, and the checks that must catch it.
CORRUPTIONS = {
    "a leg moved out of its transfer": (
        "UPDATE ledger_entries SET transfer_id = transfer_id || '-split' WHERE id = "
        "(SELECT MIN(id) FROM ledger_entries WHERE reason = 'order_payment' AND account_id LIKE 'merchant:%')",
        {"ledger_transfers_balanced"},
    ),
    "a ledger line's amount changed": (
        "UPDATE ledger_entries SET amount_fen = amount_fen + 1 WHERE id = "
        "(SELECT MIN(id) FROM ledger_entries WHERE reason = 'order_payment' AND account_id LIKE 'merchant:%')",
        {"ledger_transfers_balanced", "account_balances_match_entries"},  # the line is in both
    ),
    "a balance changed without an entry": (
        "UPDATE accounts SET balance_fen = balance_fen + 100 "
        "WHERE id = (SELECT MIN(id) FROM accounts WHERE kind = 'wallet')",
        {"account_balances_match_entries"},
    ),
    "a wallet below zero": (
        "UPDATE accounts SET balance_fen = -1 WHERE id = (SELECT MIN(id) FROM accounts WHERE kind = 'wallet')",
        {"wallets_not_negative", "account_balances_match_entries"},  # set without an entry, too
    ),
    "an order's price changed after payment": (
        "UPDATE orders SET pay_fen = pay_fen + 1 WHERE id = (SELECT MIN(id) FROM orders WHERE status = 'paid')",
        {"orders_paid_once"},
    ),
    "a refund relabelled": (
        "UPDATE ledger_entries SET reason = 'adjustment' WHERE reason = 'order_refund'",
        {"cancelled_orders_refunded"},
    ),
    "an order without its outbox event": (
        "DELETE FROM outbox_events WHERE id = (SELECT MIN(id) FROM outbox_events WHERE kind = 'order.paid')",
        {"orders_have_outbox_events"},
    ),
    "a campaign's redeemed_fen nudged": (
        "UPDATE campaigns SET redeemed_fen = redeemed_fen + 1",
        {"campaign_budgets_exact"},
    ),
    "a paid order's card made available again": (
        "UPDATE cards SET status = 'available', order_id = NULL WHERE id = "
        "(SELECT MIN(card_id) FROM orders WHERE status = 'paid')",
        {"cards_redeemed_by_paid_orders"},
    ),
    "a cap lowered under what people hold": (
        "UPDATE campaigns SET cap_per_person = 0",
        {"cards_within_cap"},
    ),
    "a seat sold twice": (
        "INSERT INTO tickets (code, order_id, user_id, showing_id, seat_id, details, status, issued_at, used_at) "
        "SELECT 'DUP' || SUBSTR(code, 1, 10), order_id, user_id, showing_id, seat_id, details, status, issued_at, "
        "used_at FROM tickets WHERE code = (SELECT MIN(code) FROM tickets)",
        {"seats_sold_once"},
    ),
    "stock sold beyond the shelf": (
        "UPDATE stock_holds SET quantity = quantity + 1000 "
        "WHERE id = (SELECT MIN(id) FROM stock_holds WHERE status = 'sold')",
        {"stock_within_capacity"},
    ),
    "a sold seat turned back into a hold": (
        "UPDATE seat_holds SET status = 'held' WHERE id = (SELECT MIN(id) FROM seat_holds WHERE status = 'sold')",
        {"no_hold_left_behind"},  # the order still has its other seat sold
    ),
    "a paid order's goods gone": (
        "DELETE FROM stock_holds WHERE order_id = (SELECT MIN(order_id) FROM stock_holds WHERE status = 'sold')",
        {"paid_orders_sold_their_holds"},
    ),
    "a paid food order's delivery never planned": (
        "UPDATE orders SET accepted_at = NULL WHERE id = "
        "(SELECT MIN(id) FROM orders WHERE status = 'paid' AND domain = 'food')",
        {"orders_fulfilled_or_undone"},
    ),
    "a paid movie order's ticket voided": (
        "UPDATE tickets SET status = 'refunded' WHERE code = (SELECT MIN(code) FROM tickets)",
        {"orders_fulfilled_or_undone"},
    ),
}


@pytest.mark.parametrize("damage", sorted(CORRUPTIONS))
async def test_each_kind_of_damage_is_caught_by_its_check(damage: str, client: httpx.AsyncClient, services: Services):
    order_ids = await place_orders(client)
    statement, expected = CORRUPTIONS[damage]
    async with services.store.transaction() as session:
        changed = await session.execute(text(statement))
        assert changed.rowcount >= 1, "the damage must touch something"

    report = await check_invariants(services.store, services.clock.now(), order_ids)

    assert set(report.violated) == expected
    for name in expected:
        assert report.check(name).violations >= 1 and report.check(name).examples


async def test_an_acknowledged_order_missing_from_the_store_is_caught(client: httpx.AsyncClient, services: Services):
    order_ids = await place_orders(client)

    report = await check_invariants(services.store, services.clock.now(), [*order_ids, "o_never_written"])

    assert report.violated == ["acknowledged_orders_exist"]
    assert report.check("acknowledged_orders_exist").examples == ("o_never_written",)


async def test_a_hold_that_never_expires_is_left_behind(client: httpx.AsyncClient, services: Services):
    await place_orders(client)
    now = services.clock.now()
    async with services.store.transaction() as session:
        await session.execute(text(
            "INSERT INTO stock_holds (item_key, hold_id, quantity, status, expires_at, order_id) "
            "VALUES ('sku:demo-hangzhou-freshbox--milk', 'h_forever', 1, 'held', :until, NULL)"
        ), {"until": now.replace(year=now.year + 1)})

    report = await check_invariants(services.store, now)

    assert report.violated == ["no_hold_left_behind"]
    assert report.check("no_hold_left_behind").examples == ("h_forever",)


async def test_a_trip_paid_with_one_leg_never_booked_is_caught(client: httpx.AsyncClient, services: Services):
    # Given a trip paid and booked, flight and hotel
    signed = await client.post("/v1/users", json={"phone": "13922220000", "device_id": "device-trip"})
    auth = {"Authorization": f"Bearer {signed.json()['token']}"}
    reply = (await client.post("/v1/chat", headers=auth,
                               json={"text": "帮我订明天上午从杭州去上海的机票，再订一间外滩附近的酒店，两晚"})).json()
    reply = (await client.post("/v1/chat", headers=auth,
                               json={"text": "张三", "session_id": reply["session_id"]})).json()
    assert reply["state"] == "proposal", reply
    confirmed = await client.post(f"/v1/proposals/{reply['proposal']['id']}/confirm",
                                  headers={**auth, "Idempotency-Key": "trip-1"})
    trip_id = confirmed.json()["order"]["id"]
    assert (await check_invariants(services.store, services.clock.now(), [trip_id])).violated == []

    # When the hotel leg's sale is gone, as if the process died after booking the flight
    async with services.store.transaction() as session:
        gone = await session.execute(text("DELETE FROM stock_holds WHERE order_id = :trip AND item_key LIKE 'hotel:%'"),
                                     {"trip": trip_id})
        assert gone.rowcount >= 1

    # Then the order is caught though its flight is sold and ticketed
    report = await check_invariants(services.store, services.clock.now(), [trip_id])
    assert report.violated == ["paid_orders_sold_their_holds"]
    assert report.check("paid_orders_sold_their_holds").examples == (trip_id,)


async def test_once_the_relay_drained_every_event_is_delivered_and_every_dispatch_agrees(
    client: httpx.AsyncClient, services: Services
):
    from bangwo.commerce.outbox import OutboxRelay
    from bangwo.services import outbox_consumers

    order_ids = await place_orders(client)  # 4 paid, then 1 of them cancelled: 5 events
    waiting = await check_invariants(services.store, services.clock.now(), order_ids, relay_drained=True)
    assert waiting.violated == ["order_events_delivered"]
    assert waiting.check("order_events_delivered").detail == "5 events, 5 undelivered; 4 dispatches that disagree"

    await OutboxRelay(services.store, services.clock, outbox_consumers()).drain()
    drained = await check_invariants(services.store, services.clock.now(), order_ids, relay_drained=True)
    assert drained.violated == []

    async with services.store.transaction() as session:
        await session.execute(text("UPDATE order_dispatches SET status = 'withdrawn' WHERE order_id = :id"),
                              {"id": order_ids[0]})
    report = await check_invariants(services.store, services.clock.now(), order_ids, relay_drained=True)
    assert report.violated == ["order_events_delivered"]
    assert report.check("order_events_delivered").examples == (f"order {order_ids[0]} paid, dispatch withdrawn",)


def test_demo_capacity_knows_each_kind_of_counted_item():
    assert demo_capacity("sku:demo-hangzhou-freshbox--cherries") == 6
    assert demo_capacity("sku:demo-hangzhou-freshbox--milk") == 60
    assert demo_capacity("hotel:no-such-hotel:K:2026-02-11") is None
    assert demo_capacity("other:thing") is None


def test_retries_answered_with_two_orders_under_one_key_are_caught():
    acknowledged = Acknowledged()
    acknowledged.record("key-1", "o_1")
    acknowledged.record("key-1", "o_1")  # a replay: the same order
    acknowledged.record("key-2", "o_2")
    assert acknowledged.replays_check().ok and acknowledged.order_ids == {"o_1", "o_2"}

    acknowledged.record("key-2", "o_3")
    assert acknowledged.replays_check().examples == ("key-2",)


def test_check_invariants_refuses_a_store_that_is_not_there(tmp_path, capsys):
    from bangwo.cli import main

    assert main(["check-invariants", "--database-url", f"sqlite+aiosqlite:///{tmp_path / 'none.db'}"]) == 2
    assert "no store at" in capsys.readouterr().err
    assert not (tmp_path / "none.db").exists()  # not created empty, to fail every check for the wrong reason


def test_acknowledged_ids_come_from_a_loadtest_result_or_a_list(tmp_path):
    from bangwo.cli_loadtest import _acknowledged_ids

    (tmp_path / "result.json").write_text('{"acknowledged_order_ids": ["o_1", "o_2"]}', encoding="utf-8")
    (tmp_path / "ids.txt").write_text("o_3\n\no_4\n", encoding="utf-8")
    assert _acknowledged_ids(str(tmp_path / "result.json")) == ["o_1", "o_2"]
    assert _acknowledged_ids(str(tmp_path / "ids.txt")) == ["o_3", "o_4"]
