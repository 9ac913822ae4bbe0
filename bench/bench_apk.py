"""Benchmark: govgate's tiered APK analysis against androguard's full ``AnalyzeAPK`` plus a
naive cross-reference walk over the same tracked APIs.

Usage: python bench/bench_apk.py [--peer-max-mb N] [APK ...]

Default inputs: a small and the largest APK in ../shared/testdata/apk, a synthetic 24 MB
multidex APK (16,000 generated classes in 7 DEX files) and a synthetic 100 MB one (40,000
classes), both made by bench/make_big_apk.py in the temp dir and never committed. androguard
is skipped above --peer-max-mb (default 40): a full AnalyzeAPK of the 100 MB file needs several
GB. Each side runs in its own spawned process, so peak RSS
(ru_maxrss) is that side's own; both load the API table before the clock starts.
"""

from __future__ import annotations

import argparse
import multiprocessing
import re
import resource
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
TESTDATA = ROOT.parent / "shared" / "testdata" / "apk"

Sites = list[tuple[str, str, str]]


def govgate_side(path: str, cache_dir: str | None) -> tuple[float, Sites, float]:
    from scanner.analyzers.apk import ApkAnalyzer
    from scanner.analyzers.apk.tables import load_tables
    from scanner.analyzers.base import AnalysisContext
    from scanner.models import Artifact

    load_tables()
    artifact = Artifact(path=Path(path), rel=Path(path).name, domain="apk")
    cache = Path(cache_dir) if cache_dir else None
    context = AnalysisContext(root=Path(path).parent, cache_dir=cache)

    started = time.perf_counter()
    (result,) = ApkAnalyzer().analyze([artifact], context)
    elapsed = time.perf_counter() - started

    sites: set[tuple[str, str, str]] = set()
    if result.facts is not None:
        sites = {(a.api, a.caller_class, a.caller_method) for a in result.facts.pi_accesses
                 if a.kind == "invoke"}
    return elapsed, sorted(sites), _peak_mb()


def androguard_side(path: str) -> tuple[float, Sites, float]:
    from loguru import logger

    logger.disable("androguard")
    from androguard.misc import AnalyzeAPK

    from scanner.analyzers.apk.tables import load_tables

    methods = load_tables().methods
    started = time.perf_counter()
    _, _, analysis = AnalyzeAPK(path)
    sites: set[tuple[str, str, str]] = set()
    for member in methods:
        found = analysis.find_methods(classname="^" + re.escape(member.descriptor) + "$",
                                      methodname="^" + re.escape(member.member) + "$")
        for method in found:
            for _, caller, _ in method.get_xref_from():
                cls = caller.get_class_name()[1:-1].replace("/", ".")
                descriptor = caller.get_descriptor().replace(" ", "")
                sites.add((member.api, cls, caller.name + descriptor))
    elapsed = time.perf_counter() - started
    return elapsed, sorted(sites), _peak_mb()


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _run(target: Any, *args: Any) -> Any:
    """Run one side in a fresh spawned process, so its peak RSS is its own."""
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(1, mp_context=context) as pool:
        return pool.submit(target, *args).result()


def bench(path: Path, peer_max_mb: float) -> None:
    size_mb = path.stat().st_size / 1e6
    print(f"\n== {path.name} ({size_mb:.1f} MB)")
    ours, our_sites, our_rss = _run(govgate_side, str(path), None)
    with tempfile.TemporaryDirectory() as cache_dir:
        _run(govgate_side, str(path), cache_dir)
        cached, _, _ = _run(govgate_side, str(path), cache_dir)
    print(f"govgate:    {ours:7.2f} s  peak RSS {our_rss:6.0f} MB  call sites {len(our_sites)}"
          f"  cached re-scan {cached:.3f} s")
    if size_mb > peer_max_mb:
        print(f"androguard: skipped (> {peer_max_mb:g} MB)")
        return

    theirs, their_sites, their_rss = _run(androguard_side, str(path))
    ours_set, theirs_set = set(map(tuple, our_sites)), set(map(tuple, their_sites))
    print(f"androguard: {theirs:7.2f} s  peak RSS {their_rss:6.0f} MB  "
          f"call sites {len(their_sites)}")
    print(f"speed ratio {theirs / ours:.1f}x   RSS ratio {their_rss / our_rss:.1f}x   "
          f"same call sites: {ours_set == theirs_set}")
    for label, extra in (("only govgate", ours_set - theirs_set),
                         ("only androguard", theirs_set - ours_set)):
        if extra:
            print(f"  {label}: {sorted(extra)[:5]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("apks", nargs="*", type=Path)
    parser.add_argument("--peer-max-mb", type=float, default=40.0)
    options = parser.parse_args()

    paths = options.apks
    if not paths:
        largest = max(TESTDATA.glob("*.apk"), key=lambda p: p.stat().st_size)
        paths = [TESTDATA / "a2dp.Vol_137.apk", largest]
        from bench.make_big_apk import build

        for megabytes, classes in ((24, 16_000), (100, 40_000)):
            big = Path(tempfile.gettempdir()) / f"govgate-bench-{megabytes}mb-{classes}.apk"
            if not big.exists():
                print(f"building {big} ({classes} classes, apktool; a few minutes)")
                build(big, megabytes=megabytes, classes=classes)
            paths.append(big)
    for path in paths:
        bench(path, options.peer_max_mb)


if __name__ == "__main__":
    main()
