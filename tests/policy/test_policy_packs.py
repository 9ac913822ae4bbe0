"""The cn-privacy-policy and gdpr-privacy-notice packs on real and written policies: exact
findings, evidence and checks."""

from __future__ import annotations

from policy_helpers import LABELLED, analyze_policies, finding_rows, run_pack

from scanner.catalog.model import Catalog


def test_github_statement_and_pipl_statute(catalog: Catalog) -> None:
    results = analyze_policies([LABELLED / "en_github_privacy_statement.md",
                                LABELLED / "zh_pipl_2021_statute.md"], LABELLED)

    assert results[1].facts is None
    assert [p.message for p in results[1].problems] == [
        "this looks like a statute (it refers to itself as a law and speaks of processors in "
        "the third person), not a privacy policy; its duties were not read as disclosures. "
        "Exclude it or scan the policy itself"]

    cn = run_pack(catalog, "cn-privacy-policy", {"policy": results})
    assert finding_rows(cn) == [
        ("GG-POL-005", "sensitive_pi", 1),
        ("GG-POL-006", "third_party_sdk", 58),
        ("GG-POL-009", "retention", 144),
        ("GG-POL-016", "account_cancellation", 1),
        ("GG-POL-018", "response_time", 285),
        ("GG-POL-022", "permissions_purpose", 1),
    ]
    assert sum(len(r.checks) for r in cn.values()) == 22
    assert sum(len(r.evidence) for r in cn.values()) == 16

    gdpr = run_pack(catalog, "gdpr-privacy-notice", {"policy": results})
    assert finding_rows(gdpr) == [("GG-GDPRN-013", "response_time", 285)]
    message = gdpr["GG-GDPRN-013"].findings[0].message
    assert message.en == ("Response time to data-subject requests: within 45 days is longer "
                          "than 31 days")
    evidence = {e.rule_id: e.location.start_line for r in gdpr.values() for e in r.evidence}
    assert evidence == {
        "GG-GDPRN-001": 23, "GG-GDPRN-002": 142, "GG-GDPRN-003": 58, "GG-GDPRN-004": 42,
        "GG-GDPRN-005": 92, "GG-GDPRN-006": 148, "GG-GDPRN-007": 144, "GG-GDPRN-008": 134,
        "GG-GDPRN-009": 136, "GG-GDPRN-010": 137, "GG-GDPRN-011": 128, "GG-GDPRN-012": 142,
    }


def test_chinese_policies(catalog: Catalog) -> None:
    names = ["zh_shop_privacy.md", "zh_game_privacy.html", "zh_tool_privacy.md"]
    results = analyze_policies([LABELLED / n for n in names], LABELLED)

    outcome = run_pack(catalog, "cn-privacy-policy", {"policy": results})
    rows = [(f.rule_id, f.location.path, f.identity, f.location.start_line)
            for r in outcome.values() for f in r.findings]
    assert rows == [
        ("GG-POL-007", "zh_game_privacy.html", "sharing_transfer", 1),
        ("GG-POL-009", "zh_game_privacy.html", "retention", 30),
        ("GG-POL-010", "zh_game_privacy.html", "cross_border|storage_location", 1),
        ("GG-POL-011", "zh_game_privacy.html", "security_measures", 1),
        ("GG-POL-014", "zh_game_privacy.html", "right_deletion", 1),
        ("GG-POL-015", "zh_game_privacy.html", "right_withdraw_consent", 1),
        ("GG-POL-016", "zh_game_privacy.html", "account_cancellation", 34),
        ("GG-POL-017", "zh_game_privacy.html", "complaint_channel", 1),
        ("GG-POL-017", "zh_tool_privacy.md", "complaint_channel", 1),
        ("GG-POL-018", "zh_game_privacy.html", "response_time", 1),
        ("GG-POL-018", "zh_tool_privacy.md", "response_time", 1),
        ("GG-POL-019", "zh_tool_privacy.md", "minors", 1),
        ("GG-POL-020", "zh_game_privacy.html", "policy_updates", 1),
    ]
    refused = outcome["GG-POL-016"].findings[0]
    assert refused.message.zh == ("隐私政策说明注销账号的方式：政策声明不提供或不做："
                                  "“目前游戏暂不提供账号注销功能。”")
    assert refused.evidence == "目前游戏暂不提供账号注销功能。"
    assert refused.provisions == ("cn-gbt35273:8.5", "cn-app-method-2019:6.1", "cn-miit-337:8")


def test_fingerprints_survive_moved_lines(catalog: Catalog, tmp_path) -> None:  # type: ignore[no-untyped-def]
    original = (LABELLED / "zh_game_privacy.html").read_text(encoding="utf-8")
    moved = tmp_path / "zh_game_privacy.html"
    moved.write_text(original.replace("<main>", "<main>\n\n\n"), encoding="utf-8")

    before = run_pack(catalog, "cn-privacy-policy",
                      {"policy": analyze_policies([LABELLED / "zh_game_privacy.html"], LABELLED)})
    after = run_pack(catalog, "cn-privacy-policy",
                     {"policy": analyze_policies([moved], tmp_path)})

    first = before["GG-POL-016"].findings[0]
    second = after["GG-POL-016"].findings[0]
    assert (first.location.start_line, second.location.start_line) == (34, 37)
    assert first.fingerprint == second.fingerprint
