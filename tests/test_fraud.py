"""Fraud rules: sign-up velocity per device and per address, invite farms (one device, one address block,
a burst within minutes), rewards held for review above the threshold and the operator's decision; every
decision stored with its reason and visible at /v1/admin/fraud/decisions."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI

from bangwo.config import Settings
from bangwo.domain.clock import ManualClock
from bangwo.promo.fraud import THRESHOLDS, InviteFacts, address_block, judge_invite_reward
from bangwo.services import Services
from tests.factories import OPERATOR, OPERATOR_TOKEN, an_inviter, card_statuses, invitation_of, join, set_campaign


@pytest.fixture
def settings(database_url: str, tmp_path: Path) -> Settings:
    # No demo wallet credit: its one funding account would queue every sign-up behind its row lock.
    return Settings(database_url=database_url, data_dir=tmp_path, operator_token=OPERATOR_TOKEN, demo_balance_fen=0)


async def decisions(client: httpx.AsyncClient, **filters: str | int) -> list[dict]:
    response = await client.get("/v1/admin/fraud/decisions", params=filters, headers=OPERATOR)
    assert response.status_code == 200, response.text
    return response.json()["decisions"]


@pytest.mark.parametrize(("path", "filters"), [("/v1/admin/fraud/decisions", {"user_id": "u_1\x00"}),
                                               ("/v1/admin/invitations", {"inviter_id": "u_1\x00"})])
async def test_a_filter_no_id_could_match_is_a_422(client: httpx.AsyncClient, path: str, filters: dict[str, str]):
    # Found by tests/test_api_fuzz.py: a NUL in the filter reached PostgreSQL and came back as a 500.
    response = await client.get(path, params=filters, headers=OPERATOR)
    assert response.status_code == 422, response.text
    assert response.json()["error"]["code"] == "invalid_request"


async def test_a_fourth_sign_up_from_one_device_in_a_day_is_refused(
    app: FastAPI, client: httpx.AsyncClient, clock: ManualClock
):
    for n in range(3):
        assert (await join(app, f"1390000000{n}", device="one-phone")).status_code == 201
        clock.advance(timedelta(hours=1))

    refused = await join(app, "13900000003", device="one-phone")

    assert refused.status_code == 429
    assert refused.json()["error"]["code"] == "too_many_sign_ups"
    assert refused.headers["Retry-After"] == str(21 * 3600)  # when the first of the three is a day old
    [denied] = await decisions(client, kind="sign_up", decision="deny")
    assert (denied["reason"], denied["device_id"], denied["user_id"]) == ("device_velocity", "one-phone", None)
    assert denied["data"]["device_sign_ups_last_day"] == 3
    clock.advance(timedelta(hours=21))
    assert (await join(app, "13900000003", device="one-phone")).status_code == 201


async def test_a_farm_of_fifty_sign_ups_from_one_device_earns_nothing(
    app: FastAPI, client: httpx.AsyncClient, services: Services
):
    ann = await an_inviter(app)

    farm = await asyncio.gather(
        *(join(app, f"139{n:08d}", device="farm-phone", ip="203.0.113.9", invite_code=ann["invite_code"])
          for n in range(50))
    )

    assert sorted(f.status_code for f in farm) == [201] * 3 + [429] * 47
    # The first farm sign-up looked new and earned a card; the third showed the farm and took it back.
    assert await card_statuses(services, ann["user_id"]) == [("invite", "revoked"), ("sign_up", "available")]
    joined = [f.json()["user_id"] for f in farm if f.status_code == 201]
    assert sorted([(await invitation_of(services, u)).reason for u in joined]) == [
        "device_seen", "farm_device", "farm_device"
    ]
    rewards = await decisions(client, kind="invite_reward")
    assert [(d["decision"], d["reason"]) for d in reversed(rewards)] == [
        ("allow", "new_person"), ("deny", "device_seen"), ("deny", "farm_device")
    ]
    assert rewards[0]["data"]["cards_taken_back"] == 1
    assert len(await decisions(client, kind="sign_up", decision="deny")) == 47


async def test_a_farm_in_one_address_block_is_held_for_review(
    app: FastAPI, client: httpx.AsyncClient, services: Services, clock: ManualClock
):
    ann = await an_inviter(app)
    statuses = []
    for n in range(7):
        friend = await join(app, f"139{n:08d}", device=f"emulator-{n}", ip=f"100.64.7.{n + 10}",
                            invite_code=ann["invite_code"])
        statuses.append((await invitation_of(services, friend.json()["user_id"])).status)
        clock.advance(timedelta(minutes=15))  # slow enough not to be a burst

    assert statuses == ["rewarded"] * 4 + ["held"] * 3
    elsewhere = await join(app, "13700137000", device="real-friend", ip="100.64.8.1", invite_code=ann["invite_code"])
    assert (await invitation_of(services, elsewhere.json()["user_id"])).status == "rewarded"
    held = (await client.get("/v1/admin/invitations", params={"status": "held"}, headers=OPERATOR)).json()
    assert [(i["reason"], i["invitee_ip"]) for i in held["invitations"]] == [
        ("farm_address_block", f"100.64.7.{n}") for n in (16, 15, 14)
    ]


async def test_a_burst_of_invitees_within_minutes_is_held(app: FastAPI, services: Services, clock: ManualClock):
    ann = await an_inviter(app)
    statuses = []
    for n in range(7):
        friend = await join(app, f"139{n:08d}", device=f"phone-{n}", ip=f"10.{n}.0.1", invite_code=ann["invite_code"])
        statuses.append((await invitation_of(services, friend.json()["user_id"])).status)
        clock.advance(timedelta(minutes=1))

    assert statuses == ["rewarded"] * 5 + ["held"] * 2
    assert (await invitation_of(services, friend.json()["user_id"])).reason == "invite_burst"


async def test_a_busy_address_still_signs_people_up_but_earns_no_rewards(
    app: FastAPI, client: httpx.AsyncClient, services: Services
):
    ann = await an_inviter(app)
    for n in range(THRESHOLDS.address_sign_ups_per_hour):
        assert (await join(app, f"139{n:08d}", device=f"cafe-{n}", ip="203.0.113.50")).status_code == 201

    friend = await join(app, "13700137000", device="new-phone", ip="203.0.113.50", invite_code=ann["invite_code"])

    assert friend.status_code == 201 and len(friend.json()["cards"]) == 1
    assert await card_statuses(services, ann["user_id"]) == [("sign_up", "available")]
    [denied] = await decisions(client, kind="invite_reward", decision="deny")
    assert (denied["reason"], denied["ip"], denied["user_id"]) == ("address_velocity", "203.0.113.50", ann["user_id"])
    assert denied["data"]["address_sign_ups_last_hour"] == THRESHOLDS.address_sign_ups_per_hour


async def test_rewards_above_the_review_threshold_wait_for_the_operator(
    app: FastAPI, client: httpx.AsyncClient, services: Services
):
    await set_campaign(services, review_threshold=2)
    ann = await an_inviter(app)
    friends = [
        (await join(app, f"139{n:08d}", device=f"phone-{n}", ip=f"10.{n}.0.1", invite_code=ann["invite_code"])).json()
        for n in range(4)
    ]
    statuses = [(await invitation_of(services, f["user_id"])).status for f in friends]
    assert statuses == ["rewarded", "rewarded", "held", "held"]
    held = (await client.get("/v1/admin/invitations", params={"status": "held"}, headers=OPERATOR)).json()
    third, fourth = sorted(i["id"] for i in held["invitations"])

    approved = await client.post(f"/v1/admin/invitations/{third}/approve", headers=OPERATOR)
    again = await client.post(f"/v1/admin/invitations/{third}/approve", headers=OPERATOR)
    rejected = await client.post(f"/v1/admin/invitations/{fourth}/reject", headers=OPERATOR)
    rejected_again = await client.post(f"/v1/admin/invitations/{fourth}/reject", headers=OPERATOR)

    assert approved.status_code == 200 and approved.json()["status"] == "approved" and approved.json()["card_id"]
    assert again.json() == approved.json()  # idempotent: no second card
    assert rejected.json()["status"] == "refused" and rejected.json()["reason"] == "rejected_by_operator"
    assert rejected_again.json() == rejected.json()
    assert (await client.post(f"/v1/admin/invitations/{fourth}/approve", headers=OPERATOR)).status_code == 409
    assert (await client.post(f"/v1/admin/invitations/{third}/reject", headers=OPERATOR)).status_code == 409
    assert (await client.post("/v1/admin/invitations/999999/approve", headers=OPERATOR)).status_code == 404
    assert (await card_statuses(services, ann["user_id"])).count(("invite", "available")) == 3
    reviews = await decisions(client, kind="review")
    assert [(d["decision"], d["reason"]) for d in reviews] == [
        ("deny", "rejected_by_operator"), ("allow", "approved_by_operator")
    ]
    assert reviews[1]["data"]["cards"] == [approved.json()["card_id"]]


async def test_an_approval_beyond_the_cap_issues_no_card(app: FastAPI, client: httpx.AsyncClient, services: Services):
    await set_campaign(services, cap_per_person=3, review_threshold=0)
    ann = await an_inviter(app)
    for n in range(3):
        await join(app, f"139{n:08d}", device=f"phone-{n}", ip=f"10.{n}.0.1", invite_code=ann["invite_code"])
    held = (await client.get("/v1/admin/invitations", params={"status": "held"}, headers=OPERATOR)).json()
    ids = sorted(i["id"] for i in held["invitations"])

    results = [(await client.post(f"/v1/admin/invitations/{i}/approve", headers=OPERATOR)).json() for i in ids]

    assert [(r["status"], r["reason"], r["card_id"] is not None) for r in results] == [
        ("approved", "approved_by_operator", True), ("approved", "approved_by_operator", True),
        ("approved", "cap_reached", False),
    ]
    assert len(await card_statuses(services, ann["user_id"])) == 3


async def test_every_decision_is_visible_to_the_operator_with_its_reason(
    app: FastAPI, client: httpx.AsyncClient
):
    ann = await an_inviter(app)
    await join(app, "13900139000", device="phone-of-bo", ip="203.0.113.20", invite_code=ann["invite_code"])
    await join(app, "13700137000", device="phone-of-ann", ip="203.0.113.21", invite_code=ann["invite_code"])

    everything = await decisions(client)

    assert [(d["kind"], d["decision"], d["reason"]) for d in reversed(everything)] == [
        ("sign_up", "allow", "ok"),
        ("sign_up", "allow", "ok"),
        ("invite_reward", "allow", "new_person"),
        ("sign_up", "allow", "ok"),
        ("invite_reward", "deny", "self_invite"),
    ]
    assert everything[0]["data"]["invitee_device"] == everything[0]["data"]["inviter_device"] == "phone-of-ann"
    assert [d["reason"] for d in await decisions(client, user_id=ann["user_id"])] == ["self_invite", "new_person", "ok"]
    assert len(await decisions(client, limit=2)) == 2
    assert (await client.get("/v1/admin/fraud/decisions")).status_code == 401
    assert (await client.get("/v1/admin/fraud/decisions", params={"kind": "nope"}, headers=OPERATOR)).status_code == 422


def _facts(**changes: object) -> InviteFacts:
    clean = InviteFacts(
        invitee_device="new", inviter_device="mine", device_seen=False, address_sign_ups_last_hour=0,
        inviter_invitees_from_device=0, inviter_invitees_from_block_last_day=0, inviter_invitees_last_minutes=0,
        inviter_paid_invitations=0, inviter_cards=1, cap_per_person=21, review_threshold=10, invite_reward=1,
    )
    return replace(clean, **changes)


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({}, ("allow", "new_person")),
        ({"invitee_device": None}, ("deny", "no_device")),
        ({"invitee_device": "mine", "device_seen": True}, ("deny", "self_invite")),
        ({"device_seen": True, "inviter_invitees_from_device": 2}, ("deny", "farm_device")),
        ({"device_seen": True, "inviter_invitees_from_device": 1}, ("deny", "device_seen")),
        ({"address_sign_ups_last_hour": 20}, ("deny", "address_velocity")),
        ({"address_sign_ups_last_hour": 19}, ("allow", "new_person")),
        ({"inviter_cards": 21, "inviter_paid_invitations": 30}, ("deny", "cap_reached")),
        ({"inviter_invitees_from_block_last_day": 4}, ("hold", "farm_address_block")),
        ({"inviter_invitees_last_minutes": 5}, ("hold", "invite_burst")),
        ({"inviter_paid_invitations": 10}, ("hold", "review_threshold")),
        ({"inviter_paid_invitations": 9}, ("allow", "new_person")),
        ({"invite_reward": 0}, ("deny", "no_invite_reward")),
    ],
)
def test_the_invite_rules_in_their_order(changes: dict, expected: tuple[str, str]):
    verdict = judge_invite_reward(_facts(**changes), THRESHOLDS)
    assert (verdict.decision, verdict.reason) == expected


@pytest.mark.parametrize(
    ("ip", "block"),
    [
        ("203.0.113.77", "203.0.113.0/24"),
        ("::ffff:203.0.113.77", "203.0.113.0/24"),
        ("2408:8207:1234:5678::1", "2408:8207:1234:5600::/56"),
        ("testclient", "testclient"),
    ],
)
def test_address_blocks(ip: str, block: str):
    assert address_block(ip) == block
