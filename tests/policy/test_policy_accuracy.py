"""The labelled set: macro F1 ≥ 0.90 and no element below 0.80 on the documents we developed
against (splits dev*); a regression floor only on the held-out ones (see labelled/README.md)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    path = ROOT / "bench" / "bench_policy_accuracy.py"
    spec = importlib.util.spec_from_file_location("bench_policy_accuracy", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def scored(bench: ModuleType) -> dict[str, object]:
    labels = bench.load_labels(bench.DEFAULT_SET)
    facts = bench.analyze_set(labels)
    developed = [lab for lab in labels if lab["split"].startswith("dev")]
    heldout = [lab for lab in labels if lab["split"] == "heldout"]
    return {"developed": bench.score(developed, facts), "heldout": bench.score(heldout, facts),
            "count": len(labels)}


def test_set_size(scored: dict[str, object]) -> None:
    assert scored["count"] == 31


def test_thresholds_on_the_developed_set(scored: dict[str, object]) -> None:
    result = scored["developed"]
    weakest = {k: result.per_element[k].f1 for k in result.seen()}  # type: ignore[attr-defined]

    assert result.macro_f1 >= 0.90  # type: ignore[attr-defined]
    assert min(weakest.values()) >= 0.80, weakest


def test_heldout_regression_floor(scored: dict[str, object]) -> None:
    """Not a target: the held-out documents were measured once (macro F1 0.785, precision 0.97)
    and are never tuned against; after the generalisation round they score 0.873 (precision
    0.98). This only catches a regression."""
    result = scored["heldout"]
    counts = result.per_element.values()  # type: ignore[attr-defined]
    tp, fp = sum(c.tp for c in counts), sum(c.fp for c in counts)

    assert result.macro_f1 >= 0.85  # type: ignore[attr-defined]
    assert tp / (tp + fp) >= 0.95


def test_blind_set_floor(bench: ModuleType) -> None:
    """labelled-blind/ was written and labelled by someone who never saw the patterns, and no
    one tuning them may read it. Measured at 0.940 macro F1 when it arrived; this floor guards
    against regressions and is not a target."""
    labels = bench.load_labels(ROOT / "tests" / "policy" / "labelled-blind")
    result = bench.score(labels, bench.analyze_set(labels))
    assert len(labels) == 10
    assert result.macro_f1 >= 0.90
