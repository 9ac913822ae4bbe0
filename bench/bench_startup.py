"""Benchmark: start-up cost of the gate when there is nothing heavy to analyze.

Prints the import time of ``scanner.cli.main``, and the wall time of ``govgate scan`` on a
directory holding only a README — with a cold catalog cache (first run on a machine) and a warm
one — and checks that checkov was not imported. Target: < 0.5 s wall (warm).

    python bench/bench_startup.py [--runs 7]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

IMPORT_PROBE = "import time; t = time.perf_counter(); import scanner.cli.main; " \
    "print(time.perf_counter() - t)"
CHECKOV_PROBE = """
import sys
from scanner.cli.main import cli
try:
    cli(["scan", sys.argv[1], "-q", "-f", "json"])
except SystemExit:
    pass
print("checkov imported:", "checkov" in sys.modules)
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()

    imports = [float(_run([sys.executable, "-c", IMPORT_PROBE])) for _ in range(args.runs)]
    print(f"import scanner.cli.main: median {statistics.median(imports) * 1000:.0f} ms")

    with tempfile.TemporaryDirectory(prefix="govgate-startup-") as scratch:
        target = Path(scratch) / "repo"
        target.mkdir()
        (target / "README.md").write_text("# nothing to analyze here\n")
        cache = Path(scratch) / "cache"
        env = {**os.environ, "GOVGATE_CACHE_DIR": str(cache)}
        govgate = [sys.executable, "-m", "scanner.cli", "scan", str(target), "-q"]

        cold = []
        for index in range(args.runs):
            cold.append(_timed(govgate, {**env, "GOVGATE_CACHE_DIR": str(cache / f"c{index}")}))
        warm = [_timed(govgate, env) for _ in range(args.runs)]
        print(f"scan of a README-only directory: cold catalog cache median "
              f"{statistics.median(cold):.3f} s, warm median {statistics.median(warm):.3f} s "
              f"(target < 0.5 s)")
        probe = _run([sys.executable, "-c", CHECKOV_PROBE, str(target)], env)
        print(probe.strip().splitlines()[-1])


def _timed(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, env=env, check=False, capture_output=True)
    return time.perf_counter() - started


def _run(command: list[str], env: dict[str, str] | None = None) -> str:
    return subprocess.run(command, env=env, check=True, capture_output=True, text=True).stdout


if __name__ == "__main__":
    main()
