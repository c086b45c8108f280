"""The intent frame: what a person asked for, as DESIGN.md's contract states it."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Domain = Literal["food", "grocery", "movie", "flight", "hotel", "chat"]
Action = Literal["order", "search", "status", "cancel"]
Size = Literal["small", "medium", "large"]
Sugar = Literal["none", "less", "half", "normal"]
Ice = Literal["none", "less", "normal", "room", "warm", "hot"]
TimeWindow = Literal["morning", "noon", "afternoon", "evening", "night"]
Row = Literal["first", "front", "middle", "back", "last"]
Cabin = Literal["economy", "business"]
Preference = Literal["cheapest", "earliest"]
Lang = Literal["zh", "en"]

OPTION_GROUPS = ("size", "sugar", "ice")


class ItemOptions(BaseModel):
    model_config = ConfigDict(extra="forbid")

    size: Size | None = None
    sugar: Sugar | None = None
    ice: Ice | None = None

    def stated(self) -> dict[str, str]:
        """Only the options the person actually said."""
        return {k: v for k, v in self.model_dump().items() if v is not None}


class FrameItem(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str
    quantity: int = Field(default=1, ge=1, le=999)
    unit: str | None = None
    options: ItemOptions = Field(default_factory=ItemOptions)


class SeatWish(BaseModel):
    row: Row | None = None
    adjacent: bool | None = None


class IntentFrame(BaseModel):
    model_config = ConfigDict(extra="forbid")

    domain: Domain
    action: Action = "order"
    merchant: str | None = None
    items: list[FrameItem] = Field(default_factory=list)
    title: str | None = None
    premiere: bool | None = None
    count: int | None = None
    date: str | None = None  # ISO date, Asia/Shanghai unless the text said otherwise
    time: str | None = None  # HH:MM
    time_window: TimeWindow | None = None
    seat: SeatWish | None = None
    origin: str | None = None
    destination: str | None = None
    cabin: Cabin | None = None
    prefer: Preference | None = None  # an extension of the contract: "the cheapest" / "the earliest" flight
    city: str | None = None
    near: str | None = None
    nights: int | None = None
    budget_max: float | None = None  # yuan, as the person said it
    missing: list[str] = Field(default_factory=list)


class ParseResult(BaseModel):
    lang: Lang
    frames: list[IntentFrame]

    def to_json_dict(self) -> dict:
        """The contract's JSON: unknown values left out; every item carries its options, {} when none was said.

        A chat frame is just {"domain": "chat"}; a service frame always carries `action`
        and `missing` (empty when nothing is missing) and leaves out an empty item list.
        """
        result = self.model_dump(exclude_none=True, exclude_defaults=False)
        for frame in result["frames"]:
            if not frame.get("items"):
                frame.pop("items", None)
            if frame["domain"] == "chat":
                frame.pop("action", None)
                frame.pop("missing", None)
        return result
