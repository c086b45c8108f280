"""Invitations: both ends recorded, a card for the inviter when a genuinely new person (new phone, new device)
joins, nothing for a self-invite or a device already seen, and the cap per person under concurrency."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import select

from bangwo.api.qr import qr_image
from bangwo.config import Settings
from bangwo.promo import fraud
from bangwo.services import Services
from bangwo.store.tables import Invitation
from tests.factories import OPERATOR_TOKEN, an_inviter, card_statuses, invitation_of, join, set_campaign


@pytest.fixture
def settings(database_url: str, tmp_path: Path) -> Settings:
    # No demo wallet credit: its one funding account would queue every sign-up behind its row lock and hide
    # the races under test here.
    return Settings(database_url=database_url, data_dir=tmp_path, operator_token=OPERATOR_TOKEN, demo_balance_fen=0)


async def test_a_friend_from_a_new_device_earns_the_inviter_a_card(app: FastAPI, services: Services):
    ann = await an_inviter(app)
    bo = await join(app, "13900139000", device="phone-of-bo", ip="203.0.113.20", invite_code=ann["invite_code"])

    assert bo.status_code == 201
    assert [c["reason"] for c in bo.json()["cards"]] == ["sign_up"]  # the friend's own card
    assert await card_statuses(services, ann["user_id"]) == [("invite", "available"), ("sign_up", "available")]
    invitation = await invitation_of(services, bo.json()["user_id"])
    assert (invitation.inviter_id, invitation.status, invitation.reason) == (ann["user_id"], "rewarded", "new_person")
    assert invitation.card_id is not None and invitation.campaign_id == "launch"


async def test_the_invite_page_shows_the_code_the_link_and_who_joined(app: FastAPI, client: httpx.AsyncClient):
    ann = await an_inviter(app)
    await join(app, "13900139000", device="phone-of-bo", ip="203.0.113.20", invite_code=ann["invite_code"])
    await join(app, "13700137000", device="phone-of-ann", ip="198.51.100.7", invite_code=ann["invite_code"])

    page = await client.get("/v1/me/invite", headers={"Authorization": f"Bearer {ann['token']}"})

    assert page.status_code == 200
    body = page.json()
    assert body["invite_code"] == ann["invite_code"]
    assert body["share_url"] == f"http://bangwo.test/?invite={ann['invite_code']}"
    assert [(i["phone"], i["status"]) for i in body["invited"]] == [("137****7000", "refused"),
                                                                     ("139****9000", "rewarded")]
    assert (body["invited_count"], body["rewarded"], body["held"]) == (2, 1, 0)


async def test_the_invite_qr_codes_carry_the_share_link(app: FastAPI, client: httpx.AsyncClient):
    ann = await an_inviter(app)
    auth = {"Authorization": f"Bearer {ann['token']}"}
    link = f"http://bangwo.test/?invite={ann['invite_code']}"

    svg = await client.get("/v1/me/invite/qr.svg", headers=auth)
    png = await client.get("/v1/me/invite/qr.png", headers=auth)

    assert svg.headers["content-type"] == "image/svg+xml" and svg.content == qr_image(link, "svg")
    assert png.headers["content-type"] == "image/png" and png.content == qr_image(link, "png")
    assert (await client.get("/v1/me/invite/qr.png")).status_code == 401


async def test_inviting_yourself_from_your_own_phone_earns_nothing(app: FastAPI, services: Services):
    ann = await an_inviter(app)
    alt = await join(app, "13900139000", device="phone-of-ann", ip="203.0.113.20", invite_code=ann["invite_code"])

    assert alt.status_code == 201
    assert await card_statuses(services, ann["user_id"]) == [("sign_up", "available")]
    invitation = await invitation_of(services, alt.json()["user_id"])
    assert (invitation.status, invitation.reason, invitation.card_id) == ("refused", "self_invite", None)


async def test_a_device_already_seen_earns_nothing(app: FastAPI, services: Services):
    ann = await an_inviter(app)
    assert (await join(app, "13600136000", device="used-phone", ip="203.0.113.30")).status_code == 201
    second_hand = await join(app, "13900139000", device="used-phone", ip="203.0.113.31",
                             invite_code=ann["invite_code"])

    assert second_hand.status_code == 201  # the person is welcome; the invitation earns nothing
    assert await card_statuses(services, ann["user_id"]) == [("sign_up", "available")]
    assert (await invitation_of(services, second_hand.json()["user_id"])).reason == "device_seen"


async def test_a_friend_without_a_device_earns_nothing(app: FastAPI, services: Services):
    ann = await an_inviter(app)
    friend = await join(app, "13900139000", device=None, ip="203.0.113.20", invite_code=ann["invite_code"])

    assert friend.status_code == 201
    assert await card_statuses(services, ann["user_id"]) == [("sign_up", "available")]
    assert (await invitation_of(services, friend.json()["user_id"])).reason == "no_device"


async def test_an_unknown_invite_code_is_still_refused_and_records_nothing(app: FastAPI, services: Services):
    response = await join(app, "13900139000", device="phone-of-bo", invite_code="NOSUCH")

    assert response.status_code == 422
    assert response.json()["error"]["code"] == "unknown_invite_code"
    async with services.store.read() as session:
        assert (await session.scalars(select(Invitation))).all() == []


async def test_the_cap_holds_when_thirty_friends_join_at_once(
    app: FastAPI, services: Services, monkeypatch: pytest.MonkeyPatch
):
    # Thirty friends within a minute would be held as a burst: here the cap alone is under test.
    monkeypatch.setattr(fraud, "THRESHOLDS", replace(fraud.THRESHOLDS, burst_invitees=1000))
    await set_campaign(services, cap_per_person=21, review_threshold=1000)
    ann = await an_inviter(app)

    friends = await asyncio.gather(
        *(
            join(app, f"139{n:08d}", device=f"friend-phone-{n}", ip=f"10.{n}.0.1", invite_code=ann["invite_code"])
            for n in range(30)
        )
    )

    assert [f.status_code for f in friends] == [201] * 30
    cards = await card_statuses(services, ann["user_id"])
    assert len(cards) == 21 and cards.count(("invite", "available")) == 20
    reasons = [(await invitation_of(services, f.json()["user_id"])).reason for f in friends]
    assert sorted(set(reasons)) == ["cap_reached", "new_person"]
    assert reasons.count("new_person") == 20 and reasons.count("cap_reached") == 10
