"""The CLI through click's CliRunner: exit codes, one-line errors, catalog commands, init."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from scanner.cli.main import cli

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


def test_scan_of_a_directory_without_inputs_passes(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text("# nothing to scan\n")
    result = runner.invoke(cli, ["scan", str(tmp_path), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert '"passed": true' in result.stdout


def test_unknown_regulation_is_a_usage_error(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["scan", str(tmp_path), "--regulation", "nope"])
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == "govgate: error: unknown regulation 'nope'"
    assert "Traceback" not in result.output


def test_broken_rule_pack_is_one_line_naming_file_line_field(
    runner: CliRunner, tmp_path: Path
) -> None:
    result = runner.invoke(cli, ["scan", str(tmp_path), "--rules-dir", str(FIXTURES / "broken")])
    assert result.exit_code == 2
    first = result.stderr.splitlines()[0]
    assert first.startswith("govgate: error: ")
    assert first.endswith("bad-field.yaml:9: $.rules[0].severity: 'urgent' is not one of "
                          "['info', 'low', 'medium', 'high', 'critical']")
    assert "Traceback" not in result.output


def test_bad_report_option(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["scan", str(tmp_path), "--report", "pdf=x.pdf"])
    assert result.exit_code == 2
    assert "expected FORMAT=FILE" in result.output


def test_invalid_config_names_file_and_field(runner: CliRunner, tmp_path: Path) -> None:
    config = tmp_path / "govgate.yaml"
    config.write_text("version: 1\nfail_on: sometimes\n")
    result = runner.invoke(cli, ["scan", str(tmp_path), "--config", str(config)])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"govgate: error: {config}:2: $.fail_on: 'sometimes' is not")


def test_rules_and_regulations_commands(runner: CliRunner) -> None:
    extra = ["--rules-dir", str(FIXTURES / "rules")]
    listed = runner.invoke(cli, ["rules", "list", "--pack", "test-pack", *extra])
    assert listed.exit_code == 0 and listed.stdout.rstrip().endswith("2 rule(s)")

    shown = runner.invoke(cli, ["rules", "show", "GG-TEST-001", "--lang", "zh", *extra])
    assert shown.exit_code == 0
    assert shown.stdout.splitlines()[0] == "GG-TEST-001  存储桶已加密"
    assert "test-reg:1(2)                TR Art. 1(2): 静态加密" in shown.stdout

    coverage = runner.invoke(cli, ["regulations", "coverage", "test-reg", *extra])
    assert coverage.exit_code == 0
    assert coverage.stdout.splitlines() == [
        "test-reg (TR): 2/3 provisions evidenced by at least one rule",
        "  Art. 1                   GG-TEST-002",
        "  Art. 1(2)                GG-TEST-001",
        "  Art. 2                   — no rule",
    ]
    unknown = runner.invoke(cli, ["rules", "show", "GG-NOPE-1"])
    assert unknown.exit_code == 2


def test_init_writes_a_valid_config_once(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "govgate.yaml"
    assert runner.invoke(cli, ["init", "--path", str(path)]).exit_code == 0
    again = runner.invoke(cli, ["init", "--path", str(path)])
    assert again.exit_code == 2 and "already exists" in again.stderr

    scan = runner.invoke(cli, ["scan", str(tmp_path), "--config", str(path), "-f", "json"])
    assert scan.exit_code == 0, scan.output


def test_importing_the_cli_loads_no_analysis_engine() -> None:
    code = ("import sys, scanner.cli.main; "
            "heavy = [m for m in ('checkov', 'androguard', 'spacy', 'jieba', 'jsonschema', "
            "'rich', 'junit_xml') if m in sys.modules]; print(heavy)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_scan_without_iac_never_imports_checkov(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text("hello\n")
    code = ("import sys\nfrom scanner.cli.main import cli\n"
            "try:\n    cli(['scan', sys.argv[1], '-q', '-f', 'json'])\n"
            "except SystemExit as e:\n    print('exit', e.code, 'checkov' in sys.modules)\n")
    out = subprocess.run([sys.executable, "-c", code, str(tmp_path)], capture_output=True,
                         text=True, check=True)
    assert out.stdout.strip().endswith("exit 0 False")


@pytest.mark.parametrize(("text", "message"), [
    ("version: 1\nsuppressions:\n  - {rule: GG-IAC-001, reason: x, expires: 2030-02-30}\n",
     "govgate.yaml:3: invalid value '2030-02-30': day is out of range for month"),
    ("version: 1\nsuppressions:\n  - {rule: GG-IAC-001, reason: x, expires: '2030-02-30'}\n",
     "govgate.yaml:3: $.suppressions[0].expires: '2030-02-30' is not a valid date"),
    ("[]\n", "govgate.yaml:1: $: [] is not of type 'object'"),
])
def test_config_mistakes_are_one_line_errors(runner: CliRunner, tmp_path: Path, text: str,
                                             message: str) -> None:
    config = tmp_path / "govgate.yaml"
    config.write_text(text)
    result = runner.invoke(cli, ["scan", str(tmp_path), "--config", str(config)])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"govgate: error: {tmp_path}/{message}")


def test_unquoted_yaml_date_is_accepted_for_expiry(runner: CliRunner, tmp_path: Path) -> None:
    config = tmp_path / "govgate.yaml"
    config.write_text("version: 1\nsuppressions:\n"
                      "  - {rule: GG-IAC-001, reason: x, expires: 2030-01-01}\n")
    result = runner.invoke(cli, ["scan", str(tmp_path), "--config", str(config), "-f", "json"])
    assert result.exit_code == 0, result.output


def test_a_crash_writes_a_report_and_shows_the_traceback_only_with_v(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import scanner.cli.run

    def crash(*args: object, **kwargs: object) -> None:
        raise RuntimeError("kaboom")

    monkeypatch.setattr(scanner.cli.run, "run_scan", crash)
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))
    quiet = runner.invoke(cli, ["scan", str(tmp_path)])
    assert quiet.exit_code == 2
    assert quiet.stderr.splitlines()[0] == "govgate: internal error: RuntimeError: kaboom"
    assert "Traceback" not in quiet.stderr
    report = Path(quiet.stderr.splitlines()[1].rsplit(" ", 1)[1])
    assert "RuntimeError: kaboom" in report.read_text()

    verbose = runner.invoke(cli, ["scan", str(tmp_path), "-v"])
    assert "Traceback (most recent call last)" in verbose.stderr


def test_every_report_is_written_even_if_one_destination_fails(
    runner: CliRunner, tmp_path: Path
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    good = tmp_path / "ok.sarif"
    result = runner.invoke(cli, ["scan", str(tmp_path), "-q", "-o", str(blocker / "r.json"),
                                 "-f", "json", "--report", f"sarif={good}"])
    assert result.exit_code == 2
    assert good.is_file()
    assert "cannot write the json report" in result.stderr


def test_catalog_listings_as_json(runner: CliRunner) -> None:
    import json

    extra = ["--rules-dir", str(FIXTURES / "rules")]
    rules_json = runner.invoke(cli, ["rules", "list", "--pack", "test-pack", "--format", "json",
                                     *extra])
    assert json.loads(rules_json.stdout) == [
        {"id": "GG-TEST-001", "severity": "high", "domain": "iac", "pack": "test-pack",
         "title": "Bucket is encrypted", "provisions": ["test-reg:1(2)"]},
        {"id": "GG-TEST-002", "severity": "low", "domain": "iac", "pack": "test-pack",
         "title": "Logging is on", "provisions": ["test-reg:1"]},
    ]
    regulations_json = runner.invoke(cli, ["regulations", "list", "--format", "json", *extra])
    test_reg = next(r for r in json.loads(regulations_json.stdout) if r["id"] == "test-reg")
    assert test_reg == {"id": "test-reg", "short": "TR", "title": "Test regulation",
                        "effective": "", "provisions": 3, "rules": 2}
