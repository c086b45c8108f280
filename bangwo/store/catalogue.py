"""The catalogue as providers published it: seeded at start, read back as domain objects."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict
from datetime import datetime
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from bangwo.domain.catalogue import Catalogue, MenuItem, Merchant, OpeningHours, OptionChoice, OptionGroup
from bangwo.domain.geo import Point
from bangwo.store.tables import CatalogueVersion, MenuItemRow, MerchantRow


def catalogue_digest(catalogue: Catalogue) -> str:
    return hashlib.sha256(json.dumps(asdict(catalogue), sort_keys=True, default=str).encode()).hexdigest()


def _groups_to_json(groups: tuple[OptionGroup, ...]) -> list[Any]:
    return [asdict(g) for g in groups]


def _groups_from_json(data: list[Any]) -> tuple[OptionGroup, ...]:
    return tuple(OptionGroup(g["name"], g["default"], tuple(OptionChoice(**c) for c in g["choices"])) for g in data)


async def seed_catalogue(session: AsyncSession, catalogue: Catalogue, now: datetime) -> bool:
    """Publish a provider's catalogue; a no-op when it has not changed. Returns whether it wrote."""
    digest = catalogue_digest(catalogue)
    version = await session.get(CatalogueVersion, catalogue.provider)
    if version is not None and version.digest == digest:
        return False
    merchant_ids = select(MerchantRow.id).where(MerchantRow.provider == catalogue.provider)
    await session.execute(delete(MenuItemRow).where(MenuItemRow.merchant_id.in_(merchant_ids)))
    await session.execute(delete(MerchantRow).where(MerchantRow.provider == catalogue.provider))
    for merchant in catalogue.merchants:
        session.add(
            MerchantRow(
                id=merchant.id,
                provider=merchant.provider,
                city_id=merchant.city_id,
                category=merchant.category,
                name_zh=merchant.name_zh,
                name_en=merchant.name_en,
                lat=merchant.location.lat,
                lng=merchant.location.lng,
                rating=merchant.rating,
                open_minute=merchant.hours.open_minute,
                close_minute=merchant.hours.close_minute,
                delivery_fee_fen=merchant.delivery_fee_fen,
                min_order_fen=merchant.min_order_fen,
                prep_minutes=merchant.prep_minutes,
            )
        )
    await session.flush()
    for merchant in catalogue.merchants:
        for position, item in enumerate(merchant.menu):
            session.add(
                MenuItemRow(
                    id=item.id,
                    merchant_id=merchant.id,
                    position=position,
                    name_zh=item.name_zh,
                    name_en=item.name_en,
                    price_fen=item.price_fen,
                    aliases=list(item.aliases),
                    option_groups=_groups_to_json(item.option_groups),
                    unit=item.unit,
                )
            )
    if version is None:
        session.add(CatalogueVersion(provider=catalogue.provider, digest=digest, seeded_at=now))
    else:
        version.digest, version.seeded_at = digest, now
    return True


async def load_merchants(session: AsyncSession) -> list[Merchant]:
    """Every merchant with its menu, in a stable order."""
    items_by_merchant: dict[str, list[MenuItem]] = {}
    for row in await session.scalars(select(MenuItemRow).order_by(MenuItemRow.merchant_id, MenuItemRow.position)):
        items_by_merchant.setdefault(row.merchant_id, []).append(
            MenuItem(
                id=row.id,
                merchant_id=row.merchant_id,
                name_zh=row.name_zh,
                name_en=row.name_en,
                price_fen=row.price_fen,
                aliases=tuple(row.aliases),
                option_groups=_groups_from_json(row.option_groups),
                unit=row.unit,
            )
        )
    return [
        Merchant(
            id=row.id,
            provider=row.provider,
            city_id=row.city_id,
            name_zh=row.name_zh,
            name_en=row.name_en,
            location=Point(row.lat, row.lng),
            rating=row.rating,
            hours=OpeningHours(row.open_minute, row.close_minute),
            delivery_fee_fen=row.delivery_fee_fen,
            min_order_fen=row.min_order_fen,
            prep_minutes=row.prep_minutes,
            category=row.category,
            menu=tuple(items_by_merchant.get(row.id, ())),
        )
        for row in await session.scalars(select(MerchantRow).order_by(MerchantRow.id))
    ]
