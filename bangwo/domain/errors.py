"""Domain errors: a stable code, a message for people, and data for programs.

The API maps each code to an HTTP status; the assistant maps it to a reply.
"""

from __future__ import annotations

from typing import Any


class BangwoError(Exception):
    code = "error"

    def __init__(self, message: str, *, code: str | None = None, **data: Any) -> None:
        super().__init__(message)
        self.message = message
        if code is not None:
            self.code = code
        self.data = data


class InvalidInput(BangwoError):
    code = "invalid_input"


class NotFound(BangwoError):
    code = "not_found"


class Unauthorized(BangwoError):
    code = "unauthorized"


class Forbidden(BangwoError):
    """Who is asking is known, or the door is shut: this is not theirs to do."""

    code = "forbidden"


class Conflict(BangwoError):
    """The request clashes with the current state (a used idempotency key, a confirmed proposal)."""

    code = "conflict"


class Gone(BangwoError):
    """The thing existed but can no longer be used (an expired proposal)."""

    code = "gone"


class PaymentRefused(BangwoError):
    code = "payment_refused"


class TooManyRequests(BangwoError):
    """Too many of these from one source for now; `retry_after_seconds` in the data says when to come back."""

    code = "too_many_requests"
