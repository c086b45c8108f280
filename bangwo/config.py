"""Configuration from BANGWO_* environment variables (pydantic-settings)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from bangwo.domain.clock import Clock, StartedClock, SystemClock


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="BANGWO_", extra="ignore")

    data_dir: Path = Field(default=Path("data"), description="where the SQLite file and other local state live")
    database_url: str | None = Field(
        default=None,
        description="SQLAlchemy async URL; default sqlite+aiosqlite:///DATA_DIR/bangwo.db, "
        "or postgresql+asyncpg://user@host:5432/db",
    )
    host: str = "127.0.0.1"
    port: int = Field(default=8000, ge=1, le=65535)
    now: datetime | None = Field(
        default=None,
        description="ISO-8601 instant where the clock starts, then runs at real speed "
        "(2026-02-10T10:00:00+08:00 replays the Spring Festival campaign); default: the wall clock",
    )
    demo_balance_fen: int = Field(
        default=500_000, ge=0, description="wallet credit for each new person (¥5,000: enough for a trip)"
    )
    card_value_fen: int = Field(default=2_500, ge=0, description="the free-order card's value (¥25)")
    card_valid_days: int = Field(default=30, ge=1)
    proposal_seconds: int = Field(
        default=600, ge=30, le=3600, description="how long a proposal can be confirmed; its seats are held as long"
    )
    ticket_refund_minutes: int = Field(
        default=60, ge=0, description="movie tickets are refunded in full until this many minutes before the showing"
    )
    operator_token: str | None = Field(
        default=None,
        min_length=16,
        description="the token operators send to /v1/admin/* and the operator page (Authorization: Bearer); "
        "unset: the operator routes are off",
    )
    redis_url: str | None = Field(
        default=None, description="redis://host:6379/0: keep the campaign budget's hot counter there (optional)"
    )
    redis_prefix: str = Field(
        default="bangwo:", description="the start of every key bangwo writes in Redis (several bangwos, one Redis)"
    )
    staff_token: str | None = Field(
        default=None,
        min_length=16,
        description="the token cinema staff send to verify tickets (Authorization: Bearer); unset: verifying is off",
    )
    catalogue_refresh_seconds: int = Field(
        default=300, ge=0, description="how often providers' catalogues are checked for changes (0: only at start)"
    )
    max_body_bytes: int = Field(default=64 * 1024, ge=1024, description="larger request bodies are refused (413)")
    workers: int = Field(default=1, ge=1, le=64, description="worker processes `bangwo serve` starts")
    # Measured (bench/capacity.py, 2 workers on 2 cores): a worker's requests are mostly CPU, so more at once
    # only queue (32 gave a worse p99 than 8), and fewer shed what the cores could serve (4: 35 % shed at
    # 40 journeys/s, where 8 shed 3-32 % over four runs).
    max_in_flight: int = Field(
        default=8, ge=1, description="requests one worker runs at once; more wait in a short queue, then get 503"
    )
    max_queue: int = Field(default=16, ge=0, description="requests one worker lets wait for a slot")
    # A refusal must reach the person in under 50 ms, and a worker busy with CPU-bound turns reads it
    # some milliseconds late: with 40 ms of waiting the 503's p99 was 47-57 ms, so 30 (bench/shedding.py).
    queue_wait_ms: int = Field(
        default=30, ge=0, le=1000, description="how long a request may wait for a slot before a 503 with Retry-After"
    )
    rate_person_per_s: float = Field(
        default=5, ge=0, description="requests a second one person may make, on average (0: no limit; 429 beyond)"
    )
    rate_person_burst: int = Field(default=20, ge=1, description="requests one person may make at once")
    rate_address_per_s: float = Field(
        default=50, ge=0, description="requests a second from one network address (0: no limit; 429 beyond)"
    )
    rate_address_burst: int = Field(default=200, ge=1, description="requests one network address may make at once")

    @field_validator("now")
    @classmethod
    def _aware(cls, value: datetime | None) -> datetime | None:
        if value is not None and value.tzinfo is None:
            raise ValueError("BANGWO_NOW needs a timezone, e.g. 2026-02-10T10:00:00+08:00")
        return value

    def clock(self) -> Clock:
        return StartedClock(self.now) if self.now else SystemClock()

    def resolved_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite+aiosqlite:///{(self.data_dir / 'bangwo.db').resolve()}"
