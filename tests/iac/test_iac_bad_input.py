"""Bad inputs never crash the IaC scan: they become problems naming the file, the rest completes."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from scanner.analyzers.iac import checkov_runner

from .conftest import FIXTURES, analyze, failed_set, problems

VOLUME = 'resource "aws_ebs_volume" "d" {\n  availability_zone = "a"\n  size = 1\n}\n'
VOLUME_FAILS = {("CKV_AWS_189", "aws_ebs_volume.d"), ("CKV_AWS_3", "aws_ebs_volume.d")}


def unparseable(rel: str) -> str:
    return f"unparseable HCL: checkov could not parse {rel}; its terraform checks did not run"


def test_unparseable_hcl_and_yaml_that_is_not() -> None:
    results = analyze(FIXTURES / "broken")

    assert problems(results) == {"bad.tf": [unparseable("bad.tf")]}
    assert failed_set(results) == {
        ("CKV_AWS_189", "aws_ebs_volume.data", "good.tf"),
        ("CKV_AWS_3", "aws_ebs_volume.data", "good.tf"),
    }


def test_binary_junk_named_tf_and_yaml(tmp_path: Path) -> None:
    (tmp_path / "junk.tf").write_bytes(bytes((i * 7919) % 256 for i in range(8192)))
    (tmp_path / "junk.yaml").write_bytes(bytes((i * 31) % 256 for i in range(4096)))
    (tmp_path / "ok.tf").write_text(VOLUME)

    results = analyze(tmp_path)

    assert problems(results) == {"junk.tf": [unparseable("junk.tf")]}
    assert failed_set(results) == {(c, r, "ok.tf") for c, r in VOLUME_FAILS}


def test_symlink_loop(tmp_path: Path) -> None:
    os.symlink(".", tmp_path / "self")
    os.symlink(tmp_path, tmp_path / "back")
    (tmp_path / "ok.tf").write_text(VOLUME)

    results = analyze(tmp_path)

    assert failed_set(results) == {(c, r, "ok.tf") for c, r in VOLUME_FAILS}
    assert problems(results) == {}


def test_ten_thousand_small_files(tmp_path: Path) -> None:
    for index in range(10_000):
        (tmp_path / f"f{index:05d}.json").write_text(f'{{"n": {index}}}\n')
    (tmp_path / "main.tf").write_text(VOLUME)

    results = analyze(tmp_path)

    assert failed_set(results) == {(c, r, "main.tf") for c, r in VOLUME_FAILS}
    assert len(results) == 10_001


def test_checkov_missing_is_one_problem(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_checkov(name: str) -> object:
        raise ModuleNotFoundError("No module named 'checkov'")

    monkeypatch.setattr("scanner.analyzers.iac.checkov_runner.import_module", no_checkov)

    results = analyze(FIXTURES / "network")

    assert problems(results) == {".": ["checkov is not available: No module named 'checkov'"]}
    assert failed_set(results) == set()


def test_failing_runner_leaves_the_others(monkeypatch: pytest.MonkeyPatch) -> None:
    real = checkov_runner._run_one

    def flaky(framework: str, root: Path, runner_filter: object) -> list[object]:
        if framework == "terraform":
            raise RuntimeError("boom")
        return real(framework, root, runner_filter)

    monkeypatch.setattr(checkov_runner, "_run_one", flaky)

    results = analyze(FIXTURES / "broken")

    assert problems(results) == {".": ["checkov terraform runner failed: RuntimeError: boom"]}
    assert failed_set(results) == set()
