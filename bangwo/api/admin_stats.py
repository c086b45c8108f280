"""Live figures for operators: the JSON at /v1/admin/stats and the page at /admin that charts it."""

from __future__ import annotations

from datetime import datetime
from importlib.resources import files
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse

from bangwo.api.operator import operator_only
from bangwo.promo.figures import Figures, live_figures
from bangwo.services import Services

router = APIRouter()
_PAGE = files("bangwo.web").joinpath("admin.html")
_INSTANT = (
    "ISO-8601, e.g. 2026-02-10T10:00:00Z or 2026-02-10T10:00:00%2B08:00 (a '+' must be escaped in a URL); "
    "without a zone it is Shanghai time"
)


@router.get("/v1/admin/stats", tags=["operator"], dependencies=[Depends(operator_only)])
async def stats(
    request: Request,
    since: Annotated[datetime | None, Query(description=f"from (default: the running campaign's start); {_INSTANT}")]
    = None,
    until: Annotated[datetime | None, Query(description=f"to, at most now (default: now); {_INSTANT}")] = None,
) -> Figures:
    """Commands, AI orders, GMV, cards, budget, DAU, new people, retention cohorts, first-time users aged 60+
    and orders per domain, overall and hour by hour (Shanghai hours)."""
    services: Services = request.app.state.services
    async with services.store.read() as session:
        return await live_figures(session, now=services.clock.now(), since=since, until=until)


@router.get("/admin", include_in_schema=False)
async def admin_page() -> HTMLResponse:
    """The operator page: it asks for the operator token and charts /v1/admin/stats; the page itself is public."""
    return HTMLResponse(_PAGE.read_text(encoding="utf-8"))
