"""Who may use the operator routes (/v1/admin/*): whoever sends the configured operator token."""

from __future__ import annotations

import hmac
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from bangwo.domain.errors import Forbidden, Unauthorized

_bearer = HTTPBearer(auto_error=False, description="BANGWO_OPERATOR_TOKEN")


async def operator_only(
    request: Request, credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]
) -> None:
    expected = request.app.state.services.settings.operator_token
    if expected is None:
        raise Forbidden("the operator routes are off: set BANGWO_OPERATOR_TOKEN and send it as the bearer token")
    if credentials is None or not hmac.compare_digest(credentials.credentials.encode(), expected.encode()):
        raise Unauthorized("send Authorization: Bearer <the operator token>")
