"""Every contract-risk rule's own examples: the ``fail`` text yields exactly one finding of
that rule, the ``pass`` text none."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import run_contract_rules

from scanner.catalog.loader import load_catalog

RISK_RULES = sorted(r.id for r in load_catalog().packs["contract-risk"].rules)


@pytest.mark.parametrize("rule_id", RISK_RULES)
@pytest.mark.parametrize("outcome", ["fail", "pass"])
def test_rule_examples(rule_id: str, outcome: str, tmp_path: Path) -> None:
    rule = load_catalog().rules[rule_id]
    path = tmp_path / "agreement.txt"
    path.write_text(rule.examples[outcome] + "\n", encoding="utf-8")

    _, findings, _ = run_contract_rules([path])

    mine = [f for f in findings if f[0] == rule_id]
    assert len(mine) == (1 if outcome == "fail" else 0)
