"""Checkout: exactly one order per confirmed proposal; every refusal leaves everything as it was."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import httpx
from sqlalchemy import func, select, update

from bangwo.commerce.ledger import entries_sum_fen
from bangwo.services import Services
from bangwo.store.tables import Account, Card, LedgerEntry, OrderRow, OutboxEvent, ProposalRow, SeatHold, TicketRow
from tests.factories import DEMO_BALANCE_FEN, give_address, propose_food, sign_up_person
from tests.test_stories import say


async def snapshot(services: Services) -> dict:
    """Everything money or an order depends on."""
    async with services.store.read() as session:
        return {
            "balances": dict((await session.execute(select(Account.id, Account.balance_fen))).all()),
            "cards": dict((await session.execute(select(Card.id, Card.status))).all()),
            "orders": await session.scalar(select(func.count()).select_from(OrderRow)),
            "entries": await session.scalar(select(func.count()).select_from(LedgerEntry)),
            "events": await session.scalar(select(func.count()).select_from(OutboxEvent)),
            "proposals": dict((await session.execute(select(ProposalRow.id, ProposalRow.status))).all()),
            "tickets": await session.scalar(select(func.count()).select_from(TicketRow)),
            "seats": dict((await session.execute(select(SeatHold.seat_id, SeatHold.status))).all()),
        }


async def confirm(client: httpx.AsyncClient, auth: dict, proposal_id: str, key: str | None) -> httpx.Response:
    headers = {**auth, **({"Idempotency-Key": key} if key else {})}
    return await client.post(f"/v1/proposals/{proposal_id}/confirm", headers=headers)


async def test_confirming_pays_once_with_the_card_and_balanced_ledger_lines(client, services):
    user_id, auth = await sign_up_person(client, "13800138000")
    proposal_id = await propose_food(services, user_id, [("杨枝甘露", 2)])
    card = (await client.get(f"/v1/proposals/{proposal_id}", headers=auth)).json()
    assert card["discount"] == 2500 and card["pay"] == card["total"] - 2500 and card["pay"] >= 1

    response = await confirm(client, auth, proposal_id, "first-try")

    assert response.status_code == 201
    order = response.json()["order"]
    assert (order["status"], order["stage"], order["pay"]) == ("paid", "accepted", card["pay"])
    me = (await client.get("/v1/me", headers=auth)).json()
    assert me["balance"] == DEMO_BALANCE_FEN - card["pay"]
    assert [c["status"] for c in me["cards"]] == ["redeemed"]
    async with services.store.read() as session:
        assert await entries_sum_fen(session) == 0
        events = list(await session.scalars(select(OutboxEvent.kind).where(OutboxEvent.aggregate_id == order["id"])))
    assert events == ["order.paid"]


async def test_the_same_key_again_returns_the_same_order_and_debits_once(client, services):
    user_id, auth = await sign_up_person(client, "13800138000")
    proposal_id = await propose_food(services, user_id, [("奶茶", 1)])
    first = await confirm(client, auth, proposal_id, "k-1")
    before = await snapshot(services)

    again = await confirm(client, auth, proposal_id, "k-1")

    assert again.status_code == 201
    assert again.headers["Idempotent-Replayed"] == "true"
    assert again.json()["order"]["id"] == first.json()["order"]["id"]
    assert await snapshot(services) == before


async def test_a_used_key_for_another_proposal_is_a_conflict_and_changes_nothing(client, services):
    user_id, auth = await sign_up_person(client, "13800138000")
    first = await propose_food(services, user_id, [("奶茶", 1)])
    assert (await confirm(client, auth, first, "k-1")).status_code == 201
    second = await propose_food(services, user_id, [("拿铁", 1)])
    before = await snapshot(services)

    response = await confirm(client, auth, second, "k-1")

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "idempotency_key_reused"
    assert await snapshot(services) == before


async def test_twenty_concurrent_confirms_of_one_proposal_make_exactly_one_order(client, services):
    user_id, auth = await sign_up_person(client, "13800138000")
    proposal_id = await propose_food(services, user_id, [("珍珠奶茶", 2)])

    responses = await asyncio.gather(*(confirm(client, auth, proposal_id, f"key-{i}") for i in range(20)))

    statuses = sorted(r.status_code for r in responses)
    assert statuses == [201] + [409] * 19
    assert {r.json()["error"]["code"] for r in responses if r.status_code == 409} == {"proposal_already_confirmed"}
    orders = (await client.get("/v1/orders", headers=auth)).json()["orders"]
    assert len(orders) == 1
    assert (await client.get("/v1/me", headers=auth)).json()["balance"] == DEMO_BALANCE_FEN - orders[0]["pay"]


async def test_twenty_concurrent_retries_with_one_key_all_get_the_one_order(client, services):
    user_id, auth = await sign_up_person(client, "13800138000")
    proposal_id = await propose_food(services, user_id, [("拿铁", 1)])

    responses = await asyncio.gather(*(confirm(client, auth, proposal_id, "same-key") for _ in range(20)))

    assert {r.status_code for r in responses} == {201}
    assert len({r.json()["order"]["id"] for r in responses}) == 1
    snap = await snapshot(services)
    assert snap["orders"] == 1 and snap["events"] == 1


async def test_an_expired_proposal_cannot_be_paid(client, services, clock):
    user_id, auth = await sign_up_person(client, "13800138000")
    proposal_id = await propose_food(services, user_id, [("奶茶", 1)])
    clock.advance(timedelta(minutes=10, seconds=1))
    before = await snapshot(services)

    response = await confirm(client, auth, proposal_id, "late")

    assert response.status_code == 410
    assert response.json()["error"]["code"] == "proposal_expired"
    assert await snapshot(services) == before


async def test_someone_elses_proposal_is_not_found_and_changes_nothing(client, services):
    owner_id, _ = await sign_up_person(client, "13800138000")
    _, stranger = await sign_up_person(client, "13900139000")
    proposal_id = await propose_food(services, owner_id, [("奶茶", 1)])
    before = await snapshot(services)

    response = await confirm(client, stranger, proposal_id, "steal")

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "proposal_not_found"
    assert await snapshot(services) == before


async def test_too_little_balance_is_refused_and_the_card_stays(client, services):
    user_id, auth = await sign_up_person(client, "13800138000")
    proposal_id = await propose_food(services, user_id, [("披萨", 120)])  # ¥5,880 + fee against ¥5,000
    before = await snapshot(services)

    response = await confirm(client, auth, proposal_id, "broke")

    assert response.status_code == 402
    error = response.json()["error"]
    assert error["code"] == "insufficient_balance" and error["balance_fen"] == DEMO_BALANCE_FEN
    assert await snapshot(services) == before


async def test_a_missing_or_malformed_idempotency_key_is_refused(client, services):
    user_id, auth = await sign_up_person(client, "13800138000")
    proposal_id = await propose_food(services, user_id, [("奶茶", 1)])
    before = await snapshot(services)
    for key in (None, "has spaces", "x" * 129):
        response = await confirm(client, auth, proposal_id, key)
        assert response.status_code == 422
        assert response.json()["error"]["code"] == "invalid_idempotency_key"
    assert await snapshot(services) == before


async def test_a_replaced_proposal_cannot_be_paid(client, services):
    _, auth = await sign_up_person(client, "13800138000")
    first = (await client.post("/v1/chat", json={"text": "帮我点一杯奶茶"}, headers=auth)).json()
    session_id = first["session_id"]
    await client.post("/v1/chat", json={"text": "杭州市西湖区文三路100号", "session_id": session_id}, headers=auth)
    old = await client.post("/v1/chat", json={"text": "帮我点一杯拿铁", "session_id": session_id}, headers=auth)
    new = await client.post("/v1/chat", json={"text": "帮我点一杯美式", "session_id": session_id}, headers=auth)
    old_id, new_id = old.json()["proposal"]["id"], new.json()["proposal"]["id"]

    response = await confirm(client, auth, old_id, "old")

    assert response.status_code == 410
    assert response.json()["error"]["code"] == "proposal_replaced"
    assert (await confirm(client, auth, new_id, "new")).status_code == 201


async def test_seats_whose_hold_lapsed_before_paying_refuse_the_payment_and_change_nothing(client, services, clock):
    user_id, auth = await sign_up_person(client, "13800138000")
    await give_address(services, user_id, "hangzhou")
    offer = await say(client, auth, "帮我买两张惊蛰无声首映的票，最后一排，晚上八点左右")
    hold_id = offer["proposal"]["holds"][0]["hold_id"]
    async with services.store.transaction() as session:  # the cinema let the seats go; the card has not expired
        await session.execute(
            update(SeatHold).where(SeatHold.hold_id == hold_id).values(expires_at=clock.now() - timedelta(seconds=1))
        )
    before = await snapshot(services)

    response = await confirm(client, auth, offer["proposal"]["id"], "too-late")

    assert response.status_code == 410
    assert response.json()["error"]["code"] == "hold_expired"
    assert await snapshot(services) == before  # no order, no tickets, no money moved, the card still there


async def test_a_card_spent_meanwhile_refuses_the_payment_and_changes_nothing(client, services):
    user_id, auth = await sign_up_person(client, "13800138000")
    proposal_id = await propose_food(services, user_id, [("奶茶", 1)])
    async with services.store.transaction() as session:  # spent elsewhere, as a second device would
        await session.execute(update(Card).where(Card.user_id == user_id).values(status="redeemed"))
    before = await snapshot(services)

    response = await confirm(client, auth, proposal_id, "card-gone")

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "card_unavailable"
    assert await snapshot(services) == before
