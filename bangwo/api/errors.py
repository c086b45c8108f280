"""Every error leaves the API as {"error": {"code", "message", ...}} with a fitting status; never a bare 500."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from bangwo.domain.errors import (
    BangwoError,
    Conflict,
    Forbidden,
    Gone,
    InvalidInput,
    NotFound,
    PaymentRefused,
    TooManyRequests,
    Unauthorized,
)

log = logging.getLogger("bangwo.api")

STATUS_OF = [
    (Unauthorized, 401),
    (PaymentRefused, 402),
    (Forbidden, 403),
    (NotFound, 404),
    (Conflict, 409),
    (Gone, 410),
    (InvalidInput, 422),
    (TooManyRequests, 429),
]


INVALID_JSON_MESSAGE = "the request body is not valid JSON"


def error_body(code: str, message: str, **data: object) -> dict:
    return {"error": {"code": code, "message": message, **data}}


def _status(exc: BangwoError) -> int:
    return next((status for kind, status in STATUS_OF if isinstance(exc, kind)), 400)


def _validation_message(exc: RequestValidationError) -> tuple[str, str]:
    first = exc.errors()[0] if exc.errors() else {}
    if first.get("type") == "json_invalid":
        return "invalid_json", INVALID_JSON_MESSAGE
    where = ".".join(str(part) for part in first.get("loc", ()) if part != "body")
    return "invalid_request", f"{where or 'request'}: {first.get('msg', 'invalid')}"


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(BangwoError)
    async def _domain(_: Request, exc: BangwoError) -> JSONResponse:
        retry_after = exc.data.get("retry_after_seconds")
        headers = {"Retry-After": str(retry_after)} if retry_after is not None else None
        return JSONResponse(error_body(exc.code, exc.message, **exc.data), status_code=_status(exc), headers=headers)

    @app.exception_handler(RequestValidationError)
    async def _validation(_: Request, exc: RequestValidationError) -> JSONResponse:
        code, message = _validation_message(exc)
        return JSONResponse(error_body(code, message), status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def _http(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        if exc.status_code == 400 and isinstance(exc.__cause__, (ValueError, RecursionError)):
            # FastAPI answers a bare 400 when the JSON decoder fails on more than syntax (bytes that are not
            # UTF-8, arrays nested too deep); to a client that is the same mistake as any other malformed JSON.
            return JSONResponse(error_body("invalid_json", INVALID_JSON_MESSAGE), status_code=422)
        code = {404: "not_found", 405: "method_not_allowed", 413: "body_too_large"}.get(exc.status_code, "http_error")
        return JSONResponse(error_body(code, str(exc.detail)), status_code=exc.status_code, headers=exc.headers)

    @app.exception_handler(Exception)
    async def _unexpected(_: Request, exc: Exception) -> JSONResponse:
        log.exception("unexpected error", exc_info=exc)
        return JSONResponse(
            error_body(
                "internal",
                "something went wrong on our side; nothing was charged twice, retry with the same Idempotency-Key",
            ),
            status_code=500,
        )
