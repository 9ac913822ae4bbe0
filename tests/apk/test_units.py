"""Building blocks with positive/negative tables: effective export, SDK prefix boundaries, DEX
reading (instruction lengths, static constants), archive caps and the time budget."""

from __future__ import annotations

import struct
import tempfile
import zipfile
from pathlib import Path

import pytest

from scanner.analyzers.apk.archive import ApkArchive, EntryError
from scanner.analyzers.apk.code import _units
from scanner.analyzers.apk.dex import Dex, DexError
from scanner.analyzers.apk.extract import Budget, extract
from scanner.analyzers.apk.manifest import _effective_export, _protection, qualify
from scanner.analyzers.apk.tables import SdkSignature, Tables, load_tables

from .conftest import FIXTURES


@pytest.mark.parametrize(("kind", "explicit", "has_filter", "target", "expected"), [
    ("activity", True, False, 34, (True, "explicit")),
    ("activity", False, True, 28, (False, "explicit")),
    ("activity", None, True, 30, (True, "intent-filter")),
    ("activity", None, True, 31, (False, "intent-filter-without-exported-target-ge-31")),
    ("service", None, False, 21, (False, "default")),
    ("receiver", None, True, None, (True, "intent-filter")),
    ("provider", None, False, 16, (True, "provider-default-target-le-16")),
    ("provider", None, False, 17, (False, "provider-default")),
    ("provider", True, False, 34, (True, "explicit")),
])
def test_effective_export(kind: str, explicit: bool | None, has_filter: bool,
                          target: int | None, expected: tuple[bool, str]) -> None:
    assert _effective_export(kind, explicit, has_filter, target) == expected


@pytest.mark.parametrize(("name", "expected"), [
    (".Main", "com.x.Main"), ("Main", "com.x.Main"), ("org.y.Main", "org.y.Main"), ("", ""),
])
def test_qualify_component_names(name: str, expected: str) -> None:
    assert qualify(name, "com.x") == expected


@pytest.mark.parametrize(("level", "expected"), [
    ("0x00000002", "signature"), ("0x00000012", "signature"), ("0x1", "dangerous"),
    (None, "normal"), ("signature", "signature"),
])
def test_protection_levels(level: str | None, expected: str) -> None:
    assert _protection(level) == expected


def _tables(*prefixes: str) -> Tables:
    sdk = SdkSignature("dv", "DV", "DV Inc", "ads", prefixes, ("device_id",), "test")
    base = load_tables()
    return Tables(base.methods, base.fields, base.uris, base.permissions, (sdk,),
                  {p: sdk for p in prefixes})


@pytest.mark.parametrize(("class_name", "app", "expected"), [
    ("com.dv.Tracker", "", "com.dv"),
    ("com.dv.ads.inner.Tracker", "", "com.dv"),
    ("com.dvx.Tracker", "", None),           # not at a package boundary
    ("com.Tracker", "", None),
    ("com.dv.adm.Main", "com.dv.adm", None),  # the app's own package is first-party
    ("com.dv.ads.Tracker", "com.dv.adm", "com.dv"),
])
def test_sdk_prefix_boundaries(class_name: str, app: str, expected: str | None) -> None:
    match = _tables("com.dv").sdk_for(class_name, app)
    assert (match[1] if match else None) == expected


def test_longest_prefix_wins() -> None:
    tables = load_tables()
    assert tables.sdk_for("cn.jpush.android.api.JPushInterface")[0].id == "jpush"  # type: ignore[index]
    assert tables.sdk_for("com.umeng.analytics.MobclickAgent")[0].id == "umeng-analytics"  # type: ignore[index]


@pytest.mark.parametrize(("code", "units"), [
    (bytes([0x6E, 0x20, 0x05, 0x00, 0x10, 0x00]), 3),          # invoke-virtual (35c)
    (bytes([0x0E, 0x00]), 1),                                   # return-void
    (bytes([0x18, 0x00]) + bytes(8), 5),                        # const-wide (51l)
    (b"\x00\x01" + struct.pack("<H", 3) + bytes(16), 4 + 6),    # packed-switch payload
    (b"\x00\x02" + struct.pack("<H", 2) + bytes(16), 2 + 8),    # sparse-switch payload
    (b"\x00\x03" + struct.pack("<HI", 4, 3) + bytes(12), 4 + 6),  # fill-array-data payload
])
def test_instruction_lengths(code: bytes, units: int) -> None:
    assert _units(code, 0) == units


def test_dex_rejects_bad_headers() -> None:
    with pytest.raises(DexError, match="bad magic"):
        Dex(b"not a dex" * 20)
    header = bytearray(b"dex\n035\x00" + bytes(104))
    struct.pack_into("<II", header, 56, 10, 10_000)  # string_ids far past the end
    with pytest.raises(DexError, match="string_ids table lies outside the file"):
        Dex(bytes(header))


def test_static_string_constant(shared_apk) -> None:  # type: ignore[no-untyped-def]
    with zipfile.ZipFile(shared_apk("com.test.intent_filter.apk")) as apk:
        dex = Dex(apk.read("classes.dex"))
    build = "Lcom/test/intent_filter/BuildConfig;"
    assert dex.static_string(build, "APPLICATION_ID") == "com.test.intent_filter"
    assert dex.static_string(build, "VERSION_NAME") == "1.0"
    assert dex.static_string(build, "NO_SUCH_FIELD") is None
    assert dex.static_string("Lno/such/Class;", "X") is None


def test_archive_caps_a_lying_entry(tmp_path: Path) -> None:
    path = tmp_path / "a.apk"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        out.writestr("big.bin", bytes(100_000))
        out.writestr("ok.bin", b"hello")
    with ApkArchive(path) as archive:
        assert archive.read("ok.bin", 10) == b"hello"
        with pytest.raises(EntryError, match="exceeds the 1000-byte cap"):
            archive.read("big.bin", 1000)
        with pytest.raises(EntryError, match="compression ratio above 200"):
            archive.read("big.bin", 1_000_000)


def test_time_budget_gives_partial_facts() -> None:
    facts = extract(FIXTURES / "tracker-app.apk", "x", load_tables(), Budget(seconds=-1))
    assert (facts.code_scanned, facts.pi_accesses, facts.sdks) == (False, (), ())
    assert facts.warnings == (
        "time budget of -1s exhausted before classes.dex; code facts are partial",)
    assert facts.package == "com.example.tracker"


def test_no_temp_files_from_a_scan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    extract(FIXTURES / "clean-app.apk", "x", load_tables(), Budget())
    assert list(tmp_path.iterdir()) == []
