"""The campaign budget is exact: never overspent under any concurrency, on either store, with or without
the Redis hot counter in front of the database's record; refunds give it back; an exhausted budget is
said on the card; configuration changes are versions that keep what was redeemed."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator
from dataclasses import replace
from pathlib import Path

import pytest
import redis.asyncio as redis
from redis.exceptions import RedisError
from sqlalchemy import func, select

from bangwo.commerce.ledger import FUNDING_DEMO, Leg, balance_fen, campaign_account, post_transfer, wallet_account
from bangwo.config import Settings
from bangwo.domain.errors import Conflict
from bangwo.domain.ids import new_id
from bangwo.people import SignedUp, sign_up
from bangwo.promo.budget_counter import reconcile
from bangwo.promo.campaigns import DEFAULT_CAMPAIGN_ID, campaign, campaign_versions, change_campaign
from bangwo.services import Services
from bangwo.store.tables import CampaignRow, Card, OrderRow, ProposalRow
from tests.factories import give_address, propose_food, sign_up_person

REDIS_URL = "redis://127.0.0.1:6379/0"
CARD_FEN = 2_500
RACERS = 1_000
CARDS_IN_BUDGET = 100
SAGO = [("杨枝甘露", 2)]  # two cups cost more than a card, so the card's whole value is spent
WALLET_FEN = 10_000
SIGN_UP_BATCH = 100


@pytest.fixture(params=["database", "redis"])
async def settings(request: pytest.FixtureRequest, database_url: str, tmp_path: Path) -> AsyncIterator[Settings]:
    """The store alone, or the store with the budget's hot counter in Redis under a key prefix of its own."""
    if request.param == "database":
        yield Settings(database_url=database_url, data_dir=tmp_path)
        return
    client = redis.Redis.from_url(REDIS_URL)
    try:
        await client.ping()
    except RedisError:
        await client.aclose()
        pytest.skip("Redis is not reachable at 127.0.0.1:6379")
    prefix = f"bangwo-test:{uuid.uuid4().hex}:"
    try:
        yield Settings(database_url=database_url, data_dir=tmp_path, redis_url=REDIS_URL, redis_prefix=prefix)
    finally:
        keys = [key async for key in client.scan_iter(match=f"{prefix}*")]
        if keys:
            await client.delete(*keys)
        await client.aclose()


async def set_budget(services: Services, budget_fen: int) -> None:
    async with services.store.transaction() as session:
        await change_campaign(session, DEFAULT_CAMPAIGN_ID, {"budget_fen": budget_fen}, changed_by="test",
                              now=services.clock.now())


async def campaign_row(services: Services) -> CampaignRow:
    async with services.store.read() as session:
        return await campaign(session, DEFAULT_CAMPAIGN_ID)


async def redeemed_fen(services: Services) -> int:
    return (await campaign_row(services)).redeemed_fen


async def counted_fen(services: Services) -> int | None:
    """Redis's counter, or the record when there is no Redis (so one assertion covers both)."""
    if services.budget_counter is None:
        return await redeemed_fen(services)
    return await services.budget_counter.counted_fen(DEFAULT_CAMPAIGN_ID)


