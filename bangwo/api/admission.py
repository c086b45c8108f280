"""The door of each worker: rate limits (429) and the admission gate (503), both with Retry-After.

A pure ASGI middleware, outside everything else, so a refusal costs no routing, no body parsing and
no database: it is answered in well under the 50 ms a person may wait for a "try again".
"""

from __future__ import annotations

import hashlib
import json
import math
import re

from starlette.types import ASGIApp, Receive, Scope, Send

from bangwo.ops.admission import AdmissionGate, Lane, RateLimits, TokenBuckets, seconds_to_wait

# Paying a card, and looking after orders already paid, finish what a person started.
_FINISHING = re.compile(
    r"^/v1/(?:proposals/[^/]+(?:/confirm|/seats)?|orders(?:/.*)?|tickets/.*|staff/tickets/verify)$"
)
_NOT_ADMITTED = frozenset({"/healthz"})  # a load balancer must see a live worker, busy or not


def lane_of(method: str, path: str) -> Lane:
    return Lane.FINISH if _FINISHING.match(path) and method in ("GET", "POST") else Lane.START


def _person_key(authorization: bytes | None) -> str | None:
    """The bearer token's digest: enough to tell people apart, without keeping their tokens anywhere."""
    if not authorization or authorization[:7].lower() != b"bearer ":
        return None
    return hashlib.blake2b(authorization[7:].strip(), digest_size=12).hexdigest()


def _address(scope: Scope) -> str | None:
    """The client's address; behind a proxy, the server has already read it from X-Forwarded-For (uvicorn
    trusts the header from FORWARDED_ALLOW_IPS, 127.0.0.1 by default), as the sign-up's fraud rules see it."""
    client = scope.get("client")
    return client[0] if client else None


async def _refuse(send: Send, status: int, code: str, message: str, retry_after: int) -> None:
    body = json.dumps({"error": {"code": code, "message": message, "retry_after_seconds": retry_after}}).encode()
    await send({
        "type": "http.response.start",
        "status": status,
        "headers": [
            (b"content-type", b"application/json"),
            (b"content-length", str(len(body)).encode()),
            (b"retry-after", str(retry_after).encode()),
        ],
    })
    await send({"type": "http.response.body", "body": body})


class Admission:
    """Refuse what is asked too fast (429) or what this worker has no room for (503); admit the rest."""

    def __init__(
        self, app: ASGIApp, *, gate: AdmissionGate, buckets: TokenBuckets, rates: RateLimits
    ) -> None:
        self.app = app
        self.gate = gate
        self.buckets = buckets
        self.rates = rates

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] in _NOT_ADMITTED:
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers", []))
        wait = await seconds_to_wait(
            self.buckets, self.rates, _person_key(headers.get(b"authorization")),
            _address(scope),
        )
        if wait > 0:
            await _refuse(send, 429, "rate_limited", "too many requests at once; wait a moment and try again",
                          max(1, math.ceil(wait)))
            return
        lane = lane_of(scope["method"], scope["path"])
        if not await self.gate.enter(lane):
            await _refuse(send, 503, "overloaded", "bangwo is very busy right now; please try again in a moment",
                          self.gate.limits.retry_after_seconds)
            return
        try:
            await self.app(scope, receive, send)
        finally:
            self.gate.leave(lane)
