"""Application flags, and the network security config resolved through the resource table.

``android:networkSecurityConfig`` is a resource reference (``@7F120000``); androguard's
resource-table parser maps it to the XML file (``res/xml/...``), which is binary XML again.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from typing import Any

from scanner.analyzers.apk.facts import AppFlags, NetworkSecurityConfig
from scanner.analyzers.apk.manifest import bool_attr

logger = logging.getLogger(__name__)

MAX_XML_BYTES = 1 << 20
CLEARTEXT = "cleartextTrafficPermitted"

# Resolves a resource reference to (entry path, parsed root element); raises on failure.
LoadXml = Callable[[str], tuple[str, Any]]


def app_flags(
    application: Mapping[str, str], target_sdk: int | None, load_xml: LoadXml
) -> AppFlags:
    """The effective flags of ``<application>``; ``load_xml`` reads the referenced config."""
    allow_backup = bool_attr(application, "allowBackup")
    manifest_cleartext = bool_attr(application, "usesCleartextTraffic")
    reference = application.get("networkSecurityConfig")
    nsc = _network_config(reference, load_xml) if reference else None
    permitted, reason = _cleartext(manifest_cleartext, nsc, target_sdk)

    return AppFlags(
        debuggable=bool_attr(application, "debuggable") is True,
        allow_backup=allow_backup is not False,
        allow_backup_explicit=allow_backup,
        uses_cleartext_traffic=manifest_cleartext,
        cleartext_permitted=permitted,
        cleartext_reason=reason,
        network_security_config=nsc,
    )


def _cleartext(
    manifest: bool | None, nsc: NetworkSecurityConfig | None, target_sdk: int | None
) -> tuple[bool, str]:
    """From Android 7 a network security config replaces the manifest attribute."""
    default = (target_sdk or 1) < 28
    default_reason = f"default for targetSdk {target_sdk} ({'< 28' if default else '>= 28'})"
    if nsc is not None and nsc.error is None:
        if nsc.base_cleartext is not None:
            return nsc.base_cleartext, "network-security-config base-config"
        return default, f"network-security-config {default_reason}"
    if manifest is not None:
        return manifest, "usesCleartextTraffic attribute"
    return default, f"platform {default_reason}"


class XmlLoadError(Exception):
    """A referenced XML resource that cannot be resolved or read."""

    def __init__(self, resource: str, message: str) -> None:
        super().__init__(message)
        self.resource = resource
        self.message = message


def _network_config(reference: str, load_xml: LoadXml) -> NetworkSecurityConfig:
    try:
        path, root = load_xml(reference)
    except XmlLoadError as exc:
        return NetworkSecurityConfig(resource=exc.resource, error=exc.message)

    base = root.find("base-config")
    domains: list[str] = []
    for config in root.iter("domain-config"):
        if _flag(config.get(CLEARTEXT)) is True:
            domains.extend((d.text or "").strip() for d in config.iter("domain"))
    user_trusted = base is not None and any(
        c.get("src") == "user" for c in base.iter("certificates")
    )
    return NetworkSecurityConfig(
        resource=path,
        base_cleartext=_flag(base.get(CLEARTEXT)) if base is not None else None,
        cleartext_domains=tuple(sorted(d for d in domains if d)),
        user_certificates_trusted=user_trusted,
    )


def axml_loader(read: Callable[[str, int], bytes], arsc: bytes | None) -> LoadXml:
    """Loads a referenced XML file of an APK: resource table lookup, then binary XML."""

    def load(reference: str) -> tuple[str, Any]:
        path = _resolve(reference, arsc)
        if path is None:
            raise XmlLoadError(reference, "resource cannot be resolved")
        from androguard.core.axml import AXMLPrinter

        try:
            root = AXMLPrinter(read(path, MAX_XML_BYTES)).get_xml_obj()
        except Exception as exc:  # missing entry, over the cap, malformed chunks
            raise XmlLoadError(path, f"cannot be read: {exc}") from exc
        if root is None:
            raise XmlLoadError(path, "cannot be read: not binary XML")
        return path, root

    return load


def _resolve(reference: str, arsc: bytes | None) -> str | None:
    if reference.startswith("res/"):
        return reference
    if not reference.startswith("@") or arsc is None:
        return None
    try:
        from androguard.core.axml import ARSCParser

        resolved = ARSCParser(arsc).get_resolved_res_configs(int(reference[1:], 16))
    except Exception:  # a bad resource table only costs us this one resolution
        logger.debug("cannot resolve %s", reference, exc_info=True)
        return None
    values = [value for _, value in resolved if isinstance(value, str)]
    return values[0] if values else None


def _flag(text: str | None) -> bool | None:
    return {"true": True, "false": False}.get((text or "").lower())
