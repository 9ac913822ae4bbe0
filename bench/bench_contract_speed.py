"""Speed of the contract analyzer on a ~50-page (~100,000 character) contract, one core.

Usage: python bench/bench_contract_speed.py [CHARS]
The contract is built from the labelled contracts (English and Chinese) repeated to the size.
Prints cold and warm (median of 5) times, characters per second, the ratio to the 2-second
budget, and the ratio to the document layer alone (``parse_text``: loading structure and
sentences) measured in the same run.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from scanner.analyzers.contract import analyze_text  # noqa: E402
from scanner.documents.loading import parse_text  # noqa: E402

LABELLED = Path(__file__).resolve().parent.parent / "tests" / "contract" / "labelled"
BUDGET_SECONDS = 2.0
RUNS = 5


def build_contract(chars: int) -> str:
    parts = [p.read_text(encoding="utf-8") for p in sorted(LABELLED.glob("*.txt"))]
    parts += [p.read_text(encoding="utf-8") for p in sorted(LABELLED.glob("*_*.md"))]
    text = ""
    while len(text) < chars:
        for part in parts:
            text += part + "\n\n"
    return text[:chars]


def timed(function: object, text: str) -> float:
    start = time.perf_counter()
    function(text)  # type: ignore[operator]
    return time.perf_counter() - start


def main() -> None:
    chars = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    text = build_contract(chars)

    def analyze(body: str) -> None:
        result = analyze_text(body, "bench-contract.md")
        assert result.facts is not None, result.problems

    def structure(body: str) -> None:
        parse_text(body, "md", "bench-contract.md")

    cold = timed(analyze, text)
    warm = statistics.median(timed(analyze, text) for _ in range(RUNS))
    layer = statistics.median(timed(structure, text) for _ in range(RUNS))

    print(f"contract of {len(text):,} characters ({text.count(chr(10)) + 1:,} lines)")
    print(f"cold (loads spaCy and the patterns): {cold:.2f} s")
    print(f"warm, median of {RUNS}: {warm:.3f} s  ->  {len(text) / warm:,.0f} chars/s")
    print(f"budget {BUDGET_SECONDS:.1f} s: warm time is {warm / BUDGET_SECONDS:.2f} of it "
          f"({'PASS' if warm < BUDGET_SECONDS else 'FAIL'})")
    print(f"document layer alone (parse_text): {layer:.3f} s; contract analysis is "
          f"{warm / layer:.1f}x the document layer")


if __name__ == "__main__":
    main()
