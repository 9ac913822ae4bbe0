"""The facts govgate extracts from one Android package, as frozen dataclasses.

Other domains (the policy cross-checks) and the JSON report read these, so field names are a
contract: add fields, do not rename them. ``to_dict`` gives the JSON view and ``from_dict``
rebuilds the facts from it (the cache stores that JSON).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

logger = logging.getLogger(__name__)

FIRST_PARTY = "first_party"


@dataclass(frozen=True)
class Permission:
    """A ``uses-permission`` (or ``uses-permission-sdk-23``) element."""

    name: str
    max_sdk: int | None = None
    protection: str | None = None  # normal, dangerous, signature, ... (None if unknown)
    pi: tuple[str, ...] = ()  # PI categories from rulesets/data/android-permissions.yaml
    custom: bool = False  # not an Android platform permission
    high_risk: bool = False
    play_restricted: bool = False


@dataclass(frozen=True)
class DefinedPermission:
    """A ``<permission>`` the app itself declares."""

    name: str
    protection: str


@dataclass(frozen=True)
class Component:
    """An activity, activity-alias, service, receiver or provider and its effective export."""

    kind: str
    name: str
    exported: bool
    explicit: bool | None  # the android:exported attribute, None when absent
    reason: str  # why ``exported`` has its value (explicit / intent-filter / default ...)
    permission: str | None = None
    has_intent_filter: bool = False
    read_permission: str | None = None
    write_permission: str | None = None
    actions: tuple[str, ...] = ()  # intent-filter actions
    launcher: bool = False  # MAIN + LAUNCHER entry point (must be exported)


@dataclass(frozen=True)
class NetworkSecurityConfig:
    """The resolved ``android:networkSecurityConfig`` resource."""

    resource: str  # e.g. res/xml/network_security_config.xml
    base_cleartext: bool | None = None  # base-config cleartextTrafficPermitted
    cleartext_domains: tuple[str, ...] = ()  # domain-config entries permitting cleartext
    user_certificates_trusted: bool = False  # base-config trusts user-added CAs
    error: str | None = None


@dataclass(frozen=True)
class AppFlags:
    debuggable: bool = False
    allow_backup: bool = True  # effective value (Android default is true)
    allow_backup_explicit: bool | None = None
    uses_cleartext_traffic: bool | None = None  # the manifest attribute as written
    cleartext_permitted: bool = False  # effective, after the network security config
    cleartext_reason: str = ""
    network_security_config: NetworkSecurityConfig | None = None


@dataclass(frozen=True)
class Certificate:
    subject: str
    issuer: str
    sha256: str
    not_after: str  # ISO 8601
    not_before: str = ""


@dataclass(frozen=True)
class Signing:
    schemes: tuple[str, ...] = ()  # "v1", "v2", "v3", "v3.1"
    certificates: tuple[Certificate, ...] = ()


@dataclass(frozen=True)
class PiAccess:
    """One call site (or content-URI use) that reads personal information."""

    api: str  # android.telephony.TelephonyManager.getDeviceId, or a content:// URI
    pi: str  # PI category key (REGULATIONS.md vocabulary)
    permissions: tuple[str, ...]
    caller_class: str  # dotted: com.example.Foo
    caller_method: str  # name + descriptor: bar(Ljava/lang/String;)V
    dex: str  # classes.dex, classes2.dex, ...
    attribution: str = FIRST_PARTY  # "first_party" or an SDK id
    kind: str = "invoke"  # invoke | content_uri

    @property
    def logical(self) -> str:
        """The smali-style method reference, e.g. ``Lcom/x/Foo;->bar()V``."""
        return f"L{self.caller_class.replace('.', '/')};->{self.caller_method}"


@dataclass(frozen=True)
class SdkHit:
    """A third-party SDK whose classes are present, and what its code was seen reading."""

    id: str
    name: str
    vendor: str
    category: str
    matched_prefix: str
    version: str | None = None
    class_count: int = 0
    collects: tuple[str, ...] = ()  # PI documented for the SDK (data table)
    pi_accesses: tuple[PiAccess, ...] = ()
    permissions: tuple[str, ...] = ()  # permissions guarding the APIs its code calls


@dataclass(frozen=True)
class ApkFacts:
    package: str
    version_name: str | None = None
    version_code: int | None = None
    min_sdk: int | None = None
    target_sdk: int | None = None
    permissions: tuple[Permission, ...] = ()
    defined_permissions: tuple[DefinedPermission, ...] = ()
    components: tuple[Component, ...] = ()
    flags: AppFlags = field(default_factory=AppFlags)
    dex_files: tuple[str, ...] = ()
    multidex: bool = False
    signing: Signing = field(default_factory=Signing)
    pi_accesses: tuple[PiAccess, ...] = ()
    sdks: tuple[SdkHit, ...] = ()
    sha256: str = ""
    size: int = 0
    format: str = "apk"  # apk | aab
    code_scanned: bool = True  # false when the code tier was skipped or ran out of budget
    warnings: tuple[str, ...] = ()

    def permission(self, name: str) -> Permission | None:
        return next((p for p in self.permissions if p.name == name), None)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ApkFacts:
        flags = dict(data.get("flags") or {})
        nsc = flags.get("network_security_config")
        flags["network_security_config"] = _build(NetworkSecurityConfig, nsc) if nsc else None
        signing = dict(data.get("signing") or {})
        signing["certificates"] = tuple(
            _build(Certificate, c) for c in signing.get("certificates", ())
        )
        sdks = tuple(
            _build(SdkHit, {**s, "pi_accesses": tuple(
                _build(PiAccess, a) for a in s.get("pi_accesses", ()))})
            for s in data.get("sdks", ())
        )
        return _build(cls, {
            **data,
            "permissions": tuple(_build(Permission, p) for p in data.get("permissions", ())),
            "defined_permissions": tuple(
                _build(DefinedPermission, p) for p in data.get("defined_permissions", ())
            ),
            "components": tuple(_build(Component, c) for c in data.get("components", ())),
            "flags": _build(AppFlags, flags),
            "signing": _build(Signing, signing),
            "pi_accesses": tuple(_build(PiAccess, a) for a in data.get("pi_accesses", ())),
            "sdks": sdks,
        })


def _build(kind: Any, data: Mapping[str, Any]) -> Any:
    """Instantiate a facts dataclass from its dict, turning JSON lists back into tuples."""
    known = kind.__dataclass_fields__
    values = {k: tuple(v) if isinstance(v, list) else v for k, v in data.items() if k in known}
    return kind(**values)
