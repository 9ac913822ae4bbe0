"""End-to-end: the real contracts and our labelled ones, analyzed and checked by every
contract rule, with the exact clause keys, values and findings expected."""

from __future__ import annotations

from pathlib import Path

from helpers import run_contract_rules

REAL = Path(__file__).resolve().parent / "labelled"
CORPORATE = REAL / "en_github-corporate-terms-of-service.md"
CONSUMER = REAL / "en_github-terms-of-service.md"
DPA = REAL / "en_github-dpa-2021-10.md"


def test_real_contracts_clauses_and_values() -> None:
    results, _, _ = run_contract_rules([CORPORATE, DPA, CONSUMER])
    facts = {r.artifact.rel: r.facts for r in results}

    corporate = facts[CORPORATE.name]
    assert corporate is not None and corporate.type == "saas"
    assert sorted(corporate.clauses) == [
        "assignment", "confidentiality", "deletion_return", "dispute_resolution",
        "force_majeure", "governing_law", "indemnity", "ip_ownership", "liability_cap",
        "nature_purpose", "notices", "payment_terms", "subject_matter", "term_renewal",
        "termination", "unilateral_termination", "unlimited_liability"]
    assert corporate.values == {"liability_cap": "fees_multiple=1;months=12",
                                "governing_law": "US-CA",
                                "dispute_venue": "court:Northern District of California"}

    dpa = facts[DPA.name]
    assert dpa is not None and dpa.type == "dpa"
    assert sorted(dpa.clauses) == [
        "audit_rights", "breach_notification", "confidentiality", "cross_border",
        "data_subject_rights_assistance", "deletion_return", "dispute_resolution",
        "documented_instructions", "duration", "governing_law", "indemnity", "ip_ownership",
        "nature_purpose", "notices", "personnel_confidentiality", "pi_types_subjects",
        "security_measures", "subject_matter", "subprocessors", "termination"]
    assert dpa.values == {"governing_law": "NL", "dispute_venue": "court:Netherlands"}
    assert dpa.clauses["breach_notification"].line == 204
    assert dpa.clauses["subprocessors"].line == 234

    consumer = facts[CONSUMER.name]
    assert consumer is not None and consumer.type == "saas"
    assert sorted(consumer.clauses) == [
        "assignment", "confidentiality", "deletion_return", "dispute_resolution",
        "force_majeure", "governing_law", "indemnity", "ip_ownership", "liability_cap",
        "nature_purpose", "notices", "payment_terms", "termination", "unilateral_termination"]
    assert consumer.values == {"governing_law": "US-CA", "dispute_venue": "court:San Francisco"}


def test_real_contracts_findings() -> None:
    _, findings, merged = run_contract_rules([CORPORATE, DPA, CONSUMER])
    # The consumer terms let GitHub terminate at will but also let the user cancel at any
    # time, so termination for convenience is not the counterparty's alone.
    assert findings == [("GG-CON-402", CORPORATE.name, 292, "unlimited_liability")]
    # Every GDPR Art. 28 term is present in GitHub's DPA: thirteen pieces of evidence.
    art28 = [e for e in merged.evidence if e.rule_id.startswith("GG-CON-3")]
    assert len(art28) == 13
    assert {e.artifact for e in art28} == {DPA.name}


def test_labelled_contracts_findings() -> None:
    names = ["dpa_en_northwind.md", "entrusted_zh_huaxin.txt", "crossborder_zh_standard.txt",
             "saas_en_brightdesk.md", "techservice_zh_lianchuang.txt", "nda_en_mutual.txt",
             "purchase_zh_hengtong.txt", "outsourcing_en_keystone.md"]
    _, findings, _ = run_contract_rules([REAL / n for n in names])
    assert findings == [
        ("GG-CON-401", "techservice_zh_lianchuang.txt", 1, "liability_cap"),
        ("GG-CON-404", "techservice_zh_lianchuang.txt", 28, "liquidated_damages"),
        ("GG-CON-409", "outsourcing_en_keystone.md", 33, "breach_notification"),
        ("GG-CON-411", "outsourcing_en_keystone.md", 55, "injury_exemption"),
    ]


def test_thresholds_come_from_config() -> None:
    paths = [REAL / "dpa_en_northwind.md", REAL / "techservice_zh_lianchuang.txt"]
    config = {"contract": {"max_breach_notification_hours": 24, "max_penalty_rate": 40}}
    _, findings, _ = run_contract_rules(paths, config)
    assert findings == [
        ("GG-CON-401", "techservice_zh_lianchuang.txt", 1, "liability_cap"),
        ("GG-CON-409", "dpa_en_northwind.md", 59, "breach_notification"),
    ]


def test_our_side_decides_the_party_rules() -> None:
    # As the service provider (乙方), our background IP is assigned away and the
    # counterparty alone may terminate at will.
    path = REAL / "techservice_zh_lianchuang.txt"
    _, findings, merged = run_contract_rules([path], {"contract": {"our_roles": ["provider"]}})
    assert findings == [
        ("GG-CON-401", path.name, 1, "liability_cap"),
        ("GG-CON-402", path.name, 29, "unlimited_liability"),
        ("GG-CON-403", path.name, 27, "liquidated_damages"),
        ("GG-CON-404", path.name, 28, "liquidated_damages"),
        ("GG-CON-406", path.name, 32, "unilateral_termination"),
        ("GG-CON-410", path.name, 21, "ip_preexisting_assignment"),
    ]
    message = next(f.message for f in merged.findings if f.rule_id == "GG-CON-404")
    assert message.en == "Liquidated damages of 35% exceed the maximum of 30%"
    assert message.zh == "违约金比例 35% 超过上限 30%"


def test_missing_required_terms_are_findings_with_provisions(tmp_path: Path) -> None:
    path = tmp_path / "委托处理协议.txt"
    path.write_text(
        "个人信息委托处理协议\n\n委托方（甲方）：甲公司\n受托方（乙方）：乙公司\n\n"
        "第一条 委托事项\n乙方为甲方提供会员短信服务，处理个人信息的目的仅限于发送短信。\n\n"
        "第二条 法律适用\n本协议适用中华人民共和国法律。\n\n"
        "第三条 争议解决\n争议提交北京仲裁委员会仲裁。\n", encoding="utf-8")
    _, findings, merged = run_contract_rules([path])
    assert [f[0] for f in findings] == [
        "GG-CON-102", "GG-CON-103", "GG-CON-104", "GG-CON-105", "GG-CON-106", "GG-CON-107",
        "GG-CON-108", "GG-CON-109", "GG-CON-110", "GG-CON-111"]
    sub = next(f for f in merged.findings if f.rule_id == "GG-CON-107")
    assert sub.provisions == ("cn-pipl:21", "cn-gbt35273:9.1")
    assert sub.identity == "subprocessors"
    assert (sub.location.path, sub.location.start_line) == (path.name, 1)
