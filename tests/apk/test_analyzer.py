"""The analyzer end to end: registry entry, process pool, problems per APK, and the facts cache."""

from __future__ import annotations

import json
import time
from pathlib import Path

from scanner.analyzers.apk import ApkAnalyzer
from scanner.analyzers.apk.cache import tables_digest
from scanner.analyzers.base import AnalysisContext
from scanner.analyzers.registry import analyzer_for
from scanner.models import AnalysisProblem, Artifact

from .conftest import BAD, FIXTURES

APKS = ("tracker-app.apk", "clean-app.apk", "multidex-app.apk")


def _artifacts(*paths: Path) -> list[Artifact]:
    return [Artifact(path=p, rel=p.name, domain="apk") for p in paths]


def test_registry_row() -> None:
    assert isinstance(analyzer_for("apk"), ApkAnalyzer)


def test_pool_keeps_order_and_isolates_a_bad_apk(tmp_path: Path) -> None:
    artifacts = _artifacts(*(FIXTURES / n for n in APKS), BAD / "not-a-zip.apk")
    results = ApkAnalyzer().analyze(artifacts, AnalysisContext(root=FIXTURES, workers=2))
    assert [(r.artifact.rel, r.facts.package if r.facts else None) for r in results] == [
        ("tracker-app.apk", "com.example.tracker"), ("clean-app.apk", "com.example.clean"),
        ("multidex-app.apk", "com.example.multidex"), ("not-a-zip.apk", None)]
    assert results[3].problems == (
        AnalysisProblem("not-a-zip.apk", "not a readable zip archive: File is not a zip file"),)
    assert all(r.problems == () for r in results[:3])


def test_cache_by_sha256(tmp_path: Path) -> None:
    artifacts = _artifacts(FIXTURES / "tracker-app.apk")
    context = AnalysisContext(root=FIXTURES, cache_dir=tmp_path)
    (first,) = ApkAnalyzer().analyze(artifacts, context)
    assert first.facts is not None
    entry = tmp_path / "apk" / f"{first.facts.sha256}.{tables_digest()}.json"
    assert json.loads(entry.read_text())["package"] == "com.example.tracker"

    started = time.perf_counter()
    (second,) = ApkAnalyzer().analyze(artifacts, context)
    assert time.perf_counter() - started < 0.3
    assert second.facts == first.facts


def test_corrupt_cache_entry_is_recomputed(tmp_path: Path) -> None:
    artifacts = _artifacts(FIXTURES / "clean-app.apk")
    context = AnalysisContext(root=FIXTURES, cache_dir=tmp_path)
    (first,) = ApkAnalyzer().analyze(artifacts, context)
    assert first.facts is not None
    for entry in (tmp_path / "apk").iterdir():
        entry.write_text("{not json")
    (second,) = ApkAnalyzer().analyze(artifacts, context)
    assert second.facts == first.facts


def test_facts_json_view() -> None:
    (result,) = ApkAnalyzer().analyze(_artifacts(FIXTURES / "multidex-app.apk"),
                                      AnalysisContext(root=FIXTURES))
    assert result.facts is not None
    data = json.loads(json.dumps(result.facts.to_dict()))
    assert data["dex_files"] == ["classes.dex", "classes2.dex"]
    assert data["pi_accesses"] == [{
        "api": "android.content.ClipboardManager.getPrimaryClip", "pi": "clipboard",
        "permissions": [], "caller_class": "com.example.multidex.ClipReader",
        "caller_method": "read(Landroid/content/Context;)Ljava/lang/CharSequence;",
        "dex": "classes2.dex", "attribution": "first_party", "kind": "invoke"}]
