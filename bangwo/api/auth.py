"""Who is asking: the services a route works with, and the person a bearer token belongs to."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from bangwo.domain.errors import Unauthorized
from bangwo.people import authenticate
from bangwo.services import Services

bearer = HTTPBearer(auto_error=False, description="the token from POST /v1/users")


def services_of(request: Request) -> Services:
    return request.app.state.services


async def current_user(
    request: Request, credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]
) -> str:
    if credentials is None or credentials.scheme.lower() != "bearer":
        raise Unauthorized("send Authorization: Bearer <token> (the token from POST /v1/users)")
    async with services_of(request).store.read() as session:
        return await authenticate(session, credentials.credentials)


UserId = Annotated[str, Depends(current_user)]
AppServices = Annotated[Services, Depends(services_of)]