async def people_with_proposals(services: Services, count: int) -> list[tuple[str, str]]:
    """`count` people, each with the sign-up card on a food proposal of their own: one proposal is made
    by the food skill, the rest are its copies (the race is about paying, not proposing)."""
    now = services.clock.now()
    unfunded = replace(services.sign_up_policy, demo_balance_fen=0)

    async def sign_up_batch(phones: range) -> list[SignedUp]:
        async with services.store.transaction() as session:
            batch = [await sign_up(session, phone=f"1370000{i:04d}", policy=unfunded, now=now) for i in phones]
            # The batch's wallet credit in one balanced transfer: one transfer a person is most of a sign-up's time.
            credit = [Leg(wallet_account(person.user_id), WALLET_FEN) for person in batch]
            await post_transfer(session, [Leg(FUNDING_DEMO, -WALLET_FEN * len(batch)), *credit], reason="demo_credit",
                                now=now)
        return batch

    # Batches side by side: PostgreSQL runs them at once; SQLite takes them in turn.
    batches = await asyncio.gather(*(sign_up_batch(range(i, min(i + SIGN_UP_BATCH, count)))
                                     for i in range(0, count, SIGN_UP_BATCH)))
    people = [person for batch in batches for person in batch]
    first = people[0].user_id
    template_id = await propose_food(services, first, SAGO)
    pairs = [(first, template_id)]
    async with services.store.transaction() as session:
        template = await session.get(ProposalRow, template_id)
        assert template is not None and template.discount_fen == CARD_FEN
        copied = {column.key: getattr(template, column.key) for column in ProposalRow.__table__.columns}
        for person in people[1:]:
            proposal_id = new_id("p")
            session.add(ProposalRow(**copied | {"id": proposal_id, "user_id": person.user_id,
                                                "card_id": person.cards[0].id}))
            pairs.append((person.user_id, proposal_id))
    return pairs


async def test_a_thousand_confirmations_at_once_redeem_exactly_the_budget(services: Services):
    pairs = await people_with_proposals(services, RACERS)
    await set_budget(services, CARDS_IN_BUDGET * CARD_FEN)
    now = services.clock.now()

    results = await asyncio.gather(
        *(services.assistant.confirm(user_id, proposal_id, f"race-{i}", now)
          for i, (user_id, proposal_id) in enumerate(pairs)),
        return_exceptions=True,
    )

    paid = [result for result in results if isinstance(result, tuple)]
    refused = [result for result in results if isinstance(result, Conflict)]
    assert len(paid) == CARDS_IN_BUDGET
    assert len(refused) == RACERS - CARDS_IN_BUDGET, [r for r in results if not isinstance(r, tuple | Conflict)][:3]
    assert {exc.code for exc in refused} == {"budget_exhausted"}
    assert all(order.discount == CARD_FEN for order, created in paid if created)
    async with services.store.read() as session:
        assert (await campaign(session, DEFAULT_CAMPAIGN_ID)).redeemed_fen == CARDS_IN_BUDGET * CARD_FEN
        assert await balance_fen(session, campaign_account(DEFAULT_CAMPAIGN_ID)) == -CARDS_IN_BUDGET * CARD_FEN
        assert await session.scalar(select(func.count()).select_from(OrderRow)) == CARDS_IN_BUDGET
        redeemed = select(func.count()).select_from(Card).where(Card.status == "redeemed")
        assert await session.scalar(redeemed) == CARDS_IN_BUDGET
    assert await counted_fen(services) == CARDS_IN_BUDGET * CARD_FEN
    if services.budget_counter is not None:
        async with services.store.read() as session:
            assert all(r.agrees for r in await reconcile(session, services.budget_counter))


async def test_a_refund_gives_the_budget_back_in_the_record_and_in_redis(client, services: Services):
    await set_budget(services, CARD_FEN)
    user_id, auth = await sign_up_person(client, "13700000001")
    proposal_id = await propose_food(services, user_id, SAGO)
    paid = await client.post(f"/v1/proposals/{proposal_id}/confirm", headers=auth | {"Idempotency-Key": "k1"})
    assert paid.status_code == 201, paid.text
    assert await redeemed_fen(services) == await counted_fen(services) == CARD_FEN

    order_id = paid.json()["order"]["id"]
    cancelled = await client.post(f"/v1/orders/{order_id}/cancel", headers=auth)
    assert cancelled.status_code == 200, cancelled.text
    again = await client.post(f"/v1/orders/{order_id}/cancel", headers=auth)  # harmless, gives nothing twice
    assert again.status_code == 200
    assert await redeemed_fen(services) == await counted_fen(services) == 0

    # The card is back and the budget can pay it again.
    second = await propose_food(services, user_id, SAGO)
    repaid = await client.post(f"/v1/proposals/{second}/confirm", headers=auth | {"Idempotency-Key": "k2"})
    assert repaid.status_code == 201 and repaid.json()["order"]["discount"] == CARD_FEN
    assert await redeemed_fen(services) == await counted_fen(services) == CARD_FEN


