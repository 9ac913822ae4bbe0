"""Clause-classification accuracy of the contract analyzer on a labelled set.

Usage: python bench/bench_contract_accuracy.py [LABELLED_DIR] [-v] [--presence]
(default: tests/contract/labelled). Prints per-type precision/recall/F1, the macro average and
value exact-match, for the dev documents, the held-out documents and all of them. A clause
counts when found on a labelled line; with --presence, when found anywhere in the document.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from scanner.analyzers.contract.accuracy import Score, load_set, score  # noqa: E402

DEFAULT_DIR = Path(__file__).resolve().parent.parent / "tests" / "contract" / "labelled"


def report(title: str, result: Score, verbose: bool) -> None:
    print(f"\n== {title}")
    print(f"{'clause type':32} {'P':>6} {'R':>6} {'F1':>6}  tp fp fn")
    for key in sorted(result.per_type):
        c = result.per_type[key]
        print(f"{key:32} {c.precision:6.2f} {c.recall:6.2f} {c.f1:6.2f}  "
              f"{c.tp:2} {c.fp:2} {c.fn:2}")
    worst = min((c.f1 for c in result.per_type.values()), default=1.0)
    print(f"macro F1 {result.macro_f1:.3f}   lowest type F1 {worst:.3f}   "
          f"value exact-match {result.value_accuracy:.3f} "
          f"({result.values_matched}/{result.values_total})   "
          f"contract type {result.type_matched}/{result.type_total}")
    if verbose:
        for error in result.errors:
            print("  -", error)


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("-")]
    directory = Path(args[0]) if args else DEFAULT_DIR
    items = load_set(directory)
    verbose = "-v" in sys.argv
    presence = "--presence" in sys.argv
    dev = [i for i in items if i.split != "heldout"]
    heldout = [i for i in items if i.split == "heldout"]
    print(f"{len(items)} labelled contracts in {directory} "
          f"({len(dev)} dev, {len(heldout)} held out)")
    report("dev", score(dev, presence), verbose)
    if heldout:
        report("held out", score(heldout, presence), verbose)
    report("all", score(items, presence), verbose)


if __name__ == "__main__":
    main()
