"""Per-element precision, recall and F1 of the policy analyzer on a labelled set.

Usage: ``python bench/bench_policy_accuracy.py [DIR] [--split NAME|all]`` (default: each split
found in the labels, then all together)
(DIR defaults to tests/policy/labelled; the annotation format is described in its README).
A true positive needs the right status (present vs. negative); a status mismatch counts as a
false positive and a false negative. The macro average runs over elements seen in the set.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scanner.analyzers.policy import analyze_document  # noqa: E402
from scanner.analyzers.policy.facts import ABSENT, ELEMENT_KEYS, PolicyFacts  # noqa: E402
from scanner.documents import load_document  # noqa: E402
from scanner.scoring import Counts as BaseCounts  # noqa: E402

DEFAULT_SET = ROOT / "tests" / "policy" / "labelled"


@dataclass
class Counts(BaseCounts):
    located: int = 0  # true positives whose first mention lies on an annotated line


@dataclass
class Score:
    per_element: dict[str, Counts] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    documents: int = 0
    denied: Counts = field(default_factory=Counts)  # PI categories said not to be collected

    def seen(self) -> list[str]:
        return [k for k in ELEMENT_KEYS
                if k in self.per_element and sum(vars(self.per_element[k]).values())]

    @property
    def macro_f1(self) -> float:
        keys = self.seen()
        return sum(self.per_element[k].f1 for k in keys) / len(keys) if keys else 0.0

    def located_share(self) -> float:
        tp = sum(c.tp for c in self.per_element.values())
        return sum(c.located for c in self.per_element.values()) / tp if tp else 1.0


def load_labels(directory: Path, split: str = "all") -> list[dict[str, Any]]:
    labels = []
    for path in sorted(directory.glob("*.labels.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if split == "all" or data.get("split", "dev") == split:
            data["_dir"] = directory
            labels.append(data)
    return labels


def expand(lines: Iterable[int | Sequence[int]]) -> set[int]:
    found: set[int] = set()
    for item in lines:
        if isinstance(item, int):
            found.add(item)
        else:
            found.update(range(item[0], item[1] + 1))
    return found


def score(labels: list[dict[str, Any]], facts_by_doc: Mapping[str, PolicyFacts | None]) -> Score:
    result = Score()
    for label in labels:
        facts = facts_by_doc.get(label["document"])
        if facts is None:
            result.errors.append(label["document"])
            continue
        result.documents += 1
        gold: Mapping[str, Any] = label.get("elements") or {}
        for key in ELEMENT_KEYS:
            _count(result.per_element.setdefault(key, Counts()), gold.get(key), facts, key)
        if "pi_denied" in label:
            expected, predicted = set(label["pi_denied"]), set(facts.pi_denied)
            result.denied.tp += len(expected & predicted)
            result.denied.fp += len(predicted - expected)
            result.denied.fn += len(expected - predicted)
    return result


def _count(counts: Counts, gold: Mapping[str, Any] | None, facts: PolicyFacts, key: str) -> None:
    expected = gold["status"] if gold else ABSENT
    element = facts.element(key)
    predicted = element.status
    if expected == ABSENT and predicted == ABSENT:
        return
    if expected == predicted:
        counts.tp += 1
        lines = expand(gold.get("lines", ())) if gold else set()
        first = element.first
        if first is not None and lines & set(range(first.line, first.end_line + 1)):
            counts.located += 1
        return
    if predicted != ABSENT:
        counts.fp += 1
    if expected != ABSENT:
        counts.fn += 1


def analyze_set(labels: list[dict[str, Any]]) -> dict[str, PolicyFacts | None]:
    facts: dict[str, PolicyFacts | None] = {}
    for label in labels:
        document = load_document(Path(label["_dir"]) / label["document"])
        facts[label["document"]] = analyze_document(document)
    return facts


def report(title: str, result: Score) -> str:
    lines = [f"{title}: {result.documents} documents",
             f"{'element':<24}{'P':>7}{'R':>7}{'F1':>7}{'TP':>5}{'FP':>5}{'FN':>5}"]
    for key in result.seen():
        c = result.per_element[key]
        lines.append(f"{key:<24}{c.precision:7.3f}{c.recall:7.3f}{c.f1:7.3f}"
                     f"{c.tp:5d}{c.fp:5d}{c.fn:5d}")
    lines.append(f"{'macro average F1':<24}{result.macro_f1:21.3f}")
    lines.append(f"first mention on an annotated line: {result.located_share():.1%}")
    denied = result.denied
    if denied.tp + denied.fp + denied.fn:
        lines.append(f"PI categories said not to be collected (labelled documents): "
                     f"P {denied.precision:.3f} R {denied.recall:.3f} F1 {denied.f1:.3f}")
    if result.errors:
        lines.append(f"not analysed: {', '.join(result.errors)}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory", nargs="?", type=Path, default=DEFAULT_SET)
    parser.add_argument("--split", default=None,
                        help="a split name used in the labels (dev, heldout…) or all")
    args = parser.parse_args(argv)

    started = time.perf_counter()
    labels = load_labels(args.directory, "all")
    names = sorted({str(lab.get("split", "dev")) for lab in labels})
    splits = [args.split] if args.split else [*names, "all"]
    facts = analyze_set(labels)
    for split in splits:
        chosen = [lab for lab in labels if split == "all" or lab.get("split", "dev") == split]
        if chosen:
            print(report(f"[{split}] {args.directory}", score(chosen, facts)), end="\n\n")
    print(f"analysed {len(labels)} documents in {time.perf_counter() - started:.2f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
