"""End to end: an APK with its privacy policy given as a file or an unreachable URL."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from scanner.cli.main import cli

REPO = Path(__file__).resolve().parents[2]
APK = REPO / "tests" / "apk" / "fixtures" / "tracker-app.apk"


def test_unreachable_policy_url_is_an_analysis_error_and_the_app_is_still_scanned() -> None:
    url = "http://127.0.0.1:9/privacy.html"
    result = CliRunner().invoke(cli, ["scan", str(APK), "--policy", url, "-q", "-f", "json",
                                      "--fail-on-error"])
    assert result.exit_code == 3
    findings = json.loads(result.stdout)["findings"]
    errors = [f for f in findings if f["rule_id"] == "GG-META-001"]
    assert [e["location"]["path"] for e in errors] == [url]
    assert "cannot connect" in errors[0]["message"]
    assert {f["rule_id"] for f in findings} >= {"GG-APK-001", "GG-APK-005", "GG-PLAY-008"}


def test_missing_policy_file_is_a_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["scan", str(APK), "--policy", str(tmp_path / "nope.md")])
    assert result.exit_code == 2
    missing = tmp_path / "nope.md"
    assert result.stderr.strip() == (f"govgate: error: {missing}: the privacy policy named with "
                                     "--policy or in apps: does not exist")


EXPECTED_CROSS_DOMAIN = [
    ("GG-XD-001", "pi:installed_apps"), ("GG-XD-001", "pi:network"), ("GG-XD-002", "sdk:jpush"),
    ("GG-XD-003", "permission:android.permission.CAMERA"),
    ("GG-XD-003", "permission:android.permission.READ_CONTACTS"),
    ("GG-XD-003", "permission:android.permission.READ_PHONE_STATE"),
    ("GG-XD-003", "permission:android.permission.READ_SMS"), ("GG-XD-004", "denied:sms"),
]


def test_apps_in_config_tie_an_app_to_a_policy_whatever_its_name(tmp_path: Path) -> None:
    (tmp_path / "app").mkdir()
    (tmp_path / "docs").mkdir()
    (tmp_path / "app" / "tracker-app.apk").write_bytes(APK.read_bytes())
    policy = REPO / "tests" / "policy" / "fixtures" / "tracker_privacy.md"
    (tmp_path / "docs" / "notes.md").write_text(policy.read_text(encoding="utf-8"))
    (tmp_path / "govgate.yaml").write_text(
        "version: 1\napps:\n  - apk: app/tracker-app.apk\n    policy: docs/notes.md\n")

    result = CliRunner().invoke(cli, ["scan", str(tmp_path), "-q", "-f", "json"])
    findings = json.loads(result.stdout)["findings"]
    cross = sorted((f["rule_id"], f["identity"]) for f in findings
                   if f["rule_id"].startswith("GG-XD"))
    assert cross == EXPECTED_CROSS_DOMAIN
    via_flag = CliRunner().invoke(cli, ["scan", str(APK), "--policy", str(policy), "-q", "-f",
                                        "json"])
    flagged = sorted((f["rule_id"], f["identity"]) for f in json.loads(via_flag.stdout)["findings"]
                     if f["rule_id"].startswith("GG-XD"))
    assert flagged == EXPECTED_CROSS_DOMAIN
