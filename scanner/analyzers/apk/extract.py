"""Facts of one APK (or App Bundle), in tiers: manifest and flags, then class names (SDKs), then
targeted cross-references of the tracked APIs, each DEX read once and dropped before the next.

Problems with one part (a bogus DEX, an unreadable signature) become warnings on partial facts;
only an unreadable archive or manifest fails the whole APK.
"""

from __future__ import annotations

import logging
import struct
import time
from dataclasses import dataclass, field
from pathlib import Path

from scanner.analyzers.apk.archive import ApkArchive, ArchiveError, EntryError
from scanner.analyzers.apk.code import CallSite, find_call_sites
from scanner.analyzers.apk.dex import Dex, DexError
from scanner.analyzers.apk.facts import ApkFacts, PiAccess
from scanner.analyzers.apk.layout import LayoutError, detect_layout, read_manifest, xml_loader
from scanner.analyzers.apk.network import app_flags
from scanner.analyzers.apk.sdks import attribute, detect_sdks
from scanner.analyzers.apk.signing import signing_facts
from scanner.analyzers.apk.tables import Tables, TrackedUri

logger = logging.getLogger(__name__)



class ApkError(Exception):
    """The APK cannot be analyzed at all (message is user-ready)."""


@dataclass(frozen=True)
class Budget:
    """Per-APK limits: bytes read per entry, and wall-clock seconds for the code tier."""

    manifest_bytes: int = 4 << 20
    arsc_bytes: int = 64 << 20
    dex_bytes: int = 256 << 20
    seconds: float = 300.0


def extract(path: Path, sha256: str, tables: Tables, budget: Budget) -> ApkFacts:
    try:
        archive = ApkArchive(path)
    except ArchiveError as exc:
        raise ApkError(str(exc)) from exc
    with archive:
        return _extract(archive, path, sha256, tables, budget)


def _extract(
    archive: ApkArchive, path: Path, sha256: str, tables: Tables, budget: Budget
) -> ApkFacts:
    started = time.monotonic()
    warnings = list(archive.warnings)
    try:
        layout = detect_layout(archive)
        manifest = read_manifest(archive, layout, tables, budget.manifest_bytes)
    except LayoutError as exc:
        raise ApkError(str(exc)) from exc

    load_xml = xml_loader(archive, layout, budget.arsc_bytes, warnings)
    flags = app_flags(manifest.application, manifest.target_sdk, load_xml)
    del load_xml
    if flags.network_security_config and flags.network_security_config.error:
        warnings.append(f"networkSecurityConfig {flags.network_security_config.resource}: "
                        f"{flags.network_security_config.error}")

    dex_names = list(layout.dex_names)
    code = _scan_code(archive, dex_names, tables, budget, started, warnings, manifest.package)
    signing, signing_warnings = signing_facts(archive)
    warnings.extend(signing_warnings)

    return ApkFacts(
        package=manifest.package,
        version_name=manifest.version_name,
        version_code=manifest.version_code,
        min_sdk=manifest.min_sdk,
        target_sdk=manifest.target_sdk,
        permissions=manifest.permissions,
        defined_permissions=manifest.defined_permissions,
        components=manifest.components,
        flags=flags,
        dex_files=tuple(dex_names),
        multidex=len(dex_names) > 1,
        signing=signing,
        pi_accesses=tuple(code.accesses),
        sdks=detect_sdks(code.classes, code.accesses, tables, code.versions, manifest.package),
        sha256=sha256,
        size=path.stat().st_size,
        format=layout.format,
        code_scanned=code.complete,
        warnings=tuple(warnings),
    )


@dataclass
class CodeFacts:
    classes: list[str] = field(default_factory=list)
    accesses: list[PiAccess] = field(default_factory=list)
    versions: dict[str, str] = field(default_factory=dict)  # SDK id -> version string
    complete: bool = True


# Limitation: the time budget is checked between DEX files, so one very large DEX can overrun
# it; the per-entry byte cap (apk.limits.dex_mb) bounds that case instead.
def _scan_code(
    archive: ApkArchive, dex_names: list[str], tables: Tables, budget: Budget,
    started: float, warnings: list[str], app_package: str,
) -> CodeFacts:
    """Class names, PI accesses and SDK versions over every DEX; stops (partial) when the
    budget runs out."""
    code = CodeFacts()
    for name in dex_names:
        if time.monotonic() - started > budget.seconds:
            warnings.append(f"time budget of {budget.seconds:g}s exhausted before {name}; "
                            "code facts are partial")
            code.complete = False
            return code
        try:
            dex = Dex(archive.read(name, budget.dex_bytes))
            names = [_dotted(d) for d in dex.class_names()]
            sites = find_call_sites(dex, tables)
            code.versions.update(_versions(dex, tables, code.versions))
        except (EntryError, DexError, struct.error, IndexError, ValueError) as exc:
            warnings.append(f"{name}: skipped: {exc}")
            code.complete = False
            continue
        code.classes.extend(names)
        code.accesses.extend(_access(site, name, tables, app_package) for site in sites)
        del dex
    return code


def _versions(dex: Dex, tables: Tables, known: dict[str, str]) -> dict[str, str]:
    """SDK versions read from the constant named by each SDK's ``version_hint``."""
    found: dict[str, str] = {}
    for sdk in tables.sdks:
        if sdk.version_hint is None or sdk.id in known:
            continue
        class_name, _, field_name = sdk.version_hint.partition("#")
        value = dex.static_string("L" + class_name.replace(".", "/") + ";", field_name)
        if value:
            found[sdk.id] = value
    return found


def _access(site: CallSite, dex_name: str, tables: Tables, app_package: str) -> PiAccess:
    caller = _dotted(site.caller_class)
    target = site.target
    api = target.uri if isinstance(target, TrackedUri) else target.api
    return PiAccess(
        api=api,
        pi=target.pi,
        permissions=target.permissions,
        caller_class=caller,
        caller_method=site.caller_method,
        dex=dex_name,
        attribution=attribute(caller, tables, app_package),
        kind=site.kind,
    )


def _dotted(descriptor: str) -> str:
    """``Lcom/x/Foo;`` to ``com.x.Foo``."""
    return descriptor[1:-1].replace("/", ".") if descriptor.startswith("L") else descriptor
