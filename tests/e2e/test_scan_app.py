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
    assert result.stderr.strip() == f"govgate: error: {missing}: --policy file does not exist"
