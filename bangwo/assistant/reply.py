"""What one turn of conversation answers: the state, the text, and a proposal or an order."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from bangwo.domain.proposal import Order, Proposal

State = Literal["answer", "need_info", "proposal", "done", "error"]


@dataclass(frozen=True, slots=True)
class Reply:
    session_id: str
    state: State
    reply: str
    proposal: Proposal | None = None
    order: Order | None = None


# A turn's outcome: the reply, what the session now waits for, and the proposal left on the table.
Turn = tuple[Reply, dict | None, str | None]
