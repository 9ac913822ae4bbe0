"""The APK data tables (API map, permission table, SDK signatures) loaded from ``rulesets/data``.

Each table is validated against its JSON Schema once per process; the analyzer and the
evaluators share the cached result.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from scanner.catalog.tables import data_table

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class TrackedMember:
    """A framework method or static field that reads personal information."""

    cls: str  # dotted, nested classes with '$'
    member: str
    pi: str
    permissions: tuple[str, ...]

    @property
    def descriptor(self) -> str:
        return "L" + self.cls.replace(".", "/") + ";"

    @property
    def api(self) -> str:
        return f"{self.cls}.{self.member}"


@dataclass(frozen=True)
class TrackedUri:
    uri: str
    pi: str
    permissions: tuple[str, ...]


@dataclass(frozen=True)
class PermissionInfo:
    name: str
    protection: str
    pi: str | None
    high_risk: bool
    play_restricted: bool
    play_policy: str | None = None
    low_relevance: bool = False


@dataclass(frozen=True)
class SdkSignature:
    id: str
    name: str
    vendor: str
    category: str
    prefixes: tuple[str, ...]
    collects: tuple[str, ...]
    source: str
    version_hint: str | None = None


@dataclass(frozen=True)
class Tables:
    methods: tuple[TrackedMember, ...]
    fields: tuple[TrackedMember, ...]
    uris: tuple[TrackedUri, ...]
    permissions: Mapping[str, PermissionInfo]
    sdks: tuple[SdkSignature, ...]
    prefixes: Mapping[str, SdkSignature]

    def sdk_for(self, class_name: str, app_package: str = "") -> tuple[SdkSignature, str] | None:
        """The SDK owning a dotted class name: the longest prefix at a package boundary.

        Classes inside the app's own package are first-party even when an SDK prefix is a
        parent of it (an app ``com.dv.adm`` is not the SDK ``com.dv``).
        """
        package = class_name.rpartition(".")[0]
        while package:
            if package == app_package:
                return None
            sdk = self.prefixes.get(package)
            if sdk is not None:
                return sdk, package
            package = package.rpartition(".")[0]
        return None


@cache
def load_tables() -> Tables:
    apis = _load("android-apis")
    permissions = _load("android-permissions")
    sdk_data = _load("sdks")

    sdks = tuple(_sdk(item) for item in sdk_data["sdks"])
    prefixes: dict[str, SdkSignature] = {}
    for sdk in sdks:
        for prefix in sdk.prefixes:
            prefixes.setdefault(prefix, sdk)

    return Tables(
        methods=tuple(_member(item, "method") for item in apis["apis"]),
        fields=tuple(_member(item, "field") for item in apis.get("fields", ())),
        uris=tuple(
            sorted((TrackedUri(u["uri"], u["pi"], tuple(u["permissions"]))
                    for u in apis["content_uris"]), key=lambda u: -len(u.uri))
        ),
        permissions={p["name"]: _permission(p) for p in permissions["permissions"]},
        sdks=sdks,
        prefixes=prefixes,
    )


def _load(name: str) -> Any:
    return data_table(f"{name}.yaml")


def _member(item: Mapping[str, Any], key: str) -> TrackedMember:
    return TrackedMember(item["class"], item[key], item["pi"], tuple(item["permissions"]))


def _permission(item: Mapping[str, Any]) -> PermissionInfo:
    return PermissionInfo(
        name=item["name"],
        protection=item["protection"],
        pi=item["pi"],
        high_risk=item["high_risk"],
        play_restricted=item["play_restricted"],
        play_policy=item.get("play_policy"),
        low_relevance=item.get("low_relevance", False),
    )


def _sdk(item: Mapping[str, Any]) -> SdkSignature:
    return SdkSignature(
        id=item["id"],
        name=item["name"],
        vendor=item["vendor"],
        category=item["category"],
        prefixes=tuple(item["prefixes"]),
        collects=tuple(item["collects"]),
        source=item["source"],
        version_hint=item.get("version_hint"),
    )
