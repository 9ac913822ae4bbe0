"""The malformed-input corpus: each file ends as an exact error or partial facts with exact
warnings, never an exception, and nothing is written anywhere."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from scanner.analyzers.apk import ApkAnalyzer
from scanner.analyzers.base import AnalysisContext
from scanner.models import Artifact

from .conftest import BAD, analyzed

AAB = ("App Bundle manifest base/manifest/AndroidManifest.xml is not protobuf XML "
       "(protobuf field runs past the end)")
NOT_ZIP = "not a readable zip archive: File is not a zip file"
NSC_MISSING = ("networkSecurityConfig res/xml/network_security_config.xml: cannot be read: "
               "\"There is no item named 'res/xml/network_security_config.xml' in the archive\"")
NSC_UNRESOLVED = "networkSecurityConfig @7F020000: resource cannot be resolved"

ERRORS = {
    "empty.apk": NOT_ZIP,
    "not-a-zip.apk": NOT_ZIP,
    "truncated.apk": NOT_ZIP,
    "empty-zip.apk": "no AndroidManifest.xml in the archive",
    "encrypted-all.apk": "AndroidManifest.xml: entry is encrypted",
    "duplicate-entries.apk":
        "duplicate AndroidManifest.xml entries (Android refuses to install such a file)",
    "manifest-not-axml.apk": "AndroidManifest.xml is not binary XML (AXML)",
    "manifest-broken-axml.apk": "AndroidManifest.xml is malformed (no <manifest> root)",
    "app-bundle.aab": AAB,
    "bundle-named-apk.apk": AAB,
}

PARTIAL = {
    "zip-bomb-declared.apk": (NSC_UNRESOLVED,
                              "classes.dex: skipped: classes.dex: 4294967280 bytes exceeds the "
                              "268435456-byte cap"),
    "zip-bomb-ratio.apk": (NSC_UNRESOLVED,
                           "classes.dex: skipped: classes.dex: compression ratio above 200 "
                           "(zip bomb?)"),
    "bogus-dex.apk": (NSC_MISSING,
                      "classes.dex: skipped: string_ids table lies outside the file",
                      "classes2.dex: skipped: not a DEX file (bad magic)"),
    "encrypted-entry.apk": ("encrypted zip entries (not read): ['classes.dex']", NSC_MISSING,
                            "classes.dex: skipped: classes.dex: entry is encrypted"),
}


@pytest.mark.parametrize("name", sorted(ERRORS))
def test_unreadable_inputs_are_errors(name: str) -> None:
    assert analyzed(BAD / name) == (None, ERRORS[name])


@pytest.mark.parametrize("name", sorted(PARTIAL))
def test_damaged_parts_give_partial_facts(name: str) -> None:
    facts, error = analyzed(BAD / name)
    assert error is None and facts is not None
    assert facts.package == "com.example.clean"
    assert facts.warnings == PARTIAL[name]
    assert not facts.code_scanned and facts.pi_accesses == ()


def test_path_traversal_names_are_reported_and_ignored() -> None:
    facts, error = analyzed(BAD / "path-traversal.apk")
    assert error is None and facts is not None
    assert facts.warnings == (
        "entries with unsafe path names (ignored): ['../../evil.txt', "
        "'/tmp/govgate-absolute.txt', 'assets/../../../outside.txt', 'C:\\\\windows\\\\evil.txt']",
        NSC_MISSING,
    )
    assert [a.api for a in facts.pi_accesses] == [
        "android.hardware.camera2.CameraManager.openCamera"]
    assert not Path("/tmp/govgate-absolute.txt").exists()


def test_whole_corpus_through_the_pool_writes_nothing(tmp_path: Path) -> None:
    """Every bad file through the analyzer (2 workers): one result each, problems not raises."""
    cwd_before = sorted(os.listdir(BAD.parent))
    artifacts = [Artifact(path=p, rel=f"bad/{p.name}", domain="apk") for p in sorted(BAD.iterdir())]
    context = AnalysisContext(root=BAD.parent, workers=2, cache_dir=tmp_path / "cache")
    results = ApkAnalyzer().analyze(artifacts, context)

    assert [r.artifact.rel for r in results] == [a.rel for a in artifacts]
    errors = {r.artifact.rel.removeprefix("bad/") for r in results if r.facts is None}
    assert errors == set(ERRORS)
    partial = {r.artifact.rel.removeprefix("bad/") for r in results
               if r.facts is not None and all(p.partial for p in r.problems) and r.problems}
    assert partial == set(PARTIAL) | {"path-traversal.apk"}
    assert sorted(os.listdir(BAD.parent)) == cwd_before
    assert sorted(p.name for p in (tmp_path / "cache" / "apk").iterdir()) == sorted(
        p.name for p in (tmp_path / "cache" / "apk").glob("*.json"))