async def test_an_exhausted_budget_is_said_on_the_card_and_the_order_is_at_full_price(client, services: Services):
    await set_budget(services, 0)
    user_id, auth = await sign_up_person(client, "13700000002")
    await give_address(services, user_id, "hangzhou")

    offered = (await client.post("/v1/chat", json={"text": "帮我点一杯杨枝甘露"}, headers=auth)).json()

    assert offered["state"] == "proposal", offered
    proposal = offered["proposal"]
    assert proposal["card_id"] is None and proposal["discount"] == 0 and proposal["pay"] == proposal["total"]
    assert any("免单卡活动的预算已经用完" in note for note in proposal["notes"])
    assert "免单卡活动的预算已经用完" in offered["reply"]
    paid = await client.post(f"/v1/proposals/{proposal['id']}/confirm", headers=auth | {"Idempotency-Key": "full"})
    assert paid.status_code == 201 and paid.json()["order"]["pay"] == proposal["total"]
    me = (await client.get("/v1/me", headers=auth)).json()
    assert [card["status"] for card in me["cards"]] == ["available"]  # kept for a later campaign budget


async def test_a_budget_used_up_after_the_card_was_offered_refuses_the_confirmation_and_keeps_the_card(
    client, services: Services
):
    user_id, auth = await sign_up_person(client, "13700000003")
    proposal_id = await propose_food(services, user_id, SAGO)
    await set_budget(services, CARD_FEN - 1)

    refused = await client.post(f"/v1/proposals/{proposal_id}/confirm", headers=auth | {"Idempotency-Key": "k"})

    assert refused.status_code == 409 and refused.json()["error"]["code"] == "budget_exhausted"
    assert await redeemed_fen(services) == 0
    assert await counted_fen(services) in (0, None)  # nothing stays reserved in Redis
    me = (await client.get("/v1/me", headers=auth)).json()
    assert [card["status"] for card in me["cards"]] == ["available"]


@pytest.mark.parametrize("settings", ["redis"], indirect=True)
async def test_a_payment_that_does_not_commit_gives_its_redis_reservation_back(client, services: Services):
    user_id, auth = await sign_up_person(client, "13700000004")
    first = await propose_food(services, user_id, SAGO)
    second = await propose_food(services, user_id, SAGO)  # the same card on two proposals
    assert (await client.post(f"/v1/proposals/{first}/confirm", headers=auth | {"Idempotency-Key": "a"})).status_code \
        == 201

    # Reserved in Redis, then refused in the transaction (the card is spent): the reservation comes back.
    lost = await client.post(f"/v1/proposals/{second}/confirm", headers=auth | {"Idempotency-Key": "b"})
    assert lost.json()["error"]["code"] == "card_unavailable"
    replay = await client.post(f"/v1/proposals/{first}/confirm", headers=auth | {"Idempotency-Key": "a"})
    assert replay.status_code == 201 and replay.headers["Idempotent-Replayed"] == "true"
    assert await counted_fen(services) == await redeemed_fen(services) == CARD_FEN


@pytest.mark.parametrize("settings", ["redis"], indirect=True)
async def test_reconcile_finds_a_crash_between_redis_and_the_record_and_fixes_it(client, services: Services):
    counter = services.budget_counter
    assert counter is not None
    user_id, auth = await sign_up_person(client, "13700000005")
    proposal_id = await propose_food(services, user_id, SAGO)
    assert (await client.post(f"/v1/proposals/{proposal_id}/confirm", headers=auth | {"Idempotency-Key": "a"})
            ).status_code == 201
    # A process that reserved and died before its transaction: Redis is above the record, never below.
    budget = (await campaign_row(services)).budget_fen
    assert await counter.reserve(DEFAULT_CAMPAIGN_ID, CARD_FEN, budget_fen=budget, recorded_fen=0)

    async with services.store.read() as session:
        [found] = await reconcile(session, counter, DEFAULT_CAMPAIGN_ID)
    assert (found.recorded_fen, found.counted_fen, found.agrees) == (CARD_FEN, 2 * CARD_FEN, False)
    async with services.store.read() as session:
        [fixed] = await reconcile(session, counter, DEFAULT_CAMPAIGN_ID, fix=True)
    assert fixed.fixed and await counter.counted_fen(DEFAULT_CAMPAIGN_ID) == CARD_FEN


