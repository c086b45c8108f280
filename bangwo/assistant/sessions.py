"""Persisted conversations: the session row, its messages, and what it is waiting for."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bangwo.domain.errors import NotFound
from bangwo.domain.ids import new_id
from bangwo.store.tables import ChatMessage, ChatSession

# A stored message is cut here; the parser reads far less anyway.
MAX_STORED_MESSAGE_CHARS = 2_000


async def open_session(session: AsyncSession, user_id: str, session_id: str | None, now: datetime) -> ChatSession:
    """The person's session with this id, or a new one when no id is given."""
    if session_id is None:
        chat = ChatSession(
            id=new_id("s"), user_id=user_id, pending=None, proposal_id=None, created_at=now, updated_at=now
        )
        session.add(chat)
        await session.flush()  # its messages refer to it
        return chat
    chat = await session.scalar(select(ChatSession).where(ChatSession.id == session_id).with_for_update())
    if chat is None or chat.user_id != user_id:
        raise NotFound(
            f"no chat session {session_id!r} of yours; leave session_id out to start one", code="session_not_found"
        )
    chat.updated_at = now
    return chat


def record(session: AsyncSession, chat: ChatSession, role: str, text: str, now: datetime, state: str | None = None):
    session.add(
        ChatMessage(session_id=chat.id, role=role, text=text[:MAX_STORED_MESSAGE_CHARS], state=state, created_at=now)
    )
