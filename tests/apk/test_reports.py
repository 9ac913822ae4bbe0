"""An APK scan through the CLI: SARIF points at the APK with logical locations for code and
manifest elements, JUnit has one testcase per rule × APK, JSON embeds the facts."""

from __future__ import annotations

import json
from pathlib import Path
from xml.etree import ElementTree

from click.testing import CliRunner

from scanner.cli.main import cli

from .conftest import FIXTURES


def _scan(tmp_path: Path, fmt: str, apk: str = "tracker-app.apk") -> tuple[int, str]:
    args = ["scan", str(FIXTURES / apk), "--pack", "cn-app-privacy", "--pack", "google-play",
            "-f", fmt, "--workers", "1", "--cache-dir", str(tmp_path / "cache")]
    result = CliRunner().invoke(cli, args, catch_exceptions=False)
    return result.exit_code, result.stdout


def test_sarif_locations(tmp_path: Path) -> None:
    code, out = _scan(tmp_path, "sarif")
    assert code == 1
    results = json.loads(out)["runs"][0]["results"]
    assert len(results) == 29
    imei = next(r for r in results if r["ruleId"] == "GG-APK-005"
                and "getImei" in r["message"]["text"])
    (location,) = imei["locations"]
    assert location["physicalLocation"]["artifactLocation"]["uri"].endswith("tracker-app.apk")
    assert [loc["fullyQualifiedName"] for loc in location["logicalLocations"]] == [
        "classes.dex/Lcom/umeng/analytics/MobclickAgent;->onResume(Landroid/content/Context;)V"]
    unused = next(r for r in results if r["ruleId"] == "GG-APK-001"
                  and "CAMERA" in r["message"]["text"])
    assert [loc["fullyQualifiedName"] for loc in unused["locations"][0]["logicalLocations"]] == [
        "AndroidManifest.xml/uses-permission[android.permission.CAMERA]"]


def test_junit_one_case_per_rule_and_apk(tmp_path: Path) -> None:
    code, out = _scan(tmp_path, "junit", "clean-app.apk")
    assert code == 1  # GG-PLAY-008 (high): targetSdk 34 is below Google Play's API 35
    root = ElementTree.fromstring(out)
    cases = root.findall(".//testcase")
    assert len(cases) == 23
    failed = sorted(c.get("name") or "" for c in cases if c.find("failure") is not None)
    assert [name.split(":")[0] for name in failed] == ["GG-APK-002", "GG-PLAY-008"]


def test_json_embeds_facts(tmp_path: Path) -> None:
    _, out = _scan(tmp_path, "json", "multidex-app.apk")
    (artifact,) = json.loads(out)["artifacts"]
    facts = artifact["facts"]
    assert (facts["package"], facts["dex_files"], facts["multidex"]) == (
        "com.example.multidex", ["classes.dex", "classes2.dex"], True)
    assert [c["name"] for c in facts["components"] if c["exported"]] == [
        "com.example.multidex.MainActivity"]
