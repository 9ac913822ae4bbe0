"""Third-party SDK detection by class-package signatures, and attribution of PI accesses.

Presence of an SDK's classes is reported on its own; the sensitive calls its code makes are
attached separately (``SdkHit.pi_accesses``), since shipped code is not proof of use.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterable, Mapping

from scanner.analyzers.apk.facts import FIRST_PARTY, PiAccess, SdkHit
from scanner.analyzers.apk.tables import SdkSignature, Tables

logger = logging.getLogger(__name__)


def attribute(class_name: str, tables: Tables, app_package: str = "") -> str:
    """The SDK id owning a dotted class name, or ``first_party``."""
    match = tables.sdk_for(class_name, app_package)
    return match[0].id if match else FIRST_PARTY


# Limitation: a version is known only for SDKs whose table entry has a version_hint naming a
# compile-time string constant; versions computed at run time stay None.
def detect_sdks(
    class_names: Iterable[str], accesses: Iterable[PiAccess], tables: Tables,
    versions: Mapping[str, str] | None = None, app_package: str = "",
) -> tuple[SdkHit, ...]:
    """One ``SdkHit`` per SDK with at least one class present, sorted by id."""
    counts: Counter[tuple[str, str]] = Counter()
    by_id: dict[str, SdkSignature] = {}
    for name in class_names:
        match = tables.sdk_for(name, app_package)
        if match is not None:
            sdk, prefix = match
            counts[(sdk.id, prefix)] += 1
            by_id[sdk.id] = sdk

    by_sdk: dict[str, list[PiAccess]] = {}
    for access in accesses:
        by_sdk.setdefault(access.attribution, []).append(access)

    hits = []
    for sdk_id, sdk in sorted(by_id.items()):
        prefixes = {p: c for (i, p), c in counts.items() if i == sdk_id}
        accesses_of = by_sdk.get(sdk_id, [])
        hits.append(SdkHit(
            id=sdk.id,
            name=sdk.name,
            vendor=sdk.vendor,
            category=sdk.category,
            matched_prefix=max(sorted(prefixes), key=lambda p: prefixes[p]),
            version=(versions or {}).get(sdk_id),
            class_count=sum(prefixes.values()),
            collects=sdk.collects,
            pi_accesses=tuple(accesses_of),
            permissions=tuple(sorted({p for a in accesses_of for p in a.permissions})),
        ))
    return tuple(hits)
