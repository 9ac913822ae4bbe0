"""The two package layouts govgate reads: an APK (binary XML manifest at the top, resources
through ``resources.arsc``) and an Android App Bundle (protobuf XML under ``base/manifest/``,
resources as files under ``<module>/res/``, DEX files under ``<module>/dex/``)."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from typing import Any

from scanner.analyzers.apk.archive import ApkArchive, EntryError
from scanner.analyzers.apk.manifest import Manifest, ManifestError, manifest_from_root
from scanner.analyzers.apk.manifest import parse_manifest as parse_axml_manifest
from scanner.analyzers.apk.network import MAX_XML_BYTES, LoadXml, XmlLoadError, axml_loader
from scanner.analyzers.apk.proto_xml import ProtoXmlError, parse_proto_xml
from scanner.analyzers.apk.tables import Tables

logger = logging.getLogger(__name__)

APK_MANIFEST = "AndroidManifest.xml"
AAB_MANIFEST = "base/manifest/AndroidManifest.xml"
APK_DEX = re.compile(r"^classes(\d*)\.dex$")
AAB_DEX = re.compile(r"^([^/]+)/dex/classes(\d*)\.dex$")


class LayoutError(Exception):
    """The archive is neither a readable APK nor a readable App Bundle (message is user-ready)."""


@dataclass(frozen=True)
class Layout:
    format: str  # apk | aab
    manifest_entry: str
    dex_names: tuple[str, ...]


def detect_layout(archive: ApkArchive) -> Layout:
    if archive.has(APK_MANIFEST):
        if archive.names.count(APK_MANIFEST) > 1:
            raise LayoutError(f"duplicate {APK_MANIFEST} entries "
                              "(Android refuses to install such a file)")
        names = [n for n in archive.names if APK_DEX.match(n)]
        return Layout("apk", APK_MANIFEST, tuple(sorted(names, key=_apk_order)))
    if archive.has(AAB_MANIFEST):
        names = [n for n in archive.names if AAB_DEX.match(n)]
        return Layout("aab", AAB_MANIFEST, tuple(sorted(names, key=_aab_order)))
    raise LayoutError(f"no {APK_MANIFEST} in the archive")


def read_manifest(archive: ApkArchive, layout: Layout, tables: Tables, cap: int) -> Manifest:
    try:
        raw = archive.read(layout.manifest_entry, cap)
        if layout.format == "apk":
            return parse_axml_manifest(raw, tables)
        return manifest_from_root(parse_proto_xml(raw), tables)
    except ProtoXmlError as exc:
        raise LayoutError(f"App Bundle manifest {layout.manifest_entry} is not protobuf XML "
                          f"({exc})") from exc
    except (EntryError, ManifestError) as exc:
        raise LayoutError(str(exc)) from exc


def xml_loader(
    archive: ApkArchive, layout: Layout, arsc_cap: int, warnings: list[str]
) -> LoadXml:
    """Resolves a manifest resource reference (``networkSecurityConfig``) to a parsed file."""
    if layout.format == "aab":
        return lambda reference: _load_bundle_xml(archive, reference)

    def load(reference: str) -> tuple[str, Any]:
        arsc = None  # read only when a reference needs resolving
        if archive.has("resources.arsc"):
            try:
                arsc = archive.read("resources.arsc", arsc_cap)
            except EntryError as exc:
                warnings.append(str(exc))
        return axml_loader(archive.read, arsc)(reference)

    return load


# Limitation: in a bundle only ``@xml/`` references into the base module are resolved (the
# protobuf resource table is not read); other references leave the config unknown, with a warning.
def _load_bundle_xml(archive: ApkArchive, reference: str) -> tuple[str, Any]:
    """``@xml/name`` is ``base/res/xml/name.xml`` in a bundle's base module."""
    if not reference.startswith("@xml/"):
        raise XmlLoadError(reference, "resource cannot be resolved")
    path = f"base/res/xml/{reference.removeprefix('@xml/')}.xml"
    try:
        return path, parse_proto_xml(archive.read(path, MAX_XML_BYTES))
    except (KeyError, EntryError, ProtoXmlError) as exc:
        raise XmlLoadError(path, f"cannot be read: {exc}") from exc


def _apk_order(name: str) -> int:
    match = APK_DEX.match(name)
    digits = match.group(1) if match else ""
    return int(digits) if digits else 1


def _aab_order(name: str) -> tuple[bool, str, int]:
    match = AAB_DEX.match(name)
    module, digits = (match.group(1), match.group(2)) if match else ("", "")
    return module != "base", module, int(digits) if digits else 1
