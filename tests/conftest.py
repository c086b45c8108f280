"""Fixtures: a real store (SQLite by default; PostgreSQL when BANGWO_TEST_DATABASE_URL points at one),
the app on a manual clock, and an HTTP client that talks to it in process."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from datetime import datetime
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

from bangwo.api.app import create_app
from bangwo.config import Settings
from bangwo.domain.clock import ManualClock
from bangwo.providers.demo.hotels import DemoHotels
from bangwo.providers.registry import load_registry
from bangwo.services import Services
from bangwo.store.writes import Write

SPRING_FESTIVAL_MORNING = datetime.fromisoformat("2026-02-10T10:00:00+08:00")
TEST_DATABASE_URL = os.environ.get("BANGWO_TEST_DATABASE_URL")
# Tests play hundreds of people from one address at machine speed, in process and through servers
# they start: the door's limits are tested on their own (tests/test_admission.py, which sets them)
# and kept out of every other story's way.
os.environ.update(BANGWO_RATE_PERSON_PER_S="0", BANGWO_RATE_ADDRESS_PER_S="0", BANGWO_MAX_IN_FLIGHT="1000",
                  BANGWO_MAX_QUEUE="1000")


def pytest_report_header() -> str:
    return f"bangwo store: {TEST_DATABASE_URL or 'sqlite (a new file per test)'}"


async def _empty_postgres(url: str) -> None:
    engine = create_async_engine(url)
    async with engine.begin() as connection:
        await connection.execute(text("DROP SCHEMA public CASCADE"))
        await connection.execute(text("CREATE SCHEMA public"))
    await engine.dispose()


@pytest.fixture
async def database_url(tmp_path: Path) -> str:
    if TEST_DATABASE_URL:
        await _empty_postgres(TEST_DATABASE_URL)
        return TEST_DATABASE_URL
    return f"sqlite+aiosqlite:///{tmp_path / 'bangwo.db'}"


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(SPRING_FESTIVAL_MORNING)


@pytest.fixture
def settings(database_url: str, tmp_path: Path) -> Settings:
    return Settings(database_url=database_url, data_dir=tmp_path)


@pytest.fixture
async def app(settings: Settings, clock: ManualClock) -> AsyncIterator[FastAPI]:
    app = create_app(settings, clock)
    async with app.router.lifespan_context(app):
        yield app


@pytest.fixture
def services(app: FastAPI) -> Services:
    return app.state.services


@pytest.fixture
async def client(app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://bangwo.test") as client:
        yield client


class HotelThatFails(DemoHotels):
    """The demo hotels, except that booking fails after the flight is booked (a provider outage)."""

    def sale(self, hold_id, order_id, now) -> Write:
        raise ConnectionError("hotel provider unavailable")


@pytest.fixture
async def failing_hotel_client(
    settings: Settings, clock: ManualClock
) -> AsyncIterator[tuple[httpx.AsyncClient, Services]]:
    """A client of an app whose hotel provider fails to book: the trip saga's failure, injected."""
    registry = load_registry()
    registry.hotels["demo"] = HotelThatFails()
    app = create_app(settings, clock, registry)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://bangwo.test") as client:
            yield client, app.state.services