@pytest.mark.parametrize("settings", ["redis"], indirect=True)
async def test_a_missing_redis_counter_starts_from_the_record(client, services: Services):
    counter = services.budget_counter
    assert counter is not None
    for spent, phone in enumerate(("13700000006", "13700000007", "13700000008"), 1):
        await counter.client.delete(counter.key(DEFAULT_CAMPAIGN_ID))  # a flushed Redis, or a new campaign
        user_id, auth = await sign_up_person(client, phone)
        proposal_id = await propose_food(services, user_id, SAGO)
        paid = await client.post(f"/v1/proposals/{proposal_id}/confirm", headers=auth | {"Idempotency-Key": "k"})
        assert paid.status_code == 201
        assert await counter.counted_fen(DEFAULT_CAMPAIGN_ID) == await redeemed_fen(services) == spent * CARD_FEN

    await counter.client.delete(counter.key(DEFAULT_CAMPAIGN_ID))
    budget_for_three = 3 * CARD_FEN
    assert not await counter.reserve(DEFAULT_CAMPAIGN_ID, CARD_FEN, budget_fen=budget_for_three,
                                     recorded_fen=await redeemed_fen(services))
    assert await counter.counted_fen(DEFAULT_CAMPAIGN_ID) == budget_for_three


@pytest.mark.parametrize("settings", ["database"], indirect=True)
async def test_two_changes_make_three_versions_and_keep_what_was_redeemed(client, services: Services):
    user_id, auth = await sign_up_person(client, "13700000009")
    proposal_id = await propose_food(services, user_id, SAGO)
    assert (await client.post(f"/v1/proposals/{proposal_id}/confirm", headers=auth | {"Idempotency-Key": "a"})
            ).status_code == 201
    now = services.clock.now()
    async with services.store.transaction() as session:
        await change_campaign(session, DEFAULT_CAMPAIGN_ID, {"budget_fen": 1_000_000}, changed_by="ops", now=now)
        await change_campaign(session, DEFAULT_CAMPAIGN_ID, {"cap_per_person": 5, "categories": ("food",)},
                              changed_by="ops", now=now)
    async with services.store.read() as session:
        row = await campaign(session, DEFAULT_CAMPAIGN_ID)
        versions = await campaign_versions(session, DEFAULT_CAMPAIGN_ID)
    assert (row.version, row.redeemed_fen, row.budget_fen, row.cap_per_person) == (3, CARD_FEN, 1_000_000, 5)
    assert [v.version for v in versions] == [1, 2, 3]
    assert [v.changed_by for v in versions] == ["bangwo", "ops", "ops"]
    assert versions[1].config["budget_fen"] == 1_000_000 and versions[1].config["cap_per_person"] == 21
    assert versions[2].config["categories"] == ["food"] and versions[2].config["budget_fen"] == 1_000_000
    assert versions[0].config["budget_fen"] == 300_000_000_000


async def test_the_campaigns_minimum_payment_is_what_a_discounted_order_still_costs(client, services):
    from tests.factories import propose_food, set_campaign, sign_up_person

    await set_campaign(services, min_pay_fen=1000)  # ¥10 at least, whatever the card
    user_id, auth = await sign_up_person(client, "13800138000")
    proposal_id = await propose_food(services, user_id, [("杨枝甘露", 1)])  # ¥18 and a ¥3 fee: ¥21

    card = (await client.get(f"/v1/proposals/{proposal_id}", headers=auth)).json()

    assert card["pay"] == 1000 and card["discount"] == card["total"] - 1000
