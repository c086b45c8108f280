"""A person's invitations: their invite code, the link to share and its QR code, and who joined with it."""

from __future__ import annotations

from datetime import datetime

from fastapi import APIRouter, Request, Response
from pydantic import BaseModel

from bangwo.api.auth import AppServices, UserId
from bangwo.api.qr import qr_image
from bangwo.promo.invites import invite_code_of, invite_summary

router = APIRouter(prefix="/v1/me/invite", tags=["people"])


class InviteeOut(BaseModel):
    name: str | None
    phone: str  # masked: 138****8000
    joined_at: datetime
    status: str  # rewarded | held | refused | approved


class InviteOut(BaseModel):
    invite_code: str
    share_url: str
    invited: list[InviteeOut]  # the newest 100
    invited_count: int
    rewarded: int  # invitations that earned this person cards
    held: int  # invitations whose reward waits for an operator's review


def share_url(request: Request, invite_code: str) -> str:
    """The link a friend opens: this service's own address, as the person reached it."""
    return f"{str(request.base_url).rstrip('/')}/?invite={invite_code}"


@router.get("")
async def my_invite(request: Request, user_id: UserId, services: AppServices) -> InviteOut:
    """The invite code, the link to share, and the friends who joined with it."""
    async with services.store.read() as session:
        summary = await invite_summary(session, user_id)
    return InviteOut(
        invite_code=summary.invite_code,
        share_url=share_url(request, summary.invite_code),
        invited=[InviteeOut(name=i.name, phone=i.phone, joined_at=i.joined_at, status=i.status)
                 for i in summary.invited],
        invited_count=summary.invited_count,
        rewarded=summary.rewarded,
        held=summary.held,
    )


async def _share_url_of(request: Request, user_id: str, services: AppServices) -> str:
    async with services.store.read() as session:
        return share_url(request, await invite_code_of(session, user_id))


@router.get("/qr.svg", response_class=Response, responses={200: {"content": {"image/svg+xml": {}}}})
async def my_invite_qr_svg(request: Request, user_id: UserId, services: AppServices) -> Response:
    """The share link as a QR code a friend scans."""
    return Response(qr_image(await _share_url_of(request, user_id, services), "svg"), media_type="image/svg+xml")


@router.get("/qr.png", response_class=Response, responses={200: {"content": {"image/png": {}}}})
async def my_invite_qr_png(request: Request, user_id: UserId, services: AppServices) -> Response:
    return Response(qr_image(await _share_url_of(request, user_id, services), "png"), media_type="image/png")
