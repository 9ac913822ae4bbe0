"""Contract structure (parties, recitals, schedules, signature block) and type detection."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import facts_of

from scanner.analyzers.contract import ContractAnalyzer
from scanner.models import Artifact

LABELLED = Path(__file__).resolve().parent / "labelled"


def labelled(name: str, config: dict[str, object] | None = None):
    path = LABELLED / name
    result = ContractAnalyzer().analyze_one(Artifact(path, name, "contract"), config or {})
    assert result.facts is not None, result.problems
    return result.facts


def test_english_parties_recitals_schedules_signature() -> None:
    facts = labelled("dpa_en_northwind.md")
    parties = [(p.label, p.name, p.role) for p in facts.structure.parties]
    assert parties == [("Customer", "Northwind Retail Ltd", "customer"),
                       ("Supplier", "Cloudlane Analytics Inc.", "provider")]
    assert facts.structure.recitals == (7, 9)
    assert [(s.heading, s.line) for s in facts.structure.schedules] == [
        ("Schedule 2 – Technical and Organisational Measures", 87),
        ("Schedule 3 – Approved Sub-processors", 93)]
    assert facts.structure.signature_line == 98


def test_chinese_parties_take_the_role_of_their_alias() -> None:
    facts = labelled("entrusted_zh_huaxin.txt")
    parties = [(p.label, p.alias, p.name, p.role) for p in facts.structure.parties]
    assert parties == [("委托方", "甲方", "上海华信零售有限公司", "controller"),
                       ("受托方", "乙方", "杭州云拓数据技术有限公司", "processor")]
    assert facts.structure.recitals == (9,)
    assert facts.structure.signature_line == 68


def test_numbered_parties_and_recitals_under_a_heading() -> None:
    facts = labelled("nda_en_mutual.txt")
    assert [(p.label, p.name) for p in facts.structure.parties][:2] == [
        ("Harbourline", "Harbourline Capital LLP"), ("Quillmark", "Quillmark Robotics Ltd")]
    assert facts.structure.recitals == (11, 13)
    assert facts.structure.signature_line == 61


def test_outline_keeps_numbered_articles() -> None:
    facts = labelled("crossborder_zh_standard.txt")
    numbers = [e.number for e in facts.structure.outline if e.number.startswith("第")]
    assert numbers == ["第一条", "第二条", "第三条", "第四条", "第五条", "第六条", "第七条",
                       "第八条", "第九条"]


@pytest.mark.parametrize(("name", "kind"), [
    ("dpa_en_northwind.md", "dpa"),
    ("entrusted_zh_huaxin.txt", "entrusted_processing"),
    ("crossborder_zh_standard.txt", "cross_border_standard"),
    ("saas_en_brightdesk.md", "saas"),
    ("techservice_zh_lianchuang.txt", "technical_service"),
    ("outsourcing_en_keystone.md", "technical_service"),
    ("nda_en_mutual.txt", "nda"),
    ("purchase_zh_hengtong.txt", "purchase"),
    ("en_github-dpa-2021-10.md", "dpa"),
    ("en_github-terms-of-service.md", "saas"),
])
def test_contract_type_detection(name: str, kind: str) -> None:
    facts = labelled(name)
    assert (facts.type, facts.type_source) == (kind, "detected")


def test_contract_type_override_from_config() -> None:
    facts = labelled("nda_en_mutual.txt", {"types": {"nda_*.txt": "purchase"}})
    assert (facts.type, facts.type_source) == ("purchase", "config")


def test_unknown_kind_of_agreement_is_other() -> None:
    assert facts_of("Memorandum\n\nThe parties will meet on Monday to talk.\n").type == "other"


def test_to_dict_is_json_ready() -> None:
    data = labelled("purchase_zh_hengtong.txt").to_dict()
    assert data["type"] == "purchase"
    assert data["values"] == {
        "dispute_venue": "arbitration:BAC", "governing_law": "CN",
        "liability_cap": "fees_multiple=1", "liquidated_damages_per_day": True,
        "liquidated_damages_rate": 0.05}
    assert data["clauses"]["governing_law"] == {
        "line": 37, "end_line": 37, "text": "法律适用和争议解决",
        "section": "第八条 法律适用和争议解决", "subjects": [], "lines": [37, 38]}
    assert data["clauses"]["liability_cap"] == {
        "line": 29, "end_line": 29,
        "text": "5.3 任何一方因违反本合同给对方造成损失的，赔偿责任总额不超过合同总价。",
        "section": "第五条 违约责任 > 5.3", "subjects": ["both"], "lines": [29]}
