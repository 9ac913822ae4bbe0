"""Facts from the binary ``AndroidManifest.xml``: identity, SDK levels, permissions, components
and application flags (with the effective ``exported`` state computed per Android's rules)."""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from scanner.analyzers.apk.facts import Component, DefinedPermission, Permission
from scanner.analyzers.apk.tables import Tables

logger = logging.getLogger(__name__)

ANDROID = "{http://schemas.android.com/apk/res/android}"
COMPONENT_TAGS = ("activity", "activity-alias", "service", "receiver", "provider")
MAIN = "android.intent.action.MAIN"
LAUNCHER = "android.intent.category.LAUNCHER"
PROTECTION_BASES = {0: "normal", 1: "dangerous", 2: "signature", 3: "signatureOrSystem",
                    4: "internal"}
PERMISSION_TAGS = ("uses-permission", "uses-permission-sdk-23", "uses-permission-sdk-m")


class ManifestError(Exception):
    """The manifest is missing, not binary XML, or has no usable root."""


@dataclass(frozen=True)
class Manifest:
    package: str
    version_name: str | None
    version_code: int | None
    min_sdk: int | None
    target_sdk: int | None
    permissions: tuple[Permission, ...]
    defined_permissions: tuple[DefinedPermission, ...]
    components: tuple[Component, ...]
    application: Mapping[str, str]  # android:* attributes of <application>, without prefix


def parse_manifest(raw: bytes, tables: Tables) -> Manifest:
    """Facts of a binary (AXML) manifest."""
    return manifest_from_root(_xml_root(raw), tables)


def manifest_from_root(root: Any, tables: Tables) -> Manifest:
    """Facts of a manifest already parsed into an element tree (AXML or protobuf XML)."""
    if root.tag != "manifest":
        raise ManifestError("AndroidManifest.xml is malformed (no <manifest> root)")
    package = root.get("package") or ""
    uses_sdk = root.find("uses-sdk")
    sdk_attrs = _android_attrs(uses_sdk) if uses_sdk is not None else {}
    min_sdk = _int(sdk_attrs.get("minSdkVersion"))
    target_sdk = _int(sdk_attrs.get("targetSdkVersion")) or min_sdk
    application = root.find("application")
    app_attrs = _android_attrs(application) if application is not None else {}

    components: list[Component] = []
    if application is not None:
        for element in application:
            if element.tag in COMPONENT_TAGS:
                components.append(_component(element, package, target_sdk))

    attrs = _android_attrs(root)
    return Manifest(
        package=package,
        version_name=attrs.get("versionName"),
        version_code=_int(attrs.get("versionCode")),
        min_sdk=min_sdk,
        target_sdk=target_sdk,
        permissions=_permissions(root, tables),
        defined_permissions=tuple(
            DefinedPermission(a.get("name", ""), _protection(a.get("protectionLevel")))
            for a in map(_android_attrs, root.findall("permission"))
        ),
        components=tuple(components),
        application=app_attrs,
    )


def _xml_root(raw: bytes) -> Any:
    from androguard.core.axml import AXMLPrinter

    if not raw.startswith((b"\x03\x00\x08\x00", b"\x00\x00\x08\x00")):
        raise ManifestError("AndroidManifest.xml is not binary XML (AXML)")
    try:
        printer = AXMLPrinter(raw)
        root = printer.get_xml_obj()
    except Exception as exc:  # androguard raises assorted errors on malformed chunks
        raise ManifestError(f"AndroidManifest.xml is malformed: {exc}") from exc
    if root is None or not printer.is_valid() or root.tag != "manifest":
        raise ManifestError("AndroidManifest.xml is malformed (no <manifest> root)")
    return root


def _permissions(root: Any, tables: Tables) -> tuple[Permission, ...]:
    seen: dict[str, Permission] = {}
    for element in root:
        if element.tag not in PERMISSION_TAGS:
            continue
        attrs = _android_attrs(element)
        name = attrs.get("name")
        if not name or name in seen:
            continue
        info = tables.permissions.get(name)
        seen[name] = Permission(
            name=name,
            max_sdk=_int(attrs.get("maxSdkVersion")),
            protection=info.protection if info else None,
            pi=(info.pi,) if info and info.pi else (),
            custom=not name.startswith(("android.permission.", "com.android.")),
            high_risk=bool(info and info.high_risk),
            play_restricted=bool(info and info.play_restricted),
        )
    return tuple(seen.values())


def _protection(level: str | None) -> str:
    """``protectionLevel`` as its base name; binary manifests store it as flags (0x00000002)."""
    value = _int(level)
    if value is None:
        return level or "normal"
    return PROTECTION_BASES.get(value & 0xF, f"0x{value:x}")


def _component(element: Any, package: str, target_sdk: int | None) -> Component:
    attrs = _android_attrs(element)
    explicit = _bool(attrs.get("exported"))
    has_filter = element.find("intent-filter") is not None
    exported, reason = _effective_export(element.tag, explicit, has_filter, target_sdk)
    actions = sorted({a for f in element.iter("intent-filter") for a in _names(f, "action")})
    categories = {c for f in element.iter("intent-filter") for c in _names(f, "category")}
    return Component(
        kind=element.tag,
        name=qualify(attrs.get("name", ""), package),
        exported=exported,
        explicit=explicit,
        reason=reason,
        permission=attrs.get("permission"),
        has_intent_filter=has_filter,
        read_permission=attrs.get("readPermission"),
        write_permission=attrs.get("writePermission"),
        actions=tuple(actions),
        launcher=MAIN in actions and LAUNCHER in categories,
    )


def _names(intent_filter: Any, tag: str) -> list[str]:
    return [_android_attrs(e).get("name", "") for e in intent_filter.findall(tag)]


def _effective_export(
    kind: str, explicit: bool | None, has_filter: bool, target_sdk: int | None
) -> tuple[bool, str]:
    """Android's rule: the attribute wins; else filters export (targetSdk < 31 only — from 31
    a filter without the attribute fails to install); providers default-export at <= 16."""
    if explicit is not None:
        return explicit, "explicit"
    target = target_sdk or 1
    if kind == "provider":
        if target <= 16:
            return True, "provider-default-target-le-16"
        return False, "provider-default"
    if has_filter:
        if target < 31:
            return True, "intent-filter"
        return False, "intent-filter-without-exported-target-ge-31"
    return False, "default"


def qualify(name: str, package: str) -> str:
    """A component name as a full class name (``.Main`` and ``Main`` are package-relative)."""
    if name.startswith("."):
        return package + name
    if name and "." not in name:
        return f"{package}.{name}"
    return name


def _android_attrs(element: Any) -> dict[str, str]:
    return {k[len(ANDROID):]: v for k, v in element.attrib.items() if k.startswith(ANDROID)}


def _parse(convert: Callable[[str], Any], text: str | None) -> Any:
    if text is None:
        return None
    try:
        return convert(text)
    except ValueError:
        return None


def _int(text: str | None) -> int | None:
    value: int | None = _parse(
        lambda t: int(t, 16) if t.lower().startswith("0x") else int(t), text
    )
    return value


def _bool(text: str | None) -> bool | None:
    return {"true": True, "false": False}.get((text or "").lower())


def bool_attr(attrs: Mapping[str, str], name: str) -> bool | None:
    return _bool(attrs.get(name))
