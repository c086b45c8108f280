"""Who is asking: the services a route works with, and the person a bearer token belongs to."""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from bangwo.domain.errors import Unauthorized
from bangwo.people import authenticate
from bangwo.services import Services

bearer = HTTPBearer(auto_error=False, description="the token from POST /v1/users")


async def services_of(request: Request) -> Services:
    # async: FastAPI runs a plain function dependency in its thread pool, a thread hop every request
    return request.app.state.services


class RecentTokens:
    """Tokens this worker saw valid lately, so most requests skip the store's lookup. A token is never
    taken back today; if that changes, one taken back still works here for at most `seconds`."""

    def __init__(self, *, seconds: float = 60.0, max_tokens: int = 100_000,
                 now: Callable[[], float] = time.monotonic) -> None:
        self._users: OrderedDict[str, tuple[str, float]] = OrderedDict()  # token -> (user, valid until)
        self.seconds = seconds
        self.max_tokens = max_tokens
        self._now = now

    def user_of(self, token: str) -> str | None:
        known = self._users.get(token)
        if known is None or known[1] < self._now():
            return None
        return known[0]

    def remember(self, token: str, user_id: str) -> None:
        self._users[token] = (user_id, self._now() + self.seconds)
        self._users.move_to_end(token)
        if len(self._users) > self.max_tokens:
            self._users.popitem(last=False)


async def current_user(
    request: Request, credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]
) -> str:
    if credentials is None or credentials.scheme.lower() != "bearer":
        raise Unauthorized("send Authorization: Bearer <token> (the token from POST /v1/users)")
    recent: RecentTokens = request.app.state.recent_tokens
    token = credentials.credentials
    if (user_id := recent.user_of(token)) is not None:
        return user_id
    async with (await services_of(request)).store.read() as session:
        user_id = await authenticate(session, token)
    recent.remember(token, user_id)
    return user_id


UserId = Annotated[str, Depends(current_user)]
AppServices = Annotated[Services, Depends(services_of)]
